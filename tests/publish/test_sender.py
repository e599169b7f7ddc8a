"""The shared sender: what is retried, how long it waits, and when it gives up."""

from __future__ import annotations

import email.utils
import socket

import pytest

from summarizer.publish.sender import RetryPolicy, Sender, retry_after
from summarizer.publish.webhook import WebhookPublisher

from .conftest import START, FakeClock, MakePublisher, english_digest
from .receiver import Receiver, Reply


def test_429_then_success_takes_two_requests(
    make_publisher: MakePublisher, receiver: Receiver, clock: FakeClock
) -> None:
    receiver.script(Reply(status=429, body="slow down", headers={"Retry-After": "7"}))
    result = make_publisher("feishu").publish(english_digest())
    assert (result.ok, result.status, result.attempts, result.error) == (True, 200, 2, None)
    assert len(receiver.requests) == 2
    assert clock.sleeps == [7.0]  # Retry-After, not the backoff


def test_500_forever_gives_up_after_max_attempts(
    make_publisher: MakePublisher, receiver: Receiver, clock: FakeClock
) -> None:
    receiver.always(Reply(status=500, body="upstream exploded"))
    result = make_publisher("dingtalk", max_attempts=4).publish(english_digest())
    assert (result.ok, result.status, result.attempts, result.delivered) == (False, 500, 4, 0)
    assert len(receiver.requests) == 4
    assert result.error == "HTTP 500: upstream exploded; gave up after 4 attempts"
    assert clock.sleeps == [1.0, 2.0, 4.0]  # exponential backoff between the four attempts


def test_retry_after_as_an_http_date(
    make_publisher: MakePublisher, receiver: Receiver, clock: FakeClock
) -> None:
    when = email.utils.formatdate(START + 5, usegmt=True)
    receiver.script(Reply(status=503, headers={"Retry-After": when}))
    assert make_publisher("slack").publish(english_digest()).ok
    assert clock.sleeps == [5.0]


def test_a_retry_after_beyond_the_bound_is_not_waited_for(
    make_publisher: MakePublisher, receiver: Receiver, clock: FakeClock
) -> None:
    receiver.always(Reply(status=429, headers={"Retry-After": "600"}))
    result = make_publisher("wecom").publish(english_digest())
    assert (result.ok, result.attempts) == (False, 1)
    assert result.error == "HTTP 429; the server asks to wait 600 s, longer than max_retry_after (120 s)"
    assert clock.sleeps == []


def test_4xx_is_final(make_publisher: MakePublisher, receiver: Receiver) -> None:
    receiver.always(Reply(status=400, body="bad request"))
    result = make_publisher("webhook").publish(english_digest())
    assert (result.ok, result.status, result.attempts) == (False, 400, 1)


def test_connection_refused_is_retried_then_reported(clock: FakeClock) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sender = Sender(RetryPolicy(max_attempts=3), sleep=clock.sleep, clock=clock)
    with WebhookPublisher(
        f"http://127.0.0.1:{port}/hooks/tok-123456789", clock=clock, sender=sender
    ) as publisher:
        result = publisher.publish(english_digest())
    assert (result.ok, result.status, result.attempts) == (False, None, 3)
    assert result.error is not None and result.error.startswith("could not connect (ConnectError")
    assert clock.sleeps == [1.0, 2.0]


def test_a_read_timeout_is_not_retried(receiver: Receiver, clock: FakeClock) -> None:
    receiver.always(Reply(status=200, delay=0.5))
    sender = Sender(RetryPolicy(timeout=0.05), sleep=clock.sleep, clock=clock)
    with WebhookPublisher(receiver.url("webhook", "tok-123456789"), clock=clock, sender=sender) as publisher:
        result = publisher.publish(english_digest())
    assert (result.ok, result.attempts) == (False, 1)
    assert result.error is not None and "may have been delivered" in result.error


def test_backoff_doubles_and_is_capped() -> None:
    policy = RetryPolicy(backoff=1.0, max_backoff=5.0)
    assert [policy.backoff_for(n) for n in range(1, 6)] == [1.0, 2.0, 4.0, 5.0, 5.0]
    with pytest.raises(ValueError):
        RetryPolicy(max_attempts=0)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("3", 3.0), ("0.5", 0.5), ("-4", 0.0), ("soon", None), ("", None)],
)
def test_retry_after_parsing(value: str, seconds: float | None) -> None:
    assert retry_after({"retry-after": value}, START) == seconds
