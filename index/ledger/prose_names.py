"""Project names a series writes only in running text, found where its signal sentences begin.

A prose-first series (a newsletter under area headings, a blog post, a chat, an e-mail) names
its projects inside sentences ("分层存储的预览版从4月底推迟到5月底", "the booking service is
still blocked"), never by a heading or a bullet lead, so `prose_links` has no name to look for.
What makes such a phrase a name is that the series keeps telling news about it: the same words
open a clause of a signal sentence (`prose.Passage`: a status, progress or date) in at least
`_MIN_REPORTS` different reports. So a candidate is the longest common beginning of two clauses
from different reports, cut at a word's end, that is not a function word, a person's single
given name, a month or a bare number; `derive` adds it to the series' names as a tentative one
(`identity`: it only joins a project whose name it opens with), and it becomes a project only
when its sentences, named by `prose_links`, carry observations in two reports.

Chosen for precision: a short or generic opening ("这两周", "Test coverage", "Maren") never names
a project; missing a name costs a project's prose, a wrong one adds a project that never was.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from index.ledger.identity import NameStat
from index.ledger.progress import find_progress
from index.ledger.signals import find_statuses
from index.text.cjk import HAN, han_count
from index.text.normalise import nfkc
from index.text.timeexpr import MONTHS, find_dates

_MIN_REPORTS = 2
_MIN_HAN = 4  # a Chinese name of 2-3 characters is as often a person, a pronoun or a word
_MIN_LATIN_WORDS = 2  # one capitalised word is a person, a place or a verb as often as a name

# Where a clause starts: a sentence's start, or after a comma, semicolon or a dash. Not after a
# colon: "Assignee: Kofi Mensah" is a field's value, not the subject of news.
_CLAUSES = re.compile(r"[,;，；。！？!?]|\s[—–-]\s")
# "**SOC 2**: 49 of 58", "Dashboard v2: green.": a label opening the line, then its news.
_LABEL = re.compile(r"^\W{0,4}(?P<label>[^:：.!?;,]{2,40}?)\W{0,2}[:：](?P<rest>[^:：]+)$")
# Words a clause opens with that are no part of its subject.
_LEADING = re.compile(
    r"^(?:(?:所以|但是?|不过|另外|而且?|因此|因为这个问题|同时|其中|然后|目前|现在|此外|并且|"
    r"so|but|and|also|however|meanwhile|plus|then|now|still|overall)\b\s*|(?:所以|但是?|不过|另外|因此|同时|其中|然后|目前|现在|此外))+",
    re.I,
)
# "our"/"a" go; "the" stays before a lowercase phrase, the one mark that it is a name ("the repairs
# booking service"), and goes before a capitalised one ("the Docs site migration").
_ARTICLE = re.compile(r"^(?:our|a|an|the(?=\s+(?-i:[A-Z0-9])))\s+", re.I)
# A Chinese name ends before these: "分层存储的预览版", "标定平台估计要…" is cut by the other clause.
# (the two classes must not overlap: a space matched by both made a run of column gaps before a tag,
# `改造                              【延期】`, backtrack for ever; w21-a hung the ingest)
_TRAILING = re.compile(rf"(?:[的在已于还也和与是将把被就都这那又再从到对给要会能可仍约]|[^{HAN}\w])+$")
# Field labels and scale words: "计划完成时间", "当前状态", "EVT样机目标" are no names.
_FIELD_WORDS = re.compile(
    r"目标|时间|状态|进度|进展|计划|日期|风险|完成|负责|项目$|"
    r"\b(?:eta|due|target|status|progress|plan|key|legend|notes?|updates?|summary|owner|assignee|decision)\b",
    re.I,
)
# "eta 3", "offline AUC .712": a lowercase word with a figure is a figure's label.
_LOWER_FIGURE = re.compile(r"^[a-z][a-z-]*\s+[.\d]")
_LATIN_WORD = re.compile(r"[A-Za-z0-9]")
# Openings that are deictic, pronouns or time words, never a project's name.
_FUNCTION_START = re.compile(
    r"^(?:这|那|本|上|下|我|你|他|她|它|咱|大家|今|明|昨|每|各|整体|总体|新的|之前|之后|后面|前面|"
    r"第[一二三四五六七八九十\d]|[一二三四五六七八九十两几]+[个周天月年次]|"
    r"(?:we|i|you|he|she|it|they|this|that|these|those|there|here|next|last|every|each|"
    r"all|some|most|one|two|three|no|not|as|at|by|for|in|on|of|to|with|from|if|when|after|before)\b)",
    re.I,
)
_MONTH = re.compile(rf"^(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\b|\d+\s*月", re.I)
# Markup, owners, figures and arrows: a table cell, a status key or a metric, not a name.
_SYMBOLS = re.compile(r"[*|@%()（）=【】\[\]#+→·<>/:\\]|[\u2600-\u27bf\U0001f000-\U0001faff]")
_TRAILING_WORDS = re.compile(
    r"\s+(?:is|are|was|were|has|have|had|still|at|for|on|in|to|of|by|and|now|also|about|"
    r"been|be|will|would|should|got|gets|went|goes|remains|stays|not)$",
    re.I,
)
# "电子证照库三期因户籍类…" and "…三期因“不动产权证书”…": the cause opens after the name (never 原因, 基因).
_CAUSE_AFTER = re.compile(r"(?<![原基诱起成病死主])(?:因为|因|由于)$")
# "工厂已排产", "还在验证中": an aspect word or adverb makes a clause, not a name.
_ASPECT = re.compile(r"[已了着过]|正在|还在|仍在|将会|还没|没有")
# A code name: inner capitals ("OTel"), a figure ("SOC 2", "Ferry 0.3"), a hyphenated word.
_CODE_SHAPE = re.compile(r"[a-z][A-Z]|\d|[A-Za-z][-_.][A-Za-z]")


# A clause with its verb: the words before a colon are a sentence, not a field's label.
_PROSE_HEAD = re.compile(
    r"\s(?:is|are|was|were|has|have|had|hasn['’]t|haven['’]t|isn['’]t|aren['’]t|wasn['’]t|did|didn['’]t|"
    r"does|doesn['’]t|will|won['’]t|can['’]t|got|went|moved)\s",
    re.I,
)


def clause_openings(text: str) -> list[str]:
    """Each clause of a sentence from where its subject starts (leading connectives and an article
    removed)."""
    out = []
    # A line with a colon is a field ("Assignee: Ines Aldana, Kofi Mensah", "RAG key: …"): its
    # values are no subject of news, and its label is one only when what follows is news about it
    # ("Pipeline re-architecture: green, 9 of 22", "SOC 2: 49 of 58 controls").
    # A colon after a whole clause ("The design-system migration hasn't moved as fast as I'd like:
    # Jamal got to 64 of 120") is prose's, not a field's: the clause before it opens as any other.
    if re.search(r"[:：]", text):
        label = _LABEL.match(nfkc(text))
        if label is not None and _signal(label["rest"]):
            return [_ARTICLE.sub("", _LEADING.sub("", label["label"].strip()))]
        head = re.split(r"[:：]", nfkc(text), maxsplit=1)[0]
        if label is not None or not _PROSE_HEAD.search(head) or re.search(r"\d", head):
            return []
        text = head
    for clause in _CLAUSES.split(nfkc(text)):
        clause = _LEADING.sub("", clause.strip())
        clause = _ARTICLE.sub("", clause)
        if clause:
            out.append(clause)
    return out


def _common_start(a: str, b: str) -> str:
    """The longest beginning of both, ending at a word's end in each when it ends in a Latin word."""
    n = 0
    while n < min(len(a), len(b)) and a[n].casefold() == b[n].casefold():
        n += 1
    head = a[:n]
    if re.search(r"[\d.]$", head) and any(
        rest[:1].isdigit() or rest[:1] in "/月日号.-:：" for rest in (a[n:], b[n:])
    ):
        # "新客次留37.9%" and "…37.4%", "夏日祭典7/11…" and "…7月11日…": a figure or a day, cut off whole
        head = re.sub(r"[\d.]+$", "", head)
    if head and _LATIN_WORD.match(head[-1]):
        ends_a = n == len(a) or not _LATIN_WORD.match(a[n])
        ends_b = n == len(b) or not _LATIN_WORD.match(b[n])
        if not (ends_a and ends_b):
            head = re.sub(r"[A-Za-z0-9]+$", "", head)
    previous = None
    while previous != head:
        previous = head
        head = _CAUSE_AFTER.sub("", _TRAILING_WORDS.sub("", _TRAILING.sub("", head)))
    quote = max(head.rfind(mark) for mark in "「『“《")
    if quote >= 0 and not any(close in head[quote:] for close in "」』”》"):
        head = head[:quote]  # "七夕「鹊桥相会」…": a quoted name is `_marked`'s, never cut inside
    return head.strip()


