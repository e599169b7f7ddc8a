"""What identity is built from: each name as the ledger counted it, and `aliases.toml`.

`NameStat` and `AliasConfig` are the inputs of `identity.build_identity`; the rule that reads only
them (the canonical spelling) lives here too, since both the clustering (`identity`) and the joins
after it (`name_joins`) apply it. Each team's names are linked apart (`identity`), so no rule here
compares teams.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from index.errors import ConfigError
from index.text.normalise import name_key


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
    keys: set[str] = field(default_factory=set)
    """The tracker ids its table rows were filed under (`#1578`): one id, one project."""
    tentative: bool = False
    """Only a line's lead gave it, in one report: no project on its own (`derive`). It is linked
    after the other names and only to the one project whose name it opens with ("CampusNight 现在
    不算 blocked 了"), so it can neither split two projects ("CampusNight" fitting it and
    "CampusNight 数据集") nor carry another project's news into one ("帮积分2.0准备灰度名单")."""


def choose(group: list[NameStat], config: AliasConfig | None) -> str:
    """The canonical spelling: the configured one, else the first used (then most used, longest).

    First use is stable as a project's name drifts to a short form over the weeks.
    """
    if config is not None:
        keys = {name_key(s.name) for s in group}
        for canon in config.aliases:
            if name_key(canon) in keys or any(name_key(a) in keys for a in config.aliases[canon]):
                return canon
    return min(group, key=lambda s: (s.first_seen, -s.count, -len(s.name), s.name)).name
