"""The command-line interface: `summarizer <command>` and the `ask` shortcut.

Each command group lives in its own module and registers itself on `app` when imported.
"""

from __future__ import annotations

import os
from typing import Annotated

import typer

from summarizer import __version__
from summarizer.cli import common

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

app = typer.Typer(
    name="summarizer",
    help="Weekly status reports in; a section index, a fact ledger and cited answers out.",
    no_args_is_help=True,
    # --install-completion / --show-completion (bash, zsh, fish, PowerShell); README: Completion.
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"summarizer {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    verbose: Annotated[
        int,
        typer.Option("--verbose", "-v", count=True, help="Log lines on stderr: -v steps (info), -vv debug."),
    ] = 0,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Only errors on stderr: no progress, notes or warnings.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Weekly status reports in; a section index, a fact ledger and cited answers out.

    Results go to stdout, logs and progress to stderr. Colours and progress bars appear only at a
    terminal and never with NO_COLOR set.
    """
    if verbose and quiet:
        raise typer.BadParameter("use -v or -q, not both", param_hint="--quiet")
    common.configure(verbose, quiet)


# Each command module registers its commands on `app` when imported.
from summarizer.cli import (  # noqa: E402,F401
    ask_cmd,
    config_cmd,
    digest_cmd,
    doctor_cmd,
    eval_cmd,
    ingest_cmd,
    ledger_cmd,
    logs_cmd,
    serve_cmd,
    summary_cmd,
)


def main() -> None:
    app()


def ask_main() -> None:
    """The `ask` console script: `ask "QUESTION"` is `summarizer ask "QUESTION"`."""
    from summarizer.cli.ask_cmd import ask_app

    common.configure()
    ask_app()
