"""The request hash shared by the response cache, the call log and the replay server.

A key is sha256 of canonical JSON of the prompt ident and the chat request body exactly as the
SDK sends it: model, messages, response_format (so the schema, whichever way it travels),
temperature and max_tokens. The replay server recomputes it from the body it receives and the
prompt header, so a cassette matches precisely the request the client would have made.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

# Carries the prompt ident beside the body: every OpenAI-compatible server ignores unknown headers,
# while unknown body fields are rejected by some.
PROMPT_HEADER = "X-Summarizer-Prompt"


def canonical_json(value: Any) -> str:
    """Sorted keys, no whitespace, UTF-8 kept: equal data gives equal text."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def digest(value: Any) -> str:
    return hashlib.sha256(canonical_json(value).encode("utf-8")).hexdigest()


def request_key(body: Mapping[str, Any], prompt_ident: str) -> str:
    """The hash that names one chat request in the cache, the call log and the cassettes."""
    return digest({"prompt": prompt_ident, "request": dict(body)})


# The error code the replay server answers a miss with (HTTP 404, inside the usual {"error": {...}}).
REPLAY_MISS_CODE = "replay_miss"
