"""What a structured call returns: the parsed model with its usage, attempts and provenance."""

from __future__ import annotations

from dataclasses import dataclass, field
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
    problems: tuple[str, ...] = ()
    """What the `validate` hook still objected to, when the caller chose `keep_last` (else empty)."""


@dataclass
class Spend:
    """What one client spent so far in this process: every attempt, failed ones included.

    Tokens and cost count billed calls only; a cache hit is counted in `calls` and `cache_hits`.
    `cost_usd` is None once a billed call's model had no price row (the sum would be a guess).
    """

    calls: int = 0
    cache_hits: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = 0.0
    outcomes: dict[str, int] = field(default_factory=dict)

    def add(self, usage: Usage, *, cache_hit: bool, cost_usd: float | None, outcome: str) -> None:
        self.calls += 1
        self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1
        if cache_hit:
            self.cache_hits += 1
            return
        self.prompt_tokens += usage.prompt_tokens
        self.completion_tokens += usage.completion_tokens
        self.cost_usd = None if cost_usd is None or self.cost_usd is None else self.cost_usd + cost_usd

    def __add__(self, other: Spend) -> Spend:
        """Two clients' spend as one (an eval's answer engine and its summary writer)."""
        outcomes = dict(self.outcomes)
        for outcome, n in other.outcomes.items():
            outcomes[outcome] = outcomes.get(outcome, 0) + n
        both = None if self.cost_usd is None or other.cost_usd is None else self.cost_usd + other.cost_usd
        return Spend(
            self.calls + other.calls,
            self.cache_hits + other.cache_hits,
            self.prompt_tokens + other.prompt_tokens,
            self.completion_tokens + other.completion_tokens,
            both,
            outcomes,
        )

    def line(self, model: str, *, replay: bool = False) -> str:
        """One line for the end of a command: calls, tokens in/out, cache hits, estimated cost."""
        if self.cost_usd is None:
            price = f"cost unknown (no price for {model}: set prices)"
        elif replay:
            price = f"est. ${self.cost_usd:.4f} at {model} prices (replay: nothing billed)"
        else:
            price = f"est. ${self.cost_usd:.4f}"
        return (
            f"llm · {model} · {self.calls} call(s) · tokens {self.prompt_tokens:,} in / "
            f"{self.completion_tokens:,} out · cache hits {self.cache_hits} · {price}"
        )
