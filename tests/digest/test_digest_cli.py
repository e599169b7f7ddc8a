"""`summarizer digest` end to end: the example reports into a real index, their digests to a real
HTTP receiver on 127.0.0.1 that checks signatures the way each platform does, the publish log
in the data directory, and the exit codes a scheduler acts on."""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.cli.digest_cmd import EXIT_NOTHING_NEW, EXIT_PUBLISH_FAILED, EXIT_PUBLISHED
from summarizer.publish import DigestMessage
from summarizer.publish.redact import mask
from tests.publish.receiver import Received, Receiver, Reply

from .conftest import KINDS, SECRET, SIGNING, TOKEN, Configure, Digest

# The newest report of each example series, and May's roll-up: the Friday report of 30 May
# closes the month (the next one, a week later, falls in June).
EDITIONS = {
    ("payments-zh", "2025-W02"),
    ("platform-en", "2025-W22"),
    ("platform-en", "rollup:2025-05"),
}


def title(kind: str, body: dict[str, Any]) -> str:
    """The digest's title as each platform's payload carries it."""
    if kind == "feishu":
        return str(body["card"]["header"]["title"]["content"])
    if kind == "dingtalk":
        return str(body["markdown"]["title"])
    if kind == "wecom":
        return str(body["markdown"]["content"]).splitlines()[0].lstrip("# ")
    if kind == "slack":
        return str(body["blocks"][0]["text"]["text"])
    return str(body["title"])


def check_shape(kind: str, request: Received) -> None:
    """What the platform requires of a request, beyond the receiver's own checks."""
    body = request.json()
    if kind == "feishu":
        assert body["msg_type"] == "interactive" and {"timestamp", "sign"} <= body.keys()
        assert body["card"]["elements"][-1]["tag"] == "note"  # the engine line
    elif kind == "dingtalk":
        assert body["msgtype"] == "markdown" and {"timestamp", "sign"} <= request.query.keys()
    elif kind == "wecom":
        assert body["msgtype"] == "markdown" and body["markdown"]["content"]
    elif kind == "slack":
        assert body["blocks"][0]["type"] == "header" and body["text"]
    else:
        message = DigestMessage.model_validate(body)  # the generic webhook sends the model itself
        assert message.engine == "local"
        assert request.headers["x-summarizer-signature"].startswith("sha256=")


def published_rows(home: Path) -> set[tuple[str, str, str, str]]:
    with sqlite3.connect(home / "publish.sqlite") as db:
        return set(db.execute("SELECT target, series, edition, status FROM published"))


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_gets_each_edition_once(
    kind: str, configure: Configure, digest: Digest, receiver: Receiver, home: Path
) -> None:
    configure(kind)

    first = digest("--publish", kind)

    assert first.exit_code == EXIT_PUBLISHED, first.output
    requests = receiver.requests
    assert requests and all(r.accepted for r in requests), [r.problem for r in requests]
    if kind in SIGNING:  # signed, and the receiver recomputed the signature from its own secret
        assert receiver.secret == SECRET
    for request in requests:
        check_shape(kind, request)
    titles = {title(kind, r.json()) for r in requests}
    assert any(t.startswith("payments-zh · 第2周 (2025-W02)") for t in titles), titles
    assert any("platform-en · Week 22 (2025-W22)" in t for t in titles), titles
    assert any("platform-en · Roll-up 2025-05 (2025-W18 – 2025-W22)" in t for t in titles), titles
    assert published_rows(home) == {(kind, s, e, "ok") for s, e in EDITIONS}
    assert first.stdout.count("published ") == 3

    second = digest("--publish", kind)

    assert second.exit_code == EXIT_NOTHING_NEW, second.output
    assert "nothing new" in second.stdout
    assert len(receiver.requests) == len(requests)  # nothing sent twice


def test_a_failing_target_fails_the_run_and_is_retried_by_the_next(
    configure: Configure, digest: Digest, receiver: Receiver, home: Path
) -> None:
    configure("feishu", "slack")
    receiver.always(Reply(status=500, body="upstream down"))

    failed = digest()

    assert failed.exit_code == EXIT_PUBLISH_FAILED, failed.output
    assert "publish failed: payments-zh 2025-W02 → feishu: HTTP 500: upstream down" in failed.stderr
    assert "the next run retries it" in failed.stderr
    assert {row[3] for row in published_rows(home)} == {"failed"}
    assert len(receiver.requests) == 6  # 3 editions x 2 targets, one attempt each

    receiver.reset()
    receiver.secret = SECRET
    recovered = digest()

    assert recovered.exit_code == EXIT_PUBLISHED, recovered.output
    assert recovered.stdout.count("(failed in an earlier run)") == 6
    assert len(receiver.requests) == 6 and all(r.accepted for r in receiver.requests)
    assert published_rows(home) == {(t, s, e, "ok") for t in ("feishu", "slack") for s, e in EDITIONS}

    assert digest().exit_code == EXIT_NOTHING_NEW


def test_one_target_failing_does_not_hold_back_the_others(
    configure: Configure, digest: Digest, receiver: Receiver, home: Path
) -> None:
    configure("wecom", "webhook")
    # The generic webhook refuses a bad signature with 401: a failure for good, not retried.
    receiver.secret = "not-the-secret-the-sender-has"

    result = digest()

    assert result.exit_code == EXIT_PUBLISH_FAILED
    statuses = {(row[0], row[3]) for row in published_rows(home)}
    assert statuses == {("wecom", "ok"), ("webhook", "failed")}
    assert "HTTP 401: bad signature" in result.stderr


