"""Extract metric values (name, value, unit) from metrics sections, lines, tables and prose.

`支付系统年度可用性：99.998%`, `p99 320ms`, `error budget 40% left`,
`出金成功率：99.979%，一次支付成功率：99.152%` (two metrics in one line), `Signups 4.1k (+6% WoW).
CAC $38.20.` (sentences), `| p99 latency | 320ms | 340ms |` (the "this week" column), and outside
a metrics section a bullet whose label says metrics (`系统稳定性度量：健康分整体681分`) or a line
that reports metrics in prose (`本周日活11.9万，环比+6.3%；新客次留37.9%。`, `metric_read`).
Values are plain numbers (`12.3万` 123000, `4.1k` 4100, `38.9万元` 389000 元, `$38.20` 38.2 $); a
change (`环比+6.3%`, `(+6% WoW)`, a `环比` column) is a point of its own (`日活环比`, `Signups WoW`).
The name links a metric across weeks through a normalised key; other parentheticals
(`(prev 99.4%)`) are ignored.
"""

from __future__ import annotations

import re
from dataclasses import replace

from index.classify import classify_heading
from index.ledger.blocks import section_blocks
from index.ledger.chat_topics import message_text
from index.ledger.evidence import cite
from index.ledger.field_labels import split_label
from index.ledger.incident_words import tells_incident
from index.ledger.mentions import line_text
from index.ledger.metric_figures import figure_pairs
from index.ledger.metric_labels import dash_as_colon, figure_only, figure_runs, label_pairs
from index.ledger.metric_naming import counted_name, names_metric, not_a_metric
from index.ledger.metric_read import PARENS, VALUE, Pair, bare_pair, is_date, read_pairs, value_of
from index.models import Report, Section, SectionKind, line_texts
from index.schemas import MetricPoint
from index.tables import ROW_NUMBER, Table
from index.text.cjk import HAN, has_han
from index.text.normalise import PAGE_NUMBER_LINE, plain_key
from index.text.quantity import CHANGE_HEADER, CURRENCY, FIGURE_ALONE, FIGURE_ONLY, MULTIPLIERS, signed
from index.text.time_core import MONTHS

# (`This Wk`, `THIS_WK`: a report script's column names)
_VALUE_HEADER = re.compile(
    r"本周|this[\s_]*(?:week|wk)\b|current|value|值|actual|本期|当前|latest|W\d{1,2}$", re.I
)
_NAMEISH = re.compile(f"[A-Za-z{HAN}]")  # a metric name has letters or Han characters
# A table of metrics wherever it stands: its first column is headed as metrics (`指标`, `Metric`,
# `KPI`), or a column is this period's value beside the last (`本期` / `上期`, `This week` / `Last week`).
# (a performance tool's `PI Code and Short Name`: its performance indicators, w40-d)
_METRIC_TABLE_FIRST = re.compile(
    r"^\W*(?:指标(?:名称|项)?|数据项|(?:metric|kpi|pi|measure|indicator)s?"
    r"(?:[\s_]+(?:and\s+)?(?:codes?|short|names?))*)\W*$",
    re.I,
)
# A column of what was planned, not measured: `LoP target`, `Baseline`, `目标值`.
_PLAN_HEADER = re.compile(r"target|goal|plan|baseline|目标|计划|基线", re.I)
# A column of units (`| 指标 | 单位 | 本期 |` over `| 吞吐量 | 万TEU | 9.62 |`): a row's unit, its
# multiplier folded into the value (9.62 万TEU is 96,200 TEU).
_UNIT_HEADER = re.compile(r"^\W*(?:单位|计量单位|unit|units|uom)\W*$", re.I)
# A multiplier only where it is not the first letter of a unit: `km`, `MB`, `kWh`, `千米`, `千瓦时`.
_UNIT_SCALE = re.compile(r"^(万|亿|千(?![米克瓦卡帕赫])|(?:k|K|M|bn)(?![A-Za-z]))?\s*(.*)$")
_LAST_PERIOD_HEADER = re.compile(
    r"上期|上周|上月|last[\s_]+(?:week|wk|period|month|cycle)|previous|prior", re.I
)


