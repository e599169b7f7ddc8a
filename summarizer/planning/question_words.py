"""Remove a question's question and function words before lexical search, without cutting words.

As character bigrams, "什么" or "么时" would match any chunk, so question words go. The single
characters among them (有 是 的 了 在 和 与 及 或 …) are also parts of ordinary words: deleting
every 有 turned "出金有效成功率" into "出金 效成功率" (losing the 有效 bigram) and "和解系统"
into "解系统". A single character is therefore removed only where it stands alone: not inside a
common word that contains it (`WORDS`, below) and not inside a name this index knows (project
and metric names, passed as `keep`). Multi-character question words go wherever they occur
outside such words. A dictionary segmenter (jieba) would do this too, but loads in ~1.5 s per
process (FACTS.md), which every cold `ask` would pay.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from index.lexical import tokenize
from index.text.cjk import cut_words
from index.text.normalise import stem

# Question and function phrases, longest first so "什么时候" goes before "什么".
_PHRASES = [
    "什么时候",
    "什么",
    # Spoken forms of 什么 / 怎么 ("说了啥", "咋样了"), as chat-written questions ask.
    "为啥",
    "啥",
    "咋样",
    "咋",
    "哪些",
    "哪个",
    "哪几",
    # which day (`是哪天上线的`): asked as a whole, so `天上` of `哪天上线` is no word the answer needs
    "哪一天",
    "哪天",
    "哪日",
    "几月几号",
    "几月几日",
    "几号",
    "哪里",
    "怎么样",
    # "那次预警误报是怎么回事，后来复盘了吗？": what happened, then what came after; neither is what about.
    "怎么回事",
    # "Geofence 怎么处理？", "那次…": how it was dealt with is what the report's decision says, not 处理
    "怎么处理",
    "如何处理",
    "那次",
    "后来",
    "怎么",
    "如何",
    "多少",
    # "影响范围有多大" asks how far an event reached; a report states it ("涉及约1.9万台") without the words.
    "影响范围",
    "有多大",
    "多大",
    "是否",
    "有没有",
    "为什么",
    "请问",
    "到目前为止",
    "目前",
    "现在",
    "一下",
    "情况",
    "分别",
    "都有",
    "一共",
    "总共",
    "几次",
    "几起",
    "几个",
    "几周",
    "发生了",
    "发生",
    # How often or whether, not what: "一直延期", "两次延期", "还能完成吗", "算逾期吗".
    "一直",
    "一再",
    "再次",
    "两次",
    "多次",
    "能否",
    # Whether a goal will be met: the answer tells how far it is ("离15%还有差距"), not "完成".
    "能完成",
    "能不能",
    "是不是",
    "算不算",
    # What the reader is asked to do, and a superlative of the question's noun ("目前最大的风险是什么？
    # 需要 LT 做什么决定？"): the report writes the risk and the ask, not "最大" or "做". (需要 stays:
    # "需要关注的问题" is what a report's `需关注` answers.)
    "需要做",
    "要做",
    "做什么",
    "最大的",
    "最主要的",
    "最重要的",
]
_SINGLES = "哪谁吗呢请几有是的了在和与及或"

# Common words holding one of the single characters; they are content, not function words.
# None with 的: "项目的" is far more common in questions than 目的 ("purpose") or 的确 ("indeed").
WORDS = frozenset(
    [
        "有效",
        "有限",
        "有关",
        "有序",
        "有偿",
        "有望",
        "有利",
        "有力",
        "有误",
        "有权",
        "有机",
        "有线",
        "有意",
        "所有",
        "拥有",
        "具有",
        "含有",
        "持有",
        "共有",
        "固有",
        "特有",
        "专有",
        "私有",
        "国有",
        "公有",
        "占有",
        "保有",
        "留有",
        "稀有",
        "已有",
        "原有",
        "现有",
        "有赞",
        "是非",
        "目的",
        "的确",
        "了解",
        "了结",
        "在线",
        "在途",
        "在建",
        "在研",
        "在岗",
        "在职",
        "在库",
        "在用",
        "在网",
        "存在",
        "正在",
        "实在",
        "所在",
        "潜在",
        "内在",
        "外在",
        "和解",
        "和平",
        "和谐",
        "温和",
        "缓和",
        "总和",
        "饱和",
        "调和",
        "参与",
        "与会",
        "及时",
        "以及",
        "涉及",
        "普及",
        "波及",
        "危及",
        "及格",
        "或者",
        "或许",
        "几乎",
        "申请",
        "请求",
        "请假",
        "请款",
        "邀请",
        "吗啡",
    ]
)
# Characters that make a Chinese bigram a function phrase ("还能", "没能", "能按") rather than a word.
FUNCTION_CHARS = frozenset(
    "还能会要把被让给对从就都也又再才已没不很最更太该得着过吧呀啊么吗呢了的地是在有和与及或按为于以之其这那哪些个几多少怎如何谁里"
)
# English phrasing that asks, not what about ("where does X stand right now?"), as whole words.
_EN_PHRASES = ["right now", "at the moment", "so far", "to date", "these days", "look like", "looks like",
               "stand", "stands", "standing", "the latest on", "latest on", "the latest with",
               "according to", "based on", "as per", "in line with"]  # fmt: skip
_SPACES = re.compile(r" {2,}")
PHRASES = tuple(_PHRASES)
_PHRASE_RE = re.compile(
    "|".join(sorted(map(re.escape, _PHRASES), key=len, reverse=True))
    + "|"
    + "|".join(
        rf"(?<![A-Za-z]){re.escape(p)}(?![A-Za-z])" for p in sorted(_EN_PHRASES, key=len, reverse=True)
    ),
    re.I,
)


_FOLDED_WORDS = tuple(w.casefold() for w in WORDS)


@lru_cache(maxsize=8)
def _words_by_pair(keep: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The common words and the kept names, casefolded, by their first two characters (a question's
    kept names are every project and metric name of the index: thousands, most of them in no
    question; folded once per index, not once per question)."""
    by_pair: dict[str, list[str]] = {}
    for word in dict.fromkeys((*_FOLDED_WORDS, *(w.casefold() for w in keep))):
        if len(word) >= 2:
            by_pair.setdefault(word[:2], []).append(word)
    return {pair: tuple(words) for pair, words in by_pair.items()}


