"""The local engine's refusal decision and the lines it adds to a ledger answer."""

from __future__ import annotations

from index.retrieve import Hit
from summarizer.engines.base import AskContext, Passage
from summarizer.engines.local.engine import LocalEngine
from summarizer.engines.local.reasons import slip_reasons
from summarizer.engines.local.subject import asked_terms, counted_in, held_by, main_ask, unreported
from summarizer.facts import Facts
from summarizer.question import QuestionPlan

LINES = {
    1: "## Goal: Faster CI runners",
    2: "- Status: at risk",
    3: "- The new runner pool needs the Foundation's 2025 budget; median CI time is 77 min.",
}


def _context(plan: QuestionPlan) -> AskContext:
    hit = Hit(
        "c1",
        "/r/2025-01.md",
        "2025-W05",
        "Goal: Faster CI runners",
        ["Goal: Faster CI runners"],
        (2, 3),
        "",
        0.0,
        "projects",
    )
    return AskContext(plan.question, plan, [Passage("P1", hit)], Facts(found=False), {"/r/2025-01.md": LINES})


def _plan(question: str, intent: str, subject: str, unseen: frozenset[str]) -> QuestionPlan:
    terms = subject
    weights = {t: 3.0 for t in terms.split()}
    return QuestionPlan(
        question=question,
        intent=intent,  # type: ignore[arg-type]
        lang="en",
        query=question,
        terms=terms,
        subject=subject,
        term_weights=weights,
        unseen=unseen,
    )


def test_a_figure_of_something_no_report_names_is_refused() -> None:
    plan = _plan(
        "How much money did the Foundation allocate for the new runner pool?",
        "metrics",
        "money foundation allocate new runner pool",
        frozenset({"money", "allocate"}),
    )
    assert unreported(plan) == {"money", "allocate"}
    assert not LocalEngine().answer(_context(plan)).answerable


def test_the_same_question_about_what_reports_name_is_answered() -> None:
    plan = _plan(
        "How long is median CI time for the runner pool?",
        "metrics",
        "median ci time runner pool",
        frozenset(),
    )
    assert LocalEngine().answer(_context(plan)).answerable


def test_a_question_in_another_language_is_answered_by_the_words_the_reports_could_write() -> None:
    """ "CI runner 池为什么有风险？" of English reports: its Chinese words stand in no line; the line
    holding "runner pool" answers. Written from mkweekly-gitlab (wave 18), whose Chinese question
    on English pages was refused although the top passage held the answer."""
    plan = _plan(
        "CI runner 池为什么有风险？", "free", "runner 为什 什么 风险", frozenset({"为什", "什么", "风险"})
    )
    plan.lang = "zh"
    assert not LocalEngine().answer(_context(plan)).answerable  # no series' language known: as before
    plan.series_langs = {"/r": "en"}
    assert LocalEngine().answer(_context(plan)).answerable
    # in an index where other teams write Chinese, its Chinese words are seen, not in these lines
    plan.unseen = frozenset()
    plan.series_langs = {"/r": "en", "/zh-team": "zh"}
    assert LocalEngine().answer(_context(plan)).answerable


def test_unseen_han_terms_do_not_refuse_on_their_own() -> None:
    """An unseen bigram may be the seam of a Chinese question's cutting ("册数" of "注册数")."""
    plan = _plan("注册数走势", "metrics", "注册 册数", frozenset({"册数"}))
    assert unreported(plan) == set()


def test_what_is_asked_leaves_out_the_linked_projects_name() -> None:
    plan = _plan("What budget do async closures have?", "free", "async closures budget", frozenset())
    plan.asked = "async closures budget"
    plan.project_names = ["Stabilize async closures"]
    assert asked_terms(plan) == {"budget"}


def test_a_cited_clause_is_read_in_its_sentence() -> None:
    """The ledger quotes '全量目标改为11月底'; the same sentence says why."""
    from index.schemas import Citation
    from summarizer.engines.local.reasons import around_quote

    lines = {7: "AB阶段结束。但双11封网期间不能全量，大促后还要观察一周，全量目标改为11月底。"}
    citation = Citation(
        report="/r.txt", week="2025-W45", section="本周", lines=(7, 7), quote="全量目标改为11月底"
    )
    assert around_quote(lines, citation) == (7, lines[7])
    whole = Citation(report="/r.txt", week="2025-W45", section="本周", lines=(7, 7), quote=lines[7])
    assert around_quote(lines, whole) is None  # nothing beyond what the ledger quoted