def _metrics_table(header: list[str]) -> bool:
    """The table's header says its rows are metrics, in any section (`| Code | Indicator | …`: a
    logframe's indicator column after its code)."""
    if any(_METRIC_TABLE_FIRST.match(h) for h in header[:2]):
        return True
    return any(_VALUE_HEADER.search(h) for h in header[1:]) and any(
        _LAST_PERIOD_HEADER.search(h) for h in header[1:]
    )


# Headings classify.py does not file as metrics but that hold a team's numbers (`## Cycle stats`).
_STATS = re.compile(r"\bstats?\b|statistics|统计", re.I)
# Sections where numbers in prose are not the team's metrics (impacts, targets, lessons, risks).
_NOT_PROSE = (
    SectionKind.METRICS,
    SectionKind.INCIDENTS,
    SectionKind.PLANS,
    SectionKind.REFLECTION,
    SectionKind.RISKS,
)


def extract_metrics(report: Report) -> list[MetricPoint]:
    out: list[MetricPoint] = []
    for section in report.all_sections():
        cards = _card_points(report, section)
        out.extend(cards)
        carded = {point.evidence.lines[0] for point in cards}
        if carded:
            section = replace(section, lines=[(n, t) for n, t in section.lines if n not in carded])
        if section.kind != SectionKind.METRICS and not _STATS.search(section.title):
            labelled = _labelled_elsewhere(report, section)
            labelled += [
                point
                for table in section.tables
                if _metrics_table(table.header)
                for row in table.rows
                for point in _from_row(report, section, row.line, row.cells, table.header)
            ]
            # a grid of name-value pairs is figures wherever it stands (a form's `运行指标` block under a
            # plain line, w51-b)
            labelled += [
                point
                for table in section.tables
                if _pair_grid(table.header)
                for point in _grid_points(report, section, table)
            ]
            labelled += [point for table in section.tables for point in _form_points(report, section, table)]
            out.extend(labelled)
            if section.kind not in _NOT_PROSE or section.kind == SectionKind.INCIDENTS:
                taken = {point.evidence.lines[0] for point in labelled} | _incident_lines(section)
                figures = _label_figures(report, section, taken)
                out.extend(figures)
                taken |= {point.evidence.lines[0] for point in figures}
                out.extend(_in_prose(report, section, taken))
            else:
                # a dashboard's stats line pasted under `### Asks` is the team's numbers wherever it stands
                out.extend(_stat_points(report, section))
            continue
        found: list[MetricPoint] = []
        for table in section.tables:
            if _pair_grid(table.header):
                found.extend(_grid_points(report, section, table))
                continue
            if _figures_under_names(table):
                found.extend(_column_points(report, section, table))
                continue
            for row in table.rows:
                found.extend(_from_row(report, section, row.line, row.cells, table.header))
        for number, raw in section.lines:
            if not section.in_table(number):
                text = line_text(raw)
                found.extend(
                    _piped_points(report, section, number, text)
                    or _from_text(report, section, number, text)
                    or _aligned_points(report, section, number, text)
                )
        out.extend(sorted(found, key=lambda point: point.evidence.lines[0]))  # stable: text order
    return out


# A dashboard card: its title alone on a line (no figure, no sentence), then its value alone, in bold
# or after a blank line (`温度数据上报完整率` over `**97.63%**`, Metabase's subscription mail, w41-g);
# or its value over its caption in one block of the page (`**41.2万**` then `作业App周均日活`, a WeChat
# editor's figures strip).
_CARD_VALUE = re.compile(rf"(\*\*|__)?\s*({FIGURE_ALONE})\s*\1")
_CARD_TITLE = re.compile(r"[^\d:：|｜.。!！?？;；,，#*>▸•\-\s][^\d:：|｜。!！?？;；,，#*]{1,38}")


def _card_title(text: str) -> str:
    """A card's title without its aside (`直播课到课率（受3/10故障影响）`)."""
    return re.sub(r"\s*[（(][^()（）]*[)）]\s*$", "", text) or text


