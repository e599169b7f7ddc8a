"""Gold eval datasets: strict pydantic models and a YAML loader that knows line numbers.

A typo in a hand-written gold file must point at its line (`questions.yaml:123: must_mention:
field required`), not at a stack trace, so entries are composed with PyYAML to keep each node's
mark before they are validated. Scalars such as `2023-10-26` or `60` are kept as text where the
model says text: YAML would otherwise turn them into dates and ints behind the author's back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from index.errors import ConfigError
from index.front_matter import YAML_LOADER
from index.schemas import SlipKind
from index.text.hant import simplified
from summarizer.schemas import Intent


def _as_text(value: Any) -> Any:
    """YAML scalars that are not strings (dates, numbers) become their text."""
    if isinstance(value, bool) or value is None:
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value) if isinstance(value, int | float) else value


Text = Annotated[str, BeforeValidator(_as_text)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class GoldEvidence(_Strict):
    report: Text = Field(description="Report path, relative to examples/reports or the repo root.")
    section: Text = Field(description="A string that occurs in the gold section's heading path.")


class QuestionCase(_Strict):
    id: Text
    question: Text
    lang: Text = Field(description="zh or en.")
    kind: Text = Field(description="Free label for grouping, e.g. lookup, list, unanswerable.")
    answerable: bool
    intent: Intent
    must_mention: list[Text] = Field(description="Terms the answer must contain (case-insensitive).")
    gold_evidence: list[GoldEvidence] = Field(default_factory=list)
    gold_answer: Text | None = None


class SlipCase(_Strict):
    project: Text
    aliases: list[Text] = Field(default_factory=list)
    kind: SlipKind
    week: Text = Field(description="ISO week of the report where the slip shows.")
    report: Text
    from_: Text = Field(alias="from")
    to: Text
    section: Text | None = None
    note: Text | None = None


class LaunchCase(_Strict):
    project: Text
    aliases: list[Text] = Field(default_factory=list)
    week: Text
    report: Text
    date: Text | None = Field(default=None, description="Launch date.")
    target: Text | None = Field(default=None, description="Latest target stated before the launch.")
    on_time: bool | None = None
    section: Text | None = None
    note: Text | None = None


class IncidentCase(_Strict):
    report: Text
    week: Text
    date: Text
    time: Text | None = None
    duration_minutes: float | None = None
    severity: Text | None = None
    impact: Text | None = None
    section: Text | None = None


class MetricPoint(_Strict):
    week: Text
    report: Text
    value: float | Text
    note: Text | None = None


class MetricCase(_Strict):
    name: Text
    corpus: Text | None = None
    unit: Text | None = None
    aliases: list[Text] = Field(default_factory=list)
    series: list[MetricPoint]
    note: Text | None = None


class SummaryCase(_Strict):
    report: Text
    week: Text
    key_facts: list[Text]


class RiskEvidence(_Strict):
    report: Text
    line: int


class RiskCase(_Strict):
    """One gold risk (risks.yaml; how it was labelled: README.md in the datasets folder)."""

    id: Text
    series: Text = Field(description="Report folder name, e.g. payments-zh.")
    category: Literal["stated", "blocker", "ask", "schedule", "incident"]
    title: Text | None = None
    match: list[Text] = Field(default_factory=list, description="Terms that name it (non-incidents).")
    date: Text | None = Field(default=None, description="An incident's own date.")
    first_seen: Text
    last_seen: Text | None = None
    status: Literal["open", "mitigated", "resolved"]
    owner: Text | None = None
    severity: Literal["critical", "high", "medium", "low"] | None = None
    severity_label: Text | None = None
    evidence: RiskEvidence
    note: Text | None = None


M = TypeVar("M", bound=BaseModel)

# file stem -> entry model; a missing file simply means that dataset is absent.
DATASET_FILES: dict[str, type[BaseModel]] = {
    "questions": QuestionCase,
    "slips": SlipCase,
    "launches": LaunchCase,
    "incidents": IncidentCase,
    "metrics": MetricCase,
    "summaries": SummaryCase,
    "risks": RiskCase,
}


class DatasetError(ConfigError):
    """One or more gold entries are invalid; `problems` holds `file:line: message` strings."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__("\n".join(self.problems) if len(self.problems) <= 5 else self.problems[0] + more)


