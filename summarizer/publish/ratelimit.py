"""Client-side rate limits: wait before a platform would refuse (or mute the robot for minutes).

DingTalk and WeCom allow a robot 20 messages a minute (DingTalk then throttles it for ten), so
a digest split into many messages, or many digests in one run, must pace itself. The limiter is
per publisher object: one process, one robot. Two processes sharing a robot are not coordinated.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RateLimit:
    """At most `events` requests in any window of `seconds`."""

    events: int
    seconds: float


class RateLimiter:
    """A sliding-window limiter over several limits; `acquire` sleeps until a request may go."""

    def __init__(
        self,
        limits: Iterable[RateLimit],
        *,
        clock: Callable[[], float],
        sleep: Callable[[float], None],
    ) -> None:
        self._limits = tuple(limits)
        self._clock = clock
        self._sleep = sleep
        self._sent: deque[float] = deque(maxlen=max((limit.events for limit in self._limits), default=1))

    def wait_needed(self) -> float:
        """Seconds until the next request is within every limit (0 when it may go now)."""
        now = self._clock()
        wait = 0.0
        for limit in self._limits:
            if len(self._sent) >= limit.events:
                oldest_in_window = self._sent[-limit.events]
                wait = max(wait, oldest_in_window + limit.seconds - now)
        return wait

    def acquire(self, label: str = "") -> float:
        """Wait (through the injected sleep) until a request may go, record it, return the wait."""
        if not self._limits:
            return 0.0
        wait = self.wait_needed()
        if wait > 0:
            log.info("%s: pacing to the platform's rate limit, waiting %.1f s", label or "publish", wait)
            self._sleep(wait)
        self._sent.append(self._clock())
        return wait
