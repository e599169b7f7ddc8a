"""The local engine: deterministic and extractive, no network, no randomness.

Intents the ledger can answer (slips, incidents, status, metrics, changes) are answered from
ledger facts; everything else, and any ledger miss (the pipeline also counts a ledger answer
beside the question's subject as a miss), gets the best-matching report lines. The refusal looks
at both: only when the ledger has nothing and no passage covers enough of the question does the
answer say the reports do not cover it, showing the closest passages: a plain "not covered" is
more useful than a confident guess.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from index.lexical import tokenize
from index.retrieve import Hit
from index.schemas import Citation, series_of
from index.text.normalise import fold_space, plain_key, plain_line
from index.text.timeexpr import find_dates
from summarizer.engines.base import AskContext
from summarizer.engines.local.details import (
    as_evidence,
    beside_facts,
    figures_left_out,
    report_events,
    subject_details,
)
from summarizer.engines.local.extractive import (
    Evidence,
    ReportLines,
    Sources,
    Synonyms,
    best_evidence,
    block_reason,
    clauses,
    coverage,
    following,
    hit_coverage,
    line_below,
    line_section,
    newest_history,
    query_weights,
    says_nothing,
)
from summarizer.engines.local.glosses import with_glosses
from summarizer.facts.common import range_of, unique_citations
from summarizer.facts.phrases import say
from summarizer.question import QuestionPlan
from summarizer.schemas import Answer, EngineName, Point

# Share of the question's IDF-weighted terms the best passage must contain (tuned on the eval).
MIN_COVERAGE = 0.5
# Free questions show a few lines; summaries and open "what happened" questions show more.
POINTS = {"free": 3, "summary": 6, "risks": 5, "incidents": 5, "metrics": 6}
# Report lines added to a ledger answer about a named project (reasons the ledger does not hold).
CONTEXT_POINTS = 2
# Lines added to an incident or risk list from reports the ledger read nothing from.
SILENT_POINTS = 3
# A "why" answer about this many slipped projects or fewer quotes each slip's own report.
MAX_REASON_PROJECTS = 2
# Reports quoted for a slip's reasons, newest first ("why did it slip again and again?").
SLIP_REASONS = 5
# A shorter line is a label ("【海外收单】"), not a reason.
MIN_CONTEXT_CHARS = 8
_REASON = re.compile(
    r"原因|根因|因为|由于|导致|卡在|取决于|受限于|等待|等到|待.{0,6}(?:确认|审批|评审|完成)|\bbecause\b|\bdue to\b|"
    r"\bwaiting\b|\bpending\b|\buntil\b|\bso that\b|\bblocked (?:on|by)\b|\bcaused by\b|\broot cause\b|"
    r"\breason\b",
    re.I,
)
# Share of the question's weight its subject must carry to be what the answer's lines are about.
SUBJECT_SHARE = 0.5
# Intents that ask about one thing (a project, a goal): their lines must be about it. Risk,
# incident, metric, change and summary questions read a section kind or a period instead.
ABOUT_ONE = ("status", "free", "slips")
# Ledger answers about events, whose notes beside each event's line carry the report's own
# dates and next steps (details.beside_facts); a "why did it slip" answer has slip_reasons.
BESIDE_INTENTS = ("changes", "status")
# Status lines of one asked-for report that answer "what changed in it?" when its words do not.
MIN_EVENTS = 2
# How far below the best line's coverage a sentence may be and still lead the answer over a fragment.
SENTENCE_SLACK = 0.1
# How far a reason line may trail the best line's coverage and still lead a "why" answer.
REASON_SLACK = 0.5


class LocalEngine:
    """Rules over ledger facts and retrieved lines; see the module docstring."""

    name: EngineName = "local"

    def __init__(self, min_coverage: float = MIN_COVERAGE) -> None:
        self.min_coverage = min_coverage

    def usage(self) -> None:
        """No model calls."""
        return None

    def close(self) -> None:
        """Nothing to release."""

    def answer(self, context: AskContext) -> Answer:
        plan, hits, facts, sources = context.plan, context.hits, context.facts, context.sources
        if plan.term_weights:  # "并行前端（parallel front-end）": either half found is the name found
            weights, synonyms = with_glosses(plan.term_weights, plan.synonyms, plan.question)
            plan = replace(plan, term_weights=weights, synonyms=synonyms)
        if facts.found and facts.points and facts.headline:
            points = facts.points + self.slip_reasons(plan, facts.points, sources)
            points += self.context_points(plan, hits, points, sources)
            points += self.silent_reports(plan, hits, points, sources)
            points += self.details(plan, hits, points, sources, weights_of(plan))
            if plan.intent == "incidents":
                points += figures_left_out(
                    facts.points, sources, " ".join([facts.headline, *(p.text for p in points)])
                )
            if plan.intent in BESIDE_INTENTS and not plan.projects:  # one project's timeline: details
                points += beside_facts(
                    facts.points, sources, " ".join([facts.headline, *(p.text for p in points)])
                )
            if plan.intent == "changes":
                points += self.events(hits, points, sources, facts.headline)
            if not plan.project_names and facts.subjects and plan.wants_reason:
                points += self.reasons(hits, facts.subjects, points, sources)
            return Answer(
                answer=facts.headline,
                points=points,
                citations=unique_citations(c for p in points for c in p.citations),
                engine=self.name,
                plan=plan.public(),
            )
        # The ledger is silent (or beside the point): the passages answer, or nothing does. A ledger
        # that found none in range ("no launches in June") says so first: its facts carry their own
        # dates, a passage in range may tell of an earlier event.
        return self.extractive(plan, hits, sources, ledger_headline=facts.headline if facts.found else None)

    def silent_reports(
        self, plan: QuestionPlan, hits: list[Hit], shown: list[Point], sources: Sources
    ) -> list[Point]:
        """For an incident or risk list, the best line of each passage of that kind (or covering the
        question) from a series the facts cite nothing from: the ledger read none there (a style its extractors do not
        know), the report may still tell one. Series it did read were read with the plan's filters
        (a SEV3 is no answer to "any SEV2?"), so they add nothing."""
        if plan.intent not in ("incidents", "risks"):
            return []
        read = {series_of(c.report) for p in shown for c in p.citations}
        cited: set[str] = set()
        weights = plan.term_weights or query_weights(plan.terms or plan.query)
        out: list[Point] = []
        for hit in hits:
            if series_of(hit.report) in read or hit.report in cited:
                continue
            if len(out) >= SILENT_POINTS:
                break
            # A section of that kind, or a line elsewhere that covers the question ("故障复盘：…"
            # under "本周完成工作").
            lines = [
                e
                for e in best_evidence([hit], weights, 3, sources, synonyms=plan.synonyms)
                if not says_nothing(e.quote)
                and len(e.quote) >= MIN_CONTEXT_CHARS
                and (hit.kind == plan.intent or e.coverage >= self.min_coverage)
            ]
            if lines:
                cited.add(hit.report)
                out.append(_point(lines[0]))
        return out

    def details(
        self,
        plan: QuestionPlan,
        hits: list[Hit],
        shown: list[Point],
        sources: Sources,
        weights: dict[str, float],
        answer: str = "",
    ) -> list[Point]:
        """For a question about one thing, the newest block's lines about it that carry a date, a
        figure, an id or a status the answer does not show yet (details.py)."""
        if plan.intent not in ABOUT_ONE:
            return []
        subject = {} if plan.project_names else named_subject(plan, weights)
        said = " ".join([answer, *(p.text for p in shown)])
        after = missed_day(plan.question, hits) if plan.wants_reason else None
        found = subject_details(hits, sources, plan.project_names, subject, said, after=after)
        return [
            _point(as_evidence(d, line_section(d.hit, sources.get(d.hit.report, {}), d.line))) for d in found
        ]

    def events(self, hits: list[Hit], shown: list[Point], sources: Sources, answer: str = "") -> list[Point]:
        """For "what changed?" about one series: the newest report's own status lines (details.py)."""
        said = " ".join([answer, *(p.text for p in shown)])
        found = report_events(hits, sources, said)
        return [
            _point(as_evidence(d, line_section(d.hit, sources.get(d.hit.report, {}), d.line))) for d in found
        ]

    def slip_reasons(self, plan: QuestionPlan, shown: list[Point], sources: Sources) -> list[Point]:
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
        said = " ".join([*(p.text for p in shown), *(c.quote for p in shown for c in p.citations)])
        written = " ".join(p.text for p in shown)  # what the reader reads: fact lines cut quotes short
        out: list[Point] = []
        for citation in cited[:-1] if len(cited) > 1 else cited:
            lines = sources.get(citation.report, {})
            own = plain_line(lines.get(citation.lines[1], ""))
            if _REASON.search(own) and own not in written and len(out) < SLIP_REASONS:
                # The line that moved the date says why itself ("still blocked on the cert rotation
                # — realistic date is now end of Feb"), which the fact line shows cut short.
                out.append(_quoted(citation, citation.lines[1], own))
                written += " " + own
            found = block_reason(lines, citation.lines[1], MIN_CONTEXT_CHARS) or around_quote(lines, citation)
            if found is None or found[1] in said:
                continue
            number, quote = found
            said += " " + quote
            out.append(_quoted(citation, number, quote))
            if len(out) >= SLIP_REASONS:
                break
        return out

    def reasons(
        self, hits: list[Hit], subjects: list[str], shown: list[Point], sources: Sources
    ) -> list[Point]:
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
                out.append(_point(lines[0]))
                continue
            following = _line_after(subject, shown, sources)  # "项目暂停：" then the explanation below it
            if following is not None and following.text not in said:
                out.append(following)
        return out

    def context_points(
        self, plan: QuestionPlan, hits: list[Hit], shown: list[Point], sources: Sources
    ) -> list[Point]:
        """Report lines that best match the question beyond the facts already shown.

        The ledger knows that a target moved, not why; "why did X slip?" is answered by the
        lines around it ("waiting for the bank's certificate"), which only the passages hold. For
        a named project only its own lines count; otherwise lines must cover the question's
        subject the facts do not already cover ("postmortems done"), or name the metric a trend is
        asked of (values in reports the ledger did not read).
        """
        weights = plan.term_weights or query_weights(plan.terms or plan.query)
        wanted = set(tokenize(plan.subject))
        subject = {t: w for t, w in weights.items() if t in wanted}
        said = " ".join(p.text for p in shown)
        covered = coverage(" ".join([said, *(c.quote for p in shown for c in p.citations)]), subject)
        if not plan.projects and (not subject or (covered >= self.min_coverage and plan.intent != "metrics")):
            return []
        cited = {(c.report, c.lines) for p in shown for c in p.citations}
        fresh = [
            e
            for e in best_evidence(
                hits,
                weights,
                CONTEXT_POINTS + len(cited),
                sources,
                about_projects=plan.project_names,
                synonyms=plan.synonyms,
                subject=row_subject(plan, weights),
            )
            if (e.hit.report, e.citation().lines) not in cited
            and len(e.quote) >= MIN_CONTEXT_CHARS
            and e.quote not in said
            and (
                plan.projects
                or coverage(f"{e.section} {e.quote}", subject, plan.synonyms) >= self.min_coverage
            )
        ]
        return [_point(e) for e in fresh[:CONTEXT_POINTS]]

    def extractive(
        self, plan: QuestionPlan, hits: list[Hit], sources: Sources, ledger_headline: str | None = None
    ) -> Answer:
        weights = plan.term_weights or query_weights(plan.terms or plan.query)
        # "What has happened with X since mid-April?": a history, one line per report it spans.
        history = plan.intent in ABOUT_ONE and plan.since is not None and plan.until is None
        limit = POINTS["summary"] if history else POINTS.get(plan.intent, 3)
        # A question about a named project is answered from that project's lines only.
        # A question naming one thing is answered from that thing's lines only: a linked project's,
        # else those whose heading or block names the subject (no line of it: not covered).
        about_terms = (
            held_by(hits, named_subject(plan, weights), plan.synonyms)
            if plan.intent in ABOUT_ONE and not plan.project_names
            else {}
        )
        chosen = best_evidence(
            _prefer_kind(hits, plan.intent),
            weights,
            limit,
            sources,
            about_projects=plan.project_names,
            synonyms=plan.synonyms,
            subject=row_subject(plan, weights),
            about_terms=about_terms,
            newest_first=plan.intent in ABOUT_ONE and asks_now(plan.question),
        )
        if history:
            chosen = newest_history(chosen, plan.question)
        closest = chosen or best_evidence(hits, weights, limit, sources, synonyms=plan.synonyms)
        strength = max((hit_coverage(h, weights, plan.synonyms) for h in hits), default=0.0)
        # A line telling what happened goes before "No new incidents." from another report.
        chosen = sorted(chosen, key=lambda e: says_nothing(e.quote))
        best = max((e.coverage for e in chosen), default=0.0)
        top = chosen[0] if chosen else None
        if plan.wants_reason and chosen:
            chosen = _reasons_first(chosen, hits, weights, limit, sources, plan)
            after = following(chosen[0], sources, MIN_CONTEXT_CHARS)
            if after is not None and all(after.quote != e.quote for e in chosen):
                chosen = [chosen[0], after, *chosen[1:]][:limit]
        rng = range_of(plan)
        # A risk/incident question is covered when a section of that kind is in range, whatever
        # words it uses ("故障" vs "Incidents"): the heading classifier already knows both.
        kind_match = plan.intent in ("risks", "incidents") and any(h.kind == plan.intent for h in hits)
        answerable = bool(chosen) and (kind_match or max(best, strength) >= self.min_coverage)
        if answerable and plan.asked:
            # "同城多活改造的预算是多少？": lines naming the project are not an answer about its budget.
            # (plan.asked is already without the intent's own words: "状态" asks for any of its lines.)
            asked = {t: w for t, w in weights.items() if t in asked_terms(plan)}
            said = top.quote if top is not None else ""
            answerable = not asked or coverage(said, asked, plan.synonyms) >= self.min_coverage
        if answerable and plan.intent == "metrics" and unreported(plan):
            # "How much money did the Foundation allocate…": a figure of something no report names.
            answerable = False
        if answerable and plan.intent == "metrics" and not plan.project_names:
            # "基础架构与SRE组今年的人力预算是多少？": the team's name is in every report's title; what is
            # asked of it is the rest, and the line must speak to that.
            titled = title_terms(hits, sources)
            rest = {t: w for t, w in weights.items() if t not in titled}
            said = top.quote if top is not None else ""
            if rest and len(rest) < len(weights) and coverage(said, rest, plan.synonyms) < self.min_coverage:
                answerable = False
        if (
            not answerable
            and (plan.intent == "changes" or (plan.intent == "free" and not plan.subject))
            and plan.since is not None
            and plan.since == plan.until
        ):
            # "最新一期周志有什么变化？", "What happened in Weeknote 33?": one report asked for and
            # nothing about it in particular; what changed is what it says happened.
            events = self.events(hits, [], sources)
            if len(events) >= MIN_EVENTS and events[0].citations:
                text = say("from_reports", plan.lang, range=rng, text=events[0].citations[0].quote)
                return Answer(
                    answer=text,
                    points=events,
                    citations=unique_citations(c for p in events for c in p.citations),
                    engine=self.name,
                    plan=plan.public(),
                )
        points = [_point(e) for e in chosen or closest]
        if answerable:
            points += self.details(plan, hits, points, sources, weights, headline(chosen, plan.lang))
        citations = unique_citations(c for p in points for c in p.citations)
        if not hits:
            # An empty range is not an empty index: say which one the user hit ("第15期" included).
            asked_for = rng or (f"（{plan.time_text}）" if plan.lang == "zh" else f" ({plan.time_text})")
            empty = (
                say("no_reports_in_range", plan.lang, range=asked_for)
                if rng or plan.time_text
                else say("no_reports", plan.lang)
            )
            return Answer(answer=empty, answerable=False, engine=self.name, plan=plan.public())
        if not answerable:
            return Answer(
                answer=say("not_covered", plan.lang, range=rng),
                points=points,
                citations=citations,
                answerable=False,
                engine=self.name,
                plan=plan.public(),
            )
        answer = say("from_reports", plan.lang, range=rng, text=headline(chosen, plan.lang))
        if ledger_headline:
            answer = f"{ledger_headline} {answer}"
        return Answer(answer=answer, points=points, citations=citations, engine=self.name, plan=plan.public())


