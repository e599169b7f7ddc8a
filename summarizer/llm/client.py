"""`ChatClient`: one structured chat call over the real `openai` client, validated and re-asked.

Per attempt: build the request body, hash it (`keys.request_key`), answer from the cache or send
it, turn a refusal, truncation or content filter into a typed error, then parse and validate the
reply client-side whatever the server claims. An invalid reply is appended to the conversation
with a user message naming the problems (the instructor pattern), at most `max_reasks` times.
Network retries are the SDK's (`max_retries`); this loop only re-asks about content.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import httpx2
import openai
from openai.types.chat import ChatCompletion
from pydantic import BaseModel

from summarizer.llm.budget import cost
from summarizer.llm.cache import CachedResponse, ResponseCache
from summarizer.llm.calllog import CallLog, CallRecord
from summarizer.llm.config import LLMConfig
from summarizer.llm.errors import (
    ContentFilterError,
    EndpointError,
    InvalidOutputError,
    LLMError,
    RefusalError,
    TruncatedError,
)
from summarizer.llm.failures import translate
from summarizer.llm.keys import PROMPT_HEADER, digest, request_key
from summarizer.llm.output import parse_reply
from summarizer.llm.results import Spend, StructuredResult, T, Usage
from summarizer.llm.schema import strict_json_schema
from summarizer.prompts import load_prompt

log = logging.getLogger(__name__)

Message = dict[str, str]
Validator = Callable[[T], list[str]]


@dataclass(frozen=True)
class _Reply:
    completion: ChatCompletion
    usage: Usage
    latency_ms: float
    cache_hit: bool


class ChatClient:
    """Structured chat calls against one OpenAI-compatible endpoint (real, local or replay)."""

    def __init__(
        self,
        config: LLMConfig,
        *,
        cache: ResponseCache | None = None,
        call_log: CallLog | None = None,
        command: str = "",
        engine: str = "openai",
        http_client: httpx2.Client | None = None,
    ) -> None:
        self.config = config
        self.cache = cache
        self.call_log = call_log
        self.command = command
        self.engine = engine
        self.spend = Spend()
        # Every argument explicit: the SDK would otherwise fall back to OPENAI_* environment variables.
        self._openai = openai.OpenAI(
            api_key=config.require_key(),
            base_url=config.endpoint,
            timeout=config.timeout,
            max_retries=config.max_retries,
            http_client=http_client,
        )

    def close(self) -> None:
        self._openai.close()

    def structured(
        self,
        messages: Sequence[Mapping[str, str]],
        schema: type[T],
        *,
        prompt_ident: str,
        temperature: float = 0.0,
        validate: Validator[T] | None = None,
        keep_last: bool = False,
    ) -> StructuredResult[T]:
        """The reply parsed into `schema`; `validate` may return problems that trigger a re-ask.

        With `keep_last`, a last reply that fits the schema but still has `validate` problems is
        returned with them in `problems` instead of raising: for problems the caller can repair
        itself (drop a quote that does not verify). A reply that does not fit the schema always
        raises `InvalidOutputError`.
        """
        if not prompt_ident.isascii():
            raise ValueError(f"prompt ident must be ASCII (it travels in a header): {prompt_ident!r}")
        conversation = self._conversation(messages, schema)
        response_format = self._response_format(schema)
        chain: list[CachedResponse] = []
        usage = Usage()
        latency = 0.0
        all_cached = True
        attempts = self.config.max_reasks + 1
        for attempt in range(1, attempts + 1):
            body = self._body(conversation, response_format, temperature)
            key = request_key(body, prompt_ident)
            reply = self._send(body, key, prompt_ident)
            usage += reply.usage
            latency += reply.latency_ms
            all_cached = all_cached and reply.cache_hit
            record = self._record(body, key, prompt_ident, reply.usage, reply.latency_ms, reply.cache_hit)
            try:
                raw = self._content(reply.completion)
            except LLMError as error:
                self._log(record, _outcome(error), conversation)
                raise
            chain.append(
                CachedResponse(
                    key, self.config.chat_model, prompt_ident, reply.completion.to_dict(), reply.usage
                )
            )
            value, problems = parse_reply(raw, schema)
            if value is not None and validate is not None:
                problems = validate(value)
            final = attempt == attempts
            if value is not None and (not problems or (final and keep_last)):
                self._log(record, "kept" if problems else "ok", conversation)
                self._remember(chain)
                spent = cost(
                    self.config.chat_model, usage.prompt_tokens, usage.completion_tokens, self.config.prices
                )
                return StructuredResult(
                    value,
                    raw,
                    usage,
                    attempt,
                    all_cached,
                    latency,
                    key,
                    prompt_ident,
                    self.config.chat_model,
                    spent,
                    tuple(problems),
                )
            self._log(record, "invalid" if final else "reask", conversation)
            log.info(
                "prompt %s attempt %d: invalid reply (%d problems)", prompt_ident, attempt, len(problems)
            )
            if final:
                raise InvalidOutputError(attempt, usage, raw, problems)
            conversation = [
                *conversation,
                {"role": "assistant", "content": raw},
                {"role": "user", "content": _reask_message(problems)},
            ]
        raise AssertionError("unreachable: the loop returns or raises")

    def _conversation(self, messages: Sequence[Mapping[str, str]], schema: type[T]) -> list[Message]:
        """The caller's messages; the schema joins the system message unless the server enforces it."""
        conversation = [dict(message) for message in messages]
        if self.config.capability == "json_schema":
            return conversation
        instruction = schema_instruction(schema)
        if conversation and conversation[0].get("role") == "system":
            conversation[0]["content"] = f"{conversation[0]['content']}\n\n{instruction}"
        else:
            conversation.insert(0, {"role": "system", "content": instruction})
        return conversation

    def _body(
        self, conversation: list[Message], response_format: dict[str, Any] | None, temperature: float
    ) -> dict[str, Any]:
        """The JSON body exactly as the SDK sends it, so its hash is the replay server's too."""
        body: dict[str, Any] = {
            "model": self.config.chat_model,
            "messages": conversation,
            "temperature": temperature,
            "max_tokens": self.config.output_tokens,
        }
        if response_format is not None:
            body["response_format"] = response_format
        return body

    def _response_format(self, schema: type[T]) -> dict[str, Any] | None:
        if self.config.capability == "json_object":
            return {"type": "json_object"}
        if self.config.capability == "prompt_only":
            return None
        return {
            "type": "json_schema",
            "json_schema": {
                "name": re.sub(r"[^A-Za-z0-9_-]", "_", schema.__name__)[:64],
                "schema": strict_json_schema(schema),
                "strict": True,
            },
        }

    def _send(self, body: dict[str, Any], key: str, prompt_ident: str) -> _Reply:
        start = time.perf_counter()
        cached = self.cache.get(key) if self.cache is not None else None
        if cached is not None:
            completion = ChatCompletion.model_validate(cached.response)
            return _Reply(completion, cached.usage, _ms_since(start), True)
        try:
            completion = self._openai.chat.completions.create(
                **body, extra_headers={PROMPT_HEADER: prompt_ident}
            )
        except openai.OpenAIError as exc:
            error = translate(exc, self.config)
            self._log_failure(body, key, prompt_ident, start, error)
            raise error from exc
        if not isinstance(completion, ChatCompletion):  # the SDK hands back text that is not JSON
            error = EndpointError(
                self.config.endpoint, 200, f"the reply is not a chat completion: {str(completion)[:80]}"
            )
            self._log_failure(body, key, prompt_ident, start, error)
            raise error
        reported = completion.usage
        usage = Usage(reported.prompt_tokens, reported.completion_tokens) if reported else Usage()
        return _Reply(completion, usage, _ms_since(start), False)

    def _log_failure(
        self, body: dict[str, Any], key: str, prompt_ident: str, start: float, error: LLMError
    ) -> None:
        record = self._record(body, key, prompt_ident, Usage(), _ms_since(start), cache_hit=False)
        self._log(record, _outcome(error), body["messages"])

    def _content(self, completion: ChatCompletion) -> str:
        """The reply text, or the typed error for a refusal, a content filter or truncation."""
        if not completion.choices:
            raise EndpointError(self.config.endpoint, 200, "the reply has no choices")
        choice = completion.choices[0]
        if choice.message.refusal:
            raise RefusalError(self.config.chat_model, choice.message.refusal)
        if choice.finish_reason == "content_filter":
            raise ContentFilterError(self.config.chat_model)
        if choice.finish_reason == "length":
            raise TruncatedError(
                self.config.chat_model, self.config.output_tokens, choice.message.content or ""
            )
        return choice.message.content or ""

    def _record(
        self,
        body: dict[str, Any],
        key: str,
        prompt_ident: str,
        usage: Usage,
        latency_ms: float,
        cache_hit: bool,
    ) -> CallRecord:
        """The call-log row of one attempt; its outcome is filled in by `_log`."""
        spent = (
            0.0
            if cache_hit
            else cost(
                self.config.chat_model, usage.prompt_tokens, usage.completion_tokens, self.config.prices
            )
        )
        return CallRecord(
            command=self.command,
            prompt_ident=prompt_ident,
            model=self.config.chat_model,
            engine=self.engine,
            request_key=key,
            prompt_tokens=usage.prompt_tokens,
            completion_tokens=usage.completion_tokens,
            latency_ms=round(latency_ms, 2),
            cache_hit=cache_hit,
            outcome="pending",
            cost_usd=spent,
            messages_hash=digest(body["messages"]),
        )

    def _log(self, record: CallRecord, outcome: str, messages: list[Message]) -> None:
        log.info(
            "llm call %s prompt=%s model=%s outcome=%s cache=%s tokens=%d/%d %.0f ms",
            record.request_key[:12],
            record.prompt_ident,
            record.model,
            outcome,
            record.cache_hit,
            record.prompt_tokens,
            record.completion_tokens,
            record.latency_ms,
        )
        self.spend.add(
            Usage(record.prompt_tokens, record.completion_tokens),
            cache_hit=record.cache_hit,
            cost_usd=record.cost_usd,
            outcome=outcome,
        )
        if self.call_log is not None:
            self.call_log.record(record.model_copy(update={"outcome": outcome}), messages)

    def _remember(self, chain: list[CachedResponse]) -> None:
        """Cache a chain only once its last reply validated: errors and failed chains never are."""
        if self.cache is not None:
            for entry in chain:
                self.cache.put(entry)


def schema_instruction(schema: type[BaseModel]) -> str:
    """The system-message text that carries the schema when the server does not enforce one."""
    return load_prompt("json_schema").render(
        schema=json.dumps(strict_json_schema(schema), ensure_ascii=False)
    )


def _outcome(error: LLMError) -> str:
    """The call log's word for a failed attempt."""
    names = {RefusalError: "refusal", TruncatedError: "truncated", ContentFilterError: "content_filter"}
    return names.get(type(error), type(error).__name__)


def _reask_message(problems: list[str]) -> str:
    return load_prompt("reask").render(problems="\n".join(f"- {problem}" for problem in problems))


def _ms_since(start: float) -> float:
    return (time.perf_counter() - start) * 1000
