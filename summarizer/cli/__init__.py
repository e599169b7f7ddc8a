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

from summarizer.cli import config_cmd, ingest_cmd  # noqa: E402,F401  (registration by import)

for _optional in ("ledger_cmd", "ask_cmd", "eval_cmd"):
    # Command groups added by later work register themselves the same way.
    try:
        __import__(f"summarizer.cli.{_optional}")
    except ModuleNotFoundError as exc:
        if exc.name != f"summarizer.cli.{_optional}":
            raise


def main() -> None:
    app()


def ask_main() -> None:
    """The `ask` console script: `ask "QUESTION"` is `summarizer ask "QUESTION"`."""
    from summarizer.cli.ask_cmd import ask_app

    ask_app()
