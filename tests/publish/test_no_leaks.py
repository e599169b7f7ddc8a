"""The webhook token and the signing secret never show: not in logs (httpx's included), errors,
results, reprs, masked config or the publish log."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from pydantic import ValidationError

from summarizer.errors import ConfigError
from summarizer.publish import PublishKey, PublishLog, PublishTarget, build_publisher
from summarizer.publish.redact import mask, mask_url

from .conftest import SECRET, TOKEN, MakePublisher, english_digest
from .receiver import Receiver, Reply

SIGNING = {"feishu", "dingtalk", "webhook"}


@pytest.mark.parametrize("kind", ["feishu", "dingtalk", "wecom", "slack", "webhook"])
def test_token_and_secret_never_appear(
    kind: str,
    make_publisher: MakePublisher,
    receiver: Receiver,
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
) -> None:
    caplog.set_level(logging.DEBUG)
    receiver.secret = SECRET if kind in SIGNING else None
    publisher = make_publisher(kind, secret=SECRET if kind in SIGNING else None, max_attempts=2)
    seen: list[str] = [repr(publisher), *map(repr, publisher.build(english_digest()))]

    delivered = publisher.publish(english_digest())
    # A server that echoes the URL in its error, then fails for good.
    receiver.always(Reply(status=500, body=f"no such hook: /x/{TOKEN}?key={TOKEN}"))
    failed = publisher.publish(english_digest())
    assert delivered.ok and not failed.ok and failed.error is not None
    assert mask(TOKEN) in failed.error  # masked, but still says which hook

    with PublishLog(tmp_path) as log:
        log.record(PublishKey(publisher.name, "payments", "2024-W47"), failed, english_digest())
    seen += [repr(delivered), repr(failed), str(failed), failed.model_dump_json(), caplog.text]
    seen.append((tmp_path / "publish.sqlite").read_bytes().decode("utf-8", errors="replace"))

    assert "HTTP Request: POST" in caplog.text  # httpx did log the request URL ...
    assert mask(TOKEN) in caplog.text  # ... which our filter masked
    for text in seen:
        assert TOKEN not in text
        assert SECRET not in text


def test_masked_target_shows_neither(receiver: Receiver) -> None:
    url = receiver.url("dingtalk", TOKEN)
    target = PublishTarget(kind="dingtalk", url_env="DT_URL", secret_env="DT_SECRET")
    masked = target.masked({"DT_URL": url, "DT_SECRET": SECRET})
    assert TOKEN not in str(masked) and SECRET not in str(masked)
    assert masked["url"] == mask_url(url) and masked["secret"] == mask(SECRET)
    assert target.masked({})["url"] == "($DT_URL not set)"


def test_a_url_pasted_into_the_config_is_refused_without_being_echoed() -> None:
    url = f"https://open.feishu.cn/open-apis/bot/v2/hook/{TOKEN}"
    with pytest.raises(ValidationError) as caught:
        PublishTarget(kind="feishu", url_env=url)
    assert "NAME of an environment variable" in str(caught.value)
    assert TOKEN not in str(caught.value)


def test_config_errors_name_the_variable_not_its_value() -> None:
    target = PublishTarget(kind="feishu", url_env="FEISHU_URL")
    with pytest.raises(ConfigError) as caught:
        build_publisher(target, {"FEISHU_URL": f"ftp://example.com/{TOKEN}"})
    assert "FEISHU_URL does not hold an http(s) URL" in str(caught.value)
    assert TOKEN not in str(caught.value)


@pytest.mark.parametrize(
    ("url", "hidden"),
    [
        ("https://open.feishu.cn/open-apis/bot/v2/hook/0a1b2c3d-4e5f-6789", "0a1b2c3d-4e5f-6789"),
        ("https://oapi.dingtalk.com/robot/send?access_token=abcdef0123456789", "abcdef0123456789"),
        ("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4", "693a91f6-7xxx-4bc4"),
        (
            "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
            "XXXXXXXXXXXXXXXXXXXXXXXX",
        ),
        ("https://user:p4ssw0rd-long@example.com/hook", "p4ssw0rd-long"),
    ],
)
def test_mask_url_hides_each_platforms_token(url: str, hidden: str) -> None:
    masked = mask_url(url)
    assert hidden not in masked
    assert masked.startswith(url.split("/")[0] + "//")


@pytest.mark.parametrize(
    "url", ["https://example.com/hooks/digest", "https://example.com/api/v2/webhook?format=json"]
)
def test_mask_url_leaves_plain_words_alone(url: str) -> None:
    assert mask_url(url) == url  # nothing token-like: redaction must not mangle ordinary words
