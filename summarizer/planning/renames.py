"""Names a thing was given later (or earlier): "原 qt-migrate 项目更名为 Ferry", "GW-Lite（原名
Gateway Mini）", "会员积分重构（后面简称积分2.0）", "Cloud Saves (now called Cross-Progression Sync)".

A question keeps the name its asker remembers; the reports move on to the new one, and the
latest state of the thing ("Ferry 0.3 在4月22日正式发布") never says the old name. When the ledger
did not link the question to a project (which would carry its aliases), the lines that state a
rename tell the planner the other name: it is searched for and counts as the question's name.
"""

from __future__ import annotations

from collections.abc import Iterable

from index.ledger.mentions import line_text
from index.ledger.renames import rename_pairs
from index.text.normalise import plain_key


def renames(texts: Iterable[str]) -> list[tuple[str, str]]:
    """(old, new) names of every rename or short name the texts state, read by the ledger's own
    rename reader so that a question finds exactly the names the ledger links."""
    return [pair for text in texts for pair in rename_pairs(line_text(text))]


# A name shorter than this (in letters and digits) is too short to say the question means it.
MIN_NAME = 3


def other_names(question: str, texts: Iterable[str]) -> list[tuple[str, str]]:
    """(name asked, other name) for each name the texts give a thing the question names by
    another of its names, in either direction ("qt-migrate" asked, "Ferry" written later; or the
    new name asked, the old one in older reports), when the question does not write both."""
    asked = plain_key(question)
    found: list[tuple[str, str]] = []
    for old, new in renames(texts):
        for named, other in ((old, new), (new, old)):
            key, other_key = plain_key(named), plain_key(other)
            fresh = all(plain_key(o) != other_key for _, o in found)
            if len(key) >= MIN_NAME and key in asked and other_key not in asked and fresh:
                found.append((named, other))
    return found
