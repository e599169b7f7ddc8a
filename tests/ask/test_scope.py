"""Which series a question is about, over a real index holding two teams (growth-zh, infra-en)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from summarizer.planning.file_names import file_name_team
from summarizer.planning.index_context import IndexContext, index_context, relative_reports
from summarizer.planning.scope import (
    choose_scope,
    contradicted,
    language_explains,
    named_series,
    named_teams,
    named_unless_beside,
    names,
    own_name,
)
from summarizer.planning.team_words import lone_word_team, word_forms


def _series(workspace: Any) -> dict[str, str]:
    ctx = index_context(workspace.retriever.lexical)
    return {name.rsplit("/", 1)[-1]: name for name in ctx.reports_by_series}


def test_a_series_named_in_the_question_wins() -> None:
    series = ["/r/growth-zh", "/r/infra-en", "/r/weekly-reports"]
    assert named_series("what did the infra team ship?", series) == "/r/infra-en"
    assert named_series("any growth news", series) == "/r/growth-zh"
    # Generic folder words and substrings of other words name nothing.
    assert named_series("show the weekly reports", series) is None
    assert named_series("infrastructure costs", series) is None


def test_a_folder_word_several_teams_share_is_settled_by_the_vote() -> None:
    """Two teams write goal posts ("goals-monthly-a", "monthly-goals-b"): the word narrows the
    teams, the question's hits choose between them; no clear choice names none."""
    series = ["/r/goals-monthly-a", "/r/monthly-goals-b", "/r/infra-en"]
    votes = {"/r/goals-monthly-a": 1.6, "/r/monthly-goals-b": 0.1, "/r/infra-en": 0.5}
    assert named_series("which goals slipped?", series, votes) == "/r/goals-monthly-a"
    even = {"/r/goals-monthly-a": 1.0, "/r/monthly-goals-b": 0.8}
    assert named_series("which goals slipped?", series, even) is None
    assert named_series("which goals slipped?", series) is None
    assert named_teams("which goals slipped?", series) == ["/r/goals-monthly-a", "/r/monthly-goals-b"]


def test_a_majority_the_language_explains_is_a_preference_not_a_filter(workspace: Any) -> None:
    """The only English team wins every English question's vote: list it first, hide nothing."""
    names = _series(workspace)
    ctx = index_context(workspace.retriever.lexical)
    assert ctx.lang_by_series == {names["infra-en"]: "en", names["growth-zh"]: "zh"}
    english = choose_scope("What is the mean time to restore?", ctx, workspace.retriever)
    assert (english.series, english.reports, english.prefer) == (None, None, names["infra-en"])
    chinese = choose_scope("次日留存率是多少？", ctx, workspace.retriever)
    assert (chinese.series, chinese.prefer) == (None, names["growth-zh"])


def test_language_explains_only_a_lone_language() -> None:
    ctx = IndexContext(lang_by_series={"/a": "en", "/b": "en", "/c": "zh"})
    assert not language_explains("which projects slipped?", "/a", ctx)  # /b is English too
    assert language_explains("哪些项目延期了", "/c", ctx)
    assert not language_explains("which projects slipped?", "/c", ctx)  # an English vote for zh


def test_a_term_only_another_series_has_keeps_the_whole_index(workspace: Any) -> None:
    """A Chinese question about an English-only term: the vote follows the language, the term
    says otherwise, so nothing is hidden."""
    ctx = index_context(workspace.retriever.lexical)
    mixed = choose_scope("日活用户和 deploy frequency 是多少", ctx, workspace.retriever)
    assert mixed.series is None
    assert mixed.reports is None


def test_a_linked_project_names_its_series(workspace: Any) -> None:
    names = _series(workspace)
    ctx = index_context(workspace.retriever.lexical)
    scope = choose_scope("它现在怎么样", ctx, workspace.retriever, project_series=[names["infra-en"]])
    assert scope.series == names["infra-en"]


