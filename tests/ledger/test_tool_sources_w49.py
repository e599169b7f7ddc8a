"""Reports kept as some tool's output, each with a trap of its own: a Typst source (its only day the
template's `datetime(…)`, its tables calls of content blocks, a struck old target), a CMS article
dated by hAtom's `<abbr class="published">` or by a meta line of classed spans run together, a
government letter's space-aligned annexure (a header in two lines, parts split by bands, a `TDC`
column), a blog template's bold state line under each project's heading, a board's `Cond.` column
and a weather legend's signs. Written from wave 49; the texts are this test's own."""

from __future__ import annotations

from datetime import date

from index.html import read_html
from index.ledger import views
from index.ledger.signals import find_statuses
from index.tables_aligned import read_aligned_tables
from index.typst import looks_like_typst, read_typst

from .conftest import Series, WriteReport

_TYPST = """\
// 周报源文件（模板在 ../tpl）
#import "../tpl/weekly.typ": *
#show: weekly.with(
  team: "热网数字化",
  issue: {n},
  day: datetime(year: 2024, month: {month}, day: {day}),
)

= 一、重点工作

#table(
  columns: 4,
  table.header[*序号*][*工作项*][*状态*][*计划完成*],
  [1], [换热站接入], lamp[{state}], [{target}],
  // [2], [旧的一行], lamp[正常], [10月1日],
  [3], [管网GIS], lamp[正常], [12月31日],
)

+ 第一件事~完成；
+ *重点*：下周评审（10.08--10.12）。

#sign()
"""


def test_a_typst_source_reads_as_markdown_dated_by_its_template(series: Series) -> None:
    first = _TYPST.format(n=14, month=10, day=12, state="正常", target="11月10日")
    raw = first.splitlines()
    assert looks_like_typst(raw)
    lines = read_typst(raw)
    texts = dict((text, number) for number, text in lines)
    assert texts["Date: 2024-10-12"] == 6  # the template's day, on its own source line
    assert texts["# 一、重点工作"] == 9
    # the table's header over its delimiter, each row under its first cell's line; the commented
    # row gone; a status call shows its word
    assert texts["| 序号 | 工作项 | 状态 | 计划完成 |"] == 13
    assert texts["| 1 | 换热站接入 | 正常 | 11月10日 |"] == 14
    assert texts["| 3 | 管网GIS | 正常 | 12月31日 |"] == 16
    assert not any("旧的一行" in text for text in texts)
    assert texts["1. 第一件事 完成；"] == 19 and texts["2. **重点**：下周评审（10.08–10.12）。"] == 20
    assert not any("sign" in text or "import" in text for text in texts)
    ledger = series(
        [
            ("zb14.typ.txt", first),
            ("zb15.typ.txt", _TYPST.format(n=15, month=10, day=18, state="延期", target="#strike[11月10日] 11月30日")),
        ]
    )  # fmt: skip
    slips = {(s.project, s.kind, s.from_, s.to) for s in views.slips(ledger)}
    assert ("换热站接入", "date_moved", "2024-11-10", "2024-11-30") in slips
    assert ("换热站接入", "status_downgrade", "正常", "延期") in slips


def test_a_typ_file_is_read_as_typst(write_report: WriteReport) -> None:
    report = write_report("zb14.typ", _TYPST.format(n=14, month=10, day=12, state="正常", target="11月10日"))
    assert report.date == date(2024, 10, 12)
    assert [s.title for s in report.sections][:1] == ["一、重点工作"]


def test_a_markdown_or_shell_text_is_no_typst() -> None:
    assert not looks_like_typst(
        ["# Weekly", "", "#import is not a Markdown heading", "= not a heading either"]
    )
    assert not looks_like_typst(["#!/bin/sh", "set -e", "echo done"])


_SPIP = """\
<html><head><title>Point hebdo n°{n}</title></head><body>
<h1 class="entry-title">Point hebdo n°{n}</h1>
<p class="info-publi"><abbr class="published" title="{stamp}">vendredi {day} juin 2025</abbr></p>
<p>Suivi la semaine.</p>
</body></html>
"""

_CMS_META = """\
<html><head><title>建设周报（第{n}期）</title></head><body>
<h1>建设周报（第{n}期）</h1>
<p class="metas"><span class="publisher">发布者：中心</span><span class="update">发布时间：{day}</span><span class="views">浏览次数：<span class="count">312</span></span></p>
<p>本周平台运行平稳。</p>
</body></html>
"""


def test_a_cms_article_is_dated_by_its_publish_stamp(write_report: WriteReport) -> None:
    spip = write_report("article208.html", _SPIP.format(n=14, stamp="2025-06-20T14:05:31Z", day=20))
    assert spip.date == date(2025, 6, 20)
    cms = write_report("周报（第21期）.html", _CMS_META.format(n=21, day="2025-03-07"))
    assert cms.date == date(2025, 3, 7)
    # the fields of the meta line stand apart; words a span splits in a sentence do not
    lines, _ = read_html(_CMS_META.format(n=21, day="2025-03-07"))
    assert "发布者：中心 发布时间：2025-03-07 浏览次数：312" in [text for _, text in lines]
    lines, _ = read_html('<p><span class="a">本周</span><span class="b">完成</span>三项</p>')
    assert "本周完成三项" in [text for _, text in lines]


