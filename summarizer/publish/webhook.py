"""Generic JSON webhook: the `DigestMessage` itself as UTF-8 JSON, for your own receiver.

With a secret, the request carries `X-Summarizer-Signature: sha256=<hex>`, the HMAC-SHA256 of
the exact body bytes keyed by the secret (the GitHub convention). Verify it over the raw body
before parsing, with a constant-time comparison. The signature covers no timestamp, so a
receiver that must refuse replays should dedupe on the body's content hash.
"""

from __future__ import annotations

import hashlib
import hmac

from summarizer.publish.base import Publisher
from summarizer.publish.message import DigestMessage
from summarizer.publish.sender import JSON_HEADERS, Request

SIGNATURE_HEADER = "X-Summarizer-Signature"


def signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class WebhookPublisher(Publisher):
    kind = "webhook"

    def build(self, message: DigestMessage) -> list[Request]:
        body = message.model_dump_json().encode("utf-8")  # pydantic writes UTF-8, no \\u escapes
        headers = dict(JSON_HEADERS)
        if self._secret is not None:
            headers[SIGNATURE_HEADER] = signature(self._secret, body)
        return [Request(url=self._url, body=body, headers=headers)]
