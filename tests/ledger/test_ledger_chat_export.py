"""A weekly report posted in a chat and exported (WhatsApp's Android form): message stamps and
senders before each message, chat bold (`*x*`), projects as `🟡 *Name* — 85%` over `- …` lines.
Written from w23-h (wave 23); the chats below are this test's own."""

from __future__ import annotations

from datetime import date

from index.ledger import views

from .conftest import Series, WriteReport


def _chat(stamp: str, number: int, sign: str, progress: str, note: str) -> str:
    return f"""{stamp}, 09:00 - Messages and calls are end-to-end encrypted.
{stamp}, 18:20 - Ana Ruiz: *Fleet Ops 周报 #{number}*
图例: 🟢正常 🟡有风险 🔴延期/受阻 ✅完成

*② Projects*
{sign} *Route Planner* — {progress}
- {note}
🟢 *Depot Wi-Fi* — {number}0%
- cabling on track
{stamp}, 18:31 - Luis Vega: thanks, noted
"""


def test_a_chat_exports_projects_and_their_signs(series: Series) -> None:
    ledger = series(
        [
            ("chat_0307.txt", _chat("07/03/2025", 1, "🟢", "60%", "target 3/28")),
            ("chat_0314.txt", _chat("14/03/2025", 2, "🟡", "70%", "vendor late")),
            ("chat_0321.txt", _chat("21/03/2025", 3, "✅", "100%", "live since Tuesday")),
        ]
    )
    names = {p.name for p in views.projects(ledger)}
    assert {"Route Planner", "Depot Wi-Fi"} <= names
    assert not names & {"target 3/28", "vendor late", "thanks, noted"}
    slips = {(s.project, s.kind, s.week) for s in views.slips(ledger)}
    assert ("Route Planner", "status_downgrade", "2025-W11") in slips
    assert [(x.project, x.week) for x in views.launches(ledger)] == [("Route Planner", "2025-W12")]


def test_a_chat_stamp_is_read_day_first_whatever_the_text_writes(write_report: WriteReport) -> None:
    """`05/04/2025, 09:12 - …` with a 24-hour clock is 5 April, though the report writes `3/28`
    month first; the export's own opening line (a group created in February) dates nothing."""
    text = (
        "12/02/2025, 10:03 - Messages and calls are end-to-end encrypted.\n"
        "05/04/2025, 09:12 - Ana Ruiz: *Fleet Ops 周报 #6*\n- AB test moved 3/28 → 4/8\n"
    )
    assert write_report("WhatsApp Chat with Fleet Ops.txt", text).date == date(2025, 4, 5)
