"""Test data shared by the LLM client tests: the fake key, a prompt, messages, a schema, replies."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, Field

FAKE_KEY = "sk-test-SECRET-1234567890"
PROMPT = "ask@v1#0123456789ab"
MESSAGES = [
    {"role": "system", "content": "You answer questions about weekly status reports."},
    {"role": "user", "content": "哪些项目延期了？\n<reports>\n- 跨境收单：预计12/10上线\n</reports>"},
]


class Progress(BaseModel):
    """A small model-facing schema: every field required, no defaults."""

    project: str = Field(description="Project name as written in the report.")
    progress: int = Field(ge=0, le=100, description="Percent complete.")
    quote: str = Field(description="Exact words from the report.")


def completion(
    content: str | None,
    *,
    finish_reason: str = "stop",
    refusal: str | None = None,
    prompt_tokens: int = 100,
    completion_tokens: int = 20,
) -> dict[str, Any]:
    """A full chat.completion body as an OpenAI-compatible server returns it."""
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": "gpt-4o-mini",
        "choices": [
            {
                "index": 0,
                "finish_reason": finish_reason,
                "message": {"role": "assistant", "content": content, "refusal": refusal},
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


VALID = json.dumps({"project": "跨境收单", "progress": 60, "quote": "预计12/10上线"}, ensure_ascii=False)
