"""What a question asks, and of what: the terms that name its subject and the lines it wants.

The local engine keeps only the lines about the thing a question names, refuses when what is
asked of it (a budget, a figure of something no report names) is not in the line, and reads
"now" and "why did it miss 8/16?" off the question. These readings of the question are apart
from the answer's assembly (engine.py), which applies them.
"""

from __future__ import annotations

import re
from datetime import date

from index.lexical import tokenize
from index.retrieve import Hit
from index.text.normalise import plain_line
from index.text.timeexpr import find_dates
from summarizer.engines.local.extractive import Sources, Synonyms, hit_coverage, query_weights
from summarizer.question import QuestionPlan

# Share of the question's weight its subject must carry to be what the answer's lines are about.
SUBJECT_SHARE = 0.5


_NOW = re.compile(
    r"现在|目前|当前|如今|最新|眼下|\b(?:now|currently|current|latest|these days|at the moment)\b", re.I
)


def asks_now(question: str) -> bool:
    """ "qt-migrate 现在怎么样了？", "what is the current status of X?": where a thing stands now is in
    the newest report that speaks of it; older lines saying as much are history."""
    return bool(_NOW.search(question))


def asked_terms(plan: QuestionPlan) -> set[str]:
    """What the question asks about its linked project, without the project's own name: the
    planner removes the name as the question writes it, and a name written shorter or longer
    ("async closures" of "Stabilize async closures") leaves words that every line of the
    project holds, so the line naming the project would pass for an answer about its budget."""
    return set(tokenize(plan.asked)) - named_terms(plan) - _REPORT_NOUNS


def named_terms(plan: QuestionPlan) -> set[str]:
    """The words of the projects the question names: every line of theirs writes them."""
    return {t for name in plan.project_names for t in tokenize(name)}


# The report a question points at ("What did the week 29 post say about X?"): the document, not
# what is asked of the project, so a line about X need not write it.
_REPORT_NOUNS = frozenset(
    {
        "post",
        "posts",
        "update",
        "updates",
        "memo",
        "memos",
        "weeknote",
        "weeknotes",
        "changelog",
        "newsletter",
        "edition",
        "digest",
        "report",
        "reports",
        "say",
        "said",
        "says",
    }
)


def unreported(plan: QuestionPlan) -> set[str]:
    """Latin words of the question's subject that no report of the index contains ("money",
    "dollars"): a figure asked of them is one the reports do not hold. Han terms are left out:
    an unseen bigram is as often a seam of the question's cutting or a translation of an
    English report's word as a thing none reports."""
    return {t for t in tokenize(plan.subject) if t in plan.unseen and t.isascii() and t.isalpha()}


# Lines at the top of a report that hold its title (front matter, a heading, a subject line).
HEAD_LINES = 6


def title_terms(hits: list[Hit], sources: Sources) -> set[str]:
    """Terms at the top of every report the passages come from (two or more): the team's or the
    series' own name, which every line of those reports stands under."""
    heads = []
    for report in {h.report for h in hits}:
        top = [t for _, t in sorted(sources.get(report, {}).items()) if t.strip()][:HEAD_LINES]
        heads.append(set(tokenize(" ".join(plain_line(t) for t in top))))
    return set.intersection(*heads) if len(heads) >= 2 else set()


def missed_day(question: str, hits: list[Hit]) -> date | None:
    """The first day a "why" question names ("为什么没能按 8/16 冻结？", "why did it move from
    mid-March?"), read against the newest passage's report date; None when it names none."""
    dated = [h.date for h in hits if h.date]
    if not dated:
        return None
    try:
        ref = date.fromisoformat(max(dated)[:10])
    except ValueError:
        return None
    found = find_dates(question, ref, "past")
    return found[0].value if found else None


def weights_of(plan: QuestionPlan) -> dict[str, float]:
    """The question's term weights (IDF in this index, else 1 each)."""
    return plan.term_weights or query_weights(plan.terms or plan.query)


def row_subject(plan: QuestionPlan, weights: dict[str, float]) -> dict[str, float]:
    """What a table row's label must name to be quoted: the linked project's names, else the
    subject of a question about one thing (status, free); empty (any row) otherwise: "哪些项目有风险"
    lists rows, and an incident table's rows are labelled by date."""
    if plan.project_names:
        return {t: 1.0 for name in plan.project_names for t in tokenize(name)}
    return named_subject(plan, weights) if plan.intent in ("status", "free") else {}


def named_subject(plan: QuestionPlan, weights: dict[str, float]) -> dict[str, float]:
    """The question's subject when it carries the question (a name the ledger did not link:
    "离线同步（Offline sync）是什么时候上线的"); empty when it is a minor part or there is none.
    Terms no report contains name nothing a line could be about, so they are left out here (they
    still count against answering: "预算" no report mentions)."""
    wanted = set(tokenize(plan.subject)) - plan.unseen
    subject = {t: w for t, w in weights.items() if t in wanted}
    return subject if sum(subject.values()) >= SUBJECT_SHARE * sum(weights.values()) else {}


def held_by(hits: list[Hit], subject: dict[str, float], synonyms: Synonyms) -> dict[str, float]:
    """The subject's terms that some passage holds. The reports may name the thing in other words
    than the question ("O2降本" asked, "O2 计算资源成本下降" written): a term no passage holds
    is one no line could be about, and demanding it kept only the lines that share the question's
    other, common words ("目标") and dropped the block that answers."""
    held = {t: w for t, w in subject.items() if any(hit_coverage(h, {t: w}, synonyms) for h in hits)}
    return held if held else subject


# A count asked in its unit: "装到多少列了", "接入了几家", "how many sites are live".
_COUNT_ASKED = re.compile(r"(?:多少|几)\s*(?P<zh>[\u4e00-\u9fff])|\bhow\s+many\s+(?P<en>[a-z]{3,})", re.I)
_NOT_A_UNIT = set("个次天周月年钱点号期项人")  # too common to say which count ("几个", "多少钱": money)


def counted_in(question: str, quotes: list[str]) -> bool:
    """The question asks how many of a unit ("2号线车载改造装到多少列了？") and a line states a number
    in that unit (`19/34列`, `64 家`, `12 of 20 sites`): the count is the answer, whatever verb the
    question used ("装到", "installed") and the line left out."""
    asked = _COUNT_ASKED.search(question)
    if asked is None:
        return False
    if asked["zh"]:
        if asked["zh"] in _NOT_A_UNIT:
            return False
        unit = re.compile(rf"\d(?:\s*/\s*\d+)?\s*{re.escape(asked['zh'])}")
    else:
        stem = asked["en"].lower().rstrip("s")
        unit = re.compile(rf"\d+(?:\s*(?:/|of)\s*\d+)?\s+(?:\w+\s+)?{re.escape(stem)}", re.I)
    return any(unit.search(quote) for quote in quotes)


_ASKS = re.compile(r"[^？?]+[？?]")


def main_ask(question: str, weights: dict[str, float]) -> dict[str, float]:
    """The terms of a question's first ask when it asks two ("修理厂接入为什么一直上不去？目标还能保住
    吗？"): the follow-up is a facet of the answer (whether the target holds is in the same lines),
    and its own words ("保住") are ones no report need write. Empty for a single ask."""
    asks = _ASKS.findall(question)
    if len(asks) < 2:
        return {}
    first = set(tokenize(asks[0]))
    return {t: w for t, w in weights.items() if t in first}
