"""Generic JSON webhook: the DigestMessage itself, UTF-8, with an optional HMAC of the body."""

from __future__ import annotations

import hashlib
import hmac

from summarizer.publish import DigestMessage

from .conftest import SECRET, MakePublisher, chinese_digest
from .receiver import Receiver, Reply


def test_body_is_the_digest_message_as_utf8_json(make_publisher: MakePublisher, receiver: Receiver) -> None:
    digest = chinese_digest()
    result = make_publisher("webhook").publish(digest)
    assert result.ok and result.status == 204
    (request,) = receiver.requests
    assert DigestMessage.model_validate_json(request.body) == digest
    assert "收银台".encode() in request.body and b"\\u" not in request.body
    assert "x-summarizer-signature" not in request.headers


def test_signature_header_is_the_hmac_of_the_exact_body(
    make_publisher: MakePublisher, receiver: Receiver
) -> None:
    receiver.secret = SECRET
    assert make_publisher("webhook", secret=SECRET).publish(chinese_digest()).ok
    request = receiver.requests[-1]
    expected = "sha256=" + hmac.new(SECRET.encode(), request.body, hashlib.sha256).hexdigest()
    assert request.headers["x-summarizer-signature"] == expected and request.accepted


def test_wrong_secret_is_refused(make_publisher: MakePublisher, receiver: Receiver) -> None:
    receiver.secret = SECRET
    result = make_publisher("webhook", secret="another-secret-123").publish(chinese_digest())
    assert (result.ok, result.status, result.attempts) == (False, 401, 1)
    assert result.error == "HTTP 401: bad signature"


def test_any_2xx_is_delivered(make_publisher: MakePublisher, receiver: Receiver) -> None:
    receiver.script(Reply(status=202, body={"queued": True}))
    assert make_publisher("webhook").publish(chinese_digest()).ok
