"""Which known projects (or metrics) a question names: whole names, aliases, or a long common
part, since questions drop suffixes ("风控引擎" for "风控决策引擎迁移")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property, lru_cache

from index.ledger.name_joins import ITEM_KEY
from index.ledger.name_rules import elided, subsequence
from index.text.cjk import has_han
from index.text.normalise import nfkc, plain_key, stem
from summarizer.planning.intent import INTENT_KEYWORDS
from summarizer.planning.question_words import FUNCTION_CHARS, GENERIC_WORDS, PHRASES


@dataclass(frozen=True)
class ProjectRef:
    """A ledger project (or metric) with the names it is known by."""

    name: str
    aliases: tuple[str, ...] = ()


class ProjectIndex(list[ProjectRef]):
    """Projects, and which of them share a character pair with a text: the only ones a question
    can name (a whole name, an alias or a common part of three or more characters all share
    one), so linking compares a question with a few names, not every name in the ledger."""

    def __init__(self, projects: Sequence[ProjectRef] = ()) -> None:
        super().__init__(projects)
        self._by_pair: dict[str, set[int]] = {}
        for i, project in enumerate(self):
            for name in (project.name, *project.aliases):
                key = plain_key(name)
                for j in range(len(key) - 1):
                    self._by_pair.setdefault(key[j : j + 2], set()).add(i)

    @cached_property
    def tails(self) -> Counter[str]:
        """How many projects' names end with each Han tail (`_tail_link`)."""
        return _name_tails(self)

    @cached_property
    def heads(self) -> Counter[str]:
        """How many projects' names open with each word (`_head_word_link`)."""
        return _name_heads(self)

    def near(self, text: str) -> list[ProjectRef]:
        folded = plain_key(text)
        found: set[int] = set()
        for j in range(len(folded) - 1):
            found |= self._by_pair.get(folded[j : j + 2], set())
        return [self[i] for i in sorted(found)]


def _spaced(text: str) -> str:
    """Words of the text between spaces; a Latin name written against Chinese ("SOC2现在进展怎么样")
    is a word of its own."""
    return " " + " ".join(re.findall(r"[a-z0-9]+|[^\W_a-z0-9]+", text.casefold())) + " "


# Words a long Latin name may drop in a question ("the bug bounty launch" for "Bug bounty program
# launch"): at least this share of its content words, two or more, must be there.
WORD_SHARE = 0.66
NAME_STOP = frozenset(["a", "an", "the", "of", "for", "and", "to", "in", "on", "at", "by", "with", "v"])


def _most_words(words: tuple[str, ...], asked: frozenset[str]) -> float:
    """Share of a Latin name's content words (three or more; `words`, stemmed) the question uses
    (`asked`, its words stemmed); 0 below two words, below `WORD_SHARE`, or when only numbers match."""
    if len(words) < 3:
        return 0.0
    found = [w for w in words if w in asked]
    share = len(found) / len(words)
    # (numbers alone name nothing: `RFI-112 answered 10/12` is not "第12期 … 4月10日")
    lettered = any(not w.replace(".", "").isdigit() for w in found)
    return share if len(found) >= 2 and share >= WORD_SHARE and lettered else 0.0


# A run of a Latin name's words a question may use alone: "parallel front-end" for "Parallel
# front-end on by default on nightly", "feature store" for "fs-mig (feature store 迁 infra 新集群)".
RUN_SHARE = 0.5
RUN_CHARS = 10


def _word_run(words: tuple[str, ...], spaced: str) -> float:
    """Share of a name's Latin content words (`words`) covered by the longest run of consecutive
    ones the question writes as a phrase (two or more words, ten or more letters); 0 unless it is
    more than `RUN_SHARE` ("the API gateway" is half of "Checkout API Gateway Migration": no link)."""
    best = 0
    for i in range(len(words)):
        for j in range(len(words), i + 1, -1):
            run = words[i:j]
            if j - i > best and sum(map(len, run)) >= RUN_CHARS and f" {' '.join(run)} " in spaced:
                best = j - i
                break
    share = best / len(words) if words else 0.0
    return share if best >= 2 and share > RUN_SHARE else 0.0


