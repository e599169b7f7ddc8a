"""WeCom (企业微信) group robot: markdown posted to `/cgi-bin/webhook/send?key=<key>`.

No signing: the `key` in the URL is the credential. The markdown `content` may hold at most
4,096 bytes of UTF-8 (a Chinese character takes three), and a robot may send 20 messages a
minute (errcode 45009 when exceeded, retried like a 429). Replies: `{"errcode": 0, ...}`.

A digest that does not fit is split at line boundaries into parts titled "(1/3)", "(2/3)", …;
a line longer than a message is cut between characters, never inside one. With a link to the
full report, at most `max_parts` messages are sent and the last ends with that link; without
one, every part is sent so nothing is lost.
"""

from __future__ import annotations

from summarizer.publish import render, textfit
from summarizer.publish.base import Clock, Publisher, json_code_verdict
from summarizer.publish.message import DigestMessage
from summarizer.publish.ratelimit import RateLimit
from summarizer.publish.sender import Request, Sender, Verdict, json_bytes

MAX_CONTENT_BYTES = 4096
MAX_TITLE_BYTES = 256
RATE_LIMIT_CODES = frozenset({45009})


def _title_line(title: str, part: int, parts: int) -> str:
    return f"## {title} ({part}/{parts})" if parts > 1 else f"## {title}"


def body_lines(message: DigestMessage, max_items: int | None) -> list[str]:
    """Everything below the title, one list entry per line."""
    lines = [message.headline]
    for section in render.sections(message, max_items):
        lines += ["", f"**{section.label}**"]
        lines += [f"- {render.plain_item(item)}" for item in section.items]
        if section.more:
            lines.append(section.more)
    link = render.markdown_link(message)
    if link:
        lines += ["", link]
    lines.append(f'<font color="comment">{render.engine_line(message)}</font>')
    return lines


def contents(
    message: DigestMessage,
    *,
    max_items: int | None = None,
    max_parts: int = 5,
    limit: int = MAX_CONTENT_BYTES,
) -> list[str]:
    """The markdown contents to send, each at most `limit` bytes of UTF-8."""
    title = textfit.truncate(message.title, MAX_TITLE_BYTES)
    lines = body_lines(message, max_items)
    # Room for the longest title line a digest could need.
    budget = limit - textfit.utf8_len(_title_line(title, 9999, 9999) + "\n")
    chunks = textfit.pack(lines, budget)
    link = render.markdown_link(message)
    if link and len(chunks) > max_parts:
        footer = "\n".join([render.labels(message).truncated, link, lines[-1]])  # lines[-1]: the engine
        chunks = chunks[:max_parts]
        kept = chunks[-1].split("\n")
        while kept and textfit.utf8_len("\n".join([*kept, footer])) > budget:
            kept.pop()
        chunks[-1] = "\n".join([*kept, footer]) if kept else textfit.truncate(footer, budget)
    return [f"{_title_line(title, i, len(chunks))}\n{chunk}" for i, chunk in enumerate(chunks, start=1)]


class WeComPublisher(Publisher):
    kind = "wecom"
    rate_limits = (RateLimit(20, 60.0),)

    supports_signing = False

    def __init__(
        self,
        url: str,
        secret: str | None = None,
        *,
        name: str | None = None,
        clock: Clock | None = None,
        sender: Sender | None = None,
        max_items: int | None = 10,
        max_parts: int = 5,
    ) -> None:
        super().__init__(url, secret, name=name, clock=clock, sender=sender, max_items=max_items)
        self.max_parts = max_parts

    def build(self, message: DigestMessage) -> list[Request]:
        parts = contents(message, max_items=self.max_items, max_parts=self.max_parts)
        return [
            Request(url=self._url, body=json_bytes({"msgtype": "markdown", "markdown": {"content": part}}))
            for part in parts
        ]

    def interpret(self, status: int, body: bytes) -> Verdict:
        return json_code_verdict(
            status,
            body,
            code_keys=("errcode",),
            message_keys=("errmsg",),
            rate_limited=RATE_LIMIT_CODES,
            platform="WeCom",
        )
