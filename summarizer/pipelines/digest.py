"""`digest`: on a schedule, ingest what is new, summarise, publish each edition to each target once.

    ingest (pipelines.ingest)                                   the writer lock is taken here ...
    -> editions: per series, the newest report's summary; a month's (or quarter's) roll-up
       with the report that closes the period (`closing_periods`)
    -> due: editions a target has not received, and failed ones of earlier runs    PublishLog
    -> publish (a dry run builds the requests and shows them instead) -> record
                                                                     ... and released here

The lock is held from the ingest to the last record: two scheduled runs on one data directory
cannot both send an edition, because checking the log, sending and recording are one step for
any other writer. Publishers never see the summary models; `digest` and `rollup_digest` are the
one place that maps them to the platform-neutral `DigestMessage`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import os
import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from index.lock import writer_lock
from index.outcomes import IngestSummary
from index.schemas import Citation, series_of
from summarizer.config import DigestCadence, PublishTarget
from summarizer.errors import ConfigError
from summarizer.pipelines.ingest import ingest_locked
from summarizer.pipelines.summarize import Session, reports_in, rollup_of, summary_of
from summarizer.publish.base import Publisher, PublishResult
from summarizer.publish.message import DigestItem, DigestMessage
from summarizer.publish.run import publish_once
from summarizer.publish.sender import Request
from summarizer.publish.state import FILE_NAME, PublishKey, PublishLog
from summarizer.publish.targets import build_publisher
from summarizer.render.labels import label
from summarizer.schemas import ExecutiveSummary, Rollup
from summarizer.summaries import period as periods
from summarizer.summaries.series import Series, folders
from summarizer.workspace import Workspace

log = logging.getLogger(__name__)

Outcome = Literal["published", "nothing_new", "failed"]
Status = Literal["published", "failed", "already_published", "dry_run"]


# -- summaries as digests ------------------------------------------------------------------------


def _source(citations: list[Citation]) -> str | None:
    if not citations:
        return None
    c = citations[-1]
    span = f"{c.lines[0]}" if c.lines[0] == c.lines[1] else f"{c.lines[0]}-{c.lines[1]}"
    return f"{Path(c.report).name}:{span}"


def _week(citations: list[Citation], default: str) -> str:
    return citations[-1].week if citations else default


def digest(summary: ExecutiveSummary, report_url: str | None = None) -> DigestMessage:
    """The platform-neutral message for one weekly summary."""
    when = summary.week_label or summary.week
    title = f"{os.path.basename(summary.series)} · {when}" + (
        f" ({summary.week})" if when != summary.week else ""
    )
    return DigestMessage(
        title=title,
        headline=summary.headline,
        highlights=[
            DigestItem(text=h.text, week=summary.week, source=_source(h.citations))
            for h in summary.highlights
        ],
        slips=[
            DigestItem(text=c.text, week=summary.week, source=_source(c.citations))
            for c in summary.changes
            if c.kind == "slipped"
        ],
        incidents=[
            DigestItem(text=r.text, week=summary.week, source=_source(r.citations))
            for r in summary.risks
            if r.kind == "incident"
        ],
        report_url=report_url,
        engine=summary.engine,
        lang=summary.lang,
    )


def rollup_digest(rollup: Rollup, period: str, report_url: str | None = None) -> DigestMessage:
    """The message for a period's roll-up: its headline and highlights, the projects that slipped
    in the period (most days first) and every incident of the period."""
    slipped = sorted((o for o in rollup.outcomes if o.slip_days > 0), key=lambda o: -o.slip_days)
    return DigestMessage(
        title=f"{os.path.basename(rollup.series)} · {label('rollup', rollup.lang)} {period}"
        f" ({rollup.since} – {rollup.until})",
        headline=rollup.headline,
        highlights=[
            DigestItem(text=h.text, week=_week(h.citations, rollup.until), source=_source(h.citations))
            for h in rollup.highlights
        ],
        slips=[
            DigestItem(text=o.text, week=_week(o.citations, rollup.until), source=_source(o.citations))
            for o in slipped
        ],
        incidents=[
            DigestItem(text=i.text, week=_week(i.citations, rollup.until), source=_source(i.citations))
            for i in rollup.incident_items
        ],
        report_url=report_url,
        engine=rollup.engine,
        lang=rollup.lang,
    )


# -- when a roll-up goes out ---------------------------------------------------------------------


def period_label(day: dt.date, cadence: DigestCadence) -> str:
    """The month (2025-05) or quarter (2025-Q2) a report date falls in."""
    if cadence == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year}-{day.month:02d}"


def usual_gap(dates: Sequence[dt.date]) -> int:
    """Days between a series' reports: the median of its last gaps (7 with one report)."""
    gaps = [(b - a).days for a, b in itertools.pairwise(dates[-7:]) if b > a]
    return max(1, round(statistics.median(gaps))) if gaps else 7


