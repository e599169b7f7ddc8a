"""What a model is shown for one question: the ledger's facts first, then passages by rank.

Every line a fact rests on and every passage gets a short id (F1…, P1…) that the model cites
by; `Source` keeps what each id stands for. Material is cut into blocks (a fact with its lines,
or one passage) and packed whole into the token budget in that order (`budget.pack`): a block
is in or out, never cut, and what stays out is said in a note.

Report text enters only through `data_text`, which defuses the data delimiters, so a report
cannot close the data block and speak outside it. Reports are named by their folder and file
name, never by their absolute path: the prompt (and so the request hash that names a cassette)
must not depend on where a checkout lives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Literal

from index.schemas import Citation
from summarizer.engines.base import Passage
from summarizer.facts.model import Facts
from summarizer.llm.budget import pack
from summarizer.prompts import data_text

NO_FACTS = "Ledger facts: none for this question."
NO_PASSAGES = "Report passages: none in the period asked about."


@dataclass(frozen=True)
class Source:
    """What one id stands for: the report span it cites and the text the model was shown."""

    id: str
    report: str
    week: str
    section: str
    lines: tuple[int, int]
    text: str


@dataclass(frozen=True)
class Block:
    """One packable unit: a ledger fact with the lines it rests on, one more line the facts rest
    on, or one passage."""

    kind: Literal["fact", "line", "passage"]
    text: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Material:
    """The blocks that fit, those left out, and the two data sections rendered from them."""

    kept: list[Block]
    left_out: list[Block] = field(default_factory=list)

    @property
    def sources(self) -> dict[str, Source]:
        """The ids the model may cite: those of the blocks it was shown."""
        return {s.id: s for block in self.kept for s in block.sources}

    def count(self, kind: str, kept: bool = True) -> int:
        return sum(1 for b in (self.kept if kept else self.left_out) if b.kind == kind)

    @property
    def facts_text(self) -> str:
        facts = [b.text for b in self.kept if b.kind != "passage"]
        return "\n".join(["Ledger facts (computed from the reports):", *facts]) if facts else NO_FACTS

    @property
    def passages_text(self) -> str:
        passages = [b.text for b in self.kept if b.kind == "passage"]
        return "\n\n".join(["Report passages (most relevant first):", *passages]) if passages else NO_PASSAGES

    def note(self, budget: int) -> str | None:
        """What the token budget left out, in words, or None when everything fit."""
        if not self.left_out:
            return None
        parts = []
        labels = (("fact", "ledger facts"), ("line", "further lines they rest on"), ("passage", "passages"))
        for kind, label in labels:
            out = self.count(kind, kept=False)
            if out:
                parts.append(f"{out} of {out + self.count(kind)} {label}")
        listed = ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]
        return (
            f"left out of the model's prompt by the token budget ({budget} tokens): {listed};"
            " raise context_tokens to include them"
        )


def report_name(report: str) -> str:
    """A report as the prompt names it: its series folder and file name ('payments-zh/2024-W45.md')."""
    parts = PurePath(report).parts
    return "/".join(parts[-2:])


def _span(lines: tuple[int, int]) -> str:
    return f"line {lines[0]}" if lines[0] == lines[1] else f"lines {lines[0]}-{lines[1]}"


def fact_blocks(facts: Facts) -> list[Block]:
    """The headline, one block per point, then each line the headline rests on that no point cites."""
    ids: dict[tuple[str, tuple[int, int], str], Source] = {}

    def source(citation: Citation) -> Source:
        key = (citation.report, citation.lines, citation.quote)
        if key not in ids:
            ids[key] = Source(
                f"F{len(ids) + 1}",
                citation.report,
                citation.week,
                citation.section,
                citation.lines,
                citation.quote,
            )
        return ids[key]

    def block(title: str, citations: Sequence[Citation], kind: Literal["fact", "line"] = "fact") -> Block:
        sources = tuple(dict.fromkeys(source(c) for c in citations))
        # The point already names the project and the change; a line needs only its week and words.
        lines = [data_text(title)] + [f"  [{s.id}] {s.week}: {data_text(s.text)}" for s in sources]
        return Block(kind, "\n".join(lines), sources)

    in_points = {(c.report, c.lines) for p in facts.points for c in p.citations}
    rest = [c for c in facts.key if (c.report, c.lines) not in in_points]
    if not facts.headline:
        if not rest:
            return []
        title = "The ledger has no answer; the latest lines about the projects the question names:"
        return [block(title, rest)]
    # The headline first, then its points; lines the headline rests on that no point shows come
    # last and one by one: across many weeks they can outnumber everything else (102 lines for
    # "which projects slipped?" on 52 weeks), and the points say more per token.
    blocks = [block(f"Summary: {facts.headline}", [])]
    blocks += [block(f"- {point.text}", point.citations) for point in facts.points]
    blocks += [block("- A line the summary rests on:", [c], "line") for c in rest]
    return blocks


def passage_blocks(passages: Sequence[Passage]) -> list[Block]:
    """One block per passage, in retrieval rank order."""
    blocks = []
    for passage in passages:
        hit = passage.hit
        dated = " · ".join(x for x in (hit.week, hit.week_label, hit.date) if x)
        header = f"[{passage.id}] {dated} · {report_name(hit.report)} · {data_text(hit.section)} · {_span(hit.lines)}"
        source = Source(passage.id, hit.report, hit.week, hit.section, hit.lines, hit.text)
        blocks.append(Block("passage", f"{header}\n{data_text(hit.text.strip())}", (source,)))
    return blocks


def pack_blocks(blocks: Sequence[Block], room: int) -> Material:
    """Blocks in priority order while they fit in `room` tokens (a prefix: nothing is reordered)."""
    packed = pack(blocks, room, text=lambda b: b.text + "\n\n")
    return Material(list(packed.kept), list(packed.left_out))