# "Go-live is planned for …" opening two reports' sentences: a clause (its verb inside), not a name
_CLAUSE_VERB = re.compile(r"\s(?:is|are|was|were|has|have|had|will|would|should|can|could|does|did)\s", re.I)


def is_name(candidate: str, quoted: bool = False) -> bool:
    """A phrase long and specific enough to be a project's name, not a function word, a person's
    given name, a month or a number. A name the writer quoted (「青鸟」) may be short."""
    if (
        not re.search(r"[^\W\d_]", candidate)
        or _FUNCTION_START.match(candidate)
        or _MONTH.search(candidate)
        or _SYMBOLS.search(candidate)
        or _signal(candidate)
        or _FIELD_WORDS.search(candidate)
        or _LOWER_FIGURE.match(candidate)
        or _CLAUSE_VERB.search(candidate)
    ):
        return False
    han = han_count(candidate)
    latin = re.findall(r"[A-Za-z0-9][A-Za-z0-9._-]*", candidate)
    if han == len(candidate.replace(" ", "")):
        return han >= (2 if quoted else _MIN_HAN) and (quoted or not _ASPECT.search(candidate))
    if han:
        return len(re.sub(r"\s", "", candidate)) >= 3
    if _CODE_SHAPE.search(candidate):
        return True
    if candidate[1:] == candidate[1:].lower():  # "dataset release", "The goal": words, unless
        # "the" opens a longer phrase ("the payout reconciler")
        return candidate.lower().startswith("the ") and len(latin) > _MIN_LATIN_WORDS
    return len(latin) >= _MIN_LATIN_WORDS


