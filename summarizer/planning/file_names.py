"""The name a team writes into every report's file name (`网信中心周报_2025春第04周.html` is 网信中心's).

A question that names the team ("本学期网信中心哪些项目延期了？") is about that folder; its folder may
be called anything (`reports/`, `word-table`), and its titles may spell the name out in full
(网络与信息中心), so the file names are the place the short name is written every week.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

# Words every report's file name carries whatever the team: what the file is, not whose.
_GENERIC = re.compile(r"双周报|周报|月报|周志|日报|报告|汇报|工作|项目|进展|推进|周|期|第|版|稿|最终|终")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
MIN_SHARE = 0.8  # the name must be in this share of the folder's file names
MIN_FILES = 3
MIN_CHARS = 3  # `运营`, `研发`: two characters name a kind of work, not a team


def _stems(folder: str) -> list[str]:
    """The folder's file names without their extensions; none when it holds too few to share a name."""
    try:
        stems = [os.path.splitext(name)[0] for name in os.listdir(folder) if not name.startswith(".")]
    except OSError:
        return []
    return stems if len(stems) >= MIN_FILES else []


def _shared(words: set[str], stems: list[str]) -> list[str]:
    """The words most of the stems carry, sorted."""
    return sorted(word for word in words if sum(word in stem for stem in stems) >= MIN_SHARE * len(stems))


def _han_words(stems: list[str]) -> set[str]:
    return {word for stem in stems for run in _HAN_RUN.findall(stem) for word in _GENERIC.split(run)}


# One entry per folder: a bound below the index's team count would miss on every question, which
# looks at each team's folder in turn (an LRU cycled through in order keeps none of them).
@lru_cache(maxsize=8192)
def file_name_team(folder: str) -> str | None:
    """The longest word of Chinese characters (three or more, between generic words) that most of
    the folder's file names carry, or None."""
    stems = _stems(folder)
    shared = _shared({word for word in _han_words(stems) if len(word) >= MIN_CHARS}, stems)
    return max(shared, key=len) if shared else None


# A code in capitals most file names carry beside the team's Chinese name (`岷东储能电站EMS调度接入`).
_LATIN_CODE = re.compile(r"(?<![A-Za-z])[A-Z][A-Z0-9]{1,7}(?![A-Za-z])")


@lru_cache(maxsize=8192)
def file_name_words(folder: str) -> tuple[str, ...]:
    """Every word most of the folder's file names carry: the Chinese words `file_name_team` weighs
    (two characters or more here, between generic words) and codes in capitals (`0314 任务状态报告_
    岷东储能电站EMS调度接入.txt`: 岷东储能电站, EMS, 调度接入, w46-g). A question that names the team
    so asks nothing of its words."""
    stems = _stems(folder)
    words = {word for word in _han_words(stems) if len(word) >= MIN_CHARS - 1}
    words |= {code for stem in stems for code in _LATIN_CODE.findall(stem)}
    return tuple(_shared(words, stems))
