"""How much each question term counts as evidence in this index: BM25's IDF, with the seams and
phrasing characters that cutting a Chinese question into bigrams leaves out.

Kept apart from the planner because it needs only the lexical index: the weights are what the
evidence scorer and the refusal decision compare a passage against.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from index.lexical import tokenize
from index.text.cjk import HAN, has_han
from summarizer.planning.question_words import FUNCTION_CHARS

if TYPE_CHECKING:
    from index.lexical import LexicalIndex


# Chunks that may contain a function-character bigram before it counts as a word of the reports,
# at least; a larger index allows one more per `RARE_PER_CHUNKS` chunks (a seam such as "机原" of
# "宕机原因" is written somewhere once in so many chunks, and as a rare term it outweighed both words).
RARE_DF = 2
RARE_PER_CHUNKS = 5000
# A demonstrative and the unit it points at ("4月中旬那周", "那期"): the time expression's, no content.
_POINTER = re.compile(r"[那这该此][周期天月次份篇]")


def term_weights(terms: str, lexical: LexicalIndex) -> dict[str, float]:
    """Each question term's IDF in this index, for evidence scoring, with two corrections for how
    Chinese questions are cut into bigrams.

    A term no chunk contains gets the highest weight: "预算" (budget) in a question the reports
    never speak to must keep it from being answered. But "目标还能完成" also yields "还能" and "能完",
    which no report contains either; a bigram holding a function character (还 能 没 里 …) that at
    most a couple of chunks contain, or two of them, or one beside a character whose own word the
    reports write far more often ("标还" of 目标), is such an artefact of the cut, not a word the
    reports lack, and weighs nothing, like a lone function character ("第4期里") and the unseen
    seam between two written words ("上故" of "线上故障"). A lone
    character left by question-word removal ("停" of "为什么停了") is never a token of the index
    (runs become bigrams), so it is weighted by the commonest bigram that holds it.
    """
    weights: dict[str, float] = {}
    df = lexical.doc_freq()
    rare = max(RARE_DF, len(lexical.rows) // RARE_PER_CHUNKS)
    straddling = _straddling(terms, df, rare) | _phrasing_seams(terms, df) | _pointer_seams(terms)
    for term in dict.fromkeys(tokenize(terms)):
        if term in straddling or _POINTER.fullmatch(term):
            continue  # "上故" of "线上故障", "标还" of "目标还能": a seam, not a word; "那周": a pointer
        weight = lexical.idf(term)
        phrasing = has_han(term) and bool(FUNCTION_CHARS.intersection(term))
        if phrasing and (len(term) == 1 or df.get(term, 0) <= rare or FUNCTION_CHARS.issuperset(term)):
            continue  # "里" of "第4期里", "能按" of "没能按", "还能": phrasing, not content
        if has_han(term) and len(term) == 1:
            seen = max((n for t, n in df.items() if term in t), default=0)
            weight = lexical.idf(term) if not seen else _idf(seen, len(lexical.rows))
        weights[term] = weight
    return weights


def _pointer_seams(terms: str) -> set[str]:
    """The bigrams joining a pointer to the words on either side of it ("期周" of "那期周报", "号那" of
    "12号那期"): written nowhere, they weighed as rare words and refused the line that answered."""
    out: set[str] = set()
    for match in _POINTER.finditer(terms):
        start, end = match.start(), match.end()
        if start > 0 and has_han(terms[start - 1]):
            out.add(terms[start - 1] + terms[start])
        if end < len(terms) and has_han(terms[end]):
            out.add(terms[end - 1] + terms[end])
    return out


def _straddling(terms: str, df: Mapping[str, int], rare: int = RARE_DF) -> set[str]:
    """Bigrams at most `rare` chunks contain whose neighbours on both sides in the same run are
    more common: the seam between two words ("线上故障" -> 线上 | 上故 | 故障), not a word of its
    own. A seam one line happens to write ("客诉问题" once in a greeting) is still a seam: as a
    rare term it would outweigh both words and sink every line telling the matter in other words."""
    out: set[str] = set()
    for run in re.findall(rf"[{HAN}]{{4,}}", terms):
        grams = [run[i : i + 2] for i in range(len(run) - 1)]
        for i in range(1, len(grams) - 1):
            seam = df.get(grams[i], 0)
            if seam <= rare and df.get(grams[i - 1], 0) > seam and df.get(grams[i + 1], 0) > seam:
                out.add(grams[i])
    return out


# How many times more chunks must write a character's word than its seam with a function character.
SEAM_RATIO = 2


def _phrasing_seams(terms: str, df: Mapping[str, int]) -> set[str]:
    """Bigrams that join a word's character to a function character beside it ("标还" of
    "目标还能完成", "境里" of "生产环境里") where the reports write that character's own word (目标,
    环境) far more often than the seam. An absolute count cannot tell: "目标还是…" is common report
    phrasing, so the seam's count grows with the index, and a rare seam outweighed the words and
    sank the line that answered (a crowded index refused "O2降本15%的目标还能完成吗？")."""
    out: set[str] = set()
    for run in re.findall(rf"[{HAN}]{{3,}}", terms):
        grams = [run[i : i + 2] for i in range(len(run) - 1)]
        for i, gram in enumerate(grams):
            left, right = gram[0] in FUNCTION_CHARS, gram[1] in FUNCTION_CHARS
            if left == right:
                continue  # no function character, or two: the caller's rules
            j = i + 1 if left else i - 1  # the neighbour sharing the word's character
            if 0 <= j < len(grams) and df.get(grams[j], 0) > SEAM_RATIO * df.get(gram, 0):
                out.add(gram)
    return out


def _idf(df: int, n: int) -> float:
    """BM25's IDF (index/lexical.py), for a document frequency the index does not store."""
    return math.log(1 + (n - df + 0.5) / (df + 0.5))