def _protected(text: str, keep: Iterable[str]) -> list[tuple[int, int]]:
    """The spans of the text that are a common word or a kept name."""
    spans: list[tuple[int, int]] = []
    folded = text.casefold()
    table = _words_by_pair(tuple(keep))
    pairs = {folded[i : i + 2] for i in range(len(folded) - 1)}
    for word in (w for pair in pairs for w in table.get(pair, ())):
        start = folded.find(word)
        while start >= 0:
            spans.append((start, start + len(word)))
            start = folded.find(word, start + 1)
    return spans


def _keeps(name: tuple[int, int], phrase: tuple[int, int]) -> bool:
    """A name's span keeps a phrase when it overlaps it and is not a shorter word inside it."""
    overlaps = name[0] < phrase[1] and name[1] > phrase[0]
    within = phrase[0] <= name[0] and name[1] <= phrase[1] and name[1] - name[0] < phrase[1] - phrase[0]
    return overlaps and not within


def strip_question_words(text: str, keep: Iterable[str] | None = None) -> str:
    """The question without its question/function words; a space keeps bigrams from bridging. A
    phrase is kept where a name runs across its edge; a shorter name inside it (`处理` of `怎么处理`,
    some team's metric) is the phrase's own word and goes with it."""
    spans = _protected(text, (*(keep or ()), *PERIOD_FRAMES))
    shielded = [False] * len(text)
    for start, end in spans:
        shielded[start:end] = [True] * (end - start)
    out = list(text)
    for match in _PHRASE_RE.finditer(text):
        if not any(_keeps(span, match.span()) for span in spans):
            for index in range(match.start(), match.end()):
                out[index] = " "
    for index, char in enumerate(text):
        if char in _SINGLES and not shielded[index]:
            out[index] = " "
    return _SPACES.sub(" ", "".join(out))


