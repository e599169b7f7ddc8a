"""Ledger-backed answers end to end, on one real index + ledger over `ledger_corpus/`.

The corpus is one team's weeklies dated Fridays 2024-05-03 .. 2024-06-07 with no report for
2024-05-24 (ISO week 2024-W21). Its stories:

- Search Reindex: ETA moves once, "ETA: May 24" (W18, W19) -> "ETA: Jun 14" (W20).
- Billing Webhooks v2: target May 17, "Status: Launched May 21" in the 2024-05-31 report (late).
- Data Retention Policy: "Status: Paused" from 2024-05-10, the reason in its Notes.
- Audit Log Export: "% complete: 45" in three reports in a row (W19, W20, W22), then 60.
- Status Page Revamp: ETA May 31, "Status: Launched May 31" told only in the 2024-06-07 report.
- A SEV2 on 2024-05-31 22:40 UTC, told only in the 2024-06-07 report (W23).

The index is built the way `summarizer ingest` builds it: the ledger is a sink of the ingestor
and the lexical index is rebuilt afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from index.schemas import Citation
from index.verify import Verifier
from summarizer import facts, planning
from summarizer.pipelines.ask import ask, retrieve
from summarizer.schemas import Answer

CORPUS = Path(__file__).parent / "ledger_corpus"

SLIPPED = "Search Reindex"
LAUNCHED = "Billing Webhooks v2"
PAUSED = "Data Retention Policy"
STALLED = "Audit Log Export"
PROJECTS = (SLIPPED, LAUNCHED, PAUSED, STALLED)

# The SEV2 that happened on May 31 and is told in the June 7 report, and one that happened in June.
MAY_31_INCIDENT = "the search API returned empty results"
JUNE_INCIDENT = "the metrics exporter dropped samples"


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from summarizer.config import load_settings
    from summarizer.pipelines.ingest import ingest_paths
    from summarizer.workspace import Workspace

    home = tmp_path_factory.mktemp("ledgerhome")
    workspace = Workspace(load_settings(overrides={"home": home}, environ={}))
    summary = ingest_paths(workspace, [CORPUS.resolve()])
    assert summary.totals()["added"] == 5, summary.as_dict()
    yield workspace
    workspace.ledger.close()


def answer(question: str, ws: Any) -> Answer:
    return ask(question, ws).answer


def make_plan(question: str, ws: Any) -> Any:
    return planning.plan(question, ws.retriever, ws.ledger)


def _all_citations(result: Answer) -> list[Citation]:
    return [*result.citations, *(c for p in result.points for c in p.citations)]


def _text(result: Answer) -> str:
    return "\n".join([result.answer, *(p.text for p in result.points)])


def _assert_verified(result: Answer) -> None:
    citations = _all_citations(result)
    assert citations
    assert result.dropped_citations == 0
    verifier = Verifier()
    for citation in citations:
        assert verifier.check(citation), citation


def test_launched_projects_with_quote_and_verdict(ws: Any) -> None:
    result = answer("Which projects launched, and were they on time?", ws)
    assert result.answerable
    assert result.plan.intent == "status"
    assert LAUNCHED in result.answer
    for other in (SLIPPED, PAUSED, STALLED):
        assert other not in _text(result)
    _assert_verified(result)
    point = next(p for p in result.points if p.text.startswith(LAUNCHED))
    # The report's own words for the launch, and the verdict against the May 17 target.
    assert "«Status: Launched May 21»" in point.text
    assert "launched 2024-05-21 (late)" in point.text
    assert "target 2024-05-17" in point.text
    quotes = {c.quote for c in point.citations}
    assert {"ETA: May 17", "Status: Launched May 21"} <= quotes
    launch_cite = next(c for c in point.citations if c.quote == "Status: Launched May 21")
    assert launch_cite.report.endswith("2024-05-31.md")
    assert launch_cite.week == "2024-W22"


def test_launches_count_in_the_month_they_happened(ws: Any) -> None:
    """Status Page Revamp launched on May 31 and only the June 7 report says so: a May
    question lists it, a June question does not."""
    may = answer("Which projects launched in May 2024?", ws)
    assert "Status Page Revamp" in may.answer and LAUNCHED in may.answer
    june = answer("Which projects launched in June 2024?", ws)
    assert june.answer.startswith("The ledger records no launches")
    assert not any("launched 2024-05" in p.text for p in june.points)


def test_paused_project_only(ws: Any) -> None:
    result = answer("Which project was paused?", ws)
    assert result.answerable
    text = _text(result)
    assert PAUSED in result.answer
    for other in (SLIPPED, LAUNCHED, STALLED):
        assert other not in text
    assert len(result.points) == 1  # paused once: still paused in the next report is no new event
    (point,) = result.points
    assert point.text.startswith(f"2024-W19 {PAUSED}: paused")
    assert [c.quote for c in point.citations] == ["Status: Paused"]
    assert point.citations[0].report.endswith("2024-05-10.md")
    _assert_verified(result)


def test_stuck_question_lists_only_the_stalled_project(ws: Any) -> None:
    result = answer("Which project is stuck at the same % complete?", ws)
    assert result.answerable
    assert result.plan.intent == "slips"
    text = _text(result)
    assert STALLED in result.answer
    for other in (SLIPPED, LAUNCHED, PAUSED):  # the moved ETA and the downgrades are not stalls
        assert other not in text
    assert [p.text for p in result.points] == [f"{STALLED}: 2024-W22 stalled: 45% → 45%"]
    (point,) = result.points
    assert [c.week for c in point.citations] == ["2024-W19", "2024-W20", "2024-W22"]
    assert {c.quote for c in point.citations} == {"% complete: 45"}
    _assert_verified(result)


def test_slipped_or_stuck_lists_every_slip_not_the_stalls_alone(ws: Any) -> None:
    # "哪些项目延期或进度停滞": slip words beside a stall's ask for both (w43-a had answered the stalls only)
    result = answer("Which projects slipped or got stuck at the same % complete?", ws)
    text = _text(result)
    assert SLIPPED in text and STALLED in text
    _assert_verified(result)


def test_incident_counts_in_the_month_it_happened(ws: Any) -> None:
    may_plan = make_plan("What incidents happened in May 2024?", ws)
    assert may_plan.intent == "incidents"
    assert may_plan.days == (date(2024, 5, 1), date(2024, 5, 31))
    # Reports are filtered by week: the June 7 report (W23) is outside May's weeks ...
    assert may_plan.period == ("2024-W18", "2024-W22")
    may = answer("What incidents happened in May 2024?", ws)
    # ... but the incident it tells happened on May 31, so May's answer includes it.
    assert MAY_31_INCIDENT in may.answer
    point = next(p for p in may.points if MAY_31_INCIDENT in p.text)
    assert "2024-05-31 22:40 UTC" in point.text
    assert point.citations[0].report.endswith("2024-06-07.md")
    assert JUNE_INCIDENT not in _text(may)
    assert len(may.points) == 3
    _assert_verified(may)

    june_plan = make_plan("What incidents happened in June 2024?", ws)
    assert june_plan.days == (date(2024, 6, 1), date(2024, 6, 30))
    assert june_plan.since is not None and june_plan.since <= 202423  # the June 7 report is in range
    june = answer("What incidents happened in June 2024?", ws)
    assert JUNE_INCIDENT in june.answer
    assert MAY_31_INCIDENT not in _text(june)
    assert len(june.points) == 1
    _assert_verified(june)


def test_retrieve_puts_the_moved_eta_first(ws: Any) -> None:
    plan = make_plan("Which projects slipped?", ws)
    assert plan.intent == "slips"
    found = facts.lookup(plan, ws.ledger)
    hits = retrieve(plan, found, ws, 8)
    assert len(hits) == 8
    # The chunk of the later report (2024-05-17) holding the line "ETA: Jun 14".
    report = str((CORPUS / "2024-05-17.md").resolve())
    lines = Path(report).read_text(encoding="utf-8").splitlines()
    eta_line = next(n for n, line in enumerate(lines, start=1) if line.strip() == "- ETA: Jun 14")
    covering = {h.chunk_id for h in ws.retriever.chunks_covering(report, (eta_line, eta_line))}
    assert covering
    order = [h.chunk_id for h in hits]
    position = next(i for i, chunk_id in enumerate(order) if chunk_id in covering)
    assert position < 3, [(h.week, h.section) for h in hits]
    assert hits[position].section == f"Projects > {SLIPPED}"
    assert "ETA: Jun 14" in hits[position].text
    evidence = {
        h.chunk_id for c in found.evidence_order() for h in ws.retriever.chunks_covering(c.report, c.lines)
    }
    assert order[position] in evidence
    searched = [i for i, chunk_id in enumerate(order) if chunk_id not in evidence]
    assert all(position < i for i in searched)


def test_skipped_week_reads_its_neighbours(ws: Any) -> None:
    question = "Is there a report for the week of May 22?"  # 2024-W21 has no report
    plan = make_plan(question, ws)
    assert (plan.since, plan.until) == (202420, 202422)
    assert plan.period == ("2024-W20", "2024-W22")
    assert plan.days is None
    result = answer(question, ws)
    assert (result.plan.since, result.plan.until) == ("2024-W20", "2024-W22")
    assert all(c.week in ("2024-W20", "2024-W22") for c in _all_citations(result))
    # The neighbours say why the week is missing.
    assert any("No report" in c.quote for c in _all_citations(result))
    _assert_verified(result)


def test_a_day_after_the_last_report_is_not_read_from_it(ws: Any) -> None:
    # The last report is of 2024-06-07 (W23): what happened on June 19 (W25) no report can tell,
    # so the plan keeps the asked week instead of widening to the last report's plans.
    question = f"Did {STALLED} pass its security review on June 19?"
    plan = make_plan(question, ws)
    assert (plan.since, plan.until) == (202425, 202425)
    assert not answer(question, ws).answerable


def test_date_move_shows_both_quotes(ws: Any) -> None:
    result = answer("Which projects slipped?", ws)
    assert result.answerable
    (point,) = [p for p in result.points if p.text.startswith(f"{SLIPPED}:")]  # one point a project
    assert point.text.count("target moved") == 1  # the ETA moved once
    assert "2024-W20 target moved: 2024-05-24 → 2024-06-14" in point.text
    assert "(«ETA: May 24» → «ETA: Jun 14»)" in point.text
    cited = [(c.week, c.quote) for c in point.citations]
    assert cited.index(("2024-W19", "ETA: May 24")) < cited.index(("2024-W20", "ETA: Jun 14"))
    assert not any(p.text.startswith(f"{PAUSED}:") for p in result.points)  # a pause is not a slip
    _assert_verified(result)


def test_summary_of_one_report_from_the_ledger(ws: Any) -> None:
    """A report summary lists what that report tells: the launch, its metrics, each project."""
    result = answer("Summarize the May 31 report.", ws)
    assert result.plan.intent == "summary"
    assert (result.plan.since, result.plan.until) == ("2024-W22", "2024-W22")
    assert result.answerable
    text = _text(result)
    assert "1 launch(es)" in result.answer
    assert f"{LAUNCHED}: launched 2024-05-21" in text
    assert "warehouse load time 44" in text
    assert "Status Page Revamp" in text and STALLED in text
    assert "41 min" not in text  # the June 7 report's metric is not this report's
    _assert_verified(result)


def test_a_range_without_reports_says_so(ws: Any) -> None:
    result = answer("Summarize the Aug 30, 2024 report.", ws)
    assert not result.answerable
    assert result.answer.startswith("No report falls in")


def test_a_question_about_a_project_must_be_answered_about_what_it_asks(ws: Any) -> None:
    """Lines that only name the project are no answer to its budget; its owner line is."""
    budget = answer("What is the budget of Search Reindex?", ws)
    assert not budget.answerable
    owner = answer("Who owns Search Reindex?", ws)
    assert owner.answerable
    assert "Kenji Watanabe" in owner.answer
    cited = [c for p in owner.points for c in p.citations if "Kenji" in c.quote]
    assert cited and all(c.section.endswith("Search Reindex") for c in cited)
    _assert_verified(owner)


def test_incidents_of_one_severity(ws: Any) -> None:
    result = answer("Were there any SEV2 incidents?", ws)
    assert MAY_31_INCIDENT in result.answer
    assert JUNE_INCIDENT not in _text(result)  # a SEV3
    assert all("SEV2" in p.text for p in result.points)


def test_generic_risk_question_lists_troubled_projects(ws: Any) -> None:
    """'Any risks in May?' names nothing but risks: the projects whose state in May says so."""
    result = answer("Any risks in May 2024?", ws)
    assert result.plan.intent == "risks"
    assert result.answerable
    assert "Search Reindex" in result.answer and LAUNCHED not in result.answer
    assert all(c.week <= "2024-W22" for c in _all_citations(result))
    _assert_verified(result)


def test_why_a_project_was_paused_comes_from_its_own_block(ws: Any) -> None:
    result = answer("Which project was paused, and why?", ws)
    reasons = [p for p in result.points if "Legal has not confirmed" in p.text]
    assert len(reasons) == 1
    assert all(c.section.endswith(PAUSED) for c in reasons[0].citations)
    _assert_verified(result)
    # Without "why" the answer stays the list alone.
    assert not any("Legal" in p.text for p in answer("Which project was paused?", ws).points)


def test_the_ledger_answer_is_computed_once_per_question(ws: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pipeline looks the facts up once and hands them to retrieval and the engine alike."""
    from summarizer.facts import answers

    calls: list[str] = []
    original = answers.HANDLERS["slips"]

    def counted(qp: Any, ledger: Any) -> Any:
        calls.append(qp.question)
        return original(qp, ledger)

    monkeypatch.setitem(answers.HANDLERS, "slips", counted)
    result = answer("Which projects slipped?", ws)
    assert result.points and calls == ["Which projects slipped?"]