# A board's short code before the title (`WS4 Freezer Inventory Migration`, `KR2 召回模型`, `P1 …`).
_LEAD_CODE = re.compile(r"[A-Z]{1,4}\d{1,3}(?=\s)")


def _spoken(name: str) -> str | None:
    """The name without its leading tracker key ("MOB-412 Offline sync" -> "Offline sync") or board
    code ("WS4 Freezer Inventory Migration"): people
    ask about the work by its title; None when no key leads or the title left is one short word."""
    match = ITEM_KEY.match(name.strip())
    if match is None and name.isascii():
        # (a board code before Latin words only: before Han words its name is found inside the
        # question's as it stands, and `FD3 智能派单` would outrank another team's `智能派单二期`)
        match = _LEAD_CODE.match(name.strip())
    if match is None:
        return None
    rest = name.strip()[match.end() :].strip(" :：-—–·|")
    words = re.findall(r"[^\W_]+", rest)
    return rest if len(words) >= 2 or (rest and not rest.isascii()) else None


# An acronym written in capitals ("EDR", "PCI", "SVM") names the one project whose name holds it,
# whatever language the rest of the question is in ("EDR 在构建服务器上的部署为什么延期了？").
_ACRONYM = re.compile(r"(?<![A-Za-z0-9])[A-Z]{3,6}(?![A-Za-z0-9])")
_NUMBER_CODE = re.compile(r"(?<![\d.,/:])\d{3,6}(?![\d.,/:%])")
_YEAR_LIKE = re.compile(r"(?:19|20)\d{2}")
ACRONYM_SCORE = 0.6


def _acronym_links(question: str, projects: Sequence[ProjectRef]) -> dict[str, float]:
    """Projects named by a capitalised acronym of the question that exactly one project's names
    hold as a word; an acronym several projects share ("API", "SDK") names none of them. A
    question that also uses other words of the name ("the API gateway") names it in part, which
    the word rules judge, not the acronym."""
    asked = set(_spaced(question).split())
    out: dict[str, float] = {}
    # a number code one project's name writes ("the 1104 automation project" of "1104报表自动化取数改造")
    codes = {c for c in _NUMBER_CODE.findall(question) if not _YEAR_LIKE.fullmatch(c)}
    for acronym in set(_ACRONYM.findall(question)) | codes:
        holders = set()
        for p in projects:
            for name in (p.name, *p.aliases):
                if re.search(rf"(?<![A-Za-z0-9]){acronym}(?![A-Za-z0-9])", name):
                    words = set(_spaced(name).split()) - NAME_STOP - {acronym.casefold()}
                    if not words & asked:
                        holders.add(p.name)
                    else:
                        holders.add("")  # named in part: no link through the acronym
        if not holders:
            # never written in any name: the initials of one (`FRJ` of `Friends Renewals Journey`, w46-f)
            holders = {
                p.name for p in projects for name in (p.name, *p.aliases) if _initials(name) == acronym
            }
        if len(holders) == 1 and "" not in holders:
            out[holders.pop()] = ACRONYM_SCORE
    return out


_TITLE_WORD = re.compile(r"(?<![\w'])[A-Z][a-z]+")
_MINOR_WORDS = frozenset({"and", "of", "the", "for", "to", "in", "on", "at", "a", "an"})


def _initials(name: str) -> str:
    """The initials of a name written in capitalised words (`Friends Renewals Journey` -> `FRJ`);
    "" for any other name (a lower-case or Han word in it, or fewer than three words)."""
    words = [w for w in re.findall(r"[^\W_]+", name) if w.lower() not in _MINOR_WORDS]
    if len(words) < 3 or not all(_TITLE_WORD.fullmatch(w) for w in words):
        return ""
    return "".join(w[0] for w in words)


_GLOSS = re.compile(r"[(（]([^()（）]+)[)）]\s*$")


def _glossed(name: str) -> str | None:
    """What a name's closing parenthesis says it is ("fs-mig (feature store 迁 infra 新集群)" ->
    "feature store 迁 infra 新集群"): teams gloss a code name, and people ask by the gloss. Only
    glosses of two or more words; a single word in brackets is an owner or a note."""
    match = _GLOSS.search(name.strip())
    if match is None:
        return None
    gloss = match[1].strip()
    return gloss if len(re.findall(r"[^\W_]+", gloss)) >= 2 else None


