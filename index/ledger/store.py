"""The fact ledger: one SQLite file of reports and the facts extracted from each.

Facts are stored per report and replaced whole when the report's content hash (or the
extractor version) changes, so re-ingesting an unchanged file costs one lookup. What the views
read (identity, timelines, slips, launches, incidents, metric series) is derived from the facts
sorted by report date and stored beside them (`derive.py`): brought up to date at the end of an
ingest, or by the first read after a write, for the reports marked dirty since.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from index.crash import write_point
from index.errors import ReadOnlyError, StoreError
from index.failures import store_failure
from index.ledger.complete import Completion
from index.ledger.derive import Derivation, derive, stamp
from index.ledger.extract import EXTRACTOR_VERSION, ReportFacts, extract_facts
from index.ledger.fact_rows import MODEL_SEQ, Fact, LedgerData, Row, fact_rows, ledger_data, rules_facts_of
from index.ledger.identity import AliasConfig
from index.ledger.schema import migrate
from index.lock import writer_busy
from index.models import Report
from index.schemas import Incident, MetricPoint, Observation, ReportRef, series_of

if TYPE_CHECKING:
    import numpy as np

Embed = Callable[[list[str]], "np.ndarray"]

# The extractor version stored for a report whose facts come from a model alone (`--extract llm`):
# never a rules version, so switching back to the rules re-extracts it.
MODEL_ONLY_VERSION = 0


class Ledger:
    """SQLite-backed store of per-report facts. Open with `Ledger.open(path)`."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        aliases_path: Path | None = None,
        embed: Embed | None = None,
        embed_threshold: float = 0.9,
    ) -> None:
        self._conn = conn
        self.path = path
        self.aliases_path = aliases_path if aliases_path is not None else path.parent / "aliases.toml"
        self.embed = embed
        self.embed_threshold = embed_threshold
        self._generation = 0
        self.cache: dict[str, Any] = {}
        self._checked: tuple[tuple[int, int], int] | None = None
        self.read_only = False
        self.rules = True
        """False for `ingest --extract llm`: reports written now keep no rules facts."""

    @classmethod
    def open(
        cls,
        path: Path,
        aliases_path: Path | None = None,
        embed: Embed | None = None,
        embed_threshold: float = 0.9,
    ) -> Ledger:
        """Open (creating and migrating as needed) the ledger at `path`."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, timeout=30)
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(conn, path)
        except (sqlite3.Error, OSError) as exc:
            failure = store_failure(exc, "open the ledger", path, path.parent)
            if not isinstance(failure, ReadOnlyError) or not path.exists():
                raise failure from exc
            # A read-only data directory: the ledger answers as it is; writes raise ReadOnlyError.
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
            ledger = cls(conn, path, aliases_path, embed, embed_threshold)
            ledger.read_only = True
            return ledger
        return cls(conn, path, aliases_path, embed, embed_threshold)

    def __enter__(self) -> Ledger:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    @property
    def generation(self) -> tuple[int, int]:
        """Changes when this or another connection writes: the key of cached derived views."""
        (data_version,) = self._conn.execute("PRAGMA data_version").fetchone()
        return self._generation, int(data_version)

    def current(self, source: str, content_hash: str) -> bool:
        """True when this exact content is stored and was extracted by this extractor version."""
        row = self._conn.execute(
            "SELECT content_hash, extractor_version FROM reports WHERE source = ?", (source,)
        ).fetchone()
        version = EXTRACTOR_VERSION if self.rules else MODEL_ONLY_VERSION
        return row is not None and row[0] == content_hash and row[1] == version

    def upsert_report(self, report: Report) -> bool:
        """Store the report's facts; False (and no work) when this exact content is already stored."""
        write = self.prepare(report)
        if write is None:
            return False
        write()
        return True

    @property
    def extractor(self) -> Callable[[Report], ReportFacts] | None:
        """What `prepare` extracts facts with, for workers that extract before it (index/parallel_load.py);
        None when the rules are off (a model-only ledger)."""
        return extract_facts if self.rules else None

    def prepare(self, report: Report, facts: object | None = None) -> Callable[[], None] | None:
        """Extract the report's facts (pure; may raise on a bad report) and return the write that
        stores them, or None when this exact content is already stored. `facts`: what `extractor`
        already made of this report elsewhere."""
        try:
            row = self._conn.execute(
                "SELECT content_hash, extractor_version, date FROM reports WHERE source = ?", (report.source,)
            ).fetchone()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read the ledger at {self.path}: {exc}") from exc
        version = EXTRACTOR_VERSION if self.rules else MODEL_ONLY_VERSION
        # (the same text read in another year, its series' year found later, is written again: its
        # facts' days are read in the report's year)
        if row is not None and (row[0], row[1], row[2]) == (
            report.content_hash,
            version,
            report.date.isoformat(),
        ):
            return None
        if not self.rules:
            facts = ReportFacts()
        elif not isinstance(facts, ReportFacts):
            facts = extract_facts(report)
        groups: tuple[tuple[str, Sequence[Fact]], ...] = (
            ("observation", facts.observations),
            ("incident", facts.incidents),
            ("metric", facts.metrics),
            ("note", facts.notes),
            ("rename", facts.renames),
            ("passage", facts.passages),
        )
        rows = fact_rows(report.source, groups)
        return partial(self._write, report, rows, version)

    def _write(self, report: Report, rows: list[Row], version: int) -> None:
        write_point(f"ledger write {report.source}")
        try:
            with self._conn:
                self._conn.execute("DELETE FROM pending WHERE source = ?", (report.source,))
                self._conn.execute("DELETE FROM facts WHERE source = ?", (report.source,))
                self._conn.execute("DELETE FROM reports WHERE source = ?", (report.source,))
                self._conn.execute(
                    "INSERT INTO reports (source, content_hash, date, week, week_int, week_label, title,"
                    " extractor_version, series) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        report.source,
                        report.content_hash,
                        report.date.isoformat(),
                        report.week,
                        report.week_int,
                        report.week_label,
                        report.title,
                        version,
                        series_of(report.source),
                    ),
                )
                self._conn.executemany(
                    "INSERT INTO facts (source, kind, seq, subject, payload) VALUES (?, ?, ?, ?, ?)", rows
                )
                self._conn.execute("INSERT OR IGNORE INTO dirty VALUES (?)", (report.source,))
        except sqlite3.Error as exc:
            raise store_failure(exc, "write the ledger", self.path, self.path.parent) from exc
        self._generation += 1

    def remove_report(self, source: str) -> None:
        """Drop the report's facts, its row and its journal mark in one transaction."""
        write_point(f"ledger remove {source}")
        try:
            with self._conn:
                self._conn.execute("DELETE FROM facts WHERE source = ?", (source,))
                self._conn.execute("DELETE FROM reports WHERE source = ?", (source,))
                self._conn.execute("DELETE FROM pending WHERE source = ?", (source,))
                self._conn.execute("INSERT OR IGNORE INTO dirty VALUES (?)", (source,))
        except sqlite3.Error as exc:
            raise store_failure(exc, "write the ledger", self.path, self.path.parent) from exc
        self._generation += 1

    # The journal (index/ingest.py `Journal`): the ledger records what the store is about to do.

    def begin(self, source: str, op: str) -> None:
        """Mark `source` as being written or removed, before the store is touched."""
        write_point(f"journal {op} {source}")
        self._execute("INSERT OR REPLACE INTO pending VALUES (?, ?, datetime('now'))", (source, op), "write")

    def finish(self, source: str) -> None:
        """Unmark `source` when its store write needed no ledger write (facts unchanged)."""
        write_point(f"journal finish {source}")
        self._execute("DELETE FROM pending WHERE source = ?", (source,), "write")

    def pending(self) -> dict[str, str]:
        """Reports a killed run left half-written or half-removed: source -> 'write' | 'remove'.

        A ledger older than the journal, opened read-only (so not migrated), has none.
        """
        if not self._has_table("pending"):
            return {}
        rows = self._execute("SELECT source, op FROM pending", (), "read")
        return {source: op for source, op in rows}

    def _has_table(self, name: str) -> bool:
        found = self._execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,), "read"
        )
        return bool(found)

    def stored(self) -> dict[str, tuple[str, str]]:
        """Every report in the ledger: source -> (content hash, report date)."""
        rows = self._execute("SELECT source, content_hash, date FROM reports", (), "read")
        return {source: (digest, day) for source, digest, day in rows}

    def _execute(self, sql: str, args: tuple[str, ...], verb: str) -> list[Any]:
        try:
            with self._conn:
                return self._conn.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise store_failure(exc, f"{verb} the ledger", self.path, self.path.parent) from exc

    def derive(self) -> Derivation | None:
        """Bring the derived tables up to date (`derive.py`); None when they already were."""
        aliases = self.aliases_path.read_text(encoding="utf-8") if self.aliases_path.exists() else ""
        embed_id = "" if self.embed is None else f"embed@{self.embed_threshold}"
        state = stamp(aliases, embed_id)
        try:
            return derive(
                self._conn, AliasConfig.load(self.aliases_path), state, self.embed, self.embed_threshold
            )
        except sqlite3.Error as exc:
            if not self.read_only:
                raise StoreError(f"cannot update the ledger at {self.path}: {exc}") from exc
        # A read-only data directory whose derived tables are stale (or older than them): derive
        # into a private copy in memory, so the ledger still answers; the file stays as it is.
        try:
            memory = sqlite3.connect(":memory:", check_same_thread=False)
            self._conn.backup(memory)
            migrate(memory, self.path)
            self._conn.close()
            self._conn = memory
            return derive(
                self._conn, AliasConfig.load(self.aliases_path), state, self.embed, self.embed_threshold
            )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read the ledger at {self.path}: {exc}") from exc

    def _derive_for_read(self) -> None:
        """A reader derives what an ingest left dirty, unless an ingest is writing now: then it
        reads the last derived state (the ingest derives when its writes are done), never waits."""
        if writer_busy(self.path.parent):
            return
        try:
            self.derive()
        except StoreError as exc:
            if "locked" not in str(exc):
                raise

    def revision(self) -> int:
        """The derived tables' revision, after bringing them up to date: the key of cached reads.

        Checked once per change of `generation`, so repeated reads cost one PRAGMA.
        """
        generation = self.generation
        if self._checked is None or self._checked[0] != generation:
            self._derive_for_read()
            row = self._conn.execute("SELECT value FROM derived_state WHERE key = 'revision'").fetchone()
            self._checked = (self.generation, int(row[0]) if row else 0)
        return self._checked[1]

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """Rows of a read over up-to-date derived tables (the views' one way in)."""
        self.revision()
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read the ledger at {self.path}: {exc}") from exc

    # A model's facts (`ingest --extract llm|both`), stored beside the rules' as `source="llm"`.

    def extraction(self, source: str) -> tuple[str, str] | None:
        """(content hash, extractor) of the model extraction stored for a report, if any."""
        if not self._has_table("extractions"):
            return None
        rows = self._execute(
            "SELECT content_hash, extractor FROM extractions WHERE source = ?", (source,), "read"
        )
        return (rows[0][0], rows[0][1]) if rows else None

    def rules_facts(self, source: str) -> ReportFacts:
        """The facts the rules stored for one report (what a model's facts may only complete)."""
        rows = self._execute(
            "SELECT kind, payload FROM facts WHERE source = ? ORDER BY kind, seq", (source,), "read"
        )
        return rules_facts_of(rows)

    def complete(
        self, source: str, content_hash: str, extractor: str, completion: Completion, rejected: int
    ) -> None:
        """Replace the report's model facts with `completion` and record the extraction, in one
        transaction; nothing when the stored report is no longer this content."""
        groups: tuple[tuple[str, Sequence[Observation | Incident | MetricPoint]], ...] = (
            ("observation", completion.observations),
            ("incident", completion.incidents),
            ("metric", completion.metrics),
        )
        rows = fact_rows(source, groups, MODEL_SEQ)
        write_point(f"ledger complete {source}")
        try:
            with self._conn:
                stored = self._conn.execute(
                    "SELECT content_hash FROM reports WHERE source = ?", (source,)
                ).fetchone()
                if stored is None or stored[0] != content_hash:
                    return
                self._conn.execute(
                    "DELETE FROM facts WHERE source = ? AND json_extract(payload, '$.source') = 'llm'",
                    (source,),
                )
                self._conn.executemany(
                    "INSERT INTO facts (source, kind, seq, subject, payload) VALUES (?, ?, ?, ?, ?)", rows
                )
                self._conn.execute("INSERT OR IGNORE INTO dirty VALUES (?)", (source,))
                self._conn.execute(
                    "INSERT OR REPLACE INTO extractions VALUES (?, ?, ?, ?, ?, datetime('now'))",
                    (source, content_hash, extractor, completion.added, rejected),
                )
        except sqlite3.Error as exc:
            raise store_failure(exc, "write the ledger", self.path, self.path.parent) from exc
        self._generation += 1

    def schedule_counts(self) -> dict[str, int]:
        """Per stored report, how many of its project facts say where the project stands (a target,
        a status or a progress): zero on most of a folder means its layout was not read."""
        # Counted in one pass over the facts, then joined: joined per report, SQLite's planner
        # walked every observation once per report (42 s on the zoo's 2,237 reports, not 0.1 s).
        rows = self._execute(
            "SELECT r.source, COALESCE(c.n, 0) FROM reports r LEFT JOIN (SELECT source, COUNT(*) AS n"
            " FROM facts WHERE kind = 'observation' AND (json_extract(payload, '$.target') IS NOT NULL"
            " OR json_extract(payload, '$.status') IS NOT NULL"
            " OR json_extract(payload, '$.progress') IS NOT NULL) GROUP BY source) c ON c.source = r.source",
            (),
            "read",
        )
        return {source: count for source, count in rows}

    def reports(self) -> list[ReportRef]:
        """Stored reports, oldest first (ties by source)."""
        rows = self._conn.execute(
            "SELECT source, date, week, week_label, content_hash FROM reports ORDER BY date, source"
        ).fetchall()
        return [
            ReportRef(source=s, date=d, week=w, week_label=label, content_hash=h)  # type: ignore[arg-type]
            for s, d, w, label, h in rows
        ]

    def load(self) -> LedgerData:
        """All facts, oldest report first; a file stored under two paths counts once (first path wins)."""
        reports = self.reports()
        rows = self._conn.execute("SELECT source, kind, seq, payload FROM facts").fetchall()
        return ledger_data(reports, rows)
