from __future__ import annotations

from datetime import date

import pytest

from index.text.lang import detect_lang
from summarizer.planning import read_question as plan_question
from summarizer.planning.projects import ProjectRef, link_projects, whole_links
from summarizer.planning.question_words import subject_terms
from summarizer.planning.series_labels import series_labels

LATEST = date(2025, 1, 10)  # Friday of ISO week 2025-W02
LABELS = {3: [202502], 52: [202451]}  # this team's week labels run one ahead of ISO


@pytest.mark.parametrize(
    ("question", "since", "until"),
    [
        ("Which projects slipped last month?", "2024-W49", "2024-W52"),
        ("上个月有哪些项目延期", "2024-W49", "2024-W52"),
        ("最近三周有什么故障", "2024-W52", "2025-W02"),
        ("what slipped since W40", "2024-W40", None),
        ("how has ARR moved since the start of September?", "2024-W36", None),
        ("what slipped until the end of August?", None, "2024-W35"),
        ("W40以来的风险", "2024-W40", None),
        ("10月的事故", "2024-W40", "2024-W43"),
        ("incidents in October", "2024-W40", "2024-W43"),
        ("Q4 risks", "2024-W40", "2024-W52"),
        ("第四季度的风险", "2024-W40", "2024-W52"),
        ("between W12 and W14", "2024-W12", "2024-W14"),
        ("W45到W47的变化", "2024-W45", "2024-W47"),
        ("本周进展", "2025-W02", "2025-W02"),
        ("this week's status", "2025-W02", "2025-W02"),
        # "the latest <report>" in the words teams use for a post or a meeting's notes.
        ("what changed in the latest sync?", "2025-W02", "2025-W02"),
        ("what's new in the most recent weeknote?", "2025-W02", "2025-W02"),
        ("last week", "2025-W01", "2025-W01"),
        ("上周的指标", "2025-W01", "2025-W01"),
        ("last 2 weeks", "2025-W01", "2025-W02"),
        ("2024-W45 status", "2024-W45", "2024-W45"),
        ("第3周的进展", "2025-W02", "2025-W02"),  # the team's own label, not ISO week 3
        ("第52周", "2024-W51", "2024-W51"),
        ("before W50", None, "2024-W50"),
        ("截至W50的事故", None, "2024-W50"),
        ("2024年11月的指标", "2024-W44", "2024-W48"),  # Fri 1 Nov is in W44
        ("自10月以来的延期", "2024-W40", None),
        ("what is the plan", None, None),
        ("11月22日上线的项目", None, None),  # a date inside the text is not a range
        ("who may help", None, None),  # lowercase "may" is a verb
        # A day names a report's week only when the question is about a report or an event on it.
        ("Summarize the Dec 20 report", "2024-W51", "2024-W51"),
        ("12月20日的周报说了什么", "2024-W51", "2024-W51"),
        ("what happened on 2024-12-03?", "2024-W49", "2024-W49"),
        ("Did it ship by Dec 20?", None, None),  # a target date: no filter, not even the month
        ("ETA moved to 2025-01-15", None, None),
        ("incidents in W50 or later", "2024-W50", None),
        ("risks in week 45 or earlier", None, "2024-W45"),
        ("最近一次的健康分", "2025-W02", "2025-W02"),
        ("incidents in week 20 of 2024 or later", "2024-W20", None),  # the year is said: absolute
        ("2024年第20周的进展", "2024-W20", "2024-W20"),
        # Month to month, across years too.
        ("2020年5月到2021年2月的事故", "2020-W18", "2021-W08"),
        ("3月到5月的延期", "2024-W09", "2024-W22"),
        ("10月至12月有哪些上线", "2024-W40", "2024-W52"),
        ("what launched from March to May?", "2024-W09", "2024-W22"),
        ("incidents between November 2024 and January 2025", "2024-W44", "2025-W05"),
        ("incidents from Nov to Jan", "2024-W44", "2025-W05"),  # runs into the new year
        # two ends, each a period of its own, joined (wave 19, w19-e); a plan's move is no span
        (
            "Which incidents were reported between late October and the end of November?",
            "2024-W43",
            "2024-W48",
        ),
        ("Why did the launch slip from mid-October to the end of November?", None, None),
        # Quarters and years as people say them.
        ("What shipped this quarter?", "2025-W01", "2025-W13"),
        ("上季度有哪些风险", "2024-W40", "2024-W52"),
        ("2024年一共发生了几次事故", "2024-W01", "2024-W52"),
        ("incidents in 2024", "2024-W01", "2024-W52"),
        # A month part is a period unless it is a target a plan moved from or to.
        ("In the mid-February update, why had PCI gone amber?", "2024-W07", "2024-W07"),
        ("8月中旬以来有哪些项目上线？", "2024-W33", None),
        ("What was left at the end of December?", "2024-W52", "2024-W52"),
        ("What happened in the first half of December?", "2024-W49", "2024-W50"),
        ("12月下半月有什么故障？", "2024-W51", "2024-W52"),
        ("Why did v3 slip from April to May?", None, None),
        ("Why did the redesign move from mid-March to end of March?", None, None),
        ("Is the launch late? It was due mid-May.", None, None),
        ("It was due on the 1st of March.", None, None),
        ("Sleepy 的8月中旬目标过了，算逾期吗？", None, None),
        ("原定10月上线的项目现在怎样", None, None),
        ("为什么从3月推迟到5月", None, None),
        # The series' own week labels before ISO weeks, bare "W3" included.
        ("W3 那周的进展", "2025-W02", "2025-W02"),
        # The latest report per series, however it is called.
        ("What changed in the most recent update?", "2025-W02", "2025-W02"),
        ("Summarise the last digest", "2025-W02", "2025-W02"),
        ("what slipped in week 3", "2025-W02", "2025-W02"),
        # a fiscal or farm week written short is the series' own label too (w23-c: "FW14 那期")
        ("FW3 那期 UV 回用项目是什么情况？", "2025-W02", "2025-W02"),
        # Bare "from" names the week; "on" or "onwards" after it opens the range.
        ("Anything from week 3 I should know about?", "2025-W02", "2025-W02"),
        ("incidents from W50 on", "2024-W50", None),
        # a month of a year named by its distance is that month, not the whole year
        ("今年7月份的报工及时率是多少？", "2025-W27", "2025-W30"),
        ("去年12月有哪些故障", "2024-W49", "2024-W52"),
        ("What broke in July last year?", "2024-W27", "2024-W30"),
        ("risks from December onwards", "2024-W49", None),
    ],
)
def test_time_expressions(question: str, since: str | None, until: str | None) -> None:
    plan = plan_question(question, latest=LATEST, week_labels=LABELS)
    assert plan.period == (since, until)


