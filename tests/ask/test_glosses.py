"""A name written in two languages in one question counts once, found when either half is."""

from __future__ import annotations

import pytest

from summarizer.engines.local.extractive import coverage
from summarizer.engines.local.glosses import glosses, with_glosses


@pytest.mark.parametrize(
    ("question", "han", "latin"),
    [
        (
            "并行前端（parallel front-end）目前进展如何？",
            ["并行", "行前", "前端"],
            ["parallel", "front", "end"],
        ),
        ("最近的注册数（signups）走势如何？", ["注册", "册数"], ["signups"]),
        # The words right before the bracket are the name, not the whole sentence.
        (
            "What budget went to the Double-11 invite (老带新) campaign?",
            ["老带", "带新"],
            ["double", "11", "invite"],
        ),
    ],
)
def test_glosses(question: str, han: list[str], latin: list[str]) -> None:
    assert glosses(question) == [(han, latin)]


def test_no_gloss_without_both_languages() -> None:
    assert glosses("EDR 在构建服务器上的部署（W21）为什么延期？") == []
    assert glosses("Why did the migration (phase 2) slip?") == []


def test_a_glossed_name_counts_once_and_is_found_in_either_language() -> None:
    question = "并行前端（parallel front-end）目前进展如何？"
    weights = {"并行": 6.0, "行前": 1.0, "前端": 4.0, "parallel": 4.5, "front": 4.5, "end": 3.0, "进展": 3.7}
    kept, synonyms = with_glosses(weights, {}, question)
    assert set(kept) == {"parallel", "front", "end", "进展"}  # the heavier half keeps its weight
    english = "Goal: Parallel front-end on by default on nightly"
    chinese = "并行前端默认开启"
    assert coverage(english, kept, synonyms) == pytest.approx(12 / 15.7)
    assert coverage(chinese, kept, synonyms) == pytest.approx(12 / 15.7)
    # One shared character pair is not the name: "前端 兜底 热门榜" is another front end.
    assert coverage("前端 兜底 热门榜", kept, synonyms) == 0.0


def test_an_acronym_in_brackets_is_the_words_before_it() -> None:
    """ "How has ETA accuracy (MAE) trended?": reports write "ETA MAE: 16.1 min" and never
    "accuracy"; the acronym and the words are one name, found when either is written. A bracket
    holding no acronym, or an acronym of no weighted term, glosses nothing."""
    from summarizer.engines.local.glosses import acronym_glosses

    weights = {"eta": 2.0, "accuracy": 3.0, "mae": 4.0, "trended": 1.0}
    assert acronym_glosses("How has ETA accuracy (MAE) trended?", weights) == [(["eta", "accuracy"], ["mae"])]
    assert acronym_glosses("How has ETA accuracy (mostly) trended?", weights) == []
    new, synonyms = with_glosses(weights, {}, "How has ETA accuracy (MAE) trended?")
    assert "mae" not in new and new["accuracy"] == 3.0  # the heavier half weighs, the other is dropped
    assert synonyms["accuracy"] == ("mae",) and coverage("ETA MAE trended: 16.1 min", new, synonyms) == 1.0
