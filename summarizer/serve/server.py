"""Run the application under uvicorn: the bind rule first, then one process, one worker thread."""

from __future__ import annotations

import logging
import socket
from typing import TYPE_CHECKING

from summarizer.config import Settings
from summarizer.errors import ConfigError
from summarizer.serve.security import check_bind, is_loopback

if TYPE_CHECKING:
    import uvicorn


def url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def check_port(host: str, port: int) -> None:
    """Fail with one clear line, before anything starts, when the address cannot be bound."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise ConfigError(
                f"cannot listen on {url(host, port)}: {exc.strerror or exc} (--host/--port)"
            ) from None


def build(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    token: str | None = None,
    allow_ingest: bool = False,
    log_level: int = logging.WARNING,
) -> uvicorn.Server:
    """A `uvicorn.Server` for the app; `ConfigError` when the bind rule refuses host and token."""
    import uvicorn

    from summarizer.serve.app import create_app

    check_bind(host, token)
    check_port(host, port)
    config = uvicorn.Config(
        create_app(settings, token=token, allow_ingest=allow_ingest),
        host=host,
        port=port,
        # Access lines (method, path, status) at -v; uvicorn never logs the Authorization header.
        log_level="info" if log_level <= logging.INFO else "warning",
        access_log=log_level <= logging.INFO,
        # The proxy headers would let any client claim to be loopback.
        proxy_headers=False,
        server_header=False,
        lifespan="on",
    )
    return uvicorn.Server(config)


__all__ = ["build", "is_loopback", "url"]
