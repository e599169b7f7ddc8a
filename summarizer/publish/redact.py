"""Keep webhook tokens and signing secrets out of logs, errors and reprs.

The masking rules (`mask`, `mask_url`, `url_secrets`, `Redactor`) live in `summarizer.masking`,
shared with `summarizer config`; this module adds what only publishers need: httpx logs each
request's full URL at INFO, and `guard_library_logs` filters those records too.
"""

from __future__ import annotations

import logging

from summarizer.masking import Redactor, mask, mask_url, url_secrets

__all__ = ["Redactor", "guard_library_logs", "mask", "mask_url", "url_secrets"]

# Logger filters do not apply to child loggers' records, so httpcore's are named one by one.
_LIBRARY_LOGGERS = (
    "httpx",
    "httpcore",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
)


class _LibraryLogFilter(logging.Filter):
    """Masks registered secrets in records of the HTTP libraries (httpx logs full request URLs)."""

    def __init__(self) -> None:
        super().__init__()
        self._redactors: list[Redactor] = []

    def add(self, redactor: Redactor) -> None:
        if redactor.secrets and redactor not in self._redactors:
            self._redactors.append(redactor)

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._redactors:
            return True
        text = record.getMessage()
        clean = text
        for redactor in self._redactors:
            clean = redactor(clean)
        if clean != text:
            record.msg, record.args = clean, ()
        return True


_FILTER = _LibraryLogFilter()


def guard_library_logs(redactor: Redactor) -> None:
    """Mask this redactor's secrets in httpx/httpcore log records from now on (idempotent)."""
    _FILTER.add(redactor)
    for name in _LIBRARY_LOGGERS:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
