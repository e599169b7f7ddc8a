"""When a prediction is the gold one: lenient project names, quotes that state the gold words,
a report within a series.

The zoo's authors never read the extraction rules, so their names and quotes are their own; these
rules decide how far a derived fact may differ from a label and still count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from index.ledger.signals import field_status
from index.ledger.status_signs import rag_letter
from index.schemas import Slip
from index.text.cjk import has_han
from index.text.normalise import fold_space
from index.text.timeexpr import find_dates, reading_day_first
from summarizer.evals.metrics import normalise_name, same_report
from summarizer.evals.zoo_gold import ZooSlip


def zoo_names_match(predicted: Sequence[str], gold: Sequence[str]) -> bool:
    """A predicted name matches when it equals, contains or is contained in a gold name or alias.

    The zoo's authors named projects their way ("召回模型v3全量", alias "KR2"); a ledger that calls
    it "KR2 召回模型v3全量" found the same project. Short keys (under 3 characters) must be equal.
    """
    preds = [n for n in map(normalise_name, predicted) if n]
    golds = [n for n in map(normalise_name, gold) if n]
    for p in preds:
        for g in golds:
            if p == g or (min(len(p), len(g)) >= 3 and (p in g or g in p)):
                return True
    return False


def states(quotes: Sequence[str], text: str) -> bool:
    """A cited quote states what `text` (the gold words) states: one holds the other, or they share
    a long common run (quotes are clauses, gold texts are phrases)."""
    gold = _fold_fields(text)
    for quote in map(_fold_fields, quotes):
        if not quote or not gold:
            continue
        if gold in quote or quote in gold:
            return True
        # Chinese packs a fact into fewer characters: "开发60%" states what "开发 60%，状态正常" does.
        # Shared digits alone ("10.31") state nothing about whose date it is.
        run = 5 if has_han(gold) else 8
        if len(gold) <= 12 and gold in quote:
            return True
        common = _longest_common(quote, gold)
        if len(common) >= min(run, len(gold), len(quote)) and len(re.findall(r"[^\W\d_]", common)) >= 2:
            return True
    return False


def _fold_fields(text: str) -> str:
    """Space folded, and a field's `=` read as its `:`: a template's `rag=A` (a wiki page's source)
    and the `rag: A` a reader shows of it state the same field."""
    return fold_space(text).replace("=", ":")


def _longest_common(a: str, b: str) -> str:
    from difflib import SequenceMatcher

    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match()
    return a[match.a : match.a + match.size]


def in_series(report: str, series: str) -> bool:
    return f"/{series}/" in report.replace("\\", "/")


def evidence_states(slip: Slip, case: ZooSlip) -> bool:
    """The slip's quotes state the old and the new value. An overdue slip's new side is the report
    dated past the target: any line of it about the project will do, the gold's or another."""
    quotes = [c.quote for c in slip.evidence]
    names = [slip.project, *slip.aliases, case.project, *case.aliases]
    # A field line under the project's own heading (`当前预测：2024-05-18` in the record `1  HIS药事模块
    # 升级`) is cited with that heading: the citation, not the quote alone, names whose it is.
    named = [
        c.quote
        for c in slip.evidence
        if names_project(c.quote, names) or names_project(c.section.split(" > ")[-1], names)
    ]
    here = [c.quote for c in slip.evidence if same_report(c.report, case.report) and c.quote in named]
    if case.kind == "status_downgrade":
        # A status cell ("AT RISK") states the status as well as the notes beside it do, and so does
        # the project's own row, one of whose cells is that status (`| Central concourse screens | … |
        # Amber | 80% |`, `KST100 T/O  周岚  05-16  Y`): the new one from the report where it shows.
        before = states(quotes, case.from_text) or bool(case.from_ and states(quotes, case.from_))
        after = states(quotes, case.to_text) or bool(case.to and states(quotes, case.to))
        before = before or cell_states(named, case.from_ or case.from_text)
        return before and (after or cell_states(here, case.to or case.to_text))
    # A target stated in other words than the gold's (the tracker row `| Mobile Key v2 | … | 4/25/2025 |`
    # where the gold quotes "Target moved to 4/25") states it as well, when the quote names the
    # project and writes the gold's day: the new one in the report where the slip shows.
    before = states(quotes, case.from_text) or writes_day(named, case.from_)
    if case.kind == "stalled" and case.from_:
        # the figure it stalled at, in a line naming the project (`| 等保三级整改 | 何毅 | 10/12 |`)
        before = before or any(fold_space(str(case.from_)) in fold_space(q) for q in named)
    if case.kind == "overdue":
        in_report = any(same_report(c.report, case.report) for c in slip.evidence)
        return (in_report or states(quotes, case.to_text)) and before
    # A stall's new side is the same figure written again in the report where it shows (`| 60% |`),
    # whatever words the gold chose to tell it (`进度连续三周停在60%`).
    held = (
        case.kind == "stalled"
        and bool(case.to)
        and any(fold_space(str(case.to)) in fold_space(q) for q in here)
    )
    return (states(quotes, case.to_text) or writes_day(here, case.to) or held) and before


_CELLS = re.compile(r"\s*\|\s*|\s{2,}")


def cell_states(quotes: Sequence[str], value: str | None) -> bool:
    """A row's cell is the gold's status (`Amber` for "at risk", `Y` for "Y", `🟡 风险` for "有风险"),
    read as the ledger reads a status field."""
    wanted = _status_of(value or "")
    return wanted is not None and any(
        _status_of(cell) == wanted for quote in quotes for cell in _CELLS.split(quote) if 0 < len(cell) <= 24
    )


def _status_of(text: str) -> str | None:
    return rag_letter(text) or field_status(text)


def names_project(quote: str, names: Sequence[str]) -> bool:
    """The quote holds one of the project's names (folded as `zoo_names_match` folds them)."""
    text = normalise_name(quote)
    return any(len(name) >= 2 and name in text for name in map(normalise_name, names))


def writes_day(quotes: Sequence[str], value: str | None) -> bool:
    """A quote writes the gold's ISO day (`2025-04-25`) in any form: `4/25/2025`, `25-Apr`, `4月25日`.
    Yearless forms are read in the gold day's year; an all-number day in either order."""
    try:
        day = date.fromisoformat(value or "")
    except ValueError:
        return False
    for quote in quotes:
        for day_first in (False, True):
            with reading_day_first(day_first):
                if any(h.precision == "day" and h.value == day for h in find_dates(quote, day, "nearest")):
                    return True
    return False
