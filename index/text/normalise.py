"""Normalising text for comparison, one function per purpose.

- `fold_space`: a quote against the lines it cites; whitespace removed entirely (Chinese has no
  spaces between words, so a wrapped line must still match) and case folded.
- `plain_key`: two spellings of one metric or label (`Error budget`, `error-budget`, `ＣＰＵ`):
  NFKC, punctuation and spaces removed, case folded.
- `name_key`: two spellings of one project (`【POS收单】 (Phase 2)`, `pos收单`): `plain_key`
  after dropping parenthetical remarks, which carry phases, owners and aliases, not the name.
- `strip_markup`: a line without its heading or list marker, as quotes are cut and checked.
- `stem`: a light English word-form fold ("launched" -> "launch"), so a question's wording meets
  the report's wherever words are compared (planning and the extractive engine alike).
"""

from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"\s+")
_NON_WORD = re.compile(r"[\W_]+")
PARENS = re.compile(r"[(（]([^)）]*)[)）]")  # a remark; 【】 and [] only wrap the name itself
_MARKUP = re.compile(r"^\s*(?:#{1,6}\s+|[-*+•]\s+|\d{1,3}[.)、]\s*)")


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def fold_space(text: str) -> str:
    """All whitespace removed and case folded, so a quote matches however lines were wrapped."""
    return _WS.sub("", text).casefold()


def plain_key(text: str) -> str:
    """NFKC, without punctuation, spaces or case."""
    return _NON_WORD.sub("", nfkc(text)).casefold()


def name_key(name: str) -> str:
    """A project name's key: parenthetical remarks dropped (unless nothing else is left)."""
    return plain_key(PARENS.sub(" ", nfkc(name))) or plain_key(name)


def strip_markup(line: str) -> str:
    """A line without its leading heading or list marker; the verifier and the extractors both
    compare quotes against lines stripped this way, so every quote cut from one verifies."""
    return _MARKUP.sub("", line)


_SUFFIXES = ("ings", "ing", "ers", "er", "ed", "es", "s")


def stem(token: str) -> str:
    """A light English stem ("owns", "owner" -> "own"; "launched" -> "launch") so a question's
    wording meets the report's; CJK bigrams and short words are left as they are."""
    if not token.isascii() or not token.isalpha() or len(token) < 4:
        return token
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            return token[: -len(suffix)]
    return token
