"""Derived views over the ledger, the plain functions the CLI, the Q&A and the eval harness call.

Every view reads the derived tables (`derive.py`) with the filters it is given (week range,
reports, series, project), through their indexes, and parses only the rows it returns: a
question costs what its answer holds, not what the ledger holds. Slips are derived over a
project's whole history and then filtered by week, so a `since` bound never changes what counts
as a slip. Week bounds are ints `year*100 + isoweek` (202442).

`Row` is a stored fact with the columns answers group, rank and count on; its model is parsed
only when an answer shows it.

This module is where callers import the views from (`from index.ledger import views`); they are
written in one module per family:

view_rows.py     `Row`, `NotInLedger` and the SQL pieces every view shares
view_reports.py  reports, resolving one, and what changed between two
view_names.py    project names, aliases, projects, observations and timelines
view_slips.py    slips, launches and lifecycle events
view_facts.py    incidents, notes and metric series
"""

from __future__ import annotations

from index.ledger.view_facts import incident_rows, incidents, metric_names, metric_series, notes
from index.ledger.view_names import (
    aliases,
    canonical_name,
    find_project,
    latest_name,
    observations,
    project_names,
    project_series,
    projects,
    recent_first,
    resolve,
    series_projects,
    timeline,
)
from index.ledger.view_reports import (
    changes,
    previous_report,
    reports,
    reports_in,
    resolve_report,
    series_names,
)
from index.ledger.view_rows import NotInLedger, Row
from index.ledger.view_slips import (
    SlipGroup,
    event_rows,
    group_slips,
    launch_rows,
    launches,
    lifecycle,
    paused_cancelled,
    slip_groups,
    slip_rows,
    slips,
    slips_json,
)

__all__ = [
    "NotInLedger",
    "Row",
    "SlipGroup",
    "aliases",
    "canonical_name",
    "changes",
    "event_rows",
    "find_project",
    "group_slips",
    "incident_rows",
    "incidents",
    "latest_name",
    "launch_rows",
    "launches",
    "lifecycle",
    "metric_names",
    "metric_series",
    "notes",
    "observations",
    "paused_cancelled",
    "previous_report",
    "project_names",
    "project_series",
    "projects",
    "recent_first",
    "reports",
    "reports_in",
    "resolve",
    "resolve_report",
    "series_names",
    "series_projects",
    "slip_groups",
    "slip_rows",
    "slips",
    "slips_json",
    "timeline",
]
