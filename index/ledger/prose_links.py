"""Name the sentences a report kept (`prose.Passage`) with its series' known projects.

A later sentence of a line that names no known project goes on about the project the line's
first clause names ("CampusNight 的隐私审核没通过。所以 dataset release 推到下个月中。"), for its
dates, progress and health; a lifecycle word there may be another thing's news.

A sentence is a project's observation for its report when it names exactly one known project
(one of the series' project names, in any spelling the identity linked) no later than the
clause holding its first signal: "CampusNight 的 dataset release 月底肯定来不及了，推到下个月中"
is CampusNight's; "帮积分2.0准备灰度名单，聚合接单继续暂停" names two and is left alone, as is a
name written after the news it does not own ("…已上线，下周接着做标定平台"); names after that clause
do not count against it ("Orin 部署还是六成，这周基本没动，时间都给了 CH 项目和 CVPR"). Names shorter than
three characters (`SDK` aside a longer spelling, `0.9`) are words of other sentences too often.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from index.ledger.prose import Passage
from index.ledger.signals import RANK
from index.schemas import Observation
from index.text.normalise import nfkc

_MIN_NAME = 3
_WORDY = re.compile(r"[^\W\d_]")
_LATIN_EDGE = re.compile(r"[a-z0-9]")


@dataclass(frozen=True)
class _Name:
    compact: str
    spelling: str
    canonical: str


def _compact(text: str) -> tuple[str, list[int]]:
    """The text folded for matching (NFKC, case, no whitespace) and each kept character's index."""
    folded = nfkc(text).casefold()
    kept = [(index, char) for index, char in enumerate(folded) if not char.isspace()]
    return "".join(char for _, char in kept), [index for index, _ in kept]


# A Chinese name's kind word, which running text often leaves off: "移动办公平台二期项目" is written
# "移动办公平台二期已于5月14日正式上线" in a summary line. Written from gov-gongwen-zh.
_KIND_SUFFIX = re.compile(r"(?<=[\u4e00-\u9fff\w)）])(?:建设)?(?:项目|工程)$")
_MIN_BARE_HAN = 4


# An English name's kind word, which running text leaves off too: "Docs site migration" is written
# "The new docs site went live on September 29". Written from monthly-goals-en.
_KIND_SUFFIX_EN = re.compile(
    r"\s+(?:migration|project|rollout|roll-out|upgrade|rebuild|revamp|redesign|refresh|overhaul|programme|program)$",
    re.I,
)
_MIN_BARE_WORDS = 2


