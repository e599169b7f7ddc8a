"""A test hook for crash consistency: `SUMMARIZER_CRASH_AT=<n>` ends the process with `os._exit`
just before its n-th write to the store, the ledger or the lexical index.

`os._exit` runs no `finally`, no context manager and no atexit: what is on disk afterwards is
what a SIGKILL or a power cut at that point leaves. tests/test_crash.py kills ingests and prunes
at every write this way and checks that the next run repairs the index. Unset, it costs one
environment lookup per write.
"""

from __future__ import annotations

import os
import sys

ENV = "SUMMARIZER_CRASH_AT"
EXIT_CODE = 86
_writes = 0


def write_point(label: str) -> None:
    """Count one write; end the process here when it is the one `SUMMARIZER_CRASH_AT` names."""
    target = os.environ.get(ENV)
    if not target:
        return
    global _writes
    _writes += 1
    if _writes == int(target):
        sys.stderr.write(f"{ENV}={target}: crashing before {label}\n")
        sys.stderr.flush()
        os._exit(EXIT_CODE)
