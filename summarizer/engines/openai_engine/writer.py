"""`OpenAISummaryWriter`: the summary, roll-up and register prompts through `ChatClient.structured`.

The summary pipeline computes and verifies the facts and hands them over (`WeekFacts`,
`RollupFacts`, `RiskFacts`); this writer shows them to a model as data, packed by priority into
`context_tokens - output_tokens`, and maps the reply to a draft: a headline and highlights citing
fact ids (summary, roll-up), or groups of register entries with a one-line summary (risks). The
validate hooks (`checks`) re-ask about unknown ids, long headlines and impossible merges; code
then maps ids to citations (`summaries.draft`), so no model can add an item without one.

A roll-up is map-reduce: its weekly summaries are the map step (the pipeline writes each with
`summary` and caches it by its series' content hashes), this writer's `rollup` is the reduce.
The client is built on first use, so `prepare_*` needs neither a key nor a server.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from index.text.lang import Lang
from index.tokens import count_tokens
from summarizer.engines.openai_engine.checks import DraftCheck, RiskCheck
from summarizer.engines.openai_engine.drafting import (
    NO_ENTRIES,
    NO_FACTS,
    NO_WEEKS,
    Block,
    Packed,
    entry_blocks,
    fact_blocks,
    pack_blocks,
    series_name,
    severity_text,
    week_blocks,
)
from summarizer.engines.openai_engine.engine import LANGUAGES
from summarizer.errors import ConfigError
from summarizer.llm.budget import message_tokens
from summarizer.llm.client import ChatClient, schema_instruction
from summarizer.llm.config import LLMConfig
from summarizer.llm.connect import LazyClient
from summarizer.llm.replay import ReplayServer
from summarizer.llm.schema import strict_json_schema
from summarizer.llm_schemas import LLMRiskDraft, LLMSummaryDraft
from summarizer.prompts import PromptTemplate, load_prompt
from summarizer.schemas import EngineName, RiskEntry
from summarizer.summaries import wording
from summarizer.summaries.draft import RiskDraft, SummaryDraft
from summarizer.summaries.inputs import RiskFacts, RollupFacts, WeekFacts
from summarizer.summaries.rollup import period_parts

PROMPTS: dict[str, type[BaseModel]] = {
    "summary": LLMSummaryDraft,
    "rollup": LLMSummaryDraft,
    "risks": LLMRiskDraft,
}
Render = Callable[[Packed], dict[str, str]]


@dataclass(frozen=True)
class PreparedDraft:
    """The request one summary, roll-up or register becomes, and what its prompt showed."""

    prompt: PromptTemplate
    messages: list[dict[str, str]]
    packed: Packed
    prompt_tokens: int
    """Estimated prompt tokens (cl100k; the schema sent with the request included)."""
    budget: int
    notes: list[str] = field(default_factory=list)
    entries: Mapping[str, RiskEntry] = field(default_factory=dict)
    """Register prompts: what each shown R id stands for."""


class OpenAISummaryWriter(LazyClient):
    """Summary writer over any OpenAI-compatible endpoint; replay is this writer on a local server."""

    def __init__(
        self,
        name: EngineName,
        config: LLMConfig,
        connect: Callable[[], ChatClient],
        replay: ReplayServer | None = None,
    ) -> None:
        self.name = name
        self.config = config
        self.prompts = {key: load_prompt(key) for key in PROMPTS}
        for key, schema in PROMPTS.items():
            if self.prompts[key].output_model is not schema:
                raise ConfigError(f"prompt {key} must declare output_schema {schema.__name__}")
        super().__init__(connect, replay)
        self._schema_tokens = {s.__name__: self._count_schema(s) for s in set(PROMPTS.values())}
        self.last: PreparedDraft | None = None
        """The latest request (for evals and the cassette author: what its prompt showed)."""
        self.version = self._version()
        """Part of the summary cache key (see `_version`)."""

    def _version(self) -> str:
        """Everything a cached weekly summary depends on here: this code, the prompts, the model and
        how it is asked (a cached summary written by another model is not reused)."""
        digest = hashlib.sha256()
        for path in sorted(Path(__file__).parent.glob("*.py")):
            digest.update(path.read_bytes())
        config = self.config
        shape = [config.chat_model, config.capability, config.context_tokens, config.output_tokens]
        digest.update(json.dumps([p.ident for p in self.prompts.values()] + shape).encode())
        return f"{self.name}-{digest.hexdigest()[:16]}"

    def _count_schema(self, schema: type[BaseModel]) -> int:
        if self.config.capability == "json_schema":
            return count_tokens(json.dumps(strict_json_schema(schema), ensure_ascii=False))
        return count_tokens(schema_instruction(schema))

    def _prepare(self, key: str, fixed: dict[str, str], blocks: list[Block], render: Render) -> PreparedDraft:
        """Blocks in priority order, whole, into context_tokens - output_tokens; a note names what
        stays out."""
        prompt = self.prompts[key]
        schema_tokens = self._schema_tokens[PROMPTS[key].__name__]
        budget = self.config.context_tokens - self.config.output_tokens

        def messages(packed: Packed) -> list[dict[str, str]]:
            return prompt.messages(**fixed, **render(packed))

        empty = Packed([], list(blocks))
        room = budget - message_tokens(messages(empty)) - schema_tokens
        if room <= 0:
            raise ConfigError(
                f"context_tokens {self.config.context_tokens} leaves no room for the {key} prompt's"
                f" material after {self.config.output_tokens} output tokens and the prompt itself"
            )
        packed = pack_blocks(blocks, room)
        sent = messages(packed)
        tokens = message_tokens(sent) + schema_tokens
        # Blocks are counted one by one; joined text can tokenize a little differently.
        while tokens > budget and packed.kept:
            packed = Packed(packed.kept[:-1], [packed.kept[-1], *packed.left_out])
            sent = messages(packed)
            tokens = message_tokens(sent) + schema_tokens
        note = packed.note(budget)
        return PreparedDraft(prompt, sent, packed, tokens, budget, [note] if note else [])

    def _language(self, lang: str) -> str:
        return LANGUAGES.get(lang, "the language of the reports")

    def prepare_summary(self, facts: WeekFacts) -> PreparedDraft:
        ref = facts.ref
        label = f"{facts.label} · {ref.week}" if facts.label != ref.week else ref.week
        previous = (
            f"compared with {facts.previous.week_label or facts.previous.week}"
            if facts.previous
            else "the series' first report"
        )
        report = f"{series_name(facts.series)} · {label} ({ref.date}) · {previous}"
        return self._prepare(
            "summary",
            {"language": self._language(facts.lang), "report": report},
            fact_blocks(facts.facts),
            lambda packed: {"facts": packed.text("fact", NO_FACTS)},
        )

    def prepare_rollup(self, facts: RollupFacts) -> PreparedDraft:
        parts = period_parts(facts)
        totals = wording.SEPARATOR[facts.lang].join(parts) if parts else "no launches, slips or incidents"
        totals += f"; incidents by severity: {severity_text(facts.severities)}"
        period = (
            f"{series_name(facts.series)} · {facts.since} to {facts.until} ({len(facts.reports)} reports)"
        )
        # What needs attention, then how the weeks went (the map step's headlines), then the rest.
        facts_shown = fact_blocks(facts.facts)
        weighty = {f.item.id for f in facts.facts if f.weight > 0}
        blocks = [b for b in facts_shown if b.id in weighty] + week_blocks(facts.weeks)
        blocks += [b for b in facts_shown if b.id not in weighty]
        return self._prepare(
            "rollup",
            {"language": self._language(facts.lang), "period": period, "totals": totals},
            blocks,
            lambda packed: {
                "facts": packed.text("fact", NO_FACTS),
                "weeks": packed.text("week", NO_WEEKS, by_name=True),
            },
        )

    def prepare_risks(self, facts: RiskFacts) -> PreparedDraft:
        blocks, shown = entry_blocks(facts.entries)
        scope = series_name(facts.series) if facts.series else "every series"
        scope += f" · status {facts.status}" + (f" · seen since {facts.since}" if facts.since else "")
        counts = ", ".join(f"{facts.counts.get(k, 0)} {k}" for k in ("open", "mitigated", "resolved"))
        prepared = self._prepare(
            "risks",
            {"language": self._language(facts.lang), "scope": f"{scope} · {counts}"},
            blocks,
            lambda packed: {"entries": packed.text("entry", NO_ENTRIES)},
        )
        kept = {rid: shown[rid] for rid in prepared.packed.ids}
        return PreparedDraft(
            prepared.prompt,
            prepared.messages,
            prepared.packed,
            prepared.prompt_tokens,
            prepared.budget,
            prepared.notes,
            kept,
        )

    def _write(self, prepared: PreparedDraft, lang: Lang) -> SummaryDraft:
        self.last = prepared
        check = DraftCheck(prepared.packed.ids, lang)
        result = self.client.structured(
            prepared.messages,
            LLMSummaryDraft,
            prompt_ident=prepared.prompt.ident,
            temperature=prepared.prompt.temperature,
            validate=check.problems,
            keep_last=True,
        )
        return check.draft(result, prepared.notes)

    def summary(self, facts: WeekFacts) -> SummaryDraft:
        return self._write(self.prepare_summary(facts), facts.lang)

    def rollup(self, facts: RollupFacts) -> SummaryDraft:
        return self._write(self.prepare_rollup(facts), facts.lang)

    def risks(self, facts: RiskFacts) -> RiskDraft:
        prepared = self.prepare_risks(facts)
        self.last = prepared
        check = RiskCheck(prepared.entries, facts.lang)
        result = self.client.structured(
            prepared.messages,
            LLMRiskDraft,
            prompt_ident=prepared.prompt.ident,
            temperature=prepared.prompt.temperature,
            validate=check.problems,
            keep_last=True,
        )
        return check.draft(result, prepared.notes)
