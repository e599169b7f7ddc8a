"""Name-value pairs in a line of text: `p99 320ms`, `出金成功率：99.979%`, `Signups 3.62k (+2% WoW)`.

`read_pairs(text)` is how a metrics section (or a line labelled as metrics) is read: every clause
with a name before its value. `read_pairs(text, prose=True)` reads a line anywhere else,
where a number next to a word is usually not a metric of the team (a progress figure, a rollout's
share of traffic, a target, a project's one-off figure `同步延迟P99为800ms`): there a pair counts
when its name is a short noun phrase and the line reports metrics: a period-over-period change
comes with it (`日活11.9万，环比+6.3%`), or the line names two or more metrics by their words
(率, 日活, 次留, latency, conversion, availability, CAC…: `Conversion 2.27%, availability 99.89%.`).
A change (`环比+6.3%`, `(+2% WoW)`) is kept apart from the value it changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.ledger.incident_words import cue
from index.text.cjk import HAN, has_han
from index.text.quantity import CURRENCY, change_in, scaled
from index.text.timeexpr import find_dates

VALUE = re.compile(
    r"第\s*(\d+)\s*(名|位)?(?![周期次天轮届批个年月季])|(?<![A-Za-z\d.@])([-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-+]?\d+(?:\.\d+)?|"
    r"\.\d+)\s*"
    r"(%|‰|ms|μs|us|sec|s|mins?|h|hrs?|次|笔|个|分|万|亿|元|台|k|K|M|GB|TB|MB|rps|qps|QPS|tps|TPS|req/s|/s|pp|bps)?"
    r"(?![A-Za-z\d])\s*(left|remaining|used|burned|剩余|消耗)?",
)
_CLAUSES = re.compile(r"[，；;]|(?<!\d),|,(?!\d)|\s{2,}|\s[·|]\s")  # `Scope: 42 issues · Completed: 35`
_STOPS = re.compile(r"(?<=[^\d\s])\.\s+(?=\S)|(?<=\d)\.\s+(?=[A-Z\d])")  # `(+2% WoW). CAC $40.35. 7-day …`
_SENTENCES = re.compile(r"[。！？!?；;]|(?<![\d.])\.(?=\s|$)|\.\s+")
_PROSE_CLAUSES = re.compile(r"[，、]|(?<!\d),|,(?!\d{3}(?!\d))|\s+(?:and|but|while|with)\s+|\s[—–-]\s")
PARENS = re.compile(r"[(（][^)）]*[)）]")
_NAME_TAIL = re.compile(
    r"(?:\s*[:：=]\s*|\s+(?:is|at|of|was)\s*|为|达到?|约|是|整体|总体|\boverall\b)+$", re.I
)
_PROSE_TAIL = re.compile(
    r"(?:\s*[:：=]\s*|\s+(?:is|are|was|were|at|of|to|around|about|now|still|holding|settled|reached|"
    r"hit|stood|came in|has|have|went (?:up|down) to|back to|(?:dropped|fell|rose|climbed|grew|is down|is up) to|"
    r"took)\b|为|达到?|约|是|(?:稳定|保持|维持)?在|(?:降|升|涨|提升|下降|缩短|压)?[到至]了?|了|"
    r"目前|现在|还是|仍然|依然|依旧|仍|要|整体|总体|\boverall\b|"
    r"(?:\b(?:went|dropped|fell|rose|climbed|grew|moved|improved|came down|went down|went up)\s+)?\bfrom|从)+$",
    re.I,
)
# `本周日活` is `日活`; `本期共合并 PR` is `合并 PR`; `目前全量训练一次` is `全量训练一次`.
_THIS_WEEK = re.compile(
    r"^(?:(?:本周|本期|当周|这周|this week'?s?)\s*(?:共|合计|总共)?|目前|当前|现在|currently)\s*(?=\S)", re.I
)
_WEEK_INSIDE = re.compile(r"(?<=\S)(?:本周|本期|这周|当周)")
# The English term a Chinese sentence names its figure with (`换了新的编码器后 mAP 到了 43.5`).
_LATIN_TAIL = re.compile(rf"[{HAN}]\s*([A-Za-z][A-Za-z0-9@.\-]{{1,11}})$")
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
)
# The period a value covers, written after the name (`Merged PRs in September`, `Issues resolved
# this week`, `… since last digest`): the same metric every period, so not part of its name.
_PERIOD_TAIL = re.compile(
    rf"\s+(?:(?:in|for|during)\s+(?:(?:{_MONTHS})\.?(?:\s+\d{{4}})?|Q[1-4](?:\s+\d{{4}})?|\d{{4}})|"
    r"(?:this|last|the)\s+(?:week|month|quarter|sprint|cycle|period|fortnight)|"
    r"since\s+(?:the\s+)?last\s+\w+|"
    r"(?:week|month|sprint|cycle)\s+to\s+date)$",
    re.I,
)
# The period written before the name (`June API uptime`, `Q3 revenue`): as its tail, not the name.
_PERIOD_HEAD = re.compile(rf"^(?:(?:{_MONTHS})\.?|Q[1-4])(?:\s+\d{{4}})?(?:'s)?\s+(?=[A-Za-z])", re.I)
_LEAD = re.compile(r"^(?:and|but|also|our|the|weekly)\s+", re.I)
_CHANGE_NAME = re.compile(
    r"较|环比|同比|提升|下降|增加|减少|突破|上涨|下跌|降低|增长|\bvs\.?\b|\b(?:up|down|from|than|increase|decrease)\b",
    re.I,
)
_PROGRESS_NAME = re.compile(r"进度|完成度|progress|% ?complete", re.I)
_NAMEISH = re.compile(f"[A-Za-z{HAN}]")
_COMPARED = re.compile(r"\s*(?:(?:more|less|fewer|higher|lower|faster|slower|better|worse)\b|多|少|倍)", re.I)
# Not a metric of the team: progress, a rollout's share, a target or plan, people and verbs of a story.
_NOT_METRIC = re.compile(
    r"进度|完成|进展|流量|灰度|放量|全量|上线|目标|计划|预计|预算|排期|提测|\bAB\b|"
    r"progress|complete|done|rollout|rolled|roll out|traffic|canary|ramp|target|goal|plan|expected|"
    r"\beta\b(?!\s+(?:MAE|RMSE|MAPE|error))|budget|\bwe\b|\bI\b|\bour\b|\bthey\b|\bit\b|\bus\b|moved|migrat|cluster|stores?\b|queries|"
    r"[第共约近超从占]|的$|人天|工作量",
    re.I,
)
# Words metrics are named with (zh and en).
_METRIC_WORD = re.compile(
    r"率|占比|可用性|留存|次留|日活|月活|活跃|新增|新客|时长|耗时|延迟|时延|成本|收入|营收|GMV|客单价|评分|健康分|"
    r"DAU|MAU|WAU|ARPU|CAC|LTV|NPS|CTR|CVR|AUC|QPS|TPS|RPS|\bp(?:50|75|90|95|99|999)\b|latency|"
    r"availability|uptime|conversion|retention|activation|adoption|signups?|revenue|churn|velocity|"
    r"throughput|crash|error|rating|score|\bcost\b|MTT[RDA]|SLO|SLA|"
    r"(?:recall|precision|ndcg|hr|map)@\d+|\bNDCG\b|\bMRR\b|\bKS\b|\bF1\b|\bMAE\b|\bRMSE\b|\bMAPE\b|利用率",
    re.I,
)
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
_ANY_DAY = __import__("datetime").date(2000, 1, 3)  # only spotting dates, not resolving them


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
        pairs.extend(_sentence_pairs(sentence, prose))
    if not prose:
        return pairs + _aside_pairs(text)
    named = [p for p in pairs if _METRIC_WORD.search(p.name)]
    for p in pairs:
        p.tentative = not (
            p.change is not None or (len(named) >= 2 and p in named) or (p.level and names_metric(p.name))
        )
    return [p for p in pairs if not p.tentative or tentative_ok(p)]


# What a name of a tracked figure does not hold: pronouns, particles and verbs of a story
# (`周二晚上排了 9 个`, `学院说一般 5 个`), times of day; in English, a name ending on a function word.
_STORY_ZH = re.compile(
    r"[我你他她它们了把被让给跟就还都也又再才很太按说会想看的]|所以|因为|如果|但是|一下|期间|"
    r"[早晚]上|[上下]午|中午|周[一二三四五六日末]"
)
_FUNCTION_EN = re.compile(
    r"(?:^|\s)(?:the|a|an|this|that|so|see|to|of|in|on|at|by|for|from|with|as|now|then|after|before|"
    r"all|about|remains?|stays?|aiming|is|are|was|were|last|first|next|numbers|figures|stats|metrics)$",
    re.I,
)
_REMAINDER = re.compile(r"剩余|剩下|还剩|尚余|remaining|left|outstanding|to go", re.I)
_VERSION = re.compile(r"(?<![\d.,])\d\.\d+(?![\d.])")
# Not a measured figure: an id (`MOB-405`, `exp-4471`, GitLab's `%16.6`, `#412`, `!2301`), a
# zero-padded label (`迭代周期：04`), a dotted day (`10.30`).
_NOT_FIGURE = re.compile(
    r"[A-Za-z]-\s*\d+(?:\.\d+)?\W{0,2}$|[%#!&]\d[\d.]*\W{0,2}$|(?<![\d.])0\d\W{0,2}$|"
    r"(?<![\d.])1[0-2]\.[0-3]\d\W{0,2}$"
)
# A name that labels a place in a sequence: the number after it is which one (`Sprint 12`, `Cycle
# 26`, `Active sprint: Sprint 12`, `第3期`), not how many.
_SEQUENCE = re.compile(
    r"(?:\b(?:sprint|cycle|iteration|milestone|season|phase|round|release|version|week|wave|batch|"
    r"step|stage|part|chapter|issue|episode|no)|迭代|期|轮|阶段|版本|批次?|第)\W*$",
    re.I,
)


def tentative_ok(pair: Pair) -> bool:
    """A lone figure worth keeping as a candidate metric: named like a thing measured, not a
    version (`0.9`, `MySQL 5.7`: one digit, a dot, no unit, no metric word) or part of a ratio."""
    name = pair.name.strip()
    metric = names_metric(name)
    if _STORY_ZH.search(name) or _FUNCTION_EN.search(name) or len(name) > (40 if metric else 24):
        return False
    if not pair.unit and pair.value < 10 and _VERSION.search(pair.quote) and not metric:
        return False
    if pair.unit in ("%", "‰") and not metric:
        return False  # `规则迁移 40%`, `kiln-mig: 80%`: a share done, unless named as a rate
    if not pair.unit and 1900 <= pair.value < 2100:
        return False
    if len(name) < 2 or (
        pair.value.is_integer() and re.search(rf"[A-Za-z]-{pair.value:.0f}(?!\d)", pair.quote)
    ):
        return False  # `迁`: a verb; `MOB-436 (APNs …)`: an id
    if not pair.unit and pair.value.is_integer() and _SEQUENCE.search(name):
        return False
    if _REMAINDER.fullmatch(name):
        return False  # `剩余6个`, `12 left`: work still to do, whose work the name does not say
    return not re.search(r"\d\s*/\s*$", pair.quote) and not _NOT_FIGURE.search(pair.quote.rstrip("*_` "))


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
    named = _name(bare[: bare.find(pair.name) + len(pair.name)], prose) if pair.name in bare else None
    return pair if named is not None and not bare[pair.end :].strip() else None


# `Label: <number>[ → <number>][unit][ count noun][ (aside)]`: a figure reported under its label.
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.\d+|\d+"
_LABEL_FIGURE = re.compile(
    rf"^[~≈约]?\s*(?:(?:{_NUMBER})\s*(?:→|->)\s*[~≈约]?\s*)?(?P<value>{_NUMBER})\s*"
    r"(?P<unit>%|‰|ms|s|min|mins|h|万|亿|k|K|M)?(?![A-Za-z\d.])\s*"
    rf"(?P<noun>[A-Za-z]+|[{HAN}]{{1,3}})?\s*(?:[(（][^)）]*[)）])?\s*$"
)
# `A800 x32`, `8×H100`: so many units of a model.
_TIMES = re.compile(
    r"^(?P<noun>[A-Za-z][\w-]*)\s*[x×]\s*(?P<value>\d+)$|^(?P<value2>\d+)\s*[x×]\s*(?P<noun2>[A-Za-z][\w-]*)$"
)
_FIGURE_CLAUSES = re.compile(r"[，,；;]\s*(?![^(（]*[)）])")


def label_pairs(text: str, label: str, rest: str, rest_offset: int) -> list[Pair]:
    """A labelled line whose value comes first (`Issues resolved this week: 23`, `Velocity: 41
    points (committed 45)`, `oncall: 3次告警, 0 P级`, `GPU: 32 → 24 卡`): the figure under its
    label, and a later `<metric word> <value>` clause (`利用率 ~80%`) as `<label> <name>`. A
    percentage needs a metric's word in the label: `kiln-mig: 80%` is a project's progress.
    Written from jira-digest-mobile and terse-bullets-ml."""
    name = _name(label, prose=True)
    if name is None:
        return []
    out: list[Pair] = []
    clauses = _FIGURE_CLAUSES.split(rest)
    first = _LABEL_FIGURE.match(clauses[0].strip())
    if first is not None and (find_dates(clauses[0], _ANY_DAY) or (first["noun"] and "." in first["value"])):
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


def names_metric(name: str) -> bool:
    """The name is written with a metric's words (率, 占比, 日活, latency, CAC…)."""
    return _METRIC_WORD.search(name) is not None


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
    return any(_NAMEISH.search(bare[: m.start()]) for m in VALUE.finditer(bare) if not m[1])


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
        named = _name(bare[: match.start() if start is None else start], prose)
        if named is None:
            continue
        name = _inherit(named[0], previous)
        quote = clause[: match.end()].strip() if len(clause) > match.end() else clause.strip()
        value, unit, qualifier = value_of(match, bare)
        end = match.end(4) if match[4] else match.end(3) if match[3] else match.end()
        level = _LEVEL_TAIL.search(bare[: match.start() if start is None else start]) is not None
        counted = _COUNTED.match(bare, end) if prose and re.fullmatch(f"[{HAN}]{{2,3}}", name) else None
        if counted is not None:  # `合并了 136 个 PR` is `合并 PR`, `新增 9 位贡献者` is `新增贡献者`
            noun = counted["noun"]
            name = f"{name} {noun}" if noun.isascii() else f"{name}{noun}"
            quote = clause[: counted.end()].strip()
            unit = "" if unit in _MEASURE else unit
        return Pair(name, value, unit or named[1], qualifier, quote, end, level=level)
    return None


