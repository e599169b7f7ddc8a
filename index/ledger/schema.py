"""The ledger's SQLite schema: the migrations, in order, and the function that applies them.

Kept apart from `store.py` so that a schema change is one appended script here, read in one place,
and the store's code is about reading and writing facts.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from index.errors import StoreError

# Each entry moves the schema from version i to i + 1; never edit a released one, append.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE reports (
        source TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        date TEXT NOT NULL,
        week TEXT NOT NULL,
        week_int INTEGER NOT NULL,
        week_label TEXT,
        title TEXT,
        extractor_version INTEGER NOT NULL
    );
    CREATE TABLE facts (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL REFERENCES reports(source) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        seq INTEGER NOT NULL,
        subject TEXT,
        payload TEXT NOT NULL
    );
    CREATE INDEX facts_source ON facts(source);
    CREATE INDEX facts_kind ON facts(kind);
    CREATE INDEX reports_week ON reports(week_int);
    """,
    # The journal: a report whose chunks are being written or removed is marked here first and
    # unmarked in the transaction that finishes it, so a kill in between is found and repaired.
    """
    CREATE TABLE pending (
        source TEXT PRIMARY KEY,
        op TEXT NOT NULL CHECK (op IN ('write', 'remove')),
        started TEXT NOT NULL
    );
    """,
    # A model's extraction of a report (`ingest --extract llm|both`): which content, by which
    # prompt and model, what it added. It goes with the report's row, so a rules re-extraction
    # (new content or EXTRACTOR_VERSION) drops it and the model's facts are completed again.
    """
    CREATE TABLE extractions (
        source TEXT PRIMARY KEY REFERENCES reports(source) ON DELETE CASCADE,
        content_hash TEXT NOT NULL,
        extractor TEXT NOT NULL,
        added INTEGER NOT NULL,
        rejected INTEGER NOT NULL,
        created TEXT NOT NULL
    );
    """,
    # 4: derived tables (index/ledger/derive.py); every report is dirty until the first derive.
    """
    ALTER TABLE reports ADD COLUMN series TEXT NOT NULL DEFAULT '';
    ALTER TABLE reports ADD COLUMN kept INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX reports_series ON reports(series, date);
    CREATE TABLE derived_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE dirty (source TEXT PRIMARY KEY);
    INSERT INTO dirty SELECT source FROM reports;
    CREATE TABLE names (name TEXT PRIMARY KEY, canonical TEXT NOT NULL);
    CREATE INDEX names_canonical ON names(canonical);
    CREATE TABLE name_keys (key TEXT PRIMARY KEY, canonical TEXT NOT NULL);
    CREATE TABLE name_marks (mark TEXT NOT NULL, key TEXT NOT NULL, canonical TEXT NOT NULL);
    CREATE INDEX name_marks_mark ON name_marks(mark);
    CREATE TABLE projects (canonical TEXT PRIMARY KEY, last_week TEXT NOT NULL, info TEXT NOT NULL);
    CREATE TABLE timeline (
        canonical TEXT NOT NULL, source TEXT NOT NULL, series TEXT NOT NULL, date TEXT NOT NULL,
        week_int INTEGER NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (canonical, source)
    );
    CREATE INDEX timeline_source ON timeline(source);
    CREATE INDEX timeline_series ON timeline(series, date);
    CREATE TABLE slips (
        canonical TEXT NOT NULL, seq INTEGER NOT NULL, source TEXT NOT NULL, series TEXT NOT NULL,
        date TEXT NOT NULL, week_int INTEGER NOT NULL, kind TEXT NOT NULL, days INTEGER,
        reports TEXT NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (canonical, seq)
    );
    CREATE INDEX slips_week ON slips(week_int);
    CREATE INDEX slips_source ON slips(source);
    CREATE INDEX slips_series ON slips(series, week_int);
    CREATE TABLE launches (
        canonical TEXT NOT NULL, seq INTEGER NOT NULL, week TEXT NOT NULL, source TEXT NOT NULL,
        series TEXT NOT NULL, reports TEXT NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (canonical, seq)
    );
    CREATE INDEX launches_week ON launches(week);
    CREATE INDEX launches_source ON launches(source);
    CREATE TABLE events (
        canonical TEXT NOT NULL, seq INTEGER NOT NULL, week TEXT NOT NULL, source TEXT NOT NULL,
        series TEXT NOT NULL, status TEXT NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (canonical, seq)
    );
    CREATE INDEX events_week ON events(week);
    CREATE INDEX events_source ON events(source);
    CREATE TABLE incidents (
        ord INTEGER PRIMARY KEY, source TEXT NOT NULL, series TEXT NOT NULL,
        week_int INTEGER NOT NULL, day TEXT, severity TEXT, payload TEXT NOT NULL
    );
    CREATE INDEX incidents_week ON incidents(week_int);
    CREATE INDEX incidents_source ON incidents(source);
    CREATE TABLE metric_points (
        fact INTEGER PRIMARY KEY, key TEXT NOT NULL, series TEXT NOT NULL, source TEXT NOT NULL,
        date TEXT NOT NULL, seq INTEGER NOT NULL, name TEXT NOT NULL, unit TEXT NOT NULL
    );
    CREATE INDEX metric_points_key ON metric_points(key);
    CREATE INDEX metric_points_source ON metric_points(source);
    CREATE INDEX metric_points_series ON metric_points(series);
    CREATE TABLE metric_series (
        key TEXT PRIMARY KEY, name TEXT NOT NULL, unit TEXT NOT NULL, first_date TEXT NOT NULL
    );
    """,
    # 5: slips counted per team and project from an index alone (views.slip_groups).
    """
    CREATE INDEX slips_group ON slips(series, canonical, week_int, days, date, source, kind);
    """,
    # 6: each team's own names (identity is linked per team): one name two teams write can be two
    # projects; `names` keeps the project most of a name's mentions are.
    """
    CREATE TABLE team_names (
        series TEXT NOT NULL, name TEXT NOT NULL, canonical TEXT NOT NULL, PRIMARY KEY (series, name)
    );
    CREATE INDEX team_names_canonical ON team_names(canonical);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    current = row[0] or 0
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"the ledger at {path} has schema version {current}, newer than this program's {SCHEMA_VERSION}"
        )
    for version in range(current, SCHEMA_VERSION):
        script = MIGRATIONS[version] + f";\nINSERT INTO schema_version VALUES ({version + 1});"
        try:
            conn.executescript(f"BEGIN;\n{script}\nCOMMIT;")
        except sqlite3.Error:
            conn.rollback()
            raise