def test_a_figure_asked_of_the_team_whose_name_heads_every_report_needs_a_line_about_it() -> None:
    from summarizer.engines.local.subject import title_terms

    def report(n: int, body: str) -> dict[int, str]:
        return {
            1: "---",
            2: "title: Platform SRE biweekly",
            3: "---",
            4: f"# Platform SRE biweekly #{n}",
            5: body,
        }

    sources = {
        "/s/1.md": report(1, "Headcount plan reviewed; hiring freeze lifted."),
        "/s/2.md": report(2, "Cluster upgrade done."),
    }
    hits = [
        Hit(
            "a",
            "/s/1.md",
            "2025-W01",
            "Platform SRE biweekly #1",
            ["Platform SRE biweekly #1"],
            (4, 5),
            "",
            0.0,
            "other",
        ),
        Hit(
            "b",
            "/s/2.md",
            "2025-W03",
            "Platform SRE biweekly #2",
            ["Platform SRE biweekly #2"],
            (4, 5),
            "",
            0.0,
            "other",
        ),
    ]
    assert {"platform", "sre", "biweekly"} <= title_terms(hits, sources)
    plan = _plan(
        "What is the Platform SRE team's budget this year?", "metrics", "platform sre budget", frozenset()
    )
    context = AskContext(
        plan.question, plan, [Passage("P1", hits[0]), Passage("P2", hits[1])], Facts(found=False), sources
    )
    assert not LocalEngine().answer(context).answerable


def test_a_subject_word_no_passage_holds_is_not_demanded_of_the_lines() -> None:
    """ "O2降本的目标还能完成吗？" of reports that write "O2 计算资源成本下降": no line can hold
    "降本", so demanding it kept only lines sharing the common word "目标" (another goal's)."""
    hit = Hit("c1", "/r/13.md", "2024-W34", "O2 计算资源成本下降15%", ["O2 计算资源成本下降15%"], (1, 2),
              "O2目前成本累计下降约9%，离15%还有差距。", 0.0, "projects")  # fmt: skip
    subject = {"o2": 4.0, "降本": 4.7, "目标": 2.9}
    assert held_by([hit], subject, {}) == {"o2": 4.0}
    assert held_by([], subject, {}) == subject  # nothing to judge by: the subject as asked


def test_a_slip_line_that_says_why_is_shown_whole() -> None:
    """The fact line shows the moved target's quote cut short ("OTA: still blocked on the…"); the
    line itself says why and the new date, so a "why did it slip?" answer shows it whole."""
    from index.schemas import Citation
    from summarizer.schemas import Point

    lines = {
        4: "Firmware: still blocked on the signing key rotation, realistic date is now end of May.",
        5: "dana: fine, keep the canary at 2%",
    }
    cited = Citation(report="/r/w04.txt", week="2025-W04", section="Sync", lines=(4, 4), quote=lines[4])
    shown = [
        Point(text="Firmware: 2025-W04 target moved («Firmware: still blocked on the…»)", citations=[cited])
    ]
    plan = _plan("Why did the firmware rollout slip?", "slips", "firmware rollout", frozenset())
    plan.wants_reason = True
    added = slip_reasons(plan, shown, {"/r/w04.txt": lines})
    assert added and added[0].text.endswith(lines[4])
    assert added[0].citations[0].lines == (4, 4)


def test_what_happened_in_one_named_report_is_what_it_says_happened() -> None:
    """ "What happened in Weeknote 33?": the plan reads that one report and asks nothing in
    particular of it; its status lines answer, as they do "what changed in the latest issue?"."""
    lines = {
        1: "# Weeknote 33",
        2: "Payments is at risk: the supplier's sandbox is late again.",
        3: "The booking journey is back on track for 28 April.",
        4: "Lunch was nice.",
    }
    hit = Hit("c1", "/r/weeknote-33.md", "2025-W13", "This week", ["This week"], (2, 4), "", 0.0, "other")
    plan = _plan("What happened in Weeknote 33?", "free", "", frozenset())
    plan.terms, plan.term_weights = "happened", {"happened": 3.0}
    plan.since = plan.until = 202513
    context = AskContext(plan.question, plan, [Passage("P1", hit)], Facts(found=False), {hit.report: lines})
    answer = LocalEngine().answer(context)
    assert answer.answerable
    assert any("at risk" in p.text for p in answer.points)


def test_a_money_question_needs_a_line_stating_money() -> None:
    """The runner pool's line covers the question's words but states no amount: refused; the
    same words without asking for money are answered."""
    words = "runner pool foundation"
    money = _plan("What did the Foundation's budget give the runner pool?", "free", words, frozenset())
    assert not LocalEngine().answer(_context(money)).answerable
    plain = _plan("What does the runner pool need from the Foundation?", "free", words, frozenset())
    assert LocalEngine().answer(_context(plain)).answerable


