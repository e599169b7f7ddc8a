"""Network faults through the real openai client over HTTP: the SDK retries, we map to typed errors."""

from __future__ import annotations

import time

import pytest

from summarizer.llm.errors import (
    AuthError,
    ContextTooLongError,
    EndpointError,
    ModelNotFoundError,
    RateLimitedError,
    ServerError,
    ServerUnreachableError,
)
from summarizer.llm.replay import Reply

from .conftest import BuildClient
from .data import MESSAGES, PROMPT, VALID, Progress
from .fakes import StartServer, error, ok


def test_429_with_retry_after_zero_is_retried_by_the_sdk_then_parsed(
    server: StartServer, client_for: BuildClient
) -> None:
    # The SDK reads `retry-after: 0` as "no server delay" and backs off ~0.5 s itself.
    fault = server(error(429, "slow down", headers={"retry-after": "0"}), ok(VALID))
    result = client_for(fault.base_url).structured(MESSAGES, Progress, prompt_ident=PROMPT)
    assert len(fault.received) == 2
    assert result.value == Progress(project="跨境收单", progress=60, quote="预计12/10上线")
    assert result.attempts == 1  # network retries are not re-asks


def test_429_after_every_retry_is_rate_limited(server: StartServer, client_for: BuildClient) -> None:
    fault = server(error(429, "quota", headers={"retry-after-ms": "5"}))
    with pytest.raises(RateLimitedError) as caught:
        client_for(fault.base_url, max_retries=1).structured(MESSAGES, Progress, prompt_ident=PROMPT)
    assert len(fault.received) == 2
    assert caught.value.exit_code == 3


def test_500_beyond_max_retries_is_a_server_error(server: StartServer, client_for: BuildClient) -> None:
    fault = server(error(500, "boom", headers={"retry-after-ms": "5"}))
    with pytest.raises(ServerError) as caught:
        client_for(fault.base_url, max_retries=2).structured(MESSAGES, Progress, prompt_ident=PROMPT)
    assert len(fault.received) == 2 + 1
    assert caught.value.status == 500 and caught.value.exit_code == 3
    assert "boom" in str(caught.value)


def test_a_server_slower_than_the_timeout_is_unreachable(
    server: StartServer, client_for: BuildClient
) -> None:
    fault = server(Reply(200, {}, delay=3.0))
    started = time.monotonic()
    with pytest.raises(ServerUnreachableError) as caught:
        client_for(fault.base_url, timeout=0.3, max_retries=1).structured(
            MESSAGES, Progress, prompt_ident=PROMPT
        )
    assert caught.value.timed_out and caught.value.retries == 1
    assert len(fault.received) == 2
    assert time.monotonic() - started < 2.5  # the client gave up; it did not wait for the server


def test_a_closed_port_is_unreachable(client_for: BuildClient) -> None:
    with pytest.raises(ServerUnreachableError) as caught:
        client_for("http://127.0.0.1:9/v1", max_retries=0).structured(MESSAGES, Progress, prompt_ident=PROMPT)
    assert not caught.value.timed_out


@pytest.mark.parametrize(
    ("reply", "expected", "exit_code"),
    [
        (error(401, "Incorrect API key provided"), AuthError, 2),
        (error(403, "not allowed"), AuthError, 2),
        (error(404, "The model `gpt-9` does not exist", code="model_not_found"), ModelNotFoundError, 3),
        (
            error(400, "This model's maximum context length is 8192 tokens", code="context_length_exceeded"),
            ContextTooLongError,
            3,
        ),
        (
            error(400, "maximum context length is 4096 tokens. However, you requested 9000"),
            ContextTooLongError,
            3,
        ),
        (error(400, "response_format json_schema is not supported"), EndpointError, 3),
    ],
)
def test_status_errors_are_typed_and_never_retried_by_us(
    server, client_for, reply, expected, exit_code
) -> None:
    fault = server(reply)
    with pytest.raises(expected) as caught:
        client_for(fault.base_url).structured(MESSAGES, Progress, prompt_ident=PROMPT)
    assert type(caught.value) is expected
    assert caught.value.exit_code == exit_code
    assert len(fault.received) == 1
    assert "\n" not in str(caught.value)


def test_unsupported_response_format_says_which_capability_to_pick(
    server: StartServer, client_for: BuildClient
) -> None:
    fault = server(error(400, "response_format json_schema is not supported"))
    with pytest.raises(EndpointError, match="capability"):
        client_for(fault.base_url).structured(MESSAGES, Progress, prompt_ident=PROMPT)


@pytest.mark.parametrize(
    ("reply", "words"),
    [
        (Reply(200, "<html>proxy login</html>"), "not a chat completion"),
        (Reply(200, {"object": "chat.completion", "choices": []}), "no choices"),
    ],
)
def test_a_200_that_is_not_a_completion_is_an_endpoint_error(
    server: StartServer, client_for: BuildClient, reply: Reply, words: str
) -> None:
    fault = server(reply)
    with pytest.raises(EndpointError, match=words):
        client_for(fault.base_url).structured(MESSAGES, Progress, prompt_ident=PROMPT)
    assert len(fault.received) == 1
