"""Reports written in Traditional Chinese, as Taiwan writes them: Republic of China years
(`114/04/30`), Outlook's Taiwanese header, `壹、` section numbers, `‧` bullets, a table aligned by
display width under `專案` and `燈號`. Read as the same report in Simplified characters, so every
rule written for Simplified text reads it, and every quote verifies."""

from __future__ import annotations

from datetime import date

import pytest

from index.ledger import views
from index.ledger.incident_words import says_none
from index.report_date import compact_date
from index.text.hant import simplified
from index.text.timeexpr import find_dates
from index.verify import Verifier
from summarizer.evals.datasets import _simplified

from .conftest import Series


def test_traditional_characters_become_simplified_one_for_one() -> None:
    text = "本週無異常事件；專案總覽：燈號轉黃，進度顯著落後"
    folded = simplified(text)
    assert folded == "本周无异常事件；专案总览：灯号转黄，进度显著落后"
    assert len(folded) == len(text)  # columns of an aligned table stay where they were
    assert simplified("显著 著名 乾坤") == "显著 著名 乾坤"  # characters Simplified text uses stay


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("ECD 114/04/30", date(2025, 4, 30), "day"),
        ("預計 114.05.16 上線", date(2025, 5, 16), "day"),
        ("ECD 由 114/06 調整", date(2025, 6, 30), "month"),
        ("民國114年7月", date(2025, 7, 31), "month"),
    ],
)
def test_a_republic_of_china_year_is_read_as_its_western_year(text: str, value: date, precision: str) -> None:
    [hit] = find_dates(simplified(text), date(2025, 3, 21))
    assert (hit.value, hit.precision) == (value, precision)


@pytest.mark.parametrize("text", ["良率 35/40", "延遲 103.2 ms", "110/220kV 變電站"])
def test_a_count_a_decimal_or_a_voltage_is_no_taiwanese_date(text: str) -> None:
    assert find_dates(text, date(2025, 3, 21)) == []


def test_a_file_name_in_taiwanese_years_dates_its_report() -> None:
    found = compact_date("EA9週報_1140307")
    assert found is not None and found.value == date(2025, 3, 7)


def test_a_none_line_that_names_two_event_words_tells_no_incident() -> None:
    assert says_none(simplified("本週無異常事件。"))
    assert not says_none(simplified("異常事件：AMHS 主機切換失敗"))


def test_gold_in_traditional_is_compared_as_simplified_but_its_file_names_stay() -> None:
    gold = {"project": "配方管理導入", "report": "x/週報_1140307.txt", "quotes": ["燈號轉黃"]}
    assert _simplified(gold) == {
        "project": "配方管理导入",
        "report": "x/週報_1140307.txt",
        "quotes": ["灯号转黄"],
    }


_HEAD = """主旨：[CT3週報] 自動化三課 週報 {roc} (W{week})
寄件者：周冠宇
寄件日期：{sent}
收件者：CIM處_主管群

各位長官 好，本週報告如下。

========================================
壹、專案總覽
========================================
No  專案                      PIC     燈號  進度    ECD
1   AGV 派車系統換版          鄭文傑  {agv}     {agv_pct}     {agv_ecd}
2   量測資料自動上傳          吳雅婷  G     40%     114/06/30

========================================
貳、專案說明
========================================
【1】AGV 派車系統換版
  ‧{note}

========================================
參、異常事件
========================================
本週無異常事件。
"""


def test_a_taiwanese_mail_report_gives_its_slips_with_verified_quotes(series: Series) -> None:
    ledger = series(
        [
            (
                "CT3週報_1140307.txt",
                _HEAD.format(
                    roc="114/03/07",
                    week=10,
                    sent="2025年3月7日 星期五 下午 05:10",
                    agv="G",
                    agv_pct="60%",
                    agv_ecd="114/04/30",
                    note="車載端韌體已驗收。",
                ),
            ),
            (
                "CT3週報_1140314.txt",
                _HEAD.format(
                    roc="114/03/14",
                    week=11,
                    sent="2025年3月14日 星期五 下午 04:55",
                    agv="Y",
                    agv_pct="62%",
                    agv_ecd="114/05/30",
                    note="ECD 由 114/04/30 調整為 114/05/30，等待廠商修正。",
                ),
            ),
        ]
    )
    reports = ledger.reports()
    assert sorted(r.date for r in reports) == [date(2025, 3, 7), date(2025, 3, 14)]
    assert {p.name for p in views.projects(ledger)} == {"AGV 派车系统换版", "量测资料自动上传"}
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("AGV 派车系统换版", "date_moved") in slips
    assert ("AGV 派车系统换版", "status_downgrade") in slips
    assert views.incidents(ledger) == []  # "本週無異常事件" tells none
    verifier = Verifier()
    cited = [c for slip in views.slips(ledger) for c in slip.evidence]
    assert cited and all(verifier.check(c) for c in cited)
    assert any("114/05/30" in c.quote for c in cited)


def test_a_bullet_closed_up_to_its_text_is_a_bullet() -> None:
    from index.text.normalise import plain_line

    assert plain_line("  ‧S6F11 比对完成 80%") == "S6F11 比对完成 80%"
    assert plain_line("•本周上线灰度") == "本周上线灰度"
    assert plain_line("-5% 环比") == "-5% 环比"  # a dash closed up to a figure is a sign


def test_taiwanese_section_words_name_their_kind() -> None:
    from index.classify import classify_heading
    from index.models import SectionKind

    assert classify_heading(simplified("貳、專案總覽")) is SectionKind.PROJECTS
    assert classify_heading(simplified("伍、需支援事項")) is SectionKind.RISKS