def test_relative_time_uses_each_series_own_latest_report() -> None:
    ctx = IndexContext(
        latest=date(2025, 5, 30),
        latest_by_series={"/a": date(2025, 1, 10), "/b": date(2025, 5, 30)},
        reports_by_series={"/a": {"/a/w01.md", "/a/w02.md"}, "/b": {"/b/w21.md", "/b/w22.md"}},
        week_of_report={"/a/w01.md": 202501, "/a/w02.md": 202502, "/b/w21.md": 202521, "/b/w22.md": 202522},
    )
    found = relative_reports("the latest report", ctx)
    assert found == ({"/a/w02.md", "/b/w22.md"}, 202502, 202522)
    assert relative_reports("incidents in April 2025", ctx) is None  # absolute: same for all
    assert relative_reports("which projects slipped?", ctx) is None


class _Idf:
    """Stand-in for the lexical index: every term weighs 1 unless listed."""

    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = weights

    def idf(self, term: str) -> float:
        return self.weights.get(term, 1.0)


def test_a_crowded_vote_survives_a_common_word_other_teams_hold() -> None:
    """Several teams share the question's language, so the vote weighed the subject: a name only
    the leader writes outweighs a plain word ("overdue") a few other teams happen to use."""
    holders = {"kestrel": {"/a"}, "overdue": {"/b", "/c"}}
    idf = _Idf({"kestrel": 6.0, "overdue": 4.0})
    assert not contradicted("/a", holders, idf, by_language=False)  # type: ignore[arg-type]
    # The only team in the question's language: any term elsewhere may be what is meant.
    assert contradicted("/a", holders, idf, by_language=True)  # type: ignore[arg-type]


def test_a_crowded_vote_yields_to_heavier_terms_it_lacks() -> None:
    holders = {"kestrel": {"/a"}, "audit": {"/b"}, "export": {"/b"}}
    idf = _Idf({"kestrel": 4.0, "audit": 3.0, "export": 3.0})
    assert contradicted("/a", holders, idf, by_language=False)  # type: ignore[arg-type]
    # A leader holding no term of its own keeps the old rule: anything elsewhere contradicts it.
    assert contradicted("/a", {"audit": {"/a", "/b"}, "export": {"/b"}}, idf, by_language=False)  # type: ignore[arg-type]


def test_in_a_crowded_index_the_leader_is_compared_team_by_team() -> None:
    """Twenty teams: "infrastructure" is written by the leader and one other team, "incidents" and
    "update" by many. No team holds a word the leader lacks, so the vote stands, though no word
    is the leader's alone."""
    holders = {"infrastructure": {"/a", "/b"}, "incidents": {"/a", "/c", "/d"}, "update": {"/a", "/c", "/e"}}
    idf = _Idf({"infrastructure": 5.0, "incidents": 3.0, "update": 3.0})
    assert not contradicted("/a", holders, idf, by_language=False, teams=20)  # type: ignore[arg-type]
    # A team holding every word the leader holds ties with it: the vote is the wording's.
    tied = {**holders, "infrastructure": {"/a", "/b"}, "incidents": {"/a", "/b"}, "update": {"/a", "/b"}}
    assert contradicted("/a", tied, idf, by_language=False, teams=20)  # type: ignore[arg-type]
    # Only words many teams write ("June", "incidents"): nothing tells the leader apart.
    common = {"june": {"/a", "/b", "/c"}, "incidents": {"/a", "/c", "/d"}}
    assert contradicted("/a", common, idf, by_language=False, teams=20)  # type: ignore[arg-type]


def test_a_term_only_the_leader_writes_scopes_a_slight_lead() -> None:
    """ "QN2现在是什么情况？": the code name is one team's; the chatty rest of the question spread
    the vote. A word another team writes as heavily (or a tie) leaves the question unscoped."""
    idf = _Idf({"qn2": 6.0, "学期": 5.0, "延期": 3.0})
    assert own_name("/a", {"qn2": {"/a"}}, idf, teams=20)  # type: ignore[arg-type]
    assert not own_name("/a", {"qn2": {"/a", "/b"}}, idf, teams=20)  # type: ignore[arg-type]
    assert not own_name("/a", {"qn2": {"/a"}, "学期": {"/b"}, "延期": {"/b"}}, idf, teams=20)  # type: ignore[arg-type]


