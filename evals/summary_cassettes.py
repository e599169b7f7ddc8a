"""Hand-written cassettes for the summary, roll-up and risks prompts (run by `evals/cassettes.py`).

The eval's summary and risks suites, with `--engine replay`, send the requests of: every weekly
summary of examples/reports, each series' whole-period roll-up (its weekly summaries are the map
step, the same requests again) and the register of every series. This script makes exactly
those calls through the real pipeline (`summarize.summary_of`, `rollup_of`, `risks.register`)
with the LLM writer pointed at the author server, so each request is the one the eval will send.

Each reply is what a careful model would answer from the request, taken from the local writer's
draft for the same facts: its headline, and its highlights re-cited by the fact ids the prompt
showed (a highlight whose facts the token budget left out goes, as a model could not cite them).
For the register: the local writer's headline, and each entry shown in a group of its own with a
one-line summary made here from its title and computed status; no merges (merging is a
judgement this script does not pretend to make; tests/summaries cover the merge path).

These replies exercise the pipeline (request, HTTP, validation, id mapping, verification), not a
model, and the eval says so. Recorded cassettes (`handwritten: false`) are never replaced.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from evals.author import Author
from index.schemas import series_of
from summarizer.config import Settings
from summarizer.engines.local.summary import LocalSummaryWriter
from summarizer.engines.openai_engine.drafting import series_name
from summarizer.engines.openai_engine.writer import OpenAISummaryWriter, PreparedDraft
from summarizer.llm.client import ChatClient
from summarizer.llm.config import llm_config
from summarizer.llm.replay import Cassette, CassetteStore
from summarizer.llm.results import Spend
from summarizer.llm_schemas import LLMHighlight, LLMRiskDraft, LLMRiskGroup, LLMSummaryDraft
from summarizer.pipelines import risks as risk_pipeline
from summarizer.pipelines import summarize
from summarizer.schemas import EngineName, RiskEntry
from summarizer.summaries import wording
from summarizer.summaries.draft import RiskDraft, SummaryDraft
from summarizer.summaries.inputs import RiskFacts, RollupFacts, WeekFacts
from summarizer.workspace import Workspace

WRITTEN_BY = "evals/summary_cassettes.py from the local writer's draft"
D = TypeVar("D")


def careful_draft(local: SummaryDraft, prepared: PreparedDraft) -> LLMSummaryDraft:
    """The local draft as a model shown this prompt would write it: only ids it was shown."""
    shown = set(prepared.packed.ids)
    highlights = []
    for highlight in local.highlights:
        ids = [ref for ref in highlight.refs if ref in shown]
        if ids:
            highlights.append(LLMHighlight(text=highlight.text, fact_ids=ids))
    return LLMSummaryDraft(headline=local.headline, highlights=highlights)


def entry_line(entry: RiskEntry, lang: str) -> str:
    """One line on a register entry from its computed fields: its title, status and weeks."""
    status = wording.STATUS_WORDS["zh" if lang == "zh" else "en"][entry.status]
    seen = (
        entry.first_seen if entry.first_seen == entry.last_seen else f"{entry.first_seen}–{entry.last_seen}"
    )
    title = wording.clip(entry.title, "zh" if lang == "zh" else "en", 18, 36)
    return f"{title}（{status}，{seen}）" if lang == "zh" else f"{title} ({status}, {seen})"


def careful_register(local: RiskDraft, prepared: PreparedDraft, lang: str) -> LLMRiskDraft:
    groups = [
        LLMRiskGroup(entry_ids=[rid], summary=entry_line(entry, lang))
        for rid, entry in prepared.entries.items()
    ]
    return LLMRiskDraft(headline=local.headline, risks=groups)


class AuthoringWriter:
    """The LLM writer, with the author replying to each request from the local writer's draft."""

    name: EngineName = "replay"

    def __init__(self, llm: OpenAISummaryWriter, author: Author) -> None:
        self.llm = llm
        self.local = LocalSummaryWriter()
        self.author = author
        self.version = llm.version
        self.cassettes: dict[str, Cassette] = {}

    def _send(self, prepared: PreparedDraft, reply: str, what: str, call: Callable[[], D]) -> D:
        self.author.reply = reply
        self.author.prompt_tokens = prepared.prompt_tokens
        before = len(self.author.written)
        result = call()
        cassette = self.author.take(before, what, {"what": what, "written_by": WRITTEN_BY})
        self.cassettes.setdefault(cassette.key, cassette)
        return result

    def summary(self, facts: WeekFacts) -> SummaryDraft:
        prepared = self.llm.prepare_summary(facts)
        reply = careful_draft(self.local.summary(facts), prepared).model_dump_json()
        what = f"summary of {series_name(facts.series)}/{Path(facts.ref.source).name}"
        return self._send(prepared, reply, what, lambda: self.llm.summary(facts))

    def rollup(self, facts: RollupFacts) -> SummaryDraft:
        prepared = self.llm.prepare_rollup(facts)
        reply = careful_draft(self.local.rollup(facts), prepared).model_dump_json()
        what = f"roll-up of {series_name(facts.series)} {facts.since} to {facts.until}"
        return self._send(prepared, reply, what, lambda: self.llm.rollup(facts))

    def risks(self, facts: RiskFacts) -> RiskDraft:
        prepared = self.llm.prepare_risks(facts)
        reply = careful_register(self.local.risks(facts), prepared, facts.lang).model_dump_json()
        scope = series_name(facts.series) if facts.series else "every series"
        what = f"risk register of {scope}, status {facts.status}"
        return self._send(prepared, reply, what, lambda: self.llm.risks(facts))

    def usage(self) -> Spend:
        return self.llm.usage()

    def close(self) -> None:
        self.llm.close()


