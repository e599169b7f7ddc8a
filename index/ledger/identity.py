"""Link the names a project goes by across weeks into one canonical project.

String rules carry the common cases: normalisation (punctuation, brackets, full/half width, case),
containment (`平安存管` in `平安存管接入`), word-prefix abbreviations (`Obs v2` for `Observability
Pipeline v2`, with version numbers that must agree), acronyms (`CDC`) and a parenthetical alias
(`家家盈平台（小贝项目）`). A short name that would fit two different projects stays apart. An
`aliases.toml` in the data directory forces merges (`[aliases]`) and separations (`[split]`), and
an injected `embed` callable can merge what strings cannot. The result depends only on the set of
names and their counts, never on the order reports were ingested.
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from index.errors import ConfigError
from index.ledger.name_forms import batch_joins, clipped, reorder_marks, reordered
from index.text.cjk import HAN, has_han
from index.text.normalise import PARENS, name_key, nfkc
from index.text.numerals import zh_digits_to_arabic

if TYPE_CHECKING:
    import numpy as np

_VERSION = re.compile(r"^(?:v\d+(?:\.\d+)*|\d+(?:\.\d+)*|[一二三四五六七八九十]+期|phase\d+|p\d)$")
_TOKENS = re.compile(rf"[a-z][a-z0-9]*(?:\.\d+)?|\d+(?:\.\d+)?|[{HAN}]+")
_NUMERONYM = re.compile(r"([a-z])(\d{1,2})([a-z])")
_GENERIC_PAREN = re.compile(r"phase|stage|part|step|^v?\d|期|阶段|owner|负责|%|eta|\d{1,2}/\d{1,2}", re.I)


def paren_alias(name: str, shared: frozenset[str] = frozenset()) -> str | None:
    """`家家盈平台（小贝项目）` is also known as `小贝项目`; `(Phase 2)` or `(owner: X)` are not names,
    nor is a parenthetical that follows several different names (`（孙悦）`: their owner)."""
    for inner in PARENS.findall(nfkc(name)):
        inner = inner.strip()
        if len(inner) >= 2 and not _GENERIC_PAREN.search(inner) and name_key(inner) not in shared:
            return name_key(inner)
    return None


def shared_parentheticals(names: Iterable[str]) -> frozenset[str]:
    """Parentheticals written after two or more different names: owners or teams, not aliases."""
    bases: dict[str, set[str]] = {}
    for name in names:
        base = name_key(PARENS.sub(" ", nfkc(name)))
        for inner in PARENS.findall(nfkc(name)):
            bases.setdefault(name_key(inner), set()).add(base)
    return frozenset(inner for inner, found in bases.items() if len(found) > 1)


@lru_cache(maxsize=1 << 16)
def _tokens(name: str) -> tuple[str, ...]:
    return tuple(_TOKENS.findall(PARENS.sub(" ", nfkc(name)).casefold()))


_VERSION_MARKS = re.compile(
    r"(?<![a-z0-9.])v(\d+(?:\.\d+)*)(?![a-z0-9])|(?:phase|stage|p)\s*(\d+)(?![a-z0-9])|"
    r"([一二三四五六七八九十]+|\d+)\s*期|(?<![a-z0-9.])(\d+(?:\.\d+)*)(?![a-z0-9.])"
)


def versions(name: str) -> list[str]:
    """Version and phase marks (`v2`, `1.30`, `Phase 2`, `二期`, `2025`), normalised and sorted.

    They must agree for two names to merge; a list, so `v2 Phase 2` differs from `v2`.
    """
    return list(_versions(name))


@lru_cache(maxsize=1 << 16)
def _versions(name: str) -> tuple[str, ...]:
    found = []
    for match in _VERSION_MARKS.finditer(nfkc(name).casefold()):
        value = next(group for group in match.groups() if group)
        found.append(zh_digits_to_arabic(value))
    return tuple(sorted(found))


def related(short: str, long: str, short_name: str, long_name: str) -> bool:
    """Do these two names plausibly denote the same project? (`short` is the shorter key.)"""
    if short == long:
        return True
    if len(short) < 2 or len(short) > len(long):
        return False
    short_tokens, long_tokens = _tokens(short_name), _tokens(long_name)
    if _versions(short_name) != _versions(long_name):
        return False  # `Checkout v2` is not `Checkout v1`, `对账中心二期` is not `对账中心`
    cjk = has_han(short)
    if short in long:
        if cjk:
            return len(short) >= 2 and len(short) / len(long) >= 0.3
        return len(short) >= 3 and (long.startswith(short) or len(short) / len(long) >= 0.5)
    if not cjk:
        return (
            _abbreviates(short_tokens, long_tokens)
            or reordered(short_name, long_name)
            or clipped(short_name, long_name)
        )
    return (
        len(short) >= 3
        and short[0] == long[0]
        and len(short) / len(long) >= 0.5
        and _subsequence(short, long)
    )


def _subsequence(short: str, long: str) -> bool:
    position = 0
    for char in short:
        position = long.find(char, position) + 1
        if position == 0:
            return False
    return True


def _abbreviates(short: Sequence[str], long: Sequence[str]) -> bool:
    words = [t for t in long if not _VERSION.match(t)]
    short_words = [t for t in short if not _VERSION.match(t)]
    if not short_words or len(words) < 2:
        return False
    if len(short_words) == 1 and len(short_words[0]) >= 2 and short_words[0] == "".join(w[0] for w in words):
        return True  # acronym
    if not _fits(short_words[0], words[0]):
        return False
    index = 0
    for token in short_words:
        while index < len(words) and not _fits(token, words[index]):
            index += 1
        if index == len(words):
            return False
        index += 1
    return len(short_words) >= 2 or len(short_words[0]) >= 3


def _fits(token: str, word: str) -> bool:
    """A word prefix (`obs` for observability) or a numeronym (`k8s` for kubernetes, `i18n`)."""
    if word.startswith(token):
        return True
    match = _NUMERONYM.fullmatch(token)
    if match is None:
        return False
    return word[0] == match[1] and word[-1] == match[3] and len(word) - 2 == int(match[2])


@dataclass
class AliasConfig:
    """`[aliases]` canonical = [names] (forced together); `[split]` name = [names] (kept apart)."""

    aliases: dict[str, list[str]] = field(default_factory=dict)
    split: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None) -> AliasConfig:
        if path is None or not path.exists():
            return cls()
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from exc

        def table(name: str) -> dict[str, list[str]]:
            raw = data.get(name, {})
            if not isinstance(raw, dict) or not all(isinstance(v, list) for v in raw.values()):
                raise ConfigError(f'{path}: [{name}] must map a name to a list of names, e.g. "A" = ["B"]')
            return {str(k): [str(x) for x in v] for k, v in raw.items()}

        return cls(table("aliases"), table("split"))


@dataclass
class NameStat:
    name: str
    first_seen: date
    count: int
    series: set[str] = field(default_factory=set)
    """The report folders the name was written in (a ticket key is unique within one tracker)."""
    tentative: bool = False
    """Only a line's lead gave it, in one report: no project on its own (`derive`). It is linked
    after the other names and only to the one project whose name it opens with ("CampusNight 现在
    不算 blocked 了"), so it can neither split two projects ("CampusNight" fitting it and
    "CampusNight 数据集") nor carry another project's news into one ("帮积分2.0准备灰度名单")."""


