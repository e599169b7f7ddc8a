"""`summarizer serve`: the web page and the JSON API on 127.0.0.1 (the `serve` extra)."""

from __future__ import annotations

import logging
from typing import Annotated

import typer

from summarizer.cli import app
from summarizer.cli.common import ChromaOpt, ConfigOpt, IndexOpt, err_console, guarded, resolve_settings


@app.command("serve")
def serve_command(
    host: Annotated[
        str, typer.Option("--host", help="Address to bind; anything but loopback needs --token.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            envvar="SUMMARIZER_SERVE_TOKEN",
            show_envvar=True,
            help="Bearer token every data request must carry (required off loopback; 16+ characters).",
        ),
    ] = None,
    allow_ingest: Annotated[
        bool,
        typer.Option(
            "--allow-ingest", help="Offer POST /api/ingest: look again in the folders already indexed."
        ),
    ] = False,
    engine: Annotated[
        str | None, typer.Option("--engine", help="Answer engine for /api/ask: local, openai or replay.")
    ] = None,
    index: IndexOpt = None,
    chroma_url: ChromaOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Serve the web page (questions with cited answers, the latest summary, the risk register,
    the slip timeline) and the JSON API over one data directory. Read-only unless --allow-ingest.

    Example:

        summarizer serve                     # http://127.0.0.1:8000/
        SUMMARIZER_SERVE_TOKEN=… summarizer serve --host 0.0.0.0 --port 8080
    """

    def run() -> None:
        try:
            from summarizer.serve import server
        except ImportError as missing:  # fastapi/uvicorn are the `serve` extra
            from summarizer.errors import ConfigError

            raise ConfigError(
                f"serve needs the serve extra ({missing.name} is missing): pip install 'summarizer[serve]'"
            ) from None
        settings = resolve_settings(index, chroma_url, config, engine=engine)
        level = logging.getLogger("summarizer").getEffectiveLevel()
        running = server.build(settings, host, port, token=token, allow_ingest=allow_ingest, log_level=level)
        auth = " · bearer token required" if token else ""
        err_console.print(
            f"serving {server.url(host, port)} · engine {settings.resolved_engine} · index {settings.home}"
            f"{auth} · {'ingest allowed' if allow_ingest else 'read-only'} · Ctrl-C stops",
            highlight=False,
            soft_wrap=True,
        )
        running.run()

    guarded(run)
