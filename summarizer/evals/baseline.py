"""The committed baseline and the gate decision against it.

`evals/baseline.json` holds, per engine, the last accepted value of every metric and the cases
that already failed then; tolerances are per metric with one default. Only `--update-baseline`
writes it, and an update keeps the hand-set tolerances, so loosening a gate is a visible diff.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from index.errors import ConfigError
from summarizer.evals.result import Metric, SuiteResult

DEFAULT_TOLERANCE = 0.02
Status = Literal["pass", "fail", "new", "info", "missing"]


@dataclass
class Baseline:
    """Parsed baseline file; `metrics[engine]["suite.metric"]` and `failing[engine][suite]`."""

    default_tolerance: float = DEFAULT_TOLERANCE
    tolerances: dict[str, float] = field(default_factory=dict)
    metrics: dict[str, dict[str, float]] = field(default_factory=dict)
    failing: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)

    def tolerance(self, key: str) -> float:
        return float(self.tolerances.get(key, self.default_tolerance))


def load_baseline(path: Path) -> Baseline:
    """A missing file is an empty baseline (every metric is new); a broken one is a ConfigError."""
    if not path.exists():
        return Baseline()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        engines = raw.get("engines", {})
        return Baseline(
            default_tolerance=float(raw.get("default_tolerance", DEFAULT_TOLERANCE)),
            tolerances={k: float(v) for k, v in raw.get("tolerances", {}).items()},
            metrics={e: {k: float(v) for k, v in d.get("metrics", {}).items()} for e, d in engines.items()},
            failing={e: {s: list(c) for s, c in d.get("failing", {}).items()} for e, d in engines.items()},
            raw=raw,
        )
    except (ValueError, AttributeError, TypeError) as exc:
        raise ConfigError(f"{path}: not a valid baseline file: {exc}") from exc


def save_baseline(path: Path, baseline: Baseline, engine: str, results: list[SuiteResult]) -> None:
    """Replace this engine's metrics for the suites that ran; other engines and suites stay as they were."""
    metrics = dict(baseline.metrics.get(engine, {}))
    failing = dict(baseline.failing.get(engine, {}))
    for suite in results:
        if suite.unavailable:
            continue
        metrics = {k: v for k, v in metrics.items() if not k.startswith(f"{suite.name}.")}
        metrics.update(
            {f"{suite.name}.{m.name}": round(m.value, 6) for m in suite.metrics if m.gate != "info"}
        )
        failing[suite.name] = sorted({f.case for f in suite.failures})
    engines = dict(baseline.raw.get("engines", {}))
    engines[engine] = {
        "updated": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "metrics": dict(sorted(metrics.items())),
        "failing": dict(sorted(failing.items())),
    }
    data = {
        "about": "Accepted eval results; change only with `summarizer eval --update-baseline`.",
        "default_tolerance": baseline.default_tolerance,
        "tolerances": dict(sorted(baseline.tolerances.items())),
        "engines": dict(sorted(engines.items())),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


@dataclass
class Row:
    """One line of the report table: a metric judged against its gate and the baseline."""

    suite: str
    metric: Metric | None
    key: str
    baseline: float | None
    status: Status
    why: str = ""

    @property
    def delta(self) -> float | None:
        if self.metric is None or self.baseline is None:
            return None
        return self.metric.value - self.baseline


def judge(metric: Metric, key: str, baseline: Baseline, engine: str) -> Row:
    suite = key.split(".", 1)[0]
    base = baseline.metrics.get(engine, {}).get(key)
    if metric.gate == "hard":
        ok = metric.meets_target()
        why = "" if ok else f"hard gate: must be {'≥' if metric.higher_is_better else '≤'} {metric.target:g}"
        return Row(suite, metric, key, base, "pass" if ok else "fail", why)
    if metric.gate == "info":
        return Row(suite, metric, key, base, "info")
    if base is None:
        return Row(suite, metric, key, None, "new", "not in baseline")
    drop = (base - metric.value) if metric.higher_is_better else (metric.value - base)
    tol = baseline.tolerance(key)
    if drop > tol + 1e-9:
        return Row(suite, metric, key, base, "fail", f"dropped {drop:.3f} (tolerance {tol:g})")
    return Row(suite, metric, key, base, "pass")


def judge_all(results: list[SuiteResult], baseline: Baseline, engine: str) -> list[Row]:
    """Every metric of the suites that ran, plus baseline metrics those suites no longer produce."""
    rows: list[Row] = []
    for suite in results:
        prefix = f"{suite.name}."
        produced = set()
        for metric in suite.metrics:
            key = prefix + metric.name
            produced.add(key)
            rows.append(judge(metric, key, baseline, engine))
        for key, value in baseline.metrics.get(engine, {}).items():
            if key.startswith(prefix) and key not in produced:
                why = (
                    f"suite unavailable: {suite.unavailable}" if suite.unavailable else "metric not produced"
                )
                rows.append(Row(suite.name, None, key, value, "missing", why))
    return rows


def is_new_failure(suite: str, case: str, baseline: Baseline, engine: str) -> bool:
    """A case failure the baseline did not already know about: the likely cause of a regression."""
    return case not in baseline.failing.get(engine, {}).get(suite, [])
