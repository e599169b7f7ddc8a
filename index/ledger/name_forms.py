"""Two English spellings of one project name that string containment cannot see.

A changelog writes "Flag scheduling" one week and "Scheduled flags" the next (the same words,
reordered and inflected), or "OpenTelemetry trace ingestion" and then "OTel traces" (a clipped
camel-case word plus an inflected one). `name_rules.related` asks these after its containment and
abbreviation rules; like them, they only propose a link, which the identity takes only when a
name fits one project of its own series.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from index.text.normalise import PARENS, nfkc

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_SUFFIX = re.compile(r"(?:ings?|ions?|ed|es|ers?|s|e)$")
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+")
# Words too common in project names to carry a link on their own ("v2", "the", "api" is kept).
_FILLER = frozenset({"the", "a", "an", "of", "for", "and", "to", "in", "on", "new", "v"})


def stem(word: str) -> str:
    """A crude English stem: "scheduling", "scheduled", "schedule" -> "schedul"; "flags" -> "flag"."""
    word = word.casefold()
    cut = _SUFFIX.sub("", word)
    return cut if len(cut) >= 3 else word


@lru_cache(maxsize=1 << 14)
def _words(name: str) -> tuple[str, ...]:
    """The name's words as written (case kept), without parentheticals, fillers or versions."""
    return tuple(
        w
        for w in _WORD.findall(PARENS.sub(" ", nfkc(name)))
        if w.casefold() not in _FILLER and not re.fullmatch(r"v\d+|p\d+|phase|stage", w, re.I)
    )


def reordered(short_name: str, long_name: str) -> bool:
    """The same words in another order or inflection ("Scheduled flags" for "Flag scheduling"),
    or three or more of them inside a name with one word more ("Evaluation anomaly alerts" for
    "Anomaly alerts for flag evaluations")."""
    a, b = sorted(map(stem, _words(short_name))), sorted(map(stem, _words(long_name)))
    if len(a) > len(b):
        a, b = b, a
    if len(a) < 2 or len(b) - len(a) > (1 if len(a) >= 3 else 0) or len(set(a)) < len(a):
        return False
    return all(word in b for word in a)


def reorder_marks(name: str) -> set[str]:
    """Block marks reordered spellings share: each of their stems (one is always shared)."""
    words = _words(name)
    return {"r" + stem(word) for word in words} if len(words) >= 2 else set()


def clip_marks(name: str) -> set[str]:
    """The block a clipped spelling shares with its long form: the first letter of the first
    word `_words` keeps (`clipped` matches the two names' first words, by a clip or a stem,
    and both keep that letter). Not the first letter of every token: "平安 OpenTelemetry" opens
    with a Chinese word `_words` does not read."""
    words = _words(name)
    return {"k" + words[0][0].casefold()} if words else set()


def _clips(short: str, word: str) -> bool:
    """`OTel` clips `OpenTelemetry`: written in mixed case, each of its camel-case parts opens the
    matching part of the longer word. A lowercase word clips nothing (too easy to fit by chance)."""
    if short == word or short.islower() or short.isupper() or len(word) <= len(short):
        return False
    parts, whole = _CAMEL.findall(short), _CAMEL.findall(word)
    return (
        len(parts) >= 2
        and len(parts) == len(whole)
        and all(w.casefold().startswith(p.casefold()) for p, w in zip(parts, whole, strict=True))
    )


def clipped(short_name: str, long_name: str) -> bool:
    """ "OTel traces" for "OpenTelemetry trace ingestion": the short name's words, in order, each
    clip or share a stem with a word of the longer one, starting at its first word; one clip at
    least, and at most one of the longer name's words left over."""
    short, long = _words(short_name), _words(long_name)
    if not short or len(long) < len(short) or len(long) - len(short) > 1:
        return False
    index, clips = 0, 0
    for position, word in enumerate(short):
        while index < len(long) and not (_clips(word, long[index]) or stem(word) == stem(long[index])):
            if position == 0:
                return False  # the first word must match the longer name's first word
            index += 1
        if index == len(long):
            return False
        clips += _clips(word, long[index])
        index += 1
    return clips >= 1


# "收银SDK第二批", "收银SDK第二批切完了" (a name cut with its news), "Rollout batch 2", "second wave": one batch of a rollout names the rollout's
# project, whatever version mark ("收银SDK 3.0") the project's own name carries.
_BATCH = re.compile(
    r"\s*(?:第[一二三四五六七八九十\d]{1,3}(?:批|波|轮)[\u4e00-\u9fff]{0,6}|(?:batch|wave|cohort)\s*\d{1,2}|"
    r"(?:first|second|third|fourth|fifth|final|last|next)\s+(?:batch|wave|cohort))\s*$",
    re.I,
)
_MARKS = re.compile(
    r"(?<![a-z0-9.])v?\d+(?:\.\d+)*(?![a-z0-9])|(?:phase|stage)\s*\d+|[一二三四五六七八九十\d]+期", re.I
)


def batch_base(name: str) -> str | None:
    """The rollout a batch name belongs to ("收银SDK第二批" -> "收银SDK"), or None."""
    text = PARENS.sub(" ", nfkc(name))
    base = _BATCH.sub("", text)
    return base if base != text and len(base.strip()) >= 2 else None


def unversioned(name: str) -> str:
    """The name without its version or phase marks ("收银SDK 3.0" -> "收银SDK")."""
    return _MARKS.sub(" ", PARENS.sub(" ", nfkc(name)))


def batch_joins(groups: list[tuple[list[str], set[str]]], key: Callable[[str], str]) -> list[tuple[int, int]]:
    """(batch group, project group) pairs to join: a group written only as batches of one rollout
    joins the one group of its series whose unversioned name is that rollout, when only one is."""
    plain: dict[str, list[int]] = {}
    for index, (names, _) in enumerate(groups):
        for name in names:
            if batch_base(name) is None and len(k := key(unversioned(name))) >= 2:
                plain.setdefault(k, []).append(index)
    joins = []
    for index, (names, series) in enumerate(groups):
        bases = {batch_base(name) for name in names}
        if None in bases or len(bases) != 1:
            continue
        wanted = key(bases.pop() or "")
        fits = {j for j in plain.get(wanted, []) if j != index and (not series or series & groups[j][1])}
        if len(fits) == 1:
            joins.append((index, fits.pop()))
    return joins
