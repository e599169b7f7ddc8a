"""Who may talk to the server: the bind rule, the bearer token, the Host header.

- Bound to loopback without a token, only `Host: localhost/127.0.0.1/[::1]` is answered: a web
  page elsewhere cannot read the API through DNS rebinding (its requests carry its own host).
- Bound to any other address, a token is required (at least 16 characters); every request but
  the two static shells (`/`, `/docs`) must carry it as `Authorization: Bearer <token>`,
  compared in constant time. With a token, any Host is accepted: the token is the guard.
- Every response says not to sniff, frame or refer; data responses are not cached.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

from summarizer.errors import ConfigError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MIN_TOKEN = 16
PUBLIC_PATHS = frozenset({"/", "/docs"})
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})
TOKEN_HINT = "python -c 'import secrets; print(secrets.token_urlsafe(32))'"


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and localhost; `0.0.0.0` and every other address are not."""
    name = host.strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse to expose the index beyond this machine without a token, or with a weak one."""
    if token is not None and len(token) < MIN_TOKEN:
        raise ConfigError(f"the token must be at least {MIN_TOKEN} characters; make one with {TOKEN_HINT}")
    if not is_loopback(host) and not token:
        raise ConfigError(
            f"--host {host} makes the index readable from other machines: pass --token or set "
            f"SUMMARIZER_SERVE_TOKEN (make one with {TOKEN_HINT})"
        )


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return ""


def token_ok(scope: Scope, token: str) -> bool:
    scheme, _, given = _header(scope, b"authorization").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())


def host_ok(scope: Scope) -> bool:
    try:
        name = urlsplit("//" + _header(scope, b"host")).hostname
    except ValueError:
        return False
    return name is not None and is_loopback(name)


SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


class Guard:
    """ASGI middleware: the Host rule without a token, the bearer token with one, headers always."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        if self.token is None and not host_ok(scope):
            await _refuse(send, 400, "this server answers requests to localhost only (Host header)")
            return
        if self.token is not None and path not in PUBLIC_PATHS and not token_ok(scope, self.token):
            await _refuse(
                send,
                401,
                "missing or wrong bearer token",
                [(b"www-authenticate", b'Bearer realm="summarizer"')],
            )
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += SECURITY_HEADERS
                if path.startswith("/api/") or path == "/openapi.json":
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _refuse(
    send: Send, status: int, detail: str, extra: list[tuple[bytes, bytes]] | None = None
) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        *SECURITY_HEADERS,
        *(extra or []),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
