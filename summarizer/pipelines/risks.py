"""`risks`: the risk register of one series or all, filtered, verified, headed by its writer.

Entries are built per series in that series' language (summaries.risks); a sighting whose
citation no longer verifies is dropped, an entry left without one is dropped, and both count.
`--since W` keeps entries still seen in or after week W; `--status open` keeps open and
mitigated entries (still live), `resolved` the resolved ones. Counts are taken before the
status filter, so the headline says how many are resolved even when only open ones are listed.
"""

from __future__ import annotations

from collections import Counter
from typing import Literal

from index.text.lang import Lang
from index.text.weeks import week_key
from index.verify import Verifier
from summarizer.engines.summary import SummaryWriter
from summarizer.pipelines.ledger import week_bound
from summarizer.pipelines.summarize import Session
from summarizer.schemas import RiskEntry, RiskRegister
from summarizer.summaries import risks
from summarizer.summaries.draft import assemble_register
from summarizer.summaries.inputs import RiskFacts
from summarizer.summaries.series import find_series, folders
from summarizer.workspace import Workspace

StatusFilter = Literal["open", "resolved", "all"]


def verify_entries(entries: list[RiskEntry], verifier: Verifier) -> tuple[list[RiskEntry], int]:
    """Entries with only verified sightings (and at least one); dropped sightings and entries counted."""
    kept: list[RiskEntry] = []
    dropped = 0
    for entry in entries:
        history = [s for s in entry.history if verifier.check(s.citation)]
        dropped += len(entry.history) - len(history)
        if not history:
            dropped += 1
            continue
        if len(history) != len(entry.history):
            first, last = history[0], history[-1]
            entry = entry.model_copy(
                update={
                    "history": history,
                    "first_seen": first.week,
                    "last_seen": last.week,
                    "status": last.status,
                    "citations": [first.citation] if first is last else [first.citation, last.citation],
                }
            )
        kept.append(entry)
    return kept, dropped


def keep(entry: RiskEntry, status: StatusFilter) -> bool:
    if status == "open":
        return entry.status != "resolved"
    return status == "all" or entry.status == status


def register(
    workspace: Workspace,
    since: str | None = None,
    status: StatusFilter = "all",
    series_name: str | None = None,
    lang: Lang | None = None,
    engine: str | None = None,
    writer: SummaryWriter | None = None,
) -> RiskRegister:
    """`summarizer risks [--since W] [--status open|resolved|all] [--series S]`."""
    with Session.open(workspace, engine, writer=writer) as session:
        chosen = [find_series(session.ledger, series_name)] if series_name else folders(session.ledger)
        bound = week_bound(since, "--since")
        entries: list[RiskEntry] = []
        langs: list[Lang] = []
        for folder in chosen:
            s = session.series(folder)
            langs.append(lang or s.lang)
            entries += risks.build(s, lang or s.lang)
        entries, dropped = verify_entries(entries, session.verifier)
        if bound is not None:
            entries = [e for e in entries if week_key(e.last_seen) >= bound]
        entries.sort(key=risks.order)
        counts: dict[str, int] = dict(Counter(str(e.status) for e in entries))
        shown = [e for e in entries if keep(e, status)]
        chosen_lang: Lang = lang or (langs[-1] if langs else "en")
        facts = RiskFacts(chosen_lang, chosen[0] if series_name else None, since, status, shown, counts)
        draft = session.writer.risks(facts)
        return assemble_register(facts, draft, session.writer.name, dropped)
