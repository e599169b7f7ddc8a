"""The three commands end to end through the CLI: formats, exit codes, engine named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.workspace import Workspace


@pytest.fixture
def run(examples: Workspace) -> object:
    runner = CliRunner()

    def invoke(*args: str) -> tuple[int, str, str]:
        result = runner.invoke(app, [*args, "--index", str(examples.home)])
        return result.exit_code, result.stdout, result.stderr

    return invoke


def test_summarize_terminal_md_and_json(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("summarize", "--week", "2024-W49", "--series", "payments-zh")
    assert code == 0 and "第49周：分账系统升级推迟至12/24" in out and "引擎 local" in out
    code, out, _ = run("summarize", "--week", "2024-W49", "--series", "payments-zh", "--format", "md")
    assert code == 0 and out.startswith("## 周报摘要 · payments-zh · 第49周") and "### 风险与事故" in out
    code, out, _ = run("summarize", "--week", "2025-W21", "--series", "platform-en", "--json")
    data = json.loads(out)
    assert code == 0 and data["engine"] == "local" and data["week"] == "2025-W21" and data["highlights"]


def test_rollup_and_risks_commands(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("summarize", "--series", "platform-en", "--last", "4w", "--json")
    data = json.loads(out)
    # Four calendar weeks back from the latest report: W19 had no report (team offsite).
    assert code == 0 and (data["since"], data["until"], data["reports"]) == ("2025-W20", "2025-W22", 3)
    code, out, _ = run("risks", "--status", "open", "--series", "platform-en", "--format", "md")
    assert code == 0 and "**[open]** Checkout API Gateway Migration" in out and "engine local" in out
    code, out, _ = run("risks", "--since", "2025-W20", "--json")
    data = json.loads(out)
    assert (
        code == 0 and data["engine"] == "local" and all(e["last_seen"] >= "2025-W20" for e in data["entries"])
    )


def test_report_writes_one_html_file(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "out" / "status.html"
    code, _, err = run("report", "--html", str(target), "--from", "2024-Q4")
    assert code == 0 and target.exists() and "engine local" in err
    assert 'data-engine="local"' in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [
        ("summarize", "--lang", "fr"),
        ("summarize", "--week", "2024-W49", "--last", "4w"),
        ("summarize", "--format", "pdf"),
        ("summarize", "--series", "nosuch"),
        ("summarize", "--from", "last tuesday"),
        ("risks", "--status", "closed"),
        ("summarize", "--engine", "openai"),
    ],
)
def test_usage_errors_exit_2(run, args: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    code, _, _ = run(*args)
    assert code == 2


def test_a_week_without_a_report_is_a_clear_error(run) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("summarize", "--week", "2025-W19", "--series", "platform-en")
    assert code == 1 and "no platform-en report in week 2025-W19" in err