@dataclass
class Identity:
    """Raw name -> canonical name, and each canonical name's other spellings."""

    canonical_of: dict[str, str]
    aliases: dict[str, list[str]]
    _keys: dict[str, str] = field(default_factory=dict)
    _blocks: _Blocks[str] | None = field(default=None, repr=False, compare=False)

    @property
    def keys(self) -> dict[str, str]:
        """Each spelling's key (and parenthetical alias) -> the canonical project it names."""
        return self._keys

    def canonical(self, name: str) -> str:
        return self.canonical_of.get(name) or self.resolve(name) or name

    def resolve(self, query: str) -> str | None:
        """The canonical project a user's spelling refers to, or None when unknown or ambiguous."""
        if query in self.canonical_of:
            return self.canonical_of[query]
        key = name_key(query)
        if key in self._keys:
            return self._keys[key]
        if self._blocks is None:
            self._blocks = _Blocks()
            for k, canon in self._keys.items():
                self._blocks.add(k, canon, canon)
        hits = {
            canon for k, name, canon in self._blocks.near(key, query) if _pair_related(key, k, query, name)
        }
        return hits.pop() if len(hits) == 1 else None


def _pair_related(a: str, b: str, a_name: str, b_name: str) -> bool:
    return related(a, b, a_name, b_name) if len(a) <= len(b) else related(b, a, b_name, a_name)


