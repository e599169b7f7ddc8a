"""Headings and leads that hold several projects' news: what their sentences say is not theirs.

A newsletter files its paragraphs under areas ("## 存储", "## Docs & infra"), and a paragraph
under one talks about the projects of that area by name ("分层存储的预览版从4月底推迟到5月底",
"the new docs site went live on 3/12"). The layout makes the area a project of its own, and every
date and status of its body lands there. A heading is a container when its bodies, over the
series' reports, name at least `_CONTAINER_NAMES` different projects the series knows other than
itself (an area is one in every issue: "## 文档与基础设施" names the docs site in one and the
Windows build in the next), or when its name is part of a longer project name its body uses
("## 存储" over "分层存储…", "## Search" over "Atlas Search…"). Then a sentence of it that names
another project before its news, or that `prose_links` gives to another project, says nothing
about the container, and the container's observation loses the fields that sentence is the
evidence of. A real project's heading whose items are its own sub-steps ("### Checkout" over
"- payment SDK: …") names no other known project, or only one, and keeps what its body says.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from index.ledger.prose import Passage
from index.ledger.prose_links import Vocabulary, link_passages
from index.schemas import Citation, Observation
from index.text.normalise import nfkc

_CONTAINER_NAMES = 2


@dataclass(frozen=True)
class Lent:
    """A sentence of a container's body that is another project's: where it is, what it says."""

    line: int
    text: str


def lent_sentences(
    vocabulary: Vocabulary, passages: Iterable[Passage], canonical_of: Mapping[str, str]
) -> dict[tuple[str, str], list[Lent]]:
    """(report, heading name) -> the sentences of that heading's body that belong to another
    project, for each heading that is a container in the series (`passages` are one series';
    `Passage.within` says which headings hold a sentence)."""
    held = [passage for passage in passages if passage.within]
    theirs = [_theirs(vocabulary, passage) for passage in held]
    named: dict[str, set[str]] = defaultdict(set)
    inside: set[str] = set()
    for passage, projects in zip(held, theirs, strict=True):
        # What the body names: its sentences and the first clause of their paragraph's first line.
        hits = [name for _, name in vocabulary.named(f"{passage.opening}\n{passage.text}") if name.canonical]
        for heading in passage.within:
            own = canonical_of.get(heading, heading)
            named[own] |= ({name.canonical for name in hits} | projects) - {own}
            if any(_within_name(heading, name.spelling) and name.canonical != own for name in hits):
                inside.add(own)
    out: dict[tuple[str, str], list[Lent]] = defaultdict(list)
    for passage, projects in zip(held, theirs, strict=True):
        for heading in passage.within:
            own = canonical_of.get(heading, heading)
            if projects - {own} and (len(named[own]) >= _CONTAINER_NAMES or own in inside):
                out[passage.observation.report, heading].append(Lent(passage.line, passage.text))
    return dict(out)


def _theirs(vocabulary: Vocabulary, passage: Passage) -> set[str]:
    """Whose the sentence is: the one project prose_links gives it to (by its own words or its
    paragraph's subject), and any project it names before its news ("积分2.0灰度、收银SDK第三批尽快
    给个上线时间" is several projects', none the area's)."""
    out = {canon for canon, _ in link_passages(vocabulary, [passage])}
    return out | {
        name.canonical
        for start, name in vocabulary.named(passage.text)
        if start < passage.reach and name.canonical
    }


def _within_name(heading: str, name: str) -> bool:
    """The heading's name is part of a longer project name its body uses ("## 存储" over
    "分层存储的预览版…"): the heading is that project's area, not the project."""
    short, long = nfkc(heading).casefold().replace(" ", ""), nfkc(name).casefold().replace(" ", "")
    return len(short) >= 2 and short != long and short in long


_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "target_evidence",
        (
            "target",
            "target_text",
            "target_kind",
            "target_unit",
            "target_order",
            "target_moved_from",
            "target_was",
            "target_was_evidence",
        ),
    ),
    ("status_evidence", ("status", "status_text", "status_was", "completed_on")),
    ("progress_evidence", ("progress",)),
)


def without_lent(obs: Observation, lent: list[Lent]) -> Observation:
    """The heading's observation without the fields whose evidence is a sentence lent to another
    project."""
    out = obs
    for evidence, fields in _FIELDS:
        cited: Citation | None = getattr(obs, evidence)
        if cited is None or not any(_cites(cited, sentence) for sentence in lent):
            continue
        if out is obs:
            out = obs.model_copy(deep=True)
        setattr(out, evidence, None)
        for name in fields:
            setattr(out, name, None)
        if evidence == "progress_evidence":
            out.progress_parts = []
    return out


def _cites(cited: Citation, sentence: Lent) -> bool:
    """The citation quotes (part of) the sentence, on its line."""
    if not cited.lines[0] <= sentence.line <= cited.lines[1]:
        return False
    quote = nfkc(cited.quote).strip()
    return bool(quote) and (quote in sentence.text or sentence.text in quote)
