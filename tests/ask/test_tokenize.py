from __future__ import annotations

import pytest

from index.lexical import tokenize
from summarizer.planning.question_words import strip_question_words


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


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("出金有效成功率最近怎么样", ["有效"]),  # 有 inside a word stays
        ("和解系统的进度如何", ["和解", "解系"]),  # 和 inside a word stays
        ("风控和对账有什么风险", []),  # a standalone 和 and 有 go
    ],
)
def test_question_words_are_removed_only_outside_words(question: str, kept: list[str]) -> None:
    tokens = tokenize(strip_question_words(question))
    assert all(token in tokens for token in kept), tokens
    assert "控和" not in tokens and "和对" not in tokens and "账有" not in tokens


def test_a_known_name_is_never_cut() -> None:
    """A project or metric name of this index keeps its function characters ("和泰支付")."""
    assert tokenize(strip_question_words("和泰支付的进度"))[:1] == ["泰支"]
    assert tokenize(strip_question_words("和泰支付的进度", keep=["和泰支付"]))[:2] == ["和泰", "泰支"]


@pytest.mark.parametrize(
    ("question", "left"),
    [
        ("What's the latest on Falcon?", ["falcon"]),
        ("Any news: the latest with the billing rewrite?", ["news", "billing", "rewrite"]),
        # "latest" on its own still counts: "the latest release" names a release.
        ("Which is the latest release?", ["latest", "release"]),
    ],
)
def test_the_latest_on_asks_for_news_not_for_a_word(question: str, left: list[str]) -> None:
    """ "What's the latest on X?" asks what is new about X: "latest" is no word a line about X
    must hold (it made such questions fall below coverage and be refused)."""
    assert tokenize(strip_question_words(question)) == left


def test_what_the_reader_is_asked_to_do_and_a_superlative_are_phrasing() -> None:
    # "需要 LT 做什么决定": the report writes the ask (`Ask：LT 12/1 前确认`), not 最大 or 做
    tokens = tokenize(strip_question_words("目前最大的风险是什么？需要 LT 做什么决定？"))
    assert tokens == ["风险", "需要", "lt", "决定"]


def test_a_stop_said_plainly_is_the_pause_family_and_a_decision_asked_is_a_decision() -> None:
    from summarizer.planning.intent import event_family

    assert "取消" in event_family("没做了") and "暂停" in event_family("砍掉")
    assert "确认" in event_family("决定")


def test_an_accented_latin_word_is_one_token_matched_without_its_accents() -> None:
    # `dématérialisé` was cut at each accent (`mat`, `rialis`); `glissé` now meets a report's
    # `glisse`, and French function words carry no topic, as English ones do
    assert tokenize("Pourquoi le registre dématérialisé a-t-il glissé à fin octobre ?") == [
        "le", "registre", "dematerialise", "il", "glisse", "fin", "octobre",
    ]  # fmt: skip
    assert tokenize("RCD glisse dans les temps") == ["rcd", "glisse", "temps"]
    assert tokenize("was CE Ingest still blocked?") == ["ce", "ingest", "still", "blocked"]  # a code
    assert tokenize("Zürich café v8.1") == ["zurich", "cafe", "v8.1"]
