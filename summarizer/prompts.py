"""Prompt templates as files with front matter: name, version, output schema, temperature, variables.

Placeholders are `$name` (`string.Template`), so a template can show JSON or other literal braces
as they are; a literal dollar sign is `$$`. A placeholder that is not declared, a declared
variable that is never used, an unknown output schema or a malformed placeholder fails when the
file is loaded; a missing or unknown value fails when it is rendered. Values are inserted as they
are and never read as template text, so report text cannot add placeholders or roles.

A body may be split into chat messages by lines `### system` and `### user` (`messages()`); a
body without them is one text (`render()`). The name, version and body hash (`ident`) travel
with every request, cache key and call-log row.
"""

from __future__ import annotations

import hashlib
import re
import string
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from index.errors import ConfigError
from summarizer.llm_schemas import MODEL_SCHEMAS

_DELIMITER = re.compile(r"<(\s*/?\s*data\s*)>", re.I)
_FRONT = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.S)
_ROLE = re.compile(r"^### (system|user)[ \t]*$", re.M)
NO_SCHEMA = "none"


class PromptTemplate(BaseModel):
    """A parsed template; `extra="forbid"` makes a typo in front matter an error."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    version: int
    output_schema: str = Field(description="A name in MODEL_SCHEMAS, or 'none' for helper prompts.")
    temperature: float = Field(default=0.0, ge=0, le=2)
    variables: tuple[str, ...]
    body: str

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.body.encode("utf-8")).hexdigest()[:12]

    @property
    def ident(self) -> str:
        return f"{self.name}@v{self.version}#{self.digest}"

    @property
    def output_model(self) -> type[BaseModel] | None:
        """The pydantic class the reply must fill (checked at load time), or None."""
        return None if self.output_schema == NO_SCHEMA else MODEL_SCHEMAS[self.output_schema]

    def render(self, **values: str) -> str:
        """The whole body with every declared variable filled in."""
        self._check_values(values)
        return string.Template(self.body).substitute(values)

    def messages(self, **values: str) -> list[dict[str, str]]:
        """The body as chat messages, split at its `### system` / `### user` lines before filling in."""
        self._check_values(values)
        return [
            {"role": role, "content": string.Template(text).substitute(values)}
            for role, text in _sections(self.body)
        ]

    def _check_values(self, values: dict[str, str]) -> None:
        missing = set(self.variables) - set(values)
        if missing:
            raise ConfigError(f"prompt {self.name} is missing values for: {sorted(missing)}")
        extra = set(values) - set(self.variables)
        if extra:
            raise ConfigError(f"prompt {self.name} got unknown variables: {sorted(extra)}")


def data_text(text: str) -> str:
    """Report-derived text as it may appear inside a prompt's data block: its delimiters defused,
    so a report cannot close the block and speak outside it."""
    return _DELIMITER.sub(lambda m: f"‹{m[1]}›", text)


def _sections(body: str) -> list[tuple[str, str]]:
    """(role, text) pairs; a body without role lines is one user message."""
    marks = list(_ROLE.finditer(body))
    if not marks:
        return [("user", body)]
    if body[: marks[0].start()].strip():
        raise ConfigError("prompt text before the first '### system' / '### user' line")
    ends = [m.start() for m in marks[1:]] + [len(body)]
    return [(mark[1], body[mark.end() : end].strip("\n")) for mark, end in zip(marks, ends, strict=True)]


def parse_prompt(name: str, text: str) -> PromptTemplate:
    """A template from the text of a prompt file; every problem is a `ConfigError` naming it."""
    match = _FRONT.match(text)
    if not match:
        raise ConfigError(f"prompt {name}: missing front matter")
    meta = yaml.safe_load(match[1]) or {}
    try:
        prompt = PromptTemplate(**meta, body=match[2])
    except (ValidationError, TypeError) as exc:
        raise ConfigError(f"prompt {name}: bad front matter: {exc}") from exc
    if prompt.output_schema != NO_SCHEMA and prompt.output_schema not in MODEL_SCHEMAS:
        known = ", ".join(sorted(MODEL_SCHEMAS))
        raise ConfigError(
            f"prompt {name}: unknown output_schema '{prompt.output_schema}' (known: {known}, or none)"
        )
    template = string.Template(prompt.body)
    if not template.is_valid():
        raise ConfigError(f"prompt {name}: a '$' that is not a placeholder (write $$ for a dollar sign)")
    used = set(template.get_identifiers())
    undeclared = used - set(prompt.variables)
    if undeclared:
        raise ConfigError(f"prompt {name} uses undeclared variables: {sorted(undeclared)}")
    unused = set(prompt.variables) - used
    if unused:
        raise ConfigError(f"prompt {name} declares variables it never uses: {sorted(unused)}")
    _sections(prompt.body)
    return prompt


def load_prompt(name: str) -> PromptTemplate:
    """Load `prompts/<name>.md` from the installed package data."""
    try:
        text = resources.files("prompts").joinpath(f"{name}.md").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(f"no prompt template named '{name}'") from exc
    return parse_prompt(name, text)
