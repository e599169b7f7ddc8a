"""A file's budgets and the embedding calls that keep within them.

Every chunk fits the embedder's window, but a file can hold thousands of chunks and a busy CPU can
make one call slow: the tokens are counted before any embedding, and the time budget is checked
between stages and between calls of at most `EMBED_BATCH_TOKENS`.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from index.embed import Embedder
from index.errors import InputError

# Per-file budgets. Tokens are the embedder's own (deterministic, checked before any embedding);
# seconds are a backstop checked between stages and embedding batches. The largest example report
# is under 1,000 e5 tokens; 50,000 takes one to two minutes to embed on 2 CPUs.
DEFAULT_MAX_FILE_TOKENS = 50_000
DEFAULT_MAX_FILE_SECONDS = 120.0
# Embedder tokens per embedding call (at least one chunk): every chunk fits one 512-token window,
# so a call holds at most four windows' worth (a few seconds at worst on 2 CPUs), and the time
# budget is checked between calls. Ordinary chunks are ~80 tokens: ~25 of them share a call, and
# reports smaller than this share calls with the next reports (`Ingestor.ingest`).
EMBED_BATCH_TOKENS = 2048


class Budget:
    """A file's time budget: `check` raises `InputError` once it is spent."""

    def __init__(self, path: Path, seconds: float, spent: float = 0.0) -> None:
        """`spent`: seconds of the budget already used elsewhere (a worker read the file)."""
        self.path = path
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds - spent

    def check(self, stage: str) -> None:
        if time.monotonic() > self.deadline:
            raise InputError(
                self.path,
                f"took over {self.seconds:g} s to index, stopped while {stage}",
                "split the file, or raise max_file_seconds in summarizer.toml",
            )


# Tokens an embedder adds to any text (special tokens, a "passage: " prefix): e5 adds five.
_TEXT_OVERHEAD = 16


def count_upto(embedder: Embedder, text: str, limit: int, block: int = 65_536) -> int:
    """The text's token count, summed over blocks and stopped once past `limit`; a text too short
    to reach the limit is not counted (its UTF-8 length returned: a tokenizer with byte fallback
    makes at most one token of each byte), which was ~6 ms of every report's ingest."""
    bound = len(text.encode("utf-8")) + _TEXT_OVERHEAD
    if bound <= limit:
        return bound
    total = 0
    for start in range(0, len(text), block):
        total += embedder.count_tokens(text[start : start + block])
        if total > limit:
            break
    return total


def check_tokens(path: Path, tokens: int, max_file_tokens: int) -> None:
    if tokens > max_file_tokens:
        raise InputError(
            path,
            f"needs at least {tokens:,} embedder tokens, over the per-file budget of {max_file_tokens:,}",
            "split the file, or raise max_file_tokens in summarizer.toml",
        )


def embed_texts(embedder: Embedder, texts: list[str], counts: list[int], budget: Budget | None) -> np.ndarray:
    """Vectors in calls of at most `EMBED_BATCH_TOKENS` (or one text), the budget checked
    between calls."""
    parts = []
    start = 0
    while start < len(texts):
        end, used = start + 1, counts[start]
        while end < len(texts) and used + counts[end] <= EMBED_BATCH_TOKENS:
            used += counts[end]
            end += 1
        if budget is not None:
            budget.check(f"embedding ({start} of {len(texts)} chunks done)")
        parts.append(embedder.embed_passages(texts[start:end]))
        start = end
    return np.vstack(parts) if parts else embedder.embed_passages([])