def _card_points(report: Report, section: Section) -> list[MetricPoint]:
    out: list[MetricPoint] = []
    shown = [
        (n, raw.strip())
        for n, raw in section.lines
        if raw.strip() and n != section.start and not section.in_table(n)
    ]
    for index, (number, raw) in enumerate(shown):
        value = _CARD_VALUE.fullmatch(raw)
        if value is None:
            continue
        after = shown[index + 1] if index + 1 < len(shown) else None
        before = shown[index - 1] if index else None
        # (a plain figure straight under a line is that line's, not a card's value)
        apart = value[1] is not None or (before is not None and number > before[0] + 1)
        if after is not None and after[0] == number and _CARD_TITLE.fullmatch(_card_title(after[1])):
            label = _card_title(after[1])  # the caption under its figure, in one block
        elif (
            before is not None
            and before[0] != number
            and _CARD_TITLE.fullmatch(_card_title(before[1]))
            and not (index >= 2 and shown[index - 2][0] == before[0])  # another figure's caption
            and apart
        ):
            label = _card_title(before[1])
        else:
            continue
        joined = f"{label}: {value[2]}"
        pairs = label_pairs(joined, label, value[2], len(label) + 2, prose=False) or read_pairs(joined)
        for pair in pairs[:1]:
            out.extend(_points(report, section, number, replace(pair, quote=value[2].strip())))
    return out


# A metrics list's `name | value` line, one bar between them (`VPD 达标率 in-band | 92.0%`, w23-c):
# the bar is the name's colon.
_PIPED_PAIR = re.compile(r"^([^|]{2,60}?)\s+\|\s+([^|]+)$")


def _piped_points(report: Report, section: Section, number: int, text: str) -> list[MetricPoint]:
    match = _PIPED_PAIR.match(text.strip())
    if match is None:
        return []
    pairs = read_pairs(f"{match[1]}：{match[2]}")[:1]  # the first figure is the value, a note's are not
    quote = text.strip()  # what the line says, bar and all: the citation checks it against the file
    return [point for pair in pairs for point in _points(report, section, number, replace(pair, quote=quote))]


def _incident_lines(section: Section) -> set[int]:
    """In an incidents section, the lines of the blocks that tell an incident (its impact is no
    metric); the rest are read as prose elsewhere is (`No incidents this week. API uptime for May
    was 99.98%.`, a status page's `p99 latency: 17 ms`). Elsewhere none."""
    if section.kind != SectionKind.INCIDENTS:
        return set()
    lines: set[int] = {section.start}
    for block in section_blocks(section):
        if block.kind != "paragraph" or tells_incident(block.text):
            lines.update(range(block.start, block.end + 1))
    return lines


def _labelled_elsewhere(report: Report, section: Section) -> list[MetricPoint]:
    """`- 系统稳定性度量：健康分整体681分，中心排名第3` outside a metrics section: the label says metrics.
    In an incidents section only a list a metrics label line opens (`运行指标：` after the incident's
    own list): an incident's labelled lines are its impact."""
    if section.kind in (SectionKind.REFLECTION, SectionKind.PLANS):
        return []
    lines = line_texts(section.lines)
    out: list[MetricPoint] = []
    for item in section.items if section.kind != SectionKind.INCIDENTS else ():
        for node in item.walk():
            text = line_text(lines.get(node.start, ""))
            labelled = split_label(text)
            if labelled and labelled.rest and classify_heading(labelled.label) == SectionKind.METRICS:
                offset = labelled.rest_offset
                out.extend(_from_text(report, section, node.start, text[offset:]))
    listed = _listed_under_label(section) | _bare_metric_runs(section)
    if section.kind != SectionKind.INCIDENTS:
        listed |= figure_runs(section)
    taken = {point.evidence.lines[0] for point in out}
    for number in sorted(listed - taken):
        text = line_text(lines[number])
        out.extend(
            _from_text(report, section, number, text)
            or _label_points(report, section, number, dash_as_colon(_own_text(text)), prose=False)
        )
    return out


