"""The cassette author: a loopback OpenAI-compatible server that replies what it is told to.

`evals/cassettes.py` (ask) and `evals/summary_cassettes.py` (summaries, roll-ups, the register)
set `reply` to what a careful model would answer from the request about to be sent, let the
real client send it, and keep every request and reply the author saw; `take` checks that exactly
one request was made (the reply validated on the first attempt) and turns it into a cassette.
"""

from __future__ import annotations

from typing import Any

from index.tokens import count_tokens
from summarizer.llm.keys import PROMPT_HEADER, digest, request_key
from summarizer.llm.replay import Cassette, LoopbackServer, Received, Reply


def completion(key: str, model: str, content: str, prompt_tokens: int) -> dict[str, Any]:
    """A chat.completion as an OpenAI-compatible server returns it; usage in cl100k estimates."""
    completion_tokens = count_tokens(content)
    return {
        "id": f"chatcmpl-handwritten-{key[:12]}",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "message": {"role": "assistant", "content": content, "refusal": None},
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


class Author:
    """The loopback server that writes each reply from the request it receives."""

    def __init__(self, model: str) -> None:
        self.model = model
        self.reply: str = ""
        self.prompt_tokens = 0
        self.written: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = []
        self.server = LoopbackServer(self._answer)

    def _answer(self, received: Received) -> Reply:
        body = received.json()
        prompt = received.headers.get(PROMPT_HEADER.lower(), "")
        key = request_key(body, prompt)
        response = completion(key, self.model, self.reply, self.prompt_tokens)
        self.written.append((key, prompt, body, response))
        return Reply(200, response)

    def take(self, before: int, what: str, about: dict[str, Any]) -> Cassette:
        """The cassette of the one request sent since `before` requests; more than one means the
        hand-written reply did not validate on the first attempt, which is a bug to fix here."""
        if len(self.written) != before + 1:
            raise SystemExit(f"{what}: the hand-written reply did not validate on the first attempt")
        key, prompt, body, response = self.written[-1]
        return Cassette(
            key=key,
            prompt=prompt,
            request={**about, "messages_sha256": digest(body["messages"])},
            response=response,
            usage={k: response["usage"][k] for k in ("prompt_tokens", "completion_tokens")},
            handwritten=True,
        )
