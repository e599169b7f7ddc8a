"""Prompt templates: strict rendering and a golden copy of the rendered ask prompt."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.errors import ConfigError
from summarizer.prompts import load_prompt

GOLDEN = Path(__file__).parent / "fixtures" / "golden_ask_prompt.txt"


def test_ask_prompt_renders_to_the_golden_text() -> None:
    prompt = load_prompt("ask")
    rendered = prompt.render(
        question="哪些项目延期了？",
        period="2024-W40..2024-W45",
        context="[payments-zh/2024-W42.md 【重点工作】 L12-14]\n- 跨境收单：预计12/10上线",
    )
    assert rendered == GOLDEN.read_text(encoding="utf-8")
    assert prompt.ident.startswith("ask@v1#")


def test_missing_and_unknown_variables_are_errors() -> None:
    prompt = load_prompt("ask")
    with pytest.raises(ConfigError, match="missing"):
        prompt.render(question="q", period="p")
    with pytest.raises(ConfigError, match="unknown"):
        prompt.render(question="q", period="p", context="c", extra="x")
