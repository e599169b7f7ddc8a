"""The error hierarchy: the data side's errors (`index.errors`) and the user side's own.

The CLI maps each class to one line on stderr and an exit code (README: exit codes).
"""

from index.errors import (
    ConfigError,
    DiskFullError,
    EmbedderAuthError,
    EmbedderError,
    IndexBusyError,
    InputError,
    ReadOnlyError,
    ReportDateError,
    StoreError,
    SummarizerError,
)


class EngineError(SummarizerError):
    """An answer engine failed in a way the caller should see (bad reply, refusal, truncation)."""


__all__ = [
    "ConfigError",
    "DiskFullError",
    "EmbedderAuthError",
    "EmbedderError",
    "EngineError",
    "IndexBusyError",
    "InputError",
    "ReadOnlyError",
    "ReportDateError",
    "StoreError",
    "SummarizerError",
]
