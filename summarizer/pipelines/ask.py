"""`ask`: plan -> facts -> retrieve -> engine -> tidy -> verify, each stage once per question.

The pipeline owns verification: whatever the engine, a citation whose quote is not found in the
cited lines of the report file is dropped and counted, so `dropped_citations` is the honest
measure of an engine's grounding.

With a `fallback` engine, an LLM engine that fails after its retries (any typed LLM error but a
missing key) hands the same context to the fallback, and the answer says so in its notes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from index.lexical import tokenize
from index.retrieve import Hit
from index.schemas import Citation, series_of
from index.text.cjk import has_han
from index.text.normalise import strip_inline
from index.verify import Verifier
from summarizer import facts as ledger_facts
from summarizer import planning
from summarizer.engines import AskContext, Engine, EngineOptions, Passage, get_engine
from summarizer.engines.base import ReportLines
from summarizer.engines.local.extractive import coverage
from summarizer.errors import ConfigError
from summarizer.facts import Facts
from summarizer.facts.phrases import say
from summarizer.llm.errors import LLMError, MissingKeyError
from summarizer.llm.results import Spend
from summarizer.question import QuestionPlan
from summarizer.schemas import Answer, Point
from summarizer.workspace import Workspace

if TYPE_CHECKING:
    from summarizer.engines.openai_engine import Estimate

log = logging.getLogger(__name__)

SearchMode = Literal["hybrid", "dense", "lexical"]

# Section kinds (index/classify.py) whose sections answer an intent; retrieval favours them.
INTENT_KINDS: dict[str, tuple[str, ...]] = {
    "incidents": ("incidents",),
    "risks": ("risks",),
    "metrics": ("metrics",),
    "slips": ("projects",),
    "status": ("projects",),
    "changes": ("projects",),
}

# Share of the question's weight its subject must carry before a ledger answer that never mentions
# the subject is set aside ("双活改造为什么两次延期" is about 双活改造; in "which P1 incidents did we
# have, and were postmortems done?" the incidents are the point and "done" rides along).
SUBJECT_SHARE = 0.5
# Share of a subject's weight one fact (the headline or a point) must cover to be about it.
SUBJECT_COVERAGE = 0.5

# Share of the k passages ledger evidence may take; the rest come from search, which finds the
# reasons, notes and wording around the facts that the ledger does not extract.
LEDGER_SHARE = 0.75


@dataclass
class AskResult:
    """The verified answer and the context the engine read (for `--show-context` and evals)."""

    answer: Answer
    context: AskContext
    usage: Spend | None = None
    """What the engine's model calls cost (None for an engine that makes none)."""
    failure: LLMError | None = None
    """The error the LLM engine failed with when the fallback engine answered instead."""


def ask(
    question: str,
    workspace: Workspace,
    *,
    engine: str | Engine | None = None,
    k: int | None = None,
    since: str | None = None,
    until: str | None = None,
    fallback: str | None = None,
    options: EngineOptions | None = None,
    series: str | None = None,
    show_all: bool = False,
) -> AskResult:
    """Answer a question over the workspace's index with verified citations.

    `engine` is a name (the engine is built and closed here) or an engine the caller owns;
    `series` scopes the question to one team, `show_all` lists every item of a list answer.
    """
    owned = engine is None or isinstance(engine, str)
    chosen: Engine = (
        get_engine(_name(engine, workspace), workspace.settings, options)
        if engine is None or isinstance(engine, str)
        else engine
    )
    try:
        with workspace.reading():  # one state of the index for the whole question, even mid-ingest
            context = prepare(
                question,
                workspace,
                k or workspace.settings.top_k,
                since,
                until,
                series=series,
                show_all=show_all,
            )
        failure = None
        try:
            answer = chosen.answer(context)
        except LLMError as error:
            if fallback is None or isinstance(error, MissingKeyError):
                raise
            log.warning("%s engine failed (%s); answering with the %s engine", chosen.name, error, fallback)
            failure = error
            answer = _fallback_answer(fallback, workspace, context, f"{chosen.name} engine failed: {error}")
        result = verify(tidy(reports_end_before(answer, context.plan)), workspace.verifier)
        return AskResult(result, context, chosen.usage(), failure)
    finally:
        if owned:
            chosen.close()


def reports_end_before(answer: Answer, plan: QuestionPlan) -> Answer:
    """An answer about how something went on a day after the last report is no answer, whichever
    engine wrote it: it can only tell what was planned. It says so first and keeps what the
    reports last said, marked as not answering the question."""
    if plan.outcome_after is None or not answer.answerable:
        return answer
    day, last = plan.outcome_after
    note = say("reports_end_before", plan.lang, day=day.isoformat(), last=last.isoformat())
    return answer.model_copy(update={"answer": f"{note} {answer.answer}", "answerable": False})


