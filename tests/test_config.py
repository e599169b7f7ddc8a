"""Configuration precedence and secret masking."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.errors import ConfigError
from summarizer.config import load_settings


def test_precedence_defaults_file_env_flags(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "summarizer.toml").write_text('chunk_tokens = 300\ntop_k = 5\nchat_model = "file-model"\n')
    env = {"SUMMARIZER_HOME": str(home), "SUMMARIZER_CHAT_MODEL": "env-model"}
    settings = load_settings(environ=env, overrides={"top_k": 9})
    assert settings.home == home
    assert settings.chunk_tokens == 300  # file beats default
    assert settings.chat_model == "env-model"  # env beats file
    assert settings.top_k == 9  # flag beats file
    assert settings.max_file_mb == 5.0  # default


def test_explicit_config_file_and_typos_are_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("chunk_tokenz = 3\n")
    with pytest.raises(ConfigError, match="chunk_tokenz"):
        load_settings(bad, environ={})
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "missing.toml", environ={})


def test_api_key_is_masked_and_selects_the_engine(tmp_path: Path) -> None:
    env = {"SUMMARIZER_HOME": str(tmp_path), "OPENAI_API_KEY": "sk-test-1234567890abcdef"}
    settings = load_settings(environ=env)
    masked = settings.masked()
    assert "1234567890" not in str(masked)
    assert masked["resolved_engine"] == "openai"
    assert load_settings(environ={"SUMMARIZER_HOME": str(tmp_path)}).resolved_engine == "local"