def unglossed(name: str) -> str | None:
    """The name before its closing parenthesis ("SCADA cutover (GrowOS 2.6)" -> "SCADA cutover"):
    people ask by the name and leave the note out. Only when two words or four Han characters stay."""
    match = _GLOSS.search(name.strip())
    if match is None:
        return None
    rest = name.strip()[: match.start()].strip(" :：-—–·|")
    words = re.findall(r"[^\W_]+", rest)
    return rest if len(words) >= 2 or len(re.findall(r"[\u4e00-\u9fff]", rest)) >= 4 else None


def _as_words(shared: str, question: str) -> bool:
    """True when a common part that starts or ends in Latin letters is whole words of the question
    there: "ral" of "RA-L 返修" inside "parallel" names nothing; "Orin" of "Orin 部署" does."""
    first, last = shared[0], shared[-1]
    head = r"(?<![a-z0-9])" if first.isascii() and first.isalnum() else ""
    tail = r"(?![a-z0-9])" if last.isascii() and last.isalnum() else ""
    body = r"[\W_]*".join(map(re.escape, shared))
    return bool(re.search(head + body + tail, nfkc(question).casefold()))


# Words a roadmap's or a post's headings are made of ("Now", "Next", "Later", "What's next") that a
# question also uses to ask ("where is X now?", "the next few weeks"): a name made only of them is
# a heading the layout read as a project, and the question's own words would link it.
_ASKING_TEXT = """what whats s next now later soon then new up coming upcoming this that last week month done
today here there where when how why who which is are was were"""
_ASKING = frozenset(_ASKING_TEXT.split())


def _asking_only(name: str) -> bool:
    """True when a Latin name's words are all asking, time or function words ("Now", "What's next")."""
    folded = nfkc(name).casefold()
    words = re.findall(r"[a-z0-9]+", folded)
    letters = re.sub(r"[\W_]+", "", folded)
    return bool(words) and letters.isascii() and all(w in _ASKING or w in NAME_STOP for w in words)


# Han words a question goes on with after a name: what it asks ("进展", "为什么", "延期"), not more name.
_ASKED_HAN = tuple(
    w for w in (*PHRASES, *GENERIC_WORDS, *(k for _, words in INTENT_KEYWORDS for k in words)) if has_han(w)
)


def _diverges(folded: str, key: str, at: int, size: int, end: int) -> bool:
    """True when the question goes on naming something else where the project's name goes on
    too: "数据资产管理平台" shares "数据资产" with "数据资产目录", then says "管理" where the name says
    "目录". A question dropping a middle part ("风控引擎" of "风控决策引擎迁移": 引擎 comes later in
    the name) or going on with what it asks ("数据资产进展如何") still names it."""
    rest = key[end:]
    after = folded[at + size : at + size + 2]
    # A Latin word shared ("Orin" of "Orin 部署") is a whole word of its own: what follows is the question's.
    if (
        not rest
        or not has_han(folded[at + size - 1])
        or len(after) < 2
        or not all(has_han(c) for c in after)
        or after[0] in FUNCTION_CHARS
    ):
        return False
    if any(w.startswith(after) for w in _ASKED_HAN):
        return False
    return after not in rest


_NUMERALS = frozenset("0123456789一二三四五六七八九十两")


def _other_number(folded: str, key: str, at: int, key_at: int, size: int) -> bool:
    """The question and the name share all but the number beside it: "第一批门店切换" is not
    "第二批门店切换", "扩容一期" not "扩容二期"; a different number names a different batch or phase."""
    pairs = [(at - 1, key_at - 1), (at + size, key_at + size)]
    return any(
        0 <= q < len(folded)
        and 0 <= k < len(key)
        and folded[q] in _NUMERALS
        and key[k] in _NUMERALS
        and folded[q] != key[k]
        for q, k in pairs
    )


