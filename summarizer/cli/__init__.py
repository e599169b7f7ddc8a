"""The command-line interface: `summarizer <command>` and the `ask` shortcut.

Each command group lives in its own module and registers itself on `app` when imported.
"""

from __future__ import annotations

import os

import typer

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

app = typer.Typer(
    name="summarizer",
    help="Weekly status reports in; a section index, a fact ledger and cited answers out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Each command module registers its commands on `app` when imported.
from summarizer.cli import (  # noqa: E402,F401
    ask_cmd,
    config_cmd,
    doctor_cmd,
    eval_cmd,
    ingest_cmd,
    ledger_cmd,
    logs_cmd,
    summary_cmd,
)


def main() -> None:
    app()


def ask_main() -> None:
    """The `ask` console script: `ask "QUESTION"` is `summarizer ask "QUESTION"`."""
    from summarizer.cli.ask_cmd import ask_app

    ask_app()
