"""Severity levels for summaries: the normaliser `ask` uses too (`summarizer.facts.severity`)."""

from __future__ import annotations

from summarizer.facts.severity import LEVELS, level, rank

__all__ = ["LEVELS", "level", "rank"]