def test_a_slip_question_about_one_project_says_where_it_stands_now(ws: Any) -> None:
    # "Did X slip?": the stall, and that it moved on since (45% three times, then 60%).
    result = answer(f"Did {STALLED} slip?", ws)
    assert result.answer.startswith("1 slip(s) in 1 project(s)")
    assert "(latest report 2024-W23): progress 60%" in result.answer
    assert "stalled" in _text(result)
    _assert_verified(result)


def test_a_slip_question_about_a_thing_no_slip_names_reads_its_own_lines(ws: Any) -> None:
    """ "Did the metrics exporter slip?" names one thing: every other project's slips are not
    its answer, so the ledger stands aside and the reports' lines about it answer."""
    found = facts.lookup(make_plan("Did the metrics exporter slip?", ws), ws.ledger)
    assert not found.found
    assert SLIPPED not in (found.headline or "")
    # A list question keeps the list, and a project the ledger knows keeps its slips.
    assert facts.lookup(make_plan("Which projects slipped?", ws), ws.ledger).found
    assert SLIPPED in (facts.lookup(make_plan(f"Why did {SLIPPED} slip?", ws), ws.ledger).headline or "")


def test_words_for_the_dates_that_moved_name_no_thing() -> None:
    """ "哪些项目的上线时间推迟了？" lists every slip: 上线时间 (and its seam 线时) is the date that
    moved, not a thing the question is about; "山雀项目是不是逾期了" names one."""
    from summarizer.facts.answers import names_one_thing
    from summarizer.question import QuestionPlan

    weights = {"项目": 3.4, "上线": 1.5, "线时": 3.6, "时间": 3.2, "推迟": 6.0}
    listing = QuestionPlan(question="哪些项目的上线时间推迟了？", intent="slips", subject="上线 线时 时间")
    listing.term_weights = weights
    assert not names_one_thing(listing)
    one = QuestionPlan(question="山雀项目是不是逾期了？", intent="slips", subject="山雀")
    one.term_weights = {"山雀": 6.0, "项目": 3.4, "逾期": 4.0}
    assert names_one_thing(one)