def test_words_of_every_teams_work_and_seams_name_no_team() -> None:
    """In an index of eighteen teams one team may be the only one writing "projects" (the plural)
    or "period", or a seam like "报里" of "这几期双周报里": none of them is that team's name. A
    team's own unit of work ("KR", "sprint") is."""
    idf = _Idf({})
    assert not names("projects") and not names("period") and not names("报里") and not names("项目")
    assert names("kr") and names("sprint") and names("qn2") and names("迭代")
    assert not own_name("/a", {"projects": {"/a"}, "period": {"/a"}}, idf, teams=18)  # type: ignore[arg-type]
    assert contradicted("/a", {"报里": {"/a"}, "延期": {"/a", "/b"}}, idf, by_language=False, teams=18)  # type: ignore[arg-type]


class _Postings(_Idf):
    """Stand-in for the lexical index: which series hold each token."""

    def __init__(self, held: dict[str, set[str]]) -> None:
        super().__init__({})
        self.held = held

    def series_holding(self, token: str) -> set[str]:
        return self.held.get(token, set())


def test_a_folder_word_used_as_the_subject_names_no_team() -> None:
    """ "hardware key rollout": the `hardware` team's folder word, but the hits are the security
    team's and the hardware team's reports hold no term of the question."""
    teams = ("/r/hardware", "/r/security", "/r/growth", "/r/payments")
    ctx = IndexContext(reports_by_series={team: {team + "/1.md"} for team in teams})
    lexical = _Postings({"key": {"/r/security"}, "rollout": {"/r/security", "/r/growth"}})
    question = "Why did the hardware key rollout move?"
    clear = {"/r/security": 2.0, "/r/growth": 0.2}
    assert named_unless_beside(question, "/r/hardware", "/r/security", clear, ctx, lexical, ()) is None  # type: ignore[arg-type]
    # Holding only a word the leader holds too, beside the leader's own "key": still the leader's.
    lexical.held["rollout"].add("/r/hardware")
    assert named_unless_beside(question, "/r/hardware", "/r/security", clear, ctx, lexical, ()) is None  # type: ignore[arg-type]
    # The named team matching the question as well as the leader, or no clear majority: it stays named.
    lexical.held["key"].add("/r/hardware")
    assert (
        named_unless_beside(question, "/r/hardware", "/r/security", clear, ctx, lexical, ()) == "/r/hardware"
    )  # type: ignore[arg-type]
    split = {"/r/security": 1.0, "/r/growth": 1.0}
    assert (
        named_unless_beside(question, "/r/hardware", "/r/security", split, ctx, lexical, ()) == "/r/hardware"
    )  # type: ignore[arg-type]


def test_a_folder_word_still_names_a_team_when_language_explains_the_vote() -> None:
    """ "Which payments project was paused?" in English: the only English team wins the vote by
    language, and the Chinese payments team holds no English term; the folder word still names it."""
    ctx = IndexContext(
        reports_by_series={"/r/payments-zh": {"a"}, "/r/platform-en": {"b"}, "/r/x": {"c"}},
        lang_by_series={"/r/payments-zh": "zh", "/r/platform-en": "en", "/r/x": "zh"},
    )
    lexical = _Postings({"paused": {"/r/platform-en"}})
    votes = {"/r/platform-en": 2.0}
    question = "Which payments project was paused, and why?"
    assert (
        named_unless_beside(question, "/r/payments-zh", "/r/platform-en", votes, ctx, lexical, ())
        == "/r/payments-zh"
    )  # type: ignore[arg-type]