def _with_bare_forms(names: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The names, and each Chinese one without its kind word ("…二期项目" -> "…二期") when at least
    four characters are left, each English one ("Docs site migration" -> "Docs site") when two
    words are."""
    out = list(names)
    for spelling, canonical in list(out):
        written = nfkc(spelling).strip()
        bare = _KIND_SUFFIX.sub("", written)
        if bare != written and sum("\u4e00" <= c <= "\u9fff" for c in bare) >= _MIN_BARE_HAN:
            out.append((bare, canonical))
        bare = _KIND_SUFFIX_EN.sub("", written)
        if bare != written and len(bare.split()) >= _MIN_BARE_WORDS and bare.isascii():
            out.append((bare, canonical))
    return out


class Vocabulary:
    """A series' project names, each with the canonical project it names."""

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        found: dict[str, _Name] = {}
        for spelling, canonical in sorted(_with_bare_forms(names)):
            compact, _ = _compact(spelling)
            if len(compact) < _MIN_NAME or not _WORDY.search(compact):
                continue
            known = found.get(compact)
            if known is not None and known.canonical != canonical:
                found[compact] = _Name(compact, spelling, "")  # one spelling, two projects: neither
            elif known is None:
                found[compact] = _Name(compact, spelling, canonical)
        # A name inside another project's name ("Refill Flow" beside "ePrescribe Refill Flow", which
        # identity left apart) may mean either: a sentence naming it is nobody's.
        for name in list(found.values()):
            if any(
                name.compact in other.compact and other.canonical != name.canonical
                for other in found.values()
                if other.compact != name.compact
            ):
                found[name.compact] = _Name(name.compact, name.spelling, "")
        self._names = sorted(found.values(), key=lambda n: (-len(n.compact), n.compact))
        # Derive asks about one sentence several times (whose is it? what does its container's
        # body name? does it name anything before its news?): each text is matched once.
        self._seen: dict[str, tuple[tuple[int, _Name], ...]] = {}

    def named(self, text: str) -> list[tuple[int, _Name]]:
        """(start in `text`, name) for each known name written in it, longest first at any place."""
        hits = self._seen.get(text)
        if hits is None:
            hits = self._seen[text] = tuple(self._match(text))
        return list(hits)

    def _match(self, text: str) -> list[tuple[int, _Name]]:
        folded = nfkc(text).casefold()
        # Most sentences name nothing known: find that out before mapping each character back.
        # (`str.split()` drops exactly the characters `str.isspace()` calls whitespace.)
        squeezed = "".join(folded.split())
        present = [name for name in self._names if name.compact in squeezed]
        if not present:
            return []
        compact, where = _compact(text)
        taken = [False] * len(compact)
        hits: list[tuple[int, _Name]] = []
        for name in present:
            start = compact.find(name.compact)
            while start >= 0:
                end = start + len(name.compact)
                if not any(taken[start:end]) and _whole_word(folded, where[start], where[end - 1]):
                    taken[start:end] = [True] * (end - start)
                    hits.append((where[start], name))
                start = compact.find(name.compact, start + 1)
        return sorted(hits, key=lambda hit: hit[0])


def _whole_word(folded: str, first: int, last: int) -> bool:
    """A Latin name is not part of a longer word (`SDK` in `SDKs`, `Orin` in `Oring`)."""
    before = folded[first - 1] if first > 0 else " "
    after = folded[last + 1] if last + 1 < len(folded) else " "
    if _LATIN_EDGE.match(folded[first]) and _LATIN_EDGE.match(before):
        return False
    return not (_LATIN_EDGE.match(folded[last]) and _LATIN_EDGE.match(after))


# "Refill Flow and Dark Mode both shipped", "看板和预售页都上线了": the news is several things', one
# of them perhaps no project the series knows by name.
_AND_AFTER = re.compile(r"\s*(?:and|&|plus|和|与|及|以及|、|/)(?:\s|(?=[^\W\d_]))", re.I)
_AND_BEFORE = re.compile(r"(?:\band|&|和|与|及|、|/)\s*$", re.I)


def _coordinated(text: str, start: int, name: _Name) -> bool:
    """The name is one of several subjects joined by "and", "和", "、"."""
    compact = 0
    end = start
    while end < len(text) and compact < len(name.compact):
        compact += not text[end].isspace()
        end += 1
    return bool(_AND_AFTER.match(text, end) or _AND_BEFORE.search(text[:start]))


def link_passages(vocabulary: Vocabulary, passages: Iterable[Passage]) -> list[tuple[str, Observation]]:
    """(canonical project, its observation) for each passage that names one known project up front."""
    out: list[tuple[str, Observation]] = []
    for passage in passages:
        named = _one_project(vocabulary, passage.text, passage.reach, passage.signal)
        # a name after the clause holding the news does not own it ("…hoping for sign-off by the end
        # of March, so that Repairs can see…" goes on about the paragraph's subject)
        ahead = [start for start, _ in vocabulary.named(passage.text) if start < passage.reach]
        inherited = named is None and not ahead and bool(passage.opening)
        if inherited:
            named = _one_project(vocabulary, passage.opening, len(passage.opening))
        if named is None and passage.title and not vocabulary.named(f"{passage.opening}\n{passage.text}"):
            # "1. OTA rollout" over "So the 100% step on the 27th is off. New date is 14 Mar.":
            # a block's lines that name nothing are about its title's project.
            named = _one_project(vocabulary, passage.title, len(passage.title))
            inherited = named is not None
        if named is None:
            continue
        obs = passage.observation.model_copy(
            update={"project": named.spelling, "canonical": named.canonical, "origin": "prose"}
        )
        if inherited:
            _health_only(obs)
        out.append((named.canonical, obs))
    return out


def _one_project(vocabulary: Vocabulary, text: str, reach: int, signal: int = -1) -> _Name | None:
    """The one project named up to the end of the clause the observation cites. A name after it
    is where the sentence goes on to other work ("Orin 部署还是六成，时间都给了 CH 项目和 CVPR"); so is
    one after the signal itself when only one is named before it ("Jamal got to 64 of 120 templates
    before being pulled onto Repairs")."""
    hits = [(start, name) for start, name in vocabulary.named(text) if start < reach]
    projects = {name.canonical for _, name in hits}
    if len(projects) > 1 and signal >= 0:
        ahead = [(start, name) for start, name in hits if start < signal]
        if len({name.canonical for _, name in ahead}) == 1:
            hits, projects = ahead, {name.canonical for _, name in ahead}
    if len(projects) != 1 or "" in projects:
        return None
    start, name = hits[0]
    if _coordinated(text, start, name):
        return None
    return name


def _health_only(obs: Observation) -> None:
    """A later sentence of a paragraph about a project keeps its schedule and health, not a
    lifecycle word: "…the vendor shipped a fix" is often another thing's news."""
    if obs.status is not None and obs.status not in RANK:
        obs.status = obs.status_text = obs.status_evidence = obs.status_was = obs.completed_on = None
