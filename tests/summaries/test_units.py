"""Small pure pieces: severity across conventions, periods, headline limits, wording."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.errors import ConfigError
from summarizer.summaries import period, wording
from summarizer.summaries.severity import level


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("P0", "critical"), ("SEV1", "critical"), ("sev-1", "critical"), ("A级", "critical"), ("AB级", "critical"),
        ("P1", "high"), ("SEV 2", "high"), ("B级", "high"), ("二级", "high"),
        ("P2", "medium"), ("SEV3", "medium"), ("C级", "medium"),
        ("P3", "low"), ("SEV4", "low"), ("D级", "low"),
        ("未定级", None), ("", None), (None, None), ("minor", None),
    ],
)  # fmt: skip
def test_severity_is_normalised_across_conventions(label: str | None, expected: str | None) -> None:
    assert level(label) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-W41", (202441, 202441)),
        ("2024W05", (202405, 202405)),
        ("2024-10-11", (202441, 202441)),
        ("2024-10", (202440, 202444)),
        ("2024-Q4", (202440, 202501)),
    ],
)
def test_period_bounds(text: str, expected: tuple[int, int]) -> None:
    assert period.bounds(text, "--from") == expected


def test_last_counts_back_from_the_latest_report() -> None:
    latest = dt.date(2025, 1, 10)  # 2025-W02
    assert period.last("4w", latest) == (202451, 202502)
    assert period.last("1q", latest)[0] == 202441  # from 2024-10-11
    with pytest.raises(ConfigError):
        period.last("4 fortnights", latest)
    with pytest.raises(ConfigError):
        period.period("2024-W10", None, "4w", latest)
    with pytest.raises(ConfigError):
        period.period("2024-W10", "2024-W01", None, latest)


def test_headline_limits_count_words_in_english_and_characters_in_chinese() -> None:
    assert wording.fits(" ".join(["word"] * 40), "en")
    assert not wording.fits(" ".join(["word"] * 41), "en")
    assert wording.fits("字" * 80, "zh")
    assert not wording.fits("字" * 81, "zh")
    # A Chinese-language summary of an English team reads in English words.
    assert wording.fits(" ".join(["word"] * 40), "zh")


def test_compose_keeps_whole_parts_within_the_limit() -> None:
    parts = [f"项目{i}推迟至12/{i}" for i in range(1, 20)]
    headline = wording.compose("第49周", parts, "zh")
    assert wording.fits(headline, "zh")
    assert headline.startswith("第49周：项目1推迟至12/1；")
    assert headline.endswith("。")
    assert all(p in headline for p in parts[:3])


def test_clip_marks_what_it_cut() -> None:
    assert wording.clip("short", "en") == "short"
    assert wording.clip(" ".join(["w"] * 20), "en").endswith("…")
    assert wording.clip("字" * 40, "zh") == "字" * 29 + "…"


def test_values_keep_the_reports_notation() -> None:
    assert wording.value(99.98, "%") == "99.98%"
    assert wording.value(18, "% left") == "18% left"
    assert wording.value(412, "ms") == "412ms"
    assert wording.delta(-0.04, "%") == "-0.04pp"
    assert wording.day(dt.date(2025, 1, 15), "zh", dt.date(2024, 12, 20)) == "2025/1/15"
    assert wording.day(dt.date(2025, 5, 23), "en", dt.date(2025, 5, 2)) == "May 23"
