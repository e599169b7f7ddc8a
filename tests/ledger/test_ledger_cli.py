"""The ledger commands through the real CLI: JSON shapes, verification counts, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from index.ledger.store import Ledger
from summarizer.cli import app

from .conftest import WriteReport, build

runner = CliRunner(env={"COLUMNS": "160"})

WEEK_1 = """
# 周报 2024-11-01

## 【重点工作】
- 清分系统：按计划，进度40%，预计11/6上线
- 商户中心：进度60%

## 【运行数据】
- 支付成功率：99.95%

## 【稳定性】
1. 生产稳定性事件：
- 10/30 14:00 网关超时，持续12分钟，影响300笔支付，定级C级
"""
WEEK_2 = """
# 周报 2024-11-08

## 【重点工作】
- 清分：有风险，进度50%，原计划11/6上线，延期至11/20上线
- 商户中心：进度60%

## 【运行数据】
- 支付成功率：99.91%
"""


@pytest.fixture
def home(isolated_home: Path, write_report: WriteReport) -> Path:
    reports = [write_report("w44.md", WEEK_1), write_report("w45.md", WEEK_2)]
    with Ledger.open(isolated_home / "ledger.sqlite") as ledger:
        build(ledger, reports)
    return isolated_home


def invoke(*args: str) -> dict:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["engine"] == "local"
    return payload


def test_slips_json_contract(home: Path) -> None:
    payload = invoke("slips")
    assert payload["dropped"] == 0
    slips = {s["kind"]: s for s in payload["slips"]}
    assert set(slips) == {"date_moved", "status_downgrade"}
    moved = slips["date_moved"]
    assert set(moved) == {"project", "aliases", "kind", "from", "to", "week", "evidence"}
    assert (moved["project"], moved["aliases"], moved["from"], moved["to"], moved["week"]) == (
        "清分系统",
        ["清分"],
        "2024-11-06",
        "2024-11-20",
        "2024-W45",
    )
    first = moved["evidence"][0]
    assert set(first) == {"report", "week", "section", "lines", "quote"}
    assert first["quote"] == "预计11/6上线" and first["lines"][0] == first["lines"][1]


def test_unverifiable_slips_are_dropped_and_counted(home: Path, tmp_path: Path) -> None:
    (tmp_path / "reports" / "w45.md").write_text(
        "# 周报 2024-11-08\n\n(edited since ingest)\n", encoding="utf-8"
    )
    payload = invoke("slips")
    assert payload["slips"] == [] and payload["dropped"] == 2
    table = runner.invoke(app, ["slips"])
    assert "dropped 2 unverified" in table.stdout


def test_since_filters_and_bad_week_is_a_usage_error(home: Path) -> None:
    assert invoke("slips", "--since", "2024-W46")["slips"] == []
    assert runner.invoke(app, ["slips", "--since", "last week"]).exit_code == 2


def test_projects_timeline_changes_incidents_metrics(home: Path) -> None:
    names = {p["name"]: p for p in invoke("projects")["projects"]}
    assert names["清分系统"]["aliases"] == ["清分"]
    timeline = invoke("timeline", "清分")
    assert timeline["project"] == "清分系统" and [o["progress"] for o in timeline["observations"]] == [40, 50]
    changes = invoke("changes")
    assert changes["from_week"] == "2024-W44" and changes["to_week"] == "2024-W45"
    assert [d["delta"] for d in changes["metric_deltas"]] == [pytest.approx(-0.04)]
    assert invoke("changes", "--from", "2024-W44", "--to", "2024-W45")["to_week"] == "2024-W45"
    (incident,) = invoke("incidents")["incidents"]
    assert (incident["severity"], incident["duration_minutes"]) == ("C级", 12)
    (series,) = invoke("metrics", "成功率")["series"]
    assert [p["value"] for p in series["points"]] == [99.95, 99.91]


def test_tables_name_the_engine(home: Path) -> None:
    for args in (["projects"], ["timeline", "清分系统"], ["slips"], ["changes"], ["incidents"], ["metrics"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert "engine local" in result.stdout, args


def test_no_ledger_and_unknown_project_are_one_line_errors(isolated_home: Path) -> None:
    result = runner.invoke(app, ["slips"])
    assert result.exit_code == 1 and "summarizer ingest" in result.output
    with Ledger.open(isolated_home / "ledger.sqlite"):
        pass
    unknown = runner.invoke(app, ["timeline", "无此项目"])
    assert unknown.exit_code == 1 and "no project" in unknown.output


def test_week_and_range_are_exclusive(home: Path) -> None:
    assert runner.invoke(app, ["changes", "--week", "2024-W45", "--from", "2024-W44"]).exit_code == 2


def test_lists_count_every_team_and_take_series_and_all(home: Path) -> None:
    payload = invoke("slips")
    assert payload["total"] == 2 and payload["left_out"] == 0
    assert [(t["name"], t["items"], t["facts"]) for t in payload["teams"]] == [("reports", 1, 2)]
    assert invoke("slips", "--series", "reports", "--all")["slips"] == payload["slips"]
    assert invoke("incidents", "--series", "reports")["total"] == 1
    unknown = runner.invoke(app, ["slips", "--series", "nowhere"])
    assert unknown.exit_code == 2 and "known: reports" in unknown.output
    table = runner.invoke(app, ["slips"])
    assert "清分系统" in table.stdout and "2 slips: reports 2 in 1 projects" in table.stdout
