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


def test_llm_settings_come_from_file_and_environment_and_build_the_client_config(tmp_path: Path) -> None:
    from pydantic import SecretStr

    from summarizer.llm.config import llm_config

    (tmp_path / "summarizer.toml").write_text(
        'llm_capability = "json_object"\ncontext_tokens = 16000\n[prices]\n"my-model" = [0.1, 0.4]\n'
    )
    env = {
        "SUMMARIZER_HOME": str(tmp_path),
        "OPENAI_API_KEY": "sk-test-1234567890abcdef",
        "OPENAI_BASE_URL": "http://127.0.0.1:11434/v1",
        "SUMMARIZER_LLM_TIMEOUT": "12.5",
        "SUMMARIZER_LLM_MAX_RETRIES": "0",
        "SUMMARIZER_OUTPUT_TOKENS": "1500",
        "SUMMARIZER_CACHE": "false",
    }
    config = llm_config(load_settings(environ=env))
    assert config.capability == "json_object" and config.context_tokens == 16000
    assert (config.timeout, config.max_retries, config.output_tokens) == (12.5, 0, 1500)
    assert config.endpoint == "http://127.0.0.1:11434/v1"
    assert config.prices["my-model"] == (0.1, 0.4) and "gpt-4o-mini" in config.prices
    assert config.api_key == SecretStr("sk-test-1234567890abcdef")
    assert load_settings(environ=env).cache is False


def test_a_reply_budget_as_large_as_the_context_is_refused(tmp_path: Path) -> None:
    env = {
        "SUMMARIZER_HOME": str(tmp_path),
        "SUMMARIZER_CONTEXT_TOKENS": "4000",
        "SUMMARIZER_OUTPUT_TOKENS": "4000",
    }
    with pytest.raises(ConfigError, match="output_tokens"):
        load_settings(environ=env)


def test_every_engine_a_setting_can_name_exists() -> None:
    from typing import get_args

    from summarizer.config import EngineSetting
    from summarizer.engines import REGISTRY

    assert set(get_args(EngineSetting)) - {"auto"} == set(REGISTRY)
    with pytest.raises(ConfigError, match="engine"):
        load_settings(environ={"SUMMARIZER_ENGINE": "gpt"})


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("max_file_mb = inf\n", "finite"),
        ("max_file_mb = nan\n", "finite"),
        ("max_file_mb = 1e30\n", "less than or equal"),
        ("top_k = 100000\n", "less than or equal"),
        ("chunk_tokens = 100\nmin_chunk_tokens = 100\n", "must be below chunk_tokens"),
        ("x = " + "[" * 100_000 + "]" * 100_000 + "\n", "nested too deeply"),
    ],
    ids=["inf", "nan", "huge", "top_k", "min-over-max", "deep-array"],
)
def test_bad_values_are_one_line_config_errors(tmp_path: Path, toml: str, message: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(toml)
    with pytest.raises(ConfigError, match=message) as caught:
        load_settings(bad, environ={})
    assert "\n" not in str(caught.value)


def test_the_config_command_masks_the_key_and_names_the_engine_that_runs(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from summarizer.cli import app

    env = {"SUMMARIZER_HOME": str(tmp_path), "OPENAI_API_KEY": "sk-test-1234567890abcdef"}
    result = CliRunner().invoke(app, ["config", "--json"], env=env)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["openai_api_key"] == "sk-…ef" and "1234567890" not in result.output
    assert (data["resolved_engine"], data["llm_endpoint"]) == ("openai", "https://api.openai.com/v1")


def test_publish_targets_are_typed_settings_shown_masked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    token, secret = "0a1b2c3d4e5f67890abc", "SECabcdef0123456789"
    (tmp_path / "summarizer.toml").write_text(
        '[[publish]]\nkind = "dingtalk"\nurl_env = "DT_URL"\nsecret_env = "DT_SECRET"\n\n'
        '[[publish]]\nkind = "slack"\nname = "eng"\nurl_env = "SLACK_URL"\nmax_attempts = 2\n'
    )
    monkeypatch.setenv("DT_URL", f"https://oapi.dingtalk.com/robot/send?access_token={token}")
    monkeypatch.setenv("DT_SECRET", secret)
    settings = load_settings(environ={"SUMMARIZER_HOME": str(tmp_path)})
    assert [(t.kind, t.label, t.max_attempts) for t in settings.publish] == [
        ("dingtalk", "dingtalk", 4),
        ("slack", "eng", 2),
    ]
    masked = settings.masked()["publish"]
    assert token not in str(masked) and secret not in str(masked)
    assert masked[0]["secret"] == "SEC…89" and masked[1]["url"] == "($SLACK_URL not set)"

    from typer.testing import CliRunner

    from summarizer.cli import app

    shown = CliRunner().invoke(app, ["config", "--index", str(tmp_path)])
    assert shown.exit_code == 0 and "publish · eng" in shown.stdout
    assert token not in shown.output and secret not in shown.output


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        (
            'kind = "slack"\nurl_env = "A"\n\n[[publish]]\nkind = "slack"\nurl_env = "B"',
            "two targets named slack",
        ),
        (
            'kind = "feishu"\nurl_env = "https://open.feishu.cn/hook/0a1b2c3d4e5f6789"',
            "NAME of an environment",
        ),
        ('kind = "feishu"\nurl_env = "U"\nurl = "https://x"', "publish.0.url"),
    ],
)
def test_bad_publish_tables_are_config_errors(tmp_path: Path, table: str, problem: str) -> None:
    (tmp_path / "summarizer.toml").write_text(f"[[publish]]\n{table}\n")
    with pytest.raises(ConfigError, match=problem) as caught:
        load_settings(environ={"SUMMARIZER_HOME": str(tmp_path)})
    assert "0a1b2c3d4e5f6789" not in str(caught.value)  # a pasted URL is not echoed back


def test_the_cli_prints_one_line_and_exits_2_on_a_bad_value(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from summarizer.cli import app

    bad = tmp_path / "bad.toml"
    bad.write_text("max_file_mb = inf\n")
    for command in (["config"], ["ingest", str(tmp_path)], ["ask", "what slipped?"]):
        result = CliRunner().invoke(app, [*command, "--config", str(bad)])
        assert result.exit_code == 2, (command, result.output)
        assert result.output.count("\n") == 1 and "finite" in result.output
