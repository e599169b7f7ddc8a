"""Why: the report lines that give a reason for what the ledger shows or the passages tell.

The ledger knows that a target moved or a project paused, not why; the reports say why beside
it (the block's prose, the row's notes cell, the sentence the cited clause sits in, the line
below a status line) or in a line with "because", "卡在", "blocked by". Finding those lines is
one job, apart from assembling the answer (engine.py), which adds them to a ledger answer and
lets them lead an extractive "why" answer.
"""

from __future__ import annotations

import re

from index.dialects import heading_line
from index.retrieve import Hit
from index.schemas import Citation
from index.text.normalise import fold_space, plain_line
from index.text.timeexpr import ANY_DAY, find_dates
from summarizer.engines.local.extractive import (
    Evidence,
    ReportLines,
    Sources,
    best_evidence,
    block_reason,
    clauses,
    coverage,
    line_below,
)
from summarizer.engines.local.points import point
from summarizer.engines.local.subject import named_terms, row_subject
from summarizer.question import QuestionPlan
from summarizer.schemas import Point

# Report lines added to a ledger answer about a named project (reasons the ledger does not hold).
CONTEXT_POINTS = 2
# A shorter line is a label ("【海外收单】"), not a reason.
MIN_CONTEXT_CHARS = 8
# A "why" answer about this many slipped projects or fewer quotes each slip's own report.
MAX_REASON_PROJECTS = 2
# Reports quoted for a slip's reasons, newest first ("why did it slip again and again?").
SLIP_REASONS = 5
_REASON = re.compile(
    r"原因|根因|因为|由于|导致|卡在|取决于|受限于|等待|等到|待.{0,6}(?:确认|审批|评审|完成)|\bbecause\b|\bdue to\b|"
    r"\bwaiting\b|\bpending\b|\buntil\b|\bso that\b|\bblocked (?:on|by)\b|\bcaused by\b|\broot cause\b|"
    r"\breason\b",
    re.I,
)
# How far a reason line may trail the best line's coverage and still lead a "why" answer.
REASON_SLACK = 0.5


def slip_reasons(plan: QuestionPlan, shown: list[Point], sources: Sources) -> list[Point]:
    """For "why did X slip?": the report that shows a slip says why in the same block, right
    under the line the ledger read (a field line, then "the vendor's SDK arrived late"), or
    in the notes cell of its table row. One line per report that shows a slip, newest first;
    the oldest cited report holds the state before the first slip, not a reason."""
    if plan.intent != "slips" or not plan.wants_reason or not 0 < len(shown) <= MAX_REASON_PROJECTS:
        return []
    cited = sorted(
        {c.report: c for p in shown for c in sorted(p.citations, key=lambda c: c.lines)}.values(),
        key=lambda c: (c.week, c.report),
        reverse=True,
    )
    # "Why did X move from mid-March to end of March?" names one move: the report whose line
    # writes those words tells its reason, whichever week it is.
    oldest = cited[-1] if len(cited) > 1 else None
    named = named_terms(plan)
    asked = {t: w for t, w in plan.term_weights.items() if t not in named}
    if asked:
        told = {
            c.report: coverage(plain_line(sources.get(c.report, {}).get(c.lines[1], "")), asked)
            for c in cited
        }
        cited.sort(key=lambda c: -round(told[c.report], 2))
    said = " ".join([*(p.text for p in shown), *(c.quote for p in shown for c in p.citations)])
    written = " ".join(p.text for p in shown)  # what the reader reads: fact lines cut quotes short
    out: list[Point] = [*_move_told(plan, cited, sources, said)]
    said += " ".join(p.text for p in out)
    for citation in cited:
        lines = sources.get(citation.report, {})
        own = plain_line(lines.get(citation.lines[1], ""))
        if _REASON.search(own) and own not in written and len(out) < SLIP_REASONS:
            # The line that moved the date says why itself ("still blocked on the cert rotation
            # — realistic date is now end of Feb"), which the fact line shows cut short; so may
            # the line of the state before it ("At risk for 0.10 because we still don't have a
            # code-signing certificate"), when it says "because".
            out.append(_quoted(citation, citation.lines[1], own))
            written += " " + own
        if citation is oldest:
            continue  # the oldest report holds the state before the first slip, not a reason
        after = sentence_after(lines, citation)
        if after is not None and after[1] not in said and after[1] not in written and len(out) < SLIP_REASONS:
            # "Dock Scheduler v2 slides to end of sprint 23. The security review on Tuesday flagged
            # how we store carrier SSO refresh tokens": the reason is the cited sentence's next one.
            said += " " + after[1]
            out.append(_quoted(citation, *after))
        found = block_reason(lines, citation.lines[1], MIN_CONTEXT_CHARS) or around_quote(lines, citation)
        if found is None or found[1] in said:
            continue
        number, quote = found
        said += " " + quote
        out.append(_quoted(citation, number, quote))
        if len(out) >= SLIP_REASONS:
            break
    return out