def test_a_folder_word_is_no_evidence_for_its_own_team() -> None:
    """ "How has the data lake spend trended?": `data` is a `*-data` team's folder word but a word
    half the teams write; that team holds no other term of the question, so with no clear vote
    the question is not scoped to it. A team holding another term of the question stays named."""
    teams = (*(f"/r/t{i}" for i in range(8)), "/r/table-data", "/r/ops-notes")
    ctx = IndexContext(reports_by_series={team: {team + "/1.md"} for team in teams})
    lexical = _Postings(
        {"data": {"/r/table-data", "/r/t1", "/r/t2", "/r/ops-notes"}, "lake": {"/r/ops-notes"}}
    )
    question = "How has the data lake spend trended?"
    split = {"/r/ops-notes": 1.0, "/r/t1": 1.0}
    assert named_teams(question, sorted(teams)) == ["/r/table-data"]
    assert named_unless_beside(question, "/r/table-data", "/r/ops-notes", split, ctx, lexical, ()) is None  # type: ignore[arg-type]
    lexical.held["lake"].add("/r/table-data")
    assert (
        named_unless_beside(question, "/r/table-data", "/r/ops-notes", split, ctx, lexical, ())
        == "/r/table-data"
    )  # type: ignore[arg-type]


def test_a_folder_word_names_its_team_in_the_plural_but_update_names_none() -> None:
    """ "the latest weeknote" names a `weeknotes-*` folder; "the latest update" names no team, since
    most teams call their reports updates."""
    series = ["/r/weeknotes-blog", "/r/investor-update", "/r/growth"]
    assert named_teams("What changed in the latest weeknote?", series) == ["/r/weeknotes-blog"]
    assert named_teams("What changed in the most recent update?", series) == []
    assert named_teams("any investor news?", series) == ["/r/investor-update"]


class _Hits(_Postings):
    """Stand-in retriever: every search returns one hit per listed report, in order."""

    def __init__(self, reports: list[str]) -> None:
        super().__init__({})
        self.reports = reports
        self.lexical = self

    def search(self, question: str, k: int = 8) -> list[Any]:
        from types import SimpleNamespace

        return [SimpleNamespace(report=r) for r in self.reports[:k]]


def test_a_project_a_few_teams_report_scopes_to_them_when_the_vote_went_elsewhere() -> None:
    """ "审计日志导出（Audit log export）为什么延期？": the Chinese question's vote goes to a Chinese team,
    the project is reported by two English teams; their reports answer, the likelier listed first."""
    teams = ("/r/api-en", "/r/changelog-en", "/r/infra-zh")
    ctx = IndexContext(
        latest_by_series={t: date(2025, 6, 1) for t in teams},
        reports_by_series={t: {t + "/1.md"} for t in teams},
    )
    retriever = _Hits(["/r/infra-zh/1.md", "/r/changelog-en/1.md"])
    scope = choose_scope("审计日志导出为什么延期？", ctx, retriever, ["/r/api-en", "/r/changelog-en"])  # type: ignore[arg-type]
    assert scope.series is None and scope.prefer == "/r/changelog-en"
    assert scope.reports == {"/r/api-en/1.md", "/r/changelog-en/1.md"}


def test_a_one_word_project_name_other_teams_write_scopes_nothing() -> None:
    """ "the GPU cluster outage": one team's board has a project "GPU", another team writes "GPU 集群";
    the name is that word, not the team. A longer or team-only name still scopes."""
    from summarizer.planning.planner import shared_word

    lexical = _Postings({"gpu": {"/r/ml", "/r/lab"}, "dsv2": {"/r/ops"}})
    assert shared_word("GPU", lexical)  # type: ignore[arg-type]
    assert not shared_word("DSv2", lexical)  # type: ignore[arg-type]
    assert not shared_word("GPU cluster migration", lexical)  # type: ignore[arg-type]


