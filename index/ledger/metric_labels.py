"""A labelled line whose value comes first: `Issues resolved this week: 23`, `Velocity: 41 points
(committed 45)`, `oncall: 3次告警, 0 P级`, `GPU: 32 → 24 卡`, `A800 x32`.

Its own module because a label's figure is read from the label, not from words before the value
in a clause (`metric_read`): the metrics reader asks it about `Label: <figure>` lines outside
metrics sections.
"""

from __future__ import annotations

import re

from index.ledger.field_labels import as_colons, split_label
from index.ledger.mentions import line_text
from index.ledger.metric_naming import metric_name, names_metric
from index.ledger.metric_read import Pair, bare_pair
from index.models import Section
from index.text.cjk import HAN, has_han
from index.text.quantity import scaled
from index.text.timeexpr import ANY_DAY, find_dates

# `Label: <number>[ → <number>][unit][ count noun][ (aside)]`: a figure reported under its label.
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.\d+|\d+"
_LABEL_FIGURE = re.compile(
    rf"^[~≈约]?\s*(?:(?:{_NUMBER})\s*(?:→|->)\s*[~≈约]?\s*)?(?P<value>{_NUMBER})\s*"
    # (out of a total: `Scientists trained: 34 of 52`, w33-d)
    rf"(?:(?:of|/)\s*(?:{_NUMBER})\s*)?"
    r"(?P<unit>%|‰|ms|s|min|mins|h|万|亿|k|K|M)?(?![A-Za-z\d.])\s*"
    rf"(?P<noun>[A-Za-z]+|[{HAN}]{{1,3}})?\s*(?:[(（][^)）]*[)）])?\s*[。；;]?\s*$"
)
# `A800 x32`, `8×H100`: so many units of a model.
_TIMES = re.compile(
    r"^(?P<noun>[A-Za-z][\w-]*)\s*[x×]\s*(?P<value>\d+)$|^(?P<value2>\d+)\s*[x×]\s*(?P<noun2>[A-Za-z][\w-]*)$"
)
# Clauses end at a comma or semicolon, not at a thousands separator (`Downloads: 3,412`).
_FIGURE_CLAUSES = re.compile(r"(?:[，；;]|(?<!\d),|,(?!\d{3}(?!\d)))\s*(?![^(（]*[)）])")


def label_pairs(text: str, label: str, rest: str, rest_offset: int, prose: bool = True) -> list[Pair]:
    """A labelled line whose value comes first (`Issues resolved this week: 23`, `Velocity: 41
    points (committed 45)`, `oncall: 3次告警, 0 P级`, `GPU: 32 → 24 卡`): the figure under its
    label, and a later `<metric word> <value>` clause (`利用率 ~80%`) as `<label> <name>`. A
    percentage needs a metric's word in the label: `kiln-mig: 80%` is a project's progress.
    Written from jira-digest-mobile and terse-bullets-ml. `prose=False` where the line's layout
    already says it holds figures (a stats line): any short noun phrase may name one there."""
    name = metric_name(label, prose=prose)
    if name is None:
        return []
    out: list[Pair] = []
    clauses = _FIGURE_CLAUSES.split(rest)
    first = _LABEL_FIGURE.match(clauses[0].strip())
    if first is not None and (find_dates(clauses[0], ANY_DAY) or (first["noun"] and "." in first["value"])):
        return []  # `节奏：10.28提测`: a day, not a figure; a counted thing (`3次告警`) is whole
    if first is not None:
        unit = first["unit"] or ""
        if unit in ("%", "‰") and not names_metric(name[0]):
            return []
        value, unit = scaled(float(first["value"].replace(",", "")), unit)
        quote = text[: rest_offset + len(clauses[0].rstrip())].strip()
        out.append(Pair(name[0], value, unit or (first["noun"] or "").strip(), None, quote))
    elif (times := _TIMES.match(clauses[0].strip())) is not None:
        value = float(times["value"] or times["value2"])
        quote = text[: rest_offset + len(clauses[0].rstrip())].strip()
        out.append(Pair(name[0], value, times["noun"] or times["noun2"], None, quote))
    elif not re.search(r"\d", clauses[0]):
        return []  # `Headline: a calm week, conversion 2.3%`: prose under a label, not its figures
    for clause in clauses[1:] if out else clauses:
        pair = bare_pair(clause.strip())
        if pair is not None and names_metric(pair.name):
            joined = (
                f"{name[0]}{pair.name}"
                if has_han(pair.name) and has_han(name[0])
                else f"{name[0]} {pair.name}"
            )
            out.append(Pair(joined, pair.value, pair.unit, pair.qualifier, clause.strip()))
    return out


