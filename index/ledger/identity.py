"""Link the names a project goes by across weeks into one canonical project.

String rules carry the common cases: normalisation (punctuation, brackets, full/half width, case),
containment (`平安存管` in `平安存管接入`), word-prefix abbreviations (`Obs v2` for `Observability
Pipeline v2`, with version numbers that must agree), acronyms (`CDC`) and a parenthetical alias
(`家家盈平台（小贝项目）`). A short name that would fit two different projects stays apart. An
`aliases.toml` in the data directory forces merges (`[aliases]`) and separations (`[split]`), and
an injected `embed` callable can merge what strings cannot. The result depends only on the set of
names and their counts, never on the order reports were ingested.

Each team (report folder) is linked on its own: two teams that both write "Summit" may mean a
website relaunch and a conference, and one team's rename ("the relaunch is now Summit") says
nothing of the other's names. `Identity.canonical_in` is a name's project in one team's reports;
`canonical_of` the project most of its mentions name, for a reader who names no team.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from index.ledger.name_blocks import Blocks
from index.ledger.name_joins import embed_merge, join_batches, join_keyed, join_pairs, join_renamed
from index.ledger.name_rules import pair_related, paren_alias, paren_base, shared_parentheticals
from index.ledger.name_stats import AliasConfig, NameStat, choose
from index.text.normalise import name_key

if TYPE_CHECKING:
    import numpy as np

__all__ = ["AliasConfig", "Identity", "NameStat", "build_identity"]


@dataclass
class Identity:
    """Raw name -> canonical name, and each canonical name's other spellings."""

    canonical_of: dict[str, str]
    aliases: dict[str, list[str]]
    _keys: dict[str, str] = field(default_factory=dict)
    teams: dict[str, dict[str, str]] = field(default_factory=dict)
    """Each team's (report folder's) names -> the project they name in its reports."""
    _blocks: Blocks[str] | None = field(default=None, repr=False, compare=False)

    @property
    def keys(self) -> dict[str, str]:
        """Each spelling's key (and parenthetical alias) -> the canonical project it names."""
        return self._keys

    def canonical(self, name: str) -> str:
        return self.canonical_of.get(name) or self.resolve(name) or name

    def canonical_in(self, name: str, team: str) -> str:
        """The project `name` is in `team`'s reports (a name it never wrote: as anywhere)."""
        return self.teams.get(team, {}).get(name) or self.canonical(name)

    def resolve(self, query: str) -> str | None:
        """The canonical project a user's spelling refers to, or None when unknown or ambiguous."""
        if query in self.canonical_of:
            return self.canonical_of[query]
        key = name_key(query)
        if key in self._keys:
            return self._keys[key]
        if self._blocks is None:
            self._blocks = Blocks()
            for k, canon in self._keys.items():
                self._blocks.add(k, canon, canon)
        hits = {
            canon for k, name, canon in self._blocks.near(key, query) if pair_related(key, k, query, name)
        }
        return hits.pop() if len(hits) == 1 else None