def test_calendar_days_travel_with_months_and_days() -> None:
    """Facts with their own date (an incident on 12/31) filter by day, so the plan keeps them."""
    december = plan_question("上个月有哪些事故", latest=LATEST)
    assert december.days == (date(2024, 12, 1), date(2024, 12, 31))
    assert plan_question("since November", latest=LATEST).days == (date(2024, 11, 1), date.max)
    assert plan_question("本周进展", latest=LATEST).days is None  # a week is filtered by week
    assert plan_question("上个月", latest=LATEST, since="2024-W40").days is None  # flags win


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # File names, titles and questions number reports in the series' own way.
        ("第7期.md", [("issue", 7)]),
        ("第七期里说了什么", [("issue", 7)]),
        ("第十二期", [("issue", 12)]),
        ("风控策略部周例会纪要（第23次）", [("meeting", 23)]),
        ("cycle-21", [("cycle", 21)]),
        ("What changed in the Cycle 28 update?", [("cycle", 28)]),
        ("Sprint 9 review", [("cycle", 9)]),
        # A sprint numbered within its year: the year prefix is no ISO week ("2024-W45" below).
        ("网银_2024-Sprint-12_迭代报告", [("cycle", 12)]),
        ("迭代报告 · 2025-Cycle-3", [("cycle", 3)]),
        ("#53 digest", [("issue", 53)]),
        ("update-01", [("issue", 1)]),
        ("2025-03-14-weeknote-31", [("issue", 31)]),
        ("What happened in Weeknote 33?", [("issue", 33)]),
        ("log-w13", [("week", 13)]),
        ("数据工程组周报-第14周", [("week", 14)]),
        ("security-weekly-14", [("week", 14)]),
        # a fiscal year's week, in a file name or a question
        ("专线周报_FY26W02", [("week", 2)]),
        ("FY26 W03 那期周报讲了什么？", [("week", 3)]),
        ("FY2025-Wk12 report", [("week", 12)]),
        ("FY26 预算多少？", []),
        ("环控灌溉周报_FW14", [("week", 14)]),
        ("the KW 12 report", [("week", 12)]),
        # Dates, ISO weeks, versions and key results are no report numbers.
        ("2024-W45 status", []),
        ("2024-w12 report", []),
        ("biweekly-2024-06-21", []),
        ("周报-0926", []),
        ("KR2.2 潮汐", []),
        ("the 1.84 release", []),
    ],
)
def test_series_labels(text: str, labels: list[tuple[str, int]]) -> None:
    assert [(x.kind, x.number) for x in series_labels(text)] == labels


