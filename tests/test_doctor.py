"""`summarizer doctor`: finds every way ledger, vector store and lexical index can disagree, and
--repair fixes them as the next ingest would."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from helpers import V1, write_corpus
from typer.testing import CliRunner

from index.lexical_store import lexical_dir
from summarizer.cli import app
from summarizer.config import load_settings
from summarizer.pipelines.ingest import ingest_paths
from summarizer.workspace import Workspace

runner = CliRunner()


def test_doctor_finds_and_repairs_every_disagreement(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", V1)
    home = tmp_path / "home"
    a, b, c = (str(corpus / name) for name in sorted(V1))
    with Workspace(load_settings(overrides={"home": home}, environ={})) as ws:
        ingest_paths(ws, [corpus])
        ok = runner.invoke(app, ["doctor", "--index", str(home), "--json"])
        assert ok.exit_code == 0 and json.loads(ok.stdout)["ok"] is True
        ws.store.remove_report(a)  # facts without chunks
        ws.ledger._conn.execute("DELETE FROM reports WHERE source = ?", (b,))  # chunks without facts
        ws.ledger._conn.commit()
        ws.ledger.begin(c, "remove")  # a prune killed half-way
        shutil.rmtree(lexical_dir(home, ws.store.name))

        found = runner.invoke(app, ["doctor", "--index", str(home), "--json"])
        assert found.exit_code == 1, found.output
        problems = {p["report"]: (p["kind"], p["fix"]) for p in json.loads(found.stdout)["problems"]}
        assert problems == {
            a: ("ledger-without-chunks", "reingest"),
            b: ("chunks-without-ledger", "reingest"),
            c: ("pending-remove", "remove"),
            "(lexical index)": ("lexical-out-of-step", "rebuild"),
        }
        table = runner.invoke(app, ["doctor", "--index", str(home)])
        assert "doctor --repair" in table.stdout and "a prune was killed" in table.stdout

        fixed = runner.invoke(app, ["doctor", "--repair", "--index", str(home), "--json"])
        assert fixed.exit_code == 0, fixed.output
        payload = json.loads(fixed.stdout)
        assert payload["ok"] and payload["problems"] == []
        assert [(r["report"], r["action"]) for r in payload["repaired"]] == [
            (a, "re-ingested"),
            (b, "re-ingested"),
            (c, "removed"),
        ]
        assert set(ws.store.stored_reports()) == set(ws.ledger.stored()) == {a, b}