def test_what_went_wrong_beside_the_slips_names_no_thing() -> None:
    """ "Did anything slip or go wrong since mid-August?" asks for the list: `wrong` is what went
    wrong, however rare the index makes the word (a 373-team index refused it, w55-d)."""
    from summarizer.facts.answers import names_one_thing
    from summarizer.question import QuestionPlan

    plan = QuestionPlan(
        question="Did anything slip or go wrong since mid-August?", intent="slips", subject="go wrong"
    )
    plan.term_weights = {"anyth": 2.0, "slip": 3.0, "go": 1.0, "wrong": 6.5, "mid": 2.5}
    assert not names_one_thing(plan)
    one = QuestionPlan(question="Did Wrongway Sync slip?", intent="slips", subject="wrongway sync")
    one.term_weights = {"wrongway": 6.5, "sync": 4.0, "slip": 3.0}
    assert names_one_thing(one)


@pytest.mark.parametrize(
    "question",
    ["What were the biggest risks flagged in May 2024?", "Any main risks or asks in May 2024?"],
)
def test_a_risk_question_that_only_ranks_or_qualifies_the_list_is_answered_by_the_list(
    ws: Any, question: str
) -> None:
    """ "Biggest", "main", "flagged", "asks" name no one risk: the ledger's list answers, as it does
    "any risks?" (these were passed to the passages, which quoted old weeks' risks)."""
    result = answer(question, ws)
    assert result.plan.intent == "risks" and result.answerable
    assert "Search Reindex" in result.answer
    _assert_verified(result)


