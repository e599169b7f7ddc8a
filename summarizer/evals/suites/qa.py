"""Q&A suite: every gold question through the real `ask` pipeline with the chosen engine.

Hard gates here are the promises `ask` makes to every caller whatever the engine: the answer is
schema-valid and every citation it shows verifies against the report on disk. Softer quality
(must-mention terms, knowing when the reports cannot answer) gates against the baseline.
"""

from __future__ import annotations

import time

from pydantic import ValidationError

from index.schemas import Citation
from index.tokens import count_tokens
from summarizer.evals.context import EvalContext
from summarizer.evals.datasets import QuestionCase
from summarizer.evals.metrics import mean, missing_mentions, p50, p95, ratio
from summarizer.evals.result import SuiteResult
from summarizer.llm.errors import ReplayMissError
from summarizer.schemas import Answer

# Gold intents the ledger covers (the must-mention target is measured on these).
LEDGER_INTENTS = ("slips", "incidents", "status", "metrics", "changes")


def shown_citations(answer: Answer) -> list[Citation]:
    """Every citation a reader would see: the answer's own and each point's."""
    return [*answer.citations, *(c for point in answer.points for c in point.citations)]


def answer_text(answer: Answer) -> str:
    return "\n".join([answer.answer, *(point.text for point in answer.points)])


def schema_valid(answer: object) -> bool:
    """The answer is an `Answer` whose JSON validates back into an equal `Answer`."""
    if not isinstance(answer, Answer):
        return False
    try:
        return Answer.model_validate_json(answer.model_dump_json(by_alias=True)) == answer
    except ValidationError:
        return False


def prompt_tokens(ctx: EvalContext, q: QuestionCase) -> int:
    """Tokens the engine is given: an LLM engine's packed prompt (schema included), or for local
    the question plus the retrieved passages it reads."""
    if ctx.llm_prompt_tokens is not None:
        sent = ctx.llm_prompt_tokens(q)
        if sent is not None:
            return sent
    if ctx.planned is None and ctx.search is None:
        return count_tokens(q.question)
    context = "\n\n".join(getattr(h, "text", "") for h in ctx.hits(q.question, ctx.prompt_mode))
    return count_tokens(f"{q.question}\n\n{context}")


def top_passage_holds(ctx: EvalContext, q: QuestionCase) -> bool:
    """The first passage the engine read holds every must-mention term (the zoo's measure too)."""
    if ctx.planned is None and ctx.search is None:
        return False
    hits = ctx.hits(q.question, ctx.prompt_mode)
    return bool(hits) and not missing_mentions(getattr(hits[0], "text", ""), q.must_mention)


def _cassette_miss(exc: Exception) -> bool:
    return "cassette" in type(exc).__name__.lower() or "cassette" in str(exc).lower()


