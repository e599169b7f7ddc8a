"""Other teams' report shapes: bold labels with emoji status, project tables, plain-text zh ordinals."""

from __future__ import annotations

from datetime import date

import pytest

from index.ledger.extract import extract_facts
from index.verify import Verifier

from .conftest import WriteReport

BOLD_AND_TABLE = """
# Risk Platform Weekly Update (2025-06-13)

## Status
- **Payments API v3** — 🟢 On track — 60% — ETA 2025-07-01
- **Fraud Model Refresh** — 🟡 At risk: labeling behind; ETA moved to Jul 18 (was Jul 4)
- **Legacy Batch Decommission** — ✅ Done
- Merchant Onboarding Revamp: blocked on legal review, 35% complete, target end of month

## Project table
| Project | Status | Progress | ETA | Owner |
|---|---|---|---|---|
| Ledger Export | On track | 40% | Jul 25 | Ana |
| Card Vault Migration | Off track | 20% | Aug 8 | Raj |

## Incidents
### SEV-2: Card auth latency (Jun 10)
Duration 47 minutes. Impact: ~2% of card auths timed out. Root cause: noisy neighbour. Resolution: moved host.
"""

PLAIN_ZH = """
2025年第24周工作周报 2025-06-13

一、本周工作
1. 会员积分系统：完成接口开发，进度60%，预计6月30日上线
2. 智能客服二期：测试中，整体进度80%，原定6/20上线，推迟至6/27
3. 数据中台：本周无进展，进度仍为45%
4. 老系统下线：已完成

二、问题与风险
1. 第三方接口文档未交付，存在延期风险
"""

HEADING_FIELDS = """
# Growth squad — weekly, 2025-06-13

## Checkout Revamp
**Status:** 🟡 At Risk
**Target:** June 14th
**Progress:** 45%

Waiting on the payments SDK upgrade.

## Referral Program
**Status:** Launched
**Launched on:** June 11th
"""

PROSE_EN = """
# Growth Eng — Status Update, 14 March 2025

## Workstreams

**Onboarding v3** 🟡 — 55% done; target 28 Mar; owner Dana Lee. QA found two blocking bugs
in the new welcome flow, fixes are in review.

**Referral Rewards** 🟢 — 80% done; launch slipping to 4 Apr after the payout review.

Nothing else changed this fortnight.
"""

FEISHU_ZH = """
# 数据平台部周报（2025.03.14）

> 汇报人：张伟 ｜ 周期：3.10 - 3.14

一、本周完成
1. 调度系统升级 —— 完成度 80%，计划 4月18日 上线，负责人：陈晨

二、进行中
1. 实时数仓迁移 —— 完成度 60%，推迟至 4月18日 上线，状态：延期
2. 元数据管理平台 —— 完成度 45%，计划 5月16日 上线，负责人：刘洋，状态：正常

五、线上问题
- 3月12日 14:20 Kafka集群磁盘告警导致任务延迟40分钟，影响报表刷新，定级P2
"""

EXPECTED = [
    ("Payments API v3", 60, date(2025, 7, 1), "on_track"),
    ("Fraud Model Refresh", None, date(2025, 7, 18), "at_risk"),
    ("Legacy Batch Decommission", None, None, "done"),
    ("Merchant Onboarding Revamp", 35, date(2025, 6, 30), "blocked"),
    ("Ledger Export", 40, date(2025, 7, 25), "on_track"),
    ("Card Vault Migration", 20, date(2025, 8, 8), "off_track"),
    ("会员积分系统", 60, date(2025, 6, 30), None),
    ("智能客服二期", 80, date(2025, 6, 27), "off_track"),
    ("数据中台", 45, None, None),
    ("老系统下线", None, None, "done"),
    ("Checkout Revamp", 45, date(2025, 6, 14), "at_risk"),
    ("Referral Program", None, None, "launched"),
    # Prose paragraphs that open with a bold name; a target "slipping to" a date.
    ("Onboarding v3", 55, date(2025, 3, 28), "at_risk"),
    ("Referral Rewards", 80, date(2025, 4, 4), "off_track"),  # "slipping" outweighs its green light
    # Feishu-style zh: "本周完成" / "进行中" sections hold projects; "——" ends the name.
    ("调度系统升级", 80, date(2025, 4, 18), None),
    ("实时数仓迁移", 60, date(2025, 4, 18), "off_track"),
    ("元数据管理平台", 45, date(2025, 5, 16), "on_track"),  # "状态：正常" mid-line
]