# An incident record's fields: figures under them tell the incident (how long, how many affected),
# never a team's metric.
RECORD_FIELD = re.compile(
    r"\b(?:duration|severity|impact|start|end|began|resolved)|时长|持续|级别|等级|影响|开始|结束|恢复|发生",
    re.I,
)
_LABEL_AND_VALUE = re.compile(r"^\s*([^:：]{1,60}?)\s*[:：]\s*(\S.*)$")
FIGURE_RUN = 3  # so many `Label: <figure>` lines in a row make a figures list


# A label and its figure set apart by a spaced dash (`Members registered for online access – 42.3%`).
_DASHED_FIGURE = re.compile(
    r"(?<=\S)\s+[–—-]\s+(?=[~≈约]?\d[\d,.]*\s*(?:%|[A-Za-z]{1,5})?\s*(?:\([^()]*\))?\s*$)"
)


def dash_as_colon(text: str) -> str:
    """The text with the spaced dash between a label and its closing figure a colon, the same
    length (offsets into it are offsets into the text as written)."""
    return _DASHED_FIGURE.sub(lambda m: ":" + " " * (len(m[0]) - 1), text)


def figure_only(text: str) -> str | None:
    """`Net export to grid (week): 55.1 GWh`, `采集里程: 41,050 km (环比 +6.8%)`: a label and a figure,
    nothing else (no day, no field of a project, no incident record's field); its unit, if so."""
    # `Online share of bookings ....... 38.6 %`: a dot leader is its colon, as a spaced dash before
    # the figure is
    text = dash_as_colon(as_colons(text))
    match = _LABEL_AND_VALUE.match(text)
    if match is None or RECORD_FIELD.search(match[1]) or find_dates(match[2], ANY_DAY):
        return None
    labelled = split_label(text)
    if labelled is not None and labelled.field is not None:
        return None  # `Progress: 3`, `Owner: …`: a project's field
    figure = _LABEL_FIGURE.match(match[2].strip())
    return None if figure is None else figure["unit"] or ""


def figure_runs(section: Section) -> set[int]:
    """The lines (outside tables) of every run of `FIGURE_RUN` or more lines in a row that are each a label and a
    figure: a figures list, whatever its heading says (`3.0 Operations – Energised Assets`,
    `Schedule 2: Key Measures`, a notebook's printed funnel). Layout, not a name's words, says these
    are metrics, so the labels may be long (`Documents held in Meridian (cumulative)`). Two at
    least must be more than a share: `- kiln-mig: 80%` lines are projects' progress. Written from
    a blind wave (offshore wind, law firm, notebook export)."""
    lines = [(n, line_text(t)) for n, t in section.lines if not section.in_table(n)]
    out: set[int] = set()
    run: list[tuple[int, str]] = []
    for number, text in [*lines, (0, "")]:
        unit = figure_only(text) if text.strip() else None
        if unit is not None:
            run.append((number, unit))
            continue
        if len(run) >= FIGURE_RUN and sum(1 for _, u in run if u not in ("%", "‰")) >= 2:
            out.update(n for n, _ in run)
        run = []
    return out