def run(ctx: EvalContext) -> SuiteResult:
    result = SuiteResult("qa")
    if ctx.answer is None:
        result.unavailable = ctx.unavailable.get("qa", "no ask pipeline")
        return result
    questions = ctx.data.questions
    result.cases = len(questions)
    valid = shown = verified = dropped = misses = 0
    mentions: list[float] = []
    ledger_mentions: list[float] = []
    unanswerable_ok: list[float] = []
    answerable_ok: list[float] = []
    latencies: list[float] = []
    tokens: list[float] = []
    refused_with_answer = 0
    for q in questions:
        started = time.perf_counter()
        try:
            answer = ctx.answer(q)
        except Exception as exc:  # one failing question is a listed case, not a crashed eval
            misses += isinstance(exc, ReplayMissError)
            result.fail(q.id, f"error: {type(exc).__name__}: {exc}")
            mentions.append(0.0)
            (answerable_ok if q.answerable else unanswerable_ok).append(0.0)
            continue
        latencies.append((time.perf_counter() - started) * 1000)
        if not isinstance(answer, Answer):
            result.fail(q.id, f"engine returned {type(answer).__name__}, not an Answer")
            continue
        tokens.append(float(prompt_tokens(ctx, q)))
        result.details[q.id] = {
            "intent": q.intent,
            "planned_intent": answer.plan.intent,
            "answerable": answer.answerable,
            "latency_ms": round(latencies[-1], 1),
            "prompt_tokens": int(tokens[-1]),
            "citations": len(shown_citations(answer)),
            "dropped_citations": answer.dropped_citations,
        }
        if schema_valid(answer):
            valid += 1
        else:
            result.fail(q.id, "answer is not a schema-valid Answer")
        citations = shown_citations(answer)
        bad = [c for c in citations if not ctx.verifier.check(c)]
        shown += len(citations)
        verified += len(citations) - len(bad)
        dropped += answer.dropped_citations
        for c in bad:
            result.fail(
                q.id, f"citation does not verify: {c.report}:{c.lines[0]}-{c.lines[1]} '{c.quote[:40]}'"
            )
        if q.answerable:
            answerable_ok.append(float(answer.answerable))
            if not answer.answerable:
                holds = top_passage_holds(ctx, q)
                refused_with_answer += holds
                result.fail(
                    q.id,
                    "said unanswerable, but the reports answer it"
                    + (" (the top passage holds the answer)" if holds else ""),
                )
            missing = missing_mentions(answer_text(answer), q.must_mention)
            mentions.append(1.0 - len(missing) / len(q.must_mention) if q.must_mention else 1.0)
            if q.intent in LEDGER_INTENTS:
                ledger_mentions.append(mentions[-1])
            if missing:
                result.fail(q.id, f"missing mention: {', '.join(missing)}")
        else:
            unanswerable_ok.append(float(not answer.answerable))
            if answer.answerable:
                result.fail(q.id, "answered a question the reports cannot answer")
    result.add("schema_validity", ratio(valid, len(questions)), gate="hard", target=1.0)
    result.add("citation_validity", ratio(verified, shown), gate="hard", target=1.0)
    if ctx.engine == "replay":
        result.add("cassette_misses", misses, gate="hard", higher_is_better=False, target=0.0)
    result.add("must_mention", mean(mentions))
    result.add("must_mention.ledger_intents", mean(ledger_mentions))
    result.add("unanswerable_accuracy", mean(unanswerable_ok))
    result.add("answerable_accuracy", mean(answerable_ok))
    # A refusal with the answer in the engine's own top passage is the engine's fault, not retrieval's.
    result.add("refused_with_answer", refused_with_answer, gate="hard", higher_is_better=False, target=0.0)
    result.add("citations_shown", shown, gate="info")
    result.add("dropped_citations", dropped, gate="info", higher_is_better=False)
    result.add("latency_p50", p50(latencies), gate="info", higher_is_better=False, unit="ms")
    result.add("prompt_tokens_p50", p50(tokens), gate="info", higher_is_better=False, unit="tok")
    result.add("prompt_tokens_p95", p95(tokens), gate="info", higher_is_better=False, unit="tok")
    if ctx.corpus_tokens is not None:
        corpus, chunks = ctx.corpus_tokens()
        result.add("whole_corpus_tokens", corpus, gate="info", higher_is_better=False, unit="tok")
        result.notes.append(
            f"whole_corpus_tokens: every one of the index's {chunks} chunks in one prompt, the cost of"
            " skipping retrieval and the ledger"
        )
    if ctx.engine == "replay":
        stats = ctx.replay_stats() if ctx.replay_stats is not None else None
        served = (
            f" ({stats.handwritten_hits} of {stats.hits} replies served were hand-written)" if stats else ""
        )
        result.notes.append(
            "replay: answers come from cassettes through the real openai client over HTTP; hand-written"
            f" cassettes exercise the pipeline, not a model{served}"
        )
    if ctx.llm_prompt_tokens is not None:
        result.notes.append(
            f"prompt tokens: the {ctx.engine} engine's packed ask prompt (cl100k estimate, schema included)"
        )
    elif ctx.engine == "local":
        result.notes.append(
            f"prompt tokens: local engine, counted as question + {ctx.prompt_mode} retrieved passages"
        )
    return result
