"""A scripted OpenAI-compatible server for fault injection, built on replay's `LoopbackServer`."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from summarizer.llm.replay import LoopbackServer, Received, Reply

from .data import completion


def ok(content: str | None, **kwargs: Any) -> Reply:
    return Reply(200, completion(content, **kwargs))


def error(
    status: int, message: str, *, code: str | None = None, headers: dict[str, str] | None = None
) -> Reply:
    body = {"error": {"message": message, "type": "test_error", "code": code}}
    return Reply(status, body, headers or {})


Step = Reply | Callable[[Received], Reply]
"""A scripted reply, or a function that writes one from the request (e.g. quoting its passages)."""


class FaultServer(LoopbackServer):
    """Answers with the scripted replies in order; the last one repeats once the script runs out."""

    def __init__(self, *script: Step) -> None:
        super().__init__(self._next)
        self._script = list(script)
        self._step = threading.Lock()

    def _next(self, received: Received) -> Reply:
        with self._step:
            step = self._script.pop(0) if len(self._script) > 1 else self._script[0]
        return step(received) if callable(step) else step

    @property
    def chat_requests(self) -> list[dict[str, Any]]:
        """The JSON bodies of the chat requests received, in order."""
        return [r.json() for r in self.received if r.path.endswith("/chat/completions")]


StartServer = Callable[..., FaultServer]
"""The `server` fixture: start a `FaultServer` with a script."""
