"""What the server sends back: validated client-side, re-asked with the problems, typed errors."""

from __future__ import annotations

import json

import pytest

from summarizer.llm.errors import ContentFilterError, InvalidOutputError, RefusalError, TruncatedError
from summarizer.llm.results import Usage

from .conftest import BuildClient
from .data import MESSAGES, PROMPT, Progress
from .fakes import StartServer, ok

PASSAGE = "- 跨境收单：预计12/10上线，目前进度60%"


def reply(project: str = "跨境收单", progress: int | str = 60, quote: str = "预计12/10上线") -> str:
    return json.dumps({"project": project, "progress": progress, "quote": quote}, ensure_ascii=False)


def quote_in_passage(value: Progress) -> list[str]:
    """The grounding check a caller passes as `validate`."""
    if value.quote in PASSAGE:
        return []
    return [f"quote {value.quote!r} does not occur in the cited passage"]


def test_invalid_json_then_valid_on_reask(server: StartServer, client_for: BuildClient) -> None:
    fault = server(ok('{"project": "跨境收单", "progress": 60,'), ok(reply()))
    result = client_for(fault.base_url).structured(MESSAGES, Progress, prompt_ident=PROMPT)
    assert result.attempts == 2 and result.value.progress == 60
    reask = fault.chat_requests[1]["messages"]
    assert reask[-2] == {"role": "assistant", "content": '{"project": "跨境收单", "progress": 60,'}
    assert reask[-1]["role"] == "user" and "not valid JSON" in reask[-1]["content"]
    assert result.usage == Usage(200, 40)


def test_schema_violation_is_fixed_on_reask_and_the_reask_carries_the_error(
    server: StartServer, client_for: BuildClient
) -> None:
    fault = server(ok(reply(progress=160)), ok(reply(progress=60)))
    result = client_for(fault.base_url).structured(MESSAGES, Progress, prompt_ident=PROMPT)
    assert result.value.progress == 60 and result.attempts == 2
    message = fault.chat_requests[1]["messages"][-1]["content"]
    assert "progress: Input should be less than or equal to 100 (got 160)" in message
    assert fault.chat_requests[1]["messages"][:2] == fault.chat_requests[0]["messages"][:2]


def test_validate_hook_rejects_a_quote_and_the_reask_fixes_it(
    server: StartServer, client_for: BuildClient
) -> None:
    fault = server(ok(reply(quote="预计11/30上线")), ok(reply(quote="预计12/10上线")))
    result = client_for(fault.base_url).structured(
        MESSAGES, Progress, prompt_ident=PROMPT, validate=quote_in_passage
    )
    assert result.value.quote == "预计12/10上线" and result.attempts == 2
    assert (
        "quote '预计11/30上线' does not occur in the cited passage"
        in fault.chat_requests[1]["messages"][-1]["content"]
    )


def test_reask_budget_exhausted_raises_with_attempts_usage_and_last_output(
    server: StartServer, client_for: BuildClient
) -> None:
    fault = server(ok(reply(progress="sixty")), ok(reply(progress=-1)), ok("I think it is about 60%."))
    with pytest.raises(InvalidOutputError) as caught:
        client_for(fault.base_url).structured(MESSAGES, Progress, prompt_ident=PROMPT)
    assert caught.value.attempts == 3 and len(fault.received) == 3
    assert caught.value.last_raw == "I think it is about 60%."
    assert caught.value.usage == Usage(300, 60)
    assert caught.value.exit_code == 1
    # every re-ask keeps the whole conversation: 2 original + 2 per earlier attempt
    assert [len(body["messages"]) for body in fault.chat_requests] == [2, 4, 6]


def test_max_reasks_zero_means_one_attempt(server: StartServer, client_for: BuildClient) -> None:
    fault = server(ok("not json"))
    with pytest.raises(InvalidOutputError) as caught:
        client_for(fault.base_url, max_reasks=0).structured(MESSAGES, Progress, prompt_ident=PROMPT)
    assert caught.value.attempts == 1 and len(fault.received) == 1


def test_refusal_is_typed_and_not_reasked(server: StartServer, client_for: BuildClient) -> None:
    fault = server(ok(None, refusal="I can't help with that request."))
    with pytest.raises(RefusalError, match="can't help") as caught:
        client_for(fault.base_url).structured(MESSAGES, Progress, prompt_ident=PROMPT)
    assert caught.value.refusal == "I can't help with that request."
    assert len(fault.received) == 1