def closing_periods(dates: Sequence[dt.date], cadence: DigestCadence) -> list[str]:
    """The periods whose roll-up goes out with the newest report, oldest first.

    The newest report closes its period when the next one, a usual interval later, would fall in
    the next period (the last Friday report of May). When the newest report is already the first
    of a new period, the period before it is listed too: its closing report was missed or came
    at an odd interval. The publish log makes listing a period twice harmless.
    """
    if cadence == "none" or not dates:
        return []
    newest = dates[-1]
    out = []
    if len(dates) > 1 and period_label(dates[-2], cadence) != period_label(newest, cadence):
        out.append(period_label(dates[-2], cadence))
    if period_label(newest + dt.timedelta(days=usual_gap(dates)), cadence) != period_label(newest, cadence):
        out.append(period_label(newest, cadence))
    return out


# -- a run -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Edition:
    """One digest of one series: a week's summary (`2025-W22`) or a roll-up (`rollup:2025-05`)."""

    series: str
    edition: str
    message: DigestMessage


@dataclass
class Delivery:
    """What happened to one edition on one target in this run."""

    key: PublishKey
    status: Status
    retry: bool = False
    """True when an earlier run failed to deliver this edition."""
    result: PublishResult | None = None
    requests: list[Request] = field(default_factory=list)
    """A dry run's requests, exactly as they would be sent."""


@dataclass
class DigestRun:
    ingest: IngestSummary
    editions: list[Edition]
    deliveries: list[Delivery]
    engine: str
    dry_run: bool = False

    def having(self, status: Status) -> list[Delivery]:
        return [d for d in self.deliveries if d.status == status]

    @property
    def outcome(self) -> Outcome:
        """failed: some target refused or was unreachable (kept for the next run); published:
        something was sent (a dry run: would be); nothing_new: every edition was already out."""
        if self.having("failed"):
            return "failed"
        if self.having("published") or self.having("dry_run"):
            return "published"
        return "nothing_new"


def select_targets(configured: Sequence[PublishTarget], wanted: Sequence[str]) -> list[PublishTarget]:
    """The targets `--publish` names (by name, else by kind); all configured ones without it."""
    if not configured:
        raise ConfigError(
            "no publish targets: add a [[publish]] table to summarizer.toml "
            '(kind = "feishu", url_env = "FEISHU_WEBHOOK_URL", optional secret_env)'
        )
    if not wanted:
        return list(configured)
    chosen: dict[str, PublishTarget] = {}
    for name in wanted:
        hits = [t for t in configured if t.label == name] or [t for t in configured if t.kind == name]
        if not hits:
            known = ", ".join(t.label for t in configured)
            raise ConfigError(f"--publish {name}: no such target in summarizer.toml (configured: {known})")
        chosen.update((t.label, t) for t in hits)
    return list(chosen.values())


def _series_folders(session: Session, summary: IngestSummary, wanted: str | None) -> list[str]:
    """The series the given paths hold (a report series is a folder), in the ledger's order."""
    given = {series_of(o.path) for o in summary.outcomes if o.status != "skipped"}
    ordered = [f for f in folders(session.ledger) if f in given]
    if wanted is None:
        return ordered
    hits = [f for f in ordered if f == wanted.rstrip("/") or os.path.basename(f) == wanted.rstrip("/")]
    if not hits:
        names = ", ".join(os.path.basename(f) for f in ordered) or "none"
        raise ConfigError(f"--series {wanted}: not a series of the given paths (they hold: {names})")
    return hits


