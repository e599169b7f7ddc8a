"""DingTalk custom robot: markdown shape, signature in the query as DingTalk checks it, errcodes."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from summarizer.publish import DigestItem
from summarizer.publish.dingtalk import DingTalkPublisher, sign

from .conftest import SECRET, START, TOKEN, FakeClock, MakePublisher, chinese_digest, english_digest
from .receiver import Receiver, Reply


def test_markdown_payload_shape_exactly(make_publisher: MakePublisher, receiver: Receiver) -> None:
    assert make_publisher("dingtalk").publish(english_digest()).ok
    (request,) = receiver.requests
    assert request.query == {"access_token": TOKEN}
    assert request.json() == {
        "msgtype": "markdown",
        "markdown": {
            "title": "Payments weekly · 2024-W47",
            "text": "\n".join(
                [
                    "### Payments weekly · 2024-W47",
                    "",
                    "Checkout v2 shipped; POS acquiring slipped two weeks; one SEV2.",
                    "",
                    "**Highlights**",
                    "",
                    "- Checkout v2 live for 100% of traffic (2024-W47.md:12-14)",
                    "",
                    "**Slips**",
                    "",
                    "- POS acquiring moved from Nov 22 to Dec 6 (2024-W47)",
                    "",
                    "**Incidents**",
                    "",
                    "- SEV2: card auth timeouts for 38 min <EU> (2024-W47.md:30-33)",
                    "",
                    "[Full report](https://reports.example.com/payments/2024-W47.html)",
                    "",
                    "*engine: local*",
                ]
            ),
        },
    }


def test_signature_goes_in_the_query_url_encoded(make_publisher: MakePublisher, receiver: Receiver) -> None:
    receiver.secret = SECRET
    publisher = make_publisher("dingtalk", secret=SECRET)
    (built,) = publisher.build(english_digest())
    raw_query = urlsplit(built.url).query
    timestamp_ms = int(START * 1000)
    assert parse_qs(raw_query) == {
        "access_token": [TOKEN],
        "timestamp": [str(timestamp_ms)],
        "sign": [sign(SECRET, timestamp_ms)],
    }
    assert "+" not in raw_query.split("sign=")[1] and "/" not in raw_query.split("sign=")[1]

    assert publisher.publish(english_digest()).ok
    assert receiver.requests[-1].accepted, receiver.requests[-1].problem


def test_wrong_secret_is_refused_with_dingtalks_errcode(
    make_publisher: MakePublisher, receiver: Receiver
) -> None:
    receiver.secret = SECRET
    result = make_publisher("dingtalk", secret="SECwrong-secret-000000").publish(english_digest())
    assert not result.ok and result.attempts == 1
    assert receiver.requests[-1].problem == "bad signature"
    assert result.error is not None and result.error.startswith("DingTalk error 310000")


def test_unsigned_robot_is_refused_when_signing_is_on(
    make_publisher: MakePublisher, receiver: Receiver
) -> None:
    receiver.secret = SECRET
    assert not make_publisher("dingtalk").publish(english_digest()).ok
    assert receiver.requests[-1].problem == "unsigned"


def test_stale_timestamp_is_refused(receiver: Receiver) -> None:
    receiver.secret = SECRET
    with DingTalkPublisher(
        receiver.url("dingtalk", TOKEN), SECRET, clock=FakeClock(START + 3601)
    ) as publisher:
        assert not publisher.publish(english_digest()).ok
    assert receiver.requests[-1].problem == "stale timestamp"


def test_send_too_fast_is_retried_and_other_errcodes_are_final(
    make_publisher: MakePublisher, receiver: Receiver
) -> None:
    receiver.script(Reply(body={"errcode": 130101, "errmsg": "send too fast, exceed 20 times per minute"}))
    result = make_publisher("dingtalk").publish(english_digest())
    assert result.ok and result.attempts == 2

    receiver.always(Reply(body={"errcode": 300001, "errmsg": "token is not exist"}))
    result = make_publisher("dingtalk").publish(english_digest())
    assert (result.ok, result.attempts) == (False, 1)
    assert result.error == "DingTalk error 300001: token is not exist"


def test_chinese_markdown_and_section_cap(make_publisher: MakePublisher, receiver: Receiver) -> None:
    slips = [DigestItem(text=f"项目{i} 延期一周") for i in range(12)]
    assert make_publisher("dingtalk", max_items=10).publish(chinese_digest(slips=slips)).ok
    text = receiver.requests[0].json()["markdown"]["text"]
    assert "**延期**" in text and "- 项目9 延期一周" in text and "项目10" not in text
    assert "……另有 2 条，见完整报告" in text
    assert "[完整报告](https://reports.example.com/payments/2024-W47.html)" in text
