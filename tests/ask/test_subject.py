"""What a question is about beyond its intent, and when a ledger answer speaks to it.

"Why did 双活改造 slip twice?" must not be answered with every slip of every project; "which
projects slipped?" must be. The subject (planned once) tells the two apart; the pipeline sets a
ledger answer aside when it never mentions a subject that carries the question.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from index.schemas import Citation
from summarizer.engines.local.extractive import coverage, says_nothing
from summarizer.facts import Facts
from summarizer.pipelines.ask import speaks_to
from summarizer.planning import read_question
from summarizer.planning.planner import without_places, without_team_words
from summarizer.planning.projects import ProjectRef, link_projects
from summarizer.planning.question_words import strip_question_words
from summarizer.planning.term_weights import term_weights
from summarizer.schemas import Point

from .test_plan import LATEST


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        # Generic: a ledger list answers the whole question.
        ("这几期双周报里，哪些项目延期了？", ""),
        ("哪些KR延期或者逾期了？", ""),
        # a schedule said to slide, over a span of months: a list of slips (wave 18, w18-e)
        ("这几个月里哪些项目延期或出现滑坡?", ""),
        # a date a plan was moved to is a value asked about, not the subject (wave 18, w18-b)
        ("Why was the records cutover pushed out to the end of May?", "cutover"),
        ("Which projects slipped over the period covered by these updates?", ""),
        # a period frame stays whole however its question word sits (wave 19, w19-a); the place
        # looked in before "哪些" is handed to `without_places`, which knows what the reports write
        ("这几个月看板里哪些任务延期或亮灯降级了？", "看板 板里"),
        ("Which goals slipped, and to when?", ""),
        # The kind of document a team writes is where to look, not what about.
        ("最新一期周志有什么变化？", ""),
        ("最近一次例会有哪些变化？", ""),
        ("What changed on the latest page?", ""),
        ("第41周到第52周一共记录了几起生产稳定性事件？", "稳定 定性"),
        ("2024年一共发生了几次AB级事故？", "ab"),
        # About something: the answer must speak to it.
        ("双活改造为什么两次延期？", "双活 活改 改造"),
        ("Why did the checkout redesign slip?", "checkout redesign"),
        ("Is SDK generation overdue?", "sdk generation"),
        ("Which P1 or P2 incidents did the team have, and were postmortems done?", "done"),
        # A reason asked after the subject is a facet of the facts, not more subject: the
        # incident's own line answers "原因查清了吗" without saying "查清".
        ("3月份发生过哪些网络故障？原因查清了吗？", "网络"),
        ("What caused the login outage?", "login"),
    ],
)
def test_subject(question: str, subject: str) -> None:
    assert read_question(question, latest=LATEST).subject == subject


@pytest.mark.parametrize(
    ("question", "why"),
    [
        ("Forge迁移为什么停了？", True),
        ("Why did v3 slip?", True),
        ("延期的原因是什么", True),
        ("哪些项目延期了", False),
    ],
)
def test_asks_why(question: str, why: bool) -> None:
    assert read_question(question, latest=LATEST).wants_reason is why


def test_event_words_stand_for_their_family() -> None:
    """A report writes a slip as "顺延" or "pushed back" as often as "延期"."""
    plan = read_question("双活改造为什么延期？", latest=LATEST)
    assert coverage("支付回调域改造顺延", {"延期": 1.0}, plan.synonyms) == 1.0
    assert coverage("支付回调域改造顺延", {"延期": 1.0}) == 0.0
    status = read_question("What is the latest on the K8s upgrade?", latest=LATEST)
    assert not {"latest", "on"} & set(status.synonyms)  # "latest on" frames a question; no line says it
    assert status.synonyms["upgrade"] == ("升级",)  # (a Chinese team's line says upgrade its own way)


@pytest.mark.parametrize(
    ("text", "weights", "expected"),
    [
        ("迁移停止", {"停": 1.0}, 1.0),  # a lone character asked is found inside a written word
        ("迁移继续", {"停": 1.0}, 0.0),
        ("Forge不再作为公司级平台", {"forge": 1.0, "停": 1.0}, 0.5),
    ],
)
def test_lone_characters(text: str, weights: dict[str, float], expected: float) -> None:
    assert coverage(text, weights) == pytest.approx(expected)


@dataclass
class FakeLexical:
    """Document frequencies of a tiny index (what `term_weights` reads)."""

    df: dict[str, int]
    rows: list[int] = field(default_factory=lambda: list(range(100)))

    def doc_freq(self) -> dict[str, int]:
        return self.df

    def idf(self, token: str) -> float:
        import math

        n, df = len(self.rows), self.df.get(token, 0)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))


def test_term_weights_drop_bigram_artefacts_but_keep_unseen_words() -> None:
    lexical = FakeLexical({"目标": 20, "完成": 30, "暂停": 10, "停止": 5})
    weights = term_weights("目标还能完成 预算 停", lexical)  # type: ignore[arg-type]
    assert "还能" not in weights and "标还" not in weights and "能完" not in weights
    assert weights["预算"] == max(weights.values())  # a word no report contains still weighs most
    assert weights["停"] == pytest.approx(lexical.idf("暂停"))  # the commonest bigram holding it


def test_the_seam_between_two_written_words_weighs_nothing() -> None:
    lexical = FakeLexical({"线上": 20, "故障": 15, "预算": 0})
    weights = term_weights("线上故障 预算", lexical)  # type: ignore[arg-type]
    assert set(weights) == {"线上", "故障", "预算"}  # "上故" is no word; "预算" alone still counts


def test_a_seam_one_line_happens_to_write_weighs_nothing_either() -> None:
    """ "客诉问题": one greeting line wrote the two words together, so the seam "诉问" is in one
    chunk; as a rare term it outweighed both words and lines telling the complaint in other words
    ("客诉137单…质量问题") fell below coverage. A seam as common as its neighbours stays a word."""
    lexical = FakeLexical({"客诉": 4, "诉问": 1, "问题": 30})
    assert set(term_weights("客诉问题", lexical)) == {"客诉", "问题"}  # type: ignore[arg-type]
    common = FakeLexical({"数据": 30, "据质": 8, "质量": 8})
    assert "据质" in term_weights("数据质量", common)  # type: ignore[arg-type]


def test_a_function_character_seam_stays_a_seam_however_many_reports_write_it() -> None:
    """ "目标还是下半年" is common report phrasing, so "标还" of "目标还能完成" is in several chunks of
    a large index; beside "目标", written far more often, it is still the cut, not a word."""
    lexical = FakeLexical({"目标": 60, "标还": 6, "完成": 90, "降本": 10})
    weights = term_weights("降本 目标还能完成", lexical)  # type: ignore[arg-type]
    assert set(weights) == {"降本", "目标", "完成"}
    word = FakeLexical({"在线": 40, "线服": 3, "服务": 50})
    assert "在线" in term_weights("在线服务", word)  # type: ignore[arg-type]  # a word of its own


def test_a_rare_seam_is_counted_against_the_size_of_the_index() -> None:
    """ "宕机原因" of a crowded index: three of 17,000 chunks write "机原" (`主机原…`), a seam all the
    same; in a small index three chunks make it a word of the reports."""
    crowded = FakeLexical(
        {"周报": 1945, "宕机": 41, "机原": 3, "原因": 273, "里说": 3}, rows=list(range(17_000))
    )
    assert set(term_weights("周报里说 宕机原因", crowded)) == {"周报", "宕机", "原因"}  # type: ignore[arg-type]
    small = FakeLexical({"宕机": 41, "机原": 3, "原因": 273}, rows=list(range(1_000)))
    assert "机原" in term_weights("宕机原因", small)  # type: ignore[arg-type]


def test_a_demonstrative_and_its_unit_point_at_the_time_asked() -> None:
    """ "4月中旬那周为什么没有周报？": 那周 is the time expression's "that week", no word a line holds."""
    lexical = FakeLexical({"那周": 25, "周报": 1945}, rows=list(range(17_000)))
    assert set(term_weights("那周 周报", lexical)) == {"周报"}  # type: ignore[arg-type]


