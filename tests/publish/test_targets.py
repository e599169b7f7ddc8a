"""Targets as configuration: clear errors for what is missing or unknown."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from summarizer.errors import ConfigError
from summarizer.publish import PUBLISHERS, PublishTarget, build_publisher
from summarizer.publish.dingtalk import DingTalkPublisher

URL = "https://oapi.dingtalk.com/robot/send?access_token=abcdef0123456789"


def test_builds_the_publisher_from_the_environment() -> None:
    target = PublishTarget(kind="dingtalk", name="payments-dt", url_env="DT_URL", secret_env="DT_SECRET")
    publisher = build_publisher(target, {"DT_URL": URL, "DT_SECRET": "SECabcdef123456"})
    assert isinstance(publisher, DingTalkPublisher)
    assert publisher.name == "payments-dt" and publisher.signed
    publisher.close()


def test_reads_os_environ_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DT_URL", URL)
    with build_publisher(PublishTarget(kind="dingtalk", url_env="DT_URL")) as publisher:
        assert not publisher.signed


@pytest.mark.parametrize(
    ("target", "environ", "message"),
    [
        (
            PublishTarget(kind="teams", url_env="U"),
            {"U": URL},
            "publish target 'teams': unknown kind 'teams' (known: dingtalk, feishu, lark, slack, webhook, wecom)",
        ),
        (
            PublishTarget(kind="feishu", url_env="FEISHU_URL"),
            {},
            "publish target 'feishu': environment variable FEISHU_URL is not set (it holds the webhook URL)",
        ),
        (
            PublishTarget(kind="feishu", url_env="FEISHU_URL"),
            {"FEISHU_URL": "   "},
            "publish target 'feishu': environment variable FEISHU_URL is not set (it holds the webhook URL)",
        ),
        (
            PublishTarget(kind="feishu", name="ops", url_env="U", secret_env="FEISHU_SECRET"),
            {"U": URL},
            "publish target 'ops': environment variable FEISHU_SECRET is not set (it holds the signing secret)",
        ),
    ],
)
def test_clear_config_errors(target: PublishTarget, environ: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        build_publisher(target, environ)
    assert str(caught.value) == message
    assert caught.value.exit_code == 2


def test_typos_in_a_target_are_errors() -> None:
    with pytest.raises(ValidationError, match="secret"):
        PublishTarget.model_validate({"kind": "feishu", "url_env": "U", "secret": "inline!"})


def test_every_kind_builds() -> None:
    for kind in PUBLISHERS:
        with build_publisher(PublishTarget(kind=kind, url_env="U"), {"U": URL}) as publisher:
            assert publisher.name == kind
