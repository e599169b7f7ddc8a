"""Publish targets as configuration: which platform, and the NAMES of the environment variables
holding its webhook URL and secret. Values are read only when a publisher is built, so a config
file never holds a credential, and `masked()` shows them without giving them away.

`PublishTarget` itself is part of the settings (`summarizer.config`, the `[[publish]]` tables of
summarizer.toml); it is re-exported here, where publishers are built from it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

import httpx

from summarizer.config import PublishTarget
from summarizer.errors import ConfigError
from summarizer.publish.base import Clock, Publisher
from summarizer.publish.dingtalk import DingTalkPublisher
from summarizer.publish.feishu import FeishuPublisher
from summarizer.publish.sender import RetryPolicy, Sender
from summarizer.publish.slack import SlackPublisher
from summarizer.publish.webhook import WebhookPublisher
from summarizer.publish.wecom import WeComPublisher

__all__ = ["PUBLISHERS", "PublishTarget", "build_publisher"]

# kind -> publisher class. A new target registers here (see the package docstring).
PUBLISHERS: dict[str, type[Publisher]] = {
    "feishu": FeishuPublisher,
    "lark": FeishuPublisher,  # Lark (larksuite.com) is Feishu's international twin: same API
    "dingtalk": DingTalkPublisher,
    "wecom": WeComPublisher,
    "slack": SlackPublisher,
    "webhook": WebhookPublisher,
}


def build_publisher(
    target: PublishTarget,
    environ: Mapping[str, str] | None = None,
    *,
    clock: Clock | None = None,
    sleep: Callable[[float], None] | None = None,
    client: httpx.Client | None = None,
) -> Publisher:
    """The publisher for `target`, reading its URL and secret from `environ` (default: os.environ).

    `clock`, `sleep` and `client` are for tests and embedding; by default the wall clock, real
    sleeping and a fresh httpx client are used.
    """
    env = os.environ if environ is None else environ
    where = f"publish target '{target.label}'"
    cls = PUBLISHERS.get(target.kind)
    if cls is None:
        raise ConfigError(f"{where}: unknown kind '{target.kind}' (known: {', '.join(sorted(PUBLISHERS))})")
    url = env.get(target.url_env, "").strip()
    if not url:
        raise ConfigError(
            f"{where}: environment variable {target.url_env} is not set (it holds the webhook URL)"
        )
    if not url.lower().startswith(("https://", "http://")):
        raise ConfigError(f"{where}: {target.url_env} does not hold an http(s) URL")
    secret: str | None = None
    if target.secret_env:
        if not cls.supports_signing:
            raise ConfigError(
                f"{where}: {target.kind} does not sign requests (its URL is the credential); remove secret_env"
            )
        secret = env.get(target.secret_env, "").strip()
        if not secret:
            raise ConfigError(
                f"{where}: environment variable {target.secret_env} is not set (it holds the signing secret)"
            )
    policy = RetryPolicy(max_attempts=target.max_attempts, timeout=target.timeout)
    sender = Sender(policy, sleep=sleep, clock=clock, client=client)
    return cls(url, secret, name=target.label, clock=clock, sender=sender, max_items=target.max_items)