def test_dry_run_prints_each_payload_and_sends_nothing(
    configure: Configure, digest: Digest, receiver: Receiver, home: Path
) -> None:
    configure("dingtalk", "webhook")

    result = digest("--dry-run")

    assert result.exit_code == EXIT_PUBLISHED, result.output
    assert receiver.requests == []
    assert not (home / "publish.sqlite").exists()  # nothing recorded
    out = result.stdout
    assert out.count("# dry run · ") == 6
    assert "POST http://127.0.0.1:" in out and f"access_token={mask(TOKEN)}" in out
    bodies = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert len(bodies) == 6
    assert {b["msgtype"] for b in bodies if "msgtype" in b} == {"markdown"}
    webhook = [DigestMessage.model_validate(b) for b in bodies if "title" in b and "msgtype" not in b]
    assert {m.title.split(" · ")[0] for m in webhook} == {"payments-zh", "platform-en"}
    assert "X-Summarizer-Signature: sha256=" in out
    assert "would be sent" in result.stderr

    as_json = json.loads(digest("--dry-run", "--json", "--publish", "webhook").stdout)
    assert as_json["dry_run"] is True and as_json["outcome"] == "published"
    request = as_json["deliveries"][0]["requests"][0]
    assert DigestMessage.model_validate(request["body"]).lang in ("zh", "en")
    assert receiver.requests == []

    # A real run afterwards publishes everything: the dry run marked nothing as sent.
    assert digest().exit_code == EXIT_PUBLISHED
    assert len(receiver.requests) == 6


def test_the_secret_and_token_never_show(
    configure: Configure,
    digest: Digest,
    receiver: Receiver,
    home: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger: ours, httpx's (which logs request URLs)
    configure(*KINDS)
    seen = []
    seen.append(digest("--dry-run", root=("-vv",)).output)
    seen.append(digest(root=("-vv",)).output)
    receiver.always(Reply(status=500, body=f"no such hook /x/{TOKEN}?key={TOKEN}"))
    (home / "publish.sqlite").unlink()  # publish again, into a failing server that echoes the URL
    seen.append(digest("--json").output)
    seen.append(digest(root=("-v",)).output)
    seen.append(CliRunner().invoke(app, ["config", "--index", str(home)]).output)
    seen.append(CliRunner().invoke(app, ["config", "--json", "--index", str(home)]).output)
    seen.append(caplog.text)

    assert "HTTP Request: POST" in caplog.text  # httpx logged the URLs, masked by our filter
    assert mask(TOKEN) in seen[2]  # errors still say which hook failed, masked
    for text in seen:
        assert TOKEN not in text and SECRET not in text, text[max(0, text.find(TOKEN) - 300) :][:600]
    for path in home.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert TOKEN.encode() not in data and SECRET.encode() not in data, path


def test_series_rollup_and_target_selection(configure: Configure, digest: Digest, receiver: Receiver) -> None:
    configure("slack", "webhook")

    result = digest("--series", "platform-en", "--rollup", "none", "--publish", "slack")

    assert result.exit_code == EXIT_PUBLISHED, result.output
    assert [title("slack", r.json()) for r in receiver.requests] == ["platform-en · Week 22 (2025-W22)"]
    unknown = digest("--publish", "teams")
    assert unknown.exit_code == 2 and "--publish teams: no such target" in unknown.stderr
    bad_series = digest("--series", "nope")
    assert bad_series.exit_code == 2 and "--series nope" in bad_series.stderr
    assert digest("--rollup", "weekly").exit_code == 2


def test_without_targets_or_variables_it_fails_before_any_work(
    digest: Digest, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    none = digest()
    assert none.exit_code == 2 and "no publish targets" in none.stderr
    (home / "summarizer.toml").write_text('[[publish]]\nkind = "feishu"\nurl_env = "NOT_SET_ANYWHERE"\n')
    monkeypatch.delenv("NOT_SET_ANYWHERE", raising=False)
    missing = digest()
    assert missing.exit_code == 2 and "NOT_SET_ANYWHERE is not set" in missing.stderr
    assert not (home / "publish.sqlite").exists()


def test_quiet_prints_only_the_failures(
    configure: Configure, digest: Digest, receiver: Receiver, home: Path
) -> None:
    configure("slack")
    assert digest(root=("-q",)).output == ""  # success under -q: silence, for cron's mail
    receiver.always(Reply(status=500))
    (home / "publish.sqlite").unlink()
    failed = digest(root=("-q",))
    assert failed.exit_code == EXIT_PUBLISH_FAILED
    assert failed.stdout == "" and failed.stderr.count("publish failed:") == 3


def test_digest_outcomes_have_codes_no_error_uses() -> None:
    """A scheduler treats 'nothing new' as success: it must never share a code with an error a
    digest run can also meet (a busy or read-only data directory, a store that is down)."""
    import summarizer.errors  # noqa: F401  (registers the user side's error classes)
    from index.errors import SummarizerError

    def subclasses(cls: type) -> set[type]:
        found = set(cls.__subclasses__())
        return found.union(*(subclasses(sub) for sub in found))

    error_codes = {cls.exit_code for cls in subclasses(SummarizerError)} | {70}
    assert EXIT_NOTHING_NEW not in error_codes and EXIT_PUBLISH_FAILED not in error_codes
    assert len({EXIT_PUBLISHED, EXIT_NOTHING_NEW, EXIT_PUBLISH_FAILED}) == 3