def _signal(text: str) -> bool:
    """A status, progress figure or date in the phrase: "状态正常", "At risk", "eta 3/14"."""
    return bool(find_statuses(text) or find_progress(text, True) or find_dates(text, date(2000, 1, 1)))


# A name the writer marked: quoted (「青鸟」, 《…》, “…”), or a capitalised phrase after "the"
# ("the Billing Portal", "the Relay v2 cutover" gives "Relay v2").
_QUOTED = re.compile(r"[「“《]([^」”》]{2,20})[」”》]")
_THE_NAME = re.compile(r"\bthe\s+((?-i:[A-Z][\w-]*)(?:\s+(?:(?-i:[A-Z][\w-]*)|v?\d[\w.]*))*)", re.I)
# A thing named by its kind: "…会员积分重构", "把对账平台迁移…"; the name is the words before the
# kind word after the last particle, and only what two reports' runs end with in common counts.
_KIND = re.compile(rf"[{HAN}A-Za-z0-9][{HAN}A-Za-z0-9 .-]*?(?:项目|平台|系统|工具|迁移|重写|改版|重构|升级)+")
_BEFORE_NAME = re.compile(rf"^.*[的了在把将和与及是从就也还都要已]|^[^{HAN}A-Za-z0-9]+")


def _marked(passages: list[tuple[str, str]]) -> dict[str, set[str]]:
    """Names a sentence marks by quotes, by "the" and capitals, or by a kind word, with the reports
    that write them."""
    found: dict[str, set[str]] = defaultdict(set)
    quoted: set[str] = set()
    # Each kind-word run with the reports that write it: a series repeats its runs week after week,
    # and two runs' common ending is the same whichever reports wrote them.
    kinds: dict[str, set[str]] = defaultdict(set)
    for report, text in passages:
        folded = nfkc(text)
        for match in _QUOTED.finditer(folded):
            quoted.add(match.group(1).strip())
            found[match.group(1).strip()].add(report)
        for match in _THE_NAME.finditer(folded):
            found[match.group(1).strip()].add(report)
        for m in _KIND.finditer(folded):
            kinds[_BEFORE_NAME.sub("", m.group(0)).strip()].add(report)
    runs = list(kinds.items())
    for index, (run, reports) in enumerate(runs):
        if len(reports) >= 2:
            found[run.strip()].update(reports)  # one run in two reports: it ends with itself
        for other, others in runs[index + 1 :]:
            paired = _paired(reports, others)
            if paired:
                n = 0
                while n < min(len(run), len(other)) and run[-1 - n] == other[-1 - n]:
                    n += 1
                found[run[len(run) - n :].strip()].update(paired)
    return {name: reports for name, reports in found.items() if name and is_name(name, name in quoted)}


def _paired(one: set[str], two: set[str]) -> set[str]:
    """The reports of two runs that pair with another report of the other run (only two runs of
    different reports count as a name told twice)."""
    return (one if len(two) >= 2 else one - two) | (two if len(one) >= 2 else two - one)