def _regen_context(question: str, subject: str, sections: list[str]) -> AskContext:
    lines = {
        10: "** HOLD Regen map for M7 motor",
        11: "   Product dropped the M7 motor from MY25. Regen stays on the current map.",
    }
    hits = [
        Hit(f"c{i}", f"/r/w{i}.txt", f"2024-W4{i}", section, [section], (11, 11), "", 0.0, "projects")
        for i, section in enumerate(sections)
    ]
    plan = _plan(question, "free", subject, frozenset())
    plan.term_weights = {"regen": 5.4, "braking": 8.7, "work": 4.0}
    return AskContext(
        plan.question,
        plan,
        [Passage(f"P{i}", hit) for i, hit in enumerate(hits)],
        Facts(found=False),
        {hit.report: lines for hit in hits},
    )


def test_a_subject_written_another_way_is_answered_when_the_best_passages_share_its_heading() -> None:
    """ "What happened to the regen braking work?" of reports whose section is "Regen map for M7
    motor": "braking" is written nowhere there, but the best passages all sit under the one
    heading the subject names; a heading they do not share is no such agreement."""
    heading = "Workstreams > Regen map for M7 motor"
    agreed = _regen_context("What happened to the regen braking work?", "regen braking", [heading] * 3)
    answer = LocalEngine().answer(agreed)
    assert answer.answerable and "MY25" in answer.points[0].text
    split = _regen_context(
        "What happened to the regen braking work?",
        "regen braking",
        [heading, "Workstreams > Brake pads", "Risks"],
    )
    assert not LocalEngine().answer(split).answerable


def test_the_reason_for_the_move_a_question_names_leads() -> None:
    """ "Why did it move from mid-March to end of March?" of a project that moved three times: the
    report whose line writes that move tells why, though newer reports moved it again (their lines
    had filled the reasons and the asked move's "because …" was never shown)."""
    from index.schemas import Citation
    from summarizer.schemas import Point

    reports = {
        f"/r/w{n:02d}.txt": {1: text}
        for n, text in (
            (6, "Checkout is now end of March rather than mid-March because the token API slipped."),
            (10, "Checkout is at risk for end of March; the bank's review is slow."),
            (12, "Checkout is now aiming for the 10th of April; the load test failed."),
        )
    }
    cited = [
        Citation(report=r, week=f"2024-W{r[4:6]}", section="News", lines=(1, 1), quote=lines[1][:30])
        for r, lines in reports.items()
    ]
    shown = [Point(text="Checkout: moved three times", citations=cited)]
    weights = {"checkout": 1.0, "mid": 2.0, "march": 2.0, "end": 1.0}
    plan = QuestionPlan(
        question="Why did checkout move from mid-March to end of March?",
        intent="slips",
        lang="en",
        terms="checkout mid march end",
        term_weights=weights,
        project_names=["Checkout"],
    )
    plan.wants_reason = True
    added = slip_reasons(plan, shown, reports)
    assert added and "token API" in added[0].text


def test_a_count_asked_in_its_unit_is_answered_by_a_number_in_that_unit() -> None:
    # the question's verb ("装到", "live") need not be in the line; the number in the unit is the answer
    assert counted_in("第17周那篇里，车载改造装到多少列了？", ["@关注　19/34列　目标 5/31"])
    assert counted_in("接入了几家修理厂？", ["本周只进 3 家，累计 64 家"])
    assert counted_in("How many depots are live?", ["12 of 20 depots switched over"])
    # a line with numbers in another unit, or a unit too common to say which count, answers nothing
    assert not counted_in("装到多少列了？", ["进度 55%，目标 4/30"])
    assert not counted_in("预算还剩多少钱？", ["花了 5 万"])
    assert not counted_in("What is the status of the depot work?", ["12 of 20 depots"])


def test_a_question_of_two_asks_is_decided_by_its_first() -> None:
    weights = {"修理": 3.9, "理厂": 3.9, "接入": 4.9, "目标": 1.8, "保住": 7.3}
    first = main_ask("修理厂接入为什么一直上不去？目标还能保住吗？", weights)
    assert first == {"修理": 3.9, "理厂": 3.9, "接入": 4.9}  # the follow-up's 保住 is left out
    assert main_ask("修理厂接入为什么一直上不去？", weights) == {}  # one ask: all its words count
    assert main_ask("Why did the depot cutover slip? Will it hold?", {"depot": 2.0, "hold": 5.0}) == {
        "depot": 2.0
    }


def test_a_code_name_stands_for_the_words_of_its_description() -> None:
    from summarizer.planning.code_names import code_name_synonyms
    from summarizer.planning.projects import ProjectRef

    projects = [
        ProjectRef("RepairNet 合作修理厂协同平台"),
        ProjectRef("Depot chargers"),
        ProjectRef("慧眼定损"),
    ]
    found = code_name_synonyms(["修理", "理厂", "接入", "depot"], projects)
    assert found == {"修理": ("repairnet",), "理厂": ("repairnet",)}  # 接入 is in no description
    assert code_name_synonyms(["定损"], projects) == {}  # a name with no code name gives none