def _name(engine: str | None, workspace: Workspace) -> str:
    return engine or workspace.settings.resolved_engine


def open_engine(workspace: Workspace, engine: str | None = None) -> Engine:
    """An engine the caller keeps across questions and closes (`serve`: one per server, so the
    replay engine starts its server once, not per question)."""
    return get_engine(_name(engine, workspace), workspace.settings)


def _fallback_answer(name: str, workspace: Workspace, context: AskContext, why: str) -> Answer:
    backup = get_engine(name, workspace.settings)
    try:
        answer = backup.answer(context)
    finally:
        backup.close()
    note = f"{why}; answered by the {backup.name} engine instead (--fallback {name})"
    return answer.model_copy(update={"notes": [note, *answer.notes]})


def estimate(
    question: str,
    workspace: Workspace,
    *,
    engine: str | None = None,
    k: int | None = None,
    since: str | None = None,
    until: str | None = None,
    series: str | None = None,
    show_all: bool = False,
) -> Estimate:
    """The request an LLM engine would send for this question, sized and priced, without sending it."""
    from summarizer.engines.openai_engine import OpenAIEngine  # the openai SDK only when asked for

    chosen = get_engine(_name(engine, workspace), workspace.settings)
    try:
        if not isinstance(chosen, OpenAIEngine):
            raise ConfigError(
                f"the {chosen.name} engine makes no model call, so there is nothing to estimate:"
                " pass --engine openai"
            )
        k = k or workspace.settings.top_k
        return chosen.estimate(
            prepare(question, workspace, k, since, until, series=series, show_all=show_all)
        )
    finally:
        chosen.close()


def prepare(
    question: str,
    workspace: Workspace,
    k: int,
    since: str | None = None,
    until: str | None = None,
    *,
    series: str | None = None,
    show_all: bool = False,
) -> AskContext:
    """Plan, look up the ledger's facts and retrieve, once each; read the cited reports' lines."""
    ledger = workspace.ledger_or_none
    plan = planning.plan(
        question, workspace.retriever, ledger, since, until, series=series, show_all=show_all
    )
    # Every slip of every project is no answer to "why did 双活改造 slip?": its own facts are, or
    # the passages.
    facts = fit_to_subject(plan, ledger_facts.lookup(plan, ledger))
    hits = retrieve(plan, facts, workspace, k)
    passages = [Passage(f"P{rank}", hit) for rank, hit in enumerate(hits, start=1)]
    reports = dict.fromkeys([h.report for h in hits] + [c.report for c in facts.citations()])
    sources: dict[str, ReportLines] = {r: workspace.verifier.lines(r) or {} for r in reports}
    return AskContext(question, plan, passages, facts, sources)


def fit_to_subject(plan: QuestionPlan, facts: Facts) -> Facts:
    """The ledger's facts narrowed to what the question is about, judged once for every engine.

    A linked project's facts, a named metric's trend ("注册数（signups）的走势": the gloss is no
    subject of its own), a generic question's list and facts whose subject is a minor part of
    the question stand as they are. Otherwise the points must cover the question's subject
    (its terms beyond the intent's vocabulary): those that do are the answer ("why did offline
    sync slip?" is about that one project of a slip list), and with none the ledger is silent
    (found False: the passages answer, or nothing does).
    """
    if (
        not (facts.found and facts.points and facts.headline)
        or plan.projects
        or plan.metrics
        or not plan.subject
        # "哪个需求已经过了目标日期还没做完？": which of a kind (overdue, launched, stuck), whose
        # other words restate the kind, not a subject the list must cover
        or (plan.asks_which and plan.wants)
    ):
        return facts
    wanted = set(tokenize(plan.subject))
    if plan.intent in ("incidents", "risks") and _all_english(plan, facts):
        # "五月份网站出过什么故障？" of an English team's reports: its incidents never write "网站";
        # the Chinese words are no subject the English lines can be held to. (A project asked of by
        # its Chinese name, "搜索迁移是什么时候完成的", still needs its own lines: the passages.)
        wanted = {t for t in wanted if not has_han(t)}
    subject = {t: w for t, w in plan.term_weights.items() if t in wanted}
    total = sum(plan.term_weights.values())
    if not subject or not total or sum(subject.values()) < SUBJECT_SHARE * total:
        return facts

    def covered(text: str) -> bool:
        return coverage(text, subject, plan.synonyms) >= SUBJECT_COVERAGE

    about = [p for p in facts.points if covered(" ".join([p.text, *(c.quote for c in p.citations)]))]
    if len(facts.points) == 1 and not about and covered(facts.headline):
        return facts  # one fact: its headline may name what the point does not
    if not about:
        # "3月下旬自动化系统出过什么故障？" of one team: when none of its incidents in the period the
        # question gives says its other words, they are its system's (w45-e: no line writes
        # "自动化系统"), and those incidents are the answer; one that says them is narrowed to
        if plan.intent == "incidents" and plan.series is not None and _ranged(plan):
            return facts
        return Facts(found=False)
    if len(about) == len(facts.points):
        return facts
    # A list's headline counts every item; the question asked about these.
    return Facts(about[0].text, about, [p.citations[-1] for p in about if p.citations])