def discover(passages: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """Candidate names of one series, each with the reports whose signal sentences open a clause
    with it or mark it as a name; `passages` are (report, sentence) pairs."""
    rows = list(passages)
    openings: list[tuple[str, str]] = sorted(
        {(opening, report) for report, text in rows for opening in clause_openings(text)},
        key=lambda pair: (pair[0].casefold(), pair[1]),
    )
    found: dict[str, set[str]] = defaultdict(set)
    for name, reports in _marked(rows).items():
        found[name] |= reports
    for index, (opening, report) in enumerate(openings):
        for other, other_report in openings[index + 1 : index + 8]:
            if other_report == report:
                continue
            head = _common_start(opening, other)
            if head and is_name(head):
                found[head].update((report, other_report))
    # A name counts every report one of its clauses opens with it ("分层存储" in a third report).
    for name in found:
        key = name.casefold()
        found[name].update(report for opening, report in openings if opening.casefold().startswith(key))
    return {
        name: reports
        for name, reports in found.items()
        if len(reports) >= _MIN_REPORTS
        and not _labels_a_figure(name, openings)
        and not _a_persons_name(name, [text for _, text in rows])
    }


# A version after a name is the release it speaks of, not a figure it labels: "qt-migrate 0.3 没能在
# 2月底发出来", "Relay 2.1 is out".
_VERSION_NEXT = re.compile(r"v?\d+\.\d+(?:\.\d+)?(?:-?(?:rc|beta|alpha)\d*)?\s+(?![\d%％])[^\W\d_]", re.I)


def _labels_a_figure(name: str, openings: list[tuple[str, str]]) -> bool:
    """Most clauses opening with the phrase go on with a figure ("新客次留 37.9%", "GMV +2%"):
    the phrase names a metric."""
    key = name.casefold()
    after = [opening[len(name) :].lstrip() for opening, _ in openings if opening.casefold().startswith(key)]
    figures = sum(
        bool(re.match(r"[-+±]?\d", rest)) and not _VERSION_NEXT.match(rest) and not _opens_with_day(rest)
        for rest in after
    )
    return bool(after) and figures * 2 >= len(after)


def _opens_with_day(text: str) -> bool:
    """ "7/11上线的计划不变" after "夏日祭典": a day the phrase's news is on, not a figure it labels."""
    return any(hit.start == 0 for hit in find_dates(text, date(2000, 1, 1)))


def _key(text: str) -> str:
    return re.sub(r"\s", "", nfkc(text).casefold())


def series_names(
    passages: Iterable[tuple[str, date, str]],
    known: Iterable[str],
    owners: Iterable[str],
    lone: Iterable[str] = (),
) -> list[NameStat]:
    """The names one series' signal sentences give that its layout never did, as tentative names
    (`passages`: report, its date, sentence). A candidate inside a name the series already knows
    is that name written short (unless the known name is it with a version: a release of it); one
    that opens with a known name ("Orca 量产固件" beside "Orca")
    is that project's part, and would join and rename it (`identity` links a tentative name into
    the project it opens with); one that is a person the series names as an owner ("Kofi
    Mensah") is nobody's project: all are left out. A `lone` name (one report's lead gave it, as
    `闸门限流SDK 2.0升级：还是 12/20`) that the sentences give whole is returned as found."""
    rows = list(passages)
    dates = {report: day for report, day, _ in rows}
    lone_keys = {_key(name) for name in lone}
    known_keys = [_key(name) for name in known]
    owner_keys = {_key(name) for name in owners}
    out = []
    for name, reports in sorted(discover((report, text) for report, _, text in rows).items()):
        key = _key(name)
        if (
            key not in lone_keys
            and any(
                (key in other and not _VERSION_OF.fullmatch(other[len(key) :])) or key.startswith(other)
                for other in known_keys
                if other
            )
        ) or any(key in owner for owner in owner_keys):
            continue
        first = min(dates[report] for report in reports)
        out.append(NameStat(name, first, len(reports), tentative=True))
    return out


# What a known name adds to a candidate when it is one of its releases ("qingtan-py" and the
# "qingtan-py 1.0" a releases section names): the candidate is the project, the release its part.
_VERSION_OF = re.compile(r"v?\d+(?:\.\d+){1,2}")


_TITLE_WORDS = re.compile(r"(?-i:[A-Z][^\W\d_]+)(?:\s+(?-i:[A-Z][^\W\d_]+)){1,2}")


def _a_persons_name(name: str, texts: list[str]) -> bool:
    """A pair of capitalised words whose first word also stands alone before a verb ("Maren
    Oduya" beside "Maren still thinks 4.2 is achievable"): a person, whom a team calls by the
    first name; a project is not called by its first word alone."""
    if not _TITLE_WORDS.fullmatch(name):
        return False
    first, second = name.split()[0], name.split()[1]
    alone = re.compile(
        rf"\b{re.escape(first)}\s+(?!{re.escape(second)}\b)(?-i:[a-z])|\b{re.escape(first)}'s\b"
    )
    return any(alone.search(nfkc(text)) for text in texts)
