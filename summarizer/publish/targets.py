"""Publish targets as configuration: which platform, and the NAMES of the environment variables
holding its webhook URL and secret. Values are read only when a publisher is built, so a config
file never holds a credential, and `masked()` shows them without giving them away.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from typing import Any

import httpx
from pydantic import BaseModel, ConfigDict, Field, field_validator

from summarizer.errors import ConfigError
from summarizer.publish.base import Clock, Publisher
from summarizer.publish.dingtalk import DingTalkPublisher
from summarizer.publish.feishu import FeishuPublisher
from summarizer.publish.redact import mask, mask_url
from summarizer.publish.sender import RetryPolicy, Sender
from summarizer.publish.slack import SlackPublisher
from summarizer.publish.webhook import WebhookPublisher
from summarizer.publish.wecom import WeComPublisher

# kind -> publisher class. A new target registers here (see the package docstring).
PUBLISHERS: dict[str, type[Publisher]] = {
    "feishu": FeishuPublisher,
    "lark": FeishuPublisher,  # Lark (larksuite.com) is Feishu's international twin: same API
    "dingtalk": DingTalkPublisher,
    "wecom": WeComPublisher,
    "slack": SlackPublisher,
    "webhook": WebhookPublisher,
}

_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class PublishTarget(BaseModel):
    """One place digests go, e.g. `{kind = "feishu", url_env = "FEISHU_WEBHOOK_URL"}`."""

    # hide_input_in_errors: a URL pasted where a variable name belongs must not be echoed back.
    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True)

    kind: str = Field(description=f"Platform: {', '.join(sorted(PUBLISHERS))}.")
    name: str | None = Field(default=None, description="Label in logs and the publish log; default: kind.")
    url_env: str = Field(description="Name of the environment variable holding the webhook URL.")
    secret_env: str | None = Field(
        default=None, description="Name of the environment variable holding the signing secret."
    )
    timeout: float = Field(default=10.0, gt=0, description="Seconds to wait for one response.")
    max_attempts: int = Field(default=4, ge=1, le=10, description="HTTP attempts per message.")
    max_items: int | None = Field(default=10, ge=1, description="Items shown per section; None shows all.")

    @field_validator("url_env", "secret_env")
    @classmethod
    def _is_variable_name(cls, value: str | None) -> str | None:
        if value is not None and not _ENV_NAME.fullmatch(value):
            raise ValueError(
                "must be the NAME of an environment variable (e.g. FEISHU_WEBHOOK_URL), "
                "never the URL or secret itself"
            )
        return value

    @property
    def label(self) -> str:
        return self.name or self.kind

    def masked(self, environ: Mapping[str, str] | None = None) -> dict[str, Any]:
        """The target as plain data with the URL and secret masked, for `summarizer config`."""
        env = os.environ if environ is None else environ
        data = self.model_dump(mode="json")
        url = env.get(self.url_env)
        data["url"] = mask_url(url) if url else f"(${self.url_env} not set)"
        if self.secret_env:
            secret = env.get(self.secret_env)
            data["secret"] = mask(secret) if secret else f"(${self.secret_env} not set)"
        return data


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
