"""Progress figures in one line of report text (zh and en): percentages, fractions, words.

Split from `signals.py` (status words) because telling work done from a measurement is its own
job: a percentage named as a metric (`成功率99.9%`, `error budget 40%`) is not progress, a
fraction needs a progress word beside it (`3/5` alone is a date). Each finder returns spans so
the caller can cite the exact clause.
"""

from __future__ import annotations

import re
from functools import lru_cache

from index.ledger.signals import Span
from index.text.numerals import EN_NUMBERS

# `40PCT`: a telex writes no sign; `55 percent`: a bulletin spells it out
_PCT = r"(\d{1,3}(?:\.\d+)?)\s*(?:%|PCT(?![A-Za-z])|pct(?![A-Za-z])|percent\b|per cent\b)"
_PROGRESS_CUED = (
    re.compile(
        r"(?:进度|完成度|完成比例|完成|progress|completion)\s*"
        r"(?:(?:仍为|仍然|仍|还是|依然|还在|只有|大概|大约|差不多|约|为|达到?|已达|已|到|停在|维持在|维持|保持在|保持|:|：|at|is|of|~|≈)\s*){0,2}"
        + _PCT,
        re.I,
    ),
    re.compile(_PCT + r"\s*(?:complete[d]?|done|finished|完成|进度)", re.I),
    re.compile(r"%\s*(?:complete[d]?|done)\s*[:：]?\s*(\d{1,3})(?!\d)", re.I),
    # "新手引导改版依然停在70%": the work stopped at a share of itself
    re.compile(r"(?<!率)(?:停在|停留在)\s*" + _PCT),
)
# "Stock sync is at about 60% of stores", "is still around 60%": a share stated of the sentence's
# subject, unless the clause names a metric ("adoption is at 71%").
_PROGRESS_PROSE = re.compile(
    r"(?:\b(?:is|are|now|still|stuck|sitting|stalled|stands)|(?<=\w)['’]re)\s+(?:(?:now|still)\s+)?"
    r"(?:at\s+(?:about|around|roughly|approximately|nearly|almost|~)?|about|around|roughly|approximately|nearly|almost)"
    r"\s*" + _PCT + "|"
    # A rollout's reach: "agent on 70% of the build fleet", "live across 60% of stores".
    r"\b(?:on|across)\s+(?:about\s+|around\s+|~)?" + _PCT + r"(?=\s+of\b)|"
    # "ETA Predictor retrain still 60%.": a bare share that closes its clause beside "still"
    r"\bstill\s+" + _PCT + r"(?=\s*(?:[.,;:!)]|$|\s[—–-]\s))",
    re.I,
)
_PROSE_METRIC = re.compile(
    r"adoption|conversion|coverage|usage|traffic|utili[sz]ation|accuracy|recall|precision|\bctr\b|retention|"
    r"timeout|fail|crash|drop",
    re.I,
)
_AS_OF = re.compile(r"\s*(?:as of|since)\b", re.I)
_BARE_PCT = re.compile(r"(?<![\d.])" + _PCT)
_METRIC_CUE = re.compile(
    r"率|可用性|占比|覆盖|命中|转化|利用|同比|环比|提升|下降|降低|增长|减少|节省|预算|毛利|份额|"
    r"budget|availability|uptime|rate|sla|slo|p\d{2}|latency|error|cpu|memory|disk|share|"
    r"increase|decrease|reduc|drop|\bup\b|\bdown\b|\bby\b|\bto\b",
    re.I,
)
# An English full stop ends the clause where a capital opens the next sentence ("…twice. It's amber
# for now"); a version's or a decimal's dot does not.
_CLAUSE_SPLIT = re.compile(r"[，。；;！!？?]|(?<!\d),|,(?!\d)|\s[—–-]\s|\.(?=\s+[A-Z\"“])")


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the clause (between commas, semicolons, full stops) that holds start..end."""
    left = 0
    for match in _CLAUSE_SPLIT.finditer(text):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            return left, match.start()
    return left, len(text)


# Progress written as a fraction or in words: `进度 3/5`, `11/15 issues done`, `12 of 23 controls
# evidenced`, `进度 六成`, `一半`, `基本完成`, `half done`. A fraction needs a progress word beside
# it (`3/5` alone is a date), and becomes a percentage so equal values compare across notations.
# Measure words that say a figure counts things (`3/5个车间`, `112台/120台`), not a day.
_MEASURES = "个台家项套条座间栋批名所户站块张"
# A count as written, thousands apart too (`1,112 / 2,400 drawers`): `count_value` reads it.
_COUNT_NUM = r"(\d{1,3}(?:,\d{3})+|\d{1,4})"


def count_value(figure: str) -> int:
    """A count written with or without thousands separators (`1,112`)."""
    return int(figure.replace(",", ""))


_FRACTION_CUED = (
    re.compile(
        rf"(?:进度|完成度|progress|tasks?|任务)\s*[:：]?\s*(?:约|~)?\s*{_COUNT_NUM}\s*/\s*{_COUNT_NUM}(?![\d/])",
        re.I,
    ),
    re.compile(
        rf"(?<![\d/.,]){_COUNT_NUM}\s*/\s*{_COUNT_NUM}(?![\d/])\s*(?:[A-Za-z\u4e00-\u9fff]{{1,12}}\s*)?"
        r"(?:done|complete[d]?|finished|closed|merged|migrated|ported|converted|onboarded|enrolled|"
        # units of a fleet or a rollout counted by their state (`11/12 in service`, w45-h)
        r"in service|delivered|installed|deployed|commissioned|"
        r"完成|已完成|已迁移|已上线)",
        re.I,
    ),
    # Units of work counted after the total: `5/8 milestones`, `7/10 rules`, `3/12站` (no day is
    # followed by what it counts).
    re.compile(
        rf"(?<![\d/.,]){_COUNT_NUM}\s*/\s*{_COUNT_NUM}(?![\d/])\s*"
        r"(?:milestones?|steps?|tasks?|stages?|phases?|items?|checkpoints?|deliverables?|stories|tickets|"
        # a measure word alone (`3/12站`); over a noun it counts a part of the work (`5/5 个补充实验`)
        r"sites?|stores?|rules?|modules?|workstreams?|(?:站|家|台|项|座|个|门店)(?![\u4e00-\u9fff]))",
        re.I,
    ),
    # Things counted on both sides: `已接入112台/120台`, `8家/20家`.
    re.compile(rf"(?<![\d/.])(\d{{1,4}})\s*[{_MEASURES}]\s*/\s*(\d{{1,4}})\s*[{_MEASURES}]"),
    # A checklist's count after its name: org-mode's statistics cookie `** WIP BLE updates [3/7]`,
    # a Markdown task list's `Rollout [2/5]` (a day is not written in brackets after a name).
    re.compile(r"(?:(?<=\w)\s+|^\s*)\[(\d{1,3})/(\d{1,3})\](?!\()"),
    re.compile(
        rf"(?<![\d.,]){_COUNT_NUM}\s+of\s+{_COUNT_NUM}\s+(?:[A-Za-z-]+\s+){{0,2}}?"
        r"(?:done|complete[d]?|finished|closed|evidenced|migrated|ported|converted|onboarded|enrolled|shipped|"
        r"checked|ticked|merged)",
        re.I,
    ),
)
_EN_COUNT = "|".join(sorted((w for w in EN_NUMBERS if len(w) > 2), key=len, reverse=True))
# Counted work in words or after "at": "Three of the five steps are already automated", "Still
# three of five steps automated", "Still at 3/5" (a share, not March 5, after "still at").
_FRACTION_WORDS = (
    re.compile(
        rf"\b(\d{{1,3}}|{_EN_COUNT})\s+of\s+(?:the\s+)?(\d{{1,3}}|{_EN_COUNT})\s+(?:[A-Za-z-]+\s+){{0,3}}?"
        r"(?:are\s+|is\s+)?(?:already\s+|now\s+)?(?:automated|fixed|resolved|done|complete[d]?|finished|migrated|ported)\b",
        re.I,
    ),
    re.compile(r"\b(?:still|now|we(?:'|’)re)\s+at\s+(\d{1,3})\s*/\s*(\d{1,3})(?![\d/])", re.I),
    # "still 8 of 12, waiting on brand guidelines", "3/7 still.": a bare count that closes its
    # clause beside "still" is where the work stands (nothing else is counted). Written from
    # agency-client-en and community-meeting-log-en.
    re.compile(
        rf"\bstill\s+(\d{{1,3}}|{_EN_COUNT})\s*(?:of|/)\s*(\d{{1,3}}|{_EN_COUNT})(?=\s*(?:[.,;:!)]|$|\s[—–-]\s))",
        re.I,
    ),
    # "3/7 languages green now", "4 of 7 suites passing": the share of the parts that pass
    re.compile(
        r"(?<![\w/.])(\d{1,3})\s*(?:/|\s+of\s+)(\d{1,3})(?![\d/])\s+[A-Za-z-]{3,20}\s+(?:are\s+|now\s+)?(?:green|passing)\b",
        re.I,
    ),
    # Where the work stands, counted in prose: "Jamal got to 64 of 120 templates", "is still on 64
    # of 120 templates", "It's still sitting at 64 of 120", "has moved 52 of 120 page templates
    # over". Written from weeknotes-blog-en.
    re.compile(
        rf"\b(?:got|gotten|getting|is|are|['’]s|still|now|sitting|stuck|stalled|stands?|stood|stayed|remains?|moved)"
        rf"\s+(?:(?:still|now)\s+)?(?:to|at|on)\s+(\d{{1,4}}|{_EN_COUNT})\s+of\s+(?:the\s+)?(\d{{1,4}}|{_EN_COUNT})"
        r"(?=\s+[A-Za-z-]+|\s*(?:[.,;:!)]|$))",
        re.I,
    ),
    re.compile(
        rf"\b(?:has|have|had)\s+(?:now\s+)?(?:moved|ported|migrated|converted|rebuilt|rewritten)\s+"
        rf"(\d{{1,4}}|{_EN_COUNT})\s+of\s+(?:the\s+)?(\d{{1,4}}|{_EN_COUNT})\s+[A-Za-z-]+",
        re.I,
    ),
    re.compile(r"(?<![\w/.])(\d{1,3})\s*/\s*(\d{1,3})\s+still\b(?=\s*(?:[.,;:!)]|$))", re.I),
)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else EN_NUMBERS[word.lower()]


_WORD_PROGRESS = re.compile(
    r"(?:进度|完成度|progress)\s*[:：]?\s*(?:还在|还是|仍是|仍在|已到|到了|已经)?\s*(?:大概|差不多|约)?\s*"
    r"(?P<zh>一半|过半|大半|[一二三四五六七八九]成|基本完成|全部完成|已完成|完成)|"
    # "整体八成吧", "库存预警 六成了", "还是六成": N成 closing its clause is a share of the work done;
    # "八成是缓存问题" (most likely) and "三成用户" (a share of something) go on and are not.
    r"(?P<bare>(?<![\d一二三四五六七八九十])[一二三四五六七八九]成)(?=\s*(?:了|吧|啦|左右|多)?\s*(?:$|[，。；;,.!！?？]|\s|[^\w\s]))|"
    r"(?P<en>half(?:way)?\s+(?:done|complete|there))",
    re.I,
)
_WORD_VALUES = {
    "一半": 50,
    "过半": 50,
    "大半": 70,
    "基本完成": 90,
    "全部完成": 100,
    "已完成": 100,
    "完成": 100,
}


def _word_value(match: re.Match[str]) -> int:
    word = match["zh"] or match["bare"] or ""
    if match["en"]:
        return 50
    if word.endswith("成") and len(word) == 2 and word[0] != "完":
        return "一二三四五六七八九".index(word[0]) * 10 + 10
    return _WORD_VALUES.get(word, 0)


_VERB_NEXT = re.compile(
    # the time of that day may come first: `4/9 晚完成切换上线` (w26-h), `3/12 22:00 上线`
    r"\s*(?:(?:晚上|早上|上午|下午|中午|凌晨|夜间|当晚|晚|早|夜)\s*|\d{1,2}:\d{2}\s*)?"
    r"(?:已|完成|上线|发布|投产|交付|done|complete|finished|closed|merged|migrated|launched|shipped|released)",
    re.I,
)


# A label naming the things a fraction counts (`Issues: 6/12 closed`, `任务：3/5 完成`).
_COUNTED_LABEL = re.compile(
    r"(?:issues?|tasks?|stories|story points|tickets?|items?|sub-?tasks?|checks?|steps?|"
    r"任务|子任务|需求|用例|工单|事项)\s*[:：]\s*$",
    re.I,
)


# Work done counted after its verb: "已迁移规则 48/130", "规则迁移还停在 71/130", "推进到 119/130".
# A pair that could be a month and day ("迁移推到9/15") is left to the date reader.
_FRACTION_AFTER_WORK = re.compile(
    r"(?:迁移|迁完|完成|推进|合并|合入|修复|接入|改造|搬迁|落地)[^，。,;；！!？?\d]{0,8}?"
    r"(?<![\d/.])(\d{1,4})\s*/\s*(\d{1,4})(?![\d/])"
)


_MEASURE_NEXT = re.compile(rf"\s*[{_MEASURES}路期]")


# A count that opens an item's line or a sentence, where it stands on its own (`14/31 - no change`,
# `19/31 now.`, `Same team. 14/31 profiles.`, a mail's project notes, w54-a): where the work stands,
# once no reading of it is a day.
_LEADING_COUNT = re.compile(
    rf"(?:^\W{{0,3}}|(?<=[.;] )){_COUNT_NUM}\s*/\s*{_COUNT_NUM}(?![\d/.]\d)(?=[\s,;.]|$)"
)
_DAY_MONTH_MAX = 12


def _date_not_share(match: re.Match[str], text: str) -> bool:
    """`12/24已上线`, `11/21上线完成` is the day something went live, not 12 of 24 done: a
    month/day pair with nothing counted between it and the verb (`3/5 个服务已迁移` counts
    services). Found beside
    meeting-minutes-fintech's launch rule, in the bundled zh example."""
    if match.re is not _FRACTION_CUED[1]:
        return False
    if _COUNTED_LABEL.search(text, 0, match.start()):
        return False  # `Issues: 6/12 closed`: the label says what is counted
    if "," in match[1] + match[2]:
        return False  # `1,112 / 2,400`: thousands are counted, never a day
    month, day = int(match[1]), int(match[2])
    return 1 <= month <= 12 and 1 <= day <= 31 and _VERB_NEXT.match(text, match.end(2)) is not None


