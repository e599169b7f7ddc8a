"""What every ledger view shares: the `Row` answers rank and count on, the error for a name the
ledger does not hold, and the SQL pieces the views build their queries from (week bounds, `IN`
lists in chunks SQLite accepts, a shown-in join, a per-revision memo).

Its own module so that each family of views (`view_reports`, `view_names`, `view_slips`,
`view_facts`) reads the ledger the same way without importing another family.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from index.errors import SummarizerError
from index.ledger.store import Ledger

M = TypeVar("M", bound=BaseModel)


class NotInLedger(SummarizerError):
    """A project, report or week the user named is not in the ledger."""


@dataclass
class Row(Generic[M]):
    """One stored fact: what answers filter, group, rank and count on, and its model on demand
    (its payload read then, by `fetch`, when the query did not select it)."""

    model: type[M]
    payload: str | None = field(repr=False)
    project: str
    series: str
    source: str
    week_int: int
    date: str
    size: int | None = None
    """Slips: days moved or overdue; incidents: None."""
    label: str | None = None
    """Slips: the kind; incidents: the severity as written; launches and events: the status."""
    reports: frozenset[str] = frozenset()
    """Every report the fact's evidence cites."""
    day: str | None = None
    """Incidents: the day it happened, when the report says."""
    fetch: Callable[[], str] | None = field(default=None, repr=False)

    @cached_property
    def item(self) -> M:
        payload = self.payload if self.payload is not None else self.fetch() if self.fetch else None
        assert payload is not None, "a row without its payload or a way to read it"
        return self.model.model_validate_json(payload)


def placeholders(values: Collection[str]) -> str:
    """One `?` per value, for an `IN (...)` list."""
    return ",".join("?" * len(values))


def week_clause(column: str, since: int | None, until: int | None) -> tuple[str, list[Any]]:
    """` AND` bounds on a week column (`year*100 + isoweek`; None: unbounded) and their parameters."""
    clause, params = "", []
    if since is not None:
        clause += f" AND {column} >= ?"
        params.append(since)
    if until is not None:
        clause += f" AND {column} <= ?"
        params.append(until)
    return clause, params


def chunked(items: Sequence[str], size: int = 900) -> Iterable[Sequence[str]]:
    """`items` in runs short enough for one statement's parameters (older SQLite builds allow 999)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def shown_in_join(reports: Collection[str] | None, alias: str) -> tuple[str, list[Any]]:
    """A join keeping facts shown in one of `reports` (passed as one JSON array, not a pass)."""
    if reports is None:
        return "", []
    return f" JOIN json_each(?) j ON j.value = {alias}.source", [json.dumps(sorted(reports))]


def revision_memo(ledger: Ledger, name: str) -> dict[Any, Any]:
    """A per-revision memo on the ledger handle: lookups repeat within a question and a summary."""
    revision = ledger.revision()
    entry = ledger.cache.get(name)
    if entry is None or entry[0] != revision:
        entry = (revision, {})
        ledger.cache[name] = entry
    return entry[1]  # type: ignore[no-any-return]
