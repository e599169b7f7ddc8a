"""An incident written down by weekday alone gets its calendar day in list answers."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.facts.phrases import dated


@pytest.mark.parametrize(
    ("when_text", "when", "lang", "expected"),
    [
        ("Tuesday", date(2025, 3, 25), "en", "Tuesday 25 March"),
        ("周二", date(2025, 3, 25), "zh", "周二 3月25日"),
        ("3/12 02:14", date(2025, 3, 12), "en", "3/12 02:14"),  # the writing names its day already
        ("the 11th", date(2025, 3, 11), "en", "the 11th"),
        (None, date(2025, 3, 11), "en", "2025-03-11"),
        ("Tuesday", None, "en", "Tuesday"),  # no day known: the writing as it is
        (None, None, "en", None),
    ],
)
def test_dated(when_text: str | None, when: date | None, lang: str, expected: str | None) -> None:
    assert dated(when_text, when, lang) == expected  # type: ignore[arg-type]
