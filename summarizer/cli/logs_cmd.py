"""`summarizer logs`: the call log, newest first: every model call's prompt, tokens, cost and cache hit."""

from __future__ import annotations

from typing import Annotated

import typer

from summarizer.cli import app
from summarizer.cli.common import (
    ConfigOpt,
    IndexOpt,
    JsonOpt,
    emit_json,
    guarded,
    out_console,
    resolve_settings,
)


@app.command("logs")
def logs_command(
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many calls to list.")] = 20,
    index: IndexOpt = None,
    config: ConfigOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """List the latest model calls (never the key): when, command, engine, model, prompt, outcome,
    tokens in/out, cache hit, latency and estimated cost, with totals over the whole log.

    Example:

        summarizer logs --limit 5 --json
    """

    def run() -> None:
        from rich.table import Table

        from summarizer.llm.calllog import CALL_LOG_FILE, CallLog

        settings = resolve_settings(index, None, config)
        path = settings.home / CALL_LOG_FILE
        if not path.exists():
            if json_out:
                emit_json({"log": str(path), "calls": [], "totals": None})
            else:
                out_console.print(f"no model calls logged yet ({path})", highlight=False)
            return
        log = CallLog(path)
        try:
            calls, totals = log.recent(limit), log.totals()
        finally:
            log.close()
        if json_out:
            emit_json(
                {
                    "log": str(path),
                    "calls": [c.model_dump(mode="json", exclude={"messages"}) for c in calls],
                    "totals": totals.model_dump(mode="json"),
                }
            )
            return
        table = Table(
            "at (UTC)",
            "command",
            "engine",
            "model",
            "prompt",
            "outcome",
            "in",
            "out",
            "cache",
            "ms",
            "cost $",
            title=f"model calls · {path}",
            title_justify="left",
        )
        for c in calls:
            table.add_row(
                c.at.strftime("%Y-%m-%d %H:%M:%S"),
                c.command,
                c.engine,
                c.model,
                c.prompt_ident,
                c.outcome,
                str(c.prompt_tokens),
                str(c.completion_tokens),
                "hit" if c.cache_hit else "",
                f"{c.latency_ms:.0f}",
                "?" if c.cost_usd is None else f"{c.cost_usd:.5f}",
            )
        out_console.print(table)
        out_console.print(
            f"all {totals.calls} calls: {totals.cache_hits} cache hits · billed tokens {totals.prompt_tokens:,} in /"
            f" {totals.completion_tokens:,} out · est. ${totals.cost_usd:.4f} · outcomes "
            + ", ".join(f"{k} {v}" for k, v in totals.by_outcome.items()),
            style="dim",
            highlight=False,
        )

    guarded(run)