def test_a_code_name_one_team_writes_says_whose_question_it_is() -> None:
    """ "LedgerSync 导出为什么晚了？": the vote follows the Chinese words, the code name is one English
    team's. A level or quarter ("P1", "Q3") or a name several teams write says nothing."""
    from summarizer.planning.scope import code_name_team

    holders = {"ledgersync": {"/r/ops-en"}, "导出": {"/r/bank-zh"}, "sev2": {"/r/a", "/r/b"}, "p1": {"/r/a"}}
    assert code_name_team("LedgerSync 导出为什么晚了？", holders) == "/r/ops-en"
    assert code_name_team("Which SEV2 incidents happened?", holders) is None
    assert code_name_team("Any P1 incidents in Q3?", holders) is None
    assert code_name_team("导出为什么晚了？", holders) is None


class _Holding:
    """A lexical index reduced to which series write each token."""

    def __init__(self, held: dict[str, set[str]]) -> None:
        self.held = held

    def series_holding(self, token: str) -> set[str]:
        return self.held.get(token, set())


def test_a_latin_word_only_one_team_writes_scopes_to_that_team() -> None:
    lexical = _Holding({"relaunch": {"/r/agency"}, "agreed": {"/r/agency", "/r/ops"}})
    holders = {"relaunch": {"/r/agency"}, "agreed": {"/r/agency", "/r/ops"}}
    votes = {"/r/ops": 1.0, "/r/agency": 0.2}
    assert lone_word_team(holders, lexical, votes) == "/r/agency"  # type: ignore[arg-type]
    # Not when the team is nowhere in the question's own hits (a word of another language's team).
    assert lone_word_team(holders, lexical, {"/r/ops": 1.0}) is None  # type: ignore[arg-type]


def test_a_word_other_teams_write_in_another_form_is_no_teams_own() -> None:
    """ "initiatives" is written by one team, "initiative" by others: a common word, not a name."""
    lexical = _Holding({"initiatives": {"/r/sec"}, "initiative": {"/r/sec", "/r/ops"}})
    holders = {"initiatives": {"/r/sec"}}
    assert lone_word_team(holders, lexical, {"/r/sec": 1.0}) is None  # type: ignore[arg-type]
    assert {"initiative", "cause"} <= word_forms("initiatives") | word_forms("caused")


def test_lone_words_of_two_teams_choose_neither() -> None:
    lexical = _Holding({"relaunch": {"/r/a"}, "trailpoints": {"/r/b"}})
    holders = {"relaunch": {"/r/a"}, "trailpoints": {"/r/b"}}
    assert lone_word_team(holders, lexical, {"/r/a": 1.0, "/r/b": 1.0}) is None  # type: ignore[arg-type]


def test_a_han_term_one_team_writes_never_chooses_alone() -> None:
    """A Han bigram only one team holds may be a seam of the question's cutting ("经完" of
    "已经完成"): it can speak against a Latin word's team, never choose one itself."""
    lexical = _Holding({"deploy": {"/r/infra"}})
    assert lone_word_team({"经完": {"/r/iot"}}, lexical, {"/r/iot": 1.0}) is None  # type: ignore[arg-type]
    mixed = {"deploy": {"/r/infra"}, "日活": {"/r/growth"}}
    assert lone_word_team(mixed, lexical, {"/r/infra": 1.0}) is None  # type: ignore[arg-type]


def test_the_team_a_folder_s_file_names_carry_names_it(tmp_path: Path) -> None:
    """`网信中心周报_2025春第04周.html` every week: 网信中心 names that folder in a question; two
    characters (`运营周报_…`) name a kind of work, not a team."""
    campus, ops = tmp_path / "campus", tmp_path / "ops"
    campus.mkdir()
    ops.mkdir()
    for week in ("02", "03", "04_韩东代填", "05"):
        (campus / f"网信中心周报_2025春第{week}周.html").write_text("x", encoding="utf-8")
        (ops / f"运营周报_{week}.md").write_text("x", encoding="utf-8")
    assert file_name_team(str(campus)) == "网信中心" and file_name_team(str(ops)) is None
    assert named_teams("本学期网信中心哪些项目延期了？", [str(campus), str(ops)]) == [str(campus)]