def _ranged(plan: QuestionPlan) -> bool:
    """The question gives a period of its own ("3月下旬", "in May")."""
    return bool(plan.time_text) and (plan.since is not None or plan.days is not None)


def _all_english(plan: QuestionPlan, facts: Facts) -> bool:
    """Every series the facts cite is written in English."""
    series = {series_of(c.report) for c in facts.citations()}
    return bool(series) and all(plan.series_langs.get(s) == "en" for s in series)


def speaks_to(plan: QuestionPlan, facts: Facts) -> bool:
    """True when some of the ledger's facts are about what the question asks."""
    return fit_to_subject(plan, facts).found


def search_mode(workspace: Workspace) -> SearchMode:
    """The configured ranker (`search_mode`, default dense).

    Chosen on the eval's planned_* rows, the search as `ask` runs it: dense led hybrid on
    evidence recall@8 (0.747 vs 0.742), MRR (0.689 vs 0.675) and top-5 (0.891 vs 0.870), and
    answers mentioned more gold terms (0.878 vs 0.867); hybrid ranked the first gold passage
    higher end to end (MRR 0.855 vs 0.830). Hybrid stays one setting away for corpora where
    exact identifiers (ticket ids, codes) matter more than wording.
    """
    return workspace.settings.search_mode


def retrieve(plan: QuestionPlan, facts: Facts, workspace: Workspace, k: int) -> list[Hit]:
    """The passages an engine reads: the ledger's evidence for the answer first, then search.

    For "which projects slipped?" the evidence is spread over many weeks and no ranking of
    passages by similarity to the question reaches all of it; the ledger already knows which
    lines say each slip, so those sections come first and search fills the remaining places.
    """
    searched = search(plan, workspace, k)
    chosen: dict[str, Hit] = {}
    retriever = workspace.retriever
    for citation in facts.evidence_order():
        if len(chosen) >= max(1, int(k * LEDGER_SHARE)):
            break
        if plan.reports is not None and citation.report not in plan.reports:
            continue  # the plan reads these reports only ("第4期", a monthly series' October)
        for hit in retriever.chunks_covering(citation.report, citation.lines):
            if len(chosen) >= max(1, int(k * LEDGER_SHARE)):
                break
            chosen.setdefault(hit.chunk_id, hit)
    for hit in searched:
        if len(chosen) >= k:
            break
        chosen.setdefault(hit.chunk_id, hit)
    return list(chosen.values())


def search(plan: QuestionPlan, workspace: Workspace, k: int, mode: SearchMode | None = None) -> list[Hit]:
    """The search half of `retrieve`: the plan's query, time range, series and section kinds."""
    return workspace.retriever.search(
        plan.query,
        k=k,
        since=plan.since,
        until=plan.until,
        mode=mode or search_mode(workspace),
        lexical_query=plan.terms,
        reports=plan.reports,
        prefer_kinds=INTENT_KINDS.get(plan.intent),
    )


def tidy(result: Answer) -> Answer:
    """The answer as text a reader reads: no HTML, Markdown links or emphasis markers in the answer,
    its points or their quotes, whichever engine wrote them. The verifier reads report lines the
    same way (index/text/normalise.py), so a quote without markup still verifies."""

    def clean(citations: list[Citation]) -> list[Citation]:
        return [c.model_copy(update={"quote": strip_inline(c.quote) or c.quote}) for c in citations]

    points = [
        p.model_copy(update={"text": strip_inline(p.text), "citations": clean(p.citations)})
        for p in result.points
    ]
    return result.model_copy(
        update={"answer": strip_inline(result.answer), "points": points, "citations": clean(result.citations)}
    )


def verify(result: Answer, verifier: Verifier) -> Answer:
    """Drop citations that do not verify (in points and at top level) and count them."""
    dropped = 0
    points: list[Point] = []
    for point in result.points:
        kept, lost = verifier.filter(point.citations)
        dropped += lost
        points.append(point.model_copy(update={"citations": kept}))
    citations, lost = verifier.filter(result.citations)
    dropped += lost
    return result.model_copy(
        update={
            "points": points,
            "citations": citations,
            "dropped_citations": result.dropped_citations + dropped,
        }
    )
