"""From a model's reply text to a validated pydantic model, or the problems to re-ask with.

Servers differ in how faithfully they honour `response_format` (some ignore it, reasoning
models emit `<think>…</think>` first, chatty ones wrap JSON in prose or fences), so whatever
the server claims, the reply is cleaned, parsed and validated here.
"""

from __future__ import annotations

import json
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

T = TypeVar("T", bound=BaseModel)

_THINK = re.compile(r"<think>.*?</think>", re.S | re.I)
_FENCE = re.compile(r"```[ \t]*(?:json|JSON)?[ \t]*\n?(.*?)```", re.S)


def strip_reasoning(text: str) -> str:
    """Drop `<think>` blocks; a lone `</think>` (the opening tag eaten by a template) ends one too."""
    text = _THINK.sub("", text)
    closing = text.lower().rfind("</think>")
    return text[closing + len("</think>") :] if closing >= 0 else text


def extract_json(text: str) -> str:
    """The JSON object in a reply: the reply itself, a fenced block, or the first object in prose.

    Schemas are pydantic models, so the document sought is always an object; trailing prose after
    it is dropped. Text that starts like JSON but does not parse is returned whole, so the parser
    can name the problem for the re-ask.
    """
    text = strip_reasoning(text).strip()
    if not text.startswith("{"):
        fence = _FENCE.search(text)
        if fence:
            text = fence[1].strip()
    decoder = json.JSONDecoder()
    for match in re.finditer(r"\{", text):
        try:
            _, end = decoder.raw_decode(text, match.start())
        except json.JSONDecodeError:
            if match.start() == 0:
                return text
            continue
        return text[match.start() : end]
    return text


def parse_reply(text: str, schema: type[T]) -> tuple[T | None, list[str]]:
    """The validated model, or None and one problem per line for the re-ask message."""
    candidate = extract_json(text)
    try:
        data: Any = json.loads(candidate)
    except json.JSONDecodeError as exc:
        return None, [f"the reply is not valid JSON: {exc}"]
    try:
        return schema.model_validate(data), []
    except ValidationError as exc:
        return None, [_describe(error) for error in exc.errors(include_url=False)]


def _describe(error: Any) -> str:
    where = ".".join(str(part) for part in error["loc"]) or "(top level)"
    shown = json.dumps(error.get("input"), ensure_ascii=False, default=str)
    if len(shown) > 80:
        shown = shown[:79] + "…"
    return f"{where}: {error['msg']} (got {shown})"
