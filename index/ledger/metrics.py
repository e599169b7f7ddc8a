"""Extract metric values (name, value, unit) from metrics sections, lines and Markdown tables.

`支付系统年度可用性：99.998%`, `p99 320ms`, `error budget 40% left`,
`出金成功率：99.979%，一次支付成功率：99.152%` (two metrics in one line),
`| p99 latency | 320ms | 340ms |` (the "this week" column), and outside a metrics section a bullet
whose label says metrics (`系统稳定性度量：健康分整体681分`). The name links a metric across weeks
through a normalised key; a parenthetical (`(prev 99.4%)`) is ignored.
"""

from __future__ import annotations

import re
from datetime import date

from index.classify import classify_heading
from index.ledger.evidence import cite
from index.ledger.mentions import line_text
from index.ledger.signals import split_label
from index.models import Report, Section, SectionKind
from index.schemas import MetricPoint
from index.text.cjk import HAN
from index.text.normalise import plain_key
from index.text.timeexpr import find_dates

_VALUE = re.compile(
    r"第\s*(\d+)\s*(名|位)?|(?<![A-Za-z\d.])([-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-+]?\d+(?:\.\d+)?)\s*"
    r"(%|‰|ms|μs|us|sec|s|mins?|h|hrs?|次|笔|个|分|万|亿|元|台|k|K|M|GB|TB|MB|rps|qps|QPS|tps|TPS|req/s|/s|pp|bps)?"
    r"(?![A-Za-z\d])\s*(left|remaining|used|burned|剩余|消耗)?",
)
_CLAUSES = re.compile(r"[，；;]|(?<!\d),|,(?!\d)|\s{2,}")
_PARENS = re.compile(r"[(（][^)）]*[)）]")
_NAME_TAIL = re.compile(
    r"(?:\s*[:：=]\s*|\s+(?:is|at|of|was)\s*|为|达到?|约|是|整体|总体|\boverall\b)+$", re.I
)
_CHANGE = re.compile(
    r"较|环比|同比|提升|下降|增加|减少|突破|上涨|下跌|降低|增长|\bvs\.?\b|\b(?:up|down|from|than|increase|decrease)\b",
    re.I,
)
_PROGRESS_NAME = re.compile(r"进度|完成度|progress|% ?complete", re.I)
_VALUE_HEADER = re.compile(r"本周|this week|current|value|值|actual|本期|当前|latest|W\d{1,2}$", re.I)
_ANY_DAY = date(2000, 1, 3)  # only spotting dates, not resolving them
_NAMEISH = re.compile(f"[A-Za-z{HAN}]")  # a metric name has letters or Han characters


def extract_metrics(report: Report) -> list[MetricPoint]:
    out: list[MetricPoint] = []
    for section in report.all_sections():
        if section.kind != SectionKind.METRICS:
            out.extend(_labelled_elsewhere(report, section))
            continue
        found: list[MetricPoint] = []
        for table in section.tables:
            for row in table.rows:
                found.extend(_from_row(report, section, row.line, row.cells, table.header))
        for number, raw in section.lines:
            if not section.in_table(number):
                found.extend(_from_text(report, section, number, line_text(raw)))
        out.extend(sorted(found, key=lambda point: point.evidence.lines[0]))  # stable: text order
    return out


def _labelled_elsewhere(report: Report, section: Section) -> list[MetricPoint]:
    """`- 系统稳定性度量：健康分整体681分，中心排名第3` outside a metrics section: the label says metrics."""
    if section.kind in (SectionKind.REFLECTION, SectionKind.INCIDENTS, SectionKind.PLANS):
        return []
    lines = dict(section.lines)
    out: list[MetricPoint] = []
    for item in section.items:
        for node in item.walk():
            text = line_text(lines.get(node.start, ""))
            labelled = split_label(text)
            if labelled and labelled.rest and classify_heading(labelled.label) == SectionKind.METRICS:
                offset = labelled.rest_offset
                out.extend(_from_text(report, section, node.start, text[offset:]))
    return out


def _point(
    report: Report, section: Section, number: int, name: str, match: re.Match[str], quote: str
) -> MetricPoint:
    if match[1]:  # 排名第3: a rank
        value, unit, qualifier = float(match[1]), "名", None
    else:
        value, unit, qualifier = float(match[3].replace(",", "")), match[4] or "", match[5] or None
    return MetricPoint(
        name=name,
        key=plain_key(name),
        value=value,
        unit=f"{unit} {qualifier}".strip() if qualifier else unit,
        qualifier=qualifier,
        report=report.source,
        week=report.week,
        date=report.date,
        evidence=cite(report, section.path_text, number, number, quote),
    )


def _shape(text: str) -> str:
    return re.sub(r"\d", "9", re.sub(r"[A-Za-z]", "a", text))


def _inherit(name: str, previous: str | None) -> str:
    """`事故数AB级0次，CD级3次`: a short name shaped like the end of the previous one takes its prefix."""
    if previous is None or len(name) > 6:
        return name
    for start in range(1, len(previous)):
        if _shape(previous[start:]) == _shape(name):
            return previous[:start] + name
    return name


def _from_text(report: Report, section: Section, number: int, text: str) -> list[MetricPoint]:
    points: list[MetricPoint] = []
    position = 0
    previous: str | None = None
    for clause in _CLAUSES.split(text):
        start = text.find(clause, position)
        position = start + len(clause)
        bare = _PARENS.sub(lambda m: " " * len(m[0]), clause)
        match = _VALUE.search(bare)
        if not match or _is_date(bare, match):
            continue
        name = _NAME_TAIL.sub("", bare[: match.start()].strip(" -—–*:：")).strip(" *_`")
        if not name or len(name) > 40 or not _NAMEISH.search(name):
            continue
        if _CHANGE.search(name) or _PROGRESS_NAME.search(name):
            continue
        name = _inherit(name, previous)
        previous = name
        quote = clause[: match.end()].strip() if len(clause) > match.end() else clause.strip()
        points.append(_point(report, section, number, name, match, quote))
    return points


def _from_row(
    report: Report, section: Section, number: int, cells: list[str], header: list[str]
) -> list[MetricPoint]:
    if len(cells) < 2 or not _NAMEISH.search(cells[0]):
        return []
    column = next((i for i, h in enumerate(header) if i > 0 and _VALUE_HEADER.search(h)), None)
    order = [column] if column is not None and column < len(cells) else list(range(1, len(cells)))
    for index in order:
        match = _VALUE.search(_PARENS.sub("", cells[index]))
        if match and match[1]:
            match = None  # tables hold plain values
        if match and not _is_date(cells[index], match):
            name = cells[0].strip(" *_`")
            return [_point(report, section, number, name, match, "|".join(cells[: index + 1]))]
    return []


def _is_date(text: str, match: re.Match[str]) -> bool:
    start = match.start(1) if match[1] else match.start(3)
    return any(h.start <= start < h.end for h in find_dates(text, _ANY_DAY))
