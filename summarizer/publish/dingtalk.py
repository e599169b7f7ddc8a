"""DingTalk custom robot: a markdown message posted to `/robot/send?access_token=<token>`.

Signing (optional, "加签"): `timestamp` in milliseconds and
sign = urlencode(base64(HMAC-SHA256(key = secret, message = f"{timestamp}\\n{secret}"))),
both appended to the webhook URL as query parameters. The key is the secret alone, unlike
Feishu. DingTalk refuses a timestamp more than an hour from its clock (errcode 310000).

Replies are `{"errcode": 0, "errmsg": "ok"}` with HTTP 200 even on failure. A robot may send
20 messages a minute and is throttled for ten minutes beyond that, so we pace ourselves; the
throttling codes (130101 "send too fast", 410100) are retried like a 429. A robot secured by
keywords instead ("自定义关键词") only accepts messages containing one: put it in the title.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any
from urllib.parse import urlencode

from summarizer.publish import render
from summarizer.publish.base import Publisher, json_code_verdict
from summarizer.publish.message import DigestMessage
from summarizer.publish.ratelimit import RateLimit
from summarizer.publish.sender import Request, Verdict, json_bytes

RATE_LIMIT_CODES = frozenset({130101, 410100})


def sign(secret: str, timestamp_ms: int) -> str:
    """DingTalk's signature for `timestamp_ms`, base64 (URL-encoding happens in the query)."""
    digest = hmac.new(secret.encode(), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def markdown(message: DigestMessage, max_items: int | None) -> str:
    lines = [f"### {message.title}", "", message.headline]
    for section in render.sections(message, max_items):
        lines += ["", f"**{section.label}**", ""]
        lines += [f"- {render.plain_item(item)}" for item in section.items]
        if section.more:
            lines += ["", section.more]
    link = render.markdown_link(message)
    if link:
        lines += ["", link]
    lines += ["", f"*{render.engine_line(message)}*"]
    return "\n".join(lines)


class DingTalkPublisher(Publisher):
    kind = "dingtalk"
    rate_limits = (RateLimit(20, 60.0),)

    def build(self, message: DigestMessage) -> list[Request]:
        payload: dict[str, Any] = {
            "msgtype": "markdown",
            "markdown": {"title": message.title, "text": markdown(message, self.max_items)},
        }
        return [Request(url=self.signed_url(), body=json_bytes(payload))]

    def signed_url(self) -> str:
        if self._secret is None:
            return self._url
        timestamp_ms = int(self._clock() * 1000)
        query = urlencode({"timestamp": timestamp_ms, "sign": sign(self._secret, timestamp_ms)})
        return f"{self._url}{'&' if '?' in self._url else '?'}{query}"

    def interpret(self, status: int, body: bytes) -> Verdict:
        return json_code_verdict(
            status,
            body,
            code_keys=("errcode",),
            message_keys=("errmsg",),
            rate_limited=RATE_LIMIT_CODES,
            platform="DingTalk",
        )
