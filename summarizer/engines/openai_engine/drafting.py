"""What a summary writer's model is shown: checked facts (F ids) or register entries (R ids) as
data blocks, most in need of attention first, packed whole into the token budget.

A week's facts and a period's outcomes keep the ids the summary's sections give them (`F3` in
the prompt is `F3` in the JSON), so a reader can follow a highlight to its item. Each fact shows
its section, its text and the lines it rests on (report folder/file, line, quote); register
entries get prompt-local ids (`R1`…) because their own ids are long. Blocks are packed in
priority order with `budget.pack`: a block is in or out, never cut, and what stays out is named
in a note. Report text enters only through `data_text`, so it cannot close the data block.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Literal

from index.schemas import Citation
from index.text.normalise import fold_space
from summarizer.engines.openai_engine.material import data_text
from summarizer.llm.budget import pack
from summarizer.schemas import RiskEntry, SeverityCount, WeekLine
from summarizer.summaries.inputs import Fact

Kind = Literal["fact", "week", "entry"]
NAMED = 12
"""A note names at most this many left-out items, then says how many more."""
NO_FACTS = "(no checked facts)"
NO_WEEKS = "(no weekly summaries)"
NO_ENTRIES = "(no register entries)"


@dataclass(frozen=True)
class Block:
    """One packable unit: a fact, a week's headline (context, not citable) or a register entry."""

    kind: Kind
    id: str
    """The id the model cites ('F3', 'R2'); '' for context it cannot cite."""
    text: str
    name: str
    """How a note names it when the budget leaves it out (its public id, or its week)."""


@dataclass(frozen=True)
class Packed:
    """The blocks that fit, in priority order, and those left out."""

    kept: list[Block]
    left_out: list[Block]

    @property
    def ids(self) -> list[str]:
        """The ids the model was shown and may cite."""
        return [b.id for b in self.kept if b.id]

    def text(self, kind: Kind, empty: str, by_name: bool = False) -> str:
        """The kept blocks of one kind, in packing order or (`by_name`) sorted by their names."""
        kept = [b for b in self.kept if b.kind == kind]
        if by_name:
            kept.sort(key=lambda b: b.name)
        return "\n".join(b.text for b in kept) or empty

    def note(self, budget: int) -> str | None:
        """What the token budget left out, by name, and what that means; None when all fit."""
        if not self.left_out:
            return None
        parts = []
        for kind, label in (("fact", "facts"), ("entry", "register entries"), ("week", "weekly headlines")):
            out = [b.name for b in self.left_out if b.kind == kind]
            if kind != "entry":  # facts by number, weeks by date; entries stay in register order
                out.sort(key=lambda name: (len(name), name))
            if out:
                total = len(out) + sum(b.kind == kind for b in self.kept)
                more = f" and {len(out) - NAMED} more" if len(out) > NAMED else ""
                parts.append(f"{len(out)} of {total} {label} ({', '.join(out[:NAMED])}{more})")
        consequence = (
            "left-out facts stay in the sections but no highlight cites them"
            if any(b.kind == "fact" for b in self.left_out)
            else "left-out entries keep their computed wording"
            if any(b.kind == "entry" for b in self.left_out)
            else "the headline was written without them"
        )
        return (
            f"left out of the model's prompt by the token budget ({budget} tokens): {'; '.join(parts)};"
            f" {consequence}; raise context_tokens to include them"
        )


def series_name(folder: str) -> str:
    """A series as the prompt names it: its folder's name, never the absolute path."""
    return PurePath(folder).name or folder


def pack_blocks(blocks: Sequence[Block], room: int) -> Packed:
    packed = pack(blocks, room, text=lambda b: b.text + "\n")
    return Packed(list(packed.kept), list(packed.left_out))


