"""Token budgets and cost estimates.

Counts use `index.tokens.count_tokens`: tiktoken's cl100k, shipped offline. Only the older OpenAI
models use cl100k; the gpt-4o family uses o200k (not available offline) and other vendors their
own tokenizers, so every count here is an estimate. The server's `usage` is the truth, and the
call log records that.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from index.tokens import count_tokens, get_encoding

ItemT = TypeVar("ItemT")

# Per-message framing in the chat format (role markers); the figure OpenAI's cookbook uses.
MESSAGE_OVERHEAD = 4
REPLY_PRIMING = 3


def count_is_exact(model: str) -> bool:
    """Whether offline counts are this model's own: only for cl100k models, with cl100k available."""
    cl100k = model == "gpt-4" or model.startswith(("gpt-4-", "gpt-3.5-turbo", "text-embedding-"))
    return cl100k and get_encoding() is not None


def message_tokens(messages: Sequence[Mapping[str, Any]]) -> int:
    """Estimated prompt tokens of a chat request."""
    total = REPLY_PRIMING
    for message in messages:
        total += MESSAGE_OVERHEAD + count_tokens(str(message.get("content") or ""))
    return total


@dataclass(frozen=True)
class Packed(Generic[ItemT]):
    """Items that fit, in priority order, and those left out: nothing is cut silently."""

    kept: list[ItemT]
    left_out: list[ItemT] = field(default_factory=list)
    tokens: int = 0
    budget: int = 0

    @property
    def complete(self) -> bool:
        return not self.left_out


def pack(items: Sequence[ItemT], budget: int, *, text: Callable[[ItemT], str] = str) -> Packed[ItemT]:
    """Keep items in the given (priority) order while they fit.

    The first item that does not fit ends the pack, so `kept` is always a prefix: a smaller item
    of lower priority never displaces a larger one of higher priority. No item is truncated.
    """
    kept: list[ItemT] = []
    used = 0
    for index, item in enumerate(items):
        size = count_tokens(text(item))
        if used + size > budget:
            return Packed(kept, list(items[index:]), used, budget)
        kept.append(item)
        used += size
    return Packed(kept, [], used, budget)


def price_for(model: str, prices: Mapping[str, tuple[float, float]]) -> tuple[float, float] | None:
    """The price row of a model, or of the longest name it starts with ('gpt-4o-mini-2024-07-18')."""
    if model in prices:
        return prices[model]
    matches = [name for name in prices if model.startswith(name)]
    return prices[max(matches, key=len)] if matches else None


def cost(
    model: str, prompt_tokens: int, completion_tokens: int, prices: Mapping[str, tuple[float, float]]
) -> float | None:
    """Estimated USD for one call; None when the model has no price row."""
    row = price_for(model, prices)
    if row is None:
        return None
    per_input, per_output = row
    return (prompt_tokens * per_input + completion_tokens * per_output) / 1_000_000
