"""One report series (folder) as summaries read it: its reports, projects, slips, launches, notes.

Every summary, roll-up and register of a series reads the same derived views, so they are read
once per ledger revision (cached on the ledger), for that series only, and then looked up per
report. Reports of other series never leak in: a slip, launch or incident belongs to the series
whose report shows it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from dataclasses import dataclass, field

from index.ledger import views
from index.ledger.store import Ledger
from index.schemas import (
    Incident,
    Launch,
    MetricSeries,
    Note,
    Observation,
    ReportRef,
    Slip,
    StatusEvent,
    series_of,
)
from index.text.lang import Lang
from summarizer.errors import ConfigError
from summarizer.summaries.reading import Reader, ReportView


@dataclass
class Series:
    """A series' facts, arranged for lookups by report and by project."""

    folder: str
    reports: list[ReportRef]
    ledger: Ledger
    reader: Reader
    timelines: dict[str, list[Observation]] = field(default_factory=dict)
    slips: dict[str, list[Slip]] = field(default_factory=dict)
    """Report source -> slips that show in it."""
    launches: list[Launch] = field(default_factory=list)
    events: list[StatusEvent] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    notes: dict[str, list[Note]] = field(default_factory=dict)
    metrics: list[MetricSeries] = field(default_factory=list)
    _resolved: dict[str, str | None] = field(default_factory=dict, repr=False)

    @property
    def name(self) -> str:
        return os.path.basename(self.folder) or self.folder

    @property
    def lang(self) -> Lang:
        """The language most of the series' reports are written in."""
        langs = [v.lang for v in (self.reader.view(r) for r in self.reports[-3:]) if v is not None]
        return "zh" if langs.count("zh") > len(langs) / 2 else "en"

    def view(self, ref: ReportRef) -> ReportView | None:
        return self.reader.view(ref)

    def index(self, ref: ReportRef) -> int:
        return next(i for i, r in enumerate(self.reports) if r.source == ref.source)

    def previous(self, ref: ReportRef) -> ReportRef | None:
        i = self.index(ref)
        return self.reports[i - 1] if i > 0 else None

    def aliases(self, canonical: str) -> list[str]:
        return views.aliases(self.ledger, canonical)

    def names(self, canonical: str) -> list[str]:
        return [canonical, *self.aliases(canonical)]

    def resolve(self, name: str) -> str | None:
        """The canonical project a name in this series refers to (None when unknown or ambiguous).

        Memoised: the same labels ("Status", "ETA", block titles) recur every week."""
        if name not in self._resolved:
            found = views.resolve(self.ledger, name)
            self._resolved[name] = found if found in self.timelines else None
        return self._resolved[name]

    def tracked(self, canonical: str, upto: dt.date) -> bool:
        """A project with a progress figure or a target in some report up to `upto`: tracked work,
        not a topic (`【2025年度规划】`, `Summary`) the ledger happened to see as a name. Later
        reports never count, so a week's summary does not change when new weeks arrive."""
        return any(o.progress_key or o.target for o in self.timelines.get(canonical, []) if o.date <= upto)

    def upto(self, canonical: str, day: dt.date) -> list[Observation]:
        """The project's observations in reports up to `day`."""
        return [o for o in self.timelines.get(canonical, []) if o.date <= day]

    def observation(self, canonical: str, source: str) -> Observation | None:
        return next((o for o in self.timelines.get(canonical, []) if o.report == source), None)

    def observed_in(self, source: str) -> list[tuple[str, Observation]]:
        """(canonical, observation) of every project the report mentions."""
        return [(name, o) for name, obs in self.timelines.items() for o in obs if o.report == source]


def _build(ledger: Ledger, folder: str, reader: Reader) -> Series:
    series = Series(folder, views.reports(ledger, series=folder), ledger, reader)
    sources = {r.source for r in series.reports}
    for name, observation in views.observations(ledger, series=folder):
        series.timelines.setdefault(name, []).append(observation)
    by_week: dict[str, list[str]] = defaultdict(list)
    for ref in series.reports:
        by_week[ref.week].append(ref.source)
    for row in views.slip_rows(ledger, projects=series.timelines):
        slip = row.item
        shown = next((c.report for c in reversed(slip.evidence) if c.report in sources), None)
        if shown is None:
            shown = next(iter(by_week.get(slip.week, [])), None)
        if shown is not None:
            series.slips.setdefault(shown, []).append(slip)
    series.launches = [row.item for row in views.launch_rows(ledger, series=folder)]
    series.events = [row.item for row in views.event_rows(ledger, series=folder)]
    series.incidents = [row.item for row in views.incident_rows(ledger, series=folder)]
    for note in views.notes(ledger, series=folder):
        series.notes.setdefault(note.report, []).append(note)
    series.metrics = views.metric_series(ledger, series=folder)
    return series


def reader_of(ledger: Ledger) -> Reader:
    """One parse cache per ledger handle (keyed by content hash, so it never goes stale)."""
    reader = ledger.cache.get("summaries.reader")
    if not isinstance(reader, Reader):
        reader = Reader()
        ledger.cache["summaries.reader"] = reader
    return reader


def series(ledger: Ledger, folder: str) -> Series:
    """The series in `folder`, read once per ledger revision."""
    revision = ledger.revision()
    key = f"summaries.series:{folder}"
    cached = ledger.cache.get(key)
    if cached is not None and cached[0] == revision:
        return cached[1]  # type: ignore[no-any-return]
    built = _build(ledger, folder, reader_of(ledger))
    ledger.cache[key] = (revision, built)
    return built


def folders(ledger: Ledger) -> list[str]:
    """Every series folder, ordered by its latest report (the most recent series last)."""
    return views.series_names(ledger)


def find_series(ledger: Ledger, wanted: str | None, near: ReportRef | None = None) -> str:
    """The folder a user's `--series` names (folder name or path); without one, the series of
    `near` (a report the user picked), else of the latest report."""
    known = views.series_names(ledger)
    if not known:
        raise views.NotInLedger("the ledger is empty; run `summarizer ingest` first")
    if wanted:
        key = wanted.rstrip("/")
        hits = [f for f in known if f == key or os.path.basename(f) == key or f.endswith("/" + key)]
        if len(hits) != 1:
            names = ", ".join(sorted(os.path.basename(f) for f in known))
            raise ConfigError(f"--series: no single series '{wanted}' (known: {names})")
        return hits[0]
    if near is not None:
        return series_of(near.source)
    return known[-1]
