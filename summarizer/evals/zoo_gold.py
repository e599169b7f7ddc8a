"""The zoo's gold labels: one folder of YAML files per series, read into strict models.

What the authors labelled (slips, launches, incidents, metric points, questions, summaries) and
how a series' files are found; the scoring (`zoo_score.py`) and the run (`zoo.py`) read these.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import Field

from index.schemas import SlipKind
from summarizer.evals.datasets import SummaryCase, Text, _Strict, load_entries
from summarizer.schemas import Intent

ZOO = Path("evals") / "zoo"


class ZooSlip(_Strict):
    project: Text
    aliases: list[Text] = Field(default_factory=list)
    kind: SlipKind
    week: Text
    report: Text
    from_: Text | None = Field(default=None, alias="from")
    to: Text | None = None
    from_text: Text
    to_text: Text
    note: Text | None = None


class ZooLaunch(_Strict):
    project: Text
    aliases: list[Text] = Field(default_factory=list)
    week: Text
    report: Text
    date: Text | None = None
    target: Text | None = None
    on_time: bool | None = None
    quote: Text


class ZooIncident(_Strict):
    report: Text
    week: Text
    date: Text | None = None
    time: Text | None = None
    duration_minutes: float | None = None
    severity: Text | None = None
    impact: Text | None = None
    quote: Text
    same_as: Text | None = None


class ZooEvidence(_Strict):
    report: Text
    quote: Text


class ZooQuestion(_Strict):
    id: Text
    question: Text
    lang: Text
    answerable: bool
    intent: Intent
    must_mention: list[Text]
    gold_evidence: list[ZooEvidence] = Field(default_factory=list)
    gold_answer: Text | None = None


class ZooPoint(_Strict):
    report: Text
    week: Text
    value: float
    quote: Text


class ZooMetric(_Strict):
    name: Text
    unit: Text | None = None
    series: list[ZooPoint]


@dataclass
class ZooSeries:
    """One series' gold labels."""

    name: str
    slips: list[ZooSlip] = field(default_factory=list)
    launches: list[ZooLaunch] = field(default_factory=list)
    incidents: list[ZooIncident] = field(default_factory=list)
    metrics: list[ZooMetric] = field(default_factory=list)
    questions: list[ZooQuestion] = field(default_factory=list)
    summaries: list[SummaryCase] = field(default_factory=list)


_FILES: dict[str, type[_Strict]] = {
    "slips": ZooSlip,
    "launches": ZooLaunch,
    "incidents": ZooIncident,
    "metrics": ZooMetric,
    "questions": ZooQuestion,
    "summaries": SummaryCase,
}


def load_zoo(root: Path, only: Sequence[str] = ()) -> list[ZooSeries]:
    """Every series with gold under `evals/zoo/gold` (or only those named)."""
    gold = root / ZOO / "gold"
    out: list[ZooSeries] = []
    for folder in sorted(p for p in gold.iterdir() if p.is_dir()):
        if only and folder.name not in only:
            continue
        series = ZooSeries(folder.name)
        for stem, model in _FILES.items():
            path = folder / f"{stem}.yaml"
            if path.exists():
                entries, _ = load_entries(path, model, base=root)
                setattr(series, stem, entries)
        out.append(series)
    return out
