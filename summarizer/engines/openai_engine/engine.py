"""`OpenAIEngine`: the ask prompt, packed into a token budget, through `ChatClient.structured`.

One path for every OpenAI-compatible endpoint: the model fills `LLMAnswer`, the grounding hook
re-asks about cites that do not check out, and the reply is mapped to the public `Answer`.
The `replay` engine is this engine with its endpoint on a local `ReplayServer` (see
`summarizer.engines.openai_engine`); nothing below knows which one it is.

The client is built on first use, so `estimate()` needs neither a key nor a server.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from index.tokens import count_tokens
from summarizer.engines.base import AskContext
from summarizer.engines.openai_engine.grounding import Grounding
from summarizer.engines.openai_engine.material import (
    Material,
    Source,
    fact_blocks,
    pack_blocks,
    passage_blocks,
)
from summarizer.errors import ConfigError
from summarizer.llm.budget import cost, message_tokens
from summarizer.llm.client import ChatClient, schema_instruction
from summarizer.llm.config import LLMConfig
from summarizer.llm.connect import LazyClient
from summarizer.llm.replay import ReplayServer
from summarizer.llm.schema import strict_json_schema
from summarizer.llm_schemas import LLMAnswer
from summarizer.prompts import load_prompt
from summarizer.question import QuestionPlan
from summarizer.schemas import Answer, EngineName, Plan

LANGUAGES = {"zh": "Chinese (简体中文)", "en": "English"}


@dataclass(frozen=True)
class PreparedAsk:
    """The request one question becomes: messages, what they hold, and their size."""

    messages: list[dict[str, str]]
    material: Material
    prompt_tokens: int
    """Estimated prompt tokens (cl100k; the schema sent with the request included)."""
    budget: int
    """context_tokens - output_tokens: what the prompt may use."""
    notes: list[str] = field(default_factory=list)

    @property
    def sources(self) -> dict[str, Source]:
        return self.material.sources


@dataclass(frozen=True)
class Estimate:
    """What `ask --estimate` prints: the request a question would make, without making it."""

    engine: EngineName
    model: str
    plan: Plan
    prompt_tokens: int
    output_tokens: int
    budget: int
    facts: tuple[int, int]
    """(kept, total) ledger fact blocks."""
    passages: tuple[int, int]
    """(kept, total) passages."""
    cost_usd: float | None
    """Prompt plus a reply of the full output_tokens: an upper bound, None for a model without a price."""
    notes: list[str]


def period_text(plan: QuestionPlan) -> str:
    since, until = plan.period
    if since and until:
        return since if since == until else f"{since} to {until}"
    if since:
        return f"from {since} on"
    if until:
        return f"up to {until}"
    return "all reports"


class OpenAIEngine(LazyClient):
    """The LLM engine; `connect` builds the `ChatClient` on first use. A replay engine also holds
    the `ReplayServer` it talks to, and stops it in `close()`."""

    def __init__(
        self,
        name: EngineName,
        config: LLMConfig,
        connect: Callable[[], ChatClient],
        replay: ReplayServer | None = None,
    ) -> None:
        self.name = name
        self.config = config
        self.prompt = load_prompt("ask")
        if self.prompt.output_model is not LLMAnswer:
            raise ConfigError(
                f"prompt ask must declare output_schema LLMAnswer, not {self.prompt.output_schema}"
            )
        super().__init__(connect, replay)
        self._schema_tokens = self._count_schema()
        self.last: PreparedAsk | None = None
        """The request of the latest question (for evals: its prompt size)."""

    def _count_schema(self) -> int:
        """Tokens the output schema adds to every request, wherever the capability puts it."""
        if self.config.capability == "json_schema":
            return count_tokens(json.dumps(strict_json_schema(LLMAnswer), ensure_ascii=False))
        return count_tokens(schema_instruction(LLMAnswer))

    def _messages(self, context: AskContext, facts: str, passages: str) -> list[dict[str, str]]:
        return self.prompt.messages(
            question=context.question,
            language=LANGUAGES.get(context.lang, "the language of the question"),
            period=period_text(context.plan),
            facts=facts,
            passages=passages,
        )

    def _tokens(self, messages: list[dict[str, str]]) -> int:
        return message_tokens(messages) + self._schema_tokens

    def prepare(self, context: AskContext) -> PreparedAsk:
        """Facts first, then passages by rank, packed whole into context_tokens - output_tokens."""
        budget = self.config.context_tokens - self.config.output_tokens
        room = budget - self._tokens(self._messages(context, "", ""))
        if room <= 0:
            raise ConfigError(
                f"context_tokens {self.config.context_tokens} leaves no room for report material"
                f" after {self.config.output_tokens} output tokens and the prompt itself"
            )
        blocks = fact_blocks(context.facts) + passage_blocks(context.passages)
        material = pack_blocks(blocks, room)
        messages = self._messages(context, material.facts_text, material.passages_text)
        tokens = self._tokens(messages)
        # Blocks are counted one by one; joined text can tokenize a little differently.
        while tokens > budget and material.kept:
            material = Material(material.kept[:-1], [material.kept[-1], *material.left_out])
            messages = self._messages(context, material.facts_text, material.passages_text)
            tokens = self._tokens(messages)
        note = material.note(budget)
        return PreparedAsk(messages, material, tokens, budget, [note] if note else [])

    def estimate(self, context: AskContext) -> Estimate:
        prepared = self.prepare(context)
        material = prepared.material
        return Estimate(
            engine=self.name,
            model=self.config.chat_model,
            plan=context.plan.public(),
            prompt_tokens=prepared.prompt_tokens,
            output_tokens=self.config.output_tokens,
            budget=prepared.budget,
            facts=(material.count("fact"), material.count("fact") + material.count("fact", kept=False)),
            passages=(
                material.count("passage"),
                material.count("passage") + material.count("passage", kept=False),
            ),
            cost_usd=cost(
                self.config.chat_model, prepared.prompt_tokens, self.config.output_tokens, self.config.prices
            ),
            notes=prepared.notes,
        )

    def answer(self, context: AskContext) -> Answer:
        prepared = self.prepare(context)
        self.last = prepared
        grounding = Grounding(prepared.sources, context.sources)
        result = self.client.structured(
            prepared.messages,
            LLMAnswer,
            prompt_ident=self.prompt.ident,
            temperature=self.prompt.temperature,
            validate=grounding.problems,
            keep_last=True,
        )
        return grounding.answer(result.value, engine=self.name, plan=context.plan, notes=prepared.notes)
