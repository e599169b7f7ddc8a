"""A mail pasted or saved as text: the header block it opens with.

`From:` `Sent:` `To:` `Subject:` (`发件人：` `主题：`) lines are no part of the report's text: the
subject is its title (a meeting note's `主题：` too) and the sent field the day it went out, which
`date_places` believes before any date the subject writes. Split from `parse.py`: one job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A header field: its name, then its value (Taiwan's Outlook writes 寄件者 / 寄件日期 / 收件者 / 副本 / 主旨).
_MAIL_FIELD = re.compile(
    r"^(from|sent|date|to|cc|bcc|subject|importance|reply-to|发件人|收件人|抄送|日期|发送时间|时间|主题"
    r"|寄件者|寄件人|寄件日期|收件者|副本|密件副本|主旨|附件)\s*[:：]\s*(.*)$",
    re.I,
)
_MAIL_SUBJECT = frozenset(["subject", "主题", "主旨"])
_MAIL_SENT = frozenset(["sent", "date", "日期", "发送时间", "时间", "寄件日期"])


@dataclass(frozen=True)
class MailHeader:
    """The header block a mail opens with: its subject, the text of its sent field, its lines."""

    subject: str | None = None
    sent: str | None = None
    lines: frozenset[int] = frozenset()


def mail_header(lines: list[tuple[int, str]]) -> MailHeader:
    """The header block that opens the text, when it has a subject (else an empty one)."""
    fields: dict[str, str] = {}
    numbers: set[int] = set()
    for number, text in lines[:15]:
        stripped = text.strip()
        if not stripped:
            if numbers:
                break
            continue
        field = _MAIL_FIELD.match(stripped)
        if field is None:
            break
        numbers.add(number)
        fields.setdefault(field[1].lower(), field[2].strip())
    subject = next((fields[key] for key in _MAIL_SUBJECT if fields.get(key)), None)
    if subject is None:
        return MailHeader()
    sent = next((fields[key] for key in _MAIL_SENT if fields.get(key)), None)
    return MailHeader(subject, sent, frozenset(numbers))
