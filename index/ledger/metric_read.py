"""Name-value pairs in a line of text: `p99 320ms`, `出金成功率：99.979%`, `Signups 3.62k (+2% WoW)`.

`read_pairs(text)` is how a metrics section (or a line labelled as metrics) is read: every clause
with a name before its value. `read_pairs(text, prose=True)` reads a line anywhere else,
where a number next to a word is usually not a metric of the team (a progress figure, a rollout's
share of traffic, a target, a project's one-off figure `同步延迟P99为800ms`): there a pair counts
when its name is a short noun phrase and the line reports metrics: a period-over-period change
comes with it (`日活11.9万，环比+6.3%`), or the line names two or more metrics by their words
(率, 日活, 次留, latency, conversion, availability, CAC…: `Conversion 2.27%, availability 99.89%.`).
A change (`环比+6.3%`, `(+2% WoW)`) is kept apart from the value it changes.

A metric's name is read by `metric_naming`, a lone figure in prose judged by `metric_tentative`,
and a `Label: <figure>` line read by `metric_labels`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.ledger.incident_words import cue
from index.ledger.metric_naming import NAMEISH, inherit_name, metric_name, names_metric
from index.ledger.metric_tentative import tentative_ok
from index.text.cjk import HAN
from index.text.quantity import change_in, scaled
from index.text.timeexpr import ANY_DAY, find_dates

# (a figure grouped as India writes it, `11,02,475` (lakhs), before the thousands' grouping, w55-d)
VALUE = re.compile(
    r"第\s*(\d+)\s*(名|位)?(?![周期次天轮届批个年月季])|(?<![A-Za-z\d.@])(?<!\d:)([-+]?\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-+]?\d+(?:\.\d+)?|"
    # never the `9` of `9.1Gbps` when the unit is one it does not know, nor a clock's hour (`18:11:47`)
    r"\.\d+)(?![\d.]\d)(?!:\d\d)\s*"
    r"(%|PCT|pct|‰|ms|μs|us|sec|s|mins?|h|hrs?|次|笔|个|分钟|小时|天|分|万|亿|元|台|[KMGTP]i?B|[KkMG]bps|[KMG]b|kWh|MWh|kW|MW|kg|km|"
    r"rpm|k|K|M|rps|qps|QPS|tps|TPS|req/s|/s|pp|bps)?"
    r"(?![A-Za-z\d])\s*(left|remaining|used|burned|剩余|消耗)?",
)
# `Scope: 42 issues · Completed: 35`; never inside a bracket (`ETC交易成功率（全线，周均）：99.21%`)
_CLAUSES = re.compile(r"(?:[，；;]|(?<!\d),|,(?!\d)|\s{2,}|\s[·|]\s)(?![^(（]*[)）])")
# `(+2% WoW). CAC $40.35. 7-day …`; never a dot leader's last dot (`Open snags ....... 6`)
_STOPS = re.compile(r"(?<=[^\d\s.])\.\s+(?=\S)|(?<=\d)\.\s+(?=[A-Z\d])")
_SENTENCES = re.compile(r"[。！？!?；;]|(?<![\d.])\.(?=\s|$)|\.\s+")
_PROSE_CLAUSES = re.compile(r"[，、]|(?<!\d),|,(?!\d{3}(?!\d))|\s+(?:and|but|while|with)\s+|\s[—–-]\s")
PARENS = re.compile(r"[(（][^)）]*[)）]")
_COMPARED = re.compile(r"\s*(?:(?:more|less|fewer|higher|lower|faster|slower|better|worse)\b|多|少|倍)", re.I)
# The verb a sentence uses for where a tracked figure stands (`holding at`, `settled at`, `is at`,
# `稳定在`), not for a one-off measurement (`同步延迟P99为800ms`, `hit ratio is 87%`).
_LEVEL_TAIL = re.compile(
    r"\b(?:(?:is|are|was|were|now)\s+)?(?:holding|settled|steady|stayed|staying|stands?|stood|remains?|"
    r"remained|sits?|sat|is|are|was|were|came in)\s+(?:at|around|about)\s*$|\b(?:has|have)\s+reached\s*$|"
    r"(?:稳定|保持|维持|稳)在\s*$",
    re.I,
)
_ARROW = re.compile(r"\s*(?:→|->|=>)\s*[~≈]?")
# `from 26 to 17 minutes`, `从 36 小时降到 22 小时`: the first figure is where it moved from.
_FROM = re.compile(r"(?:\bfrom|从)\s*$", re.I)
_TO = re.compile(
    rf"\s*(?:[A-Za-z%{HAN}]{{1,7}}\s*)?(?:\bto\b|(?:降|升|涨|提升|下降|缩短|减少|增加)?(?:到|至)了?)\s*[~≈约]?",
    re.I,
)


@dataclass
class Pair:
    """One metric value read from text; `change` is the period-over-period change stated with it."""

    name: str
    value: float
    unit: str
    qualifier: str | None
    quote: str
    end: int = 0  # where the value (and its unit) ends in the clause
    change: tuple[float, str, str] | None = None
    level: bool = False
    """Told as the level a tracked figure holds (`p95 is holding at 175ms`, `稳定在38%`)."""
    tentative: bool = False
    """One figure in a sentence that tells nothing else of metrics (`直通率92.5%`, `Star 数 5,233`):
    a metric only if the series reports it again (the ledger keeps it when its key recurs)."""


def read_pairs(text: str, prose: bool = False) -> list[Pair]:
    """Name-value pairs in text order; in prose only those of a line that reports metrics."""
    pairs: list[Pair] = []
    for sentence in _split(_SENTENCES if prose else _STOPS, text):
        if prose and cue(sentence):
            continue  # a sentence telling an incident: its numbers are the impact
        pairs.extend(_out_of_total(p) for p in _sentence_pairs(sentence, prose))
    if not prose:
        return pairs + _aside_pairs(text)
    named = [p for p in pairs if names_metric(p.name)]
    for p in pairs:
        p.tentative = not (
            p.change is not None or (len(named) >= 2 and p in named) or (p.level and names_metric(p.name))
        )
    return [p for p in pairs if not p.tentative or tentative_ok(p)]


_COUNT_IN_NAME = re.compile(r"(.+?)\s*[:：]\s*(\d{1,3}(?:,\d{3})+|\d+)")


def _out_of_total(pair: Pair) -> Pair:
    """`Scientists trained: 34 of 52` is 34 trained (of 52 to train), not a metric named with its
    count whose value is the total (w33-d)."""
    named = _COUNT_IN_NAME.fullmatch(pair.name)
    if named is None or not re.search(rf"{re.escape(named[2])}\s*(?:of|/)\s*[\d,]+", pair.quote):
        return pair
    pair.name, pair.value = named[1], float(named[2].replace(",", ""))
    return pair


def _aside_pairs(text: str) -> list[Pair]:
    """A metric told in parentheses beside another (`周均告警量：1,860条（无效告警占比38%）`): a
    pair of its own when it is named with a metric's words; other asides (`(prev 99.4%)`,
    `(committed 45)`) stay ignored. Written from wecom-okr-infra."""
    out: list[Pair] = []
    for match in PARENS.finditer(text):
        inner = match[0][1:-1]
        if PARENS.search(inner):
            continue
        pair = bare_pair(inner.strip(), prose=False)
        if pair is not None and names_metric(pair.name):
            pair.quote = match[0]
            out.append(pair)
    return out


def bare_pair(text: str, prose: bool = True) -> Pair | None:
    """The one name-value pair a line holds when it holds nothing else (`设备在线率 99.18%`,
    `激活设备数 39.5万`, a parenthetical aside allowed); None for a line that goes on
    (`cold-start: 65%, 🟢`)."""
    bare = PARENS.sub("", text).strip(" .。;；")
    if re.search(r"(?<![A-Za-z\d.])[+\-−]\s?\d", bare):
        return None  # `CTR +1.9%`: a lift, not a value
    pairs = read_pairs(bare)
    if len(pairs) != 1 or pairs[0].change is not None:
        return None
    pair = pairs[0]
    named = metric_name(bare[: bare.find(pair.name) + len(pair.name)], prose) if pair.name in bare else None
    return pair if named is not None and not bare[pair.end :].strip() else None


def _split(pattern: re.Pattern[str], text: str) -> list[str]:
    return [part for part in pattern.split(text) if part and part.strip()]


def _sentence_pairs(sentence: str, prose: bool) -> list[Pair]:
    found: list[Pair] = []
    previous: str | None = None
    for clause in _split(_PROSE_CLAUSES if prose else _CLAUSES, sentence):
        change = change_in(clause)
        bare = PARENS.sub(lambda m: " " * len(m[0]), clause)
        if (
            change
            and found
            and not _has_pair(bare[: change[3]] + " " * (change[4] - change[3]) + bare[change[4] :])
        ):
            if found[-1].change is None:
                found[-1].change = change[:3]  # `日活11.8万，环比+1.2%`
            continue
        pair = _read_clause(clause, bare, previous, prose)
        if pair is None:
            continue
        if change and pair.change is None and change[3] >= pair.end:
            pair.change = change[:3]  # `Signups 3.62k (+2% WoW)`
        previous = pair.name
        found.append(pair)
    return found


def _has_pair(bare: str) -> bool:
    return any(NAMEISH.search(bare[: m.start()]) for m in VALUE.finditer(bare) if not m[1])


def _read_clause(clause: str, bare: str, previous: str | None, prose: bool) -> Pair | None:
    matches = [m for m in VALUE.finditer(bare) if not is_date(bare, m)]
    start: int | None = None  # where the value began when it moved (`AUC .705→.709`)
    for index, match in enumerate(matches):
        later = index + 1 < len(matches)
        arrow = _ARROW.match(bare, match.end()) if later else None
        if later and arrow is None and _FROM.search(bare[: match.start()]):
            arrow = _TO.match(bare, match.end())
        if arrow is not None and arrow.end() == matches[index + 1].start():
            start = match.start() if start is None else start
            continue  # the value it moved from: the one after the arrow is the value now
        if later and re.match(r"\s*[A-Za-z" + HAN + r"]", bare[match.end() :]) and not match[4]:
            continue  # `App 5.0 adoption is at 71%`: the number is part of the name
        if prose and match[3] and match[3][0] in "+-":
            continue  # a signed number is a change, not a value
        if _COMPARED.match(bare[match.end() :]):
            continue  # `6% more signups`, `多出3倍`: a comparison, not a value
        named = metric_name(bare[: match.start() if start is None else start], prose)
        if named is None:
            continue
        name = inherit_name(named[0], previous)
        quote = clause[: match.end()].strip() if len(clause) > match.end() else clause.strip()
        value, unit, qualifier = value_of(match, bare)
        end = match.end(4) if match[4] else match.end(3) if match[3] else match.end()
        level = _LEVEL_TAIL.search(bare[: match.start() if start is None else start]) is not None
        counted = _COUNTED.match(bare, end) if prose and re.fullmatch(f"[{HAN}]{{2,3}}", name) else None
        alone = _ALONE.match(bare, end) if prose and counted is None and not unit else None
        if alone is not None:  # `本周告警 1520 条`: the measure word is the unit
            unit, quote = alone[1], clause[: alone.end()].strip()
        told = _TOLD_COUNT.match(bare, end) if prose and _REPORTED.search(name) and not unit else None
        if told is not None:  # `Callum reported 13,050 pre-orders`: what was counted is the name
            name, quote = told["noun"], clause[: told.end()].strip()
        if counted is not None:  # `合并了 136 个 PR` is `合并 PR`, `新增 9 位贡献者` is `新增贡献者`
            noun = counted["noun"]
            name = f"{name} {noun}" if noun.isascii() else f"{name}{noun}"
            quote = clause[: counted.end()].strip()
            unit = "" if unit in _MEASURE else unit
        return Pair(name, value, unit or named[1], qualifier, quote, end, level=level)
    return None


# An English count told by who saw it (`Callum reported 13,050 pre-orders`, `we processed 212 refunds`):
# the verb's subject is no metric, the noun after the figure is.
_REPORTED = re.compile(
    r"(?:^|\s)(?:reported|recorded|logged|processed|handled|saw|received|booked|sold|served|counted|took)$",
    re.I,
)
_TOLD_COUNT = re.compile(
    r"\s+(?P<noun>[A-Za-z][A-Za-z-]{1,20}(?:\s+(?!for\b|in\b|this\b|during\b|over\b)[A-Za-z][A-Za-z-]{1,20})?)"
)


# A Chinese count written verb, figure, measure word, noun: what is counted ends the name.
_MEASURE = "个位名条项篇份家台次"
_COUNTED = re.compile(
    rf"\s*[{_MEASURE}]?\s*(?![{_MEASURE}](?:\s|$|[(（，,。；;]))"  # `告警 1520 条`: 条 alone counts no noun
    rf"(?P<noun>[A-Za-z][A-Za-z-]{{1,15}}|[{HAN}]{{1,4}})(?=\s|$|[(（，,。；;])"
)


_ALONE = re.compile(rf"\s*([{_MEASURE}])(?=\s|$|[(（，,。；;])")


def value_of(match: re.Match[str], bare: str) -> tuple[float, str, str | None]:
    if match[1]:  # 排名第3: a rank
        return float(match[1]), "名", None
    value, unit = scaled(
        float(match[3].replace(",", "")), match[4] or "", bare[match.end(4) :] if match[4] else ""
    )
    unit = "%" if unit.lower() == "pct" else unit  # a telex's `98.0PCT`
    qualifier = match[5] or None
    return value, f"{unit} {qualifier}".strip() if qualifier else unit, qualifier


def is_date(text: str, match: re.Match[str]) -> bool:
    start = match.start(1) if match[1] else match.start(3)
    return any(h.start <= start < h.end for h in find_dates(text, ANY_DAY))
