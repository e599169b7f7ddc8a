"""Questions as people in other places write them: in Cantonese, by a project's short words under a
board code and a later name, in English about a Chinese team's lines that write Latin codes."""

from __future__ import annotations

from datetime import date

import pytest

from index.text.hant import simplified
from summarizer.engines.local.engine import _writable
from summarizer.planning import read_question
from summarizer.planning.cantonese import as_mandarin
from summarizer.planning.intent import detect_intent
from summarizer.planning.projects import ProjectRef, link_projects
from summarizer.planning.question_words import strip_question_words
from summarizer.question import QuestionPlan


@pytest.mark.parametrize(
    ("question", "mandarin"),
    [
        ("收銀SDK 而家去到邊？幾時可以全面推出？", "收银SDK 现在进展到哪？什么时候可以全面推出？"),
        ("NPS 呢兩三個月嘅趨勢係點？有冇達標？", "NPS 这两三个月的趋势怎么样？有没有达标？"),
        ("第12期提到嘅事故係咩？", "第12期提到的事故是什么？"),
        # 點 before a verb of handling is "how", 嗰次 "that time"; 重點 stays a point
        ("嗰次週會 Geofence 點處理？", "那次周会 Geofence 怎么处理？"),
        ("喺 B2 嘅重點係咩？", "在 B2 的重点是什么？"),
        # 改咗做 "changed into", 入面 "inside" (w50-h)
        ("第21期入面，RingScope 嘅目標改咗做咩？", "第21期里，RingScope 的目标改成什么？"),
        # Mandarin is left as it is, its 呢 and 系 too
        ("这个项目呢？", "这个项目呢？"),
        ("对账系统几月上线？", "对账系统几月上线？"),
    ],
)
def test_a_cantonese_question_reads_as_mandarin(question: str, mandarin: str) -> None:
    assert as_mandarin(simplified(question)) == mandarin


def test_short_words_of_a_coded_and_renamed_name_link_it_and_ask_nothing() -> None:
    projects = [ProjectRef("WS4 Freezer Inventory Migration", ("Cold Storage Migration",))]
    plan = read_question(
        "What has happened with the freezer migration since mid-April?",
        latest=date(2025, 5, 2),
        projects=projects,
    )
    assert plan.projects == ["WS4 Freezer Inventory Migration"]
    assert plan.asked == ""  # its name's words ask nothing of it
    assert "cold storage migration" in plan.synonyms["freezer"]  # a line with its new name says it


def test_latin_codes_of_an_english_question_count_in_a_chinese_series() -> None:
    plan = QuestionPlan(
        question="What happened to the 3D scanning PoC for block control?",
        series_langs={"/r/shipyard": "zh"},
    )
    weights = {"3d": 6.0, "scanning": 7.0, "poc": 5.0, "block": 5.0, "control": 4.8}
    assert set(_writable(plan, "/r/shipyard/w13.html", weights)) == {"3d", "poc"}
    plan.series_langs = {"/r/shipyard": "en"}
    assert set(_writable(plan, "/r/shipyard/w13.html", weights)) == set(weights)


def test_a_move_named_by_both_days_is_told_by_the_line_that_writes_both() -> None:
    from index.schemas import Citation
    from summarizer.engines.local.reasons import _move_told

    row = "TELA-7 | OTA 25.2 推送 | Off Track | 55% | 2025-04-25"
    sources = {
        "/r/WSR-27.html": {
            3: "## 1 概要",
            4: "4/8 二批推送发生 P1 故障（CDN 证书过期）。OTA 25.2 全量目标由 4/18 推迟到 4/25。",
            9: "## 2 项目状态",
            10: row,
        }
    }
    cited = [
        Citation(report="/r/WSR-27.html", week="2025-W15", section="2 项目状态", lines=(10, 10), quote=row)
    ]
    plan = QuestionPlan(question="OTA 25.2 为什么从 4/18 推迟到 4/25？")
    (told,) = _move_told(plan, cited, sources, said=row)
    assert "CDN 证书过期" in told.text and told.citations[0].lines == (4, 4)
    assert told.citations[0].section == "1 概要"  # the line's own heading, not the row's
    assert _move_told(QuestionPlan(question="OTA 25.2 为什么推迟了？"), cited, sources, row) == []


def test_a_board_code_dropped_only_before_latin_words() -> None:
    from summarizer.planning.projects import link_projects

    projects = [ProjectRef("FD3 智能派单"), ProjectRef("智能派单二期")]
    # another team's coded `FD3 智能派单` must not outrank the name the question writes in part
    assert link_projects("智能派单为什么从4月底推迟到5月20日？", projects)[0] == "智能派单二期"
    assert link_projects(
        "How is the freezer migration going?", [ProjectRef("WS4 Freezer Inventory Migration")]
    )


def test_a_long_name_asked_by_its_first_and_last_words_is_linked_and_its_state_asked() -> None:
    projects = [
        ProjectRef("OCC flight hours/cycles interface", ()),
        ProjectRef("Electronic Tech Log rollout", ()),
    ]
    plan = read_question(
        "In the week 12 sheet, what state was the OCC interface in?",
        latest=date(2025, 5, 2),
        projects=projects,
    )
    assert plan.projects == ["OCC flight hours/cycles interface"]
    assert plan.intent == "status"
    # the sheet is the report asked of, not a word the answer's lines must hold
    assert "sheet" not in plan.subject.split()


def test_what_happened_and_what_came_after_are_no_subject() -> None:
    plan = read_question("3月中旬那次预警误报是怎么回事，后来复盘了吗？", latest=date(2025, 5, 2))
    # (the lexical query a passage's words are weighed against; "来复" bridged 后来 and 复盘)
    assert "回事" not in plan.terms and "后来" not in plan.terms
    assert "误报" in plan.terms and "复盘" in plan.terms