def test_whether_a_goal_can_be_met_is_asking_words() -> None:
    assert "完成" not in strip_question_words("O2降本15%的目标还能完成吗？")


def _facts(headline: str, *texts: str) -> Facts:
    cite = Citation(report="r.md", week="2024-W26", section="s", lines=(1, 1), quote="q")
    return Facts(headline, [Point(text=t, citations=[cite]) for t in texts])


def _plan(question: str, weights: dict[str, float]):  # type: ignore[no-untyped-def]
    plan = read_question(question, latest=LATEST)
    plan.term_weights = weights
    return plan


def test_a_ledger_list_beside_the_subject_is_set_aside() -> None:
    plan = _plan("双活改造为什么延期？", {"双活": 4.0, "活改": 4.0, "改造": 3.0, "延期": 3.0})
    assert not speaks_to(plan, _facts("共有 2 个项目出现 3 次延期", "冷数据归档: 逾期", "潮汐: 状态下调"))
    assert speaks_to(plan, _facts("共有 1 个项目出现 2 次延期", "双活改造: 目标日期推迟"))


def test_generic_questions_and_minor_subjects_keep_the_ledger() -> None:
    generic = _plan("哪些项目延期了？", {"项目": 1.0, "延期": 3.0})
    assert speaks_to(generic, _facts("共有 2 个项目出现 3 次延期", "冷数据归档: 逾期"))
    minor = _plan(
        "Which P1 or P2 incidents did we have, and were postmortems done?",
        {"p1": 3.0, "p2": 3.0, "incidents": 2.0, "postmortems": 3.0, "done": 2.0},
    )
    assert speaks_to(
        minor, _facts("2 incident(s): gateway outage, etcd disk full", "2024-W22 gateway outage (P1)")
    )