_LABEL_VALUE = re.compile(r"^[^:：。.!?]{1,24}[:：]\s*[^:：。!?]{0,40}$")


def fragment(quote: str) -> bool:
    """A label and its value ("Status: At risk", "负责人: 谭悦"), a table row or a few words: no
    sentence on its own, it needs to say what it is about."""
    return " | " in quote or len(quote) < 24 or bool(_LABEL_VALUE.match(quote))


def headline(chosen: list[Evidence], lang: str) -> str:
    """The answer's first sentence: the best line that reads as a sentence when one covers the
    question nearly as well as the best; otherwise the best line, said of what it is about
    ("Goal: Sparse registry ... — Status: At risk") and a table row as "label: cells"."""
    best = chosen[0]
    sentence = next(
        (e for e in chosen if not fragment(e.quote) and e.coverage >= best.coverage - SENTENCE_SLACK), None
    )
    if sentence is not None:
        return sentence.quote
    quote = best.quote
    if " | " in quote:
        label, *cells = [c for c in quote.split(" | ") if c]
        quote = f"{label}: {('、' if lang == 'zh' else ', ').join(cells)}" if cells else label
    about = (best.section or best.hit.section).split(" > ")[-1].strip()
    if about and plain_key(about) not in plain_key(quote):
        return f"{about} — {quote}"
    return quote


