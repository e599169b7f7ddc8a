"""Replay: record from an endpoint, then serve the same requests offline over real HTTP."""

from __future__ import annotations

from pathlib import Path

import httpx2
import pytest
from pydantic import SecretStr

from index.errors import ConfigError
from summarizer.llm.client import ChatClient
from summarizer.llm.errors import ReplayMissError, ServerError
from summarizer.llm.keys import request_key
from summarizer.llm.replay import Cassette, CassetteStore, Recorder, ReplayServer

from .conftest import config
from .data import MESSAGES, PROMPT, VALID, Progress
from .fakes import StartServer, error, ok

OTHER_QUESTION = [MESSAGES[0], {"role": "user", "content": "Which incidents were SEV1?"}]


def record(base_url: str, folder: Path, messages: list[dict[str, str]] = MESSAGES) -> Recorder:
    recorder = Recorder(folder)
    client = ChatClient(config(base_url), http_client=httpx2.Client(transport=recorder), command="eval")
    try:
        client.structured(messages, Progress, prompt_ident=PROMPT)
    finally:
        client.close()
    return recorder


def replay_client(server: ReplayServer) -> ChatClient:
    return ChatClient(config(server.base_url, api_key=SecretStr("sk-replay")), engine="replay")


def test_recorded_requests_replay_offline_through_the_real_client(
    server: StartServer, tmp_path: Path
) -> None:
    endpoint = server(ok("not json"), ok(VALID))
    recorder = record(endpoint.base_url, tmp_path)
    assert recorder.recorded == 2  # the invalid reply too: replay must reproduce the re-ask
    lines = (tmp_path / "ask.jsonl").read_text(encoding="utf-8").splitlines()
    cassettes = [Cassette.model_validate_json(line) for line in lines]
    assert [c.prompt for c in cassettes] == [PROMPT, PROMPT] and not any(c.handwritten for c in cassettes)
    assert cassettes[0].request["body"] == endpoint.chat_requests[0]
    assert cassettes[0].usage == {"prompt_tokens": 100, "completion_tokens": 20}

    with ReplayServer(tmp_path) as replay:
        client = replay_client(replay)
        result = client.structured(MESSAGES, Progress, prompt_ident=PROMPT)
        client.close()
    assert result.value.quote == "预计12/10上线" and result.attempts == 2
    assert (replay.stats.hits, replay.stats.misses) == (2, 0)
    assert result.request_key == cassettes[1].key


def test_the_recorder_writes_only_missing_entries(server: StartServer, tmp_path: Path) -> None:
    endpoint = server(ok(VALID))
    assert record(endpoint.base_url, tmp_path).recorded == 1
    assert record(endpoint.base_url, tmp_path).recorded == 0
    assert record(endpoint.base_url, tmp_path, OTHER_QUESTION).recorded == 1
    assert len((tmp_path / "ask.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    assert len(endpoint.received) == 3


def test_error_replies_are_not_recorded(server: StartServer, tmp_path: Path) -> None:
    endpoint = server(error(500, "down", headers={"retry-after-ms": "5"}))
    with pytest.raises(ServerError):
        record(endpoint.base_url, tmp_path)
    assert not list(tmp_path.glob("*.jsonl"))


def test_a_miss_names_the_key_the_prompt_and_how_to_record(tmp_path: Path) -> None:
    with ReplayServer(tmp_path, record_hint="run `make record`") as replay:
        client = replay_client(replay)
        with pytest.raises(ReplayMissError) as caught:
            client.structured(MESSAGES, Progress, prompt_ident=PROMPT)
        client.close()
    miss = caught.value
    received = replay.received[0]
    assert len(replay.received) == 1  # a miss is never retried
    assert miss.key == request_key(received.json(), PROMPT) and len(miss.key) == 64
    assert miss.prompt_ident == PROMPT and miss.record_hint == "run `make record`"
    assert miss.exit_code == 3 and miss.key[:16] in str(miss) and "make record" in str(miss)
    assert replay.stats.misses == 1


def test_a_handwritten_cassette_for_a_missed_key_is_served_and_counted(tmp_path: Path) -> None:
    with ReplayServer(tmp_path) as replay:
        client = replay_client(replay)
        with pytest.raises(ReplayMissError) as caught:
            client.structured(MESSAGES, Progress, prompt_ident=PROMPT)
        client.close()
    handwritten = Cassette(
        key=caught.value.key,
        prompt=PROMPT,
        request={"note": "written by hand"},
        response=ok(VALID).body,
        usage={"prompt_tokens": 0, "completion_tokens": 0},
        handwritten=True,
    )
    (tmp_path / "handwritten.jsonl").write_text(handwritten.model_dump_json() + "\n", encoding="utf-8")
    with ReplayServer(tmp_path) as replay:
        client = replay_client(replay)
        result = client.structured(MESSAGES, Progress, prompt_ident=PROMPT)
        client.close()
    assert result.value.progress == 60 and replay.stats.handwritten_hits == 1


def test_broken_or_conflicting_cassettes_are_configuration_errors(tmp_path: Path) -> None:
    (tmp_path / "bad.jsonl").write_text('{"key": "k"}\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad.jsonl:1"):
        CassetteStore(tmp_path)
    line = Cassette(key="k", prompt=PROMPT, request={}, response={"a": 1}, usage={}).model_dump_json()
    clash = Cassette(key="k", prompt=PROMPT, request={}, response={"a": 2}, usage={}).model_dump_json()
    (tmp_path / "bad.jsonl").write_text(f"{line}\n{clash}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="recorded twice"):
        CassetteStore(tmp_path)


def test_the_replay_server_answers_only_chat_completions(tmp_path: Path) -> None:
    with ReplayServer(tmp_path) as replay:
        response = httpx2.get(f"{replay.base_url}/models")
    assert response.status_code == 404


def test_a_recording_replaces_a_handwritten_cassette_for_the_same_request(
    server: StartServer, tmp_path: Path
) -> None:
    """Measuring a real model must not replay the hand-written stand-in for it."""
    with ReplayServer(tmp_path) as replay:
        client = replay_client(replay)
        with pytest.raises(ReplayMissError) as caught:
            client.structured(MESSAGES, Progress, prompt_ident=PROMPT)
        client.close()
    standin = ok(VALID.replace("60", "10")).body
    handwritten = Cassette(
        key=caught.value.key, prompt=PROMPT, request={}, response=standin, usage={}, handwritten=True
    )
    (tmp_path / "ask.handwritten.jsonl").write_text(handwritten.model_dump_json() + "\n", encoding="utf-8")
    endpoint = server(ok(VALID))
    assert record(endpoint.base_url, tmp_path).recorded == 1
    assert record(endpoint.base_url, tmp_path).recorded == 0
    store = CassetteStore(tmp_path)
    assert len(store) == 1 and store.recorded(caught.value.key)
    with ReplayServer(tmp_path) as replay:
        client = replay_client(replay)
        assert client.structured(MESSAGES, Progress, prompt_ident=PROMPT).value.progress == 60
        client.close()
