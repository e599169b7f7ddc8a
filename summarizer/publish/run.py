"""Publish once per edition: check the log, send, record. `summarizer digest` (pipelines/digest.py)
sends every edition through `publish_once`; `retry_failed` re-sends what earlier runs could not."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from summarizer.publish.base import Publisher, PublishResult
from summarizer.publish.message import DigestMessage
from summarizer.publish.state import PublishKey, PublishLog

log = logging.getLogger(__name__)


def publish_once(
    publisher: Publisher, message: DigestMessage, key: PublishKey, publish_log: PublishLog
) -> PublishResult | None:
    """Send `message` unless this edition was already delivered; None when skipped."""
    if publish_log.already_published(key):
        log.info("%s: %s already published, skipped", publisher.name, key)
        return None
    result = publisher.publish(message)
    publish_log.record(key, result, message)
    if not result.ok:
        log.warning("%s: publishing %s failed: %s", publisher.name, key, result.error)
    return result


def retry_failed(publishers: Mapping[str, Publisher], publish_log: PublishLog) -> list[PublishResult]:
    """Re-send every failed edition whose target is among `publishers` (keyed by target name).

    Editions of targets not given stay failed in the log, to be retried when they are.
    """
    results: list[PublishResult] = []
    for entry in publish_log.failed():
        publisher = publishers.get(entry.key.target)
        if publisher is None:
            continue
        if entry.message is None:
            log.warning("%s: cannot re-send %s, its message was not stored", publisher.name, entry.key)
            continue
        result = publisher.publish(entry.message)
        publish_log.record(entry.key, result)
        results.append(result)
    return results
