"""Eval metrics as pure functions: no I/O, no index, so each is unit-tested on literals.

Matching rules live here too (which hit matches which gold section, which predicted slip matches
which gold slip), because a metric is only as meaningful as its notion of "the same thing".
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Generic, Protocol, TypeVar

P = TypeVar("P")
G = TypeVar("G")

_WS = re.compile(r"\s+")
_NAME_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


class HitLike(Protocol):
    """What the retrieval metrics need from a search hit (index.retrieve.Hit has these)."""

    report: str
    sections: list[str]


def fold(text: str) -> str:
    """Case- and width-insensitive text without whitespace (Chinese has no spaces to rely on)."""
    return _WS.sub("", unicodedata.normalize("NFKC", text)).casefold()


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """A project name for matching: NFKC, casefolded, punctuation and spaces removed (memoised: the
    zoo's scoring compares every ledger name with every gold name of its series)."""
    return _NAME_NOISE.sub("", unicodedata.normalize("NFKC", name)).casefold()


def _parts(path: str) -> list[str]:
    return [p for p in path.replace("\\", "/").split("/") if p not in ("", ".")]


def same_report(a: str, b: str) -> bool:
    """True when one path is a suffix of the other on component boundaries."""
    pa, pb = _parts(a), _parts(b)
    if not pa or not pb:
        return False
    n = min(len(pa), len(pb))
    return pa[-n:] == pb[-n:]


def hit_matches(report: str, sections: Sequence[str], gold_report: str, gold_section: str) -> bool:
    """A hit covers a gold item: same report, and the gold section text occurs in one of its sections."""
    if not same_report(report, gold_report):
        return False
    needle = fold(gold_section)
    return any(needle in fold(section) for section in sections)


def recall_at_k(hits: Sequence[HitLike], gold: Sequence[tuple[str, str]], k: int) -> float:
    """Share of gold (report, section) items covered by any of the first k hits."""
    if not gold:
        return 1.0
    top = hits[:k]
    found = sum(1 for g in gold if any(hit_matches(h.report, h.sections, *g) for h in top))
    return found / len(gold)


def reciprocal_rank(hits: Sequence[HitLike], gold: Sequence[tuple[str, str]], k: int) -> float:
    """1/rank of the first hit (within k) covering any gold item; 0 when none does."""
    for rank, hit in enumerate(hits[:k], start=1):
        if any(hit_matches(hit.report, hit.sections, *g) for g in gold):
            return 1.0 / rank
    return 0.0


def hit_at_k(hits: Sequence[HitLike], gold: Sequence[tuple[str, str]], k: int) -> float:
    """1.0 when any of the first k hits covers any gold item (the "top-5 has a gold section" rate)."""
    return 1.0 if reciprocal_rank(hits, gold, k) > 0 else 0.0


def missing_mentions(text: str, terms: Iterable[str]) -> list[str]:
    """Terms that do not occur in the text (whitespace- and case-insensitive)."""
    haystack = fold(text)
    return [term for term in terms if fold(term) not in haystack]


def mention_rate(text: str, terms: Sequence[str]) -> float:
    """Share of must-mention terms found in the text (1.0 when nothing is required)."""
    if not terms:
        return 1.0
    return 1.0 - len(missing_mentions(text, terms)) / len(terms)


def mean(values: Iterable[float], empty: float = 1.0) -> float:
    items = list(values)
    return sum(items) / len(items) if items else empty


def p50(values: Iterable[float]) -> float:
    items = list(values)
    return float(statistics.median(items)) if items else 0.0


def p95(values: Iterable[float]) -> float:
    """The 95th percentile by the nearest-rank method (an observed value, never interpolated)."""
    items = sorted(values)
    if not items:
        return 0.0
    return float(items[max(0, -(-95 * len(items) // 100) - 1)])


def ratio(good: int, total: int) -> float:
    """good/total, defined as 1.0 for nothing to judge (a vacuous pass, not a free regression)."""
    return good / total if total else 1.0


@dataclass
class PRF(Generic[P, G]):
    """Precision, recall and F1 of a one-to-one matching, with what stayed unmatched."""

    tp: int
    n_pred: int
    n_gold: int
    unmatched_pred: list[P] = field(default_factory=list)
    unmatched_gold: list[G] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.n_pred)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.n_gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def match_prf(predicted: Sequence[P], gold: Sequence[G], same: Callable[[P, G], bool]) -> PRF[P, G]:
    """Greedy one-to-one matching in gold order; each prediction counts for at most one gold item."""
    used: set[int] = set()
    missed: list[G] = []
    for g in gold:
        j = next((j for j, p in enumerate(predicted) if j not in used and same(p, g)), None)
        if j is None:
            missed.append(g)
        else:
            used.add(j)
    extra = [p for j, p in enumerate(predicted) if j not in used]
    return PRF(len(used), len(predicted), len(gold), extra, missed)


def names_match(pred_names: Iterable[str], gold_names: Iterable[str]) -> bool:
    """Any normalised predicted name equals any normalised gold name or alias."""
    preds = {n for n in map(normalise_name, pred_names) if n}
    golds = {n for n in map(normalise_name, gold_names) if n}
    return bool(preds & golds)


def values_equal(predicted: object, gold: object, tolerance: float = 1e-9) -> bool:
    """Numbers compare numerically (99.998 == '99.998%'), everything else as folded text."""
    a, b = _number(predicted), _number(gold)
    if a is not None and b is not None:
        return abs(a - b) <= tolerance * max(1.0, abs(b))
    return fold(str(predicted)) == fold(str(gold))


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().rstrip("%").replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None


def series_exact(predicted: dict[str, object], gold: Sequence[tuple[str, object]]) -> tuple[bool, list[str]]:
    """Whether every gold (week, value) point is present with an equal value; the wrong weeks."""
    wrong = [
        week for week, value in gold if week not in predicted or not values_equal(predicted[week], value)
    ]
    return not wrong, wrong
