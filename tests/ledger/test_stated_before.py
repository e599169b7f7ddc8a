"""A change told in the line itself (`RED (was AMBER)`, `moved to 22 April (was 14 April)`,
`AMBER → RED`, `（原4.30）`) is a slip of a project seen before even when no earlier report's value
was read, and the old value in the aside is never taken for the current one."""

from __future__ import annotations

from datetime import date

from index.ledger import views
from index.ledger.stated_before import in_was_aside, status_before, target_before

from .conftest import Series


def test_the_status_a_line_says_it_had_before() -> None:
    assert status_before("Vendor portal — RED (was AMBER)", "RED") == "at_risk"
    assert status_before("Health: GREEN → AMBER, supplier late", "AMBER") == "on_track"
    assert status_before("from amber to red this week", "red") == "at_risk"
    assert status_before("状态：🔴 延期（上周：🟡）", "🔴 延期") == "at_risk"
    assert status_before("B2  Ledger sync            R    (A)", "R") == "at_risk"
    assert status_before("Health: RED  (prior: AMBER)   %Cmpl: 50", "RED") == "at_risk"
    assert status_before("Vendor portal — RED", "RED") is None
    assert status_before("Vendor portal — RED (see the risk log)", "RED") is None
    # an old status word of any scale named in the change (`由“预警”调整为“滞后”`), and `1.6G` is no green
    assert status_before("进度状态由“预警”调整为“滞后”。", "滞后") == "at_risk"
    assert status_before("PatGen 1.6G 转 Blocked", "Blocked") is None
    # a change told with no old value says nothing of it: it may be next week's (`goes red if …`)
    assert status_before("Wave 2 goes Red if the vendor slips", "Red") is None
    assert status_before("MOCK 2 PROCEEDS 02/22. STATUS TO Y", "Y") is None
    assert in_was_aside("AMBER (was RED)", 10)
    assert not in_was_aside("AMBER (was RED)", 0)


def test_the_day_a_line_says_the_target_was_before() -> None:
    ref = date(2025, 3, 14)

    def before(text: str, target: date) -> date | None:
        hit = target_before(text, ref, target)
        return hit.value if hit is not None else None  # type: ignore[return-value]

    assert before("Go-live moves from Wed 9 April to Tue 22 April.", date(2025, 4, 22)) == date(2025, 4, 9)
    assert before("目标上线：05/06（原 04/22）", date(2025, 5, 6)) == date(2025, 4, 22)
    assert before("上线由 3.31 调整为 4.18", date(2025, 4, 18)) == date(2025, 3, 31)
    # brought forward: the old day is later, no move to report
    assert before("Go-live moves from 22 April to 9 April.", date(2025, 4, 9)) is None
    assert before("Go-live 22 April, training 9 April.", date(2025, 4, 22)) is None
    # a bare `from` says when something starts, not what the target was
    assert before("Readers on site from 19 May, go-live 6 June.", date(2025, 6, 6)) is None


_REPORT = """\
# Weekly update {day}

## Projects

### Loyalty app
Loyalty app is {loyalty} while the SDK review runs.

{portal}
{lake}
"""

_PORTAL = """\
### Vendor portal
Status: RED (was AMBER)
Go-live moved to 22 April (was 14 April).
"""

_SEARCH = """\
### Search revamp
Status: RED (was AMBER)
Go-live moved to 30 May (was 16 May).
"""

_LAKE_NAMED = """\
### Data lake
Scoping the cutover with the vendor.
"""

_LAKE = """\
### Data lake
Status: RED (was AMBER)
Cutover moves from Wed 9 April to Tue 29 April.
"""


def test_a_change_told_in_its_line_is_a_slip_after_the_first_report(series: Series) -> None:
    ledger = series(
        [
            (
                "2025-03-07.md",
                _REPORT.format(
                    day="2025-03-07", loyalty="at risk (was blocked)", portal=_PORTAL, lake=_LAKE_NAMED
                ),
            ),
            (
                "2025-03-14.md",
                _REPORT.format(day="2025-03-14", loyalty="blocked", portal=_SEARCH, lake=_LAKE),
            ),
            ("2025-03-21.md", _REPORT.format(day="2025-03-21", loyalty="blocked", portal=_PORTAL, lake="")),
        ]
    )
    slips = {(s.project, s.kind, s.week) for s in views.slips(ledger)}
    # the first report's asides tell of moves before the series began: no slip there
    assert ("Vendor portal", "status_downgrade", "2025-W10") not in slips
    assert ("Vendor portal", "date_moved", "2025-W10") not in slips
    # at risk, then blocked: the first report's `(was blocked)` is not its status
    assert ("Loyalty app", "status_downgrade", "2025-W11") in slips
    # named in the first report with nothing read of its schedule, the second report's line tells
    # both changes
    assert ("Data lake", "status_downgrade", "2025-W11") in slips
    assert ("Data lake", "date_moved", "2025-W11") in slips
    # the third report states the same move again over the first report's own: nothing new
    assert ("Vendor portal", "date_moved", "2025-W12") not in slips
    # a name only one report gives (often a note's heading) is no project seen to slip
    assert not [s for s in slips if s[0] == "Search revamp"]
