"""Public re-export of the error hierarchy (defined in `index.errors` so both packages share it)."""

from index.errors import (
    ConfigError,
    EngineError,
    IndexBusyError,
    IndexError_,
    InputError,
    ReportDateError,
    SummarizerError,
)

__all__ = [
    "ConfigError",
    "EngineError",
    "IndexBusyError",
    "IndexError_",
    "InputError",
    "ReportDateError",
    "SummarizerError",
]
