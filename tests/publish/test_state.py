"""The publish log: a re-run publishes nothing twice; a failed publish is retried, never dropped."""

from __future__ import annotations

from pathlib import Path

from summarizer.publish import PublishKey, PublishLog, PublishResult, publish_once, retry_failed

from .conftest import MakePublisher, chinese_digest, english_digest
from .receiver import Receiver, Reply


def test_a_rerun_publishes_nothing_twice(
    make_publisher: MakePublisher, receiver: Receiver, tmp_path: Path
) -> None:
    digest = chinese_digest()
    feishu, wecom = make_publisher("feishu"), make_publisher("wecom")
    for _run in range(3):  # three scheduled runs over the same week
        with PublishLog(tmp_path) as log:
            for publisher in (feishu, wecom):
                key = PublishKey.for_message(publisher.name, "payments", digest, week="2024-W47")
                publish_once(publisher, digest, key, log)
    assert [request.kind for request in receiver.requests] == ["feishu", "wecom"]


def test_a_failed_publish_is_recorded_and_retried_on_the_next_run(
    make_publisher: MakePublisher, receiver: Receiver, tmp_path: Path
) -> None:
    digest = english_digest()
    publisher = make_publisher("dingtalk", max_attempts=2)
    key = PublishKey("dingtalk", "payments", "2024-W47")

    receiver.always(Reply(status=502, body="bad gateway"))
    with PublishLog(tmp_path) as log:
        first = publish_once(publisher, digest, key, log)
        assert first is not None and not first.ok
        assert not log.already_published(key)
        (entry,) = log.failed()
        assert entry.key == key and entry.runs == 1 and entry.message == digest
        assert entry.error == "HTTP 502: bad gateway; gave up after 2 attempts"

    receiver.reset()  # the platform is back
    with PublishLog(tmp_path) as log:  # the next run, a new process
        second = publish_once(publisher, digest, key, log)
        assert second is not None and second.ok
        assert log.already_published(key) and log.failed() == []
        entry_after = log.get(key)
        assert entry_after is not None and entry_after.runs == 2 and entry_after.ok
        assert publish_once(publisher, digest, key, log) is None  # and never again
    assert len(receiver.requests) == 1


def test_retry_failed_resends_stored_messages_of_earlier_weeks(
    make_publisher: MakePublisher, receiver: Receiver, tmp_path: Path
) -> None:
    publisher = make_publisher("slack")
    old_week = english_digest(title="Payments weekly · 2024-W46")
    with PublishLog(tmp_path) as log:
        failed = PublishResult(target="slack", ok=False, status=None, attempts=4, error="could not connect")
        log.record(PublishKey("slack", "payments", "2024-W46"), failed, old_week)
        log.record(PublishKey("teams", "payments", "2024-W46"), failed.model_copy(update={"target": "teams"}))

        results = retry_failed({"slack": publisher}, log)

        assert [result.ok for result in results] == [True]
        assert receiver.requests[0].json()["blocks"][0]["text"]["text"] == "Payments weekly · 2024-W46"
        assert [entry.key.target for entry in log.failed()] == ["teams"]  # kept for when it is configured


def test_content_hash_keys_republish_a_corrected_digest(
    make_publisher: MakePublisher, receiver: Receiver, tmp_path: Path
) -> None:
    publisher = make_publisher("webhook")
    with PublishLog(tmp_path) as log:
        for digest in (english_digest(), english_digest(), english_digest(headline="Corrected headline.")):
            publish_once(publisher, digest, PublishKey.for_message("webhook", "payments", digest), log)
    assert len(receiver.requests) == 2


def test_keys_are_per_target_series_and_edition(tmp_path: Path) -> None:
    ok = PublishResult(target="feishu", ok=True, status=200, attempts=1, delivered=1)
    with PublishLog(tmp_path) as log:
        log.record(PublishKey("feishu", "payments", "2024-W47"), ok)
        assert log.already_published(PublishKey("feishu", "payments", "2024-W47"))
        assert not log.already_published(PublishKey("feishu", "payments", "2024-W48"))
        assert not log.already_published(PublishKey("feishu", "risk", "2024-W47"))
        assert not log.already_published(PublishKey("wecom", "payments", "2024-W47"))
