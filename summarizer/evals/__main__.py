"""`python -m summarizer.evals [options]`: the same as `summarizer eval [options]`."""

from __future__ import annotations

import sys

from summarizer.cli import app

if __name__ == "__main__":
    app(["eval", *sys.argv[1:]], prog_name="python -m summarizer.evals")
