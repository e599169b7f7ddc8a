"""The response cache and the call log as the client uses them: hits skip HTTP, errors are never cached."""

from __future__ import annotations

import pytest

from summarizer.llm.errors import AuthError, InvalidOutputError, RefusalError

from .conftest import BuildClient
from .data import MESSAGES, PROMPT, VALID, Progress
from .fakes import StartServer, error, ok


def test_the_second_identical_call_is_a_cache_hit_without_http(
    server: StartServer, client_for: BuildClient
) -> None:
    fault = server(ok(VALID))
    client = client_for(fault.base_url, cache=True)
    first = client.structured(MESSAGES, Progress, prompt_ident=PROMPT)
    second = client.structured(MESSAGES, Progress, prompt_ident=PROMPT)
    assert len(fault.received) == 1
    assert not first.cache_hit and second.cache_hit
    assert second.value == first.value and second.request_key == first.request_key
    other_prompt = client.structured(MESSAGES, Progress, prompt_ident="ask@v2#ffffffffffff")
    assert len(fault.received) == 2 and other_prompt.request_key != first.request_key


def test_a_reasked_chain_is_cached_whole(server: StartServer, client_for: BuildClient) -> None:
    fault = server(ok("not json"), ok(VALID))
    client = client_for(fault.base_url, cache=True)
    client.structured(MESSAGES, Progress, prompt_ident=PROMPT)
    again = client.structured(MESSAGES, Progress, prompt_ident=PROMPT)
    assert len(fault.received) == 2 and again.cache_hit and again.attempts == 2


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ([error(401, "bad key")], AuthError),
        ([ok(None, refusal="no")], RefusalError),
        ([ok("not json")], InvalidOutputError),
    ],
)
def test_errors_and_failed_chains_are_never_cached(
    server: StartServer, client_for: BuildClient, tmp_path, script, expected
) -> None:
    fault = server(*script)
    client = client_for(fault.base_url, cache=True, max_reasks=1)
    for _ in range(2):
        with pytest.raises(expected):
            client.structured(MESSAGES, Progress, prompt_ident=PROMPT)
    assert client.cache is not None and len(client.cache) == 0
    assert len(fault.received) == (4 if expected is InvalidOutputError else 2)


def test_the_call_log_has_one_row_per_attempt(server: StartServer, client_for: BuildClient) -> None:
    fault = server(
        ok('{"project": 1}', prompt_tokens=120, completion_tokens=9), ok(VALID), error(401, "revoked")
    )
    client = client_for(fault.base_url, cache=True, log=True)
    result = client.structured(MESSAGES, Progress, prompt_ident=PROMPT)
    client.structured(MESSAGES, Progress, prompt_ident=PROMPT)  # both attempts from the cache
    with pytest.raises(AuthError):
        client.structured([MESSAGES[1]], Progress, prompt_ident=PROMPT)
    assert client.call_log is not None
    rows = list(reversed(client.call_log.recent(10)))
    assert [(r.outcome, r.cache_hit) for r in rows] == [
        ("reask", False),
        ("ok", False),
        ("reask", True),
        ("ok", True),
        ("AuthError", False),
    ]
    first, second = rows[0], rows[1]
    assert (first.prompt_tokens, first.completion_tokens) == (120, 9)
    assert (second.prompt_tokens, second.completion_tokens) == (100, 20)
    assert second.request_key == result.request_key != first.request_key
    assert {r.command for r in rows} == {"ask"} and {r.engine for r in rows} == {"openai"}
    assert {r.prompt_ident for r in rows} == {PROMPT} and {r.model for r in rows} == {"gpt-4o-mini"}
    assert all(r.messages is None and len(r.messages_hash) == 64 for r in rows)
    assert first.cost_usd == pytest.approx((120 * 0.15 + 9 * 0.60) / 1e6)
    assert rows[2].cost_usd == 0.0 and rows[4].cost_usd == 0.0 and rows[4].prompt_tokens == 0
    assert result.cost_usd == pytest.approx((220 * 0.15 + 29 * 0.60) / 1e6)
    totals = client.call_log.totals()
    assert (totals.calls, totals.cache_hits) == (5, 2)
    assert (totals.prompt_tokens, totals.completion_tokens) == (220, 29)  # cache hits are free
    assert totals.by_outcome == {"AuthError": 1, "ok": 2, "reask": 2}
    assert totals.cost_usd == pytest.approx(result.cost_usd)


def test_the_client_adds_up_what_it_spent_failures_and_cache_hits_included(
    server: StartServer, client_for: BuildClient
) -> None:
    fault = server(ok("not json", prompt_tokens=1000, completion_tokens=10), ok(VALID, prompt_tokens=1100))
    client = client_for(fault.base_url, cache=True)
    client.structured(MESSAGES, Progress, prompt_ident=PROMPT)
    client.structured(MESSAGES, Progress, prompt_ident=PROMPT)  # the cached chain: two hits
    spend = client.spend
    assert (spend.calls, spend.cache_hits) == (4, 2)
    assert (spend.prompt_tokens, spend.completion_tokens) == (2100, 30)
    assert spend.cost_usd == pytest.approx((2100 * 0.15 + 30 * 0.60) / 1e6)
    assert spend.outcomes == {"reask": 2, "ok": 2}
    unpriced = client_for(fault.base_url, chat_model="my-local-model")
    unpriced.structured(MESSAGES, Progress, prompt_ident=PROMPT)
    assert unpriced.spend.cost_usd is None and unpriced.spend.prompt_tokens == 1100