T = TypeVar("T")


def _first_letter(name: str) -> str:
    """The first character of the name's first word that is not a version mark."""
    return next((token[0] for token in _tokens(name) if not _VERSION.match(token)), "")


def entry_marks(key: str, name: str) -> set[str]:
    """The blocks a known (key, name) is filed under; `query_marks` are those a name looks in.

    Two names can be related (`related`) only when they share one: equal keys and a Chinese
    ordered abbreviation share the key's first character (`c`); a key inside another has its
    first two characters inside the longer one (`s` as the shorter, `g` as the longer); a Latin
    abbreviation, numeronym, acronym or clipped word keeps the first letter of the first word
    (`a`); reordered words share a stem (`r`, `name_forms`).
    """
    marks = {"c" + key[:1], "s" + key[:2], *("g" + key[i : i + 2] for i in range(len(key) - 1))}
    if letter := _first_letter(name):
        marks.add("a" + letter)
    return marks | reorder_marks(name)


def query_marks(key: str, name: str) -> set[str]:
    """The blocks to look in for names that may be related to (key, name) (see `entry_marks`)."""
    marks = {"c" + key[:1], "g" + key[:2], *("s" + key[i : i + 2] for i in range(len(key) - 1))}
    if letter := _first_letter(name):
        marks.add("a" + letter)
    return marks | reorder_marks(name)


class _Blocks(Generic[T]):
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


@dataclass
class _Cluster:
    keys: set[str] = field(default_factory=set)
    names: list[NameStat] = field(default_factory=list)
    spelling: dict[str, str] = field(default_factory=dict)
    series: set[str] = field(default_factory=set)

    def add(self, stat: NameStat, keys: set[str]) -> None:
        self.names.append(stat)
        self.series |= stat.series
        for key in keys:
            self.keys.add(key)
            self.spelling.setdefault(key, stat.name)


def same_team(a: set[str], b: set[str]) -> bool:
    """Two names can be one project only when one report series (a team's folder) writes both:
    "LedgerSync export" in one team's reports is not "Ledger" in another's. Names with no series
    known (a bare list of names) are compared as before."""
    return not a or not b or not a.isdisjoint(b)


