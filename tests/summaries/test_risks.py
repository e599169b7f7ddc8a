"""The risk register: merging across weeks, status over time, severity, filters, verification.

The example corpus is what the rules were written from; the hand-written series here use other
conventions (labelled `Risk:`/`Blocker:` bullets, P-levels, emoji statuses) so the tests also
say how the register reads a team it was not written for.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from summarizer.pipelines import risks
from summarizer.schemas import RiskEntry
from summarizer.workspace import Workspace

OTHER_STYLE = {
    "2024-03-01.md": """
        # Growth weekly 2024-03-01

        ## Projects
        - **Checkout revamp** — 🟢 40%, launch 2024-03-29
          - Risk: the payment provider's sandbox is down half the time
        - **Search ranking** — 🟢 20%, ETA 2024-04-30

        ## Incidents
        - P1 2024-02-28 10:00, 30 min: login failures for 5% of users. Fix: rolled back the auth config.

        ## Next week
        - Checkout revamp: provider sandbox workaround
    """,
    "2024-03-08.md": """
        # Growth weekly 2024-03-08

        ## Projects
        - **Checkout revamp** — 🟡 at risk, 45%, launch 2024-04-12
          - Blocker: provider sandbox still unstable; escalated to their account manager
        - **Search ranking** — 🟢 30%, ETA 2024-04-30

        ## Risks
        - Vendor contract for the search cluster expires 2024-03-31; renewal not signed yet.
    """,
    "2024-03-15.md": """
        # Growth weekly 2024-03-15

        ## Projects
        - **Checkout revamp** — 🟢 on track, 60%, launch 2024-04-12
        - **Search ranking** — 🟢 40%, ETA 2024-04-30

        ## Risks
        - Resolved: search cluster vendor contract renewed for two years.
    """,
}


def entry(entries: list[RiskEntry], text: str) -> RiskEntry:
    found = [e for e in entries if text in e.title or text == e.project]
    assert len(found) == 1, [e.title for e in entries]
    return found[0]


def test_the_same_risk_across_weeks_is_one_entry_with_its_history(examples: Workspace) -> None:
    reg = risks.register(examples, series_name="platform-en")
    tls = entry(reg.entries, "TLS")
    assert (tls.category, tls.first_seen, tls.last_seen, tls.status) == (
        "stated",
        "2025-W15",
        "2025-W18",
        "resolved",
    )
    assert [h.status for h in tls.history] == ["open", "open", "open", "resolved"]
    assert tls.owner == "Dana Whitfield"
    catalog = entry(reg.entries, "Service Catalog")
    assert (catalog.category, catalog.status, catalog.severity) == ("blocker", "resolved", "high")
    k8s = entry(reg.entries, "Kubernetes 1.30 Upgrade")
    assert k8s.status == "mitigated" and k8s.owner == "Lars Nygaard"


def test_zh_statuses_come_from_the_reports_own_words(examples: Workspace) -> None:
    reg = risks.register(examples, series_name="payments-zh")
    fund = entry(reg.entries, "大促资金保障")
    assert [h.status for h in fund.history] == ["open", "mitigated", "resolved"]
    assert "风险解除" in fund.history[-1].text
    bottleneck = entry(reg.entries, "大促容量压测")
    assert bottleneck.status == "resolved" and "记账瓶颈通过异步记账解决" in bottleneck.history[-1].text
    incident = entry(reg.entries, "入金渠道网关5xx突增")
    assert (incident.severity, incident.severity_label, incident.status) == ("high", "B级", "resolved")


def test_register_orders_open_first_and_filters(examples: Workspace) -> None:
    reg = risks.register(examples)
    order = [e.status for e in reg.entries]
    assert order == sorted(order, key=["open", "mitigated", "resolved"].index)
    assert reg.counts == {"open": 4, "mitigated": 4, "resolved": 27}
    live = risks.register(examples, status="open")
    assert {e.status for e in live.entries} == {"open", "mitigated"} and live.counts == reg.counts
    closed = risks.register(examples, status="resolved")
    assert len(closed.entries) == 27
    recent = risks.register(examples, since="2025-W20", series_name="platform-en")
    assert all(e.last_seen >= "2025-W20" for e in recent.entries)
    assert recent.headline.startswith("3 open")


def test_a_team_with_other_conventions(
    fresh: Callable[..., Workspace], write_series: Callable[..., list[Path]]
) -> None:
    workspace = fresh(write_series("growth", OTHER_STYLE))
    reg = risks.register(workspace)
    checkout = entry(reg.entries, "Checkout revamp")
    assert (checkout.first_seen, checkout.status) == ("2024-W09", "mitigated")
    assert checkout.category == "schedule"
    vendor = entry(reg.entries, "Vendor contract")
    assert (vendor.first_seen, vendor.last_seen, vendor.status) == ("2024-W10", "2024-W11", "resolved")
    incident = next(e for e in reg.entries if e.category == "incident")
    assert (incident.severity, incident.severity_label) == ("high", "P1")
    assert len(reg.entries) == 3  # Search ranking is on track throughout: not a risk


def test_an_edited_report_drops_the_sightings_that_no_longer_verify(
    fresh: Callable[..., Workspace], copied_examples: Path
) -> None:
    workspace = fresh(sorted((copied_examples / "platform-en").glob("*.md")))
    report = copied_examples / "platform-en" / "2025-04-11.md"
    report.write_text(
        report.read_text(encoding="utf-8").replace("TLS certificate", "TLS cert"), encoding="utf-8"
    )
    reg = risks.register(workspace)
    tls = entry(reg.entries, "TLS")
    assert tls.first_seen == "2025-W16"  # the edited week's sighting is gone, the rest stands
    assert reg.dropped >= 1
