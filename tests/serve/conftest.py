"""A real `summarizer serve` (uvicorn, the FastAPI app, the worker thread) on a free loopback
port, over the example index, in a thread of the test process; stopped when the test is done."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from summarizer.config import load_settings
from summarizer.serve.server import build

TOKEN = "serve-token-4f8a2c6e9b1d3057"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running(home: Path, *, token: str | None = None, allow_ingest: bool = False) -> Iterator[str]:
    settings = load_settings(overrides={"home": home}, environ={})
    port = free_port()
    server = build(settings, "127.0.0.1", port, token=token, allow_ingest=allow_ingest)
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@pytest.fixture(scope="module")
def base_url(examples_home: Path) -> Iterator[str]:
    """The server over the example index, loopback, no token (read-only: the index is shared)."""
    with running(examples_home) as url:
        yield url


@pytest.fixture
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=120) as http:
        yield http
