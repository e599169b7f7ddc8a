"""Which of the ledger's metric series a question names, and the teams that report them.

A metric is named by its whole name (a Latin name as whole words, a Chinese one as a run of
characters), its window or unit left out; a change question that names one asks for its trend.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from index.lexical import STOPWORDS
from index.schemas import series_of
from index.text.normalise import plain_key
from summarizer.planning.projects import ProjectRef, link_projects
from summarizer.question import QuestionPlan

if TYPE_CHECKING:
    from index.ledger.store import Ledger


def metric_teams(name: str, ledger: Ledger) -> list[str]:
    """The report folders whose reports give the metric series of that name a point."""
    from index.ledger import views

    keys = dict(views.metric_names(ledger))
    if name not in keys:
        return []
    found = views.metric_series(ledger, keys={keys[name]})
    return sorted({series_of(p.report) for s in found for p in s.points})


def named_metrics(query: str, ledger: Ledger) -> list[str]:
    """Metric series the question names; one named exactly wins over its near namesakes
    ("出金有效成功率" is not also 入金有效成功率)."""
    from index.ledger import views

    pairs = views.metric_names(ledger)
    named = [name for name, key in pairs if names_metric(query, name, key)]
    # The longest exact name is the one meant ("周计算成本" inside "周计算成本环比" is a namesake).
    named = [n for n in named if not any(n != m and plain_key(n) in plain_key(m) for m in named)]
    return named or link_projects(query, [ProjectRef(name, (key,)) for name, key in pairs], min_ratio=0.6)


# A metric name's closing parenthesis: its window or unit ("(7d)", "(p95, ms)"), left out when asked.
_QUALIFIER = re.compile(r"\s*[(（][^()（）]{1,12}[)）]\s*$")


def names_metric(question: str, name: str, key: str) -> bool:
    """The question writes the metric's whole name: Latin names as whole words ("scope" is not in
    "telescope"), others as a run of characters ("授信通过率"). A name that is a function word
    ("In" of a notebook's `In [1]:` read as a figure) names nothing a question could mean."""
    if len(key) < 2 or key in STOPWORDS:
        return False
    bare = _QUALIFIER.sub("", name)
    if bare != name and bare.strip() and names_metric(question, bare, plain_key(bare)):
        return True  # "crash-free sessions" names "Crash-free sessions (7d)": the window qualifies it
    if key.isascii():
        pattern = _whole_words(name)
        return pattern is not None and pattern.search(question.casefold()) is not None
    return key in plain_key(question)


@lru_cache(maxsize=65536)
def _whole_words(name: str) -> re.Pattern[str] | None:
    """A Latin metric name as whole words, spaced or punctuated any way; compiled once per name
    (every metric question is matched against every metric of the ledger)."""
    words = re.findall(r"[a-z0-9]+", name.casefold())
    if not words:
        return None
    return re.compile(r"(?<![a-z0-9])" + r"[^a-z0-9]*".join(map(re.escape, words)) + r"(?![a-z0-9])")


def as_trend(planned: QuestionPlan, ledger: Ledger) -> None:
    """ "周计算成本这两个月怎么变化的" / "how did signups change?" asks for a metric's trend: a change
    question that names a metric by its whole name is a metric question, not a report diff.
    A question naming a report ("第14期有什么变化") or a short span keeps asking what changed."""
    if planned.reports is not None and len(planned.reports) <= 2:
        return
    from index.ledger import views

    if any(names_metric(planned.query, name, key) for name, key in views.metric_names(ledger)):
        planned.intent = "metrics"
