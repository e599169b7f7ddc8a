"""The CJK character ranges, written once.

`HAN` is what names and language detection look at (CJK ideographs, extension A and the
compatibility block); `SCRIPTS` adds kana and hangul for tokenizing, where any CJK run is cut
into bigrams whatever its language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
SCRIPTS = HAN + "\u3040-\u30ff\uac00-\ud7af"
HAN_RE = re.compile(f"[{HAN}]")


def has_han(text: str) -> bool:
    return HAN_RE.search(text) is not None


def han_count(text: str) -> int:
    return len(HAN_RE.findall(text))


def cut_words(text: str, words: Iterable[str]) -> str:
    """`text` with the given Chinese words cut out, longest first: done before the text is split
    into bigrams, so no bigram straddles a removed word ("团队最大的风险" less 最大 leaves no "队最")."""
    for word in sorted((w for w in words if not w.isascii()), key=len, reverse=True):
        text = text.replace(word, " ")
    return text