def _measured(number: str) -> bool:
    """`4.51%` is a measurement (a rate, a share of traffic), not a share of work done: progress
    is told in whole or half percents. Written from terse-bullets-ml ("CTR 4.51%" beside no name)."""
    return len(number.partition(".")[2]) >= 2


def _first_group(match: re.Match[str]) -> str:
    return next(group for group in match.groups() if group)


def find_progress(text: str, allow_bare: bool) -> list[Span]:
    """Progress percentages; a bare `60%` counts only when `allow_bare` and nothing names it a metric."""
    return list(_find_progress(text, allow_bare))


@lru_cache(maxsize=8192)
def _find_progress(text: str, allow_bare: bool) -> tuple[Span, ...]:
    taken = [False] * len(text)
    hits: list[Span] = []
    for pattern in _FRACTION_CUED:
        for match in pattern.finditer(text):
            done, total = count_value(match[1]), count_value(match[2])
            if total < 2 or done > total or any(taken[match.start() : match.end()]):
                continue
            if _date_not_share(match, text):
                continue
            taken[match.start() : match.end()] = [True] * (match.end() - match.start())
            hits.append(Span(round(100 * done / total), match.start(), match.end(), match[0]))
    opening = _LEADING_COUNT.search(text)
    if opening is not None and not any(taken[opening.start(1) : opening.end(2)]):
        done, total = count_value(opening[1]), count_value(opening[2])
        if _DAY_MONTH_MAX < done < total:  # (no day either way round: 14/31 is no 14 March or 31 May;
            # and all of them done is a sub-task's news, `- 48/48 节点 … online`, not the item's end)
            start, end = opening.start(1), opening.end(2)
            taken[start:end] = [True] * (end - start)
            hits.append(Span(round(100 * done / total), start, end, text[start:end]))
    for match in _FRACTION_AFTER_WORK.finditer(text):
        done, total = int(match[1]), int(match[2])
        start, end = match.span(1)[0], match.end(2)
        # `已完成3/5个车间`: a measure word after the pair says it counts things, not a day
        counted = _MEASURE_NEXT.match(text, end) is not None
        month_day = 1 <= done <= 12 and 1 <= total <= 31 and not counted
        if total < 2 or done > total or month_day or any(taken[start:end]):
            continue
        taken[start:end] = [True] * (end - start)
        hits.append(Span(round(100 * done / total), start, end, text[start:end]))
    for pattern in _FRACTION_WORDS:
        for match in pattern.finditer(text):
            done, total = _count(match[1]), _count(match[2])
            if total < 2 or done > total or any(taken[match.start() : match.end()]):
                continue
            taken[match.start() : match.end()] = [True] * (match.end() - match.start())
            hits.append(Span(round(100 * done / total), match.start(), match.end(), match[0]))
    for match in _WORD_PROGRESS.finditer(text):
        if not any(taken[match.start() : match.end()]):
            taken[match.start() : match.end()] = [True] * (match.end() - match.start())
            hits.append(Span(_word_value(match), match.start(), match.end(), match[0]))
    for pattern in _PROGRESS_CUED:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(taken[start:end]):
                continue
            value = float(match[1])
            if value > 100 or _METRIC_CUE.search(text[max(0, match.start(1) - 6) : match.start(1)].lower()):
                continue
            for index in range(start, end):
                taken[index] = True
            hits.append(Span(round(value), start, end, match[0]))
    for match in _PROGRESS_PROSE.finditer(text):
        start, end = match.span()
        left = clause_around(text, start, end)[0]
        lead = text[left:start]
        if (
            any(taken[start:end])
            or float(_first_group(match)) > 100
            or _METRIC_CUE.search(lead)
            or _PROSE_METRIC.search(lead)
        ):
            continue
        taken[start:end] = [True] * (end - start)
        hits.append(Span(round(float(_first_group(match))), start, end, match[0]))
    if allow_bare:
        for match in _BARE_PCT.finditer(text):
            start, end = match.span()
            if any(taken[start:end]) or float(match[1]) > 100 or _measured(match[1]):
                continue
            left, right = clause_around(text, start, end)
            after = text[end:right]
            if _AS_OF.match(after):
                after = ""  # "OTA: 100% as of Mon 10 Mar", "at 75% as of this morning": when, not what
            rest = (text[left:start] + after).strip(" :：*_()（）")
            if rest and (len(rest) > 4 or _METRIC_CUE.search(rest)):
                continue
            hits.append(Span(round(float(match[1])), start, end, match[0]))
    return tuple(sorted(hits, key=lambda hit: hit.start))
