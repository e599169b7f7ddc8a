"""Meeting chat logs: the chair's topic line names the project its answers speak for."""

from __future__ import annotations

from index.ledger.chat_topics import topic_mentions

from .conftest import WriteReport


def _log(day: str, sync: str) -> str:
    return f"""# Team meeting {day}

```
[10:00] <ana> #startmeeting team
[10:01] <ana> billing sync, kofi
[10:01] <kofi> {sync}
[10:02] <kofi> the vendor answered yesterday
[10:03] <ana> docs
[10:03] <lee> the docs got a new theme, going live on the 20th
[10:04] <ana> numbers, then I have to run
[10:04] <bot> open PRs: 40
[10:05] <ana> #endmeeting
```
"""


def test_topic_lines_name_the_messages_after_them(write_report: WriteReport) -> None:
    report = write_report("meeting-2024-03-05.md", _log("2024-03-05", "still on track for 15 March"))
    mentions = [m for s in report.all_sections() for m in topic_mentions(s, report)]
    assert [m.name for m in mentions] == ["billing sync"]
    (sync,) = mentions
    # the answers are the topic's, up to the next topic line ("docs" names no project, so it
    # only closes the block); the units are the messages' own text, without time and writer
    assert [u.text for u in sync.units[1:]] == [
        "still on track for 15 March",
        "the vendor answered yesterday",
    ]


def test_a_reply_is_no_topic(write_report: WriteReport) -> None:
    text = _log("2024-03-05", "on track").replace("<ana> billing sync, kofi", "<ana> makes sense, thanks")
    report = write_report("meeting-2024-03-05.md", text)
    assert [m for s in report.all_sections() for m in topic_mentions(s, report)] == []


def test_a_prose_report_is_no_chat_log(write_report: WriteReport) -> None:
    report = write_report(
        "notes-2024-03-05.md", "# Notes 2024-03-05\n\nBilling sync\nStill on track for 15 March.\n"
    )
    assert [m for s in report.all_sections() for m in topic_mentions(s, report)] == []
