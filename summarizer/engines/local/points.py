"""How a chosen report line reads in a local answer: as a point under its section, and as the
answer's headline (a sentence when one covers the question nearly as well as the best line).

The engine (engine.py) and the reasons (reasons.py) decide which lines answer; this module says
how a line is shown, so both show it the same way.
"""

from __future__ import annotations

import re

from index.text.normalise import plain_key
from summarizer.engines.local.extractive import Evidence, row_label
from summarizer.schemas import Point

# How far below the best line's coverage a sentence may be and still lead the answer over a fragment.
SENTENCE_SLACK = 0.1


_LABEL_VALUE = re.compile(r"^[^:：。.!?]{1,24}[:：]\s*[^:：。!?]{0,40}$")


def fragment(quote: str) -> bool:
    """A label and its value ("Status: At risk", "负责人: 谭悦"), a table row or a few words: no
    sentence on its own, it needs to say what it is about."""
    return " | " in quote or len(quote) < 24 or bool(_LABEL_VALUE.match(quote))


def headline(chosen: list[Evidence], lang: str) -> str:
    """The answer's first sentence: the best line that reads as a sentence when one covers the
    question nearly as well as the best; otherwise the best line, said of what it is about
    ("Goal: Sparse registry ... — Status: At risk") and a table row as "label: cells"."""
    best = chosen[0]
    sentence = next(
        (e for e in chosen if not fragment(e.quote) and e.coverage >= best.coverage - SENTENCE_SLACK), None
    )
    if sentence is not None:
        return sentence.quote
    quote = best.quote
    if " | " in quote:
        label, *cells = [c for c in quote.split(" | ") if c]
        if cells and row_label(quote) != label:  # `5 | 等保整改 | …`: the 序号 cell only counts rows
            label, *cells = cells
        quote = f"{label}: {('、' if lang == 'zh' else ', ').join(cells)}" if cells else label
    about = (best.section or best.hit.section).split(" > ")[-1].strip()
    if about and plain_key(about) not in plain_key(quote):
        return f"{about} — {quote}"
    return quote


def point(evidence: Evidence) -> Point:
    leaf = (evidence.section or evidence.hit.section).split(" > ")[-1]
    return Point(text=f"{evidence.hit.week} {leaf}: {evidence.quote}", citations=[evidence.citation()])
