"""What the ledger does to be fast must not change what it finds. Its per-line readers are cached:
a second call answers the same and hands back a list of its own, so a caller that edits its result
cannot change what the next caller reads. The date rules are prefiltered: a rule never matches a
text its prefilter rejects. Prose names by kind word compare each distinct run once."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.ledger import views
from index.ledger.field_labels import split_label
from index.ledger.incident_words import cue
from index.ledger.mentions import line_text
from index.ledger.progress import find_progress
from index.ledger.prose_links import Vocabulary
from index.ledger.prose_names import _BEFORE_NAME, _KIND, _QUOTED, _THE_NAME, _marked, is_name
from index.ledger.signals import find_statuses
from index.text.normalise import nfkc
from index.text.timeexpr import _RULES, find_dates

from .conftest import Series

REF = date(2025, 3, 7)
LINE = "Ledger Sync 进度 60%，延期到 4/18 上线，at risk"

READERS: list[tuple[str, Callable[[str], list[object]]]] = [
    ("find_dates", lambda text: list(find_dates(text, REF))),
    ("find_statuses", lambda text: list(find_statuses(text))),
    ("find_progress", lambda text: list(find_progress(text, True))),
    ("named", lambda text: list(Vocabulary([("Ledger Sync", "Ledger Sync")]).named(text))),
]


@pytest.mark.parametrize(("name", "read"), READERS, ids=[name for name, _ in READERS])
def test_a_cached_reader_answers_the_same_each_time(name: str, read: Callable[[str], list[object]]) -> None:
    first = read(LINE)
    assert first, name
    assert read(LINE) == first


def test_editing_a_result_does_not_change_the_next() -> None:
    vocabulary = Vocabulary([("Ledger Sync", "Ledger Sync")])
    for read in (
        lambda: find_dates(LINE, REF),
        lambda: find_statuses(LINE),
        lambda: find_progress(LINE, True),
        lambda: vocabulary.named(LINE),
    ):
        result = read()
        expected = list(result)
        result.clear()
        assert read() == expected


def test_the_reference_day_is_part_of_the_answer() -> None:
    """A date without a year resolves against the report's day: a cached answer for one report
    is never another's."""
    (march,) = find_dates("4/18 上线", date(2025, 3, 7))
    (next_year,) = find_dates("4/18 上线", date(2025, 12, 20))
    assert march.value == date(2025, 4, 18)
    assert next_year.value == date(2026, 4, 18)


def test_an_incident_word_and_a_stripped_line_are_read_the_same_twice() -> None:
    told = "支付网关宕机 40 分钟，已恢复"
    first = cue(told)
    assert first is not None
    assert cue(told) is first
    assert cue("网关压测演练：模拟宕机 40 分钟") is None
    assert line_text("- **Ledger Sync**: at risk") == line_text("- **Ledger Sync**: at risk")


def test_a_label_is_read_the_same_twice() -> None:
    assert split_label("Status: at risk") == split_label("Status: at risk")
    assert split_label("Status: at risk") is not None


# One phrase for each prefiltered rule.
_PHRASES = [
    "Q3 上线", "下半年", "2025H2", "年底前完成", "end of year", "EOM", "next week", "by Christmas break",
    "国庆节后第一周", "节前", "3月第二周", "下个月中", "mid-month", "the 15th", "12号", "Friday", "第三季度",
]  # fmt: skip
# Words and marks the date rules are made of, so random joins of them exercise every rule.
_PIECES = [
    "3", "12", "29", "2025", "W", "Q", "H", "/", ".", "-", " ", "，", "月", "日", "号", "周", "星期", "礼拜",
    "第", "季度", "半年", "上", "下", "本", "这个", "年", "年底", "底", "中旬", "节", "前", "后", "以后", "春节",
    "国庆", "双", "十一", "预计", "上线", "完成", "推迟至", "the", "15th", "of", "end", "mid", "early", "year",
    "EOY", "EOM", "week", "month", "next", "this", "Monday", "Friday", "day", "May", "March", "Sept", "before",
    "after", "Christmas", "Easter", "holiday", "by", "Year-end", "first", "2nd", *_PHRASES,
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8))
def test_a_date_rule_never_matches_where_its_prefilter_says_it_cannot(pieces: list[str]) -> None:
    """`needs` is searched before a rule runs: every text one of the rules matches holds it."""
    text = "".join(pieces)
    for pattern, resolve, needs in _RULES:
        if needs is not None and pattern.search(text):
            assert needs.search(text), (resolve.__name__, text)


