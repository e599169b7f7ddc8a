"""The machine line every benchmark prints beside its figures: figures without it mean nothing."""

from __future__ import annotations

import os
import platform
import re
from pathlib import Path


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def nproc() -> int:
    """CPUs this process may run on (what `nproc` prints), not the host's total."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def describe() -> str:
    return f"{nproc()} CPUs (nproc), {cpu_model()}, Python {platform.python_version()}"


RESULTS = Path(__file__).parent / "RESULTS.md"


def replace_section(section: str, results: Path = RESULTS) -> None:
    """Put `section` (starting with its `## Title` line) in place of the section of that title in
    RESULTS.md, or append it: each benchmark owns one section and leaves the others alone."""
    title = section.split("\n", 1)[0]
    text = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
    pattern = re.compile(rf"^{re.escape(title)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: section.rstrip("\n") + "\n\n", text)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    results.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
