"""Days as stamps write them: a date-time group (`110730Z MAR 25`), an event named by its day
(`5·1 事故`), a checklist's completion stamps in a report's last lines (no sign-off), and the
words that file a section or a question (`SLIs`, "any problems with"). Written from wave 36;
the texts are this test's own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from index.classify import classify_heading
from index.models import SectionKind
from index.text.timeexpr import find_dates
from summarizer.planning.intent import detect_intent
from tests.helpers import parsed_date


def _days(text: str, ref: date) -> list[tuple[str, date]]:
    return [(hit.text, hit.value) for hit in find_dates(text, ref, "past")]


def test_a_date_time_group_is_its_day_not_its_month_and_year() -> None:
    assert _days("110730Z MAR 25 to 110815Z", date(2025, 3, 14)) == [("110730Z MAR 25", date(2025, 3, 11))]
    assert _days("MAR 25", date(2025, 3, 28)) == [("MAR 25", date(2025, 3, 25))]  # alone, still a day


def test_an_event_named_by_its_day() -> None:
    assert _days("10·3 事故整改完成", date(2025, 10, 17)) == [("10·3", date(2025, 10, 3))]
    assert _days("进度 3·5 完成", date(2025, 10, 17)) == []  # no event's noun after it


def test_completion_stamps_at_the_end_are_no_sign_off(tmp_path: Path) -> None:
    text = (
        "# 项目组周报 第8期\n\n报告周期：6.10—6.14 填报：李青\n\n## 本周完成\n"
        + "".join(f"- 接口联调第{n}批\n" for n in range(1, 10))
        + "\n## 上期计划回顾\n"
        + "".join(f"- 事项{n}：完成 王敏, 2024年6月{d}日 18:0{n}\n" for n, d in ((1, 11), (2, 12), (3, 6)))
    )
    assert parsed_date(tmp_path, "周报 第8期.md", text, near=date(2024, 6, 7)) == (
        date(2024, 6, 14),
        "header line, year from its series",
    )
    # one day signed under the same list is the report's
    signed = text.split("## 上期计划回顾")[0] + "\n王敏\n2024年6月14日\n"
    assert parsed_date(tmp_path, "b.md", signed.replace("报告周期：6.10—6.14 ", ""))[0] == date(2024, 6, 14)


def test_section_and_question_words() -> None:
    assert classify_heading("Compliance SLIs (7-day)") == SectionKind.METRICS
    assert (
        detect_intent("Since March, have we had any problems with the booking portal?", True)[0]
        == "incidents"
    )
