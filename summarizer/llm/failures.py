"""The openai SDK's exceptions as typed errors.

By the time one arrives here the SDK has already retried what it retries (connection errors,
timeouts, 408, 409, 429, 5xx) `max_retries` times; nothing here retries again.
"""

from __future__ import annotations

import re
from typing import Any

import openai

from summarizer.llm.config import LLMConfig
from summarizer.llm.errors import (
    AuthError,
    ContextTooLongError,
    EndpointError,
    LLMError,
    ModelNotFoundError,
    RateLimitedError,
    ReplayMissError,
    ServerError,
    ServerUnreachableError,
)
from summarizer.llm.keys import REPLAY_MISS_CODE

# OpenAI says `context_length_exceeded`; vLLM and DeepSeek "maximum context length"; others vary.
_CONTEXT = re.compile(
    r"context_length_exceeded|maximum context length|context window|context length|too many tokens"
    r"|prompt is too long|input is too long",
    re.I,
)


def translate(exc: openai.OpenAIError, config: LLMConfig) -> LLMError:
    """One typed error for one SDK exception."""
    endpoint = config.endpoint
    if isinstance(exc, openai.APITimeoutError):
        return ServerUnreachableError(endpoint, config.max_retries, timed_out=True)
    if isinstance(exc, openai.APIConnectionError):
        return ServerUnreachableError(endpoint, config.max_retries, timed_out=False)
    if not isinstance(exc, openai.APIStatusError):
        return EndpointError(endpoint, 0, str(exc))
    status = exc.status_code
    body: dict[str, Any] = exc.body if isinstance(exc.body, dict) else {}
    detail = str(body.get("message") or exc.message)
    if exc.code == REPLAY_MISS_CODE:
        return ReplayMissError(
            str(body.get("key", "")), str(body.get("prompt", "")), str(body.get("record", ""))
        )
    if status in (401, 403):
        return AuthError(endpoint, status)
    if status == 404:
        return ModelNotFoundError(config.chat_model, endpoint)
    if status == 429:
        return RateLimitedError(endpoint, config.max_retries)
    if status == 413 or (status == 400 and _CONTEXT.search(f"{exc.code or ''} {detail}")):
        return ContextTooLongError(config.chat_model, detail)
    if status >= 500:
        return ServerError(endpoint, status, detail, f"after {config.max_retries} retries")
    hint = ""
    if "response_format" in detail or "json_schema" in detail:
        hint = "if the server cannot do strict JSON schemas, set capability to json_object or prompt_only"
    return EndpointError(endpoint, status, detail, hint)
