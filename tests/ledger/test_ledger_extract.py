"""Extraction from whole reports: project mentions and their fields, incidents, metrics, notes.

Every extracted fact's citation must verify against the file it came from, Chinese included.
"""

from __future__ import annotations

from datetime import date

import pytest

from index.ledger.extract import extract_facts
from index.schemas import Citation
from index.verify import Verifier

from .conftest import WriteReport

ZH_REPORT = """
# 研发周报 2024-12-27

## 【重点项目】

- 【跨境结算平台】
进展说明：

    与两家银行完成联调，整体进度70%，计划1/15上线。

    1. 清分模块提测完成
    2. 对账模块开发中，进度50%
- 【旧账务下线】

    需求取消，不再推进。

## 【业务支撑】

- 商户入网改造：按计划，测试进度80%，预计下周三上线
- 发票服务：10/25前完成的接口已交付，整体未延期
- 营销中台：12/24已上线
- 数据仓库迁移
    1. 明细层迁移，进度40%
    2. 汇总层迁移，进度20%

## 【运行数据】

- 支付成功率：99.93%，退款成功率：99.80%
- 核心链路p99 320ms
- 事故数A级0次，B级2次

## 【稳定性】

1. 生产稳定性事件：
- 12/23 14:02 网关超时告警，持续42 mins，影响1,203笔支付，定级C级

    原因：连接池耗尽

    处置：扩容后恢复
- 12/26 09:10 对账文件延迟生成，对业务无影响

## 风险与求助

- 银行专线扩容审批慢，可能影响1月切量
- 需要法务支持合同条款评审

## 下周计划

1. 跨境结算平台灰度方案评审
"""

EN_REPORT = """
# Platform weekly — 2025-06-06

## Projects

### Observability Pipeline v2 (Owner: Kim)
- Status: At risk
- ETA: Jun 27
- % complete: 45
- Notes: not blocked anymore, but the collector rewrite is behind.

### Search Reindex
- Status: Done
- % complete: 100

## Incidents
- SEV2 — 2025-06-03 10:12 UTC, 1 h 5 min: search timeouts. Impact: 3% of queries failed. Cause: hot shard. Fix: rebalanced.
- No other incidents.

## Metrics
| metric | last week | this week |
|---|---|---|
| p99 latency | 340ms | 320ms |
| error budget | 52% | 40% |

- error budget 40% left
"""


@pytest.fixture
def zh_facts(write_report: WriteReport):
    return extract_facts(write_report("zh.md", ZH_REPORT))


@pytest.fixture
def en_facts(write_report: WriteReport):
    return extract_facts(write_report("en.md", EN_REPORT))


def _by_project(facts):
    return {o.project: o for o in facts.observations}


def test_zh_project_names_from_labels_brackets_and_children(zh_facts) -> None:
    names = set(_by_project(zh_facts))
    assert {"跨境结算平台", "旧账务下线", "商户入网改造", "发票服务", "营销中台", "数据仓库迁移"} <= names
    assert not any("事件" in name for name in names)


def test_zh_fields(zh_facts) -> None:
    projects = _by_project(zh_facts)
    cross = projects["跨境结算平台"]
    assert cross.progress == 70
    assert cross.target == date(2025, 1, 15)  # year rollover from a late-December report
    assert cross.target_text == "1/15"
    merchant = projects["商户入网改造"]
    assert (merchant.status, merchant.progress) == ("on_track", 80)
    assert merchant.target == date(2025, 1, 1) and merchant.target_text == "下周三"
    assert (
        projects["发票服务"].status is None
    )  # `未延期` is not a delay; `10/25前完成` belongs to an interface
    assert projects["营销中台"].status == "launched"
    assert projects["营销中台"].completed_on == date(2024, 12, 24)
    assert projects["旧账务下线"].status == "cancelled"
    assert projects["数据仓库迁移"].progress_parts == [40, 20]


def test_zh_incidents(zh_facts) -> None:
    first, second = zh_facts.incidents
    assert first.when == date(2024, 12, 23) and first.when_text == "12/23 14:02"
    assert (first.duration_minutes, first.severity) == (42, "C级")
    assert first.impact == "影响1,203笔支付"
    assert (first.cause, first.resolution) == ("连接池耗尽", "扩容后恢复")
    assert second.impact == "对业务无影响" and second.severity is None


def test_zh_metrics(zh_facts) -> None:
    values = {(m.name, m.value, m.unit) for m in zh_facts.metrics}
    assert ("支付成功率", 99.93, "%") in values
    assert ("退款成功率", 99.8, "%") in values
    assert ("核心链路p99", 320, "ms") in values
    assert ("事故数B级", 2, "次") in values  # the second clause borrows the first one's prefix


def test_zh_notes(zh_facts) -> None:
    kinds = [(n.kind, n.text[:6]) for n in zh_facts.notes]
    assert ("risk", "银行专线扩容") in kinds
    assert ("ask", "需要法务支持") in kinds
    assert ("plan", "跨境结算平台") in kinds


def test_en_project_block(en_facts) -> None:
    projects = _by_project(en_facts)
    obs = projects["Observability Pipeline v2"]
    assert (obs.status, obs.status_text, obs.progress) == ("at_risk", "At risk", 45)
    assert obs.target == date(2025, 6, 27)
    assert obs.owner == "Kim"
    assert projects["Search Reindex"].status == "done"


def test_en_incident_and_metrics(en_facts) -> None:
    (incident,) = en_facts.incidents
    assert (incident.severity, incident.duration_minutes, incident.when) == ("SEV2", 65, date(2025, 6, 3))
    assert incident.impact == "3% of queries failed"
    assert incident.title == "search timeouts"
    values = {(m.name, m.value, m.unit) for m in en_facts.metrics}
    assert ("p99 latency", 320, "ms") in values  # the "this week" column
    assert ("error budget", 40, "% left") in values


def _citations(facts) -> list[Citation]:
    out: list[Citation] = []
    for obs in facts.observations:
        out += [
            c for c in (obs.evidence, obs.progress_evidence, obs.target_evidence, obs.status_evidence) if c
        ]
    out += [i.evidence for i in facts.incidents] + [m.evidence for m in facts.metrics]
    return out + [n.evidence for n in facts.notes]


def test_every_citation_verifies(zh_facts, en_facts) -> None:
    citations = _citations(zh_facts) + _citations(en_facts)
    kept, dropped = Verifier().filter(citations)
    assert dropped == 0, [c for c in citations if c not in kept]
    assert len(kept) > 30


SLASH_FIELDS = """
---
date: 2025-04-11
---
# 存储组双周报

## O2 成本下降到每月50万以内

### 对象存储分层
负责人：韩冰 / 进度：40% / 预计：5月中旬 / 🟡

和供应商对了方案，冷层接口调整顺延一周。

### 日志压缩
Owner: Ravi / Progress: 70% / ETA: 2025-05-02 / On track
"""


def test_fields_separated_by_spaced_slashes(write_report: WriteReport) -> None:
    """`label：value / label：value / 🟡` is a field line: each field is read, the owner stops at
    its separator, and the bare status cell is the status field (over a step's "顺延" below)."""
    found = _by_project(extract_facts(write_report("slash.md", SLASH_FIELDS)))
    tiering = found["对象存储分层"]
    assert (tiering.progress, tiering.target, tiering.status, tiering.owner) == (
        40,
        date(2025, 5, 20),
        "at_risk",
        "韩冰",
    )
    logs = found["日志压缩"]
    assert (logs.progress, logs.target, logs.status) == (70, date(2025, 5, 2), "on_track")
