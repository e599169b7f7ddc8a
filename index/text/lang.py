"""The language of a question or a series: zh when Chinese characters outweigh Latin words."""

from __future__ import annotations

import re
from typing import Literal

from index.text.cjk import han_count

Lang = Literal["zh", "en"]
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def detect_lang(text: str) -> Lang:
    """zh when at least two Han characters and no more Latin words than Han characters."""
    cjk = han_count(text)
    latin = len(_LATIN_WORD.findall(text))
    return "zh" if cjk >= 2 and cjk >= latin else "en"
