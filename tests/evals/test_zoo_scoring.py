"""The zoo's scoring rules: lenient names, evidence that must state the slip, retellings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from index.schemas import Citation, Incident, Slip
from summarizer.evals.zoo_gold import ZooIncident, ZooSeries, ZooSlip, load_zoo
from summarizer.evals.zoo_match import zoo_names_match
from summarizer.evals.zoo_score import ZooFacts, score_series

ROOT = Path(__file__).resolve().parents[2]


def _cite(report: str, quote: str) -> Citation:
    return Citation(report=report, week="2025-W42", section="s", lines=(3, 3), quote=quote)


def test_names_match_when_one_holds_the_other() -> None:
    assert zoo_names_match(["KR2 召回模型v3全量"], ["召回模型v3全量", "KR2"])
    assert zoo_names_match(["Offline sync"], ["MOB-412 Offline sync"])
    assert not zoo_names_match(["UI"], ["UIS"])  # short keys must be equal
    assert not zoo_names_match(["Search"], ["Checkout"])


def test_a_slip_counts_on_its_evidence_too() -> None:
    gold = ZooSeries(
        "team",
        slips=[
            ZooSlip.model_validate(
                {
                    "project": "召回模型v3全量",
                    "kind": "date_moved",
                    "week": "2025-W42",
                    "report": "team/a.txt",
                    "from": "2025-10-31",
                    "to": "2025-11-14",
                    "from_text": "全量目标暂时还写10.31",
                    "to_text": "全量时间顺延到11.14",
                }
            )
        ],
    )

    def slip(quotes: list[str]) -> Slip:
        fields = {"project": "KR2 召回模型v3全量", "kind": "date_moved", "from": "a", "to": "b"}
        evidence = [_cite("/x/team/a.txt", q) for q in quotes]
        return Slip.model_validate({**fields, "week": "2025-W42", "evidence": evidence})

    right = score_series(
        gold, ZooFacts([slip(["全量目标暂时还写10.31", "全量时间顺延到11.14"])], [], [], []), None, bool
    )
    wrong = score_series(
        gold, ZooFacts([slip(["AB平台10.31上线", "全量时间顺延到11.14"])], [], [], []), None, bool
    )
    assert right.metrics()["slips.evidence_precision"] == 1.0
    assert wrong.metrics()["slips.recall"] == 1.0 and wrong.metrics()["slips.evidence_precision"] == 0.0
    # The project's own tracker rows state the days in other words than the gold's quotes: they count,
    # the new day only from the report where the slip shows, and never from a row of another project.
    rows = ["| KR2 召回模型v3全量 | 10/31/2025 |", "| KR2 召回模型v3全量 | 2025-11-14 |"]
    by_row = score_series(gold, ZooFacts([slip(rows)], [], [], []), None, bool)
    assert by_row.metrics()["slips.evidence_precision"] == 1.0
    other = ["| AB平台 | 10/31/2025 |", "| KR2 召回模型v3全量 | 2025-11-14 |"]
    assert (
        score_series(gold, ZooFacts([slip(other)], [], [], []), None, bool).metrics()[
            "slips.evidence_precision"
        ]
        == 0.0
    )
    wrong_day = ["| KR2 召回模型v3全量 | 10/31/2025 |", "| KR2 召回模型v3全量 | 2025-11-21 |"]
    assert (
        score_series(gold, ZooFacts([slip(wrong_day)], [], [], []), None, bool).metrics()[
            "slips.evidence_precision"
        ]
        == 0.0
    )

    # A field line cited under the project's own heading is that project's: the citation names it.
    # Under a heading that holds several projects it is nobody's in particular.
    def fielded(section: str) -> Slip:
        fields = {"project": "KR2 召回模型v3全量", "kind": "date_moved", "from": "a", "to": "b"}
        evidence = [
            Citation(report="/x/team/a.txt", week="2025-W42", section=section, lines=(4, 4), quote=quote)
            for quote in ("当前预测：2025-10-31", "当前预测：2025-11-14")
        ]
        return Slip.model_validate({**fields, "week": "2025-W42", "evidence": evidence})

    own = score_series(gold, ZooFacts([fielded("二、OKR > KR2 召回模型v3全量")], [], [], []), None, bool)
    assert own.metrics()["slips.evidence_precision"] == 1.0
    container = score_series(gold, ZooFacts([fielded("二、OKR")], [], [], []), None, bool)
    assert container.metrics()["slips.evidence_precision"] == 0.0


def test_a_retold_incident_is_a_duplicate() -> None:
    gold = ZooSeries(
        "team",
        incidents=[
            ZooIncident(report="team/a.txt", week="2025-W42", date="2025-10-14", quote="Push重复下发"),
            ZooIncident(
                report="team/b.txt", week="2025-W43", quote="复盘：Push重复下发", same_as="team/a.txt"
            ),
        ],
    )

    def incident(report: str) -> Incident:
        return Incident(
            title="Push重复下发",
            report=f"/x/{report}",
            week="2025-W42",
            date=dt.date(2025, 10, 17),
            when=dt.date(2025, 10, 14),
            evidence=_cite(f"/x/{report}", "Push重复下发"),
        )

    once = score_series(gold, ZooFacts([], [], [incident("team/a.txt")], []), None, bool).metrics()
    twice = score_series(
        gold, ZooFacts([], [], [incident("team/a.txt"), incident("team/b.txt")], []), None, bool
    )
    assert once["incidents.f1"] == 1.0
    assert twice.metrics()["incidents.precision"] == 0.5


def test_the_zoo_gold_loads_and_names_real_reports() -> None:
    series = load_zoo(ROOT)
    assert len(series) >= 10
    for s in series:
        assert s.slips and s.questions, s.name
        for entry in [*s.slips, *s.launches, *s.incidents]:
            assert (ROOT / "evals" / "zoo" / "reports" / entry.report).is_file(), entry.report


def test_questions_on_unindexed_reports_are_counted_apart_and_refusals_with_the_answer_counted() -> None:
    """A question whose evidence is only in reports ingest skipped measures ingest, not `ask`; a
    refusal while the engine's own top passage holds every must-mention term is counted."""
    from summarizer.evals.zoo_gold import ZooEvidence, ZooQuestion
    from summarizer.schemas import Answer

    def question(qid: str, report: str) -> ZooQuestion:
        return ZooQuestion(
            id=qid,
            question=qid,
            lang="zh",
            answerable=True,
            intent="free",
            must_mention=["5月底"],
            gold_evidence=[ZooEvidence(report=report, quote="5月底")],
        )

    gold = ZooSeries("team", questions=[question("q-read", "team/a.md"), question("q-skipped", "team/b.md")])

    def ask(text: str) -> tuple[Answer, list[str]]:
        return Answer(answer="周报中没有涉及这个问题。", answerable=False), ["目标调整到5月底"]

    score = score_series(gold, ZooFacts([], [], [], []), ask, bool, unindexed=["/abs/zoo/team/b.md"])
    metrics = score.metrics()
    assert metrics["qa.unindexed"] == 1.0
    assert metrics["qa.answerable_accuracy"] == 0.0 and metrics["qa.refused_with_answer"] == 1.0
    assert ("q-skipped", "not measured: its evidence is only in reports ingest skipped") in score.failures


