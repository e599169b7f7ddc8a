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
    """Show the resolved configuration (defaults < summarizer.toml < environment < flags).

    The API key is masked; `resolved_engine` is the engine `ask` will really run, and
    `llm_endpoint` where an LLM engine would send its requests. Each publish target shows its
    webhook URL and secret masked, read from the variables it names.
    """

    def run() -> None:
        from summarizer.llm.config import llm_config

        # `engine` only takes names the engine registry has (tests/test_config.py holds them equal).
        settings = resolve_settings(index, chroma_url, config)
        data = settings.masked()
        data["llm_endpoint"] = llm_config(settings).endpoint
        if json_out:
            emit_json(data)
            return
        table = Table("setting", "value", title="summarizer configuration")
        targets = data.pop("publish")
        for key, value in data.items():
            table.add_row(key, "" if value is None else str(value))
        for target in targets:
            label = target.get("name") or target["kind"]
            shown = " · ".join(f"{k} {v}" for k, v in target.items() if v is not None and k != "name")
            table.add_row(f"publish · {label}", shown)
        out_console.print(table)

    guarded(run)