def test_a_series_number_is_read_only_where_the_index_numbers_reports_that_way() -> None:
    assert plan_question("第14期相比上一期有什么变化？", latest=LATEST, label_kinds={"issue"}).label == (
        "issue",
        14,
    )
    assert plan_question("第14期相比上一期有什么变化？", latest=LATEST, label_kinds={"cycle"}).label is None
    cycle = plan_question("What happened during Cycle 26?", latest=LATEST, label_kinds={"cycle"})
    assert (cycle.label, cycle.time_text) == (("cycle", 26), "Cycle 26")
    assert "Cycle" not in cycle.query


def test_flags_override_question() -> None:
    plan = plan_question("last month", latest=LATEST, since="2024-W30", until="2024-10-04").public()
    assert (plan.since, plan.until) == ("2024-W30", "2024-W40")


PROJECTS = [
    ProjectRef("风控决策引擎迁移", ("风控引擎迁移",)),
    ProjectRef("数据质量监控平台"),
    ProjectRef("Log pipeline migration", ("log pipeline",)),
    ProjectRef("API", ()),
]


@pytest.mark.parametrize(
    ("question", "intent", "projects"),
    [
        ("哪些项目延期了", "slips", []),
        ("Which projects slipped?", "slips", []),
        ("最近有什么故障", "incidents", []),
        ("What are the open risks?", "risks", []),
        ("风控决策引擎迁移进度如何", "status", ["风控决策引擎迁移"]),
        ("风控引擎现在怎么样", "status", ["风控决策引擎迁移"]),
        ("how is the log pipeline going?", "status", ["Log pipeline migration"]),
        ("Where are we with the log pipeline?", "status", ["Log pipeline migration"]),
        ("What changed compared to last week?", "changes", []),
        ("次日留存率的趋势", "metrics", []),
        ("Summarize the quarter", "summary", []),
        ("Anything from week 3 I should know about?", "summary", []),
        ("第3周有什么需要关注的？", "summary", []),
        ("Who owns the rapid deploy tool?", "free", []),
        ("how is it going", "free", []),  # status needs a named project
        # Lists from project histories need no project name, but do need a list cue.
        ("Which projects launched, and were they on time?", "status", []),
        ("到目前为止哪些项目已经上线？", "status", []),
        ("哪个项目被暂停了？", "status", []),
        ("哪些KR已经完成了？是否按期？", "status", []),  # 完成 / 交付 are launch words too
        ("哪些需求交付了？", "status", []),
        ("目标还能完成吗？", "free", []),  # no list cue, no project
        ("会员积分商城什么时候上线？", "free", []),  # an unknown name, not a list
        ("Which project has been stuck at the same % complete?", "slips", []),
        ("风控决策引擎迁移的进度卡在多少？", "slips", ["风控决策引擎迁移"]),
        # A change question about one project is its history; other questions about it stay free.
        ("How did the log pipeline change over time?", "status", ["Log pipeline migration"]),
        ("What changed for the log pipeline?", "status", ["Log pipeline migration"]),
        ("Who owns the log pipeline?", "free", ["Log pipeline migration"]),
        # A risk word about one project asks for its state; why it is at risk stays a risk.
        ("Is the log pipeline still blocked?", "status", ["Log pipeline migration"]),
        ("风控决策引擎迁移现在还有风险吗？", "status", ["风控决策引擎迁移"]),
        ("Why is the log pipeline at risk?", "risks", ["Log pipeline migration"]),
        ("Is the log pipeline overdue?", "status", ["Log pipeline migration"]),
        ("Why did the log pipeline slip?", "slips", ["Log pipeline migration"]),
        ("风控决策引擎迁移的预算是多少？", "metrics", ["风控决策引擎迁移"]),
        # A metric word inside a project's name is not the question's intent.
        ("数据质量监控平台是哪天上线的？", "status", ["数据质量监控平台"]),
        ("上个月有哪些线上问题？", "incidents", []),
        ("上个月有哪些现网问题？", "incidents", []),
        # "数据" inside a name (冷数据归档, 数据资产目录) is no metric question; a date not made is a slip.
        ("冷数据归档为什么没能在6/30完成？", "slips", []),
        ("3月份发生了几次P2问题？", "incidents", []),
        # a fab's word for one (w31-a)
        ("4月份出过哪些生产异常？", "incidents", []),
        ("Which excursions hit the line in April?", "incidents", []),
        ("4月11日的周报说了什么？", "summary", []),
        ("Which workstreams are red?", "risks", []),
        # a status said to get worse, a light turned down, a figure's course (wave 19: w19-a, w19-c)
        ("赛季到现在，哪些项目延期了或者状态变差了？", "slips", []),
        ("这几个月哪些任务亮灯降级了？", "slips", []),
        ("DAU 这几期是怎么走的？", "metrics", []),
        # progress said to have gone wrong is a slip, not an incident (w26-a)
        ("这几期里哪些项目进度出了问题？", "slips", []),
        # where a thing has got to is where it stands (w37-b)
        ("Since mid-March, where has the log pipeline got to?", "status", ["Log pipeline migration"]),
    ],
)
def test_intent_and_projects(question: str, intent: str, projects: list[str]) -> None:
    plan = plan_question(question, latest=LATEST, projects=PROJECTS)
    assert plan.intent == intent
    assert plan.projects == projects


