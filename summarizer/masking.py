"""Secrets shown safely: API keys, webhook URLs and signing secrets, masked the one same way.

Below the settings so that `summarizer config` can mask what the settings hold (the API key,
each publish target's webhook URL and secret) and the publishers can redact their errors and
logs with the same rules.

A chat webhook URL is a credential: whoever has it can post to the group. The token lives in
the path (Feishu, Slack) or the query (DingTalk `access_token`, WeCom `key`), so every URL we
show is masked and every text we log or return passes through a `Redactor` first.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import parse_qsl, quote, quote_plus, urlsplit


def mask(value: str) -> str:
    """A hint of the value, never the value: 'sk-…ef', or '***' when short."""
    return value[:3] + "…" + value[-2:] if len(value) > 8 else "***"


# Query parameters that carry a credential whatever their value looks like.
_CREDENTIAL_PARAMS = frozenset({"access_token", "key", "token", "secret", "sign", "signature", "sig"})


def _token_like(value: str) -> bool:
    """Long, or id-like (8+ characters with a digit): a webhook token, not a word like 'hooks'."""
    return len(value) >= 16 or (len(value) >= 8 and any(c.isdigit() for c in value))


def url_secrets(url: str) -> list[str]:
    """The parts of a webhook URL that grant access: credential query values, user info, and
    token-like path segments (Feishu's `/hook/<token>`, Slack's `/services/T…/B…/<token>`).

    Plain words stay readable (`/open-apis/bot/v2/hook/`), so a masked URL still tells targets
    apart and redaction does not mangle ordinary text that happens to contain them.
    """
    parts = urlsplit(url)
    found: list[str] = []
    for name, value in parse_qsl(parts.query, keep_blank_values=False):
        if name.lower() in _CREDENTIAL_PARAMS or _token_like(value):
            found.append(value)
    found += [segment for segment in parts.path.split("/") if _token_like(segment)]
    found += [credential for credential in (parts.username, parts.password) if credential]
    return [value for value in found if len(value) >= 4]


class Redactor:
    """Replaces known secrets (and their URL-encoded forms) in any text with their masks."""

    def __init__(self, secrets: Iterable[str | None]) -> None:
        variants: set[str] = set()
        for secret in secrets:
            if secret:
                variants.update({secret, quote(secret, safe=""), quote_plus(secret)})
        # Longest first, so a secret that contains another is replaced whole.
        self._secrets = sorted((v for v in variants if len(v) >= 4), key=len, reverse=True)

    @property
    def secrets(self) -> tuple[str, ...]:
        return tuple(self._secrets)

    def __call__(self, text: str) -> str:
        for secret in self._secrets:
            if secret in text:
                text = text.replace(secret, mask(secret))
        return text

    def __repr__(self) -> str:
        return f"Redactor({len(self._secrets)} secrets)"


def mask_url(url: str) -> str:
    """The URL with its credentials masked: enough to tell targets apart, not to use one."""
    return Redactor(url_secrets(url))(url)
