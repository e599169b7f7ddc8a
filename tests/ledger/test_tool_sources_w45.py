"""Reports kept as some tool's output, each with a trap of its own: a slide deck whose whole text is
Markdown inside `<script type="text/template">`, a meeting app's saved chat named by its day and
clock time, a dispatch system's E-format export (blocks of `@` headers and `#` rows, a milestone
column beside the day due), a Wikidot page's source (`+` headings, `||~` rows, a struck old
target), a tracker's table that links every name to its item, and a Chinese name asked by its
tail. Written from wave 45; the texts are this test's own."""

from __future__ import annotations

from datetime import date

from index.date_places import stem_date
from index.eformat import read_eformat
from index.html import read_html
from index.ledger import views
from index.ledger.progress import find_progress
from index.wikidot import read_wikidot
from summarizer.planning.projects import ProjectRef, link_projects

from .conftest import Series, WriteReport

_DECK = """\
<!doctype html>
<html><head><title>Ops sync #{n}</title></head>
<body><div class="reveal"><div class="slides">
<section data-markdown><script type="text/template"># Ops sync #{n}

{day}
</script></section><section data-markdown><script type="text/template">
## 项目看板

| 项目 | 状态 | 进度 | 目标 |
|---|---|---|---|
| Harbor Sync | {state} | 60% | {target} |

<aside class="notes"><p>口头补充：供应商排期未定。</p></aside>
</script></section>
</div></div></body></html>
"""


def test_a_slide_decks_markdown_is_its_text(series: Series, write_report: WriteReport) -> None:
    first = _DECK.format(n=7, day="2026-03-05", state="正常", target="3/20")
    lines, _ = read_html(first)
    texts = dict((text, number) for number, text in lines)
    assert texts["## 项目看板"] == 8  # its own source line
    assert "| Harbor Sync | 正常 | 60% | 3/20 |" in texts
    assert "口头补充：供应商排期未定。" in texts  # a speaker note's HTML read as its text
    ledger = series(
        [
            ("ops-sync-7.html", first),
            ("ops-sync-8.html", _DECK.format(n=8, day="2026-03-12", state="有风险", target="4/10")),
        ]
    )
    moves = {(s.project, s.kind, s.to) for s in views.slips(ledger)}
    assert ("Harbor Sync", "date_moved", "2026-04-10") in moves


def test_a_clock_time_after_a_day_is_no_date() -> None:
    # a saved chat's name: day, clock time with dots, then the meeting's id
    found = stem_date("2025-03-03 09.28.51 Fleet Ops Weekly 84213370592 - meeting_saved_chat")
    assert found is not None and found.value == date(2025, 3, 3)
    assert stem_date("2025-05-01 09.28.51.mp4").value == date(2025, 5, 1)  # type: ignore[union-attr]
    # a date after the day is still a date: a range's end wins as before
    assert stem_date("report 2025-03-03 2025-04-04").value == date(2025, 4, 4)  # type: ignore[union-attr]


_EFORMAT = """\
<!System=OMS Version=3.0 Code=UTF-8 Data=1.0!>
<!Entity=东区地调 type=自动化周报 time='{stamp}'!>
// 导出说明：空值以 - 表示

<ReportInfo::东区地调>
@@ 顺序 属性名 属性值
# 1 期号 第{n}期
</ReportInfo::东区地调>

<Project::东区地调>
@ id name plan_date progress status milestone remark
// 序号 项目名称 计划完成 进度 状态 关键节点 本期进展
# 1 '主站系统升级' {due} 60% {state} '出厂验收 2025-03-25' '联调中'
# 2 '备调建设' 2025-06-30 - 暂停 - -
</Project::东区地调>

<Event::东区地调>
@ id type occur_time object
// 本期无异常事件
</Event::东区地调>
"""


def test_an_eformat_export_reads_as_tables_with_the_day_due(series: Series) -> None:
    first = _EFORMAT.format(stamp="2025-03-21 17:05:33", n=10, due="2025-04-20", state="正常")
    lines = read_eformat(first.splitlines())
    texts = [text for _, text in lines]
    assert "# 东区地调 自动化周报 2025-03-21 17:05:33" in texts
    assert "| 期号 | 第10期 |" in texts  # an `@@` block: named fields as a table
    # the columns in words over the rows, the row number and quotes gone, `-` empty
    assert "| 项目名称 | 计划完成 | 进度 | 状态 | 关键节点 | 本期进展 |" in texts
    assert "| 备调建设 | 2025-06-30 |  | 暂停 |  |  |" in texts
    assert "本期无异常事件" in texts and not any("导出说明" in text for text in texts)
    # a header with no words under it still gets its delimiter row, under its own line number
    event = [pair for pair in lines if pair[1].startswith("| type")]
    assert [number for number, _ in event] == [18] and (18, "| --- | --- | --- |") in lines
    ledger = series(
        [
            ("EXP_20250321.txt", first),
            ("EXP_20250328.txt", _EFORMAT.format(stamp="2025-03-28 17:01:02", n=11, due="2025-05-10", state="有风险")),
        ]
    )  # fmt: skip
    moves = {(s.project, s.kind, s.from_, s.to) for s in views.slips(ledger) if s.kind == "date_moved"}
    # the day due moved; the milestone's day beside it (出厂验收 2025-03-25) is no target
    assert moves == {("主站系统升级", "date_moved", "2025-04-20", "2025-05-10")}