def test_a_shared_year_links_no_project() -> None:
    """'2025年' in a question once linked '2025年度规划' by a 4-character common substring."""
    plans = [ProjectRef("2025年度规划"), ProjectRef("风控决策引擎迁移")]
    assert link_projects("2025年4月发生了几次事故", plans) == []
    assert link_projects("风控决策引擎的进度", plans) == ["风控决策引擎迁移"]


def test_a_number_code_one_name_writes_links_it_across_languages() -> None:
    plans = [ProjectRef("1104报表自动化取数改造"), ProjectRef("EAST5.0数据质量整改专项")]
    assert link_projects("Did the 1104 automation project go live on schedule?", plans) == [
        "1104报表自动化取数改造"
    ]
    assert link_projects("What happened in 2024?", [ProjectRef("2024年度规划")]) == []  # a year names none


def test_a_name_is_asked_without_its_note_in_brackets() -> None:
    """Renamed to "SCADA cutover (GrowOS 2.6)", it is asked as "SCADA cutover" (w23-c)."""
    plans = [ProjectRef("GrowOS 2.4 升级", ("SCADA cutover (GrowOS 2.6)",)), ProjectRef("CO2 闭环补气")]
    assert link_projects("SCADA cutover 现在进展到哪一步了？", plans) == ["GrowOS 2.4 升级"]
    assert link_projects("What is the cutover plan?", plans) == []  # one word of two names nothing


def test_another_batch_or_phase_is_another_project() -> None:
    plans = [ProjectRef("第二批门店切换"), ProjectRef("5G基站扩容二期")]
    assert link_projects("第一批门店切换后运行情况如何？", plans) == []
    assert link_projects("5G基站扩容一期完工了吗", plans) == []
    assert link_projects("第二批门店切换进展", plans) == ["第二批门店切换"]