def build_identity(
    stats: Iterable[NameStat],
    config: AliasConfig | None = None,
    embed: Callable[[list[str]], np.ndarray] | None = None,
    threshold: float = 0.9,
    renames: Sequence[tuple[str, str, str]] = (),
    exhaustive: bool = False,
) -> Identity:
    """Cluster names, longest first, so a short name joins the one long name it fits or stays alone
    (tentative names after all others, each only into a project whose name it opens with); then
    join the clusters a report said are one project under two names (`renames`: old, new and
    the series that said so, "" for any). A name fits only clusters its own series writes
    (`same_team`); the same name in two series is one project name whose timeline `derive`
    splits by series.

    `exhaustive` compares every name with every cluster (the definition the blocks must match)."""
    config = config or AliasConfig()
    ordered = sorted(stats, key=lambda s: (s.tentative, -len(name_key(s.name)), name_key(s.name), s.name))
    owners = shared_parentheticals(s.name for s in ordered)
    forced = {
        name_key(a): name_key(canon) for canon, names in config.aliases.items() for a in [canon, *names]
    }
    apart = {
        frozenset((name_key(a), name_key(b)))
        for name, others in config.split.items()
        for a in [name]
        for b in others
    }
    clusters: list[_Cluster] = []
    by_key: dict[str, int] = {}
    # Each cluster's keys with the spelling they entered it by: what a new name is compared with.
    blocks: _Blocks[int] = _Blocks(exhaustive)

    def blocked(key: str, cluster: _Cluster) -> bool:
        return bool(apart) and any(frozenset((key, other)) in apart for other in cluster.keys)

    for stat in ordered:
        key = name_key(stat.name)
        keys = {key} | ({alias} if (alias := paren_alias(stat.name, owners)) else set())
        anchor = forced.get(key)
        if anchor is not None:
            keys.add(anchor)
        exact = by_key.get(anchor) if anchor is not None else None
        if exact is None and key in by_key and not blocked(key, clusters[by_key[key]]):
            exact = by_key[key]
        if exact is None and anchor is None:
            fits: set[int] = set()
            for k in keys:
                for other, spelling, index in blocks.near(k, stat.name):
                    if (
                        index not in fits
                        and same_team(stat.series, clusters[index].series)
                        and not blocked(key, clusters[index])
                        and (not stat.tentative or k.startswith(other) or other.startswith(k))
                        and _pair_related(k, other, stat.name, spelling)
                    ):
                        fits.add(index)
            exact = fits.pop() if len(fits) == 1 else None
        if exact is None:
            clusters.append(_Cluster())
            exact = len(clusters) - 1
        for k in keys - clusters[exact].keys:
            blocks.add(k, stat.name, exact)
        clusters[exact].add(stat, keys)
        for k in keys:
            by_key.setdefault(k, exact)
    groups = _join_renamed(_join_keyed([cluster.names for cluster in clusters]), renames, apart)
    groups = _join_batches(groups, apart)
    if embed is not None and len(groups) > 1:
        groups = _embed_merge(groups, embed, threshold, apart)
    return _finish(groups, config, owners)


# A tracker key in a name ("MOB-430 Push notification revamp", "KR2.2 潮汐") stays with the work
# item when the title after it changes.
ITEM_KEY = re.compile(r"(?<![A-Za-z0-9])(?:[A-Z][A-Z0-9]{1,9}-\d{1,6}|KR\d+(?:\.\d+)?)(?![A-Za-z0-9.-])")


