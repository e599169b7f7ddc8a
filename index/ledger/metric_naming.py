"""A metric's name, from the words written before its value: copulas and verbs (`is at`, `稳定在`),
`本周` and the period the value covers (`in September`, `Q3`) taken off, in prose a lead-in or
a sentence's story cut to the metric's own term; and which words name a metric at all (率, 日活,
latency, CAC…).

Its own module because every reader of figures (`metric_read`, `metric_labels`,
`metric_tentative`) decides what a metric is called and whether a name is one the same way.
"""

from __future__ import annotations

import re

from index.text.cjk import HAN, has_han
from index.text.quantity import CURRENCY

_NAME_TAIL = re.compile(
    r"(?:\s*[:：=]\s*|\s+(?:is|at|of|was)\s*|为|达到?|约|是|整体|总体|\boverall\b)+$", re.I
)
_PROSE_TAIL = re.compile(
    r"(?:\s*[:：=]\s*|\s+(?:is|are|was|were|at|of|to|around|about|now|still|holding|settled|reached|"
    r"hit|stood|came in|has|have|went (?:up|down) to|back to|(?:dropped|fell|rose|climbed|grew|is down|is up) to|"
    r"took)\b|为|达到?|约|是|(?:稳定|保持|维持)?在|(?:降|升|涨|提升|下降|缩短|压|回)?[到至]了?|了|"
    r"目前|现在|还是|仍然|依然|依旧|仍|要|只有|仅有|仅|才|整体|总体|\boverall\b|"
    r"(?:\b(?:went|dropped|fell|rose|climbed|grew|moved|improved|came down|went down|went up)\s+)?\bfrom|从)+$",
    re.I,
)
# `本周日活` is `日活`; `本期共合并 PR` is `合并 PR`; `目前全量训练一次` is `全量训练一次`; `其中` (of
# which) opens a part of the figure before it.
_THIS_WEEK = re.compile(
    r"^(?:(?:本周|本期|当周|这周|this week'?s?)\s*(?:共|合计|总共)?|目前|当前|现在|其中|currently)\s*(?=\S)",
    re.I,
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
_LEAD = re.compile(r"^(?:and|but|also|our|the|an?|weekly)\s+", re.I)
_CHANGE_NAME = re.compile(
    r"较|环比|同比|提升|下降|增加|减少|突破|上涨|下跌|降低|增长|\bvs\.?\b|\b(?:up|down|from|than|increase|decrease)\b",
    re.I,
)
_PROGRESS_NAME = re.compile(r"进度|完成度|progress|% ?complete", re.I)
NAMEISH = re.compile(f"[A-Za-z{HAN}]")

# Not a metric of the team: progress, a rollout's share, a target or plan, people and verbs of a story.
_NOT_METRIC = re.compile(
    # (`完成产值` / `完成投资`, a works contract's money figures, are metrics)
    r"进度|完成(?!产值|投资)|进展|流量|灰度|放量|全量|上线|目标|计划|预计|预算|排期|提测|\bAB\b|"
    r"progress|complete|done|rollout|rolled|roll out|traffic|canary|ramp|target|goal|plan|expected|"
    r"\beta\b(?!\s+(?:MAE|RMSE|MAPE|error))|budget|\bwe\b|\bI\b|\bour\b|\bthey\b|\bit\b|\bus\b|moved|migrat|cluster|stores?\b|queries|"
    # (`约` is "about" on its own, never inside 预约, 合约, 节约: `集卡预约率` is a rate, w23-a)
    r"[第共近超从]|(?<![预合签节制公契条邀相履])约|占(?!比)|的$|人天|工作量|"
    # the report's own number in its header ("Report No.: 31", "Issue #37", "期号：12")
    r"\b(?:report|issue|edition|revision|rev)\.?\s*(?:no\b|number|#)|期号|期数",
    re.I,
)
# Words metrics are named with (zh and en).
_METRIC_WORD = re.compile(
    r"率|占比|可用性|留存|次留|日活|月活|活跃|新增|新客|时长|耗时|延迟|时延|成本|收入|营收|GMV|客单价|评分|健康分|"
    r"DAU|MAU|WAU|ARPU|CAC|LTV|NPS|CTR|CVR|AUC|QPS|TPS|RPS|\bp(?:50|75|90|95|99|999)\b|latency|"
    r"availability|uptime|\bshare\b|conversion|retention|activation|adoption|signups?|revenue|churn|velocity|"
    r"throughput|crash|error|rating|score|\bcost\b|MTT[RDA]|SLO|SLA|utili[sz]ation|usage|\brate\b|\bpeak\b|"
    r"(?:recall|precision|ndcg|hr|map)@\d+|\bNDCG\b|\bMRR\b|\bKS\b|\bF1\b|\bMAE\b|\bRMSE\b|\bMAPE\b|利用率|"
    # a statistic named by how it is counted: "Average daily labour on site", "Cumulative weather days lost"
    r"\baverage\b|\bavg\b|\bmedian\b|\bcumulative\b|\bper\s+(?:day|week|hour)\b|日均|平均|累计|"
    # what a contractor's works produce, counted in money or units: "累计完成产值：2,315万元"
    r"产值|产量",
    re.I,
)


def not_a_metric(name: str) -> bool:
    """The name is a plan's, a story's or the report's own number (进度, target, `Report No.`)."""
    return _NOT_METRIC.search(name) is not None


def names_metric(name: str) -> bool:
    """The name is written with a metric's words (率, 占比, 日活, latency, CAC…)."""
    return _METRIC_WORD.search(name) is not None


_LEADER = re.compile(r"\s*(?:\.{3,}|(?<=\s)\.{2}|…+|·{3,}|_{3,})\s*$")


_UNCLOSED = re.compile(r"[\[(（][^\])）]*$")


# A period alone, perhaps with a note's word before it: `上期`, `注上期`, `本周`.
_PERIOD_ONLY = re.compile(r"(?:注|备注)?(?:上期|本期|下期|上周|本周|下周|上月|本月|当期|同期)")


def metric_name(before: str, prose: bool) -> tuple[str, str] | None:
    """The metric's name (the words before its value, without copulas and `本周`) and the
    currency sign written before the value (`CAC $38.20`), if any."""
    tail = _PROSE_TAIL if prose else _NAME_TAIL
    before = _LEADER.sub("", before)  # `Open snags .......`, `库存准确率……`: the dots lead to the value
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
    if not name or len(name) > 40 or not NAMEISH.search(name) or _UNCLOSED.search(name):
        return None  # `In [1]:`, a notebook's prompt, is no name: its bracket never closes
    if _CHANGE_NAME.search(name) or _PROGRESS_NAME.search(name):
        return None
    if _PERIOD_ONLY.fullmatch(re.sub(r"[\W_]+", "", name)):
        return None  # `“上期” 1名`, `注：“上期”`: a note on a column, and the period names no figure
    # In prose a longer name is the sentence's story, unless it is written with a metric's words
    # (`p99 flag evaluation latency at the edge was 18 ms`).
    short = len(name.split()) <= 4 and len(name) <= 16
    if prose and (not (short or (names_metric(name) and len(name.split()) <= 7)) or _NOT_METRIC.search(name)):
        return None
    return name, currency


def _shape(text: str) -> str:
    return re.sub(r"\d", "9", re.sub(r"[A-Za-z]", "a", text))


# A count that says how many, not of what (`本周新增：31` under `缺陷统计`, `Opened: 12` under `Bugs`):
# the section's subject names it.
_BARE_COUNT = re.compile(
    r"(?:本周|本月|本期|this week'?s?\s*)?(?:新增|新建|新提|关闭|已关闭|解决|已解决|修复|已修复|遗留|遗留未关闭|未关闭|"
    r"剩余|累计|合计|总数|总计|open(?:ed)?|new|closed|resolved|fixed|created|remaining|total|backlog|reopened)",
    re.I,
)
_SUBJECT_TAIL = re.compile(
    r"\s*(?:统计|情况|数据|汇总|概况|指标|数量|statistics|stats|metrics|summary|counts?)$", re.I
)
_ORDINAL_HEAD = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}(?:\.\d)*[.)、]?)\s*"
)


_NO_SUBJECT = re.compile(
    r"(?:本周|本月|本期|上周|下周|this week|last week|weekly|summary|overview|总结|概况|其他|other)", re.I
)


def counted_name(name: str, section_title: str) -> str:
    """A bare count's name with the subject its section counts (`新增` under `二、缺陷统计` is
    `新增缺陷`); any other name as it is."""
    if not _BARE_COUNT.fullmatch(name.strip()):
        return name
    subject = _SUBJECT_TAIL.sub("", _ORDINAL_HEAD.sub("", section_title.strip(" #*_`【】[]"))).strip()
    if not subject or len(subject) > 12 or not NAMEISH.search(subject) or _NO_SUBJECT.fullmatch(subject):
        return name
    return f"{name}{subject}" if has_han(subject) else f"{name} {subject}"


def inherit_name(name: str, previous: str | None) -> str:
    """`事故数AB级0次，CD级3次`: a short name shaped like the end of the previous one takes its prefix."""
    if previous is None or len(name) > 6 or re.fullmatch(r"[A-Za-z ]+", name):
        return name  # a word of its own (`CAC` after `Signups`) borrows nothing
    for start in range(1, len(previous)):
        if _shape(previous[start:]) == _shape(name):
            return previous[:start] + name
    return name