@dataclass(frozen=True)
class _NameForm:
    """What linking compares of one name, worked out once per name: a question is compared with
    every project that shares a character pair with it, and the zoo asks thousands of them."""

    key: str
    spaced: str
    content: tuple[str, ...]  # Latin content words, as written
    stems: tuple[str, ...]  # the same words stemmed
    coded: bool = False  # the name opens with a code (`OCC`, `S4`), not a word of the language
    runs: frozenset[str] = frozenset()  # the key's runs of three characters


@lru_cache(maxsize=65536)
def _name_form(name: str) -> _NameForm | None:
    """The name's form, or None for a name too short to name anything or made of asking words."""
    key = plain_key(name)
    if len(key) < 2 or (key.isascii() and len(key) < 3) or _asking_only(name):
        return None
    content = tuple(w for w in re.findall(r"[a-z0-9]+", name.casefold()) if w not in NAME_STOP)
    coded = _LEAD_CODE_WORD.match(name.strip()) is not None
    runs = frozenset(key[i : i + 3] for i in range(len(key) - 2))
    return _NameForm(key, _spaced(name), content, tuple(map(stem, content)), coded, runs)


# A name's first word that is a code: capitals (`OCC`, `MDM`) or letters with a figure (`S4`, `T8`).
_LEAD_CODE_WORD = re.compile(r"(?:[A-Z]{2,6}|[A-Za-z]+\d[A-Za-z\d]*)(?![A-Za-z0-9])")


@lru_cache(maxsize=16384)
def _name_forms(known: tuple[str, ...]) -> tuple[_NameForm, ...]:
    """A project's names, aliases, their titles without a tracker key and their glosses, as forms."""
    spellings = (
        *known,
        *filter(None, map(_spoken, known)),
        *filter(None, map(_glossed, known)),
        *filter(None, map(unglossed, known)),
        *filter(None, map(_unpartnered, known)),
    )
    return tuple(form for form in map(_name_form, spellings) if form is not None)


_PARTNER = re.compile(r"^(.+?)\s+(?:w/|with)\s+\S", re.I)
_PARTNERED_WORDS = 3


def _unpartnered(name: str) -> str | None:
    """The work a name says, without whom it is with ("Antibody history exchange w/ KFCH (AbX)" ->
    "Antibody history exchange"): people ask "the antibody exchange with Kettering Falls", the
    partner by another name. Only a Latin title of three words or more before it (a shorter one,
    "Integration with SAP", is no name without its partner)."""
    match = _PARTNER.match(name)
    if match is None or not match[1].isascii() or len(match[1].split()) < _PARTNERED_WORDS:
        return None
    return match[1]


def link_projects(question: str, projects: Sequence[ProjectRef], min_ratio: float = 0.6) -> list[str]:
    """Canonical names of projects named in the question: a name or alias contained in it (whole
    words for Latin names, or most words of a long one), or a long common substring, since
    questions drop suffixes ("风控引擎" for "风控决策引擎迁移")."""
    return list(link_scores(question, projects, min_ratio))


# A link score from this up is a name or alias the question writes whole.
WHOLE = 1.0


def whole_links(question: str, projects: Sequence[ProjectRef]) -> list[str]:
    """The linked projects the question names by a whole name or alias, when it names any that
    way; else every linked one. "审计日志导出（Audit log export）" writes one team's project whole
    and shares only two words with another team's "Audit Log Retention": the first says which
    team the question is about, the second is a near name."""
    scores = link_scores(question, projects)
    whole = [n for n, score in scores.items() if score >= WHOLE]
    return whole or list(scores)


_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{4,}")
# A Han name with a standard's or version's number inside (`等保20三级测评整改`): written short, its
# ends are kept and the middle with the number left out.
_HAN_ENDS = re.compile(r"[\u4e00-\u9fff]{2}.*[\u4e00-\u9fff]{2}")


def _abbreviated(key: str, folded: str) -> float:
    """A Chinese name written short in the question, its first and last two characters kept and the
    rest in order ("千川盯盘脚本" for "千川自动盯盘脚本"): scored as the share of the name it keeps."""
    if not _HAN_NAME.fullmatch(key):
        return _elided_link(key, folded)
    best = 0.0
    for written in _end_spans(folded, key):
        if len(written) >= max(4, 0.6 * len(key)) and len(written) < len(key) and subsequence(written, key):
            best = max(best, len(written) / len(key))
    return best