def test_short_latin_alias_needs_word_boundary() -> None:
    assert link_projects("rapid deployment", PROJECTS) == []
    assert link_projects("is the API stable", PROJECTS) == ["API"]


@pytest.mark.parametrize(
    ("text", "lang"), [("哪些项目延期了", "zh"), ("Which projects slipped?", "en"), ("POS收单进度", "zh")]
)
def test_language(text: str, lang: str) -> None:
    assert detect_lang(text) == lang


def test_the_project_index_links_what_every_name_would() -> None:
    """Comparing a question only with names that share a character pair with it links the same
    projects as comparing it with every name (the eval's questions, the ledger's names)."""
    from pathlib import Path

    import yaml

    from summarizer.planning.projects import ProjectIndex

    root = Path(__file__).resolve().parents[2]
    questions = [q["question"] for q in yaml.safe_load((root / "evals/datasets/questions.yaml").read_text())]
    names = [
        ProjectRef("风控决策引擎迁移", ("风控引擎",)),
        ProjectRef("海外商户收单平台", ("海外收单",)),
        ProjectRef("Kubernetes 1.30 Upgrade", ("K8s 1.30",)),
        ProjectRef("Checkout API Gateway Migration"),
        ProjectRef("2025年度规划"),
        *PROJECTS,
    ]
    index = ProjectIndex(names)
    for question in questions:
        assert link_projects(question, index) == link_projects(question, names), question


def test_a_tracker_key_is_not_needed_to_name_the_work() -> None:
    """People ask about "the search reindex", not "SRCH-88 Search reindex"; a key alone links
    nothing, and a one-word title left after the key is too weak to link on."""
    keyed = [
        ProjectRef("SRCH-88 Search reindex"),
        ProjectRef("OPS-7 Billing"),
        ProjectRef("KR3 账单对账改造"),
    ]
    assert link_projects("why did the search reindex slip?", keyed) == ["SRCH-88 Search reindex"]
    assert link_projects("what is the billing budget?", keyed) == []
    assert link_projects("账单对账改造为什么延期", keyed) == ["KR3 账单对账改造"]


def test_late_against_the_plan_asks_about_a_slip() -> None:
    """ "比计划晚了几天" asks how late a thing is, as "late" does in English; not for a metric."""
    assert plan_question("对账平台比计划晚了几天？", latest=LATEST, projects=PROJECTS).intent == "slips"


def test_a_question_may_use_the_head_words_of_a_long_latin_name() -> None:
    """People name "Parallel front-end on by default on nightly" by its first words, in a
    Chinese question too; a run covering under half of the name's words links nothing."""
    goals = [
        ProjectRef("Parallel front-end on by default on nightly"),
        ProjectRef("Sparse registry protocol by default in bale"),
    ]
    assert link_projects("并行前端（parallel front-end）目前进展如何？", goals) == [goals[0].name]
    assert link_projects("How is the parallel front-end doing?", goals) == [goals[0].name]
    assert link_projects("Has the sparse registry default shipped?", goals) == []
    assert link_projects("Is the front end parallel yet?", goals) == []


def test_a_capitalised_acronym_one_project_holds_names_it() -> None:
    """ "EDR 在构建服务器上的部署为什么延期了？" names "EDR rollout to build servers" by its acronym
    in a Chinese question; an acronym two projects share, or a lowercase word, names none."""
    projects = [
        ProjectRef("EDR rollout to build servers"),
        ProjectRef("Public API v3"),
        ProjectRef("Checkout API Gateway Migration"),
    ]
    assert link_projects("EDR 在构建服务器上的部署为什么延期了？", projects) == [
        "EDR rollout to build servers"
    ]
    assert link_projects("Is the API late?", projects) == []  # two projects hold "API"
    assert link_projects("who looked at the edr alerts?", projects) == []  # not written as an acronym


