"""The one HTTP sender every publisher shares: a bounded number of attempts, exponential backoff on
429/5xx and on the platforms' own rate-limit codes, `Retry-After` honoured, a per-request timeout.

Sleeping and the clock are injected so tests never wait. What is retried, and why:
- 429, 5xx and platform rate-limit codes: the request was refused, sending again is safe;
- connection failures (refused, DNS, connect timeout): nothing reached the server;
- NOT a read timeout: the server may have posted the message, and a digest posted twice is
  worse than one reported as failed (the publish log retries it on the next run).
"""

from __future__ import annotations

import email.utils
import json
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from summarizer import __version__
from summarizer.publish.redact import Redactor, mask_url

log = logging.getLogger(__name__)

USER_AGENT = f"summarizer/{__version__} (+publish)"
JSON_HEADERS: Mapping[str, str] = {"Content-Type": "application/json; charset=utf-8"}


def json_bytes(payload: Any) -> bytes:
    """Compact UTF-8 JSON with Chinese left readable (no \\u escapes)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True, repr=False)
class Request:
    """One HTTP request a publisher wants sent; its repr never shows the URL's token or the body."""

    url: str
    body: bytes
    headers: Mapping[str, str] = field(default_factory=lambda: dict(JSON_HEADERS))
    method: str = "POST"

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))

    def __repr__(self) -> str:
        return f"Request({self.method} {mask_url(self.url)}, {len(self.body)} bytes)"


@dataclass(frozen=True)
class Verdict:
    """How a publisher reads a response: delivered, worth retrying, or refused for good."""

    ok: bool
    retry: bool = False
    reason: str = ""


OK = Verdict(ok=True)
Interpret = Callable[[int, bytes], Verdict]


@dataclass(frozen=True)
class SendOutcome:
    ok: bool
    status: int | None
    attempts: int
    error: str | None = None


@dataclass(frozen=True)
class RetryPolicy:
    """Bounds on one request's retries; the defaults suit a scheduled digest, not a chat bot."""

    max_attempts: int = 4
    backoff: float = 1.0  # the first wait; doubles per attempt
    max_backoff: float = 30.0
    # A server asking to wait longer than this is not waited for: the publish fails, the publish
    # log keeps it, the next run retries. DingTalk mutes an over-eager robot for ten minutes.
    max_retry_after: float = 120.0
    timeout: float = 10.0

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")

    def backoff_for(self, attempt: int) -> float:
        """The wait after failed attempt number `attempt` (1-based) when the server gives none."""
        return float(min(self.max_backoff, self.backoff * 2 ** (attempt - 1)))


def snippet(body: bytes, limit: int = 200) -> str:
    text = body.decode("utf-8", errors="replace").strip()
    return text if len(text) <= limit else text[:limit] + "…"


def http_reason(status: int, body: bytes) -> str:
    text = snippet(body)
    return f"HTTP {status}: {text}" if text else f"HTTP {status}"


def retry_after(headers: Mapping[str, str], now: float) -> float | None:
    """Seconds the server asks us to wait: `Retry-After` as seconds or as an HTTP date."""
    value = headers.get("retry-after")
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now)


class Sender:
    """Sends `Request`s with retries; owns one httpx client (close it, or use `with`)."""

    def __init__(
        self,
        policy: RetryPolicy | None = None,
        *,
        sleep: Callable[[float], None] | None = None,
        clock: Callable[[], float] | None = None,
        client: httpx.Client | None = None,
    ) -> None:
        self.policy = policy or RetryPolicy()
        self.sleep = sleep or time.sleep
        self.clock = clock or time.time
        self._client = client
        self._owns_client = client is None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(headers={"User-Agent": USER_AGENT}, follow_redirects=False)
        return self._client

    def close(self) -> None:
        if self._client is not None and self._owns_client:
            self._client.close()
            self._client = None

    def __enter__(self) -> Sender:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Sender({self.policy!r})"

    def send(
        self,
        request: Request,
        interpret: Interpret,
        *,
        redact: Redactor,
        label: str,
        before_attempt: Callable[[], object] = lambda: None,
    ) -> SendOutcome:
        """Send until `interpret` accepts, a failure is final, or the attempts run out."""
        policy = self.policy
        status: int | None = None
        reason = ""
        for attempt in range(1, policy.max_attempts + 1):
            before_attempt()
            wait: float | None = None
            try:
                response = self.client.request(
                    request.method,
                    request.url,
                    content=request.body,
                    headers=dict(request.headers),
                    timeout=policy.timeout,
                )
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
                status = None
                reason = redact(f"could not connect ({type(exc).__name__}: {exc})")
            except httpx.TimeoutException as exc:
                reason = redact(
                    f"no response within {policy.timeout:g} s ({type(exc).__name__}); "
                    "not retried because the message may have been delivered"
                )
                return SendOutcome(False, None, attempt, reason)
            except httpx.HTTPError as exc:
                return SendOutcome(False, None, attempt, redact(f"{type(exc).__name__}: {exc}"))
            else:
                status = response.status_code
                if status == 429 or status >= 500:
                    reason = redact(http_reason(status, response.content))
                    wait = retry_after(response.headers, self.clock())
                else:
                    verdict = interpret(status, response.content)
                    if verdict.ok:
                        if attempt > 1:
                            log.info("%s: delivered on attempt %d", label, attempt)
                        return SendOutcome(True, status, attempt)
                    reason = redact(verdict.reason)
                    if not verdict.retry:
                        return SendOutcome(False, status, attempt, reason)
                    wait = retry_after(response.headers, self.clock())
            if attempt == policy.max_attempts:
                break
            if wait is None:
                wait = policy.backoff_for(attempt)
            elif wait > policy.max_retry_after:
                return SendOutcome(
                    False,
                    status,
                    attempt,
                    f"{reason}; the server asks to wait {wait:.0f} s, longer than "
                    f"max_retry_after ({policy.max_retry_after:g} s)",
                )
            log.warning(
                "%s: attempt %d/%d failed (%s); retrying in %.1f s",
                label,
                attempt,
                policy.max_attempts,
                reason,
                wait,
            )
            self.sleep(wait)
        return SendOutcome(
            False, status, policy.max_attempts, f"{reason}; gave up after {policy.max_attempts} attempts"
        )