def _quote(citation: Citation, text: str) -> str:
    """Where a fact's line is (file:line; the week when the file is not named by it) and the
    quoted words, unless the fact's text already holds them: a quote repeated word for word
    would only cost tokens."""
    name = PurePath(citation.report).name
    where = f"{name}:{citation.lines[0]}"
    if citation.lines[1] != citation.lines[0]:
        where += f"-{citation.lines[1]}"
    if citation.week not in name:
        where += f" ({citation.week})"
    held = fold_space(citation.quote) in fold_space(text)
    return f"  ← {where}" if held else f"  ← {where} «{data_text(citation.quote)}»"


def _distinct(citations: Sequence[Citation]) -> list[Citation]:
    """Citations without those whose quote another one of the same lines already holds."""
    out = []
    for c in citations:
        wider = [
            o
            for o in citations
            if o is not c
            and o.report == c.report
            and o.lines[0] <= c.lines[0] <= c.lines[1] <= o.lines[1]
            and fold_space(c.quote) in fold_space(o.quote)
            and (fold_space(c.quote) != fold_space(o.quote) or citations.index(o) < citations.index(c))
        ]
        if not wider:
            out.append(c)
    return out


def by_attention(facts: Sequence[Fact]) -> list[Fact]:
    """Heaviest first; equal weights keep their section order (F1, F2, …)."""
    return sorted(facts, key=lambda f: -f.weight)


def fact_blocks(facts: Sequence[Fact]) -> list[Block]:
    """One block per fact, most in need of attention first: header, text, the lines it rests on."""
    blocks = []
    for fact in by_attention(facts):
        item = fact.item
        about = f" · {data_text(item.project)}" if item.project else ""
        lines = [f"[{item.id}] {fact.section} · {item.kind}{about}", data_text(item.text)]
        lines += [_quote(c, item.text) for c in _distinct(item.citations)]
        blocks.append(Block("fact", item.id, "\n".join(lines), item.id))
    return blocks


def week_blocks(weeks: Sequence[WeekLine]) -> list[Block]:
    """Each week's summary headline (the map step), newest first (the latest weeks matter most
    when the budget is short; the prompt shows them oldest first): context, not citable."""
    ordered = sorted(weeks, key=lambda w: w.week, reverse=True)
    return [Block("week", "", f"- {w.week}: {data_text(w.headline)}", w.week) for w in ordered]


def severity_text(counts: Sequence[SeverityCount]) -> str:
    if not counts:
        return "none"
    parts = []
    for count in counts:
        labels = f" ({'/'.join(count.labels)})" if count.labels else ""
        parts.append(f"{count.severity or 'ungraded'}{labels} {count.count}")
    return ", ".join(parts)


def _same(a: str, b: str) -> bool:
    return fold_space(a).rstrip("。.") == fold_space(b).rstrip("。.")


def entry_blocks(entries: Sequence[RiskEntry]) -> tuple[list[Block], dict[str, RiskEntry]]:
    """One block per entry in register order (open first, most severe first), with every
    sighting's week, status and words; and what each prompt id stands for."""
    blocks = []
    shown: dict[str, RiskEntry] = {}
    for number, entry in enumerate(entries, 1):
        rid = f"R{number}"
        shown[rid] = entry
        severity: str = entry.severity or "ungraded"
        if entry.severity_label:
            severity += f" ({data_text(entry.severity_label)})"
        seen = (
            entry.first_seen
            if entry.first_seen == entry.last_seen
            else f"{entry.first_seen} → {entry.last_seen}"
        )
        head = [series_name(entry.series), entry.category, entry.status, severity, seen]
        if entry.owner:
            head.append(f"owner {data_text(entry.owner)}")
        lines = [f"[{rid}] " + " · ".join(head), f"title: {data_text(entry.title)}"]
        # A sighting that only repeats the title (an incident told once) shows its week and status.
        lines += [
            f"  {s.week} {s.status}" + ("" if _same(s.text, entry.title) else f": {data_text(s.text)}")
            for s in entry.history
        ]
        blocks.append(Block("entry", rid, "\n".join(lines), entry.id))
    return blocks, shown
