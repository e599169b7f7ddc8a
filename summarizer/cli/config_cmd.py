"""`summarizer config`: print the resolved configuration with secrets masked."""

from __future__ import annotations

from rich.table import Table

from summarizer.cli import app
from summarizer.cli.common import (
    ChromaOpt,
    ConfigOpt,
    IndexOpt,
    JsonOpt,
    emit_json,
    guarded,
    out_console,
    resolve_settings,
)


@app.command("config")
def config_command(
    index: IndexOpt = None, chroma_url: ChromaOpt = None, config: ConfigOpt = None, json_out: JsonOpt = False
) -> None:
    """Show the resolved configuration (defaults < summarizer.toml < environment < flags)."""

    def run() -> None:
        from summarizer.engines import REGISTRY

        settings = resolve_settings(index, chroma_url, config)
        data = settings.masked(available=REGISTRY)
        if json_out:
            emit_json(data)
            return
        table = Table("setting", "value", title="summarizer configuration")
        for key, value in data.items():
            table.add_row(key, "" if value is None else str(value))
        out_console.print(table)
        if not data["engine_available"]:
            available = ", ".join(sorted(REGISTRY))
            out_console.print(
                f"engine '{data['resolved_engine']}' is not in this build (available: {available})",
                style="red",
                highlight=False,
            )

    guarded(run)