def test_a_question_may_name_a_code_named_project_by_its_gloss() -> None:
    """ "fs-mig (feature store 迁 infra 新集群)": people ask about the feature store migration; a
    one-word bracket (an owner) is no gloss."""
    projects = [ProjectRef("fs-mig (feature store 迁 infra 新集群)"), ProjectRef("Rate limits (Dana)")]
    assert link_projects("feature store 迁移现在什么状态？", projects) == [projects[0].name]
    assert link_projects("What did Dana ship?", projects) == []


def test_a_project_the_question_writes_whole_says_which_team_it_means() -> None:
    """One team's "Audit log export" written whole; another team's "Audit Log Retention" shares
    two of its three words: both link, the whole name alone picks the team."""
    plans = [ProjectRef("Audit log export"), ProjectRef("Audit Log Retention")]
    question = "审计日志导出（Audit log export）为什么延期？"
    assert set(link_projects(question, plans)) == {"Audit log export", "Audit Log Retention"}
    assert whole_links(question, plans) == ["Audit log export"]
    assert set(whole_links("audit log retention export?", plans)) == {
        "Audit log export",
        "Audit Log Retention",
    }


def test_a_latin_part_of_a_name_links_only_as_whole_words() -> None:
    """ "RA-L 返修" shares "ral" with "parallel": no link; "Orin 部署" is named by its word "Orin"."""
    plans = [
        ProjectRef("Parallel front-end on by default on nightly"),
        ProjectRef("RA-L 返修"),
        ProjectRef("Orin 部署"),
    ]
    assert link_projects("并行前端（parallel front-end）目前进展如何？", plans) == [
        "Parallel front-end on by default on nightly"
    ]
    assert link_projects("Orin 上的推理延迟怎么变化的？", plans) == ["Orin 部署"]
    assert link_projects("RA-L 返修进展？", plans) == ["RA-L 返修"]


def test_what_a_report_said_in_spoken_words_asks_for_its_summary() -> None:
    from summarizer.planning.intent import detect_intent

    assert detect_intent("9月12号那期主要说了啥？", False)[0] == "summary"
    # a writer who puts spaces between Chinese words
    assert detect_intent("FY26 W03 那期 周报 讲了 什么？", False)[0] == "summary"


def test_a_week_label_no_report_carries_sits_between_the_labels_around_it() -> None:
    from summarizer.planning.timerange import find_time_range
    from summarizer.planning.week_refs import resolve_week

    # the team's W02 report is ISO 2025-W15 and its W04 is ISO W17; its W03 report wrote no label
    labels = {2: [202515], 4: [202517], 52: [202513]}
    assert resolve_week("W03", date(2025, 5, 23), labels) == 202516
    # labels that disagree on the offset say nothing about the week between them
    assert resolve_week("W03", date(2025, 5, 23), {2: [202515], 4: [202519]}) == 202503
    # a fiscal year before the label is part of it, not the week's number (w37-e: `FY25 Wk 40`)
    assert resolve_week("FY25 Wk 40", date(2025, 5, 23), {40: [202514]}) == 202514
    found = find_time_range("What did the FY25 Wk 40 update say?", date(2025, 5, 23), {40: [202514]})
    assert found is not None and (found.since, found.text) == (202514, "FY25 Wk 40")


@pytest.mark.parametrize(
    "question",
    [
        "Did anything break in September?",
        "What went wrong with the 4.1 release?",
        "Since the start of March, has anything gone wrong in production?",
        "上周线上出问题了吗？",
        "支付服务挂了几次？",
    ],
)
def test_asking_what_broke_asks_for_incidents(question: str) -> None:
    from summarizer.planning.intent import detect_intent

    assert detect_intent(question, False)[0] == "incidents"


def test_a_heading_made_of_asking_words_links_no_project() -> None:
    """A roadmap's "Now" / "Next" columns or a post's "What's next" heading read as projects must
    not be linked by the question's own "now" or "next few weeks"; a real name with such a word
    ("Next-gen solver") still links when written, and so does a name with Chinese in it."""
    projects = [
        ProjectRef("Now"),
        ProjectRef("What’s next"),
        ProjectRef("Next-gen solver", ("Next",)),
        ProjectRef("Korvel connector"),
    ]
    assert link_projects("Where is the Korvel connector now?", projects) == ["Korvel connector"]
    assert link_projects("What are the main risks going into the next few weeks?", projects) == []
    assert link_projects("What's the status of the next-gen solver?", projects) == ["Next-gen solver"]
    assert link_projects("Now 计划进展如何？", [*projects, ProjectRef("Now 计划")]) == ["Now 计划"]


