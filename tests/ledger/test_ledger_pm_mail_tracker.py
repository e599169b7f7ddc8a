"""A PM mail's milestone tracker as a space-aligned table: targets as zero-padded `05-16` in the
Target column, a vendor's date in the Note column that is no target, and the tracker's title and
the mail's action items that are no projects."""

from __future__ import annotations

from datetime import date

from index.ledger.extract import extract_facts

from .conftest import WriteReport

MAIL = """Subject: [RX9] PM Weekly Report - WW12
Date: Fri, 21 Mar 2025 20:11 +0800

[1] Milestone Tracker
Workstream              Owner   Target  Health  Note
----------------------  ------  ------  ------  ----------------------------
RX9 T/O (full-mask)     林岚    05-16   Y
DDR PHY 集成            唐屹    04-18   Y       vendor GDS 3/21 -> 4/02
Boot ROM code freeze    何嘉    04-18   G       55%

[9] AI (Action Items)
AI-06  陆凯    fp_v8 release            due 3/24
AI-07  黄琪    test point ECO           due 3/28
"""


def test_a_tracker_table_with_dashed_targets(write_report: WriteReport) -> None:
    facts = extract_facts(write_report("RX9_PMweekly_WW12.txt", MAIL))
    found = {o.project: (o.status, o.target) for o in facts.observations}
    assert found["RX9 T/O (full-mask)"] == ("at_risk", date(2025, 5, 16))
    assert found["DDR PHY 集成"] == ("at_risk", date(2025, 4, 18))
    assert found["Boot ROM code freeze"] == ("on_track", date(2025, 4, 18))
    assert not any("Tracker" in name or "Action" in name for name in found)
