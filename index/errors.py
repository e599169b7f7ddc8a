"""The root of the exception hierarchy and the errors the data side raises.

The root lives here so `index` never has to import `summarizer`; `summarizer.errors` adds the
user side's errors. The CLI maps each class to one line on stderr and an exit code.
"""

from __future__ import annotations

from pathlib import Path


class SummarizerError(Exception):
    """Root of every error this project raises on purpose."""

    exit_code = 1


class InputError(SummarizerError):
    """One input file cannot be used; the others go on."""

    def __init__(self, path: Path | str, reason: str, hint: str = "") -> None:
        self.path = str(path)
        self.reason = reason
        self.hint = hint
        message = f"{self.path}: {reason}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


class ReportDateError(InputError):
    """No report date could be found in the title, front matter or file name."""


class ConfigError(SummarizerError):
    """The configuration is invalid; raised before any work starts."""

    exit_code = 2


class IndexBusyError(SummarizerError):
    """Another writer holds the index lock and the caller asked not to wait."""

    exit_code = 4


class StoreError(SummarizerError):
    """The vector store or ledger cannot be opened, read or written (a Chroma server that is
    unreachable or died, a damaged store)."""

    exit_code = 7


class ReadOnlyError(StoreError):
    """The data directory cannot be written: read-only, or not ours. Reading still works."""

    exit_code = 5


class DiskFullError(StoreError):
    """The disk holding the data directory is full."""

    exit_code = 6


class EmbedderError(SummarizerError):
    """The embedding endpoint cannot serve the request as configured or cannot be reached (after
    the SDK's retries): check the server, the model name or the network, then rerun unchanged."""

    exit_code = 3

    def __init__(self, endpoint: str, reason: str, status: int | None = None) -> None:
        self.endpoint = endpoint
        self.reason = reason
        self.status = status
        super().__init__(f"embeddings at {endpoint}: {reason}")


class EmbedderAuthError(EmbedderError, ConfigError):
    """The embedding endpoint rejected the API key: the configuration must change."""

    exit_code = 2
