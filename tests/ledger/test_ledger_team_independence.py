"""A team's projects, slips and launches are its own: which other teams share the index, and the
names they write, change none of them (one team's `Go-live` is not another's)."""

from __future__ import annotations

import os
from pathlib import Path

from index.ledger import views
from index.ledger.store import Ledger
from index.load import load_document
from index.parse import parse_report


def _report(day: str, body: str) -> str:
    return f"# 稳定性周报 · {day}\n\n## 项目进展\n\n{body}\n"


TEAM_A = [
    # "网关熔断组件升级" is a line's lead in one report only, told nowhere else: not a project here
    (
        "2024-09-06.md",
        _report(
            "2024年9月6日",
            "网关熔断组件升级：9月20日前核心服务全部接入，进度正常。\n\n- 告警治理：进度正常，10月15日上线",
        ),
    ),
    ("2024-09-13.md", _report("2024年9月13日", "- 告警治理：延期，改为10月30日上线")),
    ("2024-09-20.md", _report("2024年9月20日", "- 告警治理：已上线")),
]
TEAM_B = [
    (
        "2024-09-06.md",
        _report(
            "2024年9月6日", "- 网关熔断组件升级：进度正常，目标9月27日\n- 告警治理：进度正常，目标11月1日"
        ),
    ),
    (
        "2024-09-13.md",
        _report("2024年9月13日", "- 网关熔断组件升级：受阻，目标推迟到10月11日\n- 告警治理：进度正常"),
    ),
    ("2024-09-20.md", _report("2024年9月20日", "- 网关熔断组件升级：受阻\n- 告警治理：已上线")),
]


def _ledger(root: Path, teams: dict[str, list[tuple[str, str]]]) -> Ledger:
    ledger = Ledger.open(root / "ledger.sqlite")
    for team, reports in teams.items():
        for name, text in reports:
            path = root / "reports" / team / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            ledger.upsert_report(parse_report(load_document(path), str(path)))
    return ledger


def _team_view(ledger: Ledger, team: str) -> tuple[object, ...]:
    """What the ledger says of one team, with the data folder's own path taken out."""

    def mine(report: str) -> bool:
        return os.path.basename(os.path.dirname(report)) == team

    return (
        sorted(
            (c, o.report.rsplit("/", 1)[-1], o.status, str(o.target))
            for c, o in views.observations(ledger)
            if mine(o.report)
        ),
        sorted((s.project, s.kind, s.week) for s in views.slips(ledger) if mine(s.evidence[-1].report)),
        sorted(
            (x.project, x.week) for x in views.launches(ledger) if x.evidence and mine(x.evidence[-1].report)
        ),
    )


def test_a_teams_ledger_is_the_same_alone_and_beside_a_team_writing_its_names(tmp_path: Path) -> None:
    alone = _ledger(tmp_path / "alone", {"a": TEAM_A})
    together = _ledger(tmp_path / "together", {"a": TEAM_A, "b": TEAM_B})
    a_alone = _team_view(alone, "a")
    assert a_alone == _team_view(together, "a")
    observed = {canonical for canonical, *_ in a_alone[0]}
    assert (
        "告警治理" in observed and "网关熔断组件升级" not in observed
    )  # B's two reports do not make A's lead
    b_alone = _team_view(_ledger(tmp_path / "b", {"b": TEAM_B}), "b")
    assert b_alone == _team_view(together, "b")
    assert ("网关熔断组件升级", "date_moved") in {(p, k) for p, k, _ in b_alone[1]}
