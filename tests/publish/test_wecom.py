"""WeCom group robot: markdown shape, the 4,096-byte limit with Chinese text, 45009, pacing."""

from __future__ import annotations

import pytest

from summarizer.errors import ConfigError
from summarizer.publish import DigestItem, PublishTarget, build_publisher
from summarizer.publish.wecom import contents

from .conftest import SECRET, TOKEN, FakeClock, MakePublisher, chinese_digest, english_digest
from .receiver import Receiver, Reply

LIMIT = 4096


def long_chinese_items(count: int, chars: int = 300) -> list[DigestItem]:
    """Items of ~900 bytes each; '𠀀' (4 bytes) and '进' (3) make byte and character counts differ."""
    return [
        DigestItem(text=f"第{i}项：" + "进展顺利𠀀" * (chars // 5), source=f"2024-W47.md:{i}-{i + 1}")
        for i in range(count)
    ]


def test_markdown_payload_shape_exactly(make_publisher: MakePublisher, receiver: Receiver) -> None:
    assert make_publisher("wecom").publish(english_digest()).ok
    (request,) = receiver.requests
    assert request.query == {"key": TOKEN}
    assert request.json() == {
        "msgtype": "markdown",
        "markdown": {
            "content": "\n".join(
                [
                    "## Payments weekly · 2024-W47",
                    "Checkout v2 shipped; POS acquiring slipped two weeks; one SEV2.",
                    "",
                    "**Highlights**",
                    "- Checkout v2 live for 100% of traffic (2024-W47.md:12-14)",
                    "",
                    "**Slips**",
                    "- POS acquiring moved from Nov 22 to Dec 6 (2024-W47)",
                    "",
                    "**Incidents**",
                    "- SEV2: card auth timeouts for 38 min <EU> (2024-W47.md:30-33)",
                    "",
                    "[Full report](https://reports.example.com/payments/2024-W47.html)",
                    '<font color="comment">engine: local</font>',
                ]
            )
        },
    }


def test_long_chinese_digest_is_split_within_4096_bytes_and_nothing_is_lost(
    make_publisher: MakePublisher, receiver: Receiver
) -> None:
    items = long_chinese_items(20)
    digest = chinese_digest(highlights=items, report_url=None)
    result = make_publisher("wecom", max_items=None).publish(digest)

    assert result.ok and result.delivered == len(receiver.requests) > 1
    sent = [request.json()["markdown"]["content"] for request in receiver.requests]
    for request, content in zip(receiver.requests, sent, strict=True):
        assert request.accepted, request.problem
        assert len(content.encode("utf-8")) <= LIMIT
        request.body.decode("utf-8", errors="strict")  # valid UTF-8 on the wire
    assert sent[0].startswith(f"## 支付周报 · 2024-W47 (1/{len(sent)})\n")
    joined = "\n".join(sent)
    for item in items:  # every item arrives whole, in one message
        assert sum(f"- {item.text} ({item.source})" in content for content in sent) == 1
    assert digest.slips[0].text in joined and digest.incidents[0].text in joined


def test_over_max_parts_the_last_message_links_the_full_report(
    make_publisher: MakePublisher, receiver: Receiver
) -> None:
    digest = chinese_digest(highlights=long_chinese_items(40))
    result = make_publisher("wecom", max_items=None).publish(digest)

    assert result.ok and len(receiver.requests) == 5  # the default max_parts
    sent = [request.json()["markdown"]["content"] for request in receiver.requests]
    assert all(len(content.encode("utf-8")) <= LIMIT for content in sent)
    assert sent[-1].endswith(
        "……内容超出单条消息上限，其余内容见完整报告\n"
        "[完整报告](https://reports.example.com/payments/2024-W47.html)\n"
        '<font color="comment">引擎：local</font>'
    )
    assert sent[-1].startswith("## 支付周报 · 2024-W47 (5/5)\n")


@pytest.mark.parametrize("limit", [120, 200, 333, 4096])
def test_an_oversized_line_is_cut_between_characters(limit: int) -> None:
    digest = chinese_digest(headline="😀进" * 900, report_url=None)
    parts = contents(digest, limit=limit)
    for part in parts:
        assert len(part.encode("utf-8")) <= limit
    bodies = [part.split("\n", 1)[1] for part in parts]
    # Concatenating the pieces gives back the headline: no character was cut or dropped.
    assert "".join(bodies).replace("\n", "").startswith("😀进" * 900)


def test_rate_limit_errcode_is_retried_other_errcodes_are_final(
    make_publisher: MakePublisher, receiver: Receiver
) -> None:
    receiver.script(Reply(body={"errcode": 45009, "errmsg": "api freq out of limit"}))
    result = make_publisher("wecom").publish(english_digest())
    assert result.ok and result.attempts == 2

    receiver.always(Reply(body={"errcode": 93000, "errmsg": "invalid webhook url"}))
    result = make_publisher("wecom").publish(english_digest())
    assert (result.ok, result.status, result.attempts) == (False, 200, 1)
    assert result.error == "WeCom error 93000: invalid webhook url"


def test_more_than_20_messages_a_minute_are_paced(
    make_publisher: MakePublisher, receiver: Receiver, clock: FakeClock
) -> None:
    start = clock()
    publisher = make_publisher("wecom")
    for _ in range(25):
        assert publisher.publish(english_digest()).ok
    assert len(receiver.requests) == 25
    assert clock.sleeps == [60.0]  # the 21st waited for the first to leave the window
    assert clock() - start == 60.0


def test_wecom_has_no_signing(receiver: Receiver) -> None:
    target = PublishTarget(kind="wecom", url_env="U", secret_env="S")
    with pytest.raises(ConfigError, match="wecom does not sign requests"):
        build_publisher(target, {"U": receiver.url("wecom", TOKEN), "S": SECRET})
