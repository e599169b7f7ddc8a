"""Size limits in bytes or characters, never cutting a character; the digest model itself."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from summarizer.publish import DigestMessage
from summarizer.publish.ratelimit import RateLimit, RateLimiter
from summarizer.publish.textfit import pack, split, truncate, utf8_len

from .conftest import FakeClock, chinese_digest

# Text mixing ASCII, CJK (3 bytes), supplementary-plane characters (4 bytes) and newlines.
MIXED = st.text(alphabet=st.sampled_from(list("ab \n进展延期😀𠀀")), max_size=300)
# Derandomized: the same examples on every run, like the rest of the suite.
DETERMINISTIC = settings(derandomize=True, deadline=None, max_examples=200)


@DETERMINISTIC
@given(text=MIXED, limit=st.integers(min_value=4, max_value=64))
def test_split_pieces_fit_and_rejoin_exactly(text: str, limit: int) -> None:
    pieces = split(text, limit)
    assert "".join(pieces) == text
    assert all(utf8_len(piece) <= limit for piece in pieces)


@DETERMINISTIC
@given(lines=st.lists(MIXED, max_size=20), limit=st.integers(min_value=4, max_value=200))
def test_pack_keeps_every_character_within_the_limit(lines: list[str], limit: int) -> None:
    chunks = pack(lines, limit)
    assert all(utf8_len(chunk) <= limit for chunk in chunks)
    assert "".join(chunks).replace("\n", "") == "".join(lines).replace("\n", "")


@DETERMINISTIC
@given(text=MIXED, limit=st.integers(min_value=3, max_value=100))
def test_truncate_fits_and_is_a_prefix(text: str, limit: int) -> None:
    cut = truncate(text, limit)
    assert utf8_len(cut) <= limit
    if cut != text:
        assert cut.endswith("…") and text.startswith(cut[:-1])


def test_truncate_by_characters() -> None:
    assert truncate("进展" * 100, 150, measure=len) == "进展" * 74 + "进…"


def test_pack_does_not_split_lines_that_fit() -> None:
    assert pack(["进展", "延期", "a" * 5], 7) == ["进展", "延期", "aaaaa"]
    assert pack(["ab", "cd"], 5) == ["ab\ncd"]


def test_digest_message_forbids_unknown_fields_and_languages() -> None:
    with pytest.raises(ValidationError):
        chinese_digest(summary="typo")
    with pytest.raises(ValidationError):
        chinese_digest(lang="fr")


def test_content_hash_is_stable_and_content_sensitive() -> None:
    digest = chinese_digest()
    again = DigestMessage.model_validate_json(digest.model_dump_json())
    assert digest.content_hash() == again.content_hash()
    assert digest.content_hash() != chinese_digest(headline="另一条").content_hash()


def test_rate_limiter_over_two_windows() -> None:
    clock = FakeClock(0.0)
    limiter = RateLimiter([RateLimit(5, 1.0), RateLimit(100, 60.0)], clock=clock, sleep=clock.sleep)
    for _ in range(12):
        limiter.acquire()
    assert clock.sleeps == [1.0, 1.0]  # at most five a second
