"""What a suite returns: metrics that know how they gate, and the cases that failed.

A metric carries its own gate kind because the rule differs by metric: schema validity must be
exactly 100% whatever the baseline says, recall may not drop more than a tolerance, and latency
is shown but never gates (it measures the machine as much as the code).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

GateKind = Literal["hard", "soft", "info"]


@dataclass
class Metric:
    """One number. `target` applies to hard gates: at least it (or at most, when lower is better)."""

    name: str
    value: float
    gate: GateKind = "soft"
    higher_is_better: bool = True
    target: float | None = None
    unit: str = ""

    def meets_target(self) -> bool:
        if self.target is None:
            return True
        eps = 1e-9
        return self.value >= self.target - eps if self.higher_is_better else self.value <= self.target + eps


@dataclass
class CaseFailure:
    """One case that did not pass, with what went wrong in words a reader can act on."""

    case: str
    what: str


@dataclass
class SuiteResult:
    name: str
    metrics: list[Metric] = field(default_factory=list)
    failures: list[CaseFailure] = field(default_factory=list)
    unavailable: str | None = None
    notes: list[str] = field(default_factory=list)
    cases: int = 0
    seconds: float = 0.0
    details: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per-case numbers (JSON output only), so a regression can be traced to one case."""

    def add(self, name: str, value: float, **kwargs: Any) -> None:
        self.metrics.append(Metric(name, float(value), **kwargs))

    def fail(self, case: str, what: str) -> None:
        self.failures.append(CaseFailure(case, what))

    def as_dict(self) -> dict[str, Any]:
        return {
            "suite": self.name,
            "unavailable": self.unavailable,
            "cases": self.cases,
            "seconds": round(self.seconds, 2),
            "notes": self.notes,
            "metrics": {m.name: m.value for m in self.metrics},
            "failures": [{"case": f.case, "what": f.what} for f in self.failures],
            "details": self.details,
        }
