"""LLMConfig, key masking and the exit-code table."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from pydantic import SecretStr, ValidationError

from summarizer.errors import ConfigError, EngineError, SummarizerError
from summarizer.llm import errors
from summarizer.llm.config import DEFAULT_PRICES, LLMConfig, mask_key
from summarizer.llm.errors import MissingKeyError

from .data import FAKE_KEY


def test_defaults_match_the_documented_ones() -> None:
    config = LLMConfig()
    assert (config.chat_model, config.timeout, config.max_retries) == ("gpt-4o-mini", 60.0, 2)
    assert (config.capability, config.context_tokens, config.output_tokens, config.max_reasks) == (
        "json_schema",
        128_000,
        2000,
        2,
    )
    assert set(DEFAULT_PRICES) == {"gpt-4o-mini", "gpt-4o", "gpt-4.1-mini", "deepseek-chat", "qwen-plus"}
    assert config.endpoint == "https://api.openai.com/v1"


def test_unknown_fields_and_bad_values_are_refused() -> None:
    with pytest.raises(ValidationError):
        LLMConfig(chat_modle="gpt-4o")  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        LLMConfig(capability="tools")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        LLMConfig(max_retries=-1)


def test_the_key_never_shows_in_repr_dump_or_mask() -> None:
    config = LLMConfig(api_key=SecretStr(FAKE_KEY))
    for text in (repr(config), str(config), config.model_dump_json(), str(config.model_dump())):
        assert FAKE_KEY not in text
    assert config.masked_key == "sk-…90"
    assert mask_key("short") == "***" and mask_key(None) is None and mask_key("") is None
    assert config.require_key() == FAKE_KEY


def test_a_missing_key_is_a_configuration_error() -> None:
    with pytest.raises(MissingKeyError) as caught:
        LLMConfig().require_key()
    assert isinstance(caught.value, ConfigError) and caught.value.exit_code == 2
    assert "OPENAI_API_KEY" in str(caught.value)


def test_the_exit_code_table_in_the_docstring_is_true() -> None:
    rows = re.findall(r"^\| `(\w+)`\s*\| (\d) ", errors.__doc__ or "", re.M)
    assert len(rows) == 13
    for name, code in rows:
        cls = getattr(errors, name)
        assert (
            issubclass(cls, errors.LLMError)
            and issubclass(cls, EngineError)
            and issubclass(cls, SummarizerError)
        )
        assert cls.exit_code == int(code), name
    documented = {name for name, _ in rows}
    defined = {
        name
        for name, value in vars(errors).items()
        if isinstance(value, type) and issubclass(value, errors.LLMError)
    }
    assert defined - documented == {"LLMError"}


def test_errors_and_config_import_without_the_openai_sdk() -> None:
    """The CLI maps errors on every command; that must not cost the SDK's ~0.5 s import."""
    probe = "import sys, summarizer.llm.errors, summarizer.llm.config; print('openai' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