@pytest.fixture
def observations(write_report: WriteReport) -> dict:
    pairs = (
        ("a.md", BOLD_AND_TABLE),
        ("b.txt", PLAIN_ZH),
        ("c.md", HEADING_FIELDS),
        ("d.md", PROSE_EN),
        ("e.md", FEISHU_ZH),
    )
    facts = [extract_facts(write_report(name, text)) for name, text in pairs]
    return {o.project: o for f in facts for o in f.observations}


@pytest.mark.parametrize(("project", "progress", "target", "status"), EXPECTED)
def test_shapes(
    observations: dict, project: str, progress: int | None, target: date | None, status: str
) -> None:
    obs = observations[project]
    assert (obs.progress, obs.target, obs.status) == (progress, target, status)


def test_stated_launch_date(observations: dict) -> None:
    assert observations["Referral Program"].completed_on == date(2025, 6, 11)


def test_table_cells_are_cited_on_their_row(observations: dict) -> None:
    obs = observations["Card Vault Migration"]
    assert obs.owner == "Raj"
    # a day cell alone says nobody's date: its row, which names the project, is the quote
    assert obs.target_evidence is not None
    assert "Aug 8" in obs.target_evidence.quote and "Card Vault Migration" in obs.target_evidence.quote
    # so does a status cell (`Off track`, a light's `Y`): the slip's quote must say whose status it is
    assert obs.status_evidence is not None and "Card Vault Migration" in obs.status_evidence.quote
    verifier = Verifier()
    for o in observations.values():
        for c in (o.evidence, o.progress_evidence, o.target_evidence, o.status_evidence):
            assert c is None or verifier.check(c), c


def test_incident_as_a_subsection(write_report: WriteReport) -> None:
    (incident,) = extract_facts(write_report("a.md", BOLD_AND_TABLE)).incidents
    assert (incident.title, incident.severity, incident.duration_minutes) == (
        "Card auth latency",
        "SEV-2",
        47,
    )
    assert incident.when == date(2025, 6, 10)


def test_online_problems_are_incidents_and_levels_follow_cjk(write_report: WriteReport) -> None:
    """ "五、线上问题" is an incident section; "定级P2" has a level though no space precedes it."""
    facts = extract_facts(write_report("e.md", FEISHU_ZH))
    (incident,) = facts.incidents
    assert incident.severity == "P2"
    assert incident.when == date(2025, 3, 12)
    # The reporter line under a team title with "数据" in it is not a metric.
    assert facts.metrics == []


INCIDENT_TABLE = """
# Growth Eng — Status Update, 4 April 2025

## Incidents

| Date | Severity | Summary | Duration |
|---|---|---|---|
| 2025-03-31 | SEV2 | Duplicate referral rewards credited to 312 accounts | 160 min |
| 2025-04-02 | SEV3 | Re-engagement email sent twice to 8,000 users | 50 min |
"""


def test_incident_table_rows_are_incidents(write_report: WriteReport) -> None:
    """One incident per row, dated by its own Date cell and cited on its row by its summary."""
    first, second = extract_facts(write_report("f.md", INCIDENT_TABLE)).incidents
    assert (first.when, first.severity, first.duration_minutes) == (date(2025, 3, 31), "SEV2", 160)
    assert first.title.startswith("Duplicate referral rewards")
    assert first.evidence.lines == (7, 7) and Verifier().check(first.evidence)
    assert second.impact == "8,000 users"  # not "000 users"


def test_owner_written_without_a_colon(observations: dict) -> None:
    assert observations["Onboarding v3"].owner == "Dana Lee"
    assert observations["元数据管理平台"].owner == "刘洋"