_WIKIDOT = """\
[[include :team:weekly-head
|no={n}
|term=Semester 2, week {week}
]]

[!-- drafted by the deputy --]
+ Workstreams

||~ Workstream ||~ Lead ||~ RAG ||~ Target ||
|| Beacon decoder || [[*user praman]] || [[span class="rag-a"]]A[[/span]] || {target} ||

++ Done this week

# Archive cut-over rehearsal (11/03).
"""


def test_a_wikidot_source_reads_as_markdown(series: Series) -> None:
    first = _WIKIDOT.format(n=46, week=7, target="21/03")
    lines = read_wikidot(first.splitlines())
    texts = [text for _, text in lines]
    assert texts[1:3] == ["no: 46", "term: Semester 2, week 7"]
    assert "# Workstreams" in texts and "## Done this week" in texts
    assert "| Beacon decoder | praman | A | 21/03 |" in texts
    assert "1. Archive cut-over rehearsal (11/03)." in texts  # a numbered item, no heading
    assert not any("drafted" in text for text in texts)
    moved = read_wikidot(_WIKIDOT.format(n=47, week=8, target="--21/03-- 04/04").splitlines())
    assert "| Beacon decoder | praman | A | ~~21/03~~ 04/04 |" in [text for _, text in moved]
    ledger = series(
        [
            ("team-weekly_2025-03-07.txt", first),
            ("team-weekly_2025-03-14.txt", _WIKIDOT.format(n=47, week=8, target="--21/03-- 04/04")),
        ]
    )
    moves = {(s.project, s.kind, s.to) for s in views.slips(ledger)}
    assert ("Beacon decoder", "date_moved", "2025-04-04") in moves


def test_a_tracker_tables_linked_names_are_their_text(series: Series) -> None:
    row = "| [Guided Photo Capture](https://tracker.example/epic/3255) | In Progress | {health} | {due} |"
    text = (
        "# Iteration digest {day}\n\n## Epics\n\n| Epic | State | Health | Target date |\n|---|---|---|---|\n"
        + row
    )
    ledger = series(
        [
            ("sprint-31.md", text.format(day="2025-05-23", health="🟢 On Track", due="Jun 6, 2025")),
            ("sprint-32.md", text.format(day="2025-06-06", health="🟡 At Risk", due="Jun 13, 2025")),
        ]
    )
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert slips == {("Guided Photo Capture", "date_moved"), ("Guided Photo Capture", "status_downgrade")}


def test_a_chinese_name_asked_by_its_tail_links_when_no_other_ends_so() -> None:
    projects = [ProjectRef(name="地县一体化备调建设"), ProjectRef(name="调度数据网第二平面建设")]
    assert link_projects("备调建设是不是已经逾期了？", projects) == ["地县一体化备调建设"]
    # two names ending with the words asked: neither is meant more than the other
    both = [*projects, ProjectRef(name="城区配网备调建设")]
    assert link_projects("备调建设是不是已经逾期了？", both) == []
    # the tail inside a longer word of the question (a metric's `数据采集完整率`) names no project
    assert link_projects("SCADA数据采集完整率走势如何？", [ProjectRef(name="CVD区 FDC 数据采集")]) == []


_TURNS = """\
药房项目周例会（第{n}次）
录音时间：{day} 15:05

周敏 00:00:02
开始吧。

林晓 00:00:06
门诊发药机二期，设备在装，上线目标还是4月1号，{light}。

孙蕾 00:00:40
住院摆药机项目，进度40%，合同还在审。目标还是5月15号，绿灯。

韩立新 00:01:10
追溯码采集，采集率68.5%，绿灯。

贾工 00:01:30
联调我多派一个工程师过来。
"""


def test_a_transcripts_turns_are_labelled_by_their_speaker(series: Series, write_report: WriteReport) -> None:
    first = _TURNS.format(n=9, day="2025-03-03", light="绿灯")
    report = write_report("例会20250303.txt", first)
    texts = {number: text for number, text in report.lines}
    assert texts[4] == "" and texts[5] == "周敏：开始吧。"  # the stamp line blank, the turn labelled
    ledger = series(
        [
            ("例会20250303.txt", first),
            ("例会20250310.txt", _TURNS.format(n=10, day="2025-03-10", light="我这周报黄灯")),
        ]
    )
    projects = {o.project for _, o in views.observations(ledger)}
    # a speaker is no project, a surname and a title (`贾工`) neither; the first clause of a turn is
    assert {"门诊发药机二期", "住院摆药机项目"} <= projects and not projects & {"林晓", "孙蕾", "贾工"}
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("门诊发药机二期", "status_downgrade") in slips  # 绿灯 said alone, then 黄灯


def test_units_counted_by_their_state_are_progress_not_a_day() -> None:
    found = find_progress("FR-1 — 11/12 in service; unit 12 needs a new board", False)
    assert [span.value for span in found] == [92]
