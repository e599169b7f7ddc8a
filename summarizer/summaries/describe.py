"""Facts in words: a slip, a launch, an incident, a project's state, in the summary's language.

Dates are shown as the report wrote them when it did (`12/20`, `Jun 27`), so a reader finds
them in the cited line; the ledger's resolved ISO dates only fill in where the text is missing.
"""

from __future__ import annotations

import datetime as dt
import re

from index.ledger.slips import STALL_RUN
from index.schemas import Citation, Incident, Launch, Observation, Slip
from index.text.lang import Lang
from summarizer.summaries import wording
from summarizer.summaries.reading import ReportView, sentences
from summarizer.summaries.severity import level

_EN_IMPACT = re.compile(r"\bImpact:\s*(.+?)(?=\.\s+[A-Z][A-Za-z ]{1,20}:|\.?\s*$)")
_EN_TITLE_END = re.compile(r"\.\s+(?:Impact|Cause|Fix|Root cause):.*$")
_ZH_TITLE_LEAD = re.compile(r"^(?:监控|告警|巡检|用户|客服)?(?:发现|反馈|报警)|^客诉")
_EN_CLAUSE = re.compile(r"\s+(?:after|during|when|while|because|due to|as)\s+.*$")


def target_texts(observations: list[Observation]) -> dict[str, str]:
    """ISO target date -> how the reports last wrote it ('12/20', 'Jun 27')."""
    out: dict[str, str] = {}
    for o in observations:
        if o.target is not None and o.target_text:
            out[o.target.isoformat()] = o.target_text
    return out


def _as_written(value: str, texts: dict[str, str], lang: Lang, ref: dt.date) -> str:
    return texts.get(value) or wording.day(value, lang, ref)


def delay_days(slip: Slip) -> int | None:
    """Days between the slip's from and to when both are dates (date_moved, overdue)."""
    try:
        return (dt.date.fromisoformat(slip.to) - dt.date.fromisoformat(slip.from_)).days
    except ValueError:
        return None


def slip_phrase(slip: Slip, texts: dict[str, str], lang: Lang, ref: dt.date) -> str:
    """The slip without the project's name: "target moved May 9 → May 23 (+14 days)"."""
    a, b = slip.from_, slip.to
    if slip.kind == "date_moved":
        return wording.say(
            "date_moved",
            lang,
            a=_as_written(a, texts, lang, ref),
            b=_as_written(b, texts, lang, ref),
            days=delay_days(slip) or 0,
        )
    if slip.kind == "overdue":
        return wording.say("overdue", lang, a=_as_written(a, texts, lang, ref), b=wording.day(b, lang, ref))
    if slip.kind == "stalled":
        return wording.say("stalled", lang, a=a, n=STALL_RUN)
    return wording.say("status_downgrade", lang, a=a, b=b)


def launch_phrase(launch: Launch, name: str, texts: dict[str, str], lang: Lang, ref: dt.date) -> str:
    target = ""
    if launch.target is not None:
        written = _as_written(launch.target.isoformat(), texts, lang, ref)
        target = wording.say("target_part", lang, target=written)
    return wording.say(
        "launched",
        lang,
        name=name,
        date=wording.day(launch.launched_on, lang, ref),
        verdict=wording.verdict(launch.verdict, lang),
        target=target,
    )


def incident_title(incident: Incident) -> str:
    """The incident's own first clause, without a trailing `. Impact: …` the extractor kept
    and without the zh reporting lead (`监控发现`)."""
    title = _EN_TITLE_END.sub("", incident.title).strip()
    return _ZH_TITLE_LEAD.sub("", title).strip() or title


def incident_impact(incident: Incident, view: ReportView | None) -> tuple[str | None, Citation | None]:
    """The whole impact as written ('about 2.1% … failed; roughly 3,400 orders …'), cited from
    the incident's line; the ledger keeps only its first clause."""
    if view is not None:
        start, end = incident.evidence.lines
        for line in view.items:
            if start <= line.file_line <= end:
                match = _EN_IMPACT.search(line.text)
                if match:
                    return match[1].strip(), line.cite(match[1].strip())
    return incident.impact, None


def incident_phrase(incident: Incident, impact: str | None, lang: Lang) -> str:
    when = incident.when_text or (incident.when.isoformat() if incident.when else incident.week)
    title = incident_title(incident)
    if lang == "zh":
        parts = [incident.severity or "未定级", incident.duration_text, impact]
        return f"{when} {title}（{'，'.join(p for p in parts if p)}）"
    duration = f", {incident.duration_text}" if incident.duration_text else ""
    head = f"{incident.severity} " if incident.severity else ""
    return f"{head}{when}{duration}: {title}" + (f" — {impact}" if impact else "")


def incident_short(incident: Incident, impact: str | None, lang: Lang) -> str:
    """Headline length: day, level, what, the first clause of the impact."""
    day = incident.when or incident.date
    first = re.split(r"[;；，]|,\s", impact or "")[0].strip()
    title = incident_title(incident)
    title = sentences(_EN_CLAUSE.sub("", title) if lang == "en" else title, 60)
    label = incident.severity or ("未定级" if lang == "zh" else "ungraded")
    if lang == "zh":
        return f"{wording.day(day, 'zh')}{title}（{label}{'，' + first if first else ''}）"
    return f"{label} on {wording.day(day, 'en')}: {title}" + (f" ({first})" if first else "")


def incident_level(incident: Incident) -> str | None:
    return level(incident.severity)


def state_phrase(obs: Observation, lang: Lang) -> str:
    """Status, progress and target as written: 'At risk · 50% · ETA May 23' / '有风险，进度72%，预计12/13'."""
    parts: list[str] = []
    if obs.status_text or obs.status:
        parts.append(obs.status_text or str(obs.status))
    if obs.progress_label:
        parts.append(("进度" if lang == "zh" else "") + obs.progress_label)
    if obs.target_text or obs.target:
        written = obs.target_text or wording.day(obs.target, lang, obs.date)
        parts.append(f"预计{written}" if lang == "zh" else f"ETA {written}")
    if obs.owner and lang == "en":
        parts.append(f"owner {obs.owner}")
    return ("，" if lang == "zh" else " · ").join(parts)
