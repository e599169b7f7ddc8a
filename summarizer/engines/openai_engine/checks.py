"""The summary writers' validate hooks, and how the reply that came back becomes a draft.

`problems` is handed to `ChatClient.structured`: a headline over its limit, a highlight citing an
id the model was not shown, more than seven highlights, a register entry named twice or merged
with one that cannot be the same risk all go back to the model in the re-ask. After the last
re-ask (`keep_last`) what can be repaired is: unknown ids are dropped, a highlight left without
one is dropped, highlights past the seventh are dropped, a group that is still wrong is not
applied, each counted and said in a note. A headline still over its limit cannot be repaired
without rewriting it, so it raises `InvalidOutputError` (exit 1), like any unusable reply.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from index.text.cjk import han_count
from index.text.lang import Lang
from summarizer.llm.errors import InvalidOutputError
from summarizer.llm.results import StructuredResult
from summarizer.llm_schemas import LLMRiskDraft, LLMSummaryDraft
from summarizer.schemas import HEADLINE_HAN, HEADLINE_WORDS, MAX_HIGHLIGHTS, RiskEntry
from summarizer.summaries import wording
from summarizer.summaries.draft import DraftHighlight, RiskDraft, RiskGroup, SummaryDraft
from summarizer.summaries.regroup import mergeable

RISK_SUMMARY_WORDS = 30
RISK_SUMMARY_HAN = 60
"""A register entry's summary is one line: at most 30 English words or 60 Chinese characters."""


def _shown(ids: Sequence[str]) -> str:
    listed = ", ".join(ids[:40]) + (f", … ({len(ids)} in all)" if len(ids) > 40 else "")
    return listed or "none"


def headline_problem(text: str, lang: Lang) -> str | None:
    if not text.strip():
        return "headline: empty; write one"
    if wording.fits(text, lang):
        return None
    if lang == "zh" and han_count(text) >= len(text) // 3:
        return f"headline: {len(text)} characters; write at most {HEADLINE_HAN} Chinese characters"
    return f"headline: {wording.length(text, 'en')} words; write at most {HEADLINE_WORDS} English words"


def _reasks(attempts: int) -> str:
    return f"after {attempts - 1} re-ask(s)" if attempts > 1 else "with no re-ask allowed"


class DraftCheck:
    """Checks a summary or roll-up reply against the fact ids its prompt showed."""

    def __init__(self, shown: Sequence[str], lang: Lang) -> None:
        self.shown = list(shown)
        self.lang = lang

    def problems(self, reply: LLMSummaryDraft) -> list[str]:
        problems = [p for p in [headline_problem(reply.headline, self.lang)] if p]
        if len(reply.highlights) > MAX_HIGHLIGHTS:
            problems.append(f"highlights: {len(reply.highlights)} given; at most {MAX_HIGHLIGHTS}")
        for h, highlight in enumerate(reply.highlights):
            if not highlight.text.strip():
                problems.append(f"highlights[{h}].text: empty")
            if not highlight.fact_ids:
                problems.append(f"highlights[{h}].fact_ids: empty; cite at least one fact id")
            for fact_id in highlight.fact_ids:
                if fact_id.strip() not in self.shown:
                    problems.append(
                        f"highlights[{h}].fact_ids: '{fact_id}' is not one of the fact ids shown"
                        f" ({_shown(self.shown)})"
                    )
        return problems

    def draft(self, result: StructuredResult[LLMSummaryDraft], notes: list[str]) -> SummaryDraft:
        """The repaired draft; `InvalidOutputError` when the headline still does not fit."""
        reply = result.value
        problem = headline_problem(reply.headline, self.lang)
        if problem:
            raise InvalidOutputError(result.attempts, result.usage, result.raw, [problem])
        kept: list[DraftHighlight] = []
        unknown: list[str] = []
        uncited = empty = 0
        for highlight in reply.highlights:
            ids = list(dict.fromkeys(i.strip() for i in highlight.fact_ids))
            unknown += [i for i in ids if i not in self.shown]
            known = [i for i in ids if i in self.shown]
            if not highlight.text.strip():
                empty += 1
            elif not known:
                uncited += 1
            else:
                kept.append(DraftHighlight(text=highlight.text.strip(), refs=known))
        over = max(0, len(kept) - MAX_HIGHLIGHTS)
        notes = list(notes)
        if unknown:
            notes.append(
                f"{uncited} highlight(s) of the model's reply dropped and {len(unknown)} citation(s) removed:"
                f" ids it was not shown ({', '.join(dict.fromkeys(unknown))}), still {_reasks(result.attempts)}"
            )
        if empty:
            notes.append(f"{empty} empty highlight(s) of the model's reply dropped")
        if over:
            notes.append(f"{over} highlight(s) past the seventh dropped")
        return SummaryDraft(
            headline=reply.headline.strip(),
            highlights=kept[:MAX_HIGHLIGHTS],
            notes=notes,
            dropped=uncited + empty + over,
        )


