"""`Extractor`: one report through the extract prompt, the verifier and the ledger's completion.

A report whose content was already extracted by this prompt and model is skipped before any
request is built (zero calls); otherwise the model's reply is validated and re-asked by the client
(`max_reasks`), grounded, and handed to the ledger, which stores only what the rules lack. A reply
that stays unusable (invalid after the re-asks, a refusal, a truncation, a content filter) fails
that report's extraction with its reason: its rules facts and the other reports are unaffected.
Errors that every following report would meet too (no key, an endpoint that cannot be reached,
a replay miss) propagate.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from index.errors import InputError
from index.ledger.complete import complete
from index.ledger.store import Ledger
from index.load import load_document
from index.models import Report
from index.outcomes import FileOutcome
from index.parse import parse_report
from index.verify import Verifier
from summarizer.errors import ConfigError
from summarizer.extraction.grounding import ground
from summarizer.extraction.request import extract_messages
from summarizer.llm.connect import Connection, LazyClient
from summarizer.llm.errors import ContentFilterError, InvalidOutputError, RefusalError, TruncatedError
from summarizer.llm.results import Spend, StructuredResult
from summarizer.llm_schemas import LLMExtraction
from summarizer.prompts import load_prompt

ExtractMode = Literal["rules", "llm", "both"]
EXTRACT_MODES: tuple[ExtractMode, ...] = ("rules", "llm", "both")
# This reply is unusable, the next report's may be fine: that report fails, the run goes on.
_PER_REPLY = (InvalidOutputError, RefusalError, TruncatedError, ContentFilterError)


@dataclass
class ExtractOutcome:
    """What the model added to one report, or why it added nothing."""

    path: str
    status: Literal["extracted", "unchanged", "failed"]
    added: int = 0
    rejected: list[str] = field(default_factory=list)
    """Facts whose quote is not in the report, one line each."""
    conflicts: list[str] = field(default_factory=list)
    """Facts or fields the rules state differently (the rules' value kept)."""
    duplicates: int = 0
    attempts: int = 0
    reason: str = ""


@dataclass
class ExtractionSummary:
    """The model extraction of one ingest run."""

    mode: ExtractMode
    engine: str
    model: str
    extractor: str
    outcomes: list[ExtractOutcome] = field(default_factory=list)

    @property
    def failed(self) -> list[ExtractOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def totals(self) -> dict[str, int]:
        return {
            "reports": len(self.outcomes),
            "extracted": sum(o.status == "extracted" for o in self.outcomes),
            "unchanged": sum(o.status == "unchanged" for o in self.outcomes),
            "failed": len(self.failed),
            "facts_added": sum(o.added for o in self.outcomes),
            "facts_rejected": sum(len(o.rejected) for o in self.outcomes),
            "conflicts_kept_out": sum(len(o.conflicts) for o in self.outcomes),
            "duplicates": sum(o.duplicates for o in self.outcomes),
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "mode": self.mode,
            "engine": self.engine,
            "model": self.model,
            "extractor": self.extractor,
            "totals": self.totals(),
            "files": [asdict(o) for o in self.outcomes],
        }


class Extractor(LazyClient):
    """Completes the ledger's facts of ingested reports with a model's verified facts."""

    def __init__(self, connection: Connection, mode: ExtractMode, verifier: Verifier | None = None) -> None:
        if mode == "rules":
            raise ConfigError("--extract rules makes no model calls: no extractor is needed")
        self.connection = connection
        self.mode = mode
        self.prompt = load_prompt("extract")
        if self.prompt.output_model is not LLMExtraction:
            raise ConfigError(
                f"prompt extract must declare output_schema LLMExtraction, not {self.prompt.output_schema}"
            )
        self.verifier = verifier or Verifier()
        self.ident = f"{self.prompt.ident} {connection.config.chat_model}"
        self.summary = ExtractionSummary(mode, connection.name, connection.config.chat_model, self.ident)
        super().__init__(connection.connect, connection.replay)

    @property
    def spend(self) -> Spend:
        """Every attempt so far (a report skipped as unchanged makes none)."""
        return self.usage()

    def extract(self, ledger: Ledger, path: Path, report_date: dt.date) -> ExtractOutcome:
        """One ingested report: skip when extracted already, else ask, ground and complete."""
        report = parse_report(load_document(path), str(path), report_date)
        done = ledger.extraction(report.source)
        if done == (report.content_hash, self.ident):
            outcome = ExtractOutcome(report.source, "unchanged")
        else:
            outcome = self._extract(ledger, report)
        self.summary.outcomes.append(outcome)
        return outcome

    def ask(self, report: Report) -> StructuredResult[LLMExtraction]:
        """The model's validated reply for one report (re-asked by the client when invalid)."""
        return self.client.structured(
            extract_messages(self.prompt, report),
            LLMExtraction,
            prompt_ident=self.prompt.ident,
            temperature=self.prompt.temperature,
        )

    def _extract(self, ledger: Ledger, report: Report) -> ExtractOutcome:
        try:
            result = self.ask(report)
        except _PER_REPLY as error:
            attempts = error.attempts if isinstance(error, InvalidOutputError) else 1
            return ExtractOutcome(report.source, "failed", attempts=attempts, reason=str(error))
        facts, rejected = ground(result.value, report, self.verifier)
        completion = complete(ledger.rules_facts(report.source), facts)
        ledger.complete(report.source, report.content_hash, self.ident, completion, len(rejected))
        return ExtractOutcome(
            report.source,
            "extracted",
            added=completion.added,
            rejected=[r.line() for r in rejected],
            conflicts=completion.conflicts,
            duplicates=completion.duplicates,
            attempts=result.attempts,
        )

    def extract_ingested(self, ledger: Ledger, outcomes: list[FileOutcome]) -> None:
        """Every report an ingest run took in (added, updated or unchanged), in its order."""
        for ingested in outcomes:
            if ingested.status == "skipped" or not ingested.date:
                continue
            try:
                self.extract(ledger, Path(ingested.path), dt.date.fromisoformat(ingested.date))
            except (InputError, OSError) as exc:  # the file changed or went away since it was ingested
                reason = exc.reason if isinstance(exc, InputError) else f"cannot read: {exc}"
                self.summary.outcomes.append(ExtractOutcome(ingested.path, "failed", reason=reason))
