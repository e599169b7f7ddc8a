"""Values in any notation as plain numbers: `12.3万` 123000, `4.1k` 4100, `1.2亿`, `$38.20`, `38.9万元`.

A multiplier is folded into the value (the unit left is what follows it: `38.9万元` -> 389000 元);
a currency sign before the number becomes the unit (`$38.20` -> 38.2 $). Changes are signed
values with a change word (`环比+6.3%`, `(+6% WoW)`, `-0.3pt`), kept apart from the value they change.
"""

from __future__ import annotations

import re

MULTIPLIERS: dict[str, float] = {
    "万": 1e4,
    "亿": 1e8,
    "千": 1e3,
    "k": 1e3,
    "K": 1e3,
    "M": 1e6,
    "B": 1e9,
    "bn": 1e9,
}
CURRENCY = "$£€¥￥"
_AFTER_MULTIPLIER = re.compile(r"\s*(元|块|美元|人|次|个|笔|单|台|条|件|users|requests|orders)?")
# A figure alone, as a dashboard card or a stats strip shows it (`97.63%`, `1,517`, `18.6 分钟`, `41.2万`,
# `$3.2M`): a number, its scale and its unit, nothing else (`06 下周预告`, `02 Updates` are numbered titles).
_FIGURE_UNIT = (
    r"%|‰|(?:kWh|MWh|GWh|kW|MW|km|ms|s|sec|min|h|hrs?|k|K|M|bn|B|GB|TB|MB|PB|pp|pts?|bps|x)\b|"
    r"[万亿千]?(?:元|次|个|件|人|条|分钟|小时|秒|天|台|单|笔|户|家|套|项|起|宗|辆|吨|座|份|张|度)|万|亿"
)
FIGURE_ALONE = rf"[-+−]?[{CURRENCY}]?\d[\d,.]*\s*(?:{_FIGURE_UNIT})?"
FIGURE_ONLY = re.compile(FIGURE_ALONE)
CHANGE_WORD = r"环比|同比|较上周|比上周|周环比|WoW|MoM|QoQ|YoY|w/w|m/m|vs\.? last (?:week|month|cycle)"
_CHANGE = re.compile(
    rf"(?:({CHANGE_WORD})\s*[:：]?\s*(?:(增长|上升|提升|上涨|增加|下降|下跌|降低|减少)\s*)?"
    r"([+\-−]?\d+(?:\.\d+)?)\s*(%|pt|pp|个点|个百分点|bps)?"
    rf"|([+\-−]\d+(?:\.\d+)?)\s*(%|pt|pp|个点|个百分点|bps)?\s*({CHANGE_WORD}))",
    re.I,
)
_DOWN = ("下降", "下跌", "降低", "减少")


# A number grouped in threes by spaces, as SI and most of Europe write it (`38 904`, `1 234 567 km`):
# one number when a table cell holds it and at most a unit after it.
_SPACE_GROUPED = re.compile(r"^([-+−]?\d{1,3})((?:[ \u00a0\u202f]\d{3})+)(?=(?:[.,]\d+)?\s*[^\d\s]{0,6}$)")


def ungrouped(cell: str) -> str:
    """A table cell's space-grouped number without its spaces (`39 311` -> `39311`), else the cell."""
    match = _SPACE_GROUPED.match(cell)
    if match is None:
        return cell
    return match[1] + re.sub(r"[ \u00a0\u202f]", "", match[2]) + cell[match.end() :]


def scaled(value: float, unit: str, after: str = "") -> tuple[float, str]:
    """The value with its multiplier folded in, and the unit left (`万` + `元…` -> ×10000, `元`)."""
    factor = MULTIPLIERS.get(unit)
    if factor is None:
        return value, unit
    follow = _AFTER_MULTIPLIER.match(after)
    return round(value * factor, 6), (follow[1] or "") if follow else ""


def change_in(text: str) -> tuple[float, str, str, int, int] | None:
    """The first week-over-week (or other period) change in `text`: (value, unit, label, start, end)."""
    match = _CHANGE.search(text)
    if match is None:
        return None
    if match[3] is not None:
        label, verb, number, unit = match[1], match[2], match[3], match[4]
    else:
        number, unit, label, verb = match[5], match[6], match[7], None
    value = float(number.replace("−", "-"))
    if verb in _DOWN and value > 0:
        value = -value
    unit = {"个点": "pt", "个百分点": "pt", "pp": "pt"}.get(unit or "", unit or "")
    return value, unit, label, match.start(), match.end()


_SIGNED = re.compile(r"^\s*([+\-−]?\d+(?:\.\d+)?)\s*(%|pt|pp|个点|个百分点|bps)?\s*$")
CHANGE_HEADER = re.compile(rf"^\W*(?:{CHANGE_WORD}|change|delta|Δ|diff|变化|增幅|涨跌)\W*$", re.I)


def signed(cell: str) -> tuple[float, str] | None:
    """A change as a table cell holds it (`+0.8%`, `-0.3pt`, `3.5%`): value and unit."""
    match = _SIGNED.match(cell)
    if match is None:
        return None
    unit = {"个点": "pt", "个百分点": "pt", "pp": "pt"}.get(match[2] or "", match[2] or "")
    return float(match[1].replace("−", "-")), unit


_WRITTEN = re.compile(
    rf"([{CURRENCY}])?\s*(\d{{1,3}}(?:,\d{{3}})+|\d+)(\.\d+)?\s*(万|亿|千|bn|[kKMB](?![A-Za-z]))?\s*(%|ms|s\b|元)?"
)


def as_written(text: str, value: float) -> str | None:
    """How `text` writes `value` (`11.8万` for 118000, `$41.10` for 41.1, `1,412` for 1412), or None:
    an answer quoting the reports' own notation reads as they do."""
    for match in _WRITTEN.finditer(text):
        whole, fraction, multiplier = match[2], match[3], match[4]
        number = float(whole.replace(",", "") + (fraction or ""))
        if multiplier:
            number = scaled(number, multiplier)[0]
        if abs(number - value) <= 1e-6 * max(1.0, abs(value)):
            return match[0].strip()
    return None
