"""Feishu / Lark custom bot: an interactive card posted to `/open-apis/bot/v2/hook/<token>`.

Signing (optional, "签名校验"): the body carries `timestamp` (seconds, as a string) and `sign`,
where sign = base64(HMAC-SHA256(key = f"{timestamp}\\n{secret}", message = b"")). Note the key
is the timestamp and secret together and the message is empty, unlike DingTalk. The platform
refuses a timestamp more than an hour from its clock (code 19021).

Replies are JSON with HTTP 200 even on failure: `{"code": 0, "msg": "success"}`; older bots
answer `{"StatusCode": 0, ...}`. Code 11232 is the message rate limit (100/min, 5/s per bot):
retried like a 429. A request body may be at most 20 KB, so long digests show fewer items.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any

from summarizer.publish import render
from summarizer.publish.base import Publisher, json_code_verdict
from summarizer.publish.message import DigestMessage
from summarizer.publish.ratelimit import RateLimit
from summarizer.publish.sender import Request, Verdict, json_bytes

MAX_BODY_BYTES = 20 * 1024
RATE_LIMIT_CODES = frozenset({11232})


def sign(secret: str, timestamp: int) -> str:
    """Feishu's signature for `timestamp` (seconds since the epoch)."""
    key = f"{timestamp}\n{secret}".encode()
    return base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode("ascii")


def card(message: DigestMessage, max_items: int | None) -> dict[str, Any]:
    """The card: coloured header, headline, one block per section, a button, the engine."""
    words = render.labels(message)
    elements: list[dict[str, Any]] = [{"tag": "div", "text": {"tag": "lark_md", "content": message.headline}}]
    for section in render.sections(message, max_items):
        lines = [f"**{section.label}**", *(f"- {render.plain_item(item)}" for item in section.items)]
        if section.more:
            lines.append(section.more)
        elements.append({"tag": "hr"})
        elements.append({"tag": "div", "text": {"tag": "lark_md", "content": "\n".join(lines)}})
    if render.is_link(message.report_url):
        elements.append(
            {
                "tag": "action",
                "actions": [
                    {
                        "tag": "button",
                        "text": {"tag": "plain_text", "content": words.full_report},
                        "type": "primary",
                        "url": message.report_url,
                    }
                ],
            }
        )
    elif message.report_url:
        elements.append(
            {
                "tag": "div",
                "text": {"tag": "lark_md", "content": render.path_line(message)},
            }
        )
    elements.append(
        {"tag": "note", "elements": [{"tag": "plain_text", "content": render.engine_line(message)}]}
    )
    template = "red" if message.incidents else "orange" if message.slips else "blue"
    return {
        "config": {"wide_screen_mode": True},
        "header": {"title": {"tag": "plain_text", "content": message.title}, "template": template},
        "elements": elements,
    }


class FeishuPublisher(Publisher):
    kind = "feishu"
    rate_limits = (RateLimit(5, 1.0), RateLimit(100, 60.0))

    def build(self, message: DigestMessage) -> list[Request]:
        # Fewer items per section until the body fits Feishu's 20 KB; one message, never split.
        smaller = (cap for cap in (5, 3, 1) if self.max_items is None or cap < self.max_items)
        caps: list[int | None] = [self.max_items, *smaller]
        body = b""
        for cap in caps:
            body = json_bytes(self.payload(message, cap))
            if len(body) <= MAX_BODY_BYTES:
                break
        return [Request(url=self._url, body=body)]

    def payload(self, message: DigestMessage, max_items: int | None) -> dict[str, Any]:
        payload: dict[str, Any] = {}
        if self._secret is not None:
            timestamp = int(self._clock())
            payload["timestamp"] = str(timestamp)
            payload["sign"] = sign(self._secret, timestamp)
        payload["msg_type"] = "interactive"
        payload["card"] = card(message, max_items)
        return payload

    def interpret(self, status: int, body: bytes) -> Verdict:
        return json_code_verdict(
            status,
            body,
            code_keys=("code", "StatusCode"),
            message_keys=("msg", "StatusMessage"),
            rate_limited=RATE_LIMIT_CODES,
            platform="Feishu",
        )
