"""Blocking for name comparisons: which known names a name is compared with at all.

Every name is filed under a few marks (first characters, character pairs, first letter, word
stems) chosen so that any two names `name_rules.related` could accept share one; comparing only
within shared marks keeps identity near-linear in the number of names without changing a result.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Generic, TypeVar

from index.ledger.name_forms import clip_marks, reorder_marks
from index.ledger.name_rules import VERSION, core_key, tokens
from index.text.normalise import name_key

T = TypeVar("T")


def _first_letter(name: str) -> str:
    """The first character of the name's first word that is not a version mark."""
    return next((token[0] for token in tokens(name) if not VERSION.match(token)), "")


def _core_marks(key: str, name: str) -> set[str]:
    """Two names whose keys without what stands before them are equal (`related`'s first rule:
    `MOB-430 （小贝项目）` and `（小贝项目）`) share this block, whatever their keys."""
    core = core_key(name) if key == name_key(name) else key
    return {"o" + core} if len(core) >= 3 else set()


def entry_marks(key: str, name: str) -> set[str]:
    """The blocks a known (key, name) is filed under; `query_marks` are those a name looks in.

    Two names can be related (`related`) only when they share one: equal keys and a Chinese
    ordered abbreviation share the key's first character (`c`); a key inside another has its
    first two characters inside the longer one (`s` as the shorter, `g` as the longer); a Latin
    abbreviation, numeronym, acronym or clipped word keeps the first letter of the first word
    (`a`; a clip the first letter of the first Latin word, `k`); reordered words share a stem (`r`,
    `name_forms`).
    """
    marks = {"c" + key[:1], "s" + key[:2], *("g" + key[i : i + 2] for i in range(len(key) - 1))}
    if letter := _first_letter(name):
        marks.add("a" + letter)
    return marks | reorder_marks(name) | clip_marks(name) | _core_marks(key, name)


def query_marks(key: str, name: str) -> set[str]:
    """The blocks to look in for names that may be related to (key, name) (see `entry_marks`)."""
    marks = {"c" + key[:1], "g" + key[:2], *("s" + key[i : i + 2] for i in range(len(key) - 1))}
    if letter := _first_letter(name):
        marks.add("a" + letter)
    return marks | reorder_marks(name) | clip_marks(name) | _core_marks(key, name)


class Blocks(Generic[T]):
    """(key, name, value) entries found by the blocks they share (`entry_marks`): `near` returns a
    superset of the related entries (each checked by the caller), so blocking changes what is
    compared, never the result; `exhaustive` compares everything (tests)."""

    def __init__(self, exhaustive: bool = False) -> None:
        self._by: defaultdict[str, list[tuple[str, str, T]]] = defaultdict(list)
        self._all: list[tuple[str, str, T]] = []
        self._exhaustive = exhaustive

    def add(self, key: str, name: str, value: T) -> None:
        entry = (key, name, value)
        self._all.append(entry)
        for mark in entry_marks(key, name):
            self._by[mark].append(entry)

    def near(self, key: str, name: str) -> Iterator[tuple[str, str, T]]:
        """Entries that may be related to (key, name), each once."""
        if self._exhaustive:
            yield from self._all
            return
        seen: set[int] = set()
        for mark in query_marks(key, name):
            for entry in self._by.get(mark, ()):
                if id(entry) not in seen:
                    seen.add(id(entry))
                    yield entry
