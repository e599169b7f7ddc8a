"""The habits every command shares: --version, shell completion, -v/-q as log levels, NO_COLOR,
and no colour or progress when output is not a terminal."""

from __future__ import annotations

import logging
import re

import pytest
from typer.testing import CliRunner

from summarizer import __version__
from summarizer.cli import app, common

ANSI = re.compile(r"\x1b\[")


def run(*args: str, **env: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), prog_name="summarizer", env=env or None)
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    assert run("--version") == (0, f"summarizer {__version__}\n", "")


def test_completion_script_and_completions(monkeypatch: pytest.MonkeyPatch) -> None:
    # --show-completion asks shellingham which shell runs us; under `make` that is sh, which
    # completion does not support, so the test names the shell a user's terminal would be.
    monkeypatch.setattr("shellingham.detect_shell", lambda *_: ("bash", "/bin/bash"))
    code, script, _ = run("--show-completion")
    assert code == 0 and "_SUMMARIZER_COMPLETE=complete_bash" in script
    assert "complete -o default -F _summarizer_completion summarizer" in script
    complete = {"_SUMMARIZER_COMPLETE": "complete_bash", "COMP_CWORD": "1"}
    assert run(**complete, COMP_WORDS="summarizer dig")[1] == "digest\n"
    assert run(**complete, COMP_WORDS="summarizer se")[1].split() == ["serve"]
    options = {"_SUMMARIZER_COMPLETE": "complete_bash", "COMP_CWORD": "2"}
    assert run(**options, COMP_WORDS="summarizer digest --dry")[1] == "--dry-run\n"
    # The manual route the README documents, for any shell: the script on stdout.
    assert run(_SUMMARIZER_COMPLETE="source_zsh")[1].startswith("\n#compdef summarizer")
    assert "complete --command summarizer" in run(_SUMMARIZER_COMPLETE="source_fish")[1]


@pytest.mark.parametrize(
    ("options", "level"),
    [((), logging.WARNING), (("-v",), logging.INFO), (("-vv",), logging.DEBUG), (("-q",), logging.ERROR)],
)
def test_verbosity_is_the_log_level_of_every_command(options: tuple[str, ...], level: int) -> None:
    code, _, _ = run(*options, "projects", "--json")  # any command: the root callback sets it
    assert code == 1  # no ledger in the isolated home; the level is set before the command runs
    assert logging.getLogger("summarizer").level == level
    assert logging.getLogger("index").level == level


def test_verbose_lines_go_to_stderr_and_quiet_keeps_errors() -> None:
    code, out, err = run("-q", "timeline", "nope")
    assert code == 1 and out == "" and err.startswith("error: no ledger at")
    assert run("-v", "-q", "projects")[0] == 2


def test_no_colour_off_a_terminal_and_with_no_color() -> None:
    forced = run("timeline", "nope", FORCE_COLOR="1")[2]
    assert ANSI.search(forced)  # a terminal (forced) gets colour ...
    assert not ANSI.search(run("timeline", "nope")[2])  # ... a pipe does not
    assert not ANSI.search(run("timeline", "nope", FORCE_COLOR="1", NO_COLOR="1")[2])  # nor NO_COLOR


def test_no_progress_bars_unless_both_streams_are_terminals() -> None:
    common.configure()
    assert not common.interactive()  # CliRunner's streams are not terminals