_NOW = re.compile(
    r"现在|目前|当前|如今|最新|眼下|\b(?:now|currently|current|latest|these days|at the moment)\b", re.I
)


def asks_now(question: str) -> bool:
    """ "qt-migrate 现在怎么样了？", "what is the current status of X?": where a thing stands now is in
    the newest report that speaks of it; older lines saying as much are history."""
    return bool(_NOW.search(question))


def asked_terms(plan: QuestionPlan) -> set[str]:
    """What the question asks about its linked project, without the project's own name: the
    planner removes the name as the question writes it, and a name written shorter or longer
    ("async closures" of "Stabilize async closures") leaves words that every line of the
    project holds, so the line naming the project would pass for an answer about its budget."""
    named = {t for name in plan.project_names for t in tokenize(name)}
    return set(tokenize(plan.asked)) - named


def unreported(plan: QuestionPlan) -> set[str]:
    """Latin words of the question's subject that no report of the index contains ("money",
    "dollars"): a figure asked of them is one the reports do not hold. Han terms are left out:
    an unseen bigram is as often a seam of the question's cutting or a translation of an
    English report's word as a thing none reports."""
    return {t for t in tokenize(plan.subject) if t in plan.unseen and t.isascii() and t.isalpha()}


def around_quote(lines: ReportLines, citation: Citation) -> tuple[int, str] | None:
    """(line, sentence) holding a cited clause that is only part of it: the ledger quotes "全量目标改为
    11月底" and the same sentence says why ("但双11封网期间不能全量，大促后还要观察一周，…")."""
    number = citation.lines[1]
    quote = fold_space(citation.quote)
    for sentence in clauses(plain_line(lines.get(number, ""))):
        if quote in fold_space(sentence) and len(sentence) >= len(citation.quote) + MIN_CONTEXT_CHARS:
            return number, sentence
    return None


