"""Extract incidents: when, duration, impact, cause, resolution, severity, each as written.

Incidents live in sections of kind INCIDENTS, or under an item such as `生产稳定性事件：` /
`Incidents:` whose children are the incidents. An incident's follow-up lines (`原因：…`,
`处置：…`, `- Cause: …`) belong to it; a line saying there were none (`本周无事故`) is not one.
"""

from __future__ import annotations

import re
from datetime import date

from index.ledger.evidence import cite
from index.ledger.mentions import line_text
from index.models import Item, Report, Section, SectionKind
from index.schemas import Incident
from index.text.timeexpr import find_dates

_GROUP = re.compile(
    r"(?:稳定性|生产|线上|系统)?(?:事件|事故|故障|告警)|incidents?|outages?|on-?call|post-?mortems?", re.I
)
_NONE = re.compile(
    r"^(?:无|本周无|暂无|没有|none|n/?a|no (?:incidents?|outages?)|nothing)\b|"
    r"^(?:本周)?(?:无|暂无)(?:事故|故障|事件)",
    re.I,
)
_SUMMARY = re.compile(r"^(?:本周)?(?:事故|故障|事件|incidents?)\s*(?:数|总数|count|total|合计)", re.I)
_TIME = re.compile(r"\s*(?:\d{1,2}:\d{2}(?::\d{2})?)(?:\s*(?:UTC|GMT|CST|[AP]M))?", re.I)
_DURATION = re.compile(
    r"(?:持续|历时|耗时|时长|共计|duration\s*[:：]?|lasted|for)?\s*(?:约|近|了|about|~)?\s*"
    r"(?:(\d+(?:\.\d+)?)\s*(?:h|hrs?|hours?|小时)\s*)?(\d+(?:\.\d+)?)\s*"
    r"(分钟|mins?|minutes?|m\b|小时|hours?|hrs?|h\b|秒|seconds?|secs?|s\b|天|days?)",
    re.I,
)
_DURATION_CUE = re.compile(r"持续|历时|耗时|时长|共计|延迟|中断|duration|lasted|\bfor\b", re.I)
_UNIT_MINUTES = {
    "分": 1.0,
    "m": 1.0,
    "小": 60.0,
    "h": 60.0,
    "秒": 1 / 60,
    "s": 1 / 60,
    "天": 1440.0,
    "d": 1440.0,
}
_END = r"(?=[。；;]|(?<!\d)\.(?:\s|$)|\s+(?:impact|cause|root cause|fix|resolution|mitigation)\s*[:：]|$)"
_FIELDS = {
    "impact": re.compile(r"(?:影响|impact)\s*[:：]\s*(.+?)" + _END, re.I),
    "cause": re.compile(r"(?:根本原因|根因|原因|root cause|cause)\s*[:：]\s*(.+?)" + _END, re.I),
    "resolution": re.compile(
        r"(?:处置|处理|解决方案|解决|修复|措施|fix(?:ed)?|resolution|mitigation|remediation)\s*[:：]\s*(.+?)"
        + _END,
        re.I,
    ),
}
_IMPACT_FREE = re.compile(
    r"(?:对[^，。；]{0,8}?(?:无|没有)影响|无(?:业务|用户|客户)?影响|"
    r"\bno (?:customer|user|business|external)?\s*impact\b|"
    r"影响[^，。；;]{1,30}|(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)%?\s*(?:of\s+)?"
    r"(?:users|customers|requests|logins|orders|payments|transactions)"
    r"[^.;，。]*|\baffect(?:ed|ing)\b[^.;，。]*)",
    re.I,
)
_CAUSE_FREE = re.compile(
    r"(?:due to|caused by|由于|因为)\s*([^。；;，,]+)|([^。；;，,]{4,40}?)(?:，|,)?\s*导致", re.I
)
_FIX_FREE = re.compile(
    r"[^，,。；;]*(?:后恢复|已恢复|回滚|rolled back|restored|recovered|fixed by|mitigated by)[^，,。；;]*",
    re.I,
)
# Latin boundaries spelled out: Python's \b sees CJK as word characters ("定级P2").
_SEVERITY = re.compile(
    r"(?<![A-Za-z0-9])(?:SEV[- ]?\d|P[0-4]|S[1-4])(?![A-Za-z0-9])|(?<![A-Za-z])[A-D]{1,2}级|[一二三四]级(?:事故|故障)?",
    re.I,
)


def extract_incidents(report: Report) -> list[Incident]:
    lines = {number: text for number, text in report.lines}
    out: list[Incident] = []
    for section in report.all_sections():
        if section.kind == SectionKind.INCIDENTS:
            if section.children and not section.items:
                continue  # incidents are in the subsections, visited on their own
            rows = _from_table(report, section)
            out.extend(rows)
            if not section.items and not rows:
                whole = _from_lines(report, section, section.lines, lines, title_line=section.start)
                out.extend([whole] if whole is not None else [])
            for item in section.items:
                out.extend(_from_item(report, section, item, lines, grouped=True))
        else:
            for item in section.items:
                for node in item.walk():
                    if _is_group(node) and node.children:
                        for child in node.children:
                            out.extend(_from_item(report, section, child, lines, grouped=False))
    return out


# Table headers by the part they play; a row is read as "date severity summary duration; impact: …".
_COLUMNS = (
    ("when", re.compile(r"date|time|when|日期|时间|发生时间", re.I)),
    ("severity", re.compile(r"sev|severity|level|priority|级别|等级|定级", re.I)),
    ("title", re.compile(r"summary|title|incident|description|what|事件|故障|问题|描述|概述", re.I)),
    ("duration", re.compile(r"duration|length|时长|持续", re.I)),
    ("impact", re.compile(r"impact|影响", re.I)),
    ("cause", re.compile(r"cause|原因|根因", re.I)),
    ("resolution", re.compile(r"fix|resolution|mitigation|处置|处理|解决", re.I)),
)
_LABELS = {"impact": "Impact: ", "cause": "Cause: ", "resolution": "Fix: "}


