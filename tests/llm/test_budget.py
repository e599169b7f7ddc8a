"""Token budgets, packing and cost estimates."""

from __future__ import annotations

import pytest

from index.tokens import count_tokens
from summarizer.llm.budget import cost, count_is_exact, message_tokens, pack, price_for
from summarizer.llm.config import DEFAULT_PRICES


def test_pack_keeps_a_prefix_in_priority_order_and_reports_the_rest() -> None:
    items = ["支付系统双活切换完成" * 3, "short", "another short one", "tail"]
    sizes = [count_tokens(item) for item in items]
    packed = pack(items, sizes[0] + sizes[1])
    assert packed.kept == items[:2] and packed.left_out == items[2:] and not packed.complete
    assert packed.tokens == sizes[0] + sizes[1]
    assert pack(items, 10**6).complete
    nothing = pack(items, 0)
    assert nothing.kept == [] and nothing.left_out == items


def test_pack_never_lets_a_small_low_priority_item_jump_the_queue() -> None:
    packed = pack(["a " * 50, "b"], 10)
    assert packed.kept == [] and packed.left_out == ["a " * 50, "b"]


def test_pack_counts_the_text_of_structured_items() -> None:
    passages = [{"id": "p1", "text": "hello world"}, {"id": "p2", "text": "x " * 500}]
    packed = pack(passages, 50, text=lambda passage: passage["text"])
    assert [p["id"] for p in packed.kept] == ["p1"] and [p["id"] for p in packed.left_out] == ["p2"]


def test_message_tokens_adds_the_chat_framing() -> None:
    assert message_tokens([]) == 3
    assert message_tokens([{"role": "user", "content": ""}]) == 7


def test_cost_uses_the_price_table_and_dated_snapshots() -> None:
    assert cost("gpt-4o-mini", 1_000_000, 1_000_000, DEFAULT_PRICES) == pytest.approx(0.75)
    assert cost("gpt-4o-mini-2024-07-18", 2000, 500, DEFAULT_PRICES) == pytest.approx(0.0006)
    assert price_for("gpt-4o-2024-08-06", DEFAULT_PRICES) == DEFAULT_PRICES["gpt-4o"]
    assert cost("llama3.1:8b", 1000, 1000, DEFAULT_PRICES) is None


@pytest.mark.parametrize(
    ("model", "exact"),
    [
        ("gpt-4-turbo", True),
        ("gpt-3.5-turbo", True),
        ("gpt-4o-mini", False),
        ("gpt-4.1-mini", False),
        ("qwen-plus", False),
    ],
)
def test_counts_are_exact_only_for_cl100k_models(model: str, exact: bool) -> None:
    assert count_is_exact(model) is exact
