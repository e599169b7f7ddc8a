"""`python -m summarizer …` is the `summarizer` command (tests run it in subprocesses)."""

from summarizer.cli import main

main()
