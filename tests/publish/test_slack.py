"""Slack incoming webhook: Block Kit shape, mrkdwn escaping, block limits, text error replies."""

from __future__ import annotations

import pytest

from summarizer.errors import ConfigError
from summarizer.publish import DigestItem, PublishTarget, build_publisher

from .conftest import SECRET, TOKEN, FakeClock, MakePublisher, chinese_digest, english_digest
from .receiver import Receiver, Reply


def test_block_kit_payload_shape_exactly(make_publisher: MakePublisher, receiver: Receiver) -> None:
    assert make_publisher("slack").publish(english_digest()).ok
    (request,) = receiver.requests
    assert request.path == f"/services/T0LOCAL01/B0LOCAL02/{TOKEN}"
    assert request.json() == {
        "text": "Payments weekly · 2024-W47: Checkout v2 shipped; POS acquiring slipped two weeks; one SEV2.",
        "blocks": [
            {
                "type": "header",
                "text": {"type": "plain_text", "text": "Payments weekly · 2024-W47", "emoji": True},
            },
            {
                "type": "section",
                "text": {
                    "type": "mrkdwn",
                    "text": "Checkout v2 shipped; POS acquiring slipped two weeks; one SEV2.",
                },
            },
            {
                "type": "section",
                "text": {
                    "type": "mrkdwn",
                    "text": "*Highlights*\n• Checkout v2 live for 100% of traffic _(2024-W47.md:12-14)_",
                },
            },
            {
                "type": "section",
                "text": {
                    "type": "mrkdwn",
                    "text": "*Slips*\n• POS acquiring moved from Nov 22 to Dec 6 _(2024-W47)_",
                },
            },
            {
                "type": "section",
                "text": {
                    "type": "mrkdwn",
                    # Slack's control characters are escaped.
                    "text": "*Incidents*\n• SEV2: card auth timeouts for 38 min &lt;EU&gt; _(2024-W47.md:30-33)_",
                },
            },
            {
                "type": "section",
                "text": {
                    "type": "mrkdwn",
                    "text": "<https://reports.example.com/payments/2024-W47.html|Full report>",
                },
            },
            {"type": "context", "elements": [{"type": "mrkdwn", "text": "engine: local"}]},
        ],
    }


def test_limits_long_header_and_sections_still_accepted(
    make_publisher: MakePublisher, receiver: Receiver
) -> None:
    digest = chinese_digest(
        title="支付周报" * 50,  # 200 characters; a header holds 150
        highlights=[DigestItem(text="进展" * 200) for _ in range(30)],  # ~12,000 characters
    )
    assert make_publisher("slack", max_items=None).publish(digest).ok
    (request,) = receiver.requests
    assert request.accepted, request.problem
    blocks = request.json()["blocks"]
    assert len(blocks[0]["text"]["text"]) == 150 and blocks[0]["text"]["text"].endswith("…")
    highlight_blocks = [b for b in blocks if b["type"] == "section" and "进展" in b["text"]["text"]]
    assert len(highlight_blocks) > 1
    assert sum(b["text"]["text"].count("• ") for b in highlight_blocks) == 30


def test_error_word_reply_is_a_failure(make_publisher: MakePublisher, receiver: Receiver) -> None:
    receiver.always(Reply(status=404, body="no_service"))
    result = make_publisher("slack").publish(english_digest())
    assert (result.ok, result.status, result.attempts) == (False, 404, 1)
    assert result.error == "Slack refused the message: HTTP 404: no_service"


def test_429_retry_after_is_honoured(
    make_publisher: MakePublisher, receiver: Receiver, clock: FakeClock
) -> None:
    receiver.script(Reply(status=429, body="rate_limited", headers={"Retry-After": "3"}))
    result = make_publisher("slack").publish(english_digest())
    assert result.ok and result.attempts == 2 and len(receiver.requests) == 2
    assert clock.sleeps == [3.0]


def test_slack_has_no_signing(receiver: Receiver) -> None:
    target = PublishTarget(kind="slack", url_env="U", secret_env="S")
    with pytest.raises(ConfigError, match="slack does not sign requests"):
        build_publisher(target, {"U": receiver.url("slack", TOKEN), "S": SECRET})
