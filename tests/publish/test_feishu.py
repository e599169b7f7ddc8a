"""Feishu / Lark custom bot: card shape, signature as Feishu checks it, errors in 200 replies."""

from __future__ import annotations

from summarizer.publish import DigestItem
from summarizer.publish.feishu import FeishuPublisher, sign

from .conftest import SECRET, START, TOKEN, FakeClock, MakePublisher, chinese_digest, english_digest
from .receiver import Receiver, Reply


def test_card_payload_shape_exactly(make_publisher: MakePublisher, receiver: Receiver) -> None:
    result = make_publisher("feishu", secret=SECRET).publish(english_digest())

    assert result.ok and result.attempts == 1 and result.delivered == 1
    (request,) = receiver.requests
    assert request.accepted, request.problem
    assert request.json() == {
        "timestamp": str(int(START)),
        "sign": sign(SECRET, int(START)),
        "msg_type": "interactive",
        "card": {
            "config": {"wide_screen_mode": True},
            "header": {
                "title": {"tag": "plain_text", "content": "Payments weekly · 2024-W47"},
                "template": "red",
            },
            "elements": [
                {
                    "tag": "div",
                    "text": {
                        "tag": "lark_md",
                        "content": "Checkout v2 shipped; POS acquiring slipped two weeks; one SEV2.",
                    },
                },
                {"tag": "hr"},
                {
                    "tag": "div",
                    "text": {
                        "tag": "lark_md",
                        "content": "**Highlights**\n- Checkout v2 live for 100% of traffic (2024-W47.md:12-14)",
                    },
                },
                {"tag": "hr"},
                {
                    "tag": "div",
                    "text": {
                        "tag": "lark_md",
                        "content": "**Slips**\n- POS acquiring moved from Nov 22 to Dec 6 (2024-W47)",
                    },
                },
                {"tag": "hr"},
                {
                    "tag": "div",
                    "text": {
                        "tag": "lark_md",
                        "content": "**Incidents**\n- SEV2: card auth timeouts for 38 min <EU> (2024-W47.md:30-33)",
                    },
                },
                {
                    "tag": "action",
                    "actions": [
                        {
                            "tag": "button",
                            "text": {"tag": "plain_text", "content": "Full report"},
                            "type": "primary",
                            "url": "https://reports.example.com/payments/2024-W47.html",
                        }
                    ],
                },
                {"tag": "note", "elements": [{"tag": "plain_text", "content": "engine: local"}]},
            ],
        },
    }


def test_chinese_renders_as_utf8_not_escapes(make_publisher: MakePublisher, receiver: Receiver) -> None:
    assert make_publisher("feishu").publish(chinese_digest(report_url="out/报告.html")).ok
    (request,) = receiver.requests
    assert "支付周报".encode() in request.body and b"\\u" not in request.body
    assert request.headers["content-type"] == "application/json; charset=utf-8"
    elements = request.json()["card"]["elements"]
    assert elements[2]["text"]["content"].startswith("**本周亮点**\n- 收银台 v2")
    # A path is not a link a chat client can open: shown as text, no button.
    assert {"tag": "div", "text": {"tag": "lark_md", "content": "完整报告：out/报告.html"}} in elements
    assert all(element["tag"] != "action" for element in elements)
    assert elements[-1]["elements"][0]["content"] == "引擎：local"


def test_unsigned_bot_sends_no_timestamp_or_sign(make_publisher: MakePublisher, receiver: Receiver) -> None:
    assert make_publisher("feishu").publish(english_digest()).ok
    assert set(receiver.requests[0].json()) == {"msg_type", "card"}


def test_signature_verified_by_the_receiver_and_refused_with_a_wrong_secret(
    make_publisher: MakePublisher, receiver: Receiver
) -> None:
    receiver.secret = SECRET
    assert make_publisher("feishu", secret=SECRET).publish(english_digest()).ok
    assert receiver.requests[-1].accepted

    result = make_publisher("feishu", secret="SECnot-the-right-one-0000").publish(english_digest())
    assert not result.ok
    assert receiver.requests[-1].problem == "bad signature"
    assert result.status == 200  # Feishu says no inside an HTTP 200
    assert result.error is not None and "Feishu error 19021" in result.error
    assert result.attempts == 1  # a signature failure is not retried


def test_stale_timestamp_is_refused(receiver: Receiver) -> None:
    receiver.secret = SECRET
    two_hours_ago = FakeClock(START - 7200)
    publisher = FeishuPublisher(receiver.url("feishu", TOKEN), SECRET, clock=two_hours_ago)
    with publisher:
        result = publisher.publish(english_digest())
    assert not result.ok and receiver.requests[-1].problem == "stale timestamp"


def test_platform_error_in_a_200_is_a_failure(make_publisher: MakePublisher, receiver: Receiver) -> None:
    receiver.always(Reply(body={"code": 9499, "msg": "Bad Request", "data": {}}))
    result = make_publisher("feishu").publish(english_digest())
    assert (result.ok, result.status, result.attempts) == (False, 200, 1)
    assert result.error == "Feishu error 9499: Bad Request"


def test_old_style_status_code_reply_is_understood(make_publisher: MakePublisher, receiver: Receiver) -> None:
    receiver.script(Reply(body={"Extra": None, "StatusCode": 0, "StatusMessage": "success"}))
    assert make_publisher("feishu").publish(english_digest()).ok


def test_frequency_limit_code_is_retried_like_a_429(
    make_publisher: MakePublisher, receiver: Receiver, clock: FakeClock
) -> None:
    receiver.script(Reply(body={"code": 11232, "msg": "frequency limited psm"}))
    result = make_publisher("feishu").publish(english_digest())
    assert result.ok and result.attempts == 2 and len(receiver.requests) == 2
    assert clock.sleeps == [1.0]  # backoff, no Retry-After in a 200


def test_long_digest_fits_feishu_body_limit_with_fewer_items(
    make_publisher: MakePublisher, receiver: Receiver
) -> None:
    many = [DigestItem(text="进展" * 700, week="2024-W47") for _ in range(10)]  # ~4 KB each
    assert make_publisher("feishu").publish(chinese_digest(highlights=many)).ok
    (request,) = receiver.requests
    assert request.accepted and len(request.body) <= 20 * 1024
    assert "……另有" in request.json()["card"]["elements"][2]["text"]["content"]


def test_lark_is_the_same_publisher(make_publisher: MakePublisher) -> None:
    publisher = make_publisher("lark")
    assert isinstance(publisher, FeishuPublisher) and publisher.name == "lark"
