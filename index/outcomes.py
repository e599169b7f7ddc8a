"""What an ingest run says about each file and about itself: outcomes, repairs, dates.

Kept apart from the ingest so that the pipelines, the CLI and the extraction read a run's results
without importing the machinery that produced them. `isolate` is the one place where a file's
failure becomes its skipped outcome; the dates the run's outcomes hold give the warnings and an
undated report's nearest sibling.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal, TypeVar

from index.date_places import GUESSED
from index.errors import InputError, ReportDateError, SummarizerError
from index.walk import source_name

Status = Literal["added", "updated", "unchanged", "skipped"]
T = TypeVar("T")


@dataclass(frozen=True)
class Repair:
    """A disagreement between ledger and store that a run found, and what it did about it."""

    report: str
    problem: str
    action: str


@dataclass
class FileOutcome:
    path: str
    status: Status
    week: str = ""
    date: str = ""
    chunks_added: int = 0
    chunks_removed: int = 0
    chunks_unchanged: int = 0
    reason: str = ""
    undated: bool = False
    date_from: str = ""  # where the date was read: "title", "file name", "first dated line (guessed)"…


@dataclass(frozen=True)
class IngestWarning:
    """Something about what went in that the user should check: a date that is probably wrong (a
    typo, a template's date), an assumed year, a folder whose layout gave no project facts."""

    path: str
    date: str
    message: str


# A report dated more than this after today, or before EARLIEST, is reported as suspicious.
FUTURE_SLACK = timedelta(days=365)
EARLIEST = date(2000, 1, 1)


def date_warnings(outcomes: Iterable[FileOutcome], today: date) -> list[IngestWarning]:
    """Suspicious dates among the reports that went in (or were already in)."""
    found = []
    for outcome in outcomes:
        if outcome.status == "skipped" or not outcome.date:
            continue
        day = date.fromisoformat(outcome.date)
        if day > today + FUTURE_SLACK:
            why = f"more than a year after today ({today.isoformat()})"
        elif day < EARLIEST:
            why = f"before {EARLIEST.year}"
        else:
            continue
        found.append(
            IngestWarning(
                outcome.path,
                outcome.date,
                f"dated {outcome.date}, {why}: check the date in its title, front matter or file name"
                " (relative questions use the latest report not in the future)",
            )
        )
    return found


# A report whose folder writes no year anywhere is read in the year that puts its day within the
# twelve months before today: the year nearest to six months ago.
ASSUMED_YEAR_CENTRE = timedelta(days=182)


def year_warnings(outcomes: Iterable[FileOutcome]) -> list[IngestWarning]:
    """Reports whose year was assumed: no report of their folder writes one."""
    return _went_in_dated(
        outcomes,
        lambda day: (
            f"dated {day}: no report in its folder writes a year, so {day[:4]} was assumed (the"
            " last twelve months, or the year its weekday and its series' other reports give);"
            " add a year or a 'date:' line, or pass --date, if that is wrong"
        ),
    )


def guessed_warnings(outcomes: Iterable[FileOutcome]) -> list[IngestWarning]:
    """Reports dated by the last resort: the first full date in their opening lines."""
    return _went_in_dated(
        (o for o in outcomes if o.date_from == GUESSED),
        lambda day: (
            f"dated {day} from the first date in its opening lines (no title, header, file name or"
            " sign-off said when it was written); add a 'date:' line or pass --date if that is wrong"
        ),
    )


def numbered_warnings(outcomes: Iterable[FileOutcome]) -> list[IngestWarning]:
    """Reports that wrote no date and were dated by their number among their siblings."""
    return _went_in_dated(
        outcomes,
        lambda day: (
            f"writes no date: dated {day} from its number in the series and its dated siblings;"
            " add a date line or pass --date if that is wrong"
        ),
    )


def _went_in_dated(outcomes: Iterable[FileOutcome], message: Callable[[str], str]) -> list[IngestWarning]:
    """One warning per report that went in with a date, worded from that date."""
    return [
        IngestWarning(o.path, o.date, message(o.date)) for o in outcomes if o.status != "skipped" and o.date
    ]


# A folder with at least this many reports, most of which gave no project schedule, is reported.
COVERAGE_MIN_REPORTS = 3


def coverage_warnings(
    outcomes: Iterable[FileOutcome], schedule_counts: dict[str, int]
) -> list[IngestWarning]:
    """Folders most of whose reports gave no project target, status or progress.

    Why: a layout the rules do not read leaves `slips` and `projects` silently empty, which reads
    as "nothing slipped"; the user should hear that the tool did not read it, not that all is well.
    """
    reports: Counter[str] = Counter()
    unread: Counter[str] = Counter()
    for o in outcomes:
        if o.status == "skipped" or o.path not in schedule_counts:
            continue
        folder = os.path.dirname(o.path) or "."
        reports[folder] += 1
        unread[folder] += not schedule_counts[o.path]
    warnings = []
    for folder, total in sorted(reports.items()):
        if total >= COVERAGE_MIN_REPORTS and unread[folder] * 2 > total:
            warnings.append(
                IngestWarning(
                    folder,
                    "",
                    f"no project target, status or progress was read from {unread[folder]} of {total} reports"
                    " here: `slips`, `projects` and `timeline` will miss them (their layout is not one"
                    " the rules read; `ask` still answers from their passages, and `ingest --extract"
                    " llm` reads them with a model)",
                )
            )
    return warnings


# So many reports of one folder read in an assumed year before their middle day says where the
# series stands.
_SERIES_READS = 3
# A report further than so many days from its series' middle day was read in the wrong year.
_SERIES_SPREAD_DAYS = 150


def assumed_year_rereads(assumed: list[int], outcomes: list[FileOutcome]) -> list[tuple[int, date]]:
    """The reports of a folder that writes no year to read again, each with the day to read it
    near: the middle day of the folder's other reports as first read. Read beside today, a title's
    weekday settles most of a series in its own year (`Fri 2/7`: 2025, whatever today is) while the
    days without one (`2-28`) and a day a weekday fits in either order (`Fri 3/7`: 7 March 2025 or 3
    July 2026) went to the twelve months before today; a series' reports stand close together."""
    by_folder: dict[str, list[int]] = {}
    for index in assumed:
        if outcomes[index].date:
            by_folder.setdefault(os.path.dirname(outcomes[index].path), []).append(index)
    rereads: list[tuple[int, date]] = []
    for indexes in by_folder.values():
        if len(indexes) < _SERIES_READS:
            continue
        for index in indexes:
            others = sorted(date.fromisoformat(outcomes[i].date) for i in indexes if i != index)
            middle = others[len(others) // 2]
            if abs((date.fromisoformat(outcomes[index].date) - middle).days) > _SERIES_SPREAD_DAYS:
                rereads.append((index, middle))
    return rereads


def nearest_sibling_date(path: Path, outcomes: list[FileOutcome]) -> date | None:
    """The date of the report in the same folder whose file name sorts nearest to this one."""
    folder = source_name(path.parent)
    siblings = sorted(
        (Path(o.path).name, date.fromisoformat(o.date))
        for o in outcomes
        if o.date and os.path.dirname(o.path) == folder
    )
    if not siblings:
        return None
    names = [name for name, _ in siblings]
    below = sum(1 for other in names if other < path.name) - 0.5
    position = min(range(len(names)), key=lambda i: (abs(below - i), i))
    return siblings[position][1]


@dataclass
class IngestSummary:
    """What one run did. `error` is set when the run stopped early on a store-wide failure
    (the files before it went in; the summary still says which)."""

    outcomes: list[FileOutcome] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)
    repaired: list[Repair] = field(default_factory=list)
    warnings: list[IngestWarning] = field(default_factory=list)
    chunks_pruned: int = 0
    error: SummarizerError | None = None

    @property
    def skipped(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "skipped"]

    def totals(self) -> dict[str, int]:
        return {
            "reports": sum(1 for o in self.outcomes if o.status != "skipped"),
            "added": sum(1 for o in self.outcomes if o.status == "added"),
            "updated": sum(1 for o in self.outcomes if o.status == "updated"),
            "unchanged": sum(1 for o in self.outcomes if o.status == "unchanged"),
            "skipped": len(self.skipped),
            "chunks_added": sum(o.chunks_added for o in self.outcomes),
            "chunks_unchanged": sum(o.chunks_unchanged for o in self.outcomes),
            "chunks_removed": sum(o.chunks_removed for o in self.outcomes) + self.chunks_pruned,
            "reports_pruned": len(self.pruned),
            "reports_repaired": len(self.repaired),
        }

    def as_dict(self) -> dict[str, Any]:
        error = None
        if self.error is not None:
            error = {"type": type(self.error).__name__, "message": str(self.error)}
        return {
            "totals": self.totals(),
            "files": [o.__dict__ for o in self.outcomes],
            "pruned": self.pruned,
            "repaired": [r.__dict__ for r in self.repaired],
            "warnings": [w.__dict__ for w in self.warnings],
            "error": error,
        }


def isolate(source: str, work: Callable[[], T]) -> T | FileOutcome:
    """Run one file's work; its failures become its skipped outcome."""
    try:
        return work()
    except ReportDateError as exc:
        return FileOutcome(source, "skipped", reason=exc.reason + f" ({exc.hint})", undated=True)
    except InputError as exc:
        reason = exc.reason + (f" ({exc.hint})" if exc.hint else "")
        return FileOutcome(source, "skipped", reason=reason)
    except SummarizerError:
        raise
    except OSError as exc:
        return FileOutcome(source, "skipped", reason=f"cannot read: {exc.strerror or exc}")
    except Exception as exc:
        # A bug or a limit this input found (RecursionError, a decoder's error...): the file
        # is skipped with the exception's type so the report can be fixed, the run goes on.
        return FileOutcome(source, "skipped", reason=f"{type(exc).__name__}: {_short(exc)}")


def _short(exc: BaseException, limit: int = 200) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
