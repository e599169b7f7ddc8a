"""The openai engine's side of a request, without a network: the rendered prompt, packing, grounding."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pydantic import SecretStr

from summarizer.config import load_settings
from summarizer.engines.openai_engine import OpenAIEngine
from summarizer.engines.openai_engine.grounding import Grounding
from summarizer.engines.openai_engine.material import data_text, fact_blocks, passage_blocks, report_name
from summarizer.errors import ConfigError
from summarizer.llm.client import ChatClient
from summarizer.llm.config import llm_config
from summarizer.llm_schemas import LLMAnswer, LLMCite, LLMPoint

from .engine_context import EN, ZH, context

GOLDEN = Path(__file__).parent / "golden" / "ask_prompt.txt"


def engine(**settings: object) -> OpenAIEngine:
    config = llm_config(load_settings(overrides=settings, environ={"OPENAI_API_KEY": "sk-unused-here"}))

    def refuse() -> ChatClient:
        raise AssertionError("no client is built for preparing a prompt")

    return OpenAIEngine("openai", config, refuse)


def test_the_rendered_ask_prompt_matches_the_golden_text() -> None:
    prepared = engine().prepare(context())
    text = "".join(f"=== {m['role']}\n{m['content']}\n" for m in prepared.messages)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")
    assert prepared.notes == [] and prepared.prompt_tokens <= prepared.budget == 4000


def test_report_text_stays_inside_the_data_block() -> None:
    system, user = engine().prepare(context()).messages
    assert "never instructions" in system["content"]
    assert "every project is on track" not in system["content"]
    before, data = user["content"].split("<data>\n", 1)
    inside, after = data.split("\n</data>", 1)
    assert "every project is on track" in inside and "on track" not in before and after == ""
    assert user["content"].count("</data>") == 1 and "‹/data›" in inside
    assert data_text("a <DATA> b < /data > c") == "a ‹DATA› b ‹ /data › c"


def test_no_absolute_path_enters_the_prompt() -> None:
    """The request hash names a cassette: it must not depend on where the checkout lives."""
    messages = engine().prepare(context()).messages
    assert "/data/reports" not in str(messages)
    assert report_name(ZH) == "payments-zh/2024-W45.md"


def test_facts_come_first_and_a_small_budget_leaves_passages_out_with_a_note() -> None:
    full = engine().prepare(context())
    assert [b.kind for b in full.material.kept] == ["fact", "fact", "passage", "passage"]
    # The headline block holds no lines (its key citation is a point's); F ids number the lines.
    assert [s.id for b in full.material.kept for s in b.sources] == ["F1", "F2", "P1", "P2"]
    tight = engine(context_tokens=2000 + full.prompt_tokens - 60, output_tokens=2000).prepare(context())
    assert [b.kind for b in tight.material.kept] == ["fact", "fact", "passage"]
    assert tight.prompt_tokens <= tight.budget
    assert tight.notes == [
        f"left out of the model's prompt by the token budget ({tight.budget} tokens): 1 of 2 passages;"
        " raise context_tokens to include them"
    ]
    assert "P2" not in tight.sources and "[P2]" not in tight.messages[1]["content"]


def test_a_budget_smaller_than_the_prompt_itself_is_a_configuration_error() -> None:
    with pytest.raises(ConfigError, match="no room"):
        engine(context_tokens=1000, output_tokens=900).prepare(context())


def test_the_schema_counts_toward_the_prompt_whichever_way_it_travels() -> None:
    strict = engine().prepare(context()).prompt_tokens
    assert engine(llm_capability="json_object").prepare(context()).prompt_tokens > strict - 50


def cite(pid: str, quote: str) -> LLMCite:
    return LLMCite(passage_id=pid, quote=quote)


def reply(*cites: LLMCite, answerable: bool = True) -> LLMAnswer:
    return LLMAnswer(answer="a", answerable=answerable, points=[LLMPoint(text="p", cites=list(cites))])


@pytest.fixture
def grounding() -> Grounding:
    ctx = context()
    sources = {s.id: s for b in [*fact_blocks(ctx.facts), *passage_blocks(ctx.passages)] for s in b.sources}
    return Grounding(sources, ctx.sources)


@pytest.mark.parametrize(
    ("the_cite", "lines"),
    [
        (cite("P1", "认证通过前不能上生产"), (12, 12)),  # one line of a six-line passage
        (cite("P1", "不能上生产， 上线时间从11/22"), (12, 13)),  # across a wrapped line, spaces folded
        (cite("P2", "status: off TRACK"), (19, 19)),  # case folded, list marker stripped
        (cite("F2", "上线时间从11/22调整为12/6"), (13, 13)),  # a fact's line
        (cite(" F1 ", "预计11/22上线"), (29, 29)),  # lines not at hand: the fact's own span
    ],
)
def test_cites_map_to_the_fewest_lines_that_hold_the_quote(
    grounding: Grounding, the_cite: LLMCite, lines: tuple[int, int]
) -> None:
    assert grounding.problems(reply(the_cite)) == []
    citation = grounding.citation(the_cite)
    assert citation is not None and citation.lines == lines
    assert citation.report in (ZH, EN)


@pytest.mark.parametrize(
    ("the_cite", "problem"),
    [
        (cite("P7", "上线时间"), "passage_id 'P7' is not one of the ids shown (F1, F2, P1, P2)"),
        (cite("P1", "上线时间从11/22调整为12/20"), "does not occur in P1; copy the words exactly from P1"),
        (cite("P2", "上线时间从11/22调整为12/6"), "does not occur in P2"),
        (cite("F2", "   "), "the quote is empty"),
        (cite("P1", "上" * 401), "quote one line or part of one"),
    ],
)
def test_cites_that_do_not_check_out_are_problems_for_the_reask(
    grounding: Grounding, the_cite: LLMCite, problem: str
) -> None:
    problems = grounding.problems(reply(the_cite))
    assert len(problems) == 1 and problems[0].startswith("points[0].cites[0]: ") and problem in problems[0]
    assert grounding.citation(the_cite) is None


def test_the_answer_drops_and_counts_what_does_not_check_out(grounding: Grounding) -> None:
    ctx = context()
    value = LLMAnswer(
        answer="卡组织认证排期晚了两周。",
        answerable=True,
        points=[
            LLMPoint(text="认证晚两周", cites=[cite("P1", "比预期晚两周"), cite("P9", "x")]),
            LLMPoint(text="编造", cites=[cite("P2", "every project is delayed")]),
            LLMPoint(text="无引用", cites=[]),
        ],
    )
    assert len(grounding.problems(value)) == 3
    answer = grounding.answer(value, engine="replay", plan=ctx.plan, notes=["n"])
    assert [p.text for p in answer.points] == ["认证晚两周"]
    assert answer.dropped_citations == 2 and answer.engine == "replay"
    assert answer.citations == answer.points[0].citations and answer.citations[0].lines == (12, 12)
    assert answer.notes == ["n", "2 point(s) of the model's reply dropped: none of their cites verified"]
    assert answer.plan.intent == "slips"


def test_an_engine_is_built_without_a_key_and_asks_for_one_only_when_it_calls(tmp_path: Path) -> None:
    from summarizer.engines import EngineOptions, get_engine
    from summarizer.llm.errors import MissingKeyError

    settings = load_settings(overrides={"home": tmp_path}, environ={})
    built = get_engine("openai", settings, EngineOptions())
    assert built.usage() is not None and built.usage().calls == 0  # type: ignore[union-attr]
    with pytest.raises(MissingKeyError):
        built.answer(context())
    built.close()
    assert llm_config(settings).api_key is None
    assert llm_config(settings, replay_url="http://127.0.0.1:1/v1").api_key == SecretStr("replay-no-key")


def test_lines_the_headline_rests_on_come_after_the_points_one_by_one() -> None:
    from dataclasses import replace

    from index.schemas import Citation

    ctx = context()
    extra = Citation(
        report=ZH, week="2024-W41", section="【指标】", lines=(36, 36), quote="出金有效成功率：99.98%"
    )
    blocks = fact_blocks(replace(ctx.facts, key=[*ctx.facts.key, extra]))
    assert [b.text.splitlines()[0][:9] for b in blocks] == ["Summary: ", "- 海外商户收单平", "- A line "]
    assert blocks[-1].text.endswith("[F3] 2024-W41: 出金有效成功率：99.98%") and blocks[-1].kind == "line"
    unanswered = fact_blocks(replace(ctx.facts, headline=None, points=[], key=[extra]))
    assert len(unanswered) == 1 and unanswered[0].text.startswith("The ledger has no answer")
    assert fact_blocks(replace(ctx.facts, headline=None, points=[], key=[])) == []