@pytest.mark.parametrize("text", _PHRASES)
def test_each_prefiltered_rule_still_finds_its_date(text: str) -> None:
    assert find_dates(text, REF), text


def _marked_pairwise(passages: list[tuple[str, str]]) -> dict[str, set[str]]:
    """`_marked` as first written: every two kind-word runs of different reports compared."""
    found: dict[str, set[str]] = defaultdict(set)
    quoted: set[str] = set()
    kinds: list[tuple[str, str]] = []
    for report, text in passages:
        folded = nfkc(text)
        for match in _QUOTED.finditer(folded):
            quoted.add(match.group(1).strip())
            found[match.group(1).strip()].add(report)
        for match in _THE_NAME.finditer(folded):
            found[match.group(1).strip()].add(report)
        kinds.extend((_BEFORE_NAME.sub("", m.group(0)).strip(), report) for m in _KIND.finditer(folded))
    for index, (run, report) in enumerate(kinds):
        for other, other_report in kinds[index + 1 :]:
            if other_report != report:
                n = 0
                while n < min(len(run), len(other)) and run[-1 - n] == other[-1 - n]:
                    n += 1
                found[run[len(run) - n :].strip()].update((report, other_report))
    return {name: reports for name, reports in found.items() if name and is_name(name, name in quoted)}


_SENTENCES = [
    "把对账平台迁移到新集群", "会员积分重构本周完成", "新对账平台迁移延期", "积分重构 70%", "the Billing Portal is late",
    "「青鸟」项目延期", "订单系统升级下周上线", "老订单系统升级暂停", "支付平台改版", "支付平台改版上线",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(["a.md", "b.md", "c.md"]), st.sampled_from(_SENTENCES)), max_size=12)
)
def test_kind_word_names_are_found_as_when_every_two_runs_were_compared(
    passages: list[tuple[str, str]],
) -> None:
    """Runs are compared once per distinct text, with their reports: the same names, the same
    reports, as comparing every two runs of different reports."""
    assert _marked(passages) == _marked_pairwise(passages)


def test_splitting_on_whitespace_drops_what_isspace_calls_whitespace() -> None:
    """`Vocabulary` looks for names in `"".join(text.split())` before it maps each kept character
    back: the same string its matcher builds character by character."""
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
    assert "".join(every.split()) == "".join(char for char in every if not char.isspace())


def test_a_sentence_naming_nothing_known_has_no_hits_and_one_naming_a_project_keeps_its_place() -> None:
    vocabulary = Vocabulary([("Ledger Sync", "Ledger Sync"), ("订单中心改造", "订单中心改造")])
    assert vocabulary.named("the docs site moved to 4/18") == []
    ((start, name),) = vocabulary.named("本周 订单中心 改造 延期到 4/18")
    assert start == 3
    assert name.canonical == "订单中心改造"


def test_column_gaps_before_a_tag_end_a_phrase_without_backtracking() -> None:
    """`名称` + a run of column gaps + `【延期】` (a CMS export's aligned tag, w21-a): the trailing
    trim's two character classes once both matched a space, and thirty spaces hung the ingest. Under
    that bug this call never returns; now it trims the gap and the tag's bracket like any other."""
    from index.ledger.prose_names import _common_start

    line = "3.1 XH-01 1号线CBTC信号系统改造" + " " * 60 + "【延期】"
    assert _common_start(line, line).endswith("【延期")
    assert _common_start(line, line.replace("延期", "正常")) == "3.1 XH-01 1号线CBTC信号系统改造"


def test_the_changes_between_two_reports_are_each_caller_s_own(series: Series) -> None:
    """What changed between two reports is worked out once per ledger revision ("what changed
    this week?" of a whole index diffs every team's last two reports, again for each such
    question); a caller that narrows its copy (the CLI drops unverified slips) leaves the next's."""
    ledger = series(
        [
            ("2025-03-07.md", "# Weekly 2025-03-07\n\n## Projects\n\n- Ledger Sync: on track, target 4/18\n"),
            (
                "2025-03-14.md",
                "# Weekly 2025-03-14\n\n## Projects\n\n- Ledger Sync: at risk, target moved to 4/30\n",
            ),
        ]
    )
    a, b = (r.source for r in sorted(views.reports(ledger), key=lambda r: r.date))
    first = views.changes(ledger, a, b)
    found = [(s.project, s.kind) for s in first.slipped]
    assert ("Ledger Sync", "date_moved") in found
    first.slipped = []
    assert [(s.project, s.kind) for s in views.changes(ledger, a, b).slipped] == found
