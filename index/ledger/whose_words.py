"""Whose words a line's word or cell is: the project's, named beside it, or another thing's told in
the same line. A status or launch word found in a project's lines speaks for the project only when
the line gives it no other owner (a dependency that went live, a cell that names nobody)."""

from __future__ import annotations

import re

from index.text.cjk import has_han
from index.text.normalise import name_key


def beside_name(text: str, start: int, end: int, name: str) -> bool:
    """The status closes a line that holds only the project's name before it (`2. 智能满减助手 🟡`,
    `**Search rebuild** — AMBER`), not a sentence (`11/21上线完成，……顺延`)."""
    if text[end:].strip(" *_`"):
        return False
    before = name_key(text[:start])
    return bool(before) and before.endswith(name_key(name)) and len(before) <= len(name_key(name)) + 3


def bare_cell(quote: str, name: str) -> bool:
    """A cell with no words, or a short one (a day written with its month) that names nobody."""
    return not re.search(r"[^\W\d_]", quote) or (len(quote) <= _CELL_CHARS and name not in quote)


_CELL_CHARS = 16


def quote_names(quote: str, name: str) -> bool:
    """The cell says whose it is: it has words and writes the project's name."""
    return bool(re.search(r"[^\W\d_]", quote)) and name in quote


# The start of an English sentence or clause: where a later subject takes over the line.
_SENTENCE_START = re.compile(r"(?:^|[.;:!?]\s+|\s[—–]\s)(?=\S)")


# A noun phrase written right before the lifecycle verb ("DKIM records went live", "the vendor
# has shipped"): the verb is that thing's.
_OWN_SUBJECT = re.compile(
    r"^(?:(?:the|a|an|our|their)\s+)?([A-Za-z][\w&.+/-]*(?:\s+[\w&.+/-]+){0,4}?)\s+"
    r"(?:(?:has|have|had)\s+(?:been\s+)?|(?:is|are|was|were)\s+(?:now\s+)?|now\s+|also\s+|finally\s+)?$",
    re.I,
)


_PRONOUN = re.compile(r"^(?:it|we|they|this|that|everything|all|which|both|i)$", re.I)


def told_of_another(text: str, start: int, name: str = "") -> bool:
    """A launch word in a later sentence of an English line, after a subject of its own: another
    thing went live (a dependency, a vendor's fix), not the project the line is about. The line's
    first sentence, and a sentence whose subject is `it`/`we`, still speak for the project.
    Written from gdocs-html-growth."""
    opening = [m.end() for m in _SENTENCE_START.finditer(text, 0, start)]
    if len(opening) < 2 or has_han(text):
        return False  # the first sentence is the project's own (its name was written before it)
    match = _OWN_SUBJECT.match(text[opening[-1] : start])
    if match is None or _PRONOUN.match(match[1].split()[0]):
        return False
    if not name:
        return True
    # a named thing (`ECO-118 released 9/10`), not the project's own clause after a dash
    # (`#93 OOD go-live — live since Wed 9 Oct`) nor the project itself (`Payments v2 went live`)
    return match[1][:1].isupper() and name.casefold() not in match[1].casefold()