# A label before a colon, up to 60 characters with a parenthetical (`Issues resolved since last
# digest (2 weeks): 41`), where `split_label` stops at 40.
_LONG_LABEL = re.compile(r"^\s*([^:：，。,;；]{1,60}?)\s*[:：]\s*(?=\S)")


def _label_figures(report: Report, section: Section, taken: set[int]) -> list[MetricPoint]:
    """`Label: <figure>` lines outside metrics sections (`metric_read.label_pairs`); field lines
    (`Owner: …`, `Progress: …`) and labels naming no metric-like thing are not."""
    out: list[MetricPoint] = []
    for number, raw in section.lines:
        if number == section.start or number in taken:
            continue
        text, in_table = _own_text(raw), section.in_table(number)
        stats = [] if in_table else _stat_line(text)
        if stats:
            out.extend(point for pair in stats for point in _points(report, section, number, pair))
            continue
        in_cells = _cell_label_points(report, section, number, text)
        if in_cells or in_table:
            out.extend(in_cells)
            continue
        out.extend(_label_points(report, section, number, text, prose=True))
    return out


# Columns of a row written in plain text or between bars.
_COLUMN = re.compile(r"[^|｜\t]+?(?=\s{3,}|\s*[|｜\t]|\s*$)")


def _cell_label_points(report: Report, section: Section, number: int, text: str) -> list[MetricPoint]:
    """A `Label: <figure>` cell after a row's first (a board's comment column: `S  SAFETY   G  G  G
    G  G    Days since LTI: 218`, `| D5 | 58% | QA pass rate: 97% |`): the cell's own label names
    the figure, whatever the table is about. Only rows of three columns or more."""
    cells = [m for m in _COLUMN.finditer(text) if m[0].strip()]
    if len(cells) < 3 or re.search(r"[:：]", cells[0][0]):
        return []  # (`基线完成：…    当前预测：…    偏差：0`: a line of a record's fields, not a row)
    out: list[MetricPoint] = []
    for cell in (match[0].strip() for match in cells[1:]):
        if re.search(r"[:：]", cell):
            # a cell holding a label and a figure and nothing else is a figure, like a run of such lines
            out.extend(_label_points(report, section, number, cell, prose=figure_only(cell) is None))
    return out


def _label_points(report: Report, section: Section, number: int, text: str, prose: bool) -> list[MetricPoint]:
    """The figures of a `Label: <figure>` line (`metric_read.label_pairs`); none for a project's
    field line (`Owner: …`, `Progress: …`). `prose=False` where the layout says the line holds a
    figure (a run of such lines), so any short noun phrase may name it (`Peak Pending Jobs: 4210`)."""
    labelled = split_label(text)
    if labelled is None:  # a long label, or one with a gloss (`rec-v3 (精排, 多目标): …`)
        match = _LONG_LABEL.match(PARENS.sub(lambda m: " " * len(m[0]), text))
        if match is None or re.search(r"\d[:：]\d", text[match.end(1) - 1 : match.end() + 1]):
            return []
        label, offset = match[1], match.end()
    elif labelled.field is None:
        label, offset = labelled.label, labelled.rest_offset
    else:
        return []
    pairs = label_pairs(text, PARENS.sub("", label).strip(), text[offset:], offset, prose=prose)
    return [point for pair in pairs for point in _points(report, section, number, pair)]


def _stat_points(report: Report, section: Section) -> list[MetricPoint]:
    """The stats lines (`_stat_line`) of a section whose other numbers are no metrics."""
    return [
        point
        for number, raw in section.lines
        if number != section.start and not section.in_table(number)
        for pair in _stat_line(_own_text(raw))
        for point in _points(report, section, number, pair)
    ]


# Between the figures of one stats line: a middle dot, a bullet or a bar set off by spaces.
_STAT_SEPARATOR = re.compile(r"\s[·•|]\s")


