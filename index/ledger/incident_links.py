"""One incident told in several reports: the first telling counts, later ones retell it.

A later report's postmortem (`INC-208 follow-ups`, `上周Push重复发送故障（10.14，P2）的改进项`,
`Follow-up on the promo code incident from the 9th`) is the same incident when it is in the same
series (folder) and shares a tracker id, the day it happened, or (as a retelling within ten
weeks that gives no other day or id) enough of its words. A retelling may add the cause and fix the first telling lacked,
and its follow-ups to the fix the first telling gave.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from index.ledger.incident_words import follow_up, incident_ids
from index.schemas import Incident
from index.text.cjk import HAN
from index.text.normalise import name_key, nfkc

RETELL_DAYS = 70
_LATIN = re.compile(r"[a-z][a-z0-9]{2,}")
_HAN_RUN = re.compile(f"[{HAN}]+")
# Words every incident text has; sharing them says nothing about which incident it is.
_COMMON = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "was",
        "were",
        "had",
        "has",
        "have",
        "this",
        "that",
        "from",
        "after",
        "before",
        "into",
        "about",
        "our",
        "their",
        "its",
        "incident",
        "incidents",
        "outage",
        "outages",
        "postmortem",
        "post",
        "mortem",
        "follow",
        "ups",
        "up",
        "sev",
        "root",
        "cause",
        "fix",
        "week",
        "last",
        "cycle",
        "held",
        "service",
        "services",
        "minutes",
        "minute",
        "hours",
        "hour",
        "users",
        "customers",
        "requests",
    ]
)
_COMMON_HAN = ("故障", "事故", "复盘", "问题", "线上", "改进", "上周", "本周", "影响", "用户", "完成", "已经")


def old_key(incident: Incident) -> tuple[str, str]:
    """The key tellings were matched on before ids, days and words: (day or week, title start)."""
    when = incident.when.isoformat() if incident.when else incident.week
    return when, name_key(incident.title)[:12]


def same_incident(earlier: Incident, later: Incident) -> bool:
    """`later` (a later report's telling) retells `earlier`: never another team's (folder's), however
    alike their day and title (`INCIDENT` on 11 March in two teams' reports, w54-d joined)."""
    if os.path.dirname(earlier.report) != os.path.dirname(later.report):
        return False
    if old_key(earlier) == old_key(later):
        return True
    if earlier.report == later.report:
        return False
    ids, later_ids = incident_ids(_text(earlier)), incident_ids(_text(later))
    if ids & later_ids:
        return True
    if earlier.when is not None and later.when is not None:
        return earlier.when == later.when
    if ids and later_ids:
        return False  # two different tracker ids
    if not follow_up(_text(later)) or not 0 < (later.date - earlier.date).days <= RETELL_DAYS:
        return False
    return len(_words(_text(earlier)) & _words(_text(later))) >= 2


def first_tellings(incidents: Iterable[Incident]) -> list[Incident]:
    """Incidents (oldest report first) without retellings; a retelling fills a missing cause/fix."""
    kept: list[Incident] = []
    for incident in incidents:
        index = next((i for i, first in enumerate(kept) if same_incident(first, incident)), None)
        if index is None:
            kept.append(incident)
            continue
        completed = completed_by(kept[index], incident)
        if completed is not None:
            kept[index] = completed
    return kept


def completed_by(first: Incident, retelling: Incident) -> Incident | None:
    """The first telling with the cause or fix only a later report's retelling gives; None when the
    retelling adds nothing (or is in the same report, where it is the same telling's own line)."""
    update = {
        name: getattr(retelling, name)
        for name in ("cause", "resolution")
        if getattr(first, name) is None and getattr(retelling, name) is not None
    }
    if first.resolution and retelling.resolution and retelling.resolution not in first.resolution:
        # the night's fix, then the postmortem's follow-ups (`改进：4/10 前网关加限流`)
        update["resolution"] = f"{first.resolution}；{retelling.resolution}"
    if not update or first.report == retelling.report:
        return None
    return first.model_copy(update=update)


def shared_words(a: Incident, b: Incident) -> int:
    """How many distinctive words (Latin words, Han bigrams) two tellings share."""
    return len(_words(_text(a)) & _words(_text(b)))


def _text(incident: Incident) -> str:
    parts = (incident.title, incident.evidence.quote, incident.impact, incident.cause)
    return " ".join(part for part in parts if part)


def _words(text: str) -> set[str]:
    """Latin words and Han bigrams, without the words all incident texts share."""
    text = nfkc(text).casefold()
    words = {w for w in _LATIN.findall(text) if w not in _COMMON}
    for run in _HAN_RUN.findall(text):
        words.update(run[i : i + 2] for i in range(len(run) - 1) if run[i : i + 2] not in _COMMON_HAN)
    return words
