"""Front matter (YAML between `---` fences, TOML between `+++`, YAML in a leading `<!--` comment) read
with bounded work.

Only scalars are kept (date, text, numbers), each capped: the parser's output is never turned
into text whole. Before, every value went through `str()`, and a 407-byte YAML alias bomb (nine
levels of nine references each) expanded into 3.5 GB over 74 s. YAML aliases are refused
outright (weekly reports have no use for them), nesting depth and size are capped before any
object is built, and a block that breaks a limit skips the file with a reason.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date, datetime
from pathlib import Path

import yaml

from index.errors import InputError
from index.models import FrontValue as Scalar

MAX_BYTES = 64 * 1024
MAX_DEPTH = 20
MAX_NODES = 10_000
MAX_VALUE_CHARS = 1_000
MAX_KEY_CHARS = 100

# libyaml's safe loader when PyYAML was built with it (several times faster; same nodes and marks).
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def split_front_matter(
    lines: list[tuple[int, str]], path: Path
) -> tuple[dict[str, Scalar], list[tuple[int, str]]]:
    """(front matter, the lines after it); ({}, lines) when there is none or it does not parse.

    Raises `InputError` when the block breaks a limit (size, depth, aliases): that is not a typo
    to shrug off but a file built to cost, or a generator gone wrong.
    """
    first = next((i for i, (_, text) in enumerate(lines) if text.strip()), None)
    if first is not None and lines[first][1].strip() == "<!--":
        return _comment_header(lines, first, path)
    if first is None or lines[first][1].strip() not in ("---", "+++"):
        return {}, lines
    fence = lines[first][1].strip()
    for end in range(first + 1, len(lines)):
        if lines[end][1].strip() == fence:
            block = "\n".join(text for _, text in lines[first + 1 : end])
            data = _load_yaml(block, path) if fence == "---" else _load_toml(block, path)
            if isinstance(data, dict):
                return _scalars(data), lines[end + 1 :]
            return {}, lines
    return {}, lines


# Keys that make a leading comment a page's metadata rather than a note the writer hid.
_HEADER_KEYS = frozenset(["title", "date", "datecreated", "created", "published"])


def _comment_header(
    lines: list[tuple[int, str]], first: int, path: Path
) -> tuple[dict[str, Scalar], list[tuple[int, str]]]:
    """A wiki's page metadata in an HTML comment before the body (Wiki.js's Git storage writes
    `<!--` / `title: …` / `date: …` / `dateCreated: …` / `-->`): front matter the page never shows.
    A comment whose lines are not such a mapping is a hidden note, left to the body."""
    for end in range(first + 1, len(lines)):
        if lines[end][1].strip() == "-->":
            block = "\n".join(text for _, text in lines[first + 1 : end])
            data = _load_yaml(block, path)
            if isinstance(data, dict) and {str(key).lower() for key in data} & _HEADER_KEYS:
                return _scalars(data), lines[end + 1 :]
            return {}, lines
    return {}, lines


def _check_size(block: str, path: Path) -> None:
    size = len(block.encode("utf-8"))
    if size > MAX_BYTES:
        raise InputError(
            path, f"front matter is {size / 1024:.0f} KB, over the {MAX_BYTES // 1024} KB limit", _HINT
        )


_HINT = "keep front matter to a few plain 'key: value' lines"


def _load_yaml(block: str, path: Path) -> object:
    _check_size(block, path)
    try:
        depth = 0
        for nodes, event in enumerate(yaml.parse(block, Loader=YAML_LOADER), start=1):
            if isinstance(event, yaml.AliasEvent):
                raise InputError(path, "front matter uses YAML aliases (*name), which are not read", _HINT)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise InputError(path, f"front matter is nested over {MAX_DEPTH} levels deep", _HINT)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            if nodes > MAX_NODES:
                raise InputError(path, f"front matter has over {MAX_NODES:,} values", _HINT)
        # The events passed every limit: building the objects is bounded by them.
        return yaml.load(block, Loader=YAML_LOADER)
    except yaml.YAMLError as exc:
        if "nesting depth" in str(exc):  # libyaml's scanner stops at 1,000 levels, ahead of us
            raise InputError(path, f"front matter is nested over {MAX_DEPTH} levels deep", _HINT) from None
        return None


def _load_toml(block: str, path: Path) -> object:
    _check_size(block, path)
    try:
        return tomllib.loads(block)
    except tomllib.TOMLDecodeError:
        return None
    except RecursionError:
        # tomllib recurses per nesting level; deep arrays hit the interpreter's limit.
        raise InputError(path, "front matter is nested too deeply", _HINT) from None


def _scalars(data: dict[object, object]) -> dict[str, Scalar]:
    """Top-level scalar values, text capped; keys lowercased. Lists and tables are dropped."""
    out: dict[str, Scalar] = {}
    for key, value in data.items():
        if not isinstance(key, str | int | float | bool | date):
            continue
        name = str(key).lower()[:MAX_KEY_CHARS]
        if isinstance(value, str):
            out[name] = value[:MAX_VALUE_CHARS]
        elif isinstance(value, datetime) or value is None or isinstance(value, int | float | bool | date):
            out[name] = value
    return out


# A note app's raw export writes the note's metadata after its body (Joplin: `id: <32 hex>`,
# `parent_id: …`, `created_time: 2025-04-25T10:20:37.089Z`, … `type_: 1`), one `key: value` line
# each, keys in lower snake case.
_BACK_LINE = re.compile(r"^([a-z][a-z0-9_]{0,40}):(?:\s(.*))?$")
_BACK_MIN_LINES = 6
_BACK_STAMP_KEYS = ("created_time", "user_created_time", "updated_time", "user_updated_time")


def split_back_matter(lines: list[tuple[int, str]]) -> tuple[dict[str, Scalar], list[tuple[int, str]]]:
    """(the metadata block after a note's body, the lines before it); ({}, lines) without one.
    A block is six or more `key: value` lines after a blank line, up to the end, one key a stamp
    of when the note was made: the note's metadata, never a project's fields."""
    end = len(lines)
    while end and not lines[end - 1][1].strip():
        end -= 1
    start = end
    while start and _BACK_LINE.match(lines[start - 1][1].rstrip()):
        start -= 1
    if end - start < _BACK_MIN_LINES or (start and lines[start - 1][1].strip()):
        return {}, lines
    found: dict[str, Scalar] = {}
    for _, text in lines[start:end]:
        match = _BACK_LINE.match(text.rstrip())
        if match is not None:
            found[match[1]] = (match[2] or "").strip()[:MAX_VALUE_CHARS]
    stamps = {key: _stamp(str(found[key])) for key in _BACK_STAMP_KEYS if key in found}
    if not any(stamps.values()):
        return {}, lines
    found.update({key: stamp for key, stamp in stamps.items() if stamp is not None})
    return found, lines[:start]


def _stamp(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None
    except ValueError:
        return None
