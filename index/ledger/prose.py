"""The sentences of a report that say something about a schedule, each read as if it were a project's.

Prose reports (a newsletter paragraph, a chat message, a student's weekly note) name a project in
the middle of a sentence ("这两周我们完成了向量化执行器的第二阶段合并", "the Docs site migration is
still on hold"), where no layout says that a name starts. Which words are a project's name is a
property of the series, not of one report: a name its other reports give by their layout. So the
extractor, which sees one report, keeps each sentence carrying a status, progress figure or date
with the observation that sentence alone would make (`Passage`), and `prose_links` names them at
derive time with the series' known project names. Extraction stays a pure function of the report.
"""

from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel, Field

from index.ledger.mentions import NOT_PROJECT_KINDS, Mention, Unit, line_text
from index.ledger.observe import observe
from index.ledger.ordinal_targets import find_ordinal_targets
from index.ledger.progress import find_progress
from index.ledger.signals import find_statuses
from index.models import Report, Section
from index.schemas import Citation, Observation
from index.text.normalise import nfkc
from index.text.timeexpr import find_dates

# Where a project's schedule is not told: an incident's "上线当晚…", a metric's "99.8%", a plan's
# "新文档站上线" (what is next, not what happened), a risk register's wording.
# A sentence ends at a full stop (not a version's or a decimal's dot), ! or ?.
_SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bvs)[.!?](?=\s+\S)|[.!?](?=\s*$)|[。！？]+")
_MIN_SENTENCE = 4


class Passage(BaseModel):
    """A sentence with a schedule signal and the observation it makes, its project not yet named."""

    text: str = Field(description="The sentence (NFKC), what names are looked for in.")
    line: int = Field(description="The line the sentence is on.")
    reach: int = Field(
        description="Where the first clause the observation cites ends: a project named after it "
        "is not what the observation is about."
    )
    signal: int = Field(
        default=-1,
        description="Where the first cited signal itself starts (-1: not known): a project named "
        "before it is the sentence's subject, one named after it in the same clause is its detail "
        '("Jamal got to 64 of 120 templates before being pulled onto Repairs").',
    )
    opening: str = Field(
        default="",
        description="The first clause of the line's first sentence, when this is a later one: the "
        'subject a paragraph goes on about ("CampusNight 的审核没通过。所以 release 推到下个月中。").',
    )
    title: str = Field(
        default="",
        description="The short title line the sentence's block sits under when the layout makes no "
        'heading of it ("1. OTA rollout", "-- Billing --"): the subject of a later line naming none.',
    )
    within: list[str] = Field(
        default_factory=list,
        description="The names of the mentions (headings, leads, items) whose lines hold the sentence: "
        "a heading that is only a container of projects loses what its body says about another one.",
    )
    observation: Observation


def signal_passages(report: Report) -> list[Passage]:
    """Every sentence outside tables, headings and incident/metric/plan sections that states a status,
    a progress figure or a date, with the observation that sentence makes on its own."""
    out: list[Passage] = []
    for section in report.all_sections():
        if section.kind in NOT_PROJECT_KINDS:
            continue
        title = ""
        for number, raw in section.lines:
            if _is_heading(section, number, raw) or section.in_table(number):
                continue
            if not raw.strip():
                title = ""  # a blank line ends the titled block
            text = line_text(raw)
            line_title = _title_line(raw)
            if line_title is not None:
                title = line_title  # and the line is read as any other ("1. Ship v2 by 3 March")
            sentences = _sentences(text)
            for index, sentence in enumerate(sentences):
                passage = _passage(report, section, number, sentence)
                if passage is not None:
                    if index > 0:
                        passage.opening = _first_clause(nfkc(sentences[0]))
                    passage.title = title
                    out.append(passage)
    return out


# A block's title in plain text: a short numbered line with no sentence of its own ("1. OTA
# rollout", "4) Data-lake cost — closing it"), a banner ("-- Billing --", "== Lake ==") or a line
# in capitals ("COPILOT 2", "LAKE (FYI, closed)").
_TITLE_LINE = re.compile(
    r"^\s{0,3}(?:\d{1,2}[.)]\s+(?P<numbered>[^\s.!?:;,][^.!?:;,]{1,48})|"
    r"(?P<rule>[-=~#*]{2,})\s*(?P<banner>[^\s.!?:;,\-=~#*][^.!?:;,]{1,48}?)\s*(?P=rule)|"
    r"(?-i:(?P<caps>[A-Z][A-Z0-9&/' -]{1,40}?))(?:\s*\([^()]{0,40}\))?)\s*$"
)


def _title_line(raw: str) -> str | None:
    """The title a line gives the lines under it, if it is one."""
    match = _TITLE_LINE.match(raw)
    if match is None:
        return None
    return nfkc(match["numbered"] or match["banner"] or match["caps"]).strip()


_CLAUSE = re.compile(r"[,;:，；：]|\s[—–-]\s")


def _first_clause(text: str) -> str:
    match = _CLAUSE.search(text)
    return text[: match.start()] if match else text


def _is_heading(section: Section, number: int, raw: str) -> bool:
    return number == section.start and bool(section.title) and section.title in raw


def _sentences(text: str) -> list[str]:
    out, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        out.append(text[start : match.end()].strip())
        start = match.end()
    out.append(text[start:].strip())
    return [s for s in out if len(s) >= _MIN_SENTENCE]


def _passage(report: Report, section: Section, number: int, sentence: str) -> Passage | None:
    if not _states_schedule(sentence, report.date):
        return None
    unit = Unit(number, sentence, head=True)
    mention = Mention("", section, number, number, [unit], origin="prose")
    obs = observe(report, mention)
    folded = nfkc(sentence)
    ends = [_end_of(folded, cited.quote) for cited in _evidence(obs)]
    if not ends:
        return None  # a date that is no target ("分享在2月22日"), nothing the project's timeline needs
    return Passage(
        text=folded,
        line=number,
        reach=min(ends),
        signal=_first_signal(folded, report.date, obs),
        observation=obs,
    )


def _first_signal(text: str, day: date, obs: Observation) -> int:
    """Where the first of the signals the observation states starts in the sentence: its status
    word, its progress figure or its target's date (-1 when none is found as is)."""
    starts = (
        [s.start for s in find_statuses(text) if s.value == obs.status]
        + [s.start for s in find_progress(text, True) if s.value == obs.progress]
        + [h.start for h in find_dates(text, day) if obs.target is not None and h.value == obs.target]
    )
    return min(starts, default=-1)


def _evidence(obs: Observation) -> list[Citation]:
    """The citations of what the observation says: its target, status and progress."""
    cited = (obs.target_evidence, obs.status_evidence, obs.progress_evidence)
    return [c for c in cited if c is not None]


def _end_of(text: str, quote: str) -> int:
    """Where the cited clause ends in the sentence (its end when the quote is not found as is)."""
    start = text.find(nfkc(quote))
    return start + len(nfkc(quote)) if start >= 0 else len(text)


def _states_schedule(text: str, day: date) -> bool:
    """The sentence states a status, a progress figure or a date."""
    return bool(
        find_statuses(text)
        or find_progress(text, True)
        or find_dates(text, day)
        or find_ordinal_targets(text)
    )