def _own_text(raw: str) -> str:
    """A line's text without a chat message's time and writer (`[16:24] <fernbot> open PRs: 87`):
    the writer's handle before the colon is no label of a figure."""
    found = message_text(raw)
    return found[0] if found is not None else line_text(raw)


def _stat_line(text: str) -> list[Pair]:
    """`open PRs: 87 · median CI build time: 22 min · downloads (7d): 3,412`: two or more
    `Label: <figure>` parts set off by `·`, `•` or `|`, every part a figure under its label, as a
    dashboard or a bot prints its numbers. A part that is not (`kiln-mig: 80%`, a percentage
    under no metric's word; `Owner: Ana`) makes the line something else. Written from
    community-meeting-log-en."""
    if not _STAT_SEPARATOR.search(text):
        return []
    return _labelled_stats(text) or _named_stats(text)


def _named_stats(text: str) -> list[Pair]:
    """`📊 Dashboard (refreshed Fri 07:00): Legality P95 185 ms | CrewHub weekly active 73.9%`: a
    dashboard's label, then `name value` parts, each nothing but one figure under its name
    (w24-b). Every part must be one, or the line is something else."""
    lead = _LONG_LABEL.match(PARENS.sub(lambda m: " " * len(m[0]), text))  # (`(refreshed Fri 07:00)`)
    rest = text[lead.end() :] if lead else text
    parts = _STAT_SEPARATOR.split(rest)
    pairs = [bare_pair(part.strip(), prose=False) for part in parts]
    if len(parts) < 2 or any(pair is None for pair in pairs):
        return []
    return [pair for pair in pairs if pair is not None]


def _labelled_stats(text: str) -> list[Pair]:
    out: list[Pair] = []
    start = 0
    for part in _STAT_SEPARATOR.split(text):
        at = text.find(part, start)
        start = at + len(part)
        labelled = split_label(part)
        if labelled is None or labelled.field is not None or not labelled.rest:
            return []
        label = PARENS.sub("", labelled.label).strip()
        pairs = label_pairs(part, label, part[labelled.rest_offset :], labelled.rest_offset, prose=False)
        if len(pairs) != 1:
            return []
        out.extend(pairs)
    return out if len(out) >= 2 else []


def _bare_metric_runs(section: Section) -> set[int]:
    """Two or more bullets in a row that are each nothing but a name and its value, one at least
    named with a metric's words (`- 设备在线率 99.18%` / `- 激活设备数 39.5万`): a metrics list
    without its heading. A project's `- kiln-mig: 80%` alone is not one. Written from
    bilingual-biweekly-iot."""
    lines = line_texts(section.lines)
    out: set[int] = set()
    run: list[tuple[int, bool]] = []

    def close() -> None:
        if len(run) >= 2 and any(metric for _, metric in run):
            out.update(number for number, _ in run)
        run.clear()

    previous_end: int | None = None
    for item in section.items:
        pair = bare_pair(line_text(lines.get(item.start, "")))
        if pair is None or item.children or (previous_end is not None and item.start != previous_end + 1):
            close()
        if pair is not None and not item.children:
            run.append((item.start, names_metric(pair.name)))
        previous_end = item.end
    close()
    return out


def _listed_under_label(section: Section) -> set[int]:
    """The item lines of a list that a metrics label line opens (`指标（截至 6/20）：`, `Numbers:`)
    inside another section: read as a metrics section's lines are. Written from
    bilingual-biweekly-iot."""
    in_items = {n for item in section.items for n in range(item.start, item.end + 1)}
    out: set[int] = set()
    opened = False
    for number, raw in section.lines:
        text = line_text(raw)
        if number in in_items:
            if opened:
                out.add(number)
            continue
        if not text.strip():
            continue
        labelled = split_label(text)
        opened = bool(
            labelled and not labelled.rest and classify_heading(labelled.label) == SectionKind.METRICS
        )
    return out


