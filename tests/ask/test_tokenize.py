from __future__ import annotations

import pytest

from index.lexical import strip_question_words, tokenize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("积分商城", ["积分", "分商", "商城"]),
        ("Log pipeline migration", ["log", "pipeline", "migration"]),
        ("积分商城 ETA April", ["积分", "分商", "商城", "eta", "april"]),
        ("P99延迟412ms", ["p99", "延迟", "412ms"]),
        ("库", ["库"]),
        ("What is the status of the API?", ["status", "api"]),
        ("进度80%，预计3/29上线", ["进度", "80", "预计", "3", "29", "上线"]),
        ("v1.30 upgrade", ["v1.30", "upgrade"]),
    ],
)
def test_tokenize(text: str, expected: list[str]) -> None:
    assert tokenize(text) == expected


def test_question_words_do_not_bridge_bigrams() -> None:
    assert tokenize(strip_question_words("积分商城什么时候上线")) == ["积分", "分商", "商城", "上线"]
