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

from index.lexical import tokenize
from index.retrieve import Hit
from index.schemas import series_of
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
    Sources,
    Synonyms,
    best_evidence,
    coverage,
    following,
    hit_coverage,
    line_section,
    newest_history,
    query_weights,
    says_nothing,
    with_figures,
)
from summarizer.engines.local.glosses import with_glosses
from summarizer.engines.local.points import headline, point
from summarizer.engines.local.reasons import (
    CONTEXT_POINTS,
    MIN_CONTEXT_CHARS,
    reasons,
    reasons_first,
    slip_reasons,
)
from summarizer.engines.local.subject import (
    asked_terms,
    asks_now,
    counted_in,
    held_by,
    main_ask,
    missed_day,
    named_subject,
    row_subject,
    title_terms,
    unreported,
    weights_of,
)
from summarizer.facts.common import range_of, unique_citations
from summarizer.facts.glossary import has_chinese
from summarizer.facts.money import money_asked, states_money
from summarizer.facts.phrases import say
from summarizer.question import QuestionPlan
from summarizer.schemas import Answer, EngineName, Point

# Share of the question's IDF-weighted terms the best passage must contain (tuned on the eval).
MIN_COVERAGE = 0.5
# Free questions show a few lines; summaries and open "what happened" questions show more.
POINTS = {"free": 3, "summary": 6, "risks": 5, "incidents": 5, "metrics": 6}
# Lines added to an incident or risk list from reports the ledger read nothing from.
SILENT_POINTS = 3
# Intents that ask about one thing (a project, a goal): their lines must be about it. Risk,
# incident, metric, change and summary questions read a section kind or a period instead.
ABOUT_ONE = ("status", "free", "slips")
# Ledger answers about events, whose notes beside each event's line carry the report's own
# dates and next steps (details.beside_facts); a "why did it slip" answer has slip_reasons.
BESIDE_INTENTS = ("changes", "status")
# Status lines of one asked-for report that answer "what changed in it?" when its words do not.
MIN_EVENTS = 2


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
            points = facts.points + slip_reasons(plan, facts.points, sources)
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
                points += reasons(hits, facts.subjects, points, sources)
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
        question) from a series the facts cite nothing from: the ledger read none there (a style its
        extractors do not know), the report may still tell one. Series it did read were read with
        the plan's filters (a SEV3 is no answer to "any SEV2?"), so they add nothing to an incident
        list; a risk list of a series it read adds the lines of that series' risk sections it does
        not show yet (an "Ask: headcount…" line, a `风险/求助` item the ledger kept no note of)."""
        if plan.intent not in ("incidents", "risks"):
            return []
        read = {series_of(c.report) for p in shown for c in p.citations}
        said = " ".join([*(p.text for p in shown), *(c.quote for p in shown for c in p.citations)])
        cited: set[str] = set()
        weights = plan.term_weights or query_weights(plan.terms or plan.query)
        out: list[Point] = []
        for hit in hits:
            if hit.report in cited:
                continue
            if series_of(hit.report) in read and not (plan.intent == "risks" and hit.kind == "risks"):
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
                and e.quote not in said
                and (hit.kind == plan.intent or e.coverage >= self.min_coverage)
            ]
            if lines:
                cited.add(hit.report)
                out.append(point(lines[0]))
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
            point(as_evidence(d, line_section(d.hit, sources.get(d.hit.report, {}), d.line))) for d in found
        ]

    def events(self, hits: list[Hit], shown: list[Point], sources: Sources, answer: str = "") -> list[Point]:
        """For "what changed?" about one series: the newest report's own status lines (details.py)."""
        said = " ".join([answer, *(p.text for p in shown)])
        found = report_events(hits, sources, said)
        return [
            point(as_evidence(d, line_section(d.hit, sources.get(d.hit.report, {}), d.line))) for d in found
        ]

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
        return [point(with_figures(e, sources)) for e in fresh[:CONTEXT_POINTS]]

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
            chosen = reasons_first(chosen, hits, weights, limit, sources, plan)
            after = following(chosen[0], sources, MIN_CONTEXT_CHARS)
            if after is not None and all(after.quote != e.quote for e in chosen):
                chosen = [chosen[0], after, *chosen[1:]][:limit]
        rng = range_of(plan)
        # A risk/incident question is covered when a section of that kind is in range, whatever
        # words it uses ("故障" vs "Incidents"): the heading classifier already knows both.
        kind_match = plan.intent in ("risks", "incidents") and any(h.kind == plan.intent for h in hits)
        answerable = bool(chosen) and (kind_match or max(best, strength) >= self.min_coverage)
        first_ask = main_ask(plan.question, weights) if chosen and not answerable else {}
        if first_ask and len(first_ask) < len(weights):
            # Two asks, the second a follow-up in words no line need hold: the first decides.
            answerable = max(hit_coverage(h, first_ask, plan.synonyms) for h in hits) >= self.min_coverage
        if not answerable and top is not None and _asked_in_another_language(plan, top.hit.report):
            # "RDS 自助申请表单为什么被取消了？" of English reports: its Chinese words can stand in no
            # line; whether a line answers is whether it holds the words the reports could write.
            # (an English series writes Latin words; a Chinese one's own are its Han words)
            written = _writable(plan, top.hit.report, weights)
            answerable = bool(written) and coverage(f"{top.section} {top.quote}", written, plan.synonyms) >= (
                self.min_coverage
            )
        asked = _asked_weights(plan, weights)
        if asked and top is not None and _asked_in_another_language(plan, top.hit.report):
            # "档案 LTO 迁移完成了多少资产？" of English reports: what is asked is what they could write.
            asked = _writable(plan, top.hit.report, asked)
        if not answerable and top is not None and plan.project_names and asked:
            # The linked project's own lines, its name written short in the question ("等保整改"):
            # whether they answer is whether they say what is asked of it ("受阻"), not how many
            # of the question's words, name included, they share.
            answerable = _says_asked(chosen, asked, plan.synonyms) >= self.min_coverage
        if not answerable and chosen and not plan.asked and not plan.project_names:
            # "What happened to the regen braking work?" over "## Regen map for M7 motor" in every
            # top passage: the question's subject is that section's, written another way.
            answerable = _one_named_section(
                hits, chosen[0].section, set(tokenize(plan.subject)) & set(weights)
            )
        if answerable and plan.asked:
            # "同城多活改造的预算是多少？": lines naming the project are not an answer about its budget.
            # (plan.asked is already without the intent's own words: "状态" asks for any of its lines.)
            answerable = (
                not asked
                or _says_asked(chosen, asked, plan.synonyms) >= self.min_coverage
                or counted_in(plan.question, [e.quote for e in chosen])
            )
        if answerable and money_asked(plan) and not any(states_money(e.quote) for e in chosen):
            # "嘉定机房迁移的预算花了多少？": the project's lines, none of them an amount of money.
            answerable = False
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
        if not answerable and _one_report_asked(plan):
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
        points = [point(with_figures(e, sources) if answerable else e) for e in chosen or closest]
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