def test_a_question_naming_another_thing_after_a_shared_part_links_nothing() -> None:
    """ "数据资产管理平台" shares "数据资产" with "数据资产目录" and then says "管理" where the name says
    "目录": another project. Dropping a middle part or asking on after the shared part still links."""
    from summarizer.planning.projects import ProjectRef, link_projects

    projects = [ProjectRef("数据资产目录(Data Catalog)", ("数据资产目录",)), ProjectRef("风控决策引擎迁移")]
    assert link_projects("数据资产管理平台目前进展如何？", projects) == []
    assert link_projects("数据资产进展如何？", projects) == ["数据资产目录(Data Catalog)"]
    assert link_projects("数据资产的进展", projects) == ["数据资产目录(Data Catalog)"]
    assert link_projects("风控决策引擎怎么样了", projects) == ["风控决策引擎迁移"]


@pytest.mark.parametrize(
    ("question", "absent"),
    [
        (
            "What happened with the Brightwell cutover according to the week 26 update?",
            {"according", "update"},
        ),
        ("What did the March report say about the cutover?", {"report"}),
        ("3月的周报里 cutover 怎么样了？", {"周报"}),
    ],
)
def test_a_report_named_by_its_period_and_how_it_is_cited_are_no_search_terms(
    question: str, absent: set[str]
) -> None:
    plan = plan_question(question, latest=LATEST)
    assert "cutover" in plan.terms
    assert not absent & set(plan.terms.split())


def test_a_term_of_the_school_year_is_when_not_what() -> None:
    """ "本学期…哪些项目延期了": the semester is the period asked, not a subject every slip must name
    (the ledger's slips were all dropped for not writing 本学期)."""
    assert subject_terms("本学期 项目 延期", ["延期"]) == ""
    assert subject_terms("this semester which projects slipped", ["slipped", "which"]) == ""
    assert subject_terms("本学期 统一认证 延期", ["延期"]) == "统一 一认 认证"


@pytest.mark.parametrize(
    ("question", "is_list"),
    [
        ("What did the team ship in this period, and was each on time?", True),
        ("What did the firmware team deliver in August 2024?", True),
        ("What did we release in May?", True),
        ("What will the team complete next month?", True),
        ("What did the team release this quarter?", True),
        ("What's in the 4.2 release?", False),  # a noun: no list of launches
        ("How did the July release of the Telehealth Waiting Room go?", False),  # a noun after "did the"
        ("Is the release complete?", False),  # a state, no auxiliary asking for what was done
    ],
)
def test_a_launch_verb_in_its_base_form_asks_for_the_launch_list(question: str, is_list: bool) -> None:
    """ "What did we ship?" asks what launched, as "what shipped?" does; these had been free
    questions answered from passages while the ledger held every launch."""
    from summarizer.planning.intent import detect_intent, list_kinds

    intent, words = detect_intent(question, False)
    assert (intent == "status" and "launched" in list_kinds(words)) is is_list


@pytest.mark.parametrize(
    ("question", "slip"),
    [
        ("Why did Shift Swap v2 miss its GA date?", True),
        ("Why did the cell balancing rework miss bms-3.2?", True),
        ("Why did the go-live move from 15 April?", True),
        ("冷数据归档为什么没能在6/30完成？", True),
        ("Why did the CRM migration move to January?", True),  # a move to a time
        ("Why was it pushed back to mid-Q3?", True),
        ("Why did we move to the new cluster?", False),  # a move to a place
        ("Did we miss any incidents?", False),  # an incident question
        ("What did I miss last week?", False),  # no date, version or milestone missed
    ],
)
def test_a_missed_date_is_a_slip_question(question: str, slip: bool) -> None:
    """ "Why did X miss its GA date?" asks why it slipped: these had been free questions refused
    while the ledger held the slip and the passages the reason."""
    from summarizer.planning.intent import detect_intent

    assert (detect_intent(question, True)[0] == "slips") is slip


