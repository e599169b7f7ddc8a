"""Benchmark hostile inputs: how long one bad file holds the writer lock, and what it costs.

Each case is one generated file ingested alone, in its own process, with a wall-clock timeout, so
a hang shows as "> timeout" instead of hanging the benchmark; peak RSS is that process's alone.
Run: `.venv/bin/python -m bench.hostile [--timeout SECONDS]` (writes nothing; copy the table into
RESULTS.md).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.machine import describe  # noqa: E402  (needs ROOT on sys.path when run as a script)

TITLE = "# Weekly report 2025-03-14\n\n"


def _alias_bomb() -> str:
    # Nine levels, each a list of nine references to the level before: 9**9 leaves when expanded.
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 9):
        prev, name = chr(ord("a") + level - 1), chr(ord("a") + level)
        lines.append(f"{name}: &{name} [{','.join('*' + prev for _ in range(9))}]")
    return "---\n" + "\n".join(lines) + "\ndate: 2025-03-14\n---\n" + TITLE + "- item\n"


CASES: dict[str, Callable[[], bytes]] = {
    "one 1 MB line, no newline": lambda: (TITLE + "a" * 1_000_000).encode(),
    "1,000 levels of '#'": lambda: (
        TITLE + "\n".join("#" * k + f" level {k}" for k in range(1, 1001)) + "\n"
    ).encode(),
    "330 cl100k tokens of '#' runs": lambda: (TITLE + ("#" * 64 + "\n") * 40).encode(),
    "YAML alias bomb (9 levels)": lambda: _alias_bomb().encode(),
    "front matter nested 5,000 deep": lambda: (
        "---\nx: " + "[" * 5000 + "]" * 5000 + "\ndate: 2025-03-14\n---\n" + TITLE + "- item\n"
    ).encode(),
    "UTF-8 BOM + one invalid byte": lambda: b"\xef\xbb\xbf" + TITLE.encode() + b"- caf\xe9\n",
    # (each blank line may open a table stacked one cell per line: `tables_stacked` looks once)
    "24,000 lines of two-line paragraphs": lambda: (
        TITLE + "A paragraph opens here and runs on.\nIt has a second line too.\n\n" * 8000
    ).encode(),
}


def run_case(path: Path, home: Path) -> dict[str, object]:
    """Ingest one file into `home` in this process; report the outcome instead of raising."""
    from index.ingest import Ingestor
    from summarizer.config import load_settings
    from summarizer.workspace import Workspace

    workspace = Workspace(load_settings(overrides={"home": str(home)}, environ={}))
    ingestor = Ingestor(workspace.store, workspace.embedder, ledger=workspace.ledger)
    longest = [0.0]
    embed = workspace.embedder.embed_passages

    def timed(texts: object) -> object:
        began = time.perf_counter()
        try:
            return embed(texts)  # type: ignore[arg-type]
        finally:
            longest[0] = max(longest[0], time.perf_counter() - began)

    workspace.embedder.embed_passages = timed  # type: ignore[method-assign]
    started = time.perf_counter()
    try:
        outcome = ingestor.ingest_file(path)
        result: dict[str, object] = {"status": outcome.status, "reason": outcome.reason}
    except BaseException as exc:  # the point is to see what escapes
        result = {"status": "crashed", "reason": f"{type(exc).__name__}: {str(exc)[:80]}"}
    result["seconds"] = round(time.perf_counter() - started, 2)
    result["longest_embed_call"] = round(longest[0], 2)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return result


def _child(path: Path, home: Path, timeout: float) -> dict[str, object]:
    started = time.perf_counter()
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(path), str(home)],
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
        )
    except subprocess.TimeoutExpired:
        return {"status": "hung", "reason": f"killed after {timeout:.0f} s", "seconds": f"> {timeout:.0f}"}
    lines = out.stdout.strip().splitlines()
    if out.returncode != 0 or not lines:
        tail = (out.stderr.strip().splitlines() or ["?"])[-1][:80]
        return {"status": "died", "reason": tail, "seconds": round(time.perf_counter() - started, 2)}
    return dict(json.loads(lines[-1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        for number, (name, make) in enumerate(CASES.items()):
            path = Path(tmp) / f"case{number}.md"
            path.write_bytes(make())
            rows[name] = _child(path, Path(tmp) / f"home{number}", args.timeout)
    print(f"machine: {describe()}")
    print("| input | outcome | seconds | longest embedding call, s | peak RSS MB |")
    print("|---|---|---|---|---|")
    for name, r in rows.items():
        outcome = f"{r['status']}: {r.get('reason') or ''}".rstrip(": ")
        print(
            f"| {name} | {outcome} | {r['seconds']} | {r.get('longest_embed_call', '')} | {r.get('peak_rss_mb', '')} |"
        )


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        print(json.dumps(run_case(Path(sys.argv[2]), Path(sys.argv[3]))))
    else:
        main()