@dataclass
class _Cluster:
    keys: set[str] = field(default_factory=set)
    names: list[NameStat] = field(default_factory=list)
    spelling: dict[str, str] = field(default_factory=dict)

    def add(self, stat: NameStat, keys: set[str]) -> None:
        self.names.append(stat)
        for key in keys:
            self.keys.add(key)
            self.spelling.setdefault(key, stat.name)


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
    the series that said so, "" for any). Each series is linked on its own (names with no
    series together), so a name joins only what its own team writes, and a rename joins only
    that team's names; the same spelling in two series names one project only when both teams'
    groups choose it as their canonical name (`derive` splits its timeline by series).

    `exhaustive` compares every name with every cluster (the definition the blocks must match)."""
    config = config or AliasConfig()
    teams: dict[str, list[NameStat]] = defaultdict(list)
    for stat in stats:
        for team in sorted(stat.series) or [""]:
            teams[team].append(replace(stat, series={team} if team else set()))
    grouped = {
        team: _cluster(
            members,
            config,
            embed,
            threshold,
            [r for r in renames if not team or not r[2] or r[2] == team],
            exhaustive,
        )
        for team, members in teams.items()
    }
    return _finish(grouped, config)


def _cluster(
    stats: list[NameStat],
    config: AliasConfig,
    embed: Callable[[list[str]], np.ndarray] | None,
    threshold: float,
    renames: Sequence[tuple[str, str, str]],
    exhaustive: bool,
) -> list[list[NameStat]]:
    """One team's names, grouped into its projects (the rules `build_identity` describes)."""
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
    blocks: Blocks[int] = Blocks(exhaustive)

    def blocked(key: str, cluster: _Cluster) -> bool:
        return bool(apart) and any(frozenset((key, other)) in apart for other in cluster.keys)

    bracketed: list[tuple[int, int]] = []
    for stat in ordered:
        key = name_key(stat.name)
        keys = {key} | ({alias} if (alias := paren_alias(stat.name, owners)) else set())
        base = paren_base(stat.name)  # `店铺经营分` of `店铺经营分（原“成长分2.0”）`, compared as written
        spelled = {key: stat.name, **({name_key(base): base} if base else {})}
        keys |= set(spelled)
        anchor = forced.get(key)
        if anchor is not None:
            keys.add(anchor)
        exact = by_key.get(anchor) if anchor is not None else None
        if exact is None and key in by_key and not blocked(key, clusters[by_key[key]]):
            exact = by_key[key]
        if exact is None and anchor is None:
            fits: set[int] = set()
            for k in keys:
                name = spelled.get(k, stat.name)
                for other, spelling, index in blocks.near(k, name):
                    if (
                        index not in fits
                        and not blocked(key, clusters[index])
                        and (not stat.tentative or k.startswith(other) or other.startswith(k))
                        and pair_related(k, other, name, spelling)
                    ):
                        fits.add(index)
            exact = fits.pop() if len(fits) == 1 else None
        if exact is None:
            clusters.append(_Cluster())
            exact = len(clusters) - 1
        for k in keys - clusters[exact].keys:
            blocks.add(k, spelled.get(k, stat.name), exact)
        clusters[exact].add(stat, keys)
        for k in keys:
            by_key.setdefault(k, exact)
        # "Fenmarsh Bins (Waste Collection App)": the name it entered by is one project's, the one
        # in brackets another's (an announced new name over the old): one project.
        if (
            alias is not None
            and by_key.get(alias, exact) != exact
            and not blocked(key, clusters[by_key[alias]])
        ):
            bracketed.append((by_key[alias], exact))
    groups = join_pairs([cluster.names for cluster in clusters], bracketed)
    groups = join_renamed(join_keyed(groups), renames, apart)
    groups = join_batches(groups, apart)
    if embed is not None and len(groups) > 1:
        groups = embed_merge(groups, embed, threshold, apart)
    return groups


def _finish(grouped: dict[str, list[list[NameStat]]], config: AliasConfig) -> Identity:
    """Name each team's groups by their canonical spelling; a name two teams give to different
    projects is, for a reader who names no team, the one most of its mentions name."""
    teams: dict[str, dict[str, str]] = {}
    named: dict[str, set[str]] = defaultdict(set)
    votes: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    extra_keys: list[tuple[str, str]] = []
    for team in sorted(grouped):
        groups = grouped[team]
        owners = shared_parentheticals(s.name for group in groups for s in group)
        mapping = teams[team] = {}
        for group in groups:
            canon = choose(group, config)
            named[canon].update(s.name for s in group)
            for stat in group:
                mapping[stat.name] = canon
                # more mentions first, then the earlier first mention
                count, early = votes[stat.name].get(canon, (0, -(10**9)))
                votes[stat.name][canon] = (count + stat.count, max(early, -stat.first_seen.toordinal()))
                if (alias := paren_alias(stat.name, owners)) is not None:
                    extra_keys.append((alias, canon))
            extra_keys.append((name_key(canon), canon))
            extra_keys.extend((name_key(alias), canon) for alias in config.aliases.get(canon, []))
    canonical_of = {
        name: max(choices, key=lambda canon: (*choices[canon], canon)) for name, choices in votes.items()
    }
    keys: dict[str, str] = {}
    for name in sorted(canonical_of):
        keys.setdefault(name_key(name), canonical_of[name])
    for key, canon in extra_keys:
        keys.setdefault(key, canon)
    aliases = {canon: sorted(names - {canon}) for canon, names in named.items()}
    return Identity(canonical_of, aliases, keys, teams)