# A Chinese count written verb, figure, measure word, noun: what is counted ends the name.
_MEASURE = "个位名条项篇份家台次"
_COUNTED = re.compile(
    rf"\s*[{_MEASURE}]?\s*(?P<noun>[A-Za-z][A-Za-z-]{{1,15}}|[{HAN}]{{1,4}})(?=\s|$|[(（，,。；;])"
)


def _name(before: str, prose: bool) -> tuple[str, str] | None:
    """The metric's name (the words before its value, without copulas and `本周`) and the
    currency sign written before the value (`CAC $38.20`), if any."""
    tail = _PROSE_TAIL if prose else _NAME_TAIL
    name = tail.sub("", before.strip(" -—–*:：~≈")).strip(" *_`~≈")
    currency = name[-1] if name[-1:] and name[-1] in CURRENCY else ""
    name = tail.sub("", name.rstrip(CURRENCY).strip()).strip(" *_`")  # `Training cost: $3,100`
    name = _THIS_WEEK.sub("", name)
    # `受停线影响本周直通率`, `【进展】本周升级成功率`: the week word opens the metric's name
    name = _WEEK_INSIDE.split(name)[-1].strip() or name
    name = _PERIOD_TAIL.sub("", name) or name
    name = _PERIOD_HEAD.sub("", name) or name
    if prose:
        # `For those who track it: p99 latency was 18 ms`: a lead-in before a colon is no part of it
        name = re.split(r"[:：]\s+", name)[-1]
        name = _LEAD.sub("", name).strip()
        latin = _LATIN_TAIL.search(name)
        if latin and (len(name) > 16 or _NOT_METRIC.search(name[: latin.start(1)])):
            name = latin[1]  # the rest of the sentence is what happened, not the metric's name
    if not name or len(name) > 40 or not _NAMEISH.search(name):
        return None
    if _CHANGE_NAME.search(name) or _PROGRESS_NAME.search(name):
        return None
    # In prose a longer name is the sentence's story, unless it is written with a metric's words
    # (`p99 flag evaluation latency at the edge was 18 ms`).
    short = len(name.split()) <= 4 and len(name) <= 16
    if prose and (not (short or (names_metric(name) and len(name.split()) <= 7)) or _NOT_METRIC.search(name)):
        return None
    return name, currency


def value_of(match: re.Match[str], bare: str) -> tuple[float, str, str | None]:
    if match[1]:  # 排名第3: a rank
        return float(match[1]), "名", None
    value, unit = scaled(
        float(match[3].replace(",", "")), match[4] or "", bare[match.end(4) :] if match[4] else ""
    )
    qualifier = match[5] or None
    return value, f"{unit} {qualifier}".strip() if qualifier else unit, qualifier


def _shape(text: str) -> str:
    return re.sub(r"\d", "9", re.sub(r"[A-Za-z]", "a", text))


def _inherit(name: str, previous: str | None) -> str:
    """`事故数AB级0次，CD级3次`: a short name shaped like the end of the previous one takes its prefix."""
    if previous is None or len(name) > 6 or re.fullmatch(r"[A-Za-z ]+", name):
        return name  # a word of its own (`CAC` after `Signups`) borrows nothing
    for start in range(1, len(previous)):
        if _shape(previous[start:]) == _shape(name):
            return previous[:start] + name
    return name


def is_date(text: str, match: re.Match[str]) -> bool:
    start = match.start(1) if match[1] else match.start(3)
    return any(h.start <= start < h.end for h in find_dates(text, _ANY_DAY))