@pytest.mark.parametrize(
    ("quote", "nothing"),
    [
        ("No new incidents.", True),
        ("None this cycle.", True),
        ("No incidents this week.", True),
        ("本期无现网问题。", True),
        ("暂无", True),
        ("None. The 20 minutes of downtime on docs was the announced maintenance window.", False),
        ("No SEV1 or SEV2 this week, one SEV3.", False),
        ("Follow-up on the promo code incident from the 9th", False),
    ],
)
def test_lines_that_say_nothing_happened(quote: str, nothing: bool) -> None:
    assert says_nothing(quote) is nothing


def test_most_words_of_a_long_latin_name_link_it() -> None:
    projects = [ProjectRef("Bug bounty program launch"), ProjectRef("Checkout API Gateway Migration")]
    assert link_projects("Is the bug bounty launch late?", projects) == ["Bug bounty program launch"]
    assert link_projects("what about the API gateway?", projects) == []  # two of four words


def test_a_list_headline_naming_the_subject_is_not_enough() -> None:
    """The headline of a slip list names every project; one point must be about the subject."""
    plan = _plan("Why did the bug bounty slip?", {"bug": 4.0, "bounty": 4.0, "slip": 2.0})
    facts = _facts("2 slips in 2 projects: Bug bounty program, SVM", "SVM: target moved", "EDR: overdue")
    assert not speaks_to(plan, facts)
    assert speaks_to(plan, _facts("2 slips: Bug bounty program, SVM", "Bug bounty program: overdue", "SVM"))


def test_a_named_metrics_trend_speaks_to_the_question_in_any_language() -> None:
    """ "注册数（signups）的走势如何？" names the metric 'Signups' the ledger keeps; its trend is the
    answer although the Chinese gloss 注册数 appears in no fact."""
    plan = _plan("注册数（signups）的走势如何？", {"注册": 5.0, "册数": 5.0, "signups": 3.0})
    facts = _facts("Signups: 3.62k (2024-W20) → 4.6k (2024-W30)", "2024-W20: Signups 3.62k")
    assert not speaks_to(plan, facts)  # without the planner's link, the gloss carries the question
    plan.metrics = ["Signups"]
    assert speaks_to(plan, facts)


def test_the_words_that_named_the_team_are_not_the_subject() -> None:
    assert without_team_words("security", "/r/confluence-html-security") == ""
    assert without_team_words("payments gateway", "/r/payments-zh") == "gateway"
    assert without_team_words("双活 活改 改造", "/r/wecom-okr-infra") == "双活 活改 改造"