@dataclass
class Datasets:
    """Every gold file found, validated; `warnings` are suspicious but usable entries."""

    root: Path
    questions: list[QuestionCase] = field(default_factory=list)
    slips: list[SlipCase] = field(default_factory=list)
    launches: list[LaunchCase] = field(default_factory=list)
    incidents: list[IncidentCase] = field(default_factory=list)
    metrics: list[MetricCase] = field(default_factory=list)
    summaries: list[SummaryCase] = field(default_factory=list)
    risks: list[RiskCase] = field(default_factory=list)
    present: set[str] = field(default_factory=set)
    lines: dict[tuple[str, int], int] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def _display(path: Path, base: Path | None) -> str:
    if base is not None:
        try:
            return str(path.resolve().relative_to(base.resolve()))
        except ValueError:
            pass
    return str(path)


def _entries(node: yaml.Node | None, stem: str) -> list[yaml.Node]:
    """The list of entries: a top-level sequence, or the one sequence under a mapping key."""
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        sequences = [(k.value, v) for k, v in node.value if isinstance(v, yaml.SequenceNode)]
        preferred = [v for key, v in sequences if key in (stem, "cases", "items", "entries")]
        if preferred or len(sequences) == 1:
            return list((preferred or [sequences[0][1]])[0].value)
    return []


