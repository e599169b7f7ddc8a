"""Q&A figures over evals/datasets/questions.yaml: retrieval recall per mode, must-mention,
unanswerable flagging and citation verification, for tuning `ask` on the eval.

Retrieval runs as the product runs it (the planner's query and time range), once per mode, so
the hybrid default is kept only if it wins. Run: `python -m evals.ask_check [--index DIR]`.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import yaml

DATASET = Path(__file__).parent / "datasets" / "questions.yaml"
LEDGER_INTENTS = ("slips", "incidents", "status", "metrics", "changes")
MODES = ("dense", "lexical", "hybrid")


def load_questions(path: Path = DATASET) -> list[dict[str, Any]]:
    return list(yaml.safe_load(path.read_text(encoding="utf-8")) or [])


def gold_matches(hit: Any, gold: dict[str, str]) -> bool:
    """Same report (gold paths are relative to the corpus root) and the gold section in its path."""
    report = hit.report.replace("\\", "/")
    return (report == gold["report"] or report.endswith("/" + gold["report"])) and any(
        gold["section"] in section for section in hit.sections
    )


def mention_rate(answer: Any, must: list[str]) -> float:
    text = " ".join([answer.answer, *(p.text for p in answer.points)]).casefold()
    return sum(1 for m in must if str(m).casefold() in text) / len(must) if must else 1.0


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def run(workspace: Any, k: int = 8, questions: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """All figures as one dict (plus per-question rows under "cases")."""
    from summarizer.pipelines.ask import answer, make_plan

    questions = questions if questions is not None else load_questions()
    recall: dict[str, list[float]] = {mode: [] for mode in MODES}
    mentions, ledger_mentions, flagged, false_flags, latencies = [], [], [], [], []
    shown = dropped = 0
    cases = []
    for q in questions:
        plan = make_plan(q["question"], workspace)
        gold = q.get("gold_evidence") or []
        row: dict[str, Any] = {"id": q["id"], "intent": plan.plan.intent, "gold_intent": q.get("intent")}
        if q.get("answerable", True) and gold:
            for mode in MODES:
                hits = workspace.retriever.search(
                    plan.query, k=k, since=plan.since, until=plan.until, mode=mode, lexical_query=plan.terms
                )
                found = sum(1 for g in gold if any(gold_matches(h, g) for h in hits))
                recall[mode].append(found / len(gold))
                row[f"recall.{mode}"] = found / len(gold)
        started = time.perf_counter()
        result = answer(q["question"], workspace, k=k)
        latencies.append(time.perf_counter() - started)
        citations = {(c.report, c.lines, c.quote) for c in result.citations} | {
            (c.report, c.lines, c.quote) for p in result.points for c in p.citations
        }
        shown += len(citations)
        dropped += result.dropped_citations
        row.update(answerable=result.answerable, dropped=result.dropped_citations)
        if q.get("answerable", True):
            rate = mention_rate(result, q.get("must_mention") or [])
            mentions.append(rate)
            if q.get("intent") in LEDGER_INTENTS:
                ledger_mentions.append(rate)
            false_flags.append(0.0 if result.answerable else 1.0)
            row["mention"] = rate
        else:
            flagged.append(0.0 if result.answerable else 1.0)
        cases.append(row)
    latencies.sort()
    return {
        "questions": len(questions),
        **{f"recall@{k}.{mode}": _mean(values) for mode, values in recall.items()},
        "must_mention": _mean(mentions),
        "must_mention.ledger_intents": _mean(ledger_mentions),
        "unanswerable_flagged": _mean(flagged),
        "answerable_flagged_unanswerable": _mean(false_flags),
        "citations_verified": shown / (shown + dropped) if shown + dropped else 1.0,
        "citations_shown": shown,
        "p50_ms": 1000 * latencies[len(latencies) // 2] if latencies else 0.0,
        "cases": cases,
    }


def print_table(figures: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("metric", "value", title=f"ask · {figures['questions']} questions")
    for key, value in figures.items():
        if key in ("cases", "questions"):
            continue
        table.add_row(key, f"{value:.3f}" if isinstance(value, float) else str(value))
    Console().print(table)


def main(argv: list[str]) -> int:
    from summarizer.config import load_settings
    from summarizer.workspace import Workspace

    home = argv[argv.index("--index") + 1] if "--index" in argv else None
    workspace = Workspace(load_settings(overrides={"home": home}))
    figures = run(workspace)
    if "--cases" in argv:
        for case in figures["cases"]:
            print(case)
    print_table(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