def test_spoken_question_words_are_asking_words() -> None:
    """Chat-written questions say 啥 / 咋 for 什么 / 怎么: no report holds them, and as unseen terms
    they outweighed every word of the question."""
    assert "啥" not in strip_question_words("9月12号那期主要说了啥？")
    assert strip_question_words("积分2.0咋样了").split()[0] == "积分2.0"


def test_a_place_looked_in_is_no_subject_when_the_reports_write_it() -> None:
    """ "作战图里哪些任务延期了": the report's own chart is where to look; a place no report writes
    ("火星基地里哪些任务…") stays the subject, so the question is still refused."""
    question = "这几个月作战图里哪些任务延期了？"
    assert without_places("作战 战图 图里", question, frozenset()) == ""
    assert without_places(
        "火星 星基 基地 地里", "火星基地里哪些任务延期了？", frozenset({"火星", "星基"})
    ) == ("火星 星基 基地 地里")


def test_a_pointer_leaves_no_seam_with_the_word_after_it() -> None:
    """ "第14周那期周报里": "那期" points at the week asked; "期周" straddles it and 周报, is written
    nowhere, and as an unseen term weighed most and refused the row that answered."""
    lexical = FakeLexical({"周报": 40, "状态": 50, "p03": 3})
    assert set(term_weights("那期周报里，P03 状态？", lexical)) == {"周报", "p03", "状态"}  # type: ignore[arg-type]


def test_a_team_named_by_a_systems_word_links_no_project() -> None:
    """ "EDC 平台组哪些项目延期了" asks about the EDC platform team's projects, not `HN-EDC V5.3`."""
    from summarizer.planning.planner import read_question
    from summarizer.planning.projects import ProjectIndex, ProjectRef

    projects = ProjectIndex([ProjectRef("HN-EDC V5.3 版本发布", ()), ProjectRef("MedDRA 28.0 字典升级", ())])
    assert read_question("这段时间 EDC 平台组哪些项目延期了？", latest=None, projects=projects).projects == []
    assert read_question("HN-EDC V5.3 什么时候上线？", latest=None, projects=projects).projects == [
        "HN-EDC V5.3 版本发布"
    ]


def test_one_teams_incidents_in_a_period_answer_whatever_else_it_says() -> None:
    """ "3月下旬自动化系统出过什么故障？" of one team: its incidents in that period are the answer,
    though no line writes 自动化系统 (w45-e); asked of the whole index, or with no period of its
    own, the subject still has to be spoken to."""
    weights = {"自动": 3.0, "动化": 4.0, "化系": 7.5, "系统": 2.8, "故障": 3.0}
    facts = _facts("（2025-W12 至 2025-W13）共 1 起故障", "03-26 前置服务器fes02 主备切换异常")
    plan = _plan("3月下旬自动化系统出过什么故障？", weights)
    assert plan.intent == "incidents" and plan.time_text
    assert not speaks_to(plan, facts)  # the whole index: which system's incidents is the question
    plan.series = "/r/oms-eformat-dispatch"
    assert speaks_to(plan, facts)
    unranged = _plan("自动化系统出过什么故障？", weights)
    unranged.series = "/r/oms-eformat-dispatch"
    assert not speaks_to(unranged, facts)


def test_the_words_every_file_name_carries_name_the_team_not_the_subject(tmp_path: Path) -> None:
    team = tmp_path / "storage-ems"
    team.mkdir()
    for day in ("0307", "0314", "0321", "0403"):
        (team / f"{day} 任务状态报告_ 岷东储能电站EMS调度接入.txt").write_text("x", encoding="utf-8")
    # "岷东储能EMS调度接入这几个月里，哪些分项…" names the programme; its parts are the answer
    assert without_team_words("ems 调度 度接 接入 分项", str(team)) == "分项"


def test_numbers_alone_link_no_project() -> None:
    """A tracker item's name holding days (`RFI-112 answered 10/12`) shares only numbers with
    "第12期里…4月10日…": no link; its own words still link it."""
    from summarizer.planning.projects import ProjectRef, link_scores

    rfi = [ProjectRef(name="RFI-112", aliases=("RFI-112 answered 10/12",))]
    assert link_scores("第12期里GNSS试点已经过了4月10日的节点，算不算超期？", rfi) == {}
    assert "RFI-112" in link_scores("Was RFI-112 answered yet?", rfi)
