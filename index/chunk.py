"""Cut a report into retrieval chunks: one per section, split at item boundaries when large,
tiny neighbours merged, each bounded by tiktoken counts and carrying its heading path and date.

Heading-only sections make no chunk of their own: title-only chunks rank well and answer
nothing (FACTS.md). Their titles still reach the index through their children's heading paths.

Every unit of work is bounded: a line longer than `MAX_LINE_CHARS` is cut into pieces before
chunking (each piece keeps the line's number, so citations still point at the right line), and
with a `TokenLimit` every chunk also fits the embedder's window in the embedder's own tokens.
tiktoken alone is not enough: cl100k packs a run of 64 '#' into a few tokens that e5 reads as
dozens, and a 330-token chunk was 4,389 e5 tokens (FACTS.md).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from index.models import Report, Section
from index.tokens import count_tokens, fit_window

# Bump whenever parsing or chunking changes what chunks a file yields: the collection name
# includes it, so an upgrade re-ingests instead of skipping files whose bytes did not change.
CHUNK_VERSION = 112

# Longer lines are cut before chunking: a 1 MB line was one chunk, and tokenizers slow down on
# one huge word (BPE merges are quadratic in a word's length).
MAX_LINE_CHARS = 1000


@dataclass(frozen=True)
class TokenLimit:
    """A second bound on every chunk's embedded text: the embedder's window in its own tokens."""

    count: Callable[[str], int]
    window: int


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
    embed_tokens: int = 0  # in the embedder's tokens, when chunked with a `TokenLimit`
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


def cut_long_lines(lines: list[tuple[int, str]], limit: int = MAX_LINE_CHARS) -> list[tuple[int, str]]:
    """Lines longer than `limit` characters as several pieces with the same line number.

    A piece ends at the last space of its window when there is one in the second half of it, so
    words stay whole in ordinary prose; a run without spaces (Chinese, a 1 MB 'aaaa…') is cut hard.
    """
    out: list[tuple[int, str]] = []
    for number, text in lines:
        while len(text) > limit:
            cut = text.rfind(" ", limit // 2, limit)
            cut = cut if cut > 0 else limit
            out.append((number, text[:cut]))
            text = text[cut:].lstrip(" ")
        out.append((number, text))
    return out


def _blocks(section: Section, lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """The section body split at top-level item boundaries (an item keeps its children and prose)."""
    starts = {item.start for item in section.items}
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for number, text in lines:
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


def _pack(section: Section, lines: list[tuple[int, str]], max_tokens: int) -> list[list[tuple[int, str]]]:
    """Group consecutive blocks while they fit under the bound."""
    groups: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    used = 0
    for block in _blocks(section, lines):
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


def chunk_report(
    report: Report, max_tokens: int = 400, min_tokens: int = 40, limit: TokenLimit | None = None
) -> list[Chunk]:
    """All chunks of a report in document order, with stable ids.

    With `limit`, no chunk's `embed_text` exceeds the embedder's window in its own tokens (a
    chunk over it is split at line boundaries, a line over it at characters), and every chunk's
    `embed_tokens` holds that count.
    """
    header_budget = 40  # the date/path header added to every chunk's context
    budget = max(max_tokens - header_budget, 50)
    raw: list[Chunk] = []
    for section in report.all_sections():
        body_lines = cut_long_lines(section.lines)
        if not any(t.strip() for _, t in body_lines):
            continue
        groups = [g for g in (_trim(g) for g in _pack(section, body_lines, budget)) if g]
        if limit is not None:
            groups = [part for g in groups for part in _fit(g, section.path_text, limit)]
        for part, group in enumerate(groups):
            body = _lines_text(group)
            chunk = Chunk(
                report=report.source,
                report_hash=report.content_hash,
                date=report.date.isoformat(),
                week=report.week,
                week_int=report.week_int,
                week_label=report.week_label or "",
                sections=[section.path_text],
                kind=section.kind.value,
                start=report.source_line(group[0][0]),
                end=report.source_line(group[-1][0]),
                body=body,
                tokens=count_tokens(body),
                part=part,
            )
            if limit is not None:
                chunk.embed_tokens = limit.count(chunk.embed_text)
            raw.append(chunk)
    chunks = _merge_tiny(raw, budget, min_tokens, limit)
    for chunk in chunks:
        chunk.assign_id()
    return chunks


# Tokens kept free under the window when parts are packed from per-line counts: e5 segments at
# spaces and newlines, so a part's count is the sum of its lines' counts give or take a few.
FIT_MARGIN = 8


def _fit(group: list[tuple[int, str]], path: str, limit: TokenLimit) -> list[list[tuple[int, str]]]:
    """The group as parts whose embedded text (heading path + body) fits the embedder's window."""
    if limit.count(f"{path}\n{_lines_text(group)}") <= limit.window:
        return [group]
    base = limit.count("")  # prefix and special tokens: counted once per text, not per line
    room = max(limit.window - limit.count(path) - FIT_MARGIN, 16)

    def cost_of(text: str) -> int:
        return max(limit.count(text) - base, 0) + 1  # + the newline

    parts: list[list[tuple[int, str]]] = [[]]
    used = 0
    for number, text, cost in _costed(group, cost_of, room):
        if parts[-1] and used + cost > room:
            parts.append([])
            used = 0
        parts[-1].append((number, text))
        used += cost
    return parts


def _costed(
    lines: list[tuple[int, str]], cost_of: Callable[[str], int], room: int
) -> list[tuple[int, str, int]]:
    """(line number, text, cost) with every line over `room` cut into pieces that fit."""
    out: list[tuple[int, str, int]] = []
    for number, text in lines:
        cost = cost_of(text)
        while cost > room:
            piece = fit_window(text, cost_of, room) or text[:1]
            out.append((number, piece, cost_of(piece)))
            text = text[len(piece) :]
            cost = cost_of(text)
        if text or not out or out[-1][0] != number:
            out.append((number, text, cost))
    return out


def _trim(group: list[tuple[int, str]]) -> list[tuple[int, str]]:
    while group and not group[-1][1].strip():
        group = group[:-1]
    while group and not group[0][1].strip():
        group = group[1:]
    return group


def _top(path: str) -> str:
    return path.split(" > ", 1)[0]


def _merge_tiny(
    chunks: list[Chunk], max_tokens: int, min_tokens: int, limit: TokenLimit | None = None
) -> list[Chunk]:
    """Merge a chunk under `min_tokens` into its previous neighbour under the same top heading."""
    merged: list[Chunk] = []
    base = limit.count("") if limit is not None else 0
    for chunk in chunks:
        previous = merged[-1] if merged else None
        # Counts of the two texts minus one prefix: an upper bound of the merged text's count
        # (the second heading path is dropped or joined, never longer than in its own text).
        embed_tokens = previous.embed_tokens + chunk.embed_tokens - base if previous else 0
        if (
            previous is not None
            and (chunk.tokens < min_tokens or previous.tokens < min_tokens)
            and _top(previous.section) == _top(chunk.section)
            and previous.tokens + chunk.tokens <= max_tokens
            and (limit is None or embed_tokens <= limit.window - FIT_MARGIN)
        ):
            previous.body = f"{previous.body}\n{chunk.body}"
            previous.tokens += chunk.tokens
            previous.embed_tokens = embed_tokens
            previous.end = chunk.end
            previous.sections.extend(s for s in chunk.sections if s not in previous.sections)
            if previous.kind == "other":
                previous.kind = chunk.kind
            continue
        merged.append(chunk)
    return merged
