"""A tiny corpus, gold set and fake components, so eval tests run in well under a second.

The fakes stand in for the index at the runner's seam (`EvalContext`): a keyword retriever over
parsed sections and an extractive "engine" that quotes the top hit, both honest enough that the
baseline they produce passes, so breaking either on purpose must trip a gate.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from index.load import load_document
from index.parse import parse_report
from index.schemas import Citation, Slip
from summarizer.evals.context import EvalContext, LedgerFacts, root_verifier
from summarizer.evals.datasets import Datasets, QuestionCase
from summarizer.schemas import Answer

REPORT_A = """\
# Weekly report 2024-10-11

## Projects

- Checkout revamp: 60% done, launch planned 10/25.
- Fraud rules engine: design review finished.

## Incidents

- 10/09 14:02 payment gateway timeout, lasted 13 minutes, 149 orders affected.

## 支付指标

- 支付成功率：99.95%
"""

REPORT_B = """\
# Weekly report 2024-10-18

## Projects

- Checkout revamp: 70% done, launch moved to 11/08.
- Fraud rules engine: rules migrated to the new scorer.

## 支付指标

- 支付成功率：99.97%
"""

QUESTIONS = """\
- id: q-checkout
  question: When will the checkout revamp launch?
  lang: en
  kind: lookup
  answerable: true
  intent: status
  must_mention: [checkout]
  gold_evidence:
    - {report: team/2024-W42.md, section: Projects}
- id: q-incident
  question: What payment gateway timeout incident happened?
  lang: en
  kind: lookup
  answerable: true
  intent: incidents
  must_mention: [timeout]
  gold_evidence:
    - {report: team/2024-W41.md, section: Incidents}
- id: q-rate
  question: 支付成功率是多少
  lang: zh
  kind: lookup
  answerable: true
  intent: metrics
  must_mention: [支付成功率]
  gold_evidence:
    - {report: team/2024-W41.md, section: 支付指标}
"""

SLIPS = """\
- project: Checkout revamp
  aliases: [checkout]
  kind: date_moved
  week: 2024-W42
  report: team/2024-W42.md
  from: 2024-10-25
  to: 2024-11-08
"""

_TOKEN = re.compile(r"[a-z0-9]+|[\u4e00-\u9fff]")


@dataclass
class FakeHit:
    report: str
    sections: list[str]
    lines: tuple[int, int]
    text: str
    score: float = 0.0


def tiny_sections(root: Path) -> list[FakeHit]:
    """One hit per section with a body, parsed by the real parser."""
    out = []
    for path in sorted((root / "examples" / "reports").rglob("*.md")):
        report = parse_report(load_document(path), str(path))
        for section in report.all_sections():
            if section.lines:
                body = "\n".join(text for _, text in section.lines)
                span = (section.lines[0][0], section.lines[-1][0])
                out.append(FakeHit(str(path), [section.path_text], span, body))
    return out


def keyword_search(root: Path):
    sections = tiny_sections(root)

    def search(query: str, k: int, mode: str) -> list[FakeHit]:
        words = set(_TOKEN.findall(query.lower()))
        scored = [(len(words & set(_TOKEN.findall((h.sections[0] + h.text).lower()))), h) for h in sections]
        ranked = sorted(scored, key=lambda pair: -pair[0])
        return [h for score, h in ranked if score > 0][:k]

    return search


def extractive_answer(ctx: EvalContext):
    """Answer with the top hit's first body line, cited exactly."""

    def answer(q: QuestionCase) -> Answer:
        hits = ctx.hits(q.question)
        if not hits:
            return Answer(answer="The reports do not say.", answerable=False)
        hit = hits[0]
        first = hit.text.splitlines()[0]
        quote = first.lstrip("- ")
        citation = Citation(
            report=hit.report,
            week="2024-W41",
            section=hit.sections[0],
            lines=(hit.lines[0], hit.lines[0]),
            quote=quote,
        )
        return Answer(answer="\n".join(h.text for h in hits[:2]), citations=[citation])

    return answer


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def tiny_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    import summarizer.evals.runner as runner

    # The tiny corpus has no style zoo; "all suites" here means the examples' suites.
    monkeypatch.delitem(runner.SUITES, "zoo")
    write(tmp_path / "examples/reports/team/2024-W41.md", REPORT_A)
    write(tmp_path / "examples/reports/team/2024-W42.md", REPORT_B)
    write(tmp_path / "evals/datasets/questions.yaml", QUESTIONS)
    write(tmp_path / "evals/datasets/slips.yaml", SLIPS)
    return tmp_path


def fake_ledger() -> LedgerFacts:
    slip = Slip.model_validate(
        {
            "project": "Checkout Revamp",
            "kind": "date_moved",
            "from": "2024-10-25",
            "to": "2024-11-08",
            "week": "2024-W42",
        }
    )
    return LedgerFacts(slips=[slip])


def make_fake_context(root: Path, data: Datasets, engine: str) -> EvalContext:
    ctx = EvalContext(root=root, data=data, engine=engine, verifier=root_verifier(root))
    ctx.search = keyword_search(root)
    ctx.answer = extractive_answer(ctx)
    ctx.ledger = fake_ledger
    ctx.index_note = "fake index"
    return ctx


@pytest.fixture
def fake_context():
    """The context factory to pass to `run_eval(make_context=...)`."""
    return make_fake_context