def test_a_plain_word_before_a_name_s_last_word_links_nothing() -> None:
    """Only a code opens a name its ends can stand for: "open migration defects" is no
    `Open Data Portal Migration`."""
    projects = [ProjectRef("Open Data Portal Migration", ())]
    plan = read_question(
        "How has the number of open migration defects moved over the series?",
        latest=date(2025, 5, 2),
        projects=projects,
    )
    assert plan.projects == []


@pytest.mark.parametrize(
    ("question", "intent"),
    [("这两个多月里哪些项目延期或进度滑了？", "slips"), ("Did anything break in week 16?", "incidents")],
)
def test_a_list_question_s_filler_words_are_no_subject(question: str, intent: str) -> None:
    plan = read_question(question, latest=date(2025, 5, 2))
    assert plan.intent == intent
    assert plan.subject == ""


def test_a_name_called_by_its_capitalised_first_word_is_linked_and_asks_nothing() -> None:
    projects = [
        ProjectRef("Bastion relay (DDoS edge)", ()),
        ProjectRef("Replay capture (anti-cheat)", ()),
        ProjectRef("Fleet migration to Agones", ()),
        ProjectRef("Fleet autoscaler tuning", ()),
    ]
    plan = read_question(
        "In the mid-March update, what happened to Bastion and to Replay capture?",
        latest=date(2025, 5, 2),
        projects=projects,
    )
    assert sorted(plan.projects) == ["Bastion relay (DDoS edge)", "Replay capture (anti-cheat)"]
    assert plan.asked == ""  # "Bastion" names the project, it asks nothing of it
    # a first word two names open with names neither; a word in lower case is no code name
    assert read_question("What happened to Fleet?", latest=date(2025, 5, 2), projects=projects).projects == []
    lower = read_question("what happened to the bastion?", latest=date(2025, 5, 2), projects=projects)
    assert lower.projects == []


def test_a_fiscal_year_before_a_week_is_part_of_the_period_not_a_word_sought() -> None:
    # (the series labels its reports by its own weeks: `FleetTech 週會 (FY24/25 Wk3)` is its third)
    plan = read_question(
        as_mandarin(simplified("FY24/25 第三週嗰次週會, Geofence 點處理？")),
        latest=date(2024, 5, 10),
        week_labels={3: [202416]},
    )
    assert plan.time_text == "FY24/25 第三周"
    assert not any(word in plan.terms for word in ("FY24", "/25", "处理", "那次"))
    assert "Geofence" in plan.terms


def test_capitals_no_name_writes_are_the_initials_of_one_name() -> None:
    projects = [
        ProjectRef("Friends Renewals Journey", ()),
        ProjectRef("Mobile Wallet Passes", ()),
        ProjectRef("Fan Relations Journal", ("Fan Relations Journal",)),
    ]
    assert link_projects("Is MWP live yet?", projects) == ["Mobile Wallet Passes"]
    # two names with the same initials: the capitals name neither
    assert link_projects("Where is FRJ now?", projects) == []
    # a lower-case word in the name: no initials (`Seat map rebuild` is no `SMR`)
    assert link_projects("Is SMR done?", [ProjectRef("Seat map rebuild", ())]) == []


def test_a_names_first_capitalised_words_link_it_when_no_other_name_opens_so() -> None:
    projects = [
        ProjectRef("Gift Aid Declaration Cleanse", ()),
        ProjectRef("Gift Cards Revamp", ()),
        ProjectRef("Mobile Wallet Passes", ()),
    ]
    # the rest of the name said in Chinese: its first words still name it
    assert link_projects("Gift Aid 数据清洗项目为什么在3月变成红色？", projects) == [
        "Gift Aid Declaration Cleanse"
    ]
    assert link_projects("Gift 是什么？", projects) == []  # one word opens two names


def test_a_question_phrase_goes_with_a_shorter_name_inside_it() -> None:
    """`处理` is some team's metric in a large index; inside `怎么处理` it is the question's verb.
    A name that runs across a phrase's edge still keeps the phrase."""
    assert strip_question_words("Geofence 怎么处理？", ["处理", "Geofence"]).split() == ["Geofence", "？"]
    assert "怎么样" in strip_question_words("支付怎么样子了", ["怎么样子"])


def test_which_day_is_asked_whole() -> None:
    """`哪天上线`: with only `哪` a question word, `天上` was a term the answer had to hold, and in a
    large index some report writes it (`当天上线`), so the line that answers read as not covering it."""
    assert strip_question_words("平台3.0最终是哪天上线的？").split() == ["平台3.0最终", "上线", "？"]
    assert strip_question_words("几号上线？").split() == ["上线？"]


@pytest.mark.parametrize(
    "question", ["第4期里适老化改造是什么结论？", "What was the outcome of the kiosk pilot?"]
)
def test_what_was_decided_of_a_named_project_asks_its_state(question: str) -> None:
    assert detect_intent(question, has_project=True)[0] == "status"  # its state says it: cancelled, merged
    assert detect_intent(question, has_project=False)[0] == "free"  # of no project, no state to give


@pytest.mark.parametrize(
    "question",
    ["二期换表的可研评审结论是什么？", "What was the outcome of the beta service assessment for Catchbook?"],
)
def test_the_verdict_of_a_review_is_no_question_of_a_projects_state(question: str) -> None:
    # the review's own verdict, which the reports may never tell: no status answer stands in for it
    assert detect_intent(question, has_project=True)[0] != "status"
