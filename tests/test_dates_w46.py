"""Report days as wave 46's tools write them: a chat app's bracketed stamps in a day-first locale, a
file name's day joined by dashes with a two-digit year, a database client's header record, a note
app's edit stamp under a title that names the meeting's day, and a checklist item closing a page.
Written from wave 46; the texts are this test's own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from helpers import parsed_date

from index.load import load_document
from index.parse import parse_report


def test_bracketed_chat_stamps_read_day_first_when_a_stamp_or_the_messages_say_so(tmp_path: Path) -> None:
    chat = (
        "[2/3/2024 5:38 PM] Tan Mei: *Ops 周报 第12期*\n"
        "1) 对账服务 — 目标 19/4\n"
        "[28/2/2024 9:02 AM] Tan Mei: (y)\n"
    )
    assert parsed_date(tmp_path, "ops_第12期.txt", chat) == (date(2024, 3, 2), "chat stamp")
    # no stamp over 12, but the messages write their days day first (`19/4`)
    quiet = "[2/3/2024 5:38 PM] Tan Mei: *Ops 周报 第12期*\n1) 对账服务 — 目标 19/4\n"
    assert parsed_date(tmp_path, "ops_第12期b.txt", quiet) == (date(2024, 3, 2), "chat stamp")
    # a Discord or Teams export in the US order stays month first
    us = "[3/2/2024 5:38 PM] ivy.zhou\nRelease train — target 4/19\n[3/15/2024 9:02 AM] ivy.zhou\nok\n"
    assert parsed_date(tmp_path, "export.txt", us) == (date(2024, 3, 2), "chat stamp")


def test_a_file_name_s_dashed_day_with_a_short_year_is_one_day_not_a_month_and_a_day(tmp_path: Path) -> None:
    page = "::: info\nDigital weekly update · author Priya\n:::\n\n## TL;DR\n\n* Cutover still Mon 03/03.\n"
    found = parsed_date(tmp_path, "Digital update wc 10-03-25.md", page, near=date(2025, 2, 20))
    assert found[0] == date(2025, 3, 14)  # not 3 October 2024 from `10-03` (the week it opens, to its end)
    found = parsed_date(tmp_path, "Digital update wc 27-01-25.md", page, near=date(2025, 2, 20))
    assert found[0] == date(2025, 1, 31)


def test_a_database_client_s_header_record_dates_the_report_by_its_run(tmp_path: Path) -> None:
    printout = (
        "--------------\nSET @d0 = '2025-03-31', @d1 = '2025-04-06'\n--------------\n\n"
        "Query OK, 0 rows affected (0.00 sec)\n\n"
        "+---------------------+--------------+---------------------------+\n"
        "| 生成时间            | 报表         | 统计周期                  |\n"
        "+---------------------+--------------+---------------------------+\n"
        "| 2025-04-07 09:14:51 | 旅服周报     | 2025-03-31 至 2025-04-06  |\n"
        "+---------------------+--------------+---------------------------+\n"
        "1 row in set (0.00 sec)\n"
    )
    assert parsed_date(tmp_path, "zb_redo.txt", printout) == (date(2025, 4, 7), "header record")
    # a table of several rows is a list of things: its first row's day is no report's
    listing = printout.replace(
        "+---------------------+--------------+---------------------------+\n1 row",
        "| 2025-03-24 09:10:02 | 旅服周报     | 2025-03-24 至 2025-03-30  |\n"
        "+---------------------+--------------+---------------------------+\n2 rows",
    )
    assert parsed_date(tmp_path, "zb_list.txt", listing, near=date(2025, 4, 4))[1] != "header record"


def test_a_note_s_edit_stamp_yields_to_the_day_its_title_names(tmp_path: Path) -> None:
    note = (  # a Google Takeout export of a Keep note: the heading is the note's last edit
        "<html><head><title>FleetTech 周会 5/4</title></head>\n"
        '<body><div class="note"><div class="heading"><div class="meta-icons">\n'
        '<span class="archived" title="Note archived"></span>\n</div>\nApr 8, 2024, 9:03:17 AM\n</div>\n'
        '<div class="title">FleetTech 周会 5/4</div>\n\n'
        '<div class="content">周会 5/4 (五) — 人少<br>\n目标 15/4 go-live, 试点 22/4<br>\n</div></div></body></html>\n'
    )
    found = parsed_date(tmp_path, "FleetTech 周会 5_4.html", note)
    assert found == (date(2024, 4, 5), "title, year from its header")


def test_a_checklist_item_closing_a_page_is_no_sign_off(tmp_path: Path) -> None:
    page = (
        "::: info\nDigital weekly update · author Priya\n:::\n\n## Done\n\n"
        + "* line\n" * 12
        + "\n## Next\n\n"
        "* [ ] Hypercare exit review (Gemma, Fri 11/04)\n"
    )
    found = parsed_date(tmp_path, "Digital update wc 31-03-25.md", page, near=date(2025, 3, 24))
    assert found[0] == date(2025, 4, 4)  # the week of Monday 31/03, not the checklist's Friday 11/04


def test_a_chat_report_is_dated_by_the_message_that_posts_it_not_the_chatter_before(tmp_path: Path) -> None:
    chat = (
        "[26/4/2024 5:20 PM] Raj Kumar: gateway ACKed the first live message at 10:14 today 🎉\n"
        "[26/4/2024 6:10 PM] Lim Wei: 今天周报晚点发, 周一早上补上\n"
        "[29/4/2024 9:48 AM] Lim Wei: *Desk 周报 第38期* (W17) — 迟到版\n\n"
        "*一、项目*\n1) e-BDN — 🟢 正常, 目标 30/5\n"
    )
    assert parsed_date(tmp_path, "群_第38期.txt", chat) == (date(2024, 4, 29), "chat stamp")
    report = parse_report(load_document(tmp_path / "群_第38期.txt"), "群_第38期.txt")
    lines = dict(report.lines)
    assert lines[2] == "今天周报晚点发, 周一早上补上"  # the chatter's words stay, its stamp and sender gone
