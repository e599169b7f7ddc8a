"""What a structured call returns: the parsed model with its usage, attempts and provenance."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import BaseModel

T = TypeVar("T", bound=BaseModel)


@dataclass(frozen=True)
class Usage:
    """Token counts as the server reported them (the truth; local counts are estimates)."""

    prompt_tokens: int = 0
    completion_tokens: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            self.prompt_tokens + other.prompt_tokens, self.completion_tokens + other.completion_tokens
        )


@dataclass(frozen=True)
class StructuredResult(Generic[T]):
    """A validated reply. `usage` and `latency_ms` add up every attempt, re-asks included."""

    value: T
    raw: str
    usage: Usage
    attempts: int
    cache_hit: bool
    latency_ms: float
    request_key: str
    prompt_ident: str
    model: str
    cost_usd: float | None
