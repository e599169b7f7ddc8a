"""Past its day and not done, as people ask it: "哪个需求已经过了目标日期还没做完？", "which items
are past due?". A slips question that asks which of them are overdue, not every slip."""

from __future__ import annotations

import pytest

from summarizer.planning.intent import asks_which, detect_intent, list_kinds


@pytest.mark.parametrize(
    "question",
    [
        "国庆后第一期周报里，哪个需求已经过了目标日期还没做完？",
        "Which items are past due?",
        "哪些项目逾期了？",
    ],
)
def test_past_its_day_asks_for_overdue_slips(question: str) -> None:
    intent, words = detect_intent(question, has_project=False)
    assert intent == "slips"
    assert "overdue" in list_kinds(words)
    assert asks_which(question)


def test_a_plain_slip_question_asks_for_every_slip() -> None:
    intent, words = detect_intent("哪些项目延期了？", has_project=False)
    assert intent == "slips" and "overdue" not in list_kinds(words)


def test_is_x_overdue_names_one_thing_not_a_list() -> None:
    assert not asks_which("山雀项目是不是已经逾期了？")


def test_dragging_later_is_a_slip_word() -> None:
    intent, _ = detect_intent("支付对账为什么一直往后拖？", has_project=True)
    assert intent == "slips"  # why it slipped keeps the slips intent, with its reasons


@pytest.mark.parametrize(
    "question", ["RingScope 的目标改成什么？", "清分平台的上线时间调整为哪天？", "验收节点又改了吗？"]
)
def test_a_target_changed_into_another_is_a_slip_question(question: str) -> None:
    assert detect_intent(question, has_project=True)[0] == "slips"


@pytest.mark.parametrize("question", ["接口响应时间改为多少？", "项目名字改成什么了？"])
def test_a_figure_or_a_name_changed_is_no_slip_question(question: str) -> None:
    assert detect_intent(question, has_project=True)[0] != "slips"


def test_rescheduled_is_a_slip_word() -> None:
    intent, _ = detect_intent("第3期里 MiniApp 积分改版为什么改期？改到了哪天？", has_project=True)
    assert intent == "slips"


@pytest.mark.parametrize("question", ["RA 认证还在推进吗？", "Is the loyalty app revamp still going?"])
def test_whether_a_named_project_goes_on_asks_its_status(question: str) -> None:
    """Once read as a free question, refused although the project's row said `已取消` (w40-c)."""
    intent, _ = detect_intent(question, has_project=True)
    assert intent == "status"
