"""Retrieval suite: evidence recall@k and MRR on gold sections, dense vs lexical vs hybrid.

The modes run side by side on the same questions so a change that helps one side and hurts the
fused ranking shows up as such. dense/lexical/hybrid search the raw question with no time filter
(ranking alone); planned_<mode> searches the way `ask` does (the plan's query, week range,
series and section kinds) with one ranker; "planned" is everything `ask` hands the engine,
the ledger's evidence first. Only answerable questions with gold evidence count.
"""

from __future__ import annotations

from summarizer.evals.context import EvalContext
from summarizer.evals.metrics import hit_at_k, hit_matches, mean, recall_at_k, reciprocal_rank
from summarizer.evals.result import SuiteResult

MODES = ("dense", "lexical", "hybrid")
# "Top-5 contains a gold section": the foundation issue's figure for the embedder.
HIT_K = 5


def run(ctx: EvalContext) -> SuiteResult:
    result = SuiteResult("retrieval")
    if ctx.search is None:
        result.unavailable = ctx.unavailable.get("retrieval", "no retriever")
        return result
    cases = [q for q in ctx.data.questions if q.answerable and q.gold_evidence]
    result.cases = len(cases)
    listed = ctx.prompt_mode  # the mode the product uses: its misses are listed per case
    modes = list(MODES)
    if ctx.planned_search is not None:
        modes += [f"planned_{mode}" for mode in MODES]
    if ctx.planned is not None:
        modes.append("planned")
    for mode in modes:
        recalls: list[float] = []
        ranks: list[float] = []
        top5: list[float] = []
        try:
            for q in cases:
                gold = [(ev.report, ev.section) for ev in q.gold_evidence]
                hits = ctx.hits(q.question, mode)
                recall = recall_at_k(hits, gold, ctx.k)
                rank = reciprocal_rank(hits, gold, ctx.k)
                recalls.append(recall)
                ranks.append(rank)
                top5.append(hit_at_k(hits, gold, HIT_K))
                result.details.setdefault(q.id, {})[mode] = {"recall": round(recall, 3), "rr": round(rank, 3)}
                if mode == listed and recall < 1.0:
                    missed = [g for g in gold if not any(hit_matches(h.report, h.sections, *g) for h in hits)]
                    shown = "; ".join(f"{r} § {s}" for r, s in missed)
                    result.fail(q.id, f"{mode} recall@{ctx.k} {recall:.2f}: missed {shown}")
        except Exception as exc:  # one broken mode (e.g. no lexical index) must not hide the others
            result.notes.append(f"{mode} search failed: {type(exc).__name__}: {exc}")
            continue
        # All modes gate: a broken tokenizer can hide behind a fused ranking that barely moves.
        result.add(f"recall@{ctx.k}.{mode}", mean(recalls))
        result.add(f"mrr.{mode}", mean(ranks))
        result.add(f"hit@{HIT_K}.{mode}", mean(top5))
    return result
