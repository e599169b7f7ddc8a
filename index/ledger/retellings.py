"""`incident_links.first_tellings`, comparing each incident only with the tellings it could retell.

`same_incident` holds when two tellings share their day-and-title key (any series), or, within
one series, a tracker id, the day it happened, or (a follow-up within `RETELL_DAYS`) enough
words. So the candidates for an incident are the kept tellings with its key, with one of its ids
or its day in its series, and, for a follow-up, its series' tellings of the last ten weeks:
`same_incident` still decides, so the result is `first_tellings`'s, at a cost that no longer
grows with the square of the incidents (2,615 incidents at 2,600 reports).
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from datetime import timedelta

from index.ledger.incident_links import RETELL_DAYS, _text, completed_by, old_key, same_incident
from index.ledger.incident_words import follow_up, incident_ids
from index.schemas import Incident


def first_tellings_indexed(incidents: Iterable[Incident]) -> list[Incident]:
    """Incidents (oldest report first) without retellings; a retelling fills a missing cause/fix."""
    kept: list[Incident] = []
    by_key: defaultdict[tuple[str, str], list[int]] = defaultdict(list)
    by_id: defaultdict[tuple[str, str], set[int]] = defaultdict(set)
    by_day: defaultdict[tuple[str, str], list[int]] = defaultdict(list)
    by_series: defaultdict[str, list[int]] = defaultdict(list)
    for incident in incidents:
        series = os.path.dirname(incident.report)
        text = _text(incident)
        candidates = set(by_key.get(old_key(incident), ()))
        for found in incident_ids(text):
            candidates |= by_id.get((series, found), set())
        if incident.when is not None:
            candidates.update(by_day.get((series, incident.when.isoformat()), ()))
        if follow_up(text):
            since = incident.date - timedelta(days=RETELL_DAYS)
            for earlier in reversed(by_series.get(series, ())):
                if kept[earlier].date < since:
                    break
                candidates.add(earlier)
        index = next((i for i in sorted(candidates) if same_incident(kept[i], incident)), None)
        if index is None:
            new = len(kept)
            kept.append(incident)
            by_key[old_key(incident)].append(new)
            by_series[series].append(new)
            if incident.when is not None:
                by_day[(series, incident.when.isoformat())].append(new)
            for found in incident_ids(text):
                by_id[(series, found)].add(new)
            continue
        completed = completed_by(kept[index], incident)
        if completed is not None:
            kept[index] = completed
            # A cause the retelling added may carry an id the first telling lacked.
            for found in incident_ids(_text(completed)):
                by_id[(os.path.dirname(completed.report), found)].add(index)
    return kept
