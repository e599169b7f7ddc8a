"""A register entry as the public `RiskEntry`: its title, category, severity and what each
report told of it."""

from __future__ import annotations

from index.text.lang import Lang
from summarizer.schemas import RiskCategory, RiskEntry, RiskSighting, SeverityLevel
from summarizer.summaries.risk_sightings import Cand, Entry, combined
from summarizer.summaries.risk_words import gist
from summarizer.summaries.series import Series
from summarizer.summaries.severity import level, rank


def _category(entry: Entry, series: Series) -> RiskCategory:
    cands = [c for _, found in entry.history for c in found]
    if entry.first.basis == "incident":
        return "incident"
    if entry.first.note_kind == "ask":
        return "ask"
    if entry.project is not None:
        if any(c.basis == "status" and c.status == "open" for c in cands):
            return "schedule"
        if any(c.basis in ("blocker", "blocked") for c in cands):
            return "blocker"
    return "blocker" if entry.first.basis == "blocker" else "stated"


def _severity(entry: Entry) -> tuple[SeverityLevel | None, str | None]:
    cands = [c for _, found in entry.history for c in found]
    labelled = [c for c in cands if c.label]
    if labelled:
        return labelled[0].severity, labelled[0].label
    stated = [level(c.text) for c in cands]
    ranked = [s for s in stated if s is not None]
    if ranked:
        return min(ranked, key=rank), None
    if any(c.basis == "blocked" or "overdue" in c.text or "逾期" in c.text for c in cands):
        return "high", None
    if any(c.basis == "status" for c in cands):
        return "medium", None
    return None, None


def _title(entry: Entry, lang: Lang) -> str:
    if entry.first.basis == "incident":
        return entry.first.text
    colon = "：" if lang == "zh" else ": "
    if entry.project is not None:
        said = (
            entry.first.text
            if entry.first.basis in ("status", "blocked")
            else gist(entry.first.text, (entry.project,))
        )
        return entry.project + colon + said
    if entry.first.group_name:
        return entry.first.group_name + colon + gist(entry.first.text)
    return gist(entry.first.text)


def _told(found: list[Cand]) -> list[str]:
    """What one report says about a risk, at most two statements: the ledger's slips (facts),
    then the report's own words (the reason), then a status."""
    order = {"status": 1, "blocked": 1, "incident": 0, "stated": 2, "blocker": 2}
    slips = [c for c in found if c.basis == "status" and c.citation.quote and "→" in c.text]
    rest = sorted(
        (c for c in found if c not in slips), key=lambda c: order[c.basis] if c.basis != "status" else 3
    )
    texts = list(dict.fromkeys(c.text.rstrip("。.;；") for c in [*slips, *rest]))
    return texts[:2]


def public_entry(series: Series, entry: Entry, lang: Lang) -> RiskEntry:
    sep = "；" if lang == "zh" else "; "
    history = [
        RiskSighting(
            week=ref.week,
            report=ref.source,
            status=combined(found),
            text=sep.join(_told(found)),
            citation=found[0].citation,
        )
        for ref, found in entry.history
    ]
    severity, label = _severity(entry)
    owners = [c.owner for _, found in entry.history for c in found if c.owner]
    title = _title(entry, lang)
    first, last = history[0], history[-1]
    return RiskEntry(
        id=f"{series.name}:{entry.key}",
        series=series.folder,
        category=_category(entry, series),
        title=title,
        project=entry.project,
        status=last.status,
        severity=severity,
        severity_label=label,
        first_seen=first.week,
        last_seen=last.week,
        owner=owners[-1] if owners else None,
        history=history,
        citations=[first.citation] if first is last else [first.citation, last.citation],
    )
