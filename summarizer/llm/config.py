"""Settings of the LLM client: endpoint, key, models, limits, output capability and prices.

The key is a `SecretStr`: its repr is masked, and it is revealed only by `require_key()`, which
the client calls when it is built. Nothing here reads the environment: `llm_config(settings)`
is the one place an `LLMConfig` is made from the resolved `Settings` (flags > environment >
file > defaults), and the only place the key is taken from them.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, SecretStr

from summarizer.config import Capability, Settings, mask_key
from summarizer.llm.errors import MissingKeyError

# USD per 1M (input, output) tokens: public list prices when this table was written (cache-miss
# input rates). Prices drift and vendors add tiers, so the cost line is an estimate; override the
# table in the configuration rather than trusting it for billing.
DEFAULT_PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "deepseek-chat": (0.27, 1.10),
    "qwen-plus": (0.40, 1.20),
}


class LLMConfig(BaseModel):
    """Everything the client needs to talk to one OpenAI-compatible endpoint."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    base_url: str | None = Field(
        default=None, description="OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1; None = OpenAI."
    )
    api_key: SecretStr | None = Field(default=None, description="Read only when a client is built.")
    chat_model: str = Field(default="gpt-4o-mini", description="Model for structured chat calls.")
    embedding_model: str = Field(default="text-embedding-3-small", description="Model for embeddings.")
    timeout: float = Field(default=60.0, gt=0, description="Seconds per HTTP attempt.")
    max_retries: int = Field(
        default=2, ge=0, description="Network retries, done by the SDK (429, 5xx, connection errors)."
    )
    capability: Capability = Field(
        default="json_schema",
        description=(
            "How the server is asked for JSON: strict json_schema, json_object (schema in the system "
            "message) or prompt_only (schema in the prompt, no response_format)."
        ),
    )
    context_tokens: int = Field(default=128_000, gt=0, description="The model's context window.")
    output_tokens: int = Field(default=2000, gt=0, description="max_tokens per reply.")
    prices: dict[str, tuple[float, float]] = Field(
        default_factory=lambda: dict(DEFAULT_PRICES),
        description="USD per 1M (input, output) tokens by model name, for the cost estimate.",
    )
    max_reasks: int = Field(
        default=2, ge=0, description="Re-asks after an invalid reply (ours, not the SDK's)."
    )

    @property
    def endpoint(self) -> str:
        """The base URL actually used (explicit, so the SDK never falls back to OPENAI_BASE_URL)."""
        return self.base_url or "https://api.openai.com/v1"

    @property
    def masked_key(self) -> str | None:
        return mask_key(self.api_key)

    def require_key(self) -> str:
        """The key in clear text, for the client constructor only; `MissingKeyError` without one."""
        if self.api_key is None or not self.api_key.get_secret_value():
            raise MissingKeyError()
        return self.api_key.get_secret_value()


# Replay servers check no key, and a real one must never travel to them (or into a cassette).
REPLAY_KEY = SecretStr("replay-no-key")


def llm_config(settings: Settings, *, replay_url: str | None = None) -> LLMConfig:
    """The client configuration from resolved settings; the key is read here and nowhere else.

    With `replay_url` the endpoint is a local replay server and the key a fixed placeholder.
    """
    return LLMConfig(
        base_url=replay_url or settings.openai_base_url,
        api_key=REPLAY_KEY if replay_url else settings.openai_api_key,
        chat_model=settings.chat_model,
        embedding_model=settings.embedding_model,
        timeout=settings.llm_timeout,
        max_retries=settings.llm_max_retries,
        capability=settings.llm_capability,
        context_tokens=settings.context_tokens,
        output_tokens=settings.output_tokens,
        prices={**DEFAULT_PRICES, **settings.prices},
    )
