"""A question asking for money is answered only by a line that states an amount of money."""

from __future__ import annotations

import pytest

from summarizer.facts.money import asks_money, states_money


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What is the total budget for the portal?", True),
        ("How much did the audit cost?", True),
        ("机房迁移的预算花了多少？", True),
        ("Kafka扩容花了多少钱？", True),
        ("预约升级上线后带来了多少收入？", True),
        ("项目取消后向客户索赔的金额是多少？", True),
        ("How many services have moved?", False),
        ("机房迁移进展如何？", False),
        # a compound, and an insurance claim, are no money asked
        ("Was the anti-money-laundering rules project delivered on time?", False),
        ("How has the digital share of claims notifications developed?", False),
        ("How have paid digital subscribers trended?", False),  # "paid" counts readers here
        ("How much did we pay for the licence?", True),
        ("How much capex did Finance approve for the scanner restart?", True),
        ("How much downtime compensation did the customer claim for the #K05 stop?", True),
        ("Were the duplicate fees refunded?", True),
    ],
)
def test_asks_money(question: str, expected: bool) -> None:
    assert asks_money(question) is expected


def test_a_money_word_inside_a_linked_name_asks_nothing() -> None:
    assert not asks_money("What is the status of the Cost Explorer Dashboard?", ["Cost Explorer Dashboard"])
    assert not asks_money("数字人民币受理项目现在是什么状态？", ["数字人民币受理"])
    assert asks_money("What did the Cost Explorer Dashboard cost?", ["Cost Explorer Dashboard"])


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The re-baseline needs another £1.2m from contingency.", True),
        ("采购合同金额 120万元，已付首款", True),
        ("Compute cost up 18% week on week.", True),
        ("本周又迁了 5 个服务，累计 36/45，没遇到问题。", False),
        ("We still don't have a code-signing certificate.", False),
        # a day beside the money word is no amount (wave 18, w18-b)
        ("Finance will decide at the Q2 capex board on 08 APR.", False),
        ("Capex of $240k approved at the board on 08 APR.", True),
    ],
)
def test_states_money(line: str, expected: bool) -> None:
    assert states_money(line) is expected