def test_what_a_slip_question_asks_of_a_project_leaves_out_its_move() -> None:
    """ "Why did the CRM migration move to January?": the move is the slip the question asks about,
    not a word the project's line must write (sharepoint-news q06 was refused for "move")."""
    plans = [ProjectRef("CRM migration (FanLedger to Tallyo)")]
    plan = plan_question(
        "Why did the CRM migration move to January?", latest=date(2025, 12, 1), projects=plans
    )
    assert plan.projects == ["CRM migration (FanLedger to Tallyo)"]
    assert plan.asked == ""


@pytest.mark.parametrize(
    "question",
    ["3/26 面单 故障 的 根因 是什么？", "What caused the March 26 outage?", "3月26日的故障原因是什么？"],
)
def test_a_day_naming_an_incident_is_the_day_it_happened(question: str) -> None:
    plan = plan_question(question, latest=date(2025, 5, 23))
    assert plan.days == (date(2025, 3, 26), date(2025, 3, 26))
    assert plan.until is None  # its postmortem is told in a later report
    # a day written as a target is no period
    assert plan_question("Was anything due on March 26 delayed?", latest=date(2025, 5, 23)).days is None


def test_a_chinese_name_written_short_links_its_project() -> None:
    projects = [ProjectRef("直播自动控价脚本", ()), ProjectRef("直播选品会", ())]
    assert link_projects("第5期里直播控价脚本是什么情况？", projects) == ["直播自动控价脚本"]
    # the first and last characters alone are no abbreviation of it
    assert link_projects("直播脚本怎么样了？", projects) == []


def test_what_a_report_said_about_a_project_asks_for_its_status() -> None:
    from summarizer.planning.intent import detect_intent

    assert detect_intent("What did the mid-March update say about the pump repairs?", True)[0] == "status"
    # a project's latest 状况 (Japanese 状況, read after the Traditional fold) is its status
    assert detect_intent("同时配信90分SLA的最新状况是？", True)[0] == "status"


def test_is_it_live_yet_asks_for_a_named_projects_state() -> None:
    """ "Is NLI live yet, and how well is it matching?" asks where that project stands (launched or
    not), which its timeline answers; without a named project it is no list question."""
    from summarizer.planning.intent import detect_intent

    assert detect_intent("Is NLI live yet, and how well is it matching results?", True)[0] == "status"
    assert detect_intent("Is it live yet?", False)[0] != "status"


def test_what_a_report_said_weighs_no_verb() -> None:
    """`What did the FY25 Wk 40 update say about the antibody exchange with Kettering Falls?` (w37-e):
    `say` asks what a report says, as `tell` does; weighed as a topic word, no line about the
    exchange held enough of the question to be answered."""
    from index.lexical import tokenize

    assert "say" not in tokenize("What did the update say about the antibody exchange?")
    assert tokenize("What has been said about the fridge pilot?") == ["fridge", "pilot"]


def test_a_day_in_brackets_after_the_latest_report_names_it_and_a_targets_does_not() -> None:
    from summarizer.planning.timerange import find_time_range

    latest = date(2025, 5, 2)
    found = find_time_range("What changed in the latest look-ahead (2 May)?", latest, {})
    assert found is not None and (found.since, found.until) == (202518, 202518)
    # a day in brackets after a plan's word is the plan's, no report's
    assert find_time_range("上线时间（5月2日）是否推迟？", latest, {}) is None
    assert find_time_range("Which projects slipped (target 2 May)?", latest, {}) is None


def test_a_name_asked_without_its_partner_links_and_a_short_one_does_not() -> None:
    exchange = ProjectRef("Antibody history exchange w/ KFCH (AbX)")
    question = "What did the update say about the antibody exchange with Kettering Falls?"
    assert link_projects(question, [exchange]) == [exchange.name]
    # "Integration" alone names no project: too short a title without whom it is with
    assert link_projects("How is the integration going?", [ProjectRef("Integration with SAP")]) == []