def test_generic_risk_words_in_chinese_are_taken_out_before_bigrams() -> None:
    """ "现在团队最大的风险" names nothing but the list; "支付网关的风险" names one thing."""
    from datetime import date

    from summarizer.facts.lists import _RISK_WORDS, _generic
    from summarizer.planning.planner import read_question

    generic = read_question("现在团队最大的风险是什么？", latest=date(2024, 6, 1))
    assert generic.intent == "risks" and _generic(generic, _RISK_WORDS) and not generic.subject
    named = read_question("支付网关现在最大的风险是什么？", latest=date(2024, 6, 1))
    assert not _generic(named, _RISK_WORDS) and "支付" in named.subject


def test_a_chinese_question_about_an_english_teams_incidents_keeps_the_ledger_answer(ws: Any) -> None:
    """ "2024年5月搜索出过什么故障？" of English reports: "搜索" is a subject no English line writes, so
    it cannot set the ledger's incidents aside (they had been, and the passages' coverage of the
    Chinese words then refused the question although the incident was on top)."""
    result = answer("2024年5月搜索服务出过什么故障？", ws)
    assert result.plan.intent == "incidents" and result.answerable
    assert MAY_31_INCIDENT in _text(result) and JUNE_INCIDENT not in _text(result)
    _assert_verified(result)


def test_a_status_is_no_answer_to_a_money_question(ws: Any) -> None:
    # the ledger knows the project's status, and no report states what it cost
    plan = make_plan(f"What is the contract value of {SLIPPED} and how is it going?", ws)
    assert plan.projects == [SLIPPED]
    assert not facts.lookup(plan, ws.ledger).found
    assert facts.lookup(make_plan(f"How is {SLIPPED} going?", ws), ws.ledger).found
    assert not answer(f"What is the contract value of {SLIPPED} and how is it going?", ws).answerable


def test_a_money_word_in_a_list_question_names_no_amount(ws: Any) -> None:
    # a newsroom calls its weekly report the "budget": "which slipped" still asks for the slips
    plan = make_plan("Which projects slipped over the period these budgets cover?", ws)
    assert plan.intent == "slips"
    assert facts.lookup(plan, ws.ledger).found