def _end_spans(text: str, name: str) -> Iterator[str]:
    """Each span of `text` that opens with the name's first two characters and closes with its last
    two: where a Chinese name written short may stand."""
    start = text.find(name[:2])
    while start >= 0:
        end = text.find(name[-2:], start + 2)
        if end >= 0:
            yield text[start : end + 2]
        start = text.find(name[:2], start + 1)


def _elided_link(key: str, folded: str) -> float:
    """ "等保整改" asked of `等保2.0三级测评整改`: the name's first and last characters with its middle
    left out (`name_rules.elided`), linked at the lowest score that links."""
    if not _HAN_ENDS.fullmatch(key):
        return 0.0
    return _ELIDED_SCORE if any(elided(written, key) for written in _end_spans(folded, key)) else 0.0


_ELIDED_SCORE = 0.6


def _ends_link(form: _NameForm, spaced: str) -> float:
    """ "the OCC interface" asked of `OCC flight hours/cycles interface`: a long Latin name that opens
    with a code, its code and last word written together, the middle left out, as `_elided_link`
    reads a Han name. Only a code: "open migration defects" names no `Open Data Portal Migration`."""
    words = form.content
    return _ELIDED_SCORE if form.coded and len(words) >= 3 and f" {words[0]} {words[-1]} " in spaced else 0.0


def written_short(question: str, name: str) -> str | None:
    """The span of the question that writes a linked Han name short ("等保整改" for
    `等保2.0三级测评整改`, "千川盯盘脚本" for `千川自动盯盘脚本`): removed with the name, so its words
    are not taken for what is asked of the project."""
    if len(name) < 4 or not has_han(name[:2] + name[-2:]):
        return None
    return next(
        (
            written
            for written in _end_spans(question, name)
            if len(written) < len(name) and subsequence(written, name)
        ),
        None,
    )


# A Chinese name called by its tail: at least so many characters of it.
_MIN_TAIL = 4
_HAN_TAIL = re.compile(r"[\u4e00-\u9fff]+$")


def _tails(key: str) -> list[str]:
    """The ends of a name's closing Han run, four characters or more, short of the whole name."""
    run = _HAN_TAIL.search(key)
    if run is None:
        return []
    return [key[i:] for i in range(max(run.start(), 1), len(key) - _MIN_TAIL + 1)]


def _name_tails(projects: Sequence[ProjectRef]) -> Counter[str]:
    """How many projects' names end with each Han tail (`_tail_link`)."""
    tails: Counter[str] = Counter()
    for project in projects:
        tails.update(
            {tail for form in _name_forms((project.name, *project.aliases)) for tail in _tails(form.key)}
        )
    return tails


def _tail_link(key: str, folded: str, tails: Counter[str]) -> float:
    """ "备调建设是不是逾期了" of `地县一体化备调建设`: a Chinese name called by its last four characters
    or more, written as a word of the question (what follows it no Han word of its own: not the
    `数据采集` of "数据采集完整率"), when no other project's name ends with them; linked at the
    lowest score that links (w45-e)."""
    for tail in _tails(key):
        if tails[tail] != 1:
            continue
        at = folded.find(tail)
        while at >= 0:
            after = folded[at + len(tail) : at + len(tail) + 1]
            if not after or not has_han(after) or after in FUNCTION_CHARS:
                return _ELIDED_SCORE
            at = folded.find(tail, at + 1)
    return 0.0


def _name_heads(projects: Sequence[ProjectRef]) -> Counter[str]:
    heads: Counter[str] = Counter()
    for project in projects:
        firsts = {form.content[0] for form in _name_forms((project.name, *project.aliases)) if form.content}
        heads.update(firsts)
    return heads


# A word the question writes capitalised, not its first: what may be a code name ("Bastion").
_CAPITALISED = re.compile(r"(?<=[\s(\"'“‘])([A-Z][a-z]{3,})\b")
# Two or more capitalised words in a row (`Gift Aid` of "Gift Aid 数据清洗项目为什么…").
_TITLE_RUN = re.compile(r"(?<![A-Za-z])[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+(?![A-Za-z])")


