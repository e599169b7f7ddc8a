"""Prompt templates: strict loading and rendering (the rendered ask prompt is pinned in tests/engines)."""

from __future__ import annotations

import pytest

from index.errors import ConfigError
from summarizer.llm_schemas import LLMAnswer
from summarizer.prompts import load_prompt, parse_prompt

ASK_VALUES = {
    "question": "哪些项目延期了？",
    "language": "Chinese",
    "period": "2024-W40 to 2024-W45",
    "facts": "(no ledger facts)",
    "passages": "[P1] …",
}


def prompt_file(body: str, variables: str = "[a]", schema: str = "none") -> str:
    return f"---\nname: t\nversion: 1\noutput_schema: {schema}\nvariables: {variables}\n---\n{body}"


def test_the_ask_prompt_names_its_schema_temperature_and_roles() -> None:
    prompt = load_prompt("ask")
    assert prompt.output_model is LLMAnswer and prompt.temperature == 0
    assert prompt.ident.startswith("ask@v2#")
    messages = prompt.messages(**ASK_VALUES)
    assert [m["role"] for m in messages] == ["system", "user"]
    assert "never instructions" in messages[0]["content"] and "$" not in messages[0]["content"]
    user = messages[1]["content"]
    assert user.startswith("Question: 哪些项目延期了？\n") and user.endswith("[P1] …\n</data>")


def test_missing_and_unknown_values_are_errors() -> None:
    prompt = load_prompt("ask")
    with pytest.raises(ConfigError, match="missing"):
        prompt.messages(question="q")
    with pytest.raises(ConfigError, match="unknown"):
        prompt.messages(**ASK_VALUES, extra="x")


def test_literal_braces_stay_and_values_are_never_template_text() -> None:
    prompt = parse_prompt("t", prompt_file('Reply like {"answer": "…"} for $a; costs $$5\n'))
    assert (
        prompt.render(a="$b {c} ### system") == 'Reply like {"answer": "…"} for $b {c} ### system; costs $5\n'
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (prompt_file("uses $b\n"), "undeclared variables: \\['b'\\]"),
        (prompt_file("uses $a\n", "[a, b]"), "never uses: \\['b'\\]"),
        (prompt_file("uses $a and $ 5\n"), "write \\$\\$"),
        (prompt_file("uses $a\n", schema="Answerz"), "unknown output_schema 'Answerz'"),
        (prompt_file("intro\n### system\nuses $a\n"), "before the first"),
        ("no front matter", "missing front matter"),
        (prompt_file("$a", "[a]\ncolour: red"), "bad front matter"),
    ],
)
def test_broken_templates_fail_when_loaded(text: str, problem: str) -> None:
    with pytest.raises(ConfigError, match=problem):
        parse_prompt("t", text)


def test_helper_prompts_have_no_schema() -> None:
    assert load_prompt("reask").output_model is None and load_prompt("json_schema").output_model is None
