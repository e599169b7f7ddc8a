"""Token counting must work with the network unavailable (tiktoken downloads at first use)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

NO_NETWORK = """
import socket
def refuse(*args, **kwargs):
    raise OSError("network disabled for this test")
socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
"""

PROBE = """
import logging, sys
logging.basicConfig(level=logging.WARNING)
from index.tokens import count_tokens, get_encoding
enc = get_encoding()
print(type(enc).__name__ if enc else "none")
print(count_tokens("支付系统双活 hello world"))
"""


def test_counts_tokens_with_network_disabled_and_empty_cache(tmp_path: Path) -> None:
    (tmp_path / "sitecustomize.py").write_text(NO_NETWORK)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(Path(__file__).parents[1])]),
        "TIKTOKEN_CACHE_DIR": str(tmp_path / "empty-cache"),
        "DATA_GYM_CACHE_DIR": str(tmp_path / "empty-cache"),
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    kind, count = result.stdout.split()
    assert kind == "Encoding", "a real BPE encoding, not the estimate, is used offline"
    assert int(count) > 3
    assert "estimates" not in result.stderr


def test_estimate_is_reasonable_for_mixed_text() -> None:
    from index.tokens import estimate_tokens

    assert estimate_tokens("支付系统") == 4
    assert 2 <= estimate_tokens("hello world") <= 3
