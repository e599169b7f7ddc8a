"""Fixtures for `summarizer digest`: a copy of the ingested example index per test, a loopback
receiver standing in for the chat platforms, and a summarizer.toml naming its targets."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from summarizer.cli import app
from tests.publish.receiver import Receiver

SECRET = "SECdigest-9c4e1a7b2f5d8e30"
TOKEN = "tok-3e9d8c7b6a5f4e3d2c1b"
SIGNING = ("feishu", "dingtalk", "webhook")
KINDS = ("feishu", "dingtalk", "wecom", "slack", "webhook")


@pytest.fixture(scope="module")
def server() -> Iterator[Receiver]:
    receiver = Receiver().start()
    yield receiver
    receiver.stop()


@pytest.fixture
def receiver(server: Receiver) -> Receiver:
    server.reset()
    server.now = time.time  # the CLI signs with the wall clock, as the platforms check it
    server.secret = SECRET
    return server


@pytest.fixture
def home(examples_home: Path, tmp_path: Path) -> Path:
    """The example index, copied: a digest run writes its publish log and summary cache here."""
    target = tmp_path / "home"
    shutil.copytree(examples_home, target)
    return target


Configure = Callable[..., None]


@pytest.fixture
def configure(home: Path, receiver: Receiver, monkeypatch: pytest.MonkeyPatch) -> Configure:
    """Write [[publish]] tables for `kinds` and set their variables to the receiver's URLs."""

    def write(*kinds: str, max_attempts: int = 1) -> None:
        tables = []
        for kind in kinds:
            upper = kind.upper()
            table = [
                "[[publish]]",
                f'kind = "{kind}"',
                f'url_env = "DIGEST_{upper}_URL"',
                f"max_attempts = {max_attempts}",
                "timeout = 5",
            ]
            monkeypatch.setenv(f"DIGEST_{upper}_URL", receiver.url(kind, TOKEN))
            if kind in SIGNING:
                table.append(f'secret_env = "DIGEST_{upper}_SECRET"')
                monkeypatch.setenv(f"DIGEST_{upper}_SECRET", SECRET)
            tables.append("\n".join(table))
        (home / "summarizer.toml").write_text("\n\n".join(tables) + "\n", encoding="utf-8")

    return write


Digest = Callable[..., Result]


@pytest.fixture
def digest(home: Path) -> Digest:
    """`summarizer digest examples/reports ARGS... --index HOME`, in process."""
    from tests.conftest import EXAMPLES

    def invoke(*args: str, root: tuple[str, ...] = ()) -> Result:
        return CliRunner().invoke(app, [*root, "digest", str(EXAMPLES), *args, "--index", str(home)])

    return invoke
