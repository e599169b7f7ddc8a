"""Figures written before what they count, in English prose: `412 open issues`, `88 merged PRs`,
`104 PRs merged`, `we merged 96 PRs`, `a 12 minute median CI run`.

A newsletter or a monthly post tells its numbers in a sentence ("Month-end numbers: 398 open
issues, 88 merged PRs, and …"), the count first. The words after the figure, up to a function word,
name what is counted: a plural noun phrase (`open issues`), or any noun phrase after a unit of
time (`12 minute median CI run`). A participle after the noun or a past-tense verb before the
figure is part of the name, written first (`PRs merged`, `merged 96 PRs` -> `merged PRs`), so
one team's three ways of saying it file under one key. Every such figure is tentative: a
metric only if the series reports it again (`metric_links.recurring`).
"""

from __future__ import annotations

import re

from index.ledger.incident_words import cue
from index.ledger.metric_read import PARENS, Pair
from index.ledger.metric_tentative import tentative_ok
from index.text.cjk import has_han
from index.text.quantity import scaled

_NUMBER = r"(?<![\w.,/:-])(?P<value>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d,]*[./:-]\d)"
_UNIT = r"(?P<unit>minutes?|mins?|hours?|hrs?|seconds?|secs?|ms|days?|%|k|K|M)"
_WORD = r"[A-Za-z][A-Za-z0-9'-]*"
_FIGURE = re.compile(
    rf"(?:\b(?P<verb>[a-z]+ed)\s+)?{_NUMBER}(?:\s*-?\s*{_UNIT}(?![A-Za-z]))?\s+"
    rf"(?P<words>{_WORD}(?:\s+{_WORD}){{0,4}})"
)
# Words that end the name: prepositions, determiners, conjunctions, verbs of the sentence.
_STOP = frozenset((
    "a", "an", "the", "this", "that", "these", "those", "and", "or", "but", "nor", "so", "to", "of",
    "in", "on", "at", "by", "for", "from", "with", "without", "over", "across", "into", "onto", "per",
    "since", "until", "after", "before", "during", "than", "as", "via", "about", "around", "against",
    "between", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does",
    "did", "will", "would", "can", "could", "should", "may", "might", "we", "they", "it", "he", "she",
    "i", "you", "our", "their", "its", "his", "her", "my", "your", "who", "which",
))  # fmt: skip
_UNIT_WORDS = frozenset((
    "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "second", "seconds", "sec",
    "secs", "day", "days", "week", "weeks", "month", "months", "year", "years", "percent", "times",
))  # fmt: skip
_SENTENCES = re.compile(r"(?<![\d.])\.(?=\s|$)|[!?;]")
_CLAUSES = re.compile(r"[;:()（）]|(?<!\d),|,(?!\d{3}(?!\d))|\.\s|\s[—–-]\s|\band\b")


def figure_pairs(text: str) -> list[Pair]:
    """`<figure> <what it counts>` pairs of English sentences, each tentative."""
    return [pair for sentence in _SENTENCES.split(text) for pair in _sentence_pairs(sentence)]


def _sentence_pairs(sentence: str) -> list[Pair]:
    if has_han(sentence) or cue(sentence):
        return []  # a sentence telling an incident: its numbers are the impact
    out: list[Pair] = []
    for clause in _CLAUSES.split(PARENS.sub(" ", sentence)):
        for match in _FIGURE.finditer(clause):
            pair = _pair(match)
            if pair is not None:
                out.append(pair)
    return out


def _pair(match: re.Match[str]) -> Pair | None:
    words: list[str] = []
    for word in match["words"].split():
        if word.lower() in _STOP:
            break
        words.append(word)
    unit = match["unit"] or ""
    if words and words[0].lower() in _UNIT_WORDS and not unit:
        unit, words = words[0], words[1:]  # `12 minutes median …`: rare, but the unit comes first
    participle = words[-1] if len(words) >= 2 and re.fullmatch(r"[a-z]+ed", words[-1]) else None
    if participle is not None:
        words = [participle, *words[:-1]]  # `PRs merged` is `merged PRs`
    elif match["verb"] and words and match["verb"].lower() not in ("needed", "used", "based"):
        words = [match["verb"].lower(), *words]  # `we merged 96 PRs`
    if not words or len(words) > 4 or len(words[-1]) < 2:
        return None
    head = words[-1]
    if not unit and not (head.endswith("s") and not head.endswith("ss")):
        return None  # `4.2 release`, `11 known race`: a count names a plural thing
    if unit and len(words) < 2 and words[0].lower() in _UNIT_WORDS:
        return None
    value, unit = scaled(float(match["value"].replace(",", "")), _short(unit))
    if 1900 <= value <= 2100 and "." not in match["value"] and not unit:
        return None  # a year
    pair = Pair(" ".join(words), value, unit, None, match[0].strip(), tentative=True)
    return pair if tentative_ok(pair) else None


def _short(unit: str) -> str:
    lowered = unit.lower()
    for long, short in (("min", "min"), ("hour", "h"), ("hr", "h"), ("sec", "s"), ("day", "d")):
        if lowered.startswith(long):
            return short
    return unit