def _editions(
    session: Session, s: Series, cadence: DigestCadence, wanted: Callable[[str, str], bool]
) -> list[Edition]:
    """The newest report's summary and the roll-ups it closes, built only when some target lacks them."""
    newest = s.reports[-1]
    periods_due = closing_periods([r.date for r in s.reports], cadence)
    catch_up = [p for p in periods_due if p != period_label(newest.date, cadence)]
    closing = [p for p in periods_due if p not in catch_up]
    out: list[Edition] = []

    def rollups(labels: list[str]) -> None:
        for period in labels:
            edition = f"rollup:{period}"
            if not wanted(s.name, edition):
                continue
            lo, hi = periods.period(period, period, None, newest.date)
            chosen = reports_in(s, lo, hi)
            if chosen:
                out.append(Edition(s.name, edition, rollup_digest(rollup_of(session, s, chosen), period)))

    rollups(catch_up)
    if wanted(s.name, newest.week):
        out.append(Edition(s.name, newest.week, digest(summary_of(session, newest))))
    rollups(closing)
    return out


def run(
    workspace: Workspace,
    paths: Sequence[Path],
    *,
    targets: Sequence[str] = (),
    series_name: str | None = None,
    dry_run: bool = False,
    cadence: DigestCadence | None = None,
    wait: bool = True,
    on_wait: Callable[[], None] | None = None,
    environ: Mapping[str, str] | None = None,
    clock: Callable[[], float] | None = None,
    sleep: Callable[[float], None] | None = None,
) -> DigestRun:
    """`summarizer digest PATH... [--series S] [--publish TARGET...] [--dry-run]`.

    Publishers are built (every URL and secret read from the environment) before anything is
    ingested, so a missing variable fails the run before it does any work. `clock` and `sleep`
    reach the publishers' senders (tests).
    """
    settings = workspace.settings
    chosen = select_targets(settings.publish, targets)
    publishers: dict[str, Publisher] = {}
    try:
        for target in chosen:
            publishers[target.label] = build_publisher(target, environ, clock=clock, sleep=sleep)
        with writer_lock(workspace.home, wait=wait, on_wait=on_wait):
            summary = ingest_locked(workspace, paths)
            session = Session.open(workspace)
            log_path = workspace.home / FILE_NAME
            # A dry run records nothing: without a log yet, nothing has been published.
            publish_log = PublishLog(workspace.home) if not dry_run or log_path.exists() else None
            try:
                published = publish_log.already_published if publish_log is not None else (lambda _key: False)

                def wanted(series: str, edition: str) -> bool:
                    return any(not published(PublishKey(t, series, edition)) for t in publishers)

                editions: list[Edition] = []
                for folder in _series_folders(session, summary, series_name):
                    s = session.series(folder)
                    if s.reports:
                        editions += _editions(session, s, cadence or settings.digest_rollup, wanted)
                deliveries = _deliver(editions, publishers, publish_log, dry_run)
            finally:
                if publish_log is not None:
                    publish_log.close()
        return DigestRun(summary, editions, deliveries, session.writer.name, dry_run)
    finally:
        for publisher in publishers.values():
            publisher.close()


def _deliver(
    editions: list[Edition],
    publishers: Mapping[str, Publisher],
    publish_log: PublishLog | None,
    dry_run: bool,
) -> list[Delivery]:
    """Earlier runs' failures first (oldest first, with the message they stored), then this run's
    editions; an edition that failed before goes out with this run's message when it has one."""
    due: dict[PublishKey, tuple[DigestMessage, bool]] = {}
    failed = publish_log.failed() if publish_log is not None else []
    for entry in failed:
        if entry.key.target in publishers and entry.message is not None:
            due[entry.key] = (entry.message, True)
    for edition in editions:
        for target in publishers:
            key = PublishKey(target, edition.series, edition.edition)
            due[key] = (edition.message, key in due)
    out: list[Delivery] = []
    for key, (message, retry) in due.items():
        publisher = publishers[key.target]
        if publish_log is not None and publish_log.already_published(key):
            out.append(Delivery(key, "already_published"))
        elif dry_run:
            out.append(Delivery(key, "dry_run", retry, requests=publisher.build(message)))
        else:
            assert publish_log is not None
            result = publish_once(publisher, message, key, publish_log)
            if result is None:
                out.append(Delivery(key, "already_published"))
                continue
            out.append(Delivery(key, "published" if result.ok else "failed", retry, result))
            if result.ok:
                log.info("%s: published %s", key.target, key)
    return out
