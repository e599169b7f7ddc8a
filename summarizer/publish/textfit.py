"""Fit text into a platform's size limit without cutting a character in half.

Limits are in UTF-8 bytes (WeCom, Feishu) or in characters (Slack), so every helper takes a
`measure`. Cuts happen only between characters, preferring a line break or a space when one
is near, so a Chinese character (3 bytes) or an emoji (4) is never split.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

Measure = Callable[[str], int]


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def _longest_prefix(text: str, limit: int, measure: Measure) -> int:
    """Number of characters of `text` whose measure fits in `limit` (binary search)."""
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure(text[:mid]) <= limit:
            lo = mid
        else:
            hi = mid - 1
    return lo


def truncate(text: str, limit: int, *, ellipsis: str = "…", measure: Measure = utf8_len) -> str:
    """`text` if it fits, else its longest prefix that fits together with `ellipsis`."""
    if measure(text) <= limit:
        return text
    room = limit - measure(ellipsis)
    if room <= 0:
        return ellipsis[: _longest_prefix(ellipsis, limit, measure)]
    return text[: _longest_prefix(text, room, measure)].rstrip() + ellipsis


def split(text: str, limit: int, *, measure: Measure = utf8_len) -> list[str]:
    """Pieces of `text`, each within `limit`, that concatenate back to `text` exactly."""
    if limit <= 0:
        raise ValueError("limit must be positive")
    pieces: list[str] = []
    rest = text
    while measure(rest) > limit:
        cut = _longest_prefix(rest, limit, measure)
        if cut == 0:  # one character wider than the limit: cannot be split, only refused
            raise ValueError(f"a single character needs more than {limit} units")
        # Prefer a natural break in the second half of the window.
        natural = max(rest.rfind("\n", 0, cut), rest.rfind(" ", 0, cut))
        if natural >= cut // 2:
            cut = natural + 1
        pieces.append(rest[:cut])
        rest = rest[cut:]
    if rest or not pieces:
        pieces.append(rest)
    return pieces


def pack(lines: Iterable[str], limit: int, *, sep: str = "\n", measure: Measure = utf8_len) -> list[str]:
    """Join lines into as few chunks as possible, each within `limit`; a line is split only if it
    alone is over the limit. Nothing is dropped: the chunks hold every character of every line.

    `measure` must be additive (bytes or characters), so a chunk's size is the sum of its parts.
    """
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    sep_size = measure(sep)
    for line in lines:
        for piece in split(line, limit, measure=measure) if measure(line) > limit else [line]:
            piece_size = measure(piece)
            if current and size + sep_size + piece_size > limit:
                chunks.append(sep.join(current))
                current, size = [], 0
            size += (sep_size if current else 0) + piece_size
            current.append(piece)
    if current:
        chunks.append(sep.join(current))
    return chunks
