"""A mail saved as its raw source (`.eml`, Thunderbird's "Save As", Outlook's drag-out, a mail
archive's message file) read as the mail a reader sees.

The source opens with transport headers (`Received:`, `X-Mozilla-Status:`, `Message-ID:`), writes
non-ASCII subjects and names as encoded words (`Subject: =?UTF-8?B?44CQ…?=`) and may carry its body
base64 or quoted-printable encoded, or as one part of several. Read as plain text the subject was
noise, the report had no title and its transport lines looked like text. Here the header block
becomes the few fields a reader sees (`From:`, `To:`, `Cc:`, `Date:`, `Subject:`, decoded) on its
first lines, the rest of the block blank; a plain body in 7bit or 8bit keeps its own line numbers, so
citations point at the file's lines; an encoded or multipart body is decoded (its text part, or its
HTML part read as a page) and numbered on from the header block.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.header import decode_header, make_header
from email.message import EmailMessage

_FIELD = re.compile(r"^([A-Za-z][A-Za-z0-9-]{0,60}):(?:\s|$)")
# Fields only a message's own source writes (a pasted mail shows From/To/Subject and nothing else).
_TRANSPORT = frozenset(
    ["received", "message-id", "mime-version", "return-path", "content-type", "delivered-to"]
)
_SHOWN = ("from", "to", "cc", "date", "subject")
# An mbox file's envelope line: `From <sender> <asctime day>`.
_ENVELOPE = re.compile(
    r"^From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} +\d{1,2} \d\d:\d\d:\d\d \d{4}\s*$"
)
_MAX_HEADER_LINES = 200


def looks_like_raw_mail(lines: list[str]) -> bool:
    """A header block from the first line on, with a sender, a date or subject, and a transport field
    or an mbox envelope line over it (`From <sha> Mon Sep 17 00:00:00 2001`, `git format-patch`'s
    fixed date: the envelope's day is no report's)."""
    names: set[str] = set()
    envelope = bool(lines) and _ENVELOPE.match(lines[0]) is not None
    for line in lines[int(envelope) : _MAX_HEADER_LINES]:
        if not line.strip():
            break
        field = _FIELD.match(line)
        if field is not None:
            names.add(field[1].lower())
        elif not line[:1].isspace():
            return False
    return "from" in names and bool(names & {"date", "subject"}) and (envelope or bool(names & _TRANSPORT))


def read_raw_mail(text: str, lines: list[str]) -> tuple[list[tuple[int, str]], str | None]:
    """(the mail's lines as a reader sees them, each under a line number; the HTML of its body
    when that is the only text it has, for the caller to read as a page)."""
    end = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    message = email.message_from_string(text, policy=email.policy.default)
    shown = [f"{_title(name)}: {_decoded(message[name])}" for name in _SHOWN if message[name] is not None]
    out = [(i + 1, shown[i] if i < len(shown) else "") for i in range(max(end, len(shown)))]
    body, html = _body(message)
    if body is None:
        own = [(number, line) for number, line in enumerate(lines[end:], start=end + 1)]
        flowed = str(message.get_param("format", "", header="content-type")).lower() == "flowed"
        return out + (_unflowed(own) if flowed else own), None
    start = len(out) + 1
    return out + [(start + i, line) for i, line in enumerate(body)], html


def _unflowed(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A `format=flowed` body as its reader sees it (RFC 3676): a line ending in a space runs on into
    the next (`…持续 45 分钟，约 ` / `1.2 万家商家报名失败`), joined at the first line's number, the
    lines it took blank, so every other line keeps its own number; a signature's `-- ` ends nothing."""
    out: dict[int, str] = {}
    open_at: int | None = None
    for number, line in lines:
        if open_at is not None and not line.startswith(">"):
            out[open_at] += line
            out[number] = ""
            current = open_at
        else:
            out[number] = line
            current = number
        text = out[current]
        open_at = current if text.endswith(" ") and text.strip() and text.rstrip() != "--" else None
    return sorted(out.items())


def _title(name: str) -> str:
    return "Cc" if name == "cc" else name.capitalize()


def _decoded(value: object) -> str:
    """A header's value with its encoded words decoded (`=?UTF-8?B?…?=` → `【周报】第29期`)."""
    raw = str(value)
    try:
        return str(make_header(decode_header(raw))).replace("\n", " ").strip()
    except (LookupError, ValueError):
        return raw.strip()


def _body(message: email.message.Message) -> tuple[list[str] | None, str | None]:
    """None when the source's own body lines can stand (one plain part, not encoded); else the
    decoded text part's lines, or the HTML part for the caller."""
    encoding = str(message.get("Content-Transfer-Encoding", "7bit")).strip().lower()
    plain = not message.is_multipart() and message.get_content_type() == "text/plain"
    if plain and encoding in ("7bit", "8bit", "binary"):
        return None, None
    if not isinstance(message, EmailMessage):
        return None, None
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None or not isinstance(part, EmailMessage):
        return [], None
    try:
        content = part.get_content()
    except (LookupError, ValueError):
        return [], None
    if not isinstance(content, str):
        return [], None
    if part.get_content_type() == "text/html":
        return [], content
    return content.splitlines(), None
