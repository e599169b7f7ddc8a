"""The small zh/en corpus the session index (`ask_home`, `workspace` in tests/conftest.py) is built from."""

from __future__ import annotations

from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"
