"""A project's code name standing for the words of its description.

Mixed-language teams name a project by a Latin code name and a description in Chinese
("RepairNet 合作修理厂协同平台", "AutoEye 图片定损 v2"), then write only the code name in their news
("RepairNet：7/31 150 家依赖锦程分批节奏"). A question written in the description's words ("修理厂接入
为什么一直上不去？") is about the line that says the code name: each of its words found in a
description has the code name as a synonym, so the line that names the project counts as saying it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from index.lexical import tokenize
from index.text.cjk import HAN, has_han
from summarizer.planning.projects import ProjectRef

# `RepairNet 合作修理厂协同平台`, `AutoEye – 图片定损 v2`: a Latin code (a word or three) before Han words.
_CODED = re.compile(
    rf"^(?P<code>[A-Za-z][\w.+-]{{1,30}}(?:\s+[A-Za-z0-9][\w.+-]*){{0,2}}?)\s*[-–—:：·|｜]?\s*(?P<words>[{HAN}].*)$"
)


def code_name_synonyms(terms: Iterable[str], projects: Sequence[ProjectRef]) -> dict[str, tuple[str, ...]]:
    """Each Han term of the question found in a coded project's description -> the code names."""
    han_terms = [t for t in terms if has_han(t) and len(t) >= 2]
    if not han_terms:
        return {}
    found: dict[str, list[str]] = {}
    for project in projects:
        for name in (project.name, *project.aliases):
            coded = _CODED.match(name.strip())
            if coded is None:
                continue
            code = " ".join(tokenize(coded["code"]))
            for term in han_terms:
                if code and term in coded["words"]:
                    found.setdefault(term, []).append(code)
    return {term: tuple(dict.fromkeys(codes)) for term, codes in found.items()}