def _error_line(entry: yaml.Node, loc: tuple[int | str, ...]) -> int:
    """The line of the deepest node the error location reaches (the entry's line if none)."""
    node = entry
    for part in loc:
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            key = "from" if part == "from_" else part
            child = next((v for k, v in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
        if child is None:
            break
        node = child
    return node.start_mark.line + 1


_FILE_KEYS = frozenset({"report", "reports", "file", "path", "source"})


def _simplified(data: Any) -> Any:
    """Gold written in Traditional Chinese, read as the tool reads reports (index/text/hant.py): a
    quote or a term is compared with the Simplified text the tool shows. File names stay as
    written (`EA2週報_1140321.txt`)."""
    if isinstance(data, str):
        return simplified(data)
    if isinstance(data, list):
        return [_simplified(item) for item in data]
    if isinstance(data, dict):
        return {key: value if key in _FILE_KEYS else _simplified(value) for key, value in data.items()}
    return data


def load_entries(path: Path, model: type[M], base: Path | None = None) -> tuple[list[M], list[int]]:
    """Validate every entry of one YAML file; raises `DatasetError` listing `file:line: problem`."""
    shown = _display(path, base)
    try:
        text = path.read_text(encoding="utf-8")
        # (libyaml: the zoo's ~2,000 gold files took ~12 s with the pure Python parser)
        node = yaml.compose(text, Loader=YAML_LOADER)
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError([f"{shown}: cannot read: {exc}"]) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise DatasetError([f"{shown}{where}: invalid YAML: {getattr(exc, 'problem', exc)}"]) from exc
    entries = _entries(node, path.stem)
    if node is not None and not entries and not isinstance(node, yaml.SequenceNode):
        raise DatasetError([f"{shown}:1: expected a list of entries (or one list under a key)"])
    constructor = yaml.SafeLoader("")
    models: list[M] = []
    lines: list[int] = []
    problems: list[str] = []
    for entry in entries:
        line = entry.start_mark.line + 1
        data = _simplified(constructor.construct_document(entry))
        try:
            models.append(model.model_validate(data))
            lines.append(line)
        except ValidationError as exc:
            for err in exc.errors():
                loc = tuple(err["loc"])
                where = ".".join("from" if p == "from_" else str(p) for p in loc) or "entry"
                msg = err["msg"]
                msg = msg[:1].lower() + msg[1:]
                problems.append(f"{shown}:{_error_line(entry, loc)}: {where}: {msg}")
    if problems:
        raise DatasetError(problems)
    return models, lines


def resolve_report(report: str, root: Path) -> Path | None:
    """A gold report path as written, under the repo root or under examples/reports."""
    for candidate in (Path(report), root / report, root / "examples" / "reports" / report):
        if candidate.is_file():
            return candidate
    return None


def _cross_check(data: Datasets, reports_root: Path) -> list[str]:
    """Every report named by a gold entry must exist; returns the problems found."""
    problems: list[str] = []
    checks: list[tuple[str, int, str]] = []
    for i, q in enumerate(data.questions):
        checks += [("questions", i, ev.report) for ev in q.gold_evidence]
    for stem in ("slips", "launches", "incidents", "summaries"):
        checks += [(stem, i, entry.report) for i, entry in enumerate(getattr(data, stem))]
    for i, metric in enumerate(data.metrics):
        checks += [("metrics", i, point.report) for point in metric.series]
    checks += [("risks", i, risk.evidence.report) for i, risk in enumerate(data.risks)]
    for stem, i, report in checks:
        if resolve_report(report, data.root) is None and resolve_report(report, reports_root) is None:
            line = data.lines.get((stem, i), 0)
            shown = data.files.get(stem, f"{stem}.yaml")
            problems.append(f"{shown}:{line}: report not found under {reports_root}: {report}")
    return problems


def load_datasets(directory: Path, root: Path, reports_root: Path | None = None) -> Datasets:
    """Load and cross-check every dataset file present in `directory` (missing files are skipped)."""
    data = Datasets(root=root)
    problems: list[str] = []
    for stem, model in DATASET_FILES.items():
        path = directory / f"{stem}.yaml"
        if not path.exists():
            continue
        try:
            entries, lines = load_entries(path, model, base=root)
        except DatasetError as exc:
            problems += exc.problems
            continue
        setattr(data, stem, entries)
        data.present.add(stem)
        data.files[stem] = _display(path, root)
        data.lines.update({(stem, i): line for i, line in enumerate(lines)})
    ids = [q.id for q in data.questions]
    shown_q = data.files.get("questions", "questions.yaml")
    problems += [f"{shown_q}: duplicate id {i}" for i in sorted({i for i in ids if ids.count(i) > 1})]
    risk_ids = [r.id for r in data.risks]
    shown_r = data.files.get("risks", "risks.yaml")
    problems += [
        f"{shown_r}: duplicate id {i}" for i in sorted({i for i in risk_ids if risk_ids.count(i) > 1})
    ]
    for i, risk in enumerate(data.risks):
        line = data.lines.get(("risks", i), 0)
        if risk.category == "incident" and not risk.date:
            problems.append(f"{shown_r}:{line}: {risk.id}: an incident needs its date")
        if risk.category != "incident" and not risk.match:
            problems.append(f"{shown_r}:{line}: {risk.id}: match: at least one term names the risk")
    if not problems:
        problems = _cross_check(data, reports_root or root / "examples" / "reports")
    if problems:
        raise DatasetError(problems)
    return data


def section_warnings(data: Datasets, reports_root: Path) -> list[str]:
    """Gold sections that occur in no heading path of their report: such a case can never be recalled."""
    from index.load import load_document
    from index.parse import parse_report
    from summarizer.evals.metrics import fold

    paths: dict[str, list[str] | None] = {}
    warnings: list[str] = []
    for i, q in enumerate(data.questions):
        for ev in q.gold_evidence:
            if ev.report not in paths:
                found = resolve_report(ev.report, data.root) or resolve_report(ev.report, reports_root)
                try:
                    report = parse_report(load_document(found), str(found)) if found else None
                except Exception:  # a parse failure is the ingest's to report; here it only mutes a warning
                    report = None
                paths[ev.report] = [fold(s.path_text) for s in report.all_sections()] if report else None
            known = paths[ev.report]
            if known is not None and not any(fold(ev.section) in p for p in known):
                line = data.lines.get(("questions", i), 0)
                shown = data.files.get("questions", "questions.yaml")
                warnings.append(
                    f"{shown}:{line}: {q.id}: section '{ev.section}' is not a heading in {ev.report}"
                )
    return warnings