def _points(report: Report, section: Section, number: int, pair: Pair) -> list[MetricPoint]:
    """The pair's value, and its change as a point of its own (`日活环比`, `Signups WoW`)."""
    points = [_point(report, section, number, pair.name, pair.value, pair.unit, pair.qualifier, pair.quote)]
    points[0].tentative = pair.tentative
    if pair.change is not None:
        value, unit, label = pair.change
        name = f"{pair.name}{label}" if has_han(label) else f"{pair.name} {label}"
        points.append(_point(report, section, number, name, value, unit, None, pair.quote))
    return points


# A unit written in brackets after a metric's name (a table's row label): `遗留缺陷（个）`, `Latency (ms)`.
_UNIT_BRACKET = re.compile(
    r"\s*[(（]\s*(个|次|件|条|项|人|名|家|台|套|户|笔|单|起|天|日|小时|分钟|秒|ms|min|hrs?|%|％|pp|元|万元|亿元|"
    r"万|亿|GB|TB|MB|人天|人日|人月|单/周|件/人时|单/天)\s*[)）]\s*$",
    re.I,
)


def _point(
    report: Report,
    section: Section,
    number: int,
    name: str,
    value: float,
    unit: str,
    qualifier: str | None,
    quote: str,
) -> MetricPoint:
    name = counted_name(name, section.title)
    bracket = _UNIT_BRACKET.search(name)
    if bracket and bracket.start() >= 2:  # `其中严重及以上（个）`, `P95 latency (ms)`: the unit, not the name
        name, unit = name[: bracket.start()], unit or bracket[1]
    return MetricPoint(
        name=name,
        key=plain_key(name),
        value=value,
        unit=unit,
        qualifier=qualifier,
        report=report.source,
        week=report.week,
        date=report.date,
        evidence=cite(report, section.path_text, number, number, quote),
    )


def _from_text(report: Report, section: Section, number: int, text: str) -> list[MetricPoint]:
    if PAGE_NUMBER_LINE.match(text):
        return []
    return [point for pair in read_pairs(text) for point in _points(report, section, number, pair)]


# A metrics list typed in a monospace block, its figures lined up in a column after their names
# (`Lots photographed                   655 / 1,180`, a Medium post's code block): the gap is the colon.
_ALIGNED_FIGURE = re.compile(
    r"^(?P<label>[^\d\s:：|｜][^:：|｜]*?\S)\s{2,}(?=[-+−~≈约]?\d)(?P<value>[^:：|｜]+)$"
)


def _aligned_points(report: Report, section: Section, number: int, text: str) -> list[MetricPoint]:
    """The figure of a metrics section's line that is a name and, after a gap, a figure; quoted as
    written."""
    match = _ALIGNED_FIGURE.match(text.strip())
    if match is None or not _NAMEISH.search(match["label"]):
        return []
    label, gap_end = match["label"], match.start("value")
    pairs = read_pairs(f"{label}: {match['value']}")
    written = [
        replace(pair, quote=text.strip()[:gap_end] + pair.quote[len(label) + 2 :])
        if pair.quote.startswith(f"{label}: ")
        else pair
        for pair in pairs
    ]
    return [point for pair in written for point in _points(report, section, number, pair)]


def _in_prose(report: Report, section: Section, taken: set[int]) -> list[MetricPoint]:
    """Pairs in paragraphs and bullets outside metrics sections, where the line reports metrics
    (`read_pairs(prose=True)`), and lone figures as tentative points (`figure_pairs` too); a name
    told with two values in one section numbers things (`实验 1`, `实验 2`) and is no metric."""
    found = _prose_points(report, section, taken)
    values: dict[str, set[float]] = {}
    for point in found:
        if point.tentative:
            values.setdefault(point.key, set()).add(point.value)
    return [point for point in found if not point.tentative or len(values[point.key]) == 1]


def _prose_points(report: Report, section: Section, taken: set[int]) -> list[MetricPoint]:
    out: list[MetricPoint] = []
    for block in section_blocks(section):
        if block.kind == "row":
            continue
        for number, text in block.lines:
            if number in taken or PAGE_NUMBER_LINE.match(text):
                continue
            text = _own_text(text)
            pairs = read_pairs(text, prose=True)
            told = {pair.value for pair in pairs}
            pairs += [pair for pair in figure_pairs(text) if pair.value not in told]
            for pair in pairs:
                if not _CALENDAR_WORD.search(pair.name):
                    out.extend(_points(report, section, number, pair))
    return out


