"""`QuestionPlan`: how one question was understood, made once by `summarizer.planning`.

Retrieval, the ledger facts and every engine read it; none of them re-reads the question's
words to decide what it asks (the planner already did). `public()` is the part an answer shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from index.text.lang import Lang
from index.text.weeks import week_str
from summarizer.schemas import Intent, Plan

# Words that rank or qualify a list of risks without naming one ("the main risks", "最大的风险"),
# say who raised them ("flagged", "提到") or what the writer needs ("asks", "需要支持", "拍板"):
# "what are the biggest open risks and asks?" is answered by the whole list, as "any risks?" is.
RISK_LIST_WORDS = [
    "main",
    "biggest",
    "key",
    "top",
    "major",
    "flagged",
    "mentioned",
    "asks",
    "ask",
    "blockers",
    "escalations",
    "最大",
    "主要",
    "重大",
    "提到",
    "提了",
    "反映",
    "问题",
    "需要",
    "支持",
    "协调",
    "决定",
    "拍板",
    "事项",
]

# What a list question across projects asks for, when it names no project: "which projects
# launched?", "which were paused?", "which is stuck?", "did they launch on time?".
ListKind = Literal["launched", "paused", "stalled", "overdue", "on_time", "slipped"]


@dataclass
class QuestionPlan:
    """Intent, time, scope and linked names of one question, plus the retrieval query."""

    question: str
    intent: Intent = "free"
    lang: Lang = "en"
    query: str = ""
    """The question without its time expression: what dense search embeds."""
    terms: str = ""
    """The query without question words ("什么", "which"): what BM25 and evidence scoring see."""
    since: int | None = None
    until: int | None = None
    """Inclusive ISO week ints searched and filtered on (None = open end)."""
    period: tuple[str | None, str | None] = (None, None)
    """The period the answer says it covers (ISO weeks). It can be wider than since/until: when each
    series is read for its own "last month", the filter is by report and this is the overall span."""
    days: tuple[date, date] | None = None
    """Calendar days the question names (a month, a day), for facts that carry their own date."""
    outcome_after: tuple[date, date] | None = None
    """(the day whose outcome the question asks, the last report of its scope) when the day falls
    after that report: the answer says the reports end before it (`report_choice`)."""
    time_text: str = ""
    label: tuple[str, int] | None = None
    """The series' own report number the question names ("第七期" is ("issue", 7), "Cycle 24"
    ("cycle", 24)); the planner reads it as the reports carrying that number."""
    intent_words: list[str] = field(default_factory=list)
    wants: frozenset[ListKind] = frozenset()
    projects: list[str] = field(default_factory=list)
    """Canonical names of the projects the question names."""
    project_names: list[str] = field(default_factory=list)
    """Every name (canonical and aliases) of the linked projects, to tell their lines from others'."""
    asks_which: bool = False
    """The question asks which of several ("哪个需求已经过了目标日期还没做完？", "which items are
    past due?"): a list, whatever else its words name."""
    wants_reason: bool = False
    """The question asks why ("why did X slip?", "为什么延期", "原因"): lines giving a reason lead."""
    asked: str = ""
    """What the question asks about a linked project, its name removed ("的预算", "who owns"):
    an answer must speak to this, not only repeat the name. Empty when no project is linked."""
    subject: str = ""
    """The terms beyond the intent's own vocabulary and generic report words ("projects", "这几期"):
    what the question is about ("双活改造", "SDK generation"). Empty for a generic question
    ("which projects slipped?"), which a ledger list answers whole."""
    metrics: list[str] = field(default_factory=list)
    """Names of the ledger's metric series the question names (for metric questions)."""
    series: str | None = None
    """The report folder the question is scoped to; None searches every series."""
    reports: set[str] | None = None
    """The only reports searched and counted (a scoped series, or each series' own period)."""
    prefer_series: str | None = None
    """The series likely meant by language only: listed first, never filtered."""
    term_weights: dict[str, float] = field(default_factory=dict)
    """IDF weight of each question term in this index, for evidence scoring."""
    series_langs: dict[str, Lang] = field(default_factory=dict)
    """The language each series is written in: list answers show the question's language first."""
    show_all: bool = False
    """List every item of a list answer (`--all`), not a screenful per team."""
    unseen: frozenset[str] = frozenset()
    """Question terms no chunk of the index contains ("预算", or "降本" for a report's "成本下降")."""
    synonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Question term -> the tokens a report may write instead: an intent word stands for its
    whole vocabulary ("延期" asked is "推迟", "顺延", "slipped" written)."""

    def set_weeks(self, since: int | None, until: int | None) -> None:
        """Search and show the same inclusive week range."""
        self.since, self.until = since, until
        self.period = (week_str(since) if since else None, week_str(until) if until else None)

    def public(self) -> Plan:
        return Plan(
            intent=self.intent,
            since=self.period[0],
            until=self.period[1],
            projects=list(self.projects),
            series=self.series,
        )