def _head_words_links(question: str, projects: Sequence[ProjectRef]) -> dict[str, float]:
    """The one project whose name opens with a run of capitalised words the question writes
    (`Gift Aid` of `Gift Aid Declaration Cleanse`, asked in Chinese with the rest of the name said
    in Chinese, w46-f): its first words name it when no other name opens so."""
    out: dict[str, float] = {}
    for run in _TITLE_RUN.findall(question):
        key = run.casefold()
        holders = {
            p.name
            for p in projects
            for name in (p.name, *p.aliases)
            if name.casefold().startswith(key) and name[len(run) : len(run) + 1] in ("", " ")
        }
        if len(holders) == 1:
            out[holders.pop()] = ACRONYM_SCORE
    return out


def _head_word_link(form: _NameForm, named: frozenset[str], heads: Counter[str]) -> float:
    """ "Bastion" asked of `Bastion relay (DDoS edge)`: a name of two words or more called by its
    first, capitalised in the question as a code name is, when no other project's name opens with
    it; linked at the lowest score that links (w44-b)."""
    if len(form.content) < 2 or form.content[0] not in named or heads[form.content[0]] != 1:
        return 0.0
    return _ELIDED_SCORE


def link_scores(question: str, projects: Sequence[ProjectRef], min_ratio: float = 0.6) -> dict[str, float]:
    """`link_projects` with each name's score, best first."""
    folded, spaced = plain_key(question), _spaced(question)
    words = frozenset(spaced.split())
    named = frozenset(word.casefold() for word in _CAPITALISED.findall(question))
    heads = (
        (projects.heads if isinstance(projects, ProjectIndex) else _name_heads(projects))
        if named
        else Counter()
    )
    asked = frozenset(map(stem, words))
    tails: Counter[str] | None = None  # counted when a Chinese name is first compared
    # Every common run of three characters the question holds: a name sharing none of them has no
    # common part long enough to link (the check below), so the matcher is not built for it.
    runs = {folded[i : i + 3] for i in range(len(folded) - 2)}
    scored: dict[str, float] = {}
    for project in projects.near(question) if isinstance(projects, ProjectIndex) else projects:
        best = 0.0
        for form in _name_forms((project.name, *project.aliases)):
            key = form.key
            # A run of the name's words, or most of them, needs one of them in the question.
            shares_word = not words.isdisjoint(form.content)
            if key.isascii():
                if form.spaced in spaced:
                    best = max(best, 1.0 + len(key) / 100)
                elif shares_word or not asked.isdisjoint(form.stems):
                    best = max(
                        best,
                        _most_words(form.stems, asked),
                        _word_run(form.content, spaced),
                        _ends_link(form, spaced),
                        _head_word_link(form, named, heads),
                    )
                continue
            if shares_word:  # "feature store" of a mixed-script name
                best = max(best, _word_run(form.content, spaced))
            if key in folded:
                best = max(best, 1.0 + len(key) / 100)
                continue
            best = max(best, _abbreviated(key, folded))
            if not best and _HAN_TAIL.search(key):
                if tails is None:
                    tails = projects.tails if isinstance(projects, ProjectIndex) else _name_tails(projects)
                best = _tail_link(key, folded, tails)
            if form.runs.isdisjoint(runs):
                continue
            match = SequenceMatcher(None, folded, key, autojunk=False).find_longest_match()
            ratio = match.size / len(key)
            shared = folded[match.a : match.a + match.size]
            # A shared year or number ("2025年") names no project: count letters, not digits.
            if (
                sum(not c.isdigit() for c in shared) >= 3
                and ratio >= min_ratio
                and _as_words(shared, question)
                and not _diverges(folded, key, match.a, match.size, match.b + match.size)
                and not _other_number(folded, key, match.a, match.b, match.size)
            ):
                best = max(best, ratio)
        if best:
            scored[project.name] = best
    if not scored:
        scored = _acronym_links(question, projects) or _head_words_links(question, projects)
    names = sorted(scored, key=lambda n: (-scored[n], n))
    # A name inside a longer linked name is the same mention ("风控" inside "风控决策引擎迁移").
    return {n: scored[n] for n in names if not any(n != m and plain_key(n) in plain_key(m) for m in names)}
