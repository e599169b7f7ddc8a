"""Strict schemas from pydantic models, and reply text to a validated model."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, Field

from summarizer.llm.output import extract_json, parse_reply, strip_reasoning
from summarizer.llm.schema import strict_json_schema

from .data import Progress


class Cite(BaseModel):
    passage_id: str = Field(description="Id of the passage the quote comes from.")
    quote: str


class Point(BaseModel):
    text: str
    cites: list[Cite]
    note: str | None = None


class AnswerOut(BaseModel):
    answer: str
    answerable: bool = True
    points: list[Point] = Field(default_factory=list)
    main: Cite = Field(description="The key citation.")


def _objects(node: object) -> list[dict]:
    found: list[dict] = []
    if isinstance(node, dict):
        if node.get("type") == "object":
            found.append(node)
        for value in node.values():
            found.extend(_objects(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_objects(value))
    return found


def _keys(node: object) -> set[str]:
    if isinstance(node, dict):
        return set(node).union(*(_keys(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_keys(value) for value in node))
    return set()


def test_every_object_is_closed_and_every_property_required() -> None:
    schema = strict_json_schema(AnswerOut)
    objects = _objects(schema)
    assert len(objects) >= 4  # AnswerOut, Point, Cite (in $defs) and the inlined `main`
    for obj in objects:
        assert obj["additionalProperties"] is False
        assert obj["required"] == list(obj["properties"])
    assert "default" not in _keys(schema)


def test_a_ref_with_a_description_is_inlined() -> None:
    main = strict_json_schema(AnswerOut)["properties"]["main"]
    assert "$ref" not in main and main["description"] == "The key citation."
    assert main["required"] == ["passage_id", "quote"]


def test_the_default_model_of_the_tests_is_strict() -> None:
    schema = strict_json_schema(Progress)
    assert schema["required"] == ["project", "progress", "quote"]
    assert schema["properties"]["progress"]["maximum"] == 100


class WithTuple(BaseModel):
    span: tuple[int, int]


class WithMapping(BaseModel):
    counts: dict[str, int]


@pytest.mark.parametrize(("model", "word"), [(WithTuple, "prefixItems"), (WithMapping, "mapping")])
def test_shapes_that_cannot_be_strict_are_refused(model: type[BaseModel], word: str) -> None:
    with pytest.raises(TypeError, match=word):
        strict_json_schema(model)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('{"a": 1}', '{"a": 1}'),
        ('  {"a": 1}\n\nHope this helps!', '{"a": 1}'),
        ('<think>{"a": 0}</think>{"a": 1}', '{"a": 1}'),
        ('<THINK>\n想一想\n</THINK>\n\n{"a": 1}', '{"a": 1}'),
        ('reasoning without an opening tag</think>{"a": 1}', '{"a": 1}'),
        ('```json\n{"a": 1}\n```', '{"a": 1}'),
        ('Here you go:\n```JSON\n{"a": "中文"}\n```\nDone.', '{"a": "中文"}'),
        ('The result is {"a": {"b": [1, 2]}} and that is all.', '{"a": {"b": [1, 2]}}'),
        ('I see {braces} first, then {"a": 1}', '{"a": 1}'),
        ('{"a": 1,', '{"a": 1,'),
        ("no json here", "no json here"),
    ],
)
def test_extract_json(raw: str, expected: str) -> None:
    assert extract_json(raw) == expected


def test_strip_reasoning_keeps_text_outside_the_block() -> None:
    assert strip_reasoning("a<think>b</think>c") == "ac"


def test_parse_reply_reports_each_problem_with_its_location() -> None:
    value, problems = parse_reply('{"project": "支付", "progress": 160}', Progress)
    assert value is None
    assert "progress: Input should be less than or equal to 100 (got 160)" in problems
    assert any(p.startswith("quote: Field required") for p in problems)


def test_parse_reply_names_broken_json() -> None:
    value, problems = parse_reply('{"project": ', Progress)
    assert value is None and problems[0].startswith("the reply is not valid JSON")


def test_parse_reply_validates_chinese_content_unchanged() -> None:
    value, problems = parse_reply(
        '{"project": "跨境收单", "progress": 60, "quote": "预计12/10上线"}', Progress
    )
    assert problems == [] and value is not None and value.quote == "预计12/10上线"