# A figure after a day's or month's name is a day of the month (`Wed 12 - Fri 14 Feb`, `Mon 17`).
# ("may" left out: a figure after the modal is no day)
_CALENDAR_WORD = re.compile(
    r"(?:^|\s)(?:mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|"
    r"sun(?:day)?|" + "|".join(sorted((m for m in MONTHS if m != "may"), key=len, reverse=True)) + r")\.?$",
    re.I,
)


def _names_a_figure(cell: str) -> bool:
    """A cell that is a figure's name (`平均审方时长（秒）`, `parcels_scored`), not a figure."""
    return bool(_NAMEISH.search(cell)) and not FIGURE_ONLY.fullmatch(cell)


def _pair_grid(header: list[str]) -> bool:
    """A grid of name-value pairs set side by side (`| 电子处方流转量（单） | 29,402 | 平均审方时长（秒） |
    98 |`, a dashboard's figures block, w50-e): its first row is no header, every other cell a figure."""
    cells = [cell.strip() for cell in header]
    while cells and not cells[-1]:
        cells.pop()
    names, values = cells[0::2], cells[1::2]
    return (
        len(values) >= 2
        and len(names) == len(values)
        and all(map(_names_a_figure, names))
        and all(FIGURE_ONLY.fullmatch(value) for value in values)
    )


def _figures_under_names(table: Table) -> bool:
    """A snapshot whose header names the figures and whose one row holds them (a query's result,
    `| parcels_scored | s2_cloudfree_pct |` over `| 11,02,475 | 14.1 |`, psql's `-H` output, w55-d):
    each column is a metric, no row names one."""
    header = [cell.strip() for cell in table.header]
    cells = [cell.strip() for cell in table.rows[0].cells] if len(table.rows) == 1 else []
    return (
        len(header) >= 2
        and len(cells) == len(header)
        and all(map(_names_a_figure, header))
        and all(FIGURE_ONLY.fullmatch(cell) for cell in cells if cell)
        and sum(1 for cell in cells if cell) >= 2
    )


def _column_points(report: Report, section: Section, table: Table) -> list[MetricPoint]:
    row = table.rows[0]
    out: list[MetricPoint] = []
    for name, cell in zip(table.header, row.cells, strict=False):
        match = VALUE.search(cell)
        if not cell.strip() or match is None or match[1] or is_date(cell, match):
            continue
        value, unit, qualifier = value_of(match, cell)
        out.append(
            _point(report, section, row.line, name.strip(" *_`"), value, unit, qualifier, cell.strip())
        )
    return out


_FORM_FIGURES = 2


def _form_points(report: Report, section: Section, table: Table) -> list[MetricPoint]:
    """A form's fields as a table, a label and its value a row (a Jotform submission mailed from
    Outlook: `| Installs This Week | 2265`, `| 24-hr Read Success (%) | 96.9`, w53-d): two columns,
    its first row a field too, and figures alone in two value cells or more. Each figure alone is a
    metric unless its label is a project's field (`Progress`, `Owner`) or names no metric
    (`Status Report No.`); a value with words around its figure is a field's text."""
    rows = [(table.header_line, table.header), *((row.line, row.cells) for row in table.rows)]
    if len(table.header) != 2 or any(len(cells) > 2 for _, cells in rows):
        return []
    figures = [
        (number, cells)
        for number, cells in rows
        if len(cells) == 2 and FIGURE_ONLY.fullmatch(cells[1].strip())
    ]
    if len(figures) < _FORM_FIGURES:
        return []
    out: list[MetricPoint] = []
    for number, (label, cell) in figures:
        name = label.strip(" *_`")
        labelled = split_label(f"{name}: {cell.strip()}")
        match = VALUE.search(cell)
        if (
            not _NAMEISH.search(name)
            or not_a_metric(name)
            or (labelled is not None and labelled.field is not None)
            or match is None
            or is_date(cell, match)
        ):
            continue
        value, unit, qualifier = value_of(match, cell)
        out.append(_point(report, section, number, name, value, unit, qualifier, "|".join([label, cell])))
    return out


