"""End to end: plan -> retrieve -> local engine -> verifier, on the session index."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from index.schemas import Citation
from index.verify import Verifier
from summarizer.pipelines.ask import ask, verify
from summarizer.schemas import Answer, Point

from .conftest import CORPUS


def answer(question: str, workspace: Any) -> Answer:
    return ask(question, workspace).answer


def _quotes(result: Answer) -> list[str]:
    return [c.quote for p in result.points for c in p.citations]


def test_free_question_zh_is_answered_with_exact_quotes(workspace: Any) -> None:
    result = answer("会员积分商城什么时候上线？", workspace)
    assert result.answerable
    assert result.engine == "local"
    assert result.dropped_citations == 0
    assert any("3/29" in q for q in _quotes(result))
    assert result.answer.startswith("根据周报")
    for citation in result.citations:
        lines = Path(citation.report).read_text(encoding="utf-8").splitlines()
        span = "".join(lines[citation.lines[0] - 1 : citation.lines[1]])
        assert citation.quote.replace(" ", "") in span.replace(" ", "")


def test_free_question_en_respects_time_range(workspace: Any) -> None:
    result = answer("What was the mean time to restore last week?", workspace)
    assert result.answerable
    # Latest report of the infra series is 2024-03-15 (W11), so "last week" is W10.
    assert (result.plan.since, result.plan.until) == ("2024-W10", "2024-W10")
    assert {c.week for c in result.citations} == {"2024-W10"}
    assert any("37 min" in q for q in _quotes(result))


def test_unanswerable_question_is_flagged(workspace: Any) -> None:
    result = answer("What is the office cafeteria lunch budget for marketing?", workspace)
    assert not result.answerable
    assert result.answer.startswith("The reports do not cover this")
    assert result.dropped_citations == 0


def test_unanswerable_question_zh(workspace: Any) -> None:
    result = answer("公司股价是多少？", workspace)
    assert not result.answerable
    assert result.answer.startswith("周报中没有涉及")


def test_incident_question_uses_incident_sections(workspace: Any) -> None:
    result = answer("最近有哪些故障？", workspace)
    assert result.answerable
    assert result.plan.intent == "incidents"
    assert any("积分查询超时" in q for q in _quotes(result))


def test_verifier_drops_fabricated_quote(workspace: Any) -> None:
    report = str(CORPUS / "growth-zh" / "2024-03-08.md")
    real = Citation(
        report=report, week="2024-W10", section="故障", lines=(15, 15), quote="积分查询超时，持续18分钟"
    )
    fake = real.model_copy(update={"quote": "积分商城已全量上线"})
    elsewhere = real.model_copy(update={"lines": (5, 5)})
    draft = Answer(answer="x", points=[Point(text="p", citations=[real, fake])], citations=[real, elsewhere])
    checked = verify(draft, Verifier())
    assert checked.points[0].citations == [real]
    assert checked.citations == [real]
    assert checked.dropped_citations == 2


def test_cli_json(ask_home: Path) -> None:
    from summarizer.cli.ask_cmd import ask_app

    runner = CliRunner()
    result = runner.invoke(
        ask_app,
        ["Deploy frequency", "--json", "--index", str(ask_home), "--since", "2024-W11"],
        env={"COLUMNS": "120"},
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    Answer.model_validate(data)
    assert data["engine"] == "local"
    assert data["plan"]["since"] == "2024-W11"
    assert all(c["week"] == "2024-W11" for c in data["citations"])


def test_cli_terminal_output(ask_home: Path) -> None:
    from summarizer.cli import app

    result = CliRunner().invoke(
        app, ["ask", "Log pipeline migration ETA", "--index", str(ask_home)], env={"COLUMNS": "160"}
    )
    assert result.exit_code == 0, result.output
    assert "citations" in result.output
    assert "engine local" in result.output
    assert "dropped citations 0" in result.output


def test_cli_bad_week_is_usage_error(ask_home: Path) -> None:
    from summarizer.cli.ask_cmd import ask_app

    result = CliRunner().invoke(ask_app, ["x", "--since", "yesterday", "--index", str(ask_home)])
    assert result.exit_code == 2
