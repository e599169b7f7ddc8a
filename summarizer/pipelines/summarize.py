"""`summarize`: a report's executive summary, or a roll-up of a period, verified and cached.

Weekly: facts (summaries.week) -> verify every item -> writer (headline, highlights) -> assemble
-> verify the highlights. The writer is local, or an LLM (`--engine openai|replay`) that sees the
verified facts with their ids and can cite nothing else. A roll-up maps every report of the period
to its weekly summary (each cached in `<data dir>/cache/summaries/` by the content hashes of its
series up to that report, so a new week costs one map step: one model call with an LLM writer)
and reduces them with the ledger's outcomes, incidents and trends over the period. Every item whose evidence does not verify is dropped and counted.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from index.ledger import views
from index.ledger.extract import EXTRACTOR_VERSION
from index.ledger.store import Ledger
from index.schemas import ReportRef, series_of
from index.text.lang import Lang
from index.text.weeks import parse_iso_week, week_key
from index.verify import Verifier
from summarizer.engines.base import EngineOptions
from summarizer.engines.summary import WRITERS, SummaryWriter, get_writer
from summarizer.errors import ConfigError
from summarizer.pipelines.ledger import open_ledger
from summarizer.schemas import ExecutiveSummary, Highlight, Rollup, SummaryItem, WeekLine
from summarizer.summaries import period as periods
from summarizer.summaries import risks, rollup, week
from summarizer.summaries.draft import assemble_rollup, assemble_summary
from summarizer.summaries.inputs import Fact
from summarizer.summaries.series import Series, find_series, series
from summarizer.workspace import Workspace


@functools.cache
def code_version() -> str:
    """A hash of the code that builds and writes summaries: a change to it rebuilds the cached
    weekly summaries by itself (a hand-bumped version number is the one people forget)."""
    from summarizer import summaries
    from summarizer.engines.local import summary as local_writer

    digest = hashlib.sha256()
    folder = Path(summaries.__file__).parent
    for path in sorted([*folder.glob("*.py"), Path(local_writer.__file__)]):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def writer_for(workspace: Workspace, engine: str | None, command: str = "summarize") -> SummaryWriter:
    """The chosen writer; without a choice the configured engine when it has a summary writer,
    else the local one (summaries work offline whatever `ask` is configured to use)."""
    name = engine or workspace.settings.resolved_engine
    if engine is None and name not in WRITERS:
        name = "local"
    return get_writer(name, workspace.settings, EngineOptions(command=command))


@dataclass
class Session:
    """One command's handles: the ledger, the verifier, the writer and the summary cache.

    A session closes the writer it made (an HTTP client, a replay server), never one it was given.
    """

    workspace: Workspace
    writer: SummaryWriter
    ledger: Ledger
    verifier: Verifier
    use_cache: bool = True
    owns_writer: bool = False

    @classmethod
    def open(
        cls,
        workspace: Workspace,
        engine: str | None = None,
        use_cache: bool = True,
        writer: SummaryWriter | None = None,
    ) -> Session:
        owns = writer is None
        chosen = writer if writer is not None else writer_for(workspace, engine)
        # Replay must reach its cassettes (a cached summary would hide a miss); an LLM writer's
        # summaries are reused only while model replies may be (`cache`, `--no-cache`).
        reuse = chosen.name == "local" or (chosen.name == "openai" and workspace.settings.cache)
        try:
            return cls(
                workspace, chosen, open_ledger(workspace), workspace.verifier, use_cache and reuse, owns
            )
        except BaseException:
            if owns:
                chosen.close()
            raise

    def close(self) -> None:
        if self.owns_writer:
            self.writer.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def cache_dir(self) -> Path:
        return self.workspace.settings.cache_dir / "summaries"

    def series(self, folder: str) -> Series:
        return series(self.ledger, folder)

    def risks_at(self, s: Series, lang: Lang) -> dict[str, list]:  # type: ignore[type-arg]
        key = f"summaries.risks:{s.folder}:{lang}"
        cached = self.ledger.cache.get(key)
        if cached is not None and cached[0] is s:
            return cached[1]  # type: ignore[no-any-return]
        value = risks.as_of_each(s, lang)
        self.ledger.cache[key] = (s, value)
        return value


def verify_facts(facts: list[Fact], verifier: Verifier) -> tuple[list[Fact], int]:
    """Facts whose every citation verifies (and that have one); how many were dropped."""
    kept = [f for f in facts if f.item.citations and all(verifier.check(c) for c in f.item.citations)]
    return kept, len(facts) - len(kept)


def _verified_items(items: list[SummaryItem], verifier: Verifier) -> tuple[list[SummaryItem], int]:
    kept = [i for i in items if i.citations and all(verifier.check(c) for c in i.citations)]
    return kept, len(items) - len(kept)


def _verified_highlights(items: list[Highlight], verifier: Verifier) -> tuple[list[Highlight], int]:
    kept = [h for h in items if h.citations and all(verifier.check(c) for c in h.citations)]
    return kept, len(items) - len(kept)


def verify_summary(summary: ExecutiveSummary, verifier: Verifier) -> ExecutiveSummary:
    """Drop every highlight and item whose evidence does not verify now, and count them."""
    update: dict[str, object] = {}
    dropped = 0
    for name, items in summary.sections():
        kept, lost = _verified_items(items, verifier)
        update[name], dropped = kept, dropped + lost
    update["highlights"], lost = _verified_highlights(summary.highlights, verifier)
    update["dropped"] = summary.dropped + dropped + lost
    return summary.model_copy(update=update)


def pick_report(ledger: Ledger, week_text: str | None, series_name: str | None) -> ReportRef:
    """The report `--week` (and `--series`) name: a week, a source path, or latest."""
    text = (week_text or "latest").strip()
    if series_name is None:
        return views.resolve_report(ledger, text)
    s = series(ledger, find_series(ledger, series_name))
    if not s.reports:
        raise views.NotInLedger(f"no reports in series {series_name}")
    if text in ("latest", "last"):
        return s.reports[-1]
    parsed = parse_iso_week(text)
    if parsed is None:
        hit = next((r for r in s.reports if r.source == text), None)
        if hit is None:
            raise ConfigError(f"--week: '{week_text}' is not a week like 2024-W42 or 'latest'")
        return hit
    wanted = parsed[0] * 100 + parsed[1]
    found = [r for r in s.reports if week_key(r.week) == wanted]
    if not found:
        raise views.NotInLedger(f"no {s.name} report in week {text}")
    return found[-1]


def _cache_key(session: Session, s: Series, ref: ReportRef, lang: Lang) -> str:
    """What a weekly summary depends on: every report of its series up to it (a chain of content
    hashes), the alias file, the extractor version, the summaries code, the writer and language."""
    chain = hashlib.sha256()
    for r in s.reports[: s.index(ref) + 1]:
        chain.update(r.content_hash.encode())
    aliases = session.ledger.aliases_path
    alias_hash = hashlib.sha256(aliases.read_bytes()).hexdigest() if aliases.exists() else ""
    payload = [code_version(), EXTRACTOR_VERSION, session.writer.name, session.writer.version, lang]
    payload += [chain.hexdigest(), alias_hash, ref.source]
    return hashlib.sha256(json.dumps(payload).encode()).hexdigest()[:32]


def _load(path: Path) -> ExecutiveSummary | None:
    try:
        return ExecutiveSummary.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _store(path: Path, summary: ExecutiveSummary) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(summary.model_dump_json(by_alias=True), encoding="utf-8")
    os.replace(tmp, path)


def summary_of(session: Session, ref: ReportRef, lang: Lang | None = None) -> ExecutiveSummary:
    """The verified executive summary of one report (from the cache when nothing it reads changed)."""
    s = session.series(series_of(ref.source))
    chosen: Lang = lang or s.lang
    path = session.cache_dir / f"{_cache_key(session, s, ref, chosen)}.json"
    cached = _load(path) if session.use_cache else None
    if cached is None:
        facts = week.build(s, ref, chosen, session.risks_at(s, chosen).get(ref.source, []))
        facts.facts, dropped = verify_facts(facts.facts, session.verifier)
        draft = session.writer.summary(facts)
        cached = assemble_summary(facts, draft, session.writer.name, dropped)
        if session.use_cache:
            _store(path, cached)
    return verify_summary(cached, session.verifier)


def weekly(
    workspace: Workspace,
    week_text: str | None = None,
    series_name: str | None = None,
    lang: Lang | None = None,
    engine: str | None = None,
    writer: SummaryWriter | None = None,
) -> ExecutiveSummary:
    """`summarizer summarize [--week W|latest] [--series S]`."""
    with Session.open(workspace, engine, writer=writer) as session:
        return summary_of(session, pick_report(session.ledger, week_text, series_name), lang)


def reports_in(s: Series, lo: int | None, hi: int | None) -> list[ReportRef]:
    return [
        r
        for r in s.reports
        if (lo is None or week_key(r.week) >= lo) and (hi is None or week_key(r.week) <= hi)
    ]


def rollup_of(session: Session, s: Series, reports: list[ReportRef], lang: Lang | None = None) -> Rollup:
    """Map every report to its (cached) weekly summary, reduce with the period's ledger facts."""
    chosen: Lang = lang or s.lang
    weeks: list[WeekLine] = []
    highlights: dict[str, list[Highlight]] = {}
    noted: list[str] = []
    for ref in reports:
        summary = summary_of(session, ref, chosen)
        cites = summary.highlights[0].citations if summary.highlights else []
        weeks.append(WeekLine(week=ref.week, report=ref.source, headline=summary.headline, citations=cites))
        highlights[ref.week] = summary.highlights
        noted += [ref.week] if summary.notes else []
    facts = rollup.build(s, reports, chosen)
    facts.weeks, facts.week_highlights = weeks, highlights
    facts.facts, dropped = verify_facts(facts.facts, session.verifier)
    draft = session.writer.rollup(facts)
    result = assemble_rollup(facts, draft, session.writer.name, dropped)
    kept, lost = _verified_highlights(result.highlights, session.verifier)
    notes = list(result.notes)
    if noted:
        notes.append(
            f"{len(noted)} of the {len(reports)} weekly summaries (the map step) carry notes of their own"
            f" ({', '.join(noted)}): see `summarize --week`"
        )
    return result.model_copy(update={"highlights": kept, "dropped": result.dropped + lost, "notes": notes})


def period_rollup(
    workspace: Workspace,
    since: str | None = None,
    until: str | None = None,
    last: str | None = None,
    series_name: str | None = None,
    lang: Lang | None = None,
    engine: str | None = None,
    writer: SummaryWriter | None = None,
) -> Rollup:
    """`summarizer summarize --from W --to W` / `--last 4w`: one series' period."""
    with Session.open(workspace, engine, writer=writer) as session:
        s = session.series(find_series(session.ledger, series_name))
        lo, hi = periods.period(since, until, last, s.reports[-1].date)
        chosen = reports_in(s, lo, hi)
        if not chosen:
            raise views.NotInLedger(
                f"no {s.name} report between {since or last or 'the start'} and {until or 'now'}"
            )
        return rollup_of(session, s, chosen, lang)