# Lines at the top of a report that hold its title (front matter, a heading, a subject line).
HEAD_LINES = 6


def title_terms(hits: list[Hit], sources: Sources) -> set[str]:
    """Terms at the top of every report the passages come from (two or more): the team's or the
    series' own name, which every line of those reports stands under."""
    heads = []
    for report in {h.report for h in hits}:
        top = [t for _, t in sorted(sources.get(report, {}).items()) if t.strip()][:HEAD_LINES]
        heads.append(set(tokenize(" ".join(plain_line(t) for t in top))))
    return set.intersection(*heads) if len(heads) >= 2 else set()


def missed_day(question: str, hits: list[Hit]) -> date | None:
    """The first day a "why" question names ("为什么没能按 8/16 冻结？", "why did it move from
    mid-March?"), read against the newest passage's report date; None when it names none."""
    dated = [h.date for h in hits if h.date]
    if not dated:
        return None
    try:
        ref = date.fromisoformat(max(dated)[:10])
    except ValueError:
        return None
    found = find_dates(question, ref, "past")
    return found[0].value if found else None


def weights_of(plan: QuestionPlan) -> dict[str, float]:
    """The question's term weights (IDF in this index, else 1 each)."""
    return plan.term_weights or query_weights(plan.terms or plan.query)


