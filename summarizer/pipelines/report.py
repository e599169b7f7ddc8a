"""`report --html`: for each series, the summary of its last report in the period, the roll-up of
the period, its risk register and its projects' timelines, rendered into one HTML file.

The period defaults to each series' whole history; `--from/--to/--last` narrow it. Everything
passes the same verification as the commands that print it.
"""

from __future__ import annotations

import os
from pathlib import Path

from index.schemas import ProjectTimeline
from index.text.lang import Lang
from summarizer.engines.summary import SummaryWriter
from summarizer.pipelines import risks as risk_pipeline
from summarizer.pipelines.summarize import Session, reports_in, rollup_of, summary_of
from summarizer.render import html
from summarizer.schemas import ProjectOutcome, RiskRegister
from summarizer.summaries import period as periods
from summarizer.summaries import risks
from summarizer.summaries.draft import assemble_register
from summarizer.summaries.inputs import RiskFacts
from summarizer.summaries.series import Series, find_series, folders
from summarizer.workspace import Workspace

MAX_TIMELINE_ROWS = 24
"""Projects drawn on one timeline, most delayed first: past this a chart stops being readable."""


def timelines(s: Series, outcomes: list[ProjectOutcome], sources: set[str]) -> list[ProjectTimeline]:
    """The period's observations and slips of each project with an outcome, most delayed first."""
    ranked = sorted(outcomes, key=lambda o: (-o.slip_days, -len(o.slips), o.project or ""))
    out = []
    for outcome in ranked[:MAX_TIMELINE_ROWS]:
        name = outcome.project or ""
        observations = [o for o in s.timelines.get(name, []) if o.report in sources]
        slips = [x for src in sources for x in s.slips.get(src, []) if x.project == name]
        if observations:
            out.append(
                ProjectTimeline(project=name, aliases=s.aliases(name), observations=observations, slips=slips)
            )
    return out


def _register(session: Session, s: Series, lang: Lang, since: str) -> RiskRegister:
    entries, dropped = risk_pipeline.verify_entries(risks.build(s, lang), session.verifier)
    entries = [e for e in entries if e.last_seen >= since]
    counts: dict[str, int] = {}
    for e in entries:
        counts[e.status] = counts.get(e.status, 0) + 1
    facts = RiskFacts(lang, s.folder, since, "all", entries, counts)
    return assemble_register(facts, session.writer.risks(facts), session.writer.name, dropped)


def build(
    workspace: Workspace,
    since: str | None = None,
    until: str | None = None,
    last: str | None = None,
    series_name: str | None = None,
    lang: Lang | None = None,
    engine: str | None = None,
    writer: SummaryWriter | None = None,
) -> tuple[list[html.SeriesReport], str]:
    """Each series' report parts and the engine that wrote them."""
    with Session.open(workspace, engine, writer=writer) as session:
        return _build(session, since, until, last, series_name, lang)


def _build(
    session: Session,
    since: str | None,
    until: str | None,
    last: str | None,
    series_name: str | None,
    lang: Lang | None,
) -> tuple[list[html.SeriesReport], str]:
    chosen = [find_series(session.ledger, series_name)] if series_name else folders(session.ledger)
    out = []
    for folder in chosen:
        s = session.series(folder)
        lo, hi = periods.period(since, until, last, s.reports[-1].date)
        reports = reports_in(s, lo, hi)
        if not reports:
            continue
        chosen_lang: Lang = lang or s.lang
        rollup = rollup_of(session, s, reports, chosen_lang)
        summary = summary_of(session, reports[-1], chosen_lang)
        register = _register(session, s, chosen_lang, reports[0].week)
        sources = {r.source for r in reports}
        out.append(
            html.SeriesReport(
                s.name, chosen_lang, summary, rollup, register, timelines(s, rollup.outcomes, sources)
            )
        )
    return out, session.writer.name


def write_html(
    workspace: Workspace,
    path: Path,
    since: str | None = None,
    until: str | None = None,
    last: str | None = None,
    series_name: str | None = None,
    lang: Lang | None = None,
    engine: str | None = None,
    writer: SummaryWriter | None = None,
) -> tuple[Path, list[html.SeriesReport]]:
    """Write the report; returns the file and what it shows."""
    parts, written_by = build(workspace, since, until, last, series_name, lang, engine, writer)
    if not parts:
        from index.ledger.views import NotInLedger

        raise NotInLedger("no report falls in that period")
    span = f"{min(p.rollup.since for p in parts)} – {max(p.rollup.until for p in parts)}"
    title = html.generated_title([p.name for p in parts])
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(html.page(parts, title, written_by, span), encoding="utf-8")
    os.replace(tmp, path)
    return path, parts
