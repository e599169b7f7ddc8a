"""Slack incoming webhook: Block Kit posted to `https://hooks.slack.com/services/T…/B…/<token>`.

No signing: the URL is the credential. Slack answers `ok` (HTTP 200) or an error word such as
`invalid_blocks` with a 4xx, and 429 with `Retry-After` when posting more than about one message
a second. Block limits: a header's text at most 150 characters, a section's 3,000, 50 blocks a
message; `text` is the notification fallback. In mrkdwn, `&`, `<` and `>` must be escaped.
"""

from __future__ import annotations

from typing import Any

from summarizer.publish import render, textfit
from summarizer.publish.base import Publisher
from summarizer.publish.message import DigestItem, DigestMessage
from summarizer.publish.ratelimit import RateLimit
from summarizer.publish.sender import OK, Request, Verdict, http_reason, json_bytes

MAX_HEADER_CHARS = 150
MAX_SECTION_CHARS = 3000
MAX_BLOCKS = 50


def escape(text: str) -> str:
    """Slack's mrkdwn control characters, escaped as its docs ask."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _item(item: DigestItem) -> str:
    cite = render.citation(item)
    return f"• {escape(item.text)}" + (f" _({escape(cite)})_" if cite else "")


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def blocks(message: DigestMessage, max_items: int | None) -> list[dict[str, Any]]:
    words = render.labels(message)
    out: list[dict[str, Any]] = [
        {
            "type": "header",
            "text": {
                "type": "plain_text",
                "text": textfit.truncate(message.title, MAX_HEADER_CHARS, measure=len),
                "emoji": True,
            },
        }
    ]
    out += [
        _section(chunk) for chunk in textfit.pack([escape(message.headline)], MAX_SECTION_CHARS, measure=len)
    ]
    for section in render.sections(message, max_items):
        lines = [f"*{escape(section.label)}*", *(_item(item) for item in section.items)]
        if section.more:
            lines.append(escape(section.more))
        out += [_section(chunk) for chunk in textfit.pack(lines, MAX_SECTION_CHARS, measure=len)]
    tail: list[dict[str, Any]] = []
    if message.report_url:
        url = message.report_url
        full = escape(words.full_report)
        colon = words.colon
        tail.append(_section(f"<{url}|{full}>" if render.is_link(url) else f"{full}{colon}`{escape(url)}`"))
    tail.append(
        {"type": "context", "elements": [{"type": "mrkdwn", "text": escape(render.engine_line(message))}]}
    )
    # Past 50 blocks Slack refuses the whole message; the link and the engine always stay.
    return [*out[: MAX_BLOCKS - len(tail)], *tail]


class SlackPublisher(Publisher):
    kind = "slack"
    supports_signing = False
    rate_limits = (RateLimit(1, 1.0),)

    def build(self, message: DigestMessage) -> list[Request]:
        payload = {
            "text": f"{message.title}: {message.headline}",
            "blocks": blocks(message, self.max_items),
        }
        return [Request(url=self._url, body=json_bytes(payload))]

    def interpret(self, status: int, body: bytes) -> Verdict:
        if status == 200 and body.strip() == b"ok":
            return OK
        return Verdict(ok=False, reason=f"Slack refused the message: {http_reason(status, body)}")