def test_finish_reason_length_is_truncation(server: StartServer, client_for: BuildClient) -> None:
    fault = server(ok('{"project": "跨境收', finish_reason="length"))
    with pytest.raises(TruncatedError, match="output_tokens") as caught:
        client_for(fault.base_url, output_tokens=16).structured(MESSAGES, Progress, prompt_ident=PROMPT)
    assert caught.value.raw == '{"project": "跨境收' and len(fault.received) == 1
    assert fault.chat_requests[0]["max_tokens"] == 16


def test_content_filter_is_typed(server: StartServer, client_for: BuildClient) -> None:
    fault = server(ok("", finish_reason="content_filter"))
    with pytest.raises(ContentFilterError):
        client_for(fault.base_url).structured(MESSAGES, Progress, prompt_ident=PROMPT)


def test_a_think_block_before_the_json_is_stripped(server: StartServer, client_for: BuildClient) -> None:
    raw = "<think>用户问延期。{不是JSON} 先看报告……</think>\n" + reply()
    fault = server(ok(raw))
    result = client_for(fault.base_url).structured(MESSAGES, Progress, prompt_ident=PROMPT)
    assert result.attempts == 1 and result.value.project == "跨境收单" and result.raw == raw


@pytest.mark.parametrize(
    "raw",
    [
        "Sure! Here is the JSON you asked for:\n```json\n" + reply() + "\n```\nLet me know if you need more.",
        "```\n" + reply() + "\n```",
        "The answer is " + reply() + " as requested.",
    ],
    ids=["prose-and-json-fence", "bare-fence", "inline-in-prose"],
)
def test_a_server_ignoring_response_format_still_gets_parsed(
    server: StartServer, client_for: BuildClient, raw: str
) -> None:
    fault = server(ok(raw))
    result = client_for(fault.base_url).structured(MESSAGES, Progress, prompt_ident=PROMPT)
    assert result.attempts == 1 and result.value.quote == "预计12/10上线"


def test_json_schema_capability_sends_a_strict_schema(server: StartServer, client_for: BuildClient) -> None:
    fault = server(ok(reply()))
    client_for(fault.base_url).structured(MESSAGES, Progress, prompt_ident=PROMPT, temperature=0.2)
    body = fault.chat_requests[0]
    assert body["response_format"]["type"] == "json_schema"
    spec = body["response_format"]["json_schema"]
    assert spec["name"] == "Progress" and spec["strict"] is True
    assert spec["schema"]["required"] == ["project", "progress", "quote"]
    assert spec["schema"]["additionalProperties"] is False
    assert body["messages"] == MESSAGES and body["temperature"] == 0.2 and body["model"] == "gpt-4o-mini"
    assert fault.received[0].headers["x-summarizer-prompt"] == PROMPT


def test_json_object_capability_puts_the_schema_in_the_system_message(
    server: StartServer, client_for: BuildClient
) -> None:
    fault = server(ok(reply()))
    client_for(fault.base_url, capability="json_object").structured(MESSAGES, Progress, prompt_ident=PROMPT)
    body = fault.chat_requests[0]
    assert body["response_format"] == {"type": "json_object"}
    system = body["messages"][0]["content"]
    assert system.startswith(MESSAGES[0]["content"]) and '"additionalProperties": false' in system
    assert len(body["messages"]) == 2


def test_prompt_only_capability_sends_no_response_format(
    server: StartServer, client_for: BuildClient
) -> None:
    fault = server(ok(reply()))
    user_only = [MESSAGES[1]]
    client_for(fault.base_url, capability="prompt_only").structured(user_only, Progress, prompt_ident=PROMPT)
    body = fault.chat_requests[0]
    assert "response_format" not in body
    assert body["messages"][0]["role"] == "system" and "JSON schema" in body["messages"][0]["content"]
    assert body["messages"][1] == MESSAGES[1]


def test_keep_last_returns_a_reply_whose_hook_problems_persist(
    server: StartServer, client_for: BuildClient
) -> None:
    """For problems the caller repairs itself (drop a quote that does not verify)."""
    fault = server(ok(reply(quote="预计11/30上线")))
    result = client_for(fault.base_url, max_reasks=1, log=True).structured(
        MESSAGES, Progress, prompt_ident=PROMPT, validate=quote_in_passage, keep_last=True
    )
    assert len(fault.received) == 2 and result.attempts == 2
    assert result.value.quote == "预计11/30上线"
    assert result.problems == ("quote '预计11/30上线' does not occur in the cited passage",)


def test_keep_last_never_keeps_a_reply_that_breaks_the_schema(
    server: StartServer, client_for: BuildClient
) -> None:
    fault = server(ok(reply(progress=160)))
    with pytest.raises(InvalidOutputError):
        client_for(fault.base_url, max_reasks=1).structured(
            MESSAGES, Progress, prompt_ident=PROMPT, validate=quote_in_passage, keep_last=True
        )
