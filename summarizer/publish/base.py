"""The publisher seam: `build` turns a digest into requests (pure), `publish` sends them.

A subclass names its `kind`, builds its platform's payload, reads its platform's replies and
declares its rate limits; signing, retries, pacing and secret hygiene are shared here.
"""

from __future__ import annotations

import json
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Collection, Sequence
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from summarizer.publish.message import DigestMessage
from summarizer.publish.ratelimit import RateLimit, RateLimiter
from summarizer.publish.redact import Redactor, guard_library_logs, mask_url, url_secrets
from summarizer.publish.sender import OK, Request, Sender, Verdict, http_reason, snippet

Clock = Callable[[], float]


class PublishResult(BaseModel):
    """What happened to one digest on one target; stored by the publish log, shown by the CLI."""

    model_config = ConfigDict(extra="forbid")

    target: str = Field(description="The target's name (its kind unless configured otherwise).")
    ok: bool = Field(description="Every message of the digest was accepted by the platform.")
    status: int | None = Field(description="HTTP status of the last response; None when none came.")
    attempts: int = Field(ge=0, description="HTTP requests made, retries included.")
    error: str | None = Field(default=None, description="Why it failed, secrets masked; None when ok.")
    delivered: int = Field(default=0, ge=0, description="Messages accepted (WeCom may split a digest).")


class Publisher(ABC):
    """One chat target. Subclasses set `kind` and implement `build` (and usually `interpret`)."""

    kind: ClassVar[str]
    rate_limits: ClassVar[tuple[RateLimit, ...]] = ()
    supports_signing: ClassVar[bool] = True

    def __init__(
        self,
        url: str,
        secret: str | None = None,
        *,
        name: str | None = None,
        clock: Clock | None = None,
        sender: Sender | None = None,
        max_items: int | None = 10,
    ) -> None:
        if secret and not self.supports_signing:
            raise ValueError(f"{self.kind} does not sign requests: the token in its URL is the credential")
        self.name = name or self.kind
        self.max_items = max_items
        self._url = url
        self._secret = secret or None
        self._clock = clock or time.time
        self._redact = Redactor([*url_secrets(url), self._secret])
        guard_library_logs(self._redact)
        self._sender = sender or Sender(clock=self._clock)
        self._limiter = RateLimiter(self.rate_limits, clock=self._clock, sleep=self._sender.sleep)

    @property
    def signed(self) -> bool:
        return self._secret is not None

    @abstractmethod
    def build(self, message: DigestMessage) -> list[Request]:
        """The requests that deliver `message`, in order; pure apart from reading the clock."""

    def interpret(self, status: int, body: bytes) -> Verdict:
        """Read a non-429, non-5xx response. Default: any 2xx is delivered."""
        if 200 <= status < 300:
            return OK
        return Verdict(ok=False, reason=http_reason(status, body))

    def publish(self, message: DigestMessage) -> PublishResult:
        """Build and send; never raises for a platform or network failure, the result says why."""
        requests = self.build(message)
        attempts = 0
        status: int | None = None
        for index, request in enumerate(requests, start=1):
            outcome = self._sender.send(
                request,
                self.interpret,
                redact=self._redact,
                label=self.name,
                before_attempt=lambda: self._limiter.acquire(self.name),
            )
            attempts += outcome.attempts
            status = outcome.status
            if not outcome.ok:
                where = f"message {index} of {len(requests)}: " if len(requests) > 1 else ""
                return PublishResult(
                    target=self.name,
                    ok=False,
                    status=status,
                    attempts=attempts,
                    error=f"{where}{outcome.error}",
                    delivered=index - 1,
                )
        return PublishResult(
            target=self.name, ok=True, status=status, attempts=attempts, delivered=len(requests)
        )

    def close(self) -> None:
        self._sender.close()

    def __enter__(self) -> Publisher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        signed = "signed" if self.signed else "unsigned"
        return f"{type(self).__name__}(name={self.name!r}, url={mask_url(self._url)!r}, {signed})"


def json_code_verdict(
    status: int,
    body: bytes,
    *,
    code_keys: Sequence[str],
    message_keys: Sequence[str],
    rate_limited: Collection[int],
    platform: str,
) -> Verdict:
    """Read a platform that answers `{code, msg}` JSON, often with HTTP 200 even on failure."""
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        payload = None
    if not isinstance(payload, dict):
        return Verdict(ok=False, reason=f"{http_reason(status, body)} (not a {platform} reply)")
    code = next((payload[key] for key in code_keys if key in payload), None)
    text = next((str(payload[key]) for key in message_keys if payload.get(key)), "")
    if code is None:
        if 200 <= status < 300:
            return Verdict(
                ok=False, reason=f"HTTP {status} without a {platform} status code: {snippet(body)}"
            )
        return Verdict(ok=False, reason=http_reason(status, body))
    if code == 0 and 200 <= status < 300:
        return OK
    reason = f"{platform} error {code}: {text}" if text else f"{platform} error {code}"
    if status != 200:
        reason = f"HTTP {status}, {reason}"
    return Verdict(ok=False, retry=code in rate_limited, reason=reason)