def test_a_question_is_scored_twice_when_asked_of_its_own_series_too() -> None:
    """The scoped asking gets the series' name and is scored apart (`qa.scoped.*`): an answer
    found only there must not lift the unscoped figure, and its refusals are counted on their own."""
    from summarizer.evals.zoo_gold import ZooEvidence, ZooQuestion
    from summarizer.schemas import Answer

    q = ZooQuestion(
        id="team-01",
        question="哪些项目延期了？",
        lang="zh",
        answerable=True,
        intent="slips",
        must_mention=["支付网关", "5月底"],
        gold_evidence=[ZooEvidence(report="team/a.md", quote="支付网关推迟到5月底")],
    )
    gold = ZooSeries("team", questions=[q])
    asked_series: list[str] = []

    def ask(text: str) -> tuple[Answer, list[str]]:
        return Answer(answer="支付网关有延期。"), ["支付网关推迟到5月底"]

    def ask_scoped(text: str, series: str) -> tuple[Answer, list[str]]:
        asked_series.append(series)
        return Answer(answer="周报中没有涉及这个问题。", answerable=False), ["支付网关推迟到5月底"]

    score = score_series(gold, ZooFacts([], [], [], []), ask, bool, ask_scoped=ask_scoped)
    metrics = score.metrics()
    assert asked_series == ["team"]
    assert metrics["qa.must_mention"] == 0.5 and metrics["qa.refused_with_answer"] == 0.0
    assert metrics["qa.scoped.must_mention"] == 0.0 and metrics["qa.scoped.answerable_accuracy"] == 0.0
    assert metrics["qa.scoped.refused_with_answer"] == 1.0
    assert ("scoped.team-01", "refused although the top passage holds the answer") in score.failures
    unscoped_only = score_series(gold, ZooFacts([], [], [], []), ask, bool).metrics()
    assert "qa.scoped.must_mention" not in unscoped_only


def test_a_series_none_of_whose_reports_was_indexed_is_scored_without_a_scope(tmp_path: Path) -> None:
    # `ask --series` refuses a team it has no report of; the zoo must score the others, not crash
    from summarizer.evals.zoo import run_zoo

    zoo = tmp_path / "evals" / "zoo"
    (zoo / "reports" / "dated").mkdir(parents=True)
    (zoo / "reports" / "dated" / "2025-03-14.md").write_text(
        "# Weekly 2025-03-14\n\n## Projects\n- Alpha: on track\n"
    )
    (zoo / "reports" / "undated").mkdir()
    (zoo / "reports" / "undated" / "notes.md").write_text("# Team notes\n\n- did things\n")
    question = "- {id: q1, question: 'What is the budget?', lang: en, answerable: false, intent: free, must_mention: []}\n"
    for name in ("dated", "undated"):
        (zoo / "gold" / name).mkdir(parents=True)
        (zoo / "gold" / name / "questions.yaml").write_text(question.replace("q1", f"{name}-01"))
    result = run_zoo(tmp_path, tmp_path / "home")
    assert any("scoped questions not asked: undated" in note for note in result.notes)
    assert result.details["dated"]["qa.scoped.unanswerable_accuracy"] is not None


