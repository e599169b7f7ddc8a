"""The metric functions on literals: matching rules first, then the aggregates."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from summarizer.evals import metrics as m


@dataclass
class H:
    report: str
    sections: list[str]


GOLD = [("payments-zh/2024-W41.md", "系统运行数据")]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("/repo/examples/reports/payments-zh/2024-W41.md", "payments-zh/2024-W41.md", True),
        ("examples/reports/payments-zh/2024-W41.md", "./examples/reports/payments-zh/2024-W41.md", True),
        ("/repo/platform-en/2024-W41.md", "payments-zh/2024-W41.md", False),
        ("/repo/xpayments-zh/2024-W41.md", "payments-zh/2024-W41.md", False),
        ("", "a.md", False),
    ],
)
def test_same_report_is_a_component_suffix(a: str, b: str, same: bool) -> None:
    assert m.same_report(a, b) is same


def test_hit_matches_on_section_substring_in_any_section() -> None:
    assert m.hit_matches("/r/payments-zh/2024-W41.md", ["重点工作", "【系统运行数据】 > 支付"], *GOLD[0])
    assert not m.hit_matches("/r/payments-zh/2024-W42.md", ["【系统运行数据】"], *GOLD[0])
    assert m.hit_matches("a/x.md", ["Projects > Checkout"], "x.md", "projects")  # case-insensitive


def test_recall_and_mrr() -> None:
    miss = H("/r/payments-zh/2024-W41.md", ["重点工作"])
    hit = H("/r/payments-zh/2024-W41.md", ["【系统运行数据】"])
    gold = [*GOLD, ("payments-zh/2024-W42.md", "风险")]
    assert m.recall_at_k([miss, hit], gold, k=8) == 0.5
    assert m.recall_at_k([miss, hit], gold, k=1) == 0.0
    assert m.reciprocal_rank([miss, hit], gold, k=8) == 0.5
    assert m.reciprocal_rank([miss], gold, k=8) == 0.0
    assert m.recall_at_k([], [], k=8) == 1.0


def test_mentions_ignore_case_and_whitespace() -> None:
    text = "Checkout  revamp slipped; 支付 成功率 99.95%"
    assert m.missing_mentions(text, ["checkout revamp", "支付成功率", "fraud"]) == ["fraud"]
    assert m.mention_rate(text, ["checkout", "fraud"]) == 0.5
    assert m.mention_rate(text, []) == 1.0


def test_prf_is_one_to_one() -> None:
    prf = m.match_prf([1, 1, 3], [1, 2], lambda p, g: p == g)
    assert (prf.tp, prf.precision, prf.recall) == (1, 1 / 3, 0.5)
    assert prf.unmatched_gold == [2] and prf.unmatched_pred == [1, 3]
    assert prf.f1 == pytest.approx(2 * (1 / 3) * 0.5 / (1 / 3 + 0.5))
    empty = m.match_prf([], [], lambda p, g: True)
    assert (empty.precision, empty.recall, empty.f1) == (1.0, 1.0, 1.0)
    assert m.match_prf([], [1], lambda p, g: True).f1 == 0.0


def test_names_match_on_normalised_name_or_alias() -> None:
    assert m.names_match(["POS 收单"], ["pos收单"])
    assert m.names_match(["Checkout-Revamp"], ["checkout revamp"])
    assert m.names_match(["CR"], ["Checkout revamp", "cr"])
    assert not m.names_match(["收单"], ["POS收单"])


@pytest.mark.parametrize(
    ("pred", "gold", "equal"),
    [
        (99.998, "99.998%", True),
        (99.99, 99.998, False),
        (13, "13", True),
        ("AB级", "ab级", True),
        (1.0, "x", False),
    ],
)
def test_values_equal(pred: object, gold: object, equal: bool) -> None:
    assert m.values_equal(pred, gold) is equal


def test_series_exact_names_wrong_weeks() -> None:
    ok, wrong = m.series_exact({"2024-W41": 99.9, "2024-W42": 99.8}, [("2024-W41", "99.9%"), ("2024-W43", 1)])
    assert not ok and wrong == ["2024-W43"]
    assert m.series_exact({"2024-W41": 1.0}, [("2024-W41", 1)]) == (True, [])


def test_p50_and_mean() -> None:
    assert m.p50([3, 1, 2]) == 2
    assert m.p50([]) == 0.0
    assert m.p95(range(1, 101)) == 95 and m.p95([7]) == 7 and m.p95([]) == 0.0
    assert m.p95([1, 2, 3, 4, 100]) == 100  # nearest rank: an observed value
    assert m.mean([], empty=0.0) == 0.0
    assert m.ratio(0, 0) == 1.0
