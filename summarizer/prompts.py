"""Prompt templates as files with front matter: name, version, declared variables, output schema.

Rendering fails on a missing or undeclared variable, so a template and its caller cannot drift
apart silently; the name, version and hash travel with every result and cache key.
"""

from __future__ import annotations

import hashlib
import re
import string
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict

from index.errors import ConfigError

_FRONT = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.S)


class PromptTemplate(BaseModel):
    """A parsed template; `extra="forbid"` makes a typo in front matter an error."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    version: int
    output_schema: str
    variables: tuple[str, ...]
    body: str

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.body.encode("utf-8")).hexdigest()[:12]

    @property
    def ident(self) -> str:
        return f"{self.name}@v{self.version}#{self.digest}"

    def render(self, **values: str) -> str:
        used = {field for _, field, _, _ in string.Formatter().parse(self.body) if field}
        undeclared = used - set(self.variables)
        if undeclared:
            raise ConfigError(f"prompt {self.name} uses undeclared variables: {sorted(undeclared)}")
        missing = set(self.variables) - set(values)
        if missing:
            raise ConfigError(f"prompt {self.name} is missing values for: {sorted(missing)}")
        extra = set(values) - set(self.variables)
        if extra:
            raise ConfigError(f"prompt {self.name} got unknown variables: {sorted(extra)}")
        return self.body.format(**values)


def load_prompt(name: str) -> PromptTemplate:
    """Load `prompts/<name>.md` from the installed package data."""
    try:
        text = resources.files("prompts").joinpath(f"{name}.md").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(f"no prompt template named '{name}'") from exc
    match = _FRONT.match(text)
    if not match:
        raise ConfigError(f"prompt {name}: missing front matter")
    meta = yaml.safe_load(match[1]) or {}
    return PromptTemplate(**meta, body=match[2])
