"""Small corpora written by tests that need reports on disk (crash, doctor, concurrency), and one
report written and parsed for its date (the report-date tests)."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sys
from datetime import date
from pathlib import Path
from typing import Any


def report(day: str, body: str) -> str:
    return f"# Weekly report {day}\n\n## Progress\n- {body}\n\n## Risks\n- none this week for {body}\n"


V1 = {
    "2025-03-07.md": report("2025-03-07", "Project Heron at 40%"),
    "2025-03-14.md": report("2025-03-14", "Project Heron at 55%"),
    "2025-03-21.md": report("2025-03-21", "Project Heron at 60%, target 2025-04-30"),
}
# v2: one report edited, one unchanged, one deleted (pruned), one new.
V2 = {
    "2025-03-07.md": report("2025-03-07", "Project Heron at 45% after the review"),
    "2025-03-14.md": V1["2025-03-14.md"],
    "2025-03-28.md": report("2025-03-28", "Project Heron slipped to 2025-05-15"),
}


def write_corpus(folder: Path, files: dict[str, str]) -> Path:
    """`folder` holding exactly `files` (name -> text)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# `summarizer` runs in fresh processes forked from a server that imported everything once: a
# subprocess per run spent ~2 s importing chromadb and friends, a fork ~0.2 s. The children are
# as fresh as a new process where it matters (no store, ledger or model opened before the fork).
_PRELOAD = [
    "summarizer.cli",
    "summarizer.pipelines.ingest",
    "summarizer.pipelines.ask",
    "index.store",
    "index.chroma_client",
    "index.embed",
]
_forkserver: Any = None


def _run_cli(args: list[str], env: dict[str, str], log: str) -> None:
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.environ.update(env)
    sys.argv = ["summarizer", *args]
    from summarizer.cli import main

    try:
        main()
    except SystemExit as exc:
        code = exc.code
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code if isinstance(code, int) else (0 if code is None else 1))
    os._exit(0)


def run_cli_forked(args: list[str], log: Path, env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run `summarizer ARGS` in a forked child; (exit code, its stdout and stderr together)."""
    global _forkserver
    if _forkserver is None:
        _forkserver = multiprocessing.get_context("forkserver")
        _forkserver.set_forkserver_preload(_PRELOAD)
    process = _forkserver.Process(target=_run_cli, args=(args, env or {}, str(log)))
    process.start()
    process.join(timeout=300)
    if process.is_alive():
        process.kill()
        process.join()
    return int(process.exitcode or 0), log.read_text(encoding="utf-8", errors="replace")


def parsed_date(tmp_path: Path, name: str, text: str, near: date | None = None) -> tuple[date, str]:
    """Write `text` as the report `name` and parse it: its date and where the date came from."""
    from index.load import load_document
    from index.parse import parse_report

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = parse_report(load_document(path), name, near=near)
    return report.date, report.date_origin
