"""The local engine: deterministic and extractive (engine.py), over report lines (extractive.py)."""

from summarizer.engines.local.engine import LocalEngine

__all__ = ["LocalEngine"]
