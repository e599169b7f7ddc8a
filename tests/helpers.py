"""Small corpora written by tests that need reports on disk (crash, doctor, concurrency)."""

from __future__ import annotations

import shutil
from pathlib import Path


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
