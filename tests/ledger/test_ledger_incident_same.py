"""Which tellings in later reports retell an earlier incident (ids, days, a retelling's words)."""

from __future__ import annotations

from datetime import date

import pytest

from index.ledger.incident_links import first_tellings, same_incident
from index.schemas import Citation, Incident


def told(report: str, on: str, quote: str, when: str | None = None, cause: str | None = None) -> Incident:
    day = date.fromisoformat(on)
    week = f"{day.isocalendar()[0]}-W{day.isocalendar()[1]:02d}"
    return Incident(
        title=quote[:40],
        report=report,
        week=week,
        date=day,
        when=date.fromisoformat(when) if when else None,
        cause=cause,
        evidence=Citation(report=report, week=week, section="s", lines=(1, 1), quote=quote),
    )


FIRST_EN = told(
    "/r/api/c22.md", "2025-02-28", "INC-208 · Sev 2 · 47 min — elevated 5xx on /v2/shipments", "2025-02-25"
)
FIRST_ZH = told(
    "/r/growth/w42.txt",
    "2025-10-17",
    "故障复盘：10.14（周二）晚19:40左右，Push频控失效，用户收到重复Push",
    "2025-10-14",
)
FIRST_PROMO = told(
    "/r/shop/w11.txt", "2024-03-14", "On Saturday morning the promo code service fell over", "2024-03-09"
)


@pytest.mark.parametrize(
    ("first", "later", "same"),
    [
        # the same tracker id, whatever day the retelling mentions (its postmortem's)
        (
            FIRST_EN,
            told("/r/api/c23.md", "2025-03-14", "INC-208 follow-ups: postmortem held Mar 5", "2025-03-05"),
            True,
        ),
        # the same day
        (
            FIRST_ZH,
            told(
                "/r/growth/w43.txt", "2025-10-24", "上周Push重复发送故障（10.14，P2）的改进项", "2025-10-14"
            ),
            True,
        ),
        # a retelling without a day: its words
        (
            FIRST_PROMO,
            told("/r/shop/w12.txt", "2024-03-20", "Follow-up on the promo code incident: postmortem"),
            True,
        ),
        # not a retelling: another day, another id, another team, too long after, no retelling word
        (
            FIRST_ZH,
            told(
                "/r/growth/w46.txt",
                "2025-11-14",
                "故障复盘：11.11（周二）晚22:05，邀请落地页502",
                "2025-11-11",
            ),
            False,
        ),
        (FIRST_EN, told("/r/api/c25.md", "2025-04-11", "INC-231 · Sev 1 — token validation failures"), False),
        (FIRST_EN, told("/r/web/c23.md", "2025-03-14", "INC-208 follow-ups: postmortem held Mar 5"), False),
        # another team's incident of the same day whose title starts alike is another incident
        (
            told("/r/lib/u15.html", "2025-03-14", "INCIDENT P2 on Tuesday: Heron was down", "2025-03-11"),
            told(
                "/r/lab/w11.txt", "2025-03-14", "INCIDENT P2 on Tuesday: the LIMS queue stalled", "2025-03-11"
            ),
            False,
        ),
        (
            FIRST_PROMO,
            told("/r/shop/w30.txt", "2024-07-26", "Follow-up on the promo code incident: postmortem"),
            False,
        ),
        (
            FIRST_PROMO,
            told("/r/shop/w12.txt", "2024-03-20", "The promo code service was slow again on Tuesday"),
            False,
        ),
    ],
)
def test_same_incident(first: Incident, later: Incident, same: bool) -> None:
    assert same_incident(first, later) is same


def test_first_tellings_count_once_and_take_a_later_cause() -> None:
    later = told("/r/api/c23.md", "2025-03-14", "INC-208 follow-ups", cause="a typo in a config change")
    (kept,) = first_tellings([FIRST_EN, later])
    assert kept.report == FIRST_EN.report and kept.evidence == FIRST_EN.evidence
    assert kept.cause == "a typo in a config change"
