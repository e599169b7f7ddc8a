"""Cut a report into retrieval chunks: one per section, split at item boundaries when large,
tiny neighbours merged, each bounded by tiktoken counts and carrying its heading path and date.

Heading-only sections make no chunk of their own: title-only chunks rank well and answer
nothing (FACTS.md). Their titles still reach the index through their children's heading paths.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from index.models import Report, Section
from index.tokens import count_tokens

# Bump whenever parsing or chunking changes what chunks a file yields: the collection name
# includes it, so an upgrade re-ingests instead of skipping files whose bytes did not change.
CHUNK_VERSION = 10


@dataclass
class Chunk:
    """One unit of retrieval. `sections` lists every heading path it covers (several after a merge)."""

    report: str
    report_hash: str
    date: str
    week: str
    week_int: int
    week_label: str
    sections: list[str]
    kind: str
    start: int
    end: int
    body: str
    tokens: int = 0
    part: int = 0
    id: str = field(default="")

    @property
    def section(self) -> str:
        return self.sections[0]

    @property
    def context(self) -> str:
        """Date, week and heading path, then the body: the chunk as a reader sees it (--show-context)."""
        label = f" {self.week_label}" if self.week_label else ""
        return f"[{self.date} {self.week}{label}] {' | '.join(self.sections)}\n{self.body}"

    @property
    def embed_text(self) -> str:
        """What is embedded: heading path and body, without the date header.

        `ask` filters by week before it ranks, so the date in the vector mostly made every chunk
        of a week look alike; it was 14 of ~78 e5 tokens. Measured on the eval and bench/ingest.py:
        cold ingest ~24 -> ~30 chunks/s; see the commit that made this change for the recall figures.
        """
        return f"{' | '.join(self.sections)}\n{self.body}"

    def assign_id(self) -> None:
        digest = hashlib.sha256(
            "\x00".join([self.report, " || ".join(self.sections), str(self.part), self.body]).encode()
        ).hexdigest()
        self.id = digest[:32]


def _lines_text(lines: list[tuple[int, str]]) -> str:
    return "\n".join(text for _, text in lines)


def _blocks(section: Section) -> list[list[tuple[int, str]]]:
    """The section body split at top-level item boundaries (an item keeps its children and prose)."""
    starts = {item.start for item in section.items}
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for number, text in section.lines:
        if number in starts and current:
            blocks.append(current)
            current = []
        current.append((number, text))
    if current:
        blocks.append(current)
    return blocks


def _split_lines(lines: list[tuple[int, str]], max_tokens: int) -> list[list[tuple[int, str]]]:
    """Greedy split at line boundaries for a block that alone exceeds the bound."""
    parts: list[list[tuple[int, str]]] = [[]]
    used = 0
    for number, text in lines:
        cost = count_tokens(text) + 1
        if parts[-1] and used + cost > max_tokens:
            parts.append([])
            used = 0
        parts[-1].append((number, text))
        used += cost
    return parts


def _pack(section: Section, max_tokens: int) -> list[list[tuple[int, str]]]:
    """Group consecutive blocks while they fit under the bound."""
    groups: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    used = 0
    for block in _blocks(section):
        cost = count_tokens(_lines_text(block)) + 1
        if cost > max_tokens:
            if current:
                groups.append(current)
                current, used = [], 0
            groups.extend(_split_lines(block, max_tokens))
            continue
        if current and used + cost > max_tokens:
            groups.append(current)
            current, used = [], 0
        current.extend(block)
        used += cost
    if current:
        groups.append(current)
    return groups


def chunk_report(report: Report, max_tokens: int = 400, min_tokens: int = 40) -> list[Chunk]:
    """All chunks of a report in document order, with stable ids."""
    header_budget = 40  # the date/path header added to every chunk's context
    budget = max(max_tokens - header_budget, 50)
    raw: list[Chunk] = []
    for section in report.all_sections():
        body_lines = [(n, t) for n, t in section.lines]
        if not any(t.strip() for _, t in body_lines):
            continue
        for part, group in enumerate(_pack(section, budget)):
            group = _trim(group)
            if not group:
                continue
            body = _lines_text(group)
            raw.append(
                Chunk(
                    report=report.source,
                    report_hash=report.content_hash,
                    date=report.date.isoformat(),
                    week=report.week,
                    week_int=report.week_int,
                    week_label=report.week_label or "",
                    sections=[section.path_text],
                    kind=section.kind.value,
                    start=group[0][0],
                    end=group[-1][0],
                    body=body,
                    tokens=count_tokens(body),
                    part=part,
                )
            )
    chunks = _merge_tiny(raw, budget, min_tokens)
    for chunk in chunks:
        chunk.assign_id()
    return chunks


def _trim(group: list[tuple[int, str]]) -> list[tuple[int, str]]:
    while group and not group[-1][1].strip():
        group = group[:-1]
    while group and not group[0][1].strip():
        group = group[1:]
    return group


def _top(path: str) -> str:
    return path.split(" > ", 1)[0]


def _merge_tiny(chunks: list[Chunk], max_tokens: int, min_tokens: int) -> list[Chunk]:
    """Merge a chunk under `min_tokens` into its previous neighbour under the same top heading."""
    merged: list[Chunk] = []
    for chunk in chunks:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and (chunk.tokens < min_tokens or previous.tokens < min_tokens)
            and _top(previous.section) == _top(chunk.section)
            and previous.tokens + chunk.tokens <= max_tokens
        ):
            previous.body = f"{previous.body}\n{chunk.body}"
            previous.tokens += chunk.tokens
            previous.end = chunk.end
            previous.sections.extend(s for s in chunk.sections if s not in previous.sections)
            if previous.kind == "other":
                previous.kind = chunk.kind
            continue
        merged.append(chunk)
    return merged