def row_subject(plan: QuestionPlan, weights: dict[str, float]) -> dict[str, float]:
    """What a table row's label must name to be quoted: the linked project's names, else the
    subject of a question about one thing (status, free); empty (any row) otherwise: "哪些项目有风险"
    lists rows, and an incident table's rows are labelled by date."""
    if plan.project_names:
        return {t: 1.0 for name in plan.project_names for t in tokenize(name)}
    return named_subject(plan, weights) if plan.intent in ("status", "free") else {}


def named_subject(plan: QuestionPlan, weights: dict[str, float]) -> dict[str, float]:
    """The question's subject when it carries the question (a name the ledger did not link:
    "离线同步（Offline sync）是什么时候上线的"); empty when it is a minor part or there is none.
    Terms no report contains name nothing a line could be about, so they are left out here (they
    still count against answering: "预算" no report mentions)."""
    wanted = set(tokenize(plan.subject)) - plan.unseen
    subject = {t: w for t, w in weights.items() if t in wanted}
    return subject if sum(subject.values()) >= SUBJECT_SHARE * sum(weights.values()) else {}


def held_by(hits: list[Hit], subject: dict[str, float], synonyms: Synonyms) -> dict[str, float]:
    """The subject's terms that some passage holds. The reports may name the thing in other words
    than the question ("O2降本" asked, "O2 计算资源成本下降" written): a term no passage holds
    is one no line could be about, and demanding it kept only the lines that share the question's
    other, common words ("目标") and dropped the block that answers."""
    held = {t: w for t, w in subject.items() if any(hit_coverage(h, {t: w}, synonyms) for h in hits)}
    return held if held else subject


def _reasons_first(
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


def _prefer_kind(hits: list[Hit], intent: str) -> list[Hit]:
    """For risk/incident questions, chunks from sections of that kind come first (stable)."""
    if intent not in ("risks", "incidents"):
        return hits
    return sorted(hits, key=lambda h: 0 if h.kind == intent else 1)


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


def _point(evidence: Evidence) -> Point:
    leaf = (evidence.section or evidence.hit.section).split(" > ")[-1]
    return Point(text=f"{evidence.hit.week} {leaf}: {evidence.quote}", citations=[evidence.citation()])


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