def _says_asked(chosen: list[Evidence], asked: dict[str, float], synonyms: Synonyms) -> float:
    """How well the chosen lines, which the answer shows together, say what is asked of the
    project. Its top line often only names it ("CRM migration (FanLedger to Tallyo): amber") and
    the reason is in the line under it; a TL;DR says "SPv2 结论出来了" and the project's own line
    "实验 4/7 收官": the question's 实验 and 结论 are answered by the two, neither alone."""
    # A word of the heading the lines stand under is said of each ("UHD HDR pilot — Summer Games"
    # over its news, asked as "the UHD HDR pilot for the Summer Games").
    return coverage(" ".join(f"{e.section} {e.quote}" for e in chosen), asked, synonyms)


def _writable(plan: QuestionPlan, report: str, weights: dict[str, float]) -> dict[str, float]:
    """The terms a series in the other language than the question's could write: an English
    series writes Latin words, a Chinese one its Han words; a term no report holds is none."""
    english = plan.series_langs.get(series_of(report)) == "en"
    # "What happened to the 3D scanning PoC …?" of a Chinese series: its lines write the codes
    # (`Block精度管理3D扫描PoC`), which are Latin whatever the language around them
    codes = set() if english else {t for c in _LATIN_CODE.findall(plan.question) for t in tokenize(c)}
    return {
        t: w
        for t, w in weights.items()
        if (t not in plan.unseen and (t.isascii() == english or t in codes))
        or (not english and has_chinese(t))
    }


# A code written into any language's lines: letters with a digit (`3D`, `S4`), capitals (`HQ`, `MES`) or
# a capital inside a word (`PoC`, `iOS`).
_LATIN_CODE = re.compile(
    r"\b[A-Z]-[A-Z][a-z]+\b|"  # (`T-Box`, `E-Mail`: a capital joined to a word)
    r"\b(?=[A-Za-z0-9]*[A-Za-z])(?:[A-Za-z]*\d[A-Za-z\d]*|[A-Z]{2,}[a-z]?|[a-z]*[A-Z][a-z]*[A-Z][A-Za-z]*|[a-z]+[A-Z]\w*)\b"
)


def _asked_weights(plan: QuestionPlan, weights: dict[str, float]) -> dict[str, float]:
    """What the question asks of its linked project, weighted; a term no report writes counts
    against answering ("静安嘉里店的装修总预算": a budget no line states)."""
    terms = asked_terms(plan)
    return {t: w for t, w in weights.items() if t in terms}


def _one_report_asked(plan: QuestionPlan) -> bool:
    """One report asked for and nothing about it in particular: "what happened in Weeknote 33?"
    (one week), or "what changed at the April 1 meeting?", whose range the planner widened back to
    the report before it (the baseline of the change) while the question names one report."""
    if plan.until is None:
        return False
    if plan.intent == "changes":
        return plan.since == plan.until or bool(plan.time_text or plan.label)
    return plan.intent == "free" and not plan.subject and plan.since == plan.until


def _prefer_kind(hits: list[Hit], intent: str) -> list[Hit]:
    """For risk/incident questions, chunks from sections of that kind come first (stable)."""
    if intent not in ("risks", "incidents"):
        return hits
    return sorted(hits, key=lambda h: 0 if h.kind == intent else 1)


# How many of the best passages must sit under the one heading a question's subject names.
AGREEING_HITS = 3


def _one_named_section(hits: list[Hit], top_section: str, subject: set[str]) -> bool:
    """The best passages all sit under one heading, the top answer's, and that heading holds a
    word of the question's subject: retrieval agrees on what the question is about."""
    if len(hits) < AGREEING_HITS or not subject:
        return False
    leaf = top_section.split(" > ")[-1]
    named = set(tokenize(leaf))
    if not named & subject:
        return False
    return all(
        any(set(tokenize(section.split(" > ")[-1])) & named & subject for section in hit.sections)
        for hit in hits[:AGREEING_HITS]
    )


def _asked_in_another_language(plan: QuestionPlan, report: str) -> bool:
    """The question is written in another language than the series of the passage that would
    answer it (an index of many teams writes both)."""
    lang = plan.series_langs.get(series_of(report))
    return lang is not None and lang != plan.lang
