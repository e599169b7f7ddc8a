"""A name the question writes in two languages (or as words and their acronym) counts as found
when either is.

Chinese technical writing glosses a name with its English one in brackets ("并行前端（parallel
front-end）", "注册数（signups）", "审计日志导出（Audit log export）"), and the report the question is
about may be written in either language. Lexical coverage weighs both halves, so an English
report that says "Parallel front-end" covered half the question at best and the answer was
refused. The two halves are one name: each half's tokens stand for the other's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from index.lexical import tokenize
from index.text.cjk import HAN

# A name is a few words: the gloss of "老带新" in "the Double-11 invite (老带新) campaign" is the words
# right before the bracket, not the sentence. Inside a bracket the whole content is the gloss.
_WORD = r"[A-Za-z0-9][\w.&'/+-]*"
_LATIN_NAME = rf"{_WORD}(?:\s+{_WORD}){{0,3}}"
_INSIDE = r"[A-Za-z][A-Za-z0-9 .&'/+-]*?"
_HAN_NAME = rf"[{HAN}]{{2,8}}"
_GLOSSED = re.compile(
    rf"(?P<han>{_HAN_NAME})\s*[（(]\s*(?P<latin>{_INSIDE})\s*[)）]"
    rf"|(?P<latin2>{_LATIN_NAME})\s*[（(]\s*(?P<han2>[{HAN}]{{2,}})\s*[)）]"
)


# Particles a Chinese name never holds: a run before a bracket starts its name after the last one
# ("最近的注册数（signups）" glosses 注册数).
_PARTICLES = re.compile("[的在了是把对从与和及或问]")


def _name_end(run: str) -> str:
    """The last name of a Han run: what follows its last particle."""
    cut = max((m.end() for m in _PARTICLES.finditer(run)), default=0)
    return run[cut:]


# An acronym in brackets after the words it stands for ("ETA accuracy (MAE)", "mean time to restore
# (MTTR)"): one name too, reports writing either.
_ACRONYM_GLOSS = re.compile(rf"(?P<words>{_LATIN_NAME})\s*\(\s*(?P<acronym>[A-Z]{{2,6}}s?)\s*\)")


def acronym_glosses(question: str, weights: Mapping[str, float]) -> list[tuple[list[str], list[str]]]:
    """(words' tokens, acronym's tokens) of each acronym the question glosses, the words kept to the
    question's weighted terms before the bracket ("How has ETA accuracy (MAE)" -> eta, accuracy)."""
    out: list[tuple[list[str], list[str]]] = []
    for match in _ACRONYM_GLOSS.finditer(question):
        words = [t for t in tokenize(match["words"]) if t in weights]
        acronym = [t for t in tokenize(match["acronym"]) if t in weights]
        if words and acronym and not set(words) & set(acronym):
            out.append((words, acronym))
    return out


def glosses(question: str) -> list[tuple[list[str], list[str]]]:
    """(Han tokens, Latin tokens) of each name the question writes in both languages."""
    out: list[tuple[list[str], list[str]]] = []
    for match in _GLOSSED.finditer(question):
        han = _name_end(match.group("han") or "") or match.group("han2") or ""
        latin = match.group("latin") or match.group("latin2") or ""
        han_tokens, latin_tokens = tokenize(han), tokenize(latin)
        # A gloss is words ("signups", "Audit log export"), not a code or a week ("W21", "P0").
        if han_tokens and any(t.isalpha() and len(t) >= 3 for t in latin_tokens):
            out.append((han_tokens, latin_tokens))
    return out


def with_glosses(
    weights: Mapping[str, float], synonyms: Mapping[str, tuple[str, ...]], question: str
) -> tuple[dict[str, float], dict[str, tuple[str, ...]]]:
    """The question's term weights and synonyms with each glossed name counted once: its heavier
    half keeps its weight and is found when either half is written; the lighter half weighs
    nothing (counting both made a name written in one language cover twice its share, and a
    question about that name's budget passed for answered)."""
    new_weights, new_synonyms = dict(weights), dict(synonyms)
    for han, latin in [*glosses(question), *acronym_glosses(question, weights)]:
        heavy, light = sorted(
            (han, latin), key=lambda half: sum(weights.get(t, 0.0) for t in half), reverse=True
        )
        for token in light:
            new_weights.pop(token, None)
        whole = " ".join(light)  # the other half is found when all of it is written
        for token in heavy:
            new_synonyms[token] = tuple(dict.fromkeys([*new_synonyms.get(token, ()), whole]))
    return new_weights, new_synonyms
