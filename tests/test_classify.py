"""Section kinds from headings: what retrieval favours per intent and where the ledger looks."""

from __future__ import annotations

import pytest

from index.classify import classify_heading
from index.models import SectionKind as K


@pytest.mark.parametrize(
    ("title", "parent", "kind"),
    [
        ("系统运行数据", None, K.METRICS),
        ("Metrics", None, K.METRICS),
        ("下周工作及目标", None, K.PLANS),
        ("Incidents", None, K.INCIDENTS),
        ("五、线上稳定性", None, K.INCIDENTS),  # production stability: what broke this week
        ("系统稳定性度量", None, K.METRICS),  # a stability score is a metric
        ("【商户服务重构】", K.PROJECTS, K.PROJECTS),  # no keyword: the parent's kind
        # A project's name may borrow a metric word; under a projects section it is a project.
        ("Cost Explorer Dashboard", K.PROJECTS, K.PROJECTS),
        ("【系统稳定性度量】", K.PROJECTS, K.PROJECTS),
        ("Cost Explorer Dashboard", None, K.METRICS),
        # Sections that really nest under a project heading keep their own kind.
        ("生产稳定性事件", K.PROJECTS, K.INCIDENTS),
        ("Risks", K.PROJECTS, K.RISKS),
        ("Next week", K.PROJECTS, K.PLANS),
        ("Next two weeks", None, K.PLANS),
        (
            "Anomalies",
            None,
            K.INCIDENTS,
        ),  # a ground segment's word for what went wrong in operations  # the span in words or figures, a look-ahead
        ("Next 2 weeks", None, K.PLANS),
        ("Look-ahead (2 wks)", None, K.PLANS),
        ("Next-gen search", K.PROJECTS, K.PROJECTS),
        # Feishu/DingTalk-style sections of done and ongoing work, and online problems.
        ("一、本周完成", None, K.PROJECTS),
        ("二、进行中", None, K.PROJECTS),
        ("Work in progress", None, K.PROJECTS),
        ("🛠️ In flight", None, K.PROJECTS),  # a newsletter's work in progress
        ("Underway", None, K.PROJECTS),
        ("六、需要支持", None, K.RISKS),  # the asks of its leaders
        ("Help needed", None, K.RISKS),
        ("客服支持平台", K.PROJECTS, K.PROJECTS),  # a support platform is a project
        ("五、线上问题", None, K.INCIDENTS),
        # a fab's out-of-control events, in either language; a feature about anomalies is not one
        ("4. 异常 / Excursion", None, K.INCIDENTS),
        ("Excursions", None, K.INCIDENTS),
        ("生产异常", None, K.INCIDENTS),
        ("异常用水提醒", K.PROJECTS, K.PROJECTS),
        ("三、风险与问题", None, K.RISKS),
        # "Page" in a project name is not paging someone.
        ("Status Page Revamp", K.PROJECTS, K.PROJECTS),
        ("Paging and on-call", None, K.INCIDENTS),
        # What the team waits on from others is a blocker list, not a project.
        ("五、外部依赖", None, K.RISKS),
        ("Dependencies", None, K.RISKS),
        # A meeting's action items are who does what next, not projects.
        ("待办", None, K.PLANS),
        ("Action items", None, K.PLANS),
        ("Follow-ups", None, K.PLANS),
        ("Follow-up on the outage", None, K.INCIDENTS),
        ("Transactions", None, K.OTHER),
    ],
)
def test_heading_kinds(title: str, parent: K | None, kind: K) -> None:
    assert classify_heading(title, parent) == kind