_LETTER = """\
Annexure-A
           Station-wise position of works (as on {asof})

PART-A : WORKS IN PROGRESS
S.  Station (Code)            Routes  Phy.      TDC          Status            Remarks
No.                                   progress
1   Sonagiri Jn. (SNGJ)       168     79%       {sngj}   {state}    FAT on 27.02.2025.
2   Pipariya Kalan (PPKN)     32      82%       15.03.2025   On Schedule       CRS inspection on 20.02.2025.

PART-B : COMMISSIONED DURING 2024-25
1   Rajpura (RJP)             18      100%      30.11.2024   Commissioned      Commissioned on 23.11.2024.
2   Kaliyapur (KYP)           24      100%      15.02.2025   Commissioned      Commissioned on 12.02.2025.
"""


def test_an_annexure_table_with_a_two_line_header_and_parts(series: Series) -> None:
    text = _LETTER.format(asof="15.02.2025", sngj="31.03.2025", state="On Schedule    ")
    tables = read_aligned_tables(list(enumerate(text.splitlines(), start=1)))
    assert tables[0].header == [
        "S. No.", "Station (Code)", "Routes", "Phy. progress", "TDC", "Status", "Remarks",
    ]  # fmt: skip
    # the band starts the next part under the same header; its rows are no rows of the first
    assert [[row.cells[1] for row in t.rows] for t in tables] == [
        ["Sonagiri Jn. (SNGJ)", "Pipariya Kalan (PPKN)"],
        ["Rajpura (RJP)", "Kaliyapur (KYP)"],
    ]
    ledger = series(
        [
            ("2025-02-17.txt", f"Weekly progress, week ending 15.02.2025\n\n{text}"),
            (
                "2025-02-24.txt",
                "Weekly progress, week ending 22.02.2025\n\n"
                + _LETTER.format(asof="22.02.2025", sngj="30.04.2025", state="Likely to slip "),
            ),
        ]
    )
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("Sonagiri Jn. (SNGJ)", "date_moved") in slips  # the TDC column is the target
    assert ("Sonagiri Jn. (SNGJ)", "status_downgrade") in slips
    assert not any(s.project.startswith("PART") for s in views.slips(ledger))


_NOTES = """\
Title: Team notes #{n}
Date: {day}

## Workstreams

### East Wards node rollout

**{state}** · target **31 Mar** · {nodes}/40 nodes live

Permits are the blocker this week.
"""


def test_a_bold_state_under_a_projects_heading_is_its_status(series: Series) -> None:
    assert [s.value for s in find_statuses("**Amber** · target **31 Mar** · 22/40 nodes live")] == ["at_risk"]
    ledger = series(
        [
            ("2025-02-28-notes-28.md", _NOTES.format(n=28, day="2025-02-28", state="Green", nodes=14)),
            ("2025-03-07-notes-29.md", _NOTES.format(n=29, day="2025-03-07", state="Amber", nodes=19)),
        ]
    )
    slips = {(s.project, s.kind, s.from_, s.to) for s in views.slips(ledger)}
    assert ("East Wards node rollout", "status_downgrade", "Green", "Amber") in slips
    assert not any(s.project in ("Green", "Amber") for s in views.slips(ledger))


_BOARD = """\
# ACLSS weekly status - {day}

{legend}

| Workstream | Cond. | Where we are | Target |
| --- | --- | --- | --- |
| TideView 8 upgrade | {cond} | FAT done | Cutover Tue Apr 16 |
"""

_WEATHER = """\
# Point hebdo n°{n} — {day}

## Météo des chantiers [1]

| Chantier | Météo | Avancement | Échéance |
| --- | --- | --- | --- |
| Supervision cuverie | {sky} | 40% | {due} |

## Notes
[1] Météo : soleil = dans les clous ; nuageux = vigilance ; pluie = en retard ; orage = bloqué.
"""


def test_a_boards_words_and_a_weather_legend_are_statuses(series: Series) -> None:
    legend = "Cond. key: NORMAL = on track, WATCH = at risk, ALARM = off track, HOLD = paused"
    board = series(
        [
            ("2024-03-08.md", _BOARD.format(day="2024-03-08", legend=legend, cond="NORMAL")),
            ("2024-03-15.md", _BOARD.format(day="2024-03-15", legend="", cond="WATCH")),
        ]
    )
    # the `Cond.` column is the status, its words read without the legend too
    assert {(s.project, s.kind) for s in views.slips(board)} == {("TideView 8 upgrade", "status_downgrade")}


def test_a_weather_sign_before_its_legends_word_is_the_status(series: Series) -> None:
    ledger = series(
        [
            ("article211.md", _WEATHER.format(n=15, day="2025-06-27", sky="☀️ soleil", due="22/08")),
            ("article214.md", _WEATHER.format(n=16, day="2025-07-04", sky="⛅ nuageux", due="29/08")),
        ]
    )
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("Supervision cuverie", "status_downgrade") in slips
    assert ("Supervision cuverie", "date_moved") in slips  # the `Échéance` column is the target
