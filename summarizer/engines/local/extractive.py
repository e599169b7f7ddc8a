"""Extractive evidence: the lines of retrieved chunks that best cover the question's terms.

Quotes are cut from the report's own lines (the cited line, or one clause of a long line), as the
pipeline read them for the verifier, so they are exact by construction and the verifier keeps them. Coverage is the IDF-weighted share
of the question's terms a passage contains: it ranks lines and decides whether the reports
answer the question at all, the same measure on every corpus and in both languages.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from index.lexical import tokenize
from index.retrieve import Hit
from index.schemas import Citation
from index.tables import ROW_NUMBER
from index.text.normalise import PARENS, plain_key, plain_line, stem

ReportLines = Mapping[int, str]
Sources = Mapping[str, ReportLines]
Synonyms = Mapping[str, Collection[str]]
"""Question term -> other tokens a report may use for it (the intent's vocabulary)."""

_CLAUSE_END = re.compile(r"(?<=[。；;！!？?])|(?<=\.)\s+(?=[A-Z0-9])")
_HEADING = re.compile(r"^\s*#{1,6}\s")
MAX_QUOTE = 160
# Lines below a fact's line searched for what the block says about it.
REASON_REACH = 6
# A field line ("Owner: Dana", "ETA: May 30", "a | b | c"): a short label and value, no sentence.
_FIELD_LINE = re.compile(r"^[^:：。.!?，,]{1,16}[:：]\s*[^:：。!?，,]{0,24}$")
# An item's lead line with its fields in cells ("KR3 Search v2 ｜ 进度 3/5", "Owner: A / ETA: May 2").
_ITEM_LEAD = re.compile(r"^[^。!?]*\s[|｜/]\s[^。!?]*$")
# Share of an unlinked name's weight a line's heading path and block must hold to be about it.
ABOUT_COVERAGE = 0.5


@dataclass
class Evidence:
    """One candidate quote with where it came from and how well it covers the question."""

    hit: Hit
    rank: int
    line: int
    quote: str
    coverage: float
    section: str = ""
    """The heading path of this line (a merged chunk holds several); the chunk's first if unknown."""

    @property
    def score(self) -> float:
        # Coverage decides; retrieval rank breaks ties and favours the fused ranking's top chunks.
        return self.coverage + 0.05 / (self.rank + 1)

    def citation(self) -> Citation:
        return Citation(
            report=self.hit.report,
            week=self.hit.week,
            section=self.section or self.hit.section,
            lines=(self.line, self.line),
            quote=self.quote,
        )


def clauses(text: str) -> list[str]:
    """A short line is one quote; a long one is split into sentences, and a long sentence at its
    clause punctuation (then at a space), so a quote stays readable and never ends mid-word."""
    text = text.strip()
    if len(text) <= MAX_QUOTE:
        return [text] if text else []
    parts = [p.strip() for p in _CLAUSE_END.split(text) if p and p.strip()]
    return [piece for part in parts for piece in _fit(part)]


_CLAUSE_BREAK = re.compile(r"(?<=[，,、；;：:])\s*|(?<=[—–])\s*|\s+(?=[—–(（])")
_WORD = re.compile(r"[A-Za-z0-9._%/+-]")


def _fit(sentence: str, limit: int = MAX_QUOTE) -> list[str]:
    """Cut a long sentence into pieces of at most `limit` characters at clause punctuation, else at
    the last space, else (Chinese with no punctuation) at a character outside a Latin word."""
    out: list[str] = []
    rest = sentence.strip()
    while len(rest) > limit:
        cuts = [m.end() for m in _CLAUSE_BREAK.finditer(rest, 1, limit + 1) if m.end() <= limit]
        cut = max(cuts, default=0) or rest.rfind(" ", 1, limit + 1)
        if cut <= 0:
            cut = limit
            while cut > 1 and _WORD.match(rest[cut - 1]) and _WORD.match(rest[cut]):
                cut -= 1
            cut = cut if cut > 1 else limit
        out.append(rest[:cut].strip())
        rest = rest[cut:].strip()
    return [*out, rest] if rest else out


def coverage(text: str, weights: Mapping[str, float], synonyms: Synonyms | None = None) -> float:
    """IDF-weighted share of the question's terms that occur in the text (0..1), word forms folded.

    A term with synonyms counts when any of them occurs ("延期" asked, "顺延" written; a synonym of
    several space-separated tokens when all of them do); a lone
    Chinese character counts when any word of the text holds it ("停" asked, "停止" written).
    """
    total = sum(weights.values())
    if not total:
        return 0.0
    tokens = tokenize(text)
    present = set(tokens) | {stem(t) for t in tokens}
    chars = {c for t in tokens if not t.isascii() for c in t}

    def found(term: str) -> bool:
        if term in present or stem(term) in present:
            return True
        if len(term) == 1 and not term.isascii():
            return term in chars
        # A synonym of several words ("并行 行前 前端" for "parallel") is found when all of them are.
        return any(all(p in present for p in other.split()) for other in (synonyms or {}).get(term, ()))

    return sum(w for term, w in weights.items() if found(term)) / total


def query_weights(query: str, idf: dict[str, float] | None = None) -> dict[str, float]:
    """Each distinct question term and its weight (IDF when known, else 1)."""
    weights: dict[str, float] = {}
    for term in tokenize(query):
        weight = idf.get(term, 0.0) if idf is not None else 1.0
        if weight > 0:
            weights[term] = weight
    return weights


def hit_coverage(hit: Hit, weights: dict[str, float], synonyms: Synonyms | None = None) -> float:
    return coverage(" ".join([*hit.sections, hit.text]), weights, synonyms)


def line_section(hit: Hit, lines: ReportLines, number: int) -> str:
    """The heading path of one line of a chunk: the merged section whose heading is nearest above.

    A chunk may merge several small sections ("Checkout", "Secrets Manager" and "Service
    Catalog" blocks); crediting each line with every merged heading made "Owner: Priya" of
    one block answer "who owns Secrets Manager?" as well as the right block's owner line, and
    cited it under the wrong heading.
    """
    if len(hit.sections) <= 1:
        return hit.section
    for above in range(number - 1, hit.lines[0] - 2, -1):
        text = lines.get(above, "")
        if _HEADING.match(text):
            title = text.lstrip().lstrip("#").strip()
            return next((s for s in hit.sections if s.split(" > ")[-1] == title), hit.section)
    return hit.section


_SEPARATOR_CELL = re.compile(r"\|\s*:?-{3,}:?\s*(?=\|)")


def table_row(text: str) -> bool:
    return (text.lstrip().startswith("|") and text.count("|") >= 2) or aligned_row(text)


_COLUMN_GAPS = re.compile(r"[^\s.!?;:,] {2,}(?=\S)")  # not a typist's two spaces after a sentence


def aligned_row(text: str) -> bool:
    """A plain-text table's row, its columns set apart by runs of spaces (`  2  Friends & Patrons
    CRM migration   HL    Amber   end of March`): a record of its own, like a pipe row."""
    return len(_COLUMN_GAPS.findall(text.strip())) >= 3


def header_row(lines: ReportLines, number: int) -> bool:
    """A table's header row: its separator follows on the next line ("| --- |"), or on the same
    line when an HTML table was read into one ("| Initiative | Owner | --- | --- |")."""
    text = lines.get(number, "")
    if _SEPARATOR_CELL.search(text + "|"):
        return True
    after = next((lines[n] for n in range(number + 1, number + 4) if lines.get(n, "").strip()), "")
    return table_row(after) and not plain_line(after)


def row_label(row: str) -> str:
    """A table row's label: its first cell, after a `序号` / `No.` cell that only counts the rows."""
    cells = row.split(" | ")
    return cells[1] if len(cells) > 1 and ROW_NUMBER.fullmatch(cells[0].strip()) else cells[0]


def candidates(
    hits: Sequence[Hit],
    weights: dict[str, float],
    sources: Sources,
    synonyms: Synonyms | None = None,
    subject: Mapping[str, float] | None = None,
) -> list[Evidence]:
    """Every quotable clause of every hit, scored, read without markup; headings, blank lines and
    a table's header and separator rows are skipped. With a `subject` (what the question names),
    a table row is quoted only when its row label (first cell) holds part of it: the MetricHub
    row answers "MetricHub 进展", the 数据资产目录 row beside it does not."""
    found: list[Evidence] = []
    for rank, hit in enumerate(hits):
        lines = sources.get(hit.report)
        if not lines:
            continue
        start, end = hit.lines
        for number in range(start, end + 1):
            raw = lines.get(number, "")
            if not raw.strip() or _HEADING.match(raw):
                continue
            if table_row(raw):
                if header_row(lines, number):
                    continue  # the header row names columns, it says nothing
                label = row_label(plain_line(raw))
                if subject and not coverage(label, subject, synonyms):
                    continue
            section = line_section(hit, lines, number)
            for quote in clauses(plain_line(raw)):
                if len(quote) < 2:
                    continue
                # Half credit for terms only in the heading path: "风控决策引擎迁移 > 进度" counts.
                own = coverage(quote, weights, synonyms)
                with_context = coverage(f"{section} {quote}", weights, synonyms)
                found.append(Evidence(hit, rank, number, quote, own + 0.5 * (with_context - own), section))
    return found


def line_below(lines: ReportLines, line: int, min_chars: int, reach: int = 3) -> tuple[int, str] | None:
    """(line number, first clause) of the first text line below `line` in the same block; None
    at a heading or a new Notion label, where the block ends."""
    for number in range(line + 1, line + 1 + reach):
        raw = lines.get(number)
        if raw is None or _HEADING.match(raw) or re.match(r"\s*[-*+]\s*【", raw):
            return None
        parts = clauses(plain_line(raw))
        if parts and len(parts[0]) >= min_chars:
            return number, parts[0]
    return None


def block_reason(lines: ReportLines, line: int, min_chars: int) -> tuple[int, str] | None:
    """What a report says beside a fact it states on `line`: a table row's notes cell, else the
    first prose line below it (field lines skipped, up to the next item's lead line), else the
    prose above it in its own paragraph ("AB ran a week, not significant…" over "Status: blocked").
    None when the block says nothing more."""
    raw = lines.get(line, "")
    if table_row(raw):
        cells = [c for c in plain_line(raw).split(" | ") if c.strip()]
        note = max(cells[1:], key=len, default="")
        return (line, note) if len(note) >= min_chars and not _FIELD_LINE.match(note) else None
    for number in range(line + 1, line + 1 + REASON_REACH):
        text = lines.get(number)
        if text is None or _HEADING.match(text) or table_row(text) or _ITEM_LEAD.match(plain_line(text)):
            break
        found = _prose(number, text, min_chars)
        if found is not None:
            return found
    for number in range(line - 1, max(0, line - REASON_REACH), -1):
        text = lines.get(number, "")
        if not text.strip() or _HEADING.match(text) or table_row(text) or _ITEM_LEAD.match(plain_line(text)):
            break
        found = _prose(number, text, min_chars)
        if found is not None:
            return found
    return None


def _prose(number: int, text: str, min_chars: int) -> tuple[int, str] | None:
    """(line, its first sentence or two) when the line says something, not a field's value."""
    parts = clauses(plain_line(text))
    if not parts or len(parts[0]) < min_chars or _FIELD_LINE.match(parts[0]):
        return None
    two = " ".join(parts[:2])
    return number, two if len(two) <= MAX_QUOTE else parts[0]


def whole_sentence(text: str, piece: str) -> str:
    """A clause piece of a long sentence (`clauses` cuts one at its commas) run on to the end of its
    sentence, up to two quotes' length: a reason is read whole ("When the team went through the
    logging controls with our assessor, …twelve months… three systems"), not to its first comma."""
    start = text.find(piece)
    if start < 0:
        return piece
    end = _CLAUSE_END.search(text, start + len(piece))
    whole = text[start : end.start() if end else len(text)].strip()
    return whole if len(whole) <= 2 * MAX_QUOTE else piece


def following(evidence: Evidence, sources: Sources, min_chars: int = 8) -> Evidence | None:
    """What comes right after a quote: its line's next sentence, else the first text line below it
    in the same block. A report states what happened, then why ("PCI has gone to at risk. When
    the team went through the logging controls, ..."), with no "because" to find it by."""
    lines = sources.get(evidence.hit.report, {})
    parts = clauses(plain_line(lines.get(evidence.line, "")))
    if evidence.quote in parts and parts.index(evidence.quote) + 1 < len(parts):
        nxt = whole_sentence(plain_line(lines.get(evidence.line, "")), parts[parts.index(evidence.quote) + 1])
        return Evidence(evidence.hit, evidence.rank, evidence.line, nxt, 0.0, evidence.section)
    if table_row(lines.get(evidence.line, "")):
        return None  # the next row is another record's
    below = line_below(lines, evidence.line, min_chars)
    if below is None or below[0] > evidence.hit.lines[1]:
        return None
    return Evidence(evidence.hit, evidence.rank, below[0], below[1], 0.0, evidence.section)


def with_figures(evidence: Evidence, sources: Sources) -> Evidence:
    """A quote that states no figure, extended by its line's next sentence when that one does: a
    report names a thing, then says where it stands ("The design-system migration has a new name:
    it's now "Coldmere Patterns"… It's still sitting at 64 of 120 templates."), and a reader asks
    after the figure. Only within the quote's own line, so the citation stays one line."""
    if any(c.isdigit() for c in evidence.quote):
        return evidence
    text = plain_line(sources.get(evidence.hit.report, {}).get(evidence.line, ""))
    parts = clauses(text)
    if evidence.quote not in parts:
        return evidence
    at = parts.index(evidence.quote)
    if at + 1 >= len(parts) or not any(c.isdigit() for c in parts[at + 1]):
        return evidence
    start = text.find(evidence.quote)
    end = text.find(parts[at + 1], start + len(evidence.quote))
    if start < 0 or end < 0 or end + len(parts[at + 1]) - start > 2 * MAX_QUOTE:
        return evidence
    return replace(evidence, quote=text[start : end + len(parts[at + 1])])


_NOTHING = re.compile(
    r"^\W*(?:none|n/?a|nothing(?:\s+to\s+report)?|no\s+(?:new\s+)?\w+(?:\s+\w+)?)\b[^.;:]{0,24}[.。]?\s*$"
    r"|^\W*(?:本周|本期|这期|本月|本次)?(?:无|暂无|没有)[^，。；]{0,10}[。]?\s*$",
    re.I,
)


def says_nothing(quote: str) -> bool:
    """A line that reports nothing happened ("No new incidents.", "None this cycle.", "本期无现网问题。"):
    an answer when nothing else is said, never ahead of a line that tells what did happen."""
    return bool(_NOTHING.match(quote.strip()))


def block_text(lines: ReportLines, number: int, reach: int = 12) -> str:
    """The line and the lines above it up to a blank line or heading: the bullet, paragraph or
    block it belongs to ("owner Priya" continues the paragraph that named its project)."""
    out = [lines.get(number, "")]
    for above in range(number - 1, max(0, number - reach), -1):
        text = lines.get(above, "")
        if not text.strip() or _HEADING.match(text):
            break
        out.append(text)
    return " ".join(reversed(out))


def about(evidence: Evidence, names: Sequence[str], lines: ReportLines) -> bool:
    """True when the line belongs to one of the named projects: its heading path or its block
    names it. A report lists many projects; a line from the next block is no answer."""
    raw = lines.get(evidence.line, "")
    # a table row is its own block: the rows above it are other projects'
    own = raw if table_row(raw) else block_text(lines, evidence.line)
    where = plain_key(f"{evidence.section or evidence.hit.section} {own}")
    return any(key in where for name in names for key in _name_keys(name))


_PART_CHARS = 3


def _name_keys(name: str) -> list[str]:
    """The name's keys, and for `RB 2-way (RoomBridge 双向直连)` or `Instant Quote-to-Book (IQB)` each
    half too: a line writes the one or the other."""
    keys = [plain_key(name)]
    inner = PARENS.findall(name)
    if len(inner) == 1 and name.rstrip().endswith((")", "）")):
        halves = (plain_key(PARENS.sub(" ", name)), plain_key(inner[0]))
        keys += [key for key in halves if len(key) >= _PART_CHARS]
    return [key for key in keys if key]


def best_evidence(
    hits: Sequence[Hit],
    weights: dict[str, float],
    limit: int,
    sources: Sources,
    per_line: bool = True,
    about_projects: Sequence[str] = (),
    synonyms: Synonyms | None = None,
    subject: Mapping[str, float] | None = None,
    about_terms: Mapping[str, float] | None = None,
    newest_first: bool = False,
) -> list[Evidence]:
    """The `limit` best distinct quotes, best first; only lines about `about_projects` if given,
    and only lines whose heading path or block covers `about_terms` (an unlinked name) if given.
    `newest_first`: among lines covering the question equally, the newest report's lead (a
    question about where a thing stands now)."""
    chosen: list[Evidence] = []
    seen: set[tuple[str, int] | str] = set()
    found = candidates(hits, weights, sources, synonyms, subject)
    if about_projects:
        found = [e for e in found if about(e, about_projects, sources.get(e.hit.report, {}))]
    if about_terms:
        found = [
            e
            for e in found
            if coverage(
                f"{e.section or e.hit.section} {block_text(sources.get(e.hit.report, {}), e.line)}",
                about_terms,
                synonyms,
            )
            >= ABOUT_COVERAGE
        ]

    def order(e: Evidence) -> tuple[float, int, str, int]:
        if newest_first:
            return (-round(e.coverage, 2), -e.hit.week_int, e.hit.report, e.line)
        return (-e.score, 0, e.hit.report, e.line)

    for evidence in sorted(found, key=order):
        keys: list[tuple[str, int] | str] = [evidence.quote]
        if per_line:
            keys.append((evidence.hit.report, evidence.line))
        if any(key in seen for key in keys):
            continue
        seen.update(keys)
        chosen.append(evidence)
        if len(chosen) >= limit:
            break
    return chosen


def newest_history(chosen: list[Evidence], question: str) -> list[Evidence]:
    """The lines of a "what happened since …" answer, newest report first, without lines that hold
    nothing but the question's own words (a heading such as "-- billing migration --" or "SOC 2."
    tells nothing of what happened) while others say something."""
    asked = set(tokenize(question))
    told = [e for e in chosen if set(tokenize(e.quote)) - asked] or chosen
    return sorted(told, key=lambda e: (-e.hit.week_int, e.hit.report, e.line))
