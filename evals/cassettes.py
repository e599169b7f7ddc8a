"""Write the hand-written cassettes: `python -m evals.cassettes` (`make cassettes`).

One command for all of them, over one ingest of the example corpus: the ask cassettes below and
the summary, roll-up and register cassettes (`evals/summary_cassettes.py`).

Replay serves a reply for the exact request the engine sends, keyed by its hash; without a key
for a real model, those replies are written here. For each question in
evals/datasets/questions.yaml the real pipeline prepares the context as `summarizer eval`
does, and the engine sends its real request, through the real openai client, to an author
server on 127.0.0.1. The author answers the way a careful model would from what that request
shows: the local engine's answer text and answerable flag, and its points, each citation given
as the id of a fact line or passage shown in the prompt that holds its quote. A citation of
something the prompt did not show is left out (a model can only cite what it sees), and a
point left without citations goes with it. Every reply must validate on the first attempt.

The keys are those of requests the real client sent, so `summarizer eval --engine replay`
replays every question with zero misses until a change to the prompt, the retrieval or the
ledger changes a request: then run this again and commit the result with that change.
Cassettes recorded from a real model (`summarizer eval --engine openai --record`, marked
`handwritten: false`) are never written or replaced here: a recording outranks these.

These replies exercise the pipeline (request, HTTP, validation, id mapping, verification);
they measure no model, and the eval says so.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evals.author import Author
from evals.extract_cassettes import FILE_NAME as EXTRACT_FILE
from evals.extract_cassettes import write_extract_cassettes
from evals.summary_cassettes import write_summaries
from index.schemas import Citation
from summarizer.config import Settings
from summarizer.engines import get_engine
from summarizer.engines.openai_engine import OpenAIEngine, PreparedAsk
from summarizer.engines.openai_engine.grounding import Grounding
from summarizer.engines.openai_engine.material import Source
from summarizer.evals.datasets import load_datasets
from summarizer.evals.runner import eval_settings, find_root
from summarizer.llm.client import ChatClient
from summarizer.llm.config import llm_config
from summarizer.llm.replay import CassetteStore
from summarizer.llm_schemas import LLMAnswer, LLMCite, LLMPoint
from summarizer.pipelines import ask
from summarizer.pipelines.ingest import ingest_paths
from summarizer.schemas import Answer
from summarizer.workspace import Workspace

FILE_NAME = "ask.handwritten.jsonl"


def careful_reply(local: Answer, prepared: PreparedAsk, lines: Any) -> tuple[LLMAnswer, int]:
    """The local answer, re-cited by the ids the prompt showed; how many citations had no id."""
    grounding = Grounding(prepared.sources, lines)
    points: list[LLMPoint] = []
    unshown = 0
    for point in local.points:
        cites = []
        for citation in point.citations:
            source = _shown(citation, prepared.sources.values(), grounding)
            if source is None:
                unshown += 1
            else:
                cites.append(LLMCite(passage_id=source.id, quote=citation.quote))
        if cites:
            points.append(LLMPoint(text=point.text, cites=cites))
    return LLMAnswer(answer=local.answer, answerable=local.answerable, points=points), unshown


def _shown(citation: Citation, sources: Any, grounding: Grounding) -> Source | None:
    """The fact line or passage the prompt showed that holds this citation (facts first)."""
    for source in sources:
        if source.report != citation.report:
            continue
        inside = source.lines[0] <= citation.lines[0] and citation.lines[1] <= source.lines[1]
        if inside and grounding.span(source, citation.quote) is not None:
            return source
    return None


def write_ask(root: Path, settings: Settings, workspace: Workspace, author: Author) -> str:
    """The ask cassettes: every eval question, answered from the local engine's answer."""
    data = load_datasets(root / "evals" / "datasets", root)
    folder = settings.cassettes
    recorded = CassetteStore(folder)
    config = llm_config(settings, replay_url=author.server.base_url)
    engine = OpenAIEngine("replay", config, lambda: ChatClient(config, command="cassettes", engine="replay"))
    local = get_engine("local", settings)
    lines: list[str] = []
    unshown = kept_recorded = 0
    try:
        for case in data.questions:
            context = ask.prepare(case.question, workspace, settings.top_k)
            prepared = engine.prepare(context)
            reply, missing = careful_reply(local.answer(context), prepared, context.sources)
            unshown += missing
            author.reply = reply.model_dump_json()
            author.prompt_tokens = prepared.prompt_tokens
            before = len(author.written)
            engine.answer(context)
            about = {
                "question_id": case.id,
                "question": case.question,
                "written_by": "evals/cassettes.py from the local engine's answer",
            }
            cassette = author.take(before, case.id, about)
            if recorded.recorded(cassette.key):
                kept_recorded += 1
                continue
            lines.append(json.dumps(cassette.model_dump(), ensure_ascii=False, sort_keys=True))
    finally:
        engine.close()
    (folder / FILE_NAME).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return (
        f"wrote {len(lines)} hand-written cassettes to {folder / FILE_NAME}"
        f" ({kept_recorded} questions keep a real recording; {unshown} local citations of material"
        " the prompt did not show were left out)"
    )


def main(argv: list[str] | None = None) -> int:
    """`python -m evals.cassettes [ask] [summaries] [extract]`: all by default, over one ingest."""
    parts = {"ask", "summaries", "extract"}
    wanted = set(argv if argv is not None else sys.argv[1:]) or parts
    unknown = wanted - parts
    if unknown:
        raise SystemExit(f"unknown part {', '.join(sorted(unknown))} (use: ask, summaries, extract)")
    root = find_root()
    settings = eval_settings(root, "replay")
    workspace = Workspace(settings)
    ingest_paths(workspace, [(root / "examples" / "reports").resolve()], prune=True)
    settings.cassettes.mkdir(parents=True, exist_ok=True)
    author = Author(settings.chat_model)
    author.server.start()
    try:
        if "ask" in wanted:
            print(write_ask(root, settings, workspace, author))
        if "summaries" in wanted:
            for line in write_summaries(root, settings, workspace, author):
                print(line)
    finally:
        author.server.stop()
    if "extract" in wanted:
        extracted = write_extract_cassettes(root, settings, settings.cassettes)
        print(f"wrote {extracted} hand-written extract cassettes to {settings.cassettes / EXTRACT_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
