"""Settings of the LLM client: endpoint, key, models, limits, output capability and prices.

The key is a `SecretStr`: its repr is masked, and it is revealed only by `require_key()`, which
the client calls when it is built. Nothing here reads the environment; the caller resolves
settings (flags > environment > file > defaults) and passes them in.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr

from summarizer.llm.errors import MissingKeyError

Capability = Literal["json_schema", "json_object", "prompt_only"]

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


def mask_key(key: SecretStr | str | None) -> str | None:
    """A key shown safely: 'sk-…90' (the same shape `summarizer config` prints), '***' if short."""
    if key is None:
        return None
    value = key.get_secret_value() if isinstance(key, SecretStr) else key
    if not value:
        return None
    return value[:3] + "…" + value[-2:] if len(value) > 8 else "***"


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