def _from_table(report: Report, section: Section) -> list[Incident]:
    """`| Date | Severity | Summary | Duration |` rows: one incident each, cited on its own row.

    Each row is rewritten in the order the line reader expects (date first, labelled impact,
    cause and fix) and quoted by its summary cell, text that stands in the file as written.
    """
    out: list[Incident] = []
    for table in section.tables:
        roles = [next((role for role, pattern in _COLUMNS if pattern.search(c)), None) for c in table.header]
        for row in table.rows:
            by_role = {role: cell for role, cell in zip(roles, row.cells, strict=False) if role and cell}
            if "title" not in by_role:
                continue
            order = ("when", "severity", "title", "duration", "impact", "cause", "resolution")
            line = "，".join(_LABELS.get(role, "") + by_role[role] for role in order if role in by_role)
            incident = _from_lines(report, section, [(row.line, line)], {row.line: line}, title_line=None)
            if incident is not None:
                incident.evidence = cite(report, section.path_text, row.line, row.line, by_role["title"])
                out.append(incident)
    return out


def _is_group(item: Item) -> bool:
    head = item.text.strip()
    return head.endswith((":", "：")) and len(head) <= 24 and bool(_GROUP.search(head))


def _from_item(
    report: Report, section: Section, item: Item, lines: dict[int, str], grouped: bool
) -> list[Incident]:
    if grouped and _is_group(item) and item.children:
        return [i for child in item.children for i in _from_item(report, section, child, lines, False)]
    span = [(n, lines[n]) for n in range(item.start, item.end + 1) if n in lines]
    incident = _from_lines(report, section, span, lines, title_line=None)
    return [incident] if incident is not None else []


def _from_lines(
    report: Report,
    section: Section,
    span: list[tuple[int, str]],
    lines: dict[int, str],
    title_line: int | None,
) -> Incident | None:
    texts = [(n, line_text(t)) for n, t in span if line_text(t)]
    if title_line is not None and title_line in lines:
        texts.insert(0, (title_line, line_text(lines[title_line].lstrip("#").strip())))
    body = texts[1:] if title_line is not None else texts
    if not body or _NONE.search(body[0][1]) or _SUMMARY.search(body[0][1]):
        return None
    first_line, first = texts[0]
    whole = "；".join(text for _, text in texts)  # a field never runs into the next line
    when, when_text, rest = _when(first, report)
    duration_text, minutes = _duration(whole)
    severity = _SEVERITY.search(whole)
    impact = _field("impact", whole) or _free(_IMPACT_FREE, whole)
    if when is None and duration_text is None and severity is None and impact is None:
        return None  # a follow-up action or remark, not an incident
    title = _title(rest, severity[0] if severity else None, duration_text)
    return Incident(
        title=_clip(title or first, 100),
        report=report.source,
        week=report.week,
        date=report.date,
        when=when,
        when_text=when_text,
        duration_minutes=minutes,
        duration_text=duration_text,
        impact=impact,
        severity=severity[0] if severity else None,
        cause=_field("cause", whole) or _free(_CAUSE_FREE, whole.replace(when_text or "\0", "", 1), group=1),
        resolution=_field("resolution", whole) or _free(_FIX_FREE, whole),
        evidence=cite(report, section.path_text, first_line, texts[-1][0], first),
    )


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit]


def _title(rest: str, severity: str | None, duration: str | None) -> str:
    """The incident's first clause, without its severity, time and duration prefix."""
    for part in (severity, duration):
        if part:
            rest = rest.replace(part, " ", 1)
    head, colon, tail = rest.partition(":") if ":" in rest[:30] else rest.partition("：")
    if colon and len(re.sub(r"[\W_]+", "", head)) <= 3:
        rest = tail
    rest = re.sub(r"[(（]\s*[)）]", "", rest).strip(" :：-—–,，")
    return re.split(r"[，。；;]|(?<!\d)[,.](?!\d)", rest, maxsplit=1)[0].strip()


def _when(text: str, report: Report) -> tuple[date | None, str | None, str]:
    """The date (and clock time) an incident line opens with, and the text after it."""
    for hit in find_dates(text[:40], report.date, "past"):
        if hit.precision != "day":
            continue
        time = _TIME.match(text, hit.end)
        end = time.end() if time else hit.end
        return hit.value, text[hit.start : end].strip(), text[: hit.start] + text[end:]
    return None, None, text


def _duration(text: str) -> tuple[str | None, float | None]:
    """`持续13mins`, `42 min`, `1 h 35 min`; a bare `5 s` needs a cue word, minutes and hours do not."""
    for match in _DURATION.finditer(text):
        unit = match[3].lower()
        cued = bool(_DURATION_CUE.match(match[0].strip()))
        if unit[0] in "s秒天d" and not cued:
            continue
        if not cued and text[max(0, match.start() - 1) : match.start()].isalnum():
            continue
        minutes = float(match[2]) * _UNIT_MINUTES.get(unit[0], 1.0) + float(match[1] or 0) * 60
        return match[0].strip(), round(minutes, 2)
    return None, None


def _field(name: str, text: str) -> str | None:
    match = _FIELDS[name].search(text)
    return match[1].strip(" ，,") if match else None


def _free(pattern: re.Pattern[str], text: str, group: int = 0) -> str | None:
    match = pattern.search(text)
    if not match:
        return None
    value = match[group] if group == 0 else next((g for g in match.groups() if g), None)
    return value.strip(" ，,") if value else None
