"""Typed errors of the LLM client, each with a one-line message and an exit code.

| error                    | exit | raised when                                                        |
|--------------------------|------|--------------------------------------------------------------------|
| `MissingKeyError`        | 2    | no API key configured (also a `ConfigError`)                       |
| `AuthError`              | 2    | the endpoint rejected the key (HTTP 401/403)                       |
| `ModelNotFoundError`     | 3    | the endpoint does not serve the configured model (HTTP 404)        |
| `ContextTooLongError`    | 3    | the request exceeds the model's context window (HTTP 400/413)      |
| `RateLimitedError`       | 3    | HTTP 429 still, after the SDK's retries                            |
| `ServerUnreachableError` | 3    | connection error or timeout, after the SDK's retries               |
| `ServerError`            | 3    | HTTP 5xx still, after the SDK's retries                            |
| `EndpointError`          | 3    | any other HTTP error status (e.g. a 400 for an unsupported option) |
| `ReplayMissError`        | 3    | the replay server has no cassette for this request                 |
| `TruncatedError`         | 1    | the reply stopped at the output limit (finish_reason=length)       |
| `RefusalError`           | 1    | the model refused (`message.refusal`)                              |
| `ContentFilterError`     | 1    | the reply was withheld by a content filter                         |
| `InvalidOutputError`     | 1    | the reply failed validation after every re-ask                     |

2 = the user's configuration must change (as for every `ConfigError`); 3 = the model or endpoint
cannot serve this request as configured, or cannot be reached: check the server, the model name
or the cassettes, then rerun unchanged; 1 = the call went through but this reply is unusable.
`LLMError` derives from `EngineError`, so handlers written for engine failures catch it.
"""

from __future__ import annotations

from summarizer.errors import ConfigError, EngineError
from summarizer.llm.results import Usage


def one_line(text: str, limit: int = 200) -> str:
    """Whitespace folded and cut, so a user message stays one line whatever the server sent."""
    folded = " ".join(text.split())
    return folded if len(folded) <= limit else folded[: limit - 1] + "…"


class LLMError(EngineError):
    """Root of the LLM client's errors."""

    exit_code = 1


class MissingKeyError(LLMError, ConfigError):
    exit_code = 2

    def __init__(self) -> None:
        super().__init__(
            "no API key for the openai engine: set OPENAI_API_KEY (or openai_api_key in summarizer.toml)"
            " or use --engine local"
        )


class AuthError(LLMError):
    exit_code = 2

    def __init__(self, endpoint: str, status: int) -> None:
        self.endpoint = endpoint
        self.status = status
        super().__init__(f"{endpoint} rejected the API key (HTTP {status}): check OPENAI_API_KEY")


class ModelNotFoundError(LLMError):
    exit_code = 3

    def __init__(self, model: str, endpoint: str) -> None:
        self.model = model
        self.endpoint = endpoint
        super().__init__(f"model '{model}' is not served by {endpoint} (HTTP 404): check chat_model")


class ContextTooLongError(LLMError):
    exit_code = 3

    def __init__(self, model: str, detail: str) -> None:
        self.model = model
        self.detail = detail
        super().__init__(
            f"the request is longer than {model}'s context window: retrieve fewer passages"
            f" ({one_line(detail)})"
        )


class RateLimitedError(LLMError):
    exit_code = 3

    def __init__(self, endpoint: str, retries: int) -> None:
        self.endpoint = endpoint
        self.retries = retries
        super().__init__(
            f"{endpoint} is rate limiting us (HTTP 429 after {retries} retries): try again later"
        )


class ServerUnreachableError(LLMError):
    exit_code = 3

    def __init__(self, endpoint: str, retries: int, timed_out: bool) -> None:
        self.endpoint = endpoint
        self.retries = retries
        self.timed_out = timed_out
        what = "timed out" if timed_out else "could not connect"
        super().__init__(f"{endpoint}: {what} after {retries} retries: is the server up?")


class EndpointError(LLMError):
    exit_code = 3

    def __init__(self, endpoint: str, status: int, detail: str, hint: str = "") -> None:
        self.endpoint = endpoint
        self.status = status
        self.detail = detail
        message = f"{endpoint} answered HTTP {status}: {one_line(detail)}"
        super().__init__(f"{message} ({hint})" if hint else message)


class ServerError(EndpointError):
    """HTTP 5xx after the SDK's retries."""


class ReplayMissError(LLMError):
    exit_code = 3

    def __init__(self, key: str, prompt_ident: str, record_hint: str) -> None:
        self.key = key
        self.prompt_ident = prompt_ident
        self.record_hint = record_hint
        super().__init__(f"no cassette for request {key[:16]} (prompt {prompt_ident or '?'}): {record_hint}")


class TruncatedError(LLMError):
    def __init__(self, model: str, output_tokens: int, raw: str) -> None:
        self.model = model
        self.output_tokens = output_tokens
        self.raw = raw
        super().__init__(
            f"{model}'s reply was cut off at the output limit ({output_tokens} tokens): raise output_tokens"
        )


class RefusalError(LLMError):
    def __init__(self, model: str, refusal: str) -> None:
        self.model = model
        self.refusal = refusal
        super().__init__(f"{model} refused to answer: {one_line(refusal)}")


class ContentFilterError(LLMError):
    def __init__(self, model: str) -> None:
        self.model = model
        super().__init__(f"{model}'s reply was withheld by the endpoint's content filter")


class InvalidOutputError(LLMError):
    def __init__(self, attempts: int, usage: Usage, last_raw: str, problems: list[str]) -> None:
        self.attempts = attempts
        self.usage = usage
        self.last_raw = last_raw
        self.problems = problems
        first = one_line(problems[0]) if problems else "unknown problem"
        super().__init__(f"the model's reply was still invalid after {attempts} attempts: {first}")
