"""Every pipeline call on one worker thread, which owns the workspace.

The ledger's SQLite connection may only be used by the thread that opened it, and the summaries'
per-ledger caches are plain dicts; so one thread opens the workspace and runs every call, and
requests queue for it. The event loop stays free for the page, the docs and the refusals (auth,
host, validation). A question takes milliseconds once warm (bench/RESULTS.md: Serve), so a queue
of one is the honest design for a team's server; more throughput means more `serve` processes
(read-only, they can share a data directory).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, TypeVar

from summarizer.config import Settings
from summarizer.workspace import Workspace

if TYPE_CHECKING:
    from summarizer.engines import Engine

log = logging.getLogger(__name__)
T = TypeVar("T")


class Backend:
    """The workspace and the `ask` engine, opened lazily on the worker thread."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="summarizer-serve")
        self._workspace: Workspace | None = None
        self._engine: Engine | None = None

    # -- on the worker thread only ------------------------------------------------------------
    def workspace(self) -> Workspace:
        if self._workspace is None:
            self._workspace = Workspace(self.settings)
        return self._workspace

    def engine(self) -> Engine:
        """One engine for the server's life: a replay engine starts its server once."""
        if self._engine is None:
            from summarizer.pipelines.ask import open_engine

            self._engine = open_engine(self.workspace())
        return self._engine

    def _warm(self) -> None:
        """Open the ledger and load the embedding model before the first question needs them."""
        workspace = self.workspace()
        try:
            workspace.ledger_or_none  # noqa: B018 (opening is the point)
            workspace.embedder.embed_query("warm up")
            self.engine()
        except Exception as exc:  # a broken index shows on the first request, with its error
            log.warning("warming up failed: %s", exc)

    def _close(self) -> None:
        if self._engine is not None:
            self._engine.close()
        if self._workspace is not None and "ledger" in self._workspace.__dict__:
            self._workspace.ledger.close()

    # -- from the event loop ----------------------------------------------------------------------
    async def run(self, call: Callable[[Workspace], T]) -> T:
        """`call(workspace)` on the worker thread; its exception is raised here."""
        return await asyncio.wrap_future(self._pool.submit(lambda: call(self.workspace())))

    async def ask_engine(self) -> str:
        return await asyncio.wrap_future(self._pool.submit(lambda: self.engine().name))

    def warm(self) -> None:
        self._pool.submit(self._warm)

    def close(self) -> None:
        self._pool.submit(self._close)
        self._pool.shutdown(wait=True)