class RiskCheck:
    """Checks a register reply against the entries its prompt showed (prompt id -> entry)."""

    def __init__(self, shown: Mapping[str, RiskEntry], lang: Lang) -> None:
        self.shown = dict(shown)
        self.lang = lang

    def _group_problems(self, g: int, ids: list[str], summary: str, seen: dict[str, int]) -> list[str]:
        problems = []
        if not ids:
            problems.append(f"risks[{g}].entry_ids: empty; name at least one entry")
        for rid in ids:
            if rid not in self.shown:
                problems.append(
                    f"risks[{g}].entry_ids: '{rid}' is not one of the entry ids shown ({_shown(list(self.shown))})"
                )
            elif rid in seen and seen[rid] != g:
                problems.append(
                    f"risks[{g}].entry_ids: {rid} is already in risks[{seen[rid]}]; name every entry once"
                )
        members = [self.shown[r] for r in dict.fromkeys(ids) if r in self.shown]
        why = mergeable(members) if len(members) > 1 else None
        if why:
            problems.append(
                f"risks[{g}]: {', '.join(dict.fromkeys(ids))} cannot be one risk: {why}; keep them apart"
            )
        problems += [f"risks[{g}].summary: {p}" for p in self._summary_problems(summary)]
        return problems

    def _summary_problems(self, summary: str) -> list[str]:
        if not summary.strip():
            return ["empty; write one line"]
        if "\n" in summary.strip():
            return ["more than one line; write one line"]
        if not wording.fits(summary, self.lang, RISK_SUMMARY_WORDS, RISK_SUMMARY_HAN):
            unit = (
                f"{RISK_SUMMARY_HAN} Chinese characters"
                if self.lang == "zh"
                else f"{RISK_SUMMARY_WORDS} English words"
            )
            return [f"too long; write at most {unit}"]
        return []

    def problems(self, reply: LLMRiskDraft) -> list[str]:
        problems = [p for p in [headline_problem(reply.headline, self.lang)] if p]
        seen: dict[str, int] = {}
        for g, group in enumerate(reply.risks):
            ids = [i.strip() for i in group.entry_ids]
            problems += self._group_problems(g, ids, group.summary, seen)
            for rid in ids:
                seen.setdefault(rid, g)
        missing = [rid for rid in self.shown if rid not in seen]
        if missing:
            problems.append(
                f"risks: entries {', '.join(missing)} are missing; name every entry once, alone or merged"
            )
        return problems

    def draft(self, result: StructuredResult[LLMRiskDraft], notes: list[str]) -> RiskDraft:
        """The repaired draft: unknown and repeated ids removed, groups still wrong not applied."""
        reply = result.value
        problem = headline_problem(reply.headline, self.lang)
        if problem:
            raise InvalidOutputError(result.attempts, result.usage, result.raw, [problem])
        used: set[str] = set()
        groups: list[RiskGroup] = []
        unknown: list[str] = []
        not_applied = 0
        for group in reply.risks:
            ids = [i.strip() for i in group.entry_ids]
            unknown += [i for i in ids if i not in self.shown]
            ids = [i for i in dict.fromkeys(ids) if i in self.shown and i not in used]
            if not ids or self._group_problems(0, ids, group.summary, {}):
                not_applied += 1
                continue
            used.update(ids)
            groups.append(RiskGroup(ids=[self.shown[i].id for i in ids], summary=group.summary.strip()))
        notes = list(notes)
        if unknown:
            notes.append(
                f"entry ids the model was not shown were ignored ({', '.join(dict.fromkeys(unknown))}),"
                f" still {_reasks(result.attempts)}"
            )
        if not_applied:
            notes.append(
                f"{not_applied} group(s) of the model's reply not applied (no entry it was shown, a merge"
                " that cannot be one risk, or a summary that is not one line); those entries keep their"
                " computed wording"
            )
        return RiskDraft(headline=reply.headline.strip(), groups=groups, notes=notes, dropped=not_applied)