def test_a_status_stated_by_the_projects_own_row_counts() -> None:
    gold = ZooSeries(
        "team",
        slips=[
            ZooSlip.model_validate(
                {
                    "project": "Central concourse screens",
                    "kind": "status_downgrade",
                    "week": "2025-W11",
                    "report": "team/b.txt",
                    "from": "on track",
                    "to": "at risk",
                    "from_text": "Central concourse screens | Dafydd | Green | 70%",
                    "to_text": "Amber; due 21 March is at risk.",
                }
            )
        ],
    )

    def slip(first: str, second: str) -> Slip:
        fields = {"project": "Central concourse screens", "kind": "status_downgrade", "from": "a", "to": "b"}
        evidence = [_cite("/x/team/a.txt", first), _cite("/x/team/b.txt", second)]
        return Slip.model_validate({**fields, "week": "2025-W11", "evidence": evidence})

    def precision(first: str, second: str) -> float:
        return score_series(gold, ZooFacts([slip(first, second)], [], [], []), None, bool).metrics()[
            "slips.evidence_precision"
        ]

    rows = (
        "| #4847 | Central concourse screens | Green | 70% |",
        "| #4847 | Central concourse screens | Amber | 80% |",
    )
    assert precision(*rows) == 1.0
    assert precision(rows[0], "| #4850 | Platform PA | Amber | 10% |") == 0.0  # another project's row
    assert precision(rows[0], rows[0]) == 0.0  # the old status twice


def test_a_template_field_states_what_the_reader_shows_of_it() -> None:
    """A wiki page's source writes `rag=A|target=…`; the reader quotes `rag: A`: the same field."""
    from summarizer.evals.zoo_match import states

    assert states(["rag: A"], "rag=A|target=29 February 2024|lead=Maggie Ferreira")
    assert not states(["rag: G"], "rag=A|target=29 February 2024")


def test_a_stall_is_stated_by_rows_that_name_the_project_with_its_figure() -> None:
    gold = ZooSeries(
        "team",
        slips=[
            ZooSlip.model_validate(
                {
                    "project": "Firewall hardening",
                    "kind": "stalled",
                    "week": "2025-W17",
                    "report": "team/c.txt",
                    "from": "10/12",
                    "to": "10/12",
                    "from_text": "cumulative 10/12",
                    "to_text": "still 10/12, three weeks without a move",
                }
            )
        ],
    )

    def precision(*quotes: str) -> float:
        files = ("/x/team/a.txt", "/x/team/b.txt", "/x/team/c.txt")
        evidence = [_cite(path, quote) for path, quote in zip(files, quotes, strict=True)]
        fields = {"project": "Firewall hardening", "kind": "stalled", "from": "83%", "to": "83%"}
        facts = ZooFacts(
            [Slip.model_validate({**fields, "week": "2025-W17", "evidence": evidence})], [], [], []
        )
        return score_series(gold, facts, None, bool).metrics()["slips.evidence_precision"]

    row = "| Firewall hardening | Ho | 10/12 | 4/30 |"
    assert precision(row, row, row) == 1.0
    other = "| Disk audit | Ho | 10/12 | 4/30 |"  # the figure in another project's row states nothing
    assert precision(other, other, other) == 0.0


def test_questions_put_by_two_processes_score_as_one_process_does(tmp_path: Path) -> None:
    # each series is scored whole by one worker against the same index: the figures cannot differ
    from summarizer.evals.zoo import run_zoo

    zoo = tmp_path / "evals" / "zoo"
    for name, status in (("north", "on track"), ("south", "at risk"), ("west", "blocked")):
        (zoo / "reports" / name).mkdir(parents=True)
        for day, state in (("2025-03-07", "on track"), ("2025-03-14", status)):
            (zoo / "reports" / name / f"{day}.md").write_text(
                f"# {name.title()} weekly {day}\n\n## Projects\n- {name.title()} portal: {state}, target 2025-04-30\n"
            )
        (zoo / "gold" / name).mkdir(parents=True)
        (zoo / "gold" / name / "questions.yaml").write_text(
            f"- {{id: {name}-01, question: 'How is the {name.title()} portal doing?', lang: en, answerable: true,"
            f" intent: status, must_mention: ['{status}']}}\n"
        )
    one = run_zoo(tmp_path, tmp_path / "home", jobs=1)
    two = run_zoo(tmp_path, tmp_path / "home", jobs=2)
    assert one.details == two.details
    assert {m.name: m.value for m in one.metrics} == {m.name: m.value for m in two.metrics}
    assert one.details["south"]["qa.must_mention"] is not None