def _move_told(plan: QuestionPlan, cited: list[Citation], sources: Sources, said: str) -> list[Point]:
    """ "为什么从 4/18 推迟到 4/25？" names both days of one move: a report that shows it in a table
    row often tells it again in a sentence of its own, after what caused it (`4/8 … 发生 P1 故障
    TELA-1158（CDN 证书过期）… OTA 25.2 全量目标由 4/18 推迟到 4/25`): that line, whole (w33-h)."""
    days = [hit.text for hit in find_dates(plan.question, ANY_DAY) if hit.precision == "day"]
    if len(days) < 2:
        return []
    for citation in cited:
        for number, raw in sorted(sources.get(citation.report, {}).items()):
            line = plain_line(raw)
            if number != citation.lines[1] and all(day in line for day in days) and line not in said:
                heading = _heading_above(sources.get(citation.report, {}), number)
                where = citation.model_copy(update={"section": heading}) if heading else citation
                return [_quoted(where, number, line)]
    return []


def _heading_above(lines: ReportLines, number: int) -> str | None:
    """The Markdown heading nearest above a line of the report, when it writes one."""
    for above in range(number - 1, 0, -1):
        heading = heading_line(lines.get(above, "").strip())
        if heading:
            return heading[1]
    return None


def reasons(hits: list[Hit], subjects: list[str], shown: list[Point], sources: Sources) -> list[Point]:
    """For "which project was paused, and why?": per listed project, the line of its own
    block that gives a reason ("waiting for legal", "暂停原因：…"), when the passages hold one."""
    said = " ".join(p.text for p in shown)
    out: list[Point] = []
    for subject in subjects[: CONTEXT_POINTS * 2]:
        lines = [
            e
            for e in best_evidence(hits, {}, 50, sources, about_projects=[subject])
            if _REASON.search(e.quote) and e.quote not in said and len(e.quote) >= MIN_CONTEXT_CHARS
        ]
        if lines:
            out.append(point(lines[0]))
            continue
        following = _line_after(subject, shown, sources)  # "项目暂停：" then the explanation below it
        if following is not None and following.text not in said:
            out.append(following)
    return out


def reasons_first(
    chosen: list[Evidence],
    hits: list[Hit],
    weights: dict[str, float],
    limit: int,
    sources: Sources,
    plan: QuestionPlan,
) -> list[Evidence]:
    """For "why" questions: lines that give a reason ("因为", "blocked by", "卡在") and still cover
    the question reasonably lead, ahead of lines that only restate what happened."""
    pool = best_evidence(
        hits,
        weights,
        limit * 4,
        sources,
        about_projects=plan.project_names,
        synonyms=plan.synonyms,
        subject=row_subject(plan, weights),
    )
    floor = chosen[0].coverage * REASON_SLACK
    reasons = [e for e in pool if _REASON.search(e.quote) and e.coverage >= floor]
    seen = {(e.hit.report, e.line) for e in reasons}
    return [*reasons, *(e for e in chosen if (e.hit.report, e.line) not in seen)][:limit]


def around_quote(lines: ReportLines, citation: Citation) -> tuple[int, str] | None:
    """(line, sentence) holding a cited clause that is only part of it: the ledger quotes "全量目标改为
    11月底" and the same sentence says why ("但双11封网期间不能全量，大促后还要观察一周，…")."""
    number = citation.lines[1]
    quote = fold_space(citation.quote)
    for sentence in clauses(plain_line(lines.get(number, ""))):
        if quote in fold_space(sentence) and len(sentence) >= len(citation.quote) + MIN_CONTEXT_CHARS:
            return number, sentence
    return None


def sentence_after(lines: ReportLines, citation: Citation) -> tuple[int, str] | None:
    """(line, sentence) right after the sentence holding a cited clause, in the same line: a report
    states what moved, then why, with no "because" to find it by."""
    number = citation.lines[1]
    quote = fold_space(citation.quote)
    parts = clauses(plain_line(lines.get(number, "")))
    for at, sentence in enumerate(parts[:-1]):
        if quote and quote in fold_space(sentence):
            following = parts[at + 1]
            return (number, following) if len(following) >= MIN_CONTEXT_CHARS else None
    return None


def _quoted(citation: Citation, number: int, quote: str) -> Point:
    """A line of a cited report, as a point under the citation's section."""
    where = Citation(
        report=citation.report,
        week=citation.week,
        section=citation.section,
        lines=(number, number),
        quote=quote,
    )
    return Point(text=f"{citation.week} {citation.section.split(' > ')[-1]}: {quote}", citations=[where])


def _line_after(subject: str, shown: list[Point], sources: Sources) -> Point | None:
    """The first text line below the cited status line of `subject`, inside its block: reports
    often state a pause and explain it on the next line with no "because" in it."""
    point = next((p for p in shown if subject in p.text and p.citations), None)
    if point is None:
        return None
    cited = point.citations[-1]
    found = line_below(sources.get(cited.report, {}), cited.lines[1], MIN_CONTEXT_CHARS)
    if found is None:
        return None
    number, quote = found
    citation = Citation(
        report=cited.report, week=cited.week, section=cited.section, lines=(number, number), quote=quote
    )
    return Point(text=f"{cited.week} {subject}: {quote}", citations=[citation])
