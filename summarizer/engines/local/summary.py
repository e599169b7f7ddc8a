"""The local summary writer: deterministic headlines and highlights from ranked facts.

Highlights are the highest-weighted facts, one per subject (a project's slip, not also its row),
at most seven, in weight order; the headline strings their short phrases together in that order
until the length limit, so it leads with what changed and what needs attention. A week where
nothing weighs is said to be quiet, with the number of projects reported.
"""

from __future__ import annotations

from summarizer.schemas import MAX_HIGHLIGHTS, EngineName
from summarizer.summaries import wording
from summarizer.summaries.draft import DraftHighlight, RiskDraft, SummaryDraft
from summarizer.summaries.inputs import Fact, RiskFacts, RollupFacts, WeekFacts
from summarizer.summaries.reading import sentences
from summarizer.summaries.rollup import period_parts

HIGHLIGHT_CHARS = 150
"""A highlight is the item's text cut to whole sentences within this many characters."""


SECTION_CAP = {"metrics": 2, "decisions": 2}
"""Metrics and decisions take at most this many highlights: they inform, the rest needs action."""


def ranked(facts: list[Fact]) -> list[Fact]:
    """Facts worth a highlight, heaviest first (stable), one per subject, capped per section."""
    out: list[Fact] = []
    seen: set[str] = set()
    per_section: dict[str, int] = {}
    for fact in sorted((f for f in facts if f.weight > 0), key=lambda f: -f.weight):
        if fact.subject in seen or per_section.get(fact.section, 0) >= SECTION_CAP.get(fact.section, 99):
            continue
        seen.add(fact.subject)
        per_section[fact.section] = per_section.get(fact.section, 0) + 1
        out.append(fact)
    return out


def _draft(
    lead: str, facts: list[Fact], lang: str, quiet: str, parts: list[str] | None = None
) -> SummaryDraft:
    top = ranked(facts)[:MAX_HIGHLIGHTS]
    highlights = [DraftHighlight(text=sentences(f.item.text, HIGHLIGHT_CHARS), refs=[f.item.id]) for f in top]
    # Metrics inform; they reach the headline only when little else happened.
    news = [f.short for f in top if f.section != "metrics"]
    parts = (parts or []) + news + ([f.short for f in top if f.section == "metrics"] if len(news) < 2 else [])
    headline = wording.compose(lead, parts, lang) if parts else quiet  # type: ignore[arg-type]
    return SummaryDraft(headline=headline, highlights=highlights)


class LocalSummaryWriter:
    name: EngineName = "local"
    version = "local-summary-1"

    def usage(self) -> None:
        """The local writer calls no model."""
        return None

    def close(self) -> None:
        """Nothing to release."""

    def summary(self, facts: WeekFacts) -> SummaryDraft:
        quiet = wording.say("quiet", facts.lang, label=facts.label, n=facts.projects_reported)
        first = (
            [wording.say("first", facts.lang, n=facts.projects_reported)] if facts.previous is None else []
        )
        return _draft(facts.label, facts.facts, facts.lang, quiet, first)

    def rollup(self, facts: RollupFacts) -> SummaryDraft:
        lead = wording.say(
            "rollup_lead",
            facts.lang,
            name=facts.name,
            since=facts.since,
            until=facts.until,
            n=len(facts.reports),
        )
        end = "。" if facts.lang == "zh" else "."
        return _draft(lead, facts.facts, facts.lang, lead + end, period_parts(facts))

    def risks(self, facts: RiskFacts) -> RiskDraft:
        counts = {k: facts.counts.get(k, 0) for k in ("open", "mitigated", "resolved")}
        worst = next((e for e in facts.entries if e.status == "open"), None)
        top = (
            wording.say("register_top", facts.lang, title=wording.clip(worst.title, facts.lang, 12, 40))
            if worst
            else ""
        )
        return RiskDraft(headline=wording.say("register", facts.lang, top=top, **counts))