def _grid_points(report: Report, section: Section, table: Table) -> list[MetricPoint]:
    """Each name-value pair of a pair grid, its first row's too, quoted by its row up to its value."""
    out: list[MetricPoint] = []
    for number, cells in [(table.header_line, table.header), *((row.line, row.cells) for row in table.rows)]:
        for at in range(0, len(cells) - 1, 2):
            name, cell = cells[at].strip(" *_`"), cells[at + 1]
            match = VALUE.search(cell) if _NAMEISH.search(name) else None
            if match and not match[1] and not is_date(cell, match):
                value, unit, qualifier = value_of(match, cell)
                quote = "|".join(cells[at : at + 2])
                out.append(_point(report, section, number, name, value, unit, qualifier, quote))
    return out


def _from_row(
    report: Report, section: Section, number: int, cells: list[str], header: list[str]
) -> list[MetricPoint]:
    """The "this week" column's value (else the first value), and any change column as a point
    of its own (`| 周计算成本 | 38.9万元 | 38.6万元 | +0.8% |` -> 389000 元, 周计算成本环比 0.8 %)."""
    named_second = len(header) > 1 and _METRIC_TABLE_FIRST.match(header[1])
    first = 1 if (named_second or ROW_NUMBER.fullmatch(cells[0].strip())) and len(cells) > 2 else 0
    if len(cells) < 2 or not _NAMEISH.search(cells[first]):
        return []
    column = next((i for i, h in enumerate(header) if i > first and _VALUE_HEADER.search(h)), None)
    order = [column] if column is not None and column < len(cells) else list(range(first + 1, len(cells)))
    if named_second:  # a logframe row with no current value (`—`) has this period's
        order += [
            i for i in range(first + 1, len(cells)) if i not in order and not _PLAN_HEADER.search(header[i])
        ]
    name = cells[first].strip(" *_`")
    for index in order:
        if index < len(header) and CHANGE_HEADER.match(header[index]):
            continue
        cell = PARENS.sub("", cells[index])
        match = VALUE.search(cell)
        if match and match[1]:
            match = None  # tables hold plain values
        if match and not is_date(cells[index], match):
            value, unit, qualifier = value_of(match, cell)
            unit = unit or (
                cell[: match.start()].strip()[-1:] if cell[: match.start()].strip()[-1:] in CURRENCY else ""
            )
            if not unit:
                value, unit = _column_unit(value, cells, header)
            quote = "|".join(cells[: index + 1])
            points = [_point(report, section, number, name, value, unit, qualifier, quote)]
            return points + _changes(report, section, number, name, cells, header)
    return []


def _column_unit(value: float, cells: list[str], header: list[str]) -> tuple[float, str]:
    """The row's unit from a unit column, its multiplier folded in; else none."""
    at = next((i for i, h in enumerate(header) if _UNIT_HEADER.match(h)), None)
    cell = cells[at].strip() if at is not None and at < len(cells) else ""
    if not cell or len(cell) > 12:
        return value, ""
    scale = _UNIT_SCALE.match(cell)
    factor = MULTIPLIERS.get(scale[1]) if scale is not None and scale[1] else None
    if scale is None or factor is None:
        return value, cell
    return round(value * factor, 6), scale[2]


def _changes(
    report: Report, section: Section, number: int, name: str, cells: list[str], header: list[str]
) -> list[MetricPoint]:
    out: list[MetricPoint] = []
    for index, title in enumerate(header[: len(cells)]):
        found = signed(cells[index]) if index > 0 and CHANGE_HEADER.match(title) else None
        if found is not None:
            label = title.strip(" *_`")
            change = f"{name}{label}" if has_han(label) else f"{name} {label}"
            quote = "|".join(cells[: index + 1])
            out.append(_point(report, section, number, change, found[0], found[1], None, quote))
    return out