def _join_keyed(groups: list[list[NameStat]]) -> list[list[NameStat]]:
    """Join groups whose names carry the same tracker key in the same report series."""
    owner: dict[tuple[str, str], int] = {}
    parent = list(range(len(groups)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for index, group in enumerate(groups):
        for stat in group:
            for key in ITEM_KEY.findall(nfkc(stat.name)):
                for series in stat.series or {""}:
                    other = owner.setdefault((key, series), index)
                    if root(other) != root(index):
                        parent[root(index)] = root(other)
    joined: dict[int, list[NameStat]] = {}
    for index, group in enumerate(groups):
        joined.setdefault(root(index), []).extend(group)
    return list(joined.values())


def _join_renamed(
    groups: list[list[NameStat]], renames: Sequence[tuple[str, str, str]], apart: set[frozenset[str]]
) -> list[list[NameStat]]:
    """Join the one group whose names hold the old name with the one holding the new name.

    Mentions rarely repeat an announced name exactly ("KR3 UFP迁移" for "UFP"), so a name
    counts when its key contains the announced one; an announced name that fits several groups
    joins nothing. An announced name no group holds becomes a spelling of the other name's one
    group (added last-seen, so it never becomes the canonical name).
    """
    parent = list(range(len(groups)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    keys = [{name_key(s.name) for s in group} for group in groups]
    teams = [set().union(*(s.series for s in group)) for group in groups]

    def holders(name: str, series: str) -> list[int]:
        wanted = name_key(name)
        if len(wanted) < 2:
            return []
        mine = [i for i in range(len(groups)) if not series or same_team({series}, teams[i])]
        exact = [i for i in mine if wanted in keys[i]]
        return exact or [i for i in mine if any(wanted in key for key in keys[i])]

    for old, new, series in renames:
        a, b = holders(old, series), holders(new, series)
        for held, unheld in ((a, new), (b, old)):
            # "原 qt-migrate 项目更名为 Ferry" before any line names Ferry: the announced name is
            # a spelling of the one project holding the other, so later sentences naming it are
            # that project's (`prose_links` reads the identity's spellings).
            # A name some group holds (another series' project, say) is never a second spelling.
            spelled = name_key(unheld)
            if len(held) == 1 and len(spelled) >= 3 and all(spelled not in k for k in keys):
                group = groups[held[0]]
                if not any(frozenset((spelled, key)) in apart for key in keys[held[0]]):
                    latest = max(s.first_seen for s in group)
                    group.append(NameStat(unheld, latest, 0, {series} if series else set()))
                    keys[held[0]].add(spelled)
        if len(a) == 1 and len(b) == 1 and root(a[0]) != root(b[0]):
            if any(frozenset((x, y)) in apart for x in keys[a[0]] for y in keys[b[0]]):
                continue
            parent[root(b[0])] = root(a[0])
    joined: dict[int, list[NameStat]] = {}
    for index, group in enumerate(groups):
        joined.setdefault(root(index), []).extend(group)
    return list(joined.values())


def _join_batches(groups: list[list[NameStat]], apart: set[frozenset[str]]) -> list[list[NameStat]]:
    """Join a rollout's batches ("收银SDK第二批") to the one project of their series they are a
    batch of ("收银SDK 3.0"): versions keep names apart everywhere else (`name_forms.batch_joins`)."""
    described = [([s.name for s in group], set().union(*(s.series for s in group))) for group in groups]
    into: dict[int, int] = {}
    for batch, project in batch_joins(described, name_key):
        keys = ({name_key(s.name) for s in groups[batch]}, {name_key(s.name) for s in groups[project]})
        if not any(frozenset((a, b)) in apart for a in keys[0] for b in keys[1]):
            into[batch] = project
    joined: dict[int, list[NameStat]] = {}
    for index, group in enumerate(groups):
        joined.setdefault(into.get(index, index), []).extend(group)
    return list(joined.values())


def _embed_merge(
    groups: list[list[NameStat]],
    embed: Callable[[list[str]], np.ndarray],
    threshold: float,
    apart: set[frozenset[str]],
) -> list[list[NameStat]]:
    names = [_choose(group, None) for group in groups]
    import numpy as np

    vectors = np.asarray(embed(names), dtype=float)
    similarity = vectors @ vectors.T
    parent = list(range(len(groups)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs = sorted(
        ((float(similarity[i, j]), i, j) for i in range(len(groups)) for j in range(i + 1, len(groups))),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    for score, i, j in pairs:
        if score < threshold:
            break
        if not same_team({t for s in groups[i] for t in s.series}, {t for s in groups[j] for t in s.series}):
            continue
        keys_i = {name_key(s.name) for s in groups[i]}
        keys_j = {name_key(s.name) for s in groups[j]}
        if any(frozenset((a, b)) in apart for a in keys_i for b in keys_j):
            continue
        parent[root(j)] = root(i)
    merged: dict[int, list[NameStat]] = {}
    for index, group in enumerate(groups):
        merged.setdefault(root(index), []).extend(group)
    return list(merged.values())


def _choose(group: list[NameStat], config: AliasConfig | None) -> str:
    """The canonical spelling: the configured one, else the first used (then most used, longest).

    First use is stable as a project's name drifts to a short form over the weeks.
    """
    if config is not None:
        keys = {name_key(s.name) for s in group}
        for canon in config.aliases:
            if name_key(canon) in keys or any(name_key(a) in keys for a in config.aliases[canon]):
                return canon
    return min(group, key=lambda s: (s.first_seen, -s.count, -len(s.name), s.name)).name


def _finish(
    groups: list[list[NameStat]], config: AliasConfig, owners: frozenset[str] = frozenset()
) -> Identity:
    canonical_of: dict[str, str] = {}
    aliases: dict[str, list[str]] = {}
    keys: dict[str, str] = {}
    for group in groups:
        canon = _choose(group, config)
        names = sorted({s.name for s in group} - {canon})
        aliases[canon] = names
        for stat in group:
            canonical_of[stat.name] = canon
            keys.setdefault(name_key(stat.name), canon)
            if (alias := paren_alias(stat.name, owners)) is not None:
                keys.setdefault(alias, canon)
        keys.setdefault(name_key(canon), canon)
        for alias in config.aliases.get(canon, []):
            keys.setdefault(name_key(alias), canon)
    return Identity(canonical_of, aliases, keys)
