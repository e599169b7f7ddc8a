"""Ledger figures against the gold lists: slip precision/recall per kind, incident recall,
launch matches and metric series, plus how many slip citations verify.

Builds a fresh ledger from `examples/reports` in a temp dir, so it never touches a user's data.
Run: `python -m evals.ledger_check` (prints JSON); the eval harness imports `run()`.
"""

from __future__ import annotations

import json
import re
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "reports"
DATASETS = Path(__file__).parent / "datasets"
KINDS = ("date_moved", "overdue", "status_downgrade", "stalled")


def _norm(name: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", name)).casefold()


def _names(item: Any) -> set[str]:
    if isinstance(item, dict):
        names = [item.get("project", ""), *(item.get("aliases") or [])]
    else:
        names = [item.project, *item.aliases]
    return {_norm(str(n)) for n in names if n}


def _same_report(predicted: str, gold: str) -> bool:
    return Path(predicted).as_posix().endswith("/" + gold) or Path(predicted).as_posix() == gold


def _load(name: str) -> list[dict[str, Any]]:
    path = DATASETS / f"{name}.yaml"
    return list(yaml.safe_load(path.read_text(encoding="utf-8")) or []) if path.exists() else []


def _match(
    predicted: Sequence[Any], gold: Sequence[dict[str, Any]], same: Callable[[Any, dict[str, Any]], bool]
) -> tuple[int, list[Any], list[dict[str, Any]]]:
    """(matched, unmatched predictions, unmatched gold), one-to-one, greedy in order."""
    used: set[int] = set()
    spurious = []
    for pred in predicted:
        index = next((i for i, g in enumerate(gold) if i not in used and same(pred, g)), None)
        if index is None:
            spurious.append(pred)
        else:
            used.add(index)
    missed = [g for i, g in enumerate(gold) if i not in used]
    return len(used), spurious, missed


def _pr(matched: int, predicted: int, gold: int) -> dict[str, float]:
    return {
        "precision": round(matched / predicted, 3) if predicted else 1.0,
        "recall": round(matched / gold, 3) if gold else 1.0,
        "predicted": predicted,
        "gold": gold,
    }


def build_ledger(directory: Path) -> Any:
    from index.ledger.store import Ledger
    from index.load import iter_report_files, load_document
    from index.parse import parse_report

    ledger = Ledger.open(directory / "ledger.sqlite")
    for path in iter_report_files([CORPUS]):
        ledger.upsert_report(parse_report(load_document(path), str(path)))
    return ledger


def run() -> dict[str, Any]:
    from index.ledger import views
    from index.verify import Verifier

    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp, build_ledger(Path(tmp)) as ledger:
        slips = views.slips(ledger)
        gold = _load("slips")

        def same_slip(pred: Any, g: dict[str, Any]) -> bool:
            return bool(_names(pred) & _names(g)) and pred.kind == g["kind"] and pred.week == g["week"]

        per_kind = {}
        for kind in KINDS:
            predicted = [s for s in slips if s.kind == kind]
            wanted = [g for g in gold if g["kind"] == kind]
            matched, _, _ = _match(predicted, wanted, same_slip)
            per_kind[kind] = _pr(matched, len(predicted), len(wanted))
        matched, spurious, missed = _match(slips, gold, same_slip)
        verifier = Verifier()
        verified = sum(all(verifier.check(c) for c in s.evidence) and bool(s.evidence) for s in slips)
        out["slips"] = {
            **_pr(matched, len(slips), len(gold)),
            "per_kind": per_kind,
            "spurious": [f"{s.project} {s.kind} {s.week} {s.from_}->{s.to}" for s in spurious],
            "missed": [f"{g['project']} {g['kind']} {g['week']}" for g in missed],
            "evidence_verified": f"{verified}/{len(slips)}",
        }

        found = views.incidents(ledger)
        gold_incidents = _load("incidents")

        def same_incident(pred: Any, g: dict[str, Any]) -> bool:
            return _same_report(pred.report, g["report"]) and str(pred.when) == g["date"]

        matched, spurious, missed = _match(found, gold_incidents, same_incident)
        fields = {"severity": 0, "duration_minutes": 0}
        for pred in found:
            g = next((g for g in gold_incidents if same_incident(pred, g)), None)
            if g is not None:
                fields["severity"] += (pred.severity or None) == g.get("severity")
                fields["duration_minutes"] += pred.duration_minutes == g.get("duration_minutes")
        out["incidents"] = {
            **_pr(matched, len(found), len(gold_incidents)),
            "fields_correct": fields,
            "spurious": [f"{p.report} {p.when} {p.title[:30]}" for p in spurious],
            "missed": [f"{g['report']} {g['date']}" for g in missed],
        }

        launches = views.launches(ledger)
        gold_launches = _load("launches")

        def same_launch(pred: Any, g: dict[str, Any]) -> bool:
            return bool(_names(pred) & _names(g)) and pred.week == g["week"]

        matched, spurious, missed = _match(launches, gold_launches, same_launch)
        agree = sum(
            1
            for pred in launches
            for g in gold_launches
            if same_launch(pred, g)
            and str(pred.launched_on) == g["date"]
            and (pred.verdict != "late") == bool(g["on_time"])
        )
        out["launches"] = {
            **_pr(matched, len(launches), len(gold_launches)),
            "date_and_verdict_agree": agree,
            "spurious": [f"{p.project} {p.week}" for p in spurious],
            "missed": [f"{g['project']} {g['week']}" for g in missed],
        }

        series = views.metric_series(ledger)
        exact = 0
        wrong: dict[str, list[str]] = {}
        for case in _load("metrics"):
            points = [p for s in series if s.key == _norm(case["name"]) for p in s.points]
            points = [p for p in points if f"/{case['corpus']}/" in Path(p.report).as_posix()]
            got = sorted((p.week, p.value) for p in points)
            want = sorted((p["week"], float(p["value"])) for p in case["series"])
            if got == want:
                exact += 1
            else:
                wrong[case["name"]] = [f"got {got}", f"want {want}"]
        total = len(_load("metrics"))
        out["metrics"] = {"series_exact": f"{exact}/{total}", "wrong": wrong}
    return out


if __name__ == "__main__":
    print(json.dumps(run(), ensure_ascii=False, indent=2))
