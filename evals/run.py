"""`python evals/run.py [options]`: the eval without installing the console script (CI, a fresh clone)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summarizer.cli import app

if __name__ == "__main__":
    app(["eval", *sys.argv[1:]], prog_name="evals/run.py")
