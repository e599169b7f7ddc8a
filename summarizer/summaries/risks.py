"""The risk register: every risk a series raises, one entry however many weeks raise it.

What each report says is read by `risk_sightings.py` (in the words of `risk_words.py`); an entry
becomes the public `RiskEntry` in `risk_entry.py`. This module decides which sightings are one risk.

Merging. Everything about one tracked project is one entry (its delivery risk). Other sightings
join an earlier entry of the same key-work block, else the earlier unattached entry whose subject
words they share, else open a new one. A sighting that only says "resolved" or "mitigated" never
opens an entry; it closes the one it names. Processing is in report order and never looks
ahead, so a week's view of the register does not change when later reports arrive.
"""

from __future__ import annotations

import hashlib

from index.schemas import ReportRef
from index.text.lang import Lang
from summarizer.schemas import RiskEntry
from summarizer.summaries.risk_entry import public_entry
from summarizer.summaries.risk_sightings import Cand, Entry, derived, incidents, stated
from summarizer.summaries.risk_words import subject, words
from summarizer.summaries.series import Series
from summarizer.summaries.severity import rank

JOIN_SUBJECT = 0.6
"""Share of a new sighting's subject words an earlier entry must hold for the two to be one risk."""
JOIN_CLOSING = 0.4
"""The looser share for a sighting that only closes a risk ("记账瓶颈通过异步记账解决")."""


def _overlap(cand: Cand, entry: Entry) -> float:
    mine = words(subject(cand.text))
    if not mine:
        return 0.0
    forward = len(mine & entry.words) / len(mine)
    theirs = words(subject(entry.first.text))
    backward = len(theirs & words(cand.text)) / len(theirs) if theirs else 0.0
    return max(forward, backward)


def _place(cand: Cand, entries: dict[str, Entry], ref: ReportRef) -> str | None:
    """The key of the entry a candidate belongs to (None: it opens a new one or is dropped)."""
    if cand.project is not None:
        return f"project:{cand.project}"
    if cand.group is not None and cand.basis != "incident":
        key = f"group:{cand.group}"
        if key in entries:
            return key
    loose = [e for e in entries.values() if e.project is None and e.first.basis != "incident"]
    best = max(loose, key=lambda e: _overlap(cand, e), default=None)
    if best is not None and _overlap(cand, best) >= JOIN_SUBJECT:
        return best.key
    if not cand.opens:
        # Closing words about something: the open risk (of any kind) they share most words with.
        open_ = [e for e in entries.values() if e.status != "resolved" and e.first.basis != "incident"]
        best = max(open_, key=lambda e: _overlap(cand, e), default=None)
        if best is not None and _overlap(cand, best) >= JOIN_CLOSING:
            return best.key
    return None


def _new_key(cand: Cand) -> str:
    if cand.project is not None:
        return f"project:{cand.project}"
    if cand.group is not None:
        return f"group:{cand.group}"
    return "text:" + hashlib.sha256(subject(cand.text).encode("utf-8")).hexdigest()[:10]


class Builder:
    """Reads a series report by report, oldest first; `step` returns the entries it touched."""

    def __init__(self, series: Series, lang: Lang) -> None:
        self.series, self.lang = series, lang
        self.entries: dict[str, Entry] = {}

    def step(self, ref: ReportRef) -> list[Entry]:
        series, entries = self.series, self.entries
        view = series.view(ref)
        cands = (stated(series, ref, view) if view is not None else []) + derived(
            series, ref, self.lang, entries
        )
        grouped: dict[str, list[Cand]] = {}
        for cand in cands:
            key = _place(cand, entries, ref)
            if key is None and cand.opens:
                key = _new_key(cand)
            if key is None:
                continue
            if key not in entries:
                if not cand.opens:
                    continue
                entries[key] = Entry(key, cand.project, cand.group, cand)
            grouped.setdefault(key, []).append(cand)
        for cand in incidents(series, ref, self.lang):
            key = f"group:{cand.group}"
            entries.setdefault(key, Entry(key, None, cand.group, cand))
            grouped.setdefault(key, []).append(cand)
        for key, found in grouped.items():
            entries[key].add(ref, found)
        return [entries[key] for key in grouped]

    def public(self, entry: Entry) -> RiskEntry:
        return public_entry(self.series, entry, self.lang)


def build(series: Series, lang: Lang, until: ReportRef | None = None) -> list[RiskEntry]:
    """Every risk of the series up to `until` (inclusive; default the latest report)."""
    builder = Builder(series, lang)
    for ref in series.reports:
        builder.step(ref)
        if until is not None and ref.source == until.source:
            break
    return sorted((builder.public(e) for e in builder.entries.values() if e.history), key=order)


def as_of_each(series: Series, lang: Lang) -> dict[str, list[RiskEntry]]:
    """Report source -> the entries that report raises, each as the register stood right after
    it (history up to it). One pass over the series serves every weekly summary of it."""
    builder = Builder(series, lang)
    return {ref.source: [builder.public(e) for e in builder.step(ref)] for ref in series.reports}


def order(entry: RiskEntry) -> tuple[int, int, str, str]:
    """Open first, then mitigated, then resolved; most severe first; newest first."""
    status = {"open": 0, "mitigated": 1, "resolved": 2}[entry.status]
    return status, rank(entry.severity), _neg(entry.last_seen), entry.id


def _neg(week: str) -> str:
    return "".join(chr(ord("9") - ord(c) + ord("0")) if c.isdigit() else c for c in week)