def eval_calls(workspace: Workspace, writer: AuthoringWriter, reports: Path) -> None:
    """The calls `summarizer eval --suite summary --suite risks` makes (see `wire_summaries`)."""
    with summarize.Session.open(workspace, use_cache=False, writer=writer) as session:
        refs = [r for r in session.ledger.reports() if r.source.startswith(str(reports))]
        for ref in refs:
            summarize.summary_of(session, ref)
        for folder in sorted({series_of(r.source) for r in refs}):
            s = session.series(folder)
            summarize.rollup_of(session, s, s.reports)
    risk_pipeline.register(workspace, writer=writer)


def write_summaries(root: Path, settings: Settings, workspace: Workspace, author: Author) -> Iterator[str]:
    """Write `<prompt>.handwritten.jsonl` for the summary, rollup and risks prompts; say what was written."""
    folder = settings.cassettes
    recorded = CassetteStore(folder)
    config = llm_config(settings, replay_url=author.server.base_url)
    llm = OpenAISummaryWriter(
        "replay", config, lambda: ChatClient(config, command="cassettes", engine="replay")
    )
    writer = AuthoringWriter(llm, author)
    try:
        eval_calls(workspace, writer, (root / "examples" / "reports").resolve())
    finally:
        writer.close()
    by_prompt: dict[str, list[dict[str, Any]]] = {name: [] for name in llm.prompts}
    kept_recorded = 0
    for cassette in writer.cassettes.values():
        if recorded.recorded(cassette.key):
            kept_recorded += 1
            continue
        by_prompt[cassette.prompt.split("@", 1)[0]].append(cassette.model_dump())
    for name, cassettes in by_prompt.items():
        path = folder / f"{name}.handwritten.jsonl"
        cassettes.sort(key=lambda c: str(c["request"]["what"]))
        lines = [json.dumps(c, ensure_ascii=False, sort_keys=True) for c in cassettes]
        path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        yield f"wrote {len(lines)} hand-written cassettes to {path}"
    if kept_recorded:
        yield f"{kept_recorded} summary requests keep a real recording"