# Words that say which kind of thing or where to look, not what about: "which projects slipped in
# these updates?" and "这几期双周报里哪些项目延期了" ask for every slip, which a ledger list answers
# whole. Units of work, report words (and the kinds of document a team writes: a wiki page, a
# work log, meeting minutes), the team, conjunctions, and the stock qualifiers of intents.
# "这两个月", "这几个月" ask over the period the reports cover, as "these updates" does.
# A reason asked after the subject ("…故障？原因查清了吗？", "what caused it?") is a facet of the
# facts (an incident's cause, a slip's reason lines), not a subject the answer must name; so is
# the framing of a follow-up ("为什么被标为受阻？后来解决了吗？"), and an incident's impact asked of
# it ("影响多大，后来查出什么原因？", "what was the impact?").
_GENERIC_TEXT = """
project projects workstream workstreams initiative initiatives epic epics goal goals objective programme programmes program portfolio roadmap
objectives kr krs okr okrs item items task tasks feature features work team teams squad group
report reports update updates weekly biweekly monthly digest digests note notes newsletter issue sheet sheets
issues cycle cycles sprint sprints period series so far over covered now currently current still
yet ever recent recently latest last first new open production prod live customer customers much many
long often count number times once twice recorded reported mentioned said say says page pages log
logs journal meeting meetings why reason reasons cause causes caused root each every out impact
anything something everything

项目 事项 工作 任务 需求 团队 小组 周报 双周报 月报 报告 纪要 本期 这期 几期 这段时间 期间 目前 当前
现在 最近 近期 最新 线上 现网 生产 或者 以及 还是 并且 记录 提到 说到 一次 几次 几起 次数 总共
周志 日志 例会 周会 会议 一期 那一期 停更 停刊 休刊 断更 原因 根因 为什么 为何 查清 查明 找到
查出 查到 影响 影响多大 影响范围 多大
后来 之后 被标为 被标记为 被列为 被评为 解决了吗 解决了没有 有没有解决 恢复了吗 解决 解决了
这两个月 这几个月 这两周 这几周 两个月 几个月 这阵子 这些天
这两个多月 两个多月 一个多月 这一个多月 三个多月 几个多月
这几个月里 几个月里 这两个月里 这几周里 这两周里 这段时间里 最近几个月 最近几周 出现 出现了 月里 周里 期里
本学期 这学期 这个学期 本学年 本季 本年度 semester term
那篇 这篇 那份 这份 那期 一篇 那一篇 这一篇 篇里 那篇里 这篇里 那期里 这期里 那份里
到现在 至今 迄今 以来 到目前 赛季 season seasons
"""
GENERIC_WORDS = tuple(_GENERIC_TEXT.split())
# The period frames that hold a question word ("这几个月" holds 几个): kept whole when the question
# words are stripped, so the generic words take them out whole, not leave "这" and "月作战图里".
PERIOD_FRAMES = tuple(
    w for w in GENERIC_WORDS if ("几" in w or w.startswith("这")) and w not in ("几次", "几起")
)


def subject_terms(terms: str, intent_words: Iterable[str]) -> str:
    """The question's terms that are neither its intent's vocabulary nor generic report words
    (word forms folded): what an answer must be about. Empty for "which projects slipped?".
    Bare numbers (a year, a count) are no subject either.

    Chinese words are cut out of the text before it is split into bigrams, so no bigram
    straddles a removed word ("项目延期" leaves nothing, not "目延"); a single character left
    over names nothing on its own.
    """
    dropped = [*intent_words, *GENERIC_WORDS]
    text = cut_words(terms, dropped)
    latin = {stem(t) for w in dropped if w.isascii() for t in tokenize(w)}
    kept = [
        t for t in tokenize(text) if (stem(t) not in latin and not t.isdigit() if t.isascii() else len(t) > 1)
    ]
    return " ".join(dict.fromkeys(kept))
