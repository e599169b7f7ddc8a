"""The layout checklist: one small two-week series per way writers lay out a list of projects.

Each layout tells the same news: in the second week Search relaunch's target moves from 1 July
to 15 July and turns at risk, Mobile wallet launches, Billing revamp holds. A layout the parser
does not read zeroes a whole series (a bullet glyph, a table without a delimiter row, a date in
full-width digits); the checklist was written from layouts real tools and writers produce, not
from one series, so each case below is a shape the ledger has to read wherever it appears.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from index.ledger import views
from index.ledger.extract import extract_facts

from .conftest import Series, WriteReport

Row = tuple[str, int, str, str]  # name, progress, target (ISO day), status
WEEK1: list[Row] = [
    ("Billing revamp", 50, "2025-06-30", "on track"),
    ("Search relaunch", 35, "2025-07-01", "on track"),
    ("Mobile wallet", 90, "2025-06-11", "on track"),
]
WEEK2: list[Row] = [
    ("Billing revamp", 60, "2025-06-30", "on track"),
    ("Search relaunch", 40, "2025-07-15", "at risk"),
    ("Mobile wallet", 100, "2025-06-11", "launched"),
]
_MONTHS = {"06": "June", "07": "July"}


def _words(day: str) -> str:
    return f"{int(day[8:])} {_MONTHS[day[5:7]]}"


def _sentence(row: Row) -> str:
    _, progress, target, status = row
    if status == "launched":
        return f"launched on {_words(target)}"
    return f"{progress}% done, target {_words(target)}, {status}"


def _lines(marker: Callable[[int], str], sep: str = ": ") -> Callable[[str, list[Row]], str]:
    def render(day: str, rows: list[Row]) -> str:
        body = "\n".join(f"{marker(i)}{r[0]}{sep}{_sentence(r)}" for i, r in enumerate(rows))
        return f"# Weekly status {day}\n\n## Projects\n{body}\n"

    return render


def _grid(day: str, rows: list[Row]) -> str:
    rule = "+-----------------+-----------+----------+------------+"
    head = "| Project         | Status    | Progress | Target     |"
    body = [f"| {r[0]:<15} | {r[3]:<9} | {str(r[1]) + '%':<8} | {r[2]} |\n{rule}" for r in rows]
    return f"Weekly status {day}\n\n{rule}\n{head}\n{rule.replace('-', '=')}\n" + "\n".join(body) + "\n"


def _box(day: str, rows: list[Row]) -> str:
    body = "\n".join(f"│ {r[0]:<15} │ {r[3]:<9} │ {str(r[1]) + '%':<8} │ {r[2]} │" for r in rows)
    return (
        f"Weekly status {day}\n\n"
        "┌─────────────────┬───────────┬──────────┬────────────┐\n"
        "│ Project         │ Status    │ Progress │ Target     │\n"
        "├─────────────────┼───────────┼──────────┼────────────┤\n"
        f"{body}\n"
        "└─────────────────┴───────────┴──────────┴────────────┘\n"
    )


def _csv(day: str, rows: list[Row]) -> str:
    body = "\n".join(f"{r[0]},{r[3].capitalize()},{r[1]}%,{r[2]}" for r in rows)
    return f"Weekly status {day}\n\nProject,Status,Progress,Target\n{body}\n"


def _underlined(day: str, rows: list[Row]) -> str:
    blocks = "\n".join(
        f"{r[0]}\n{'~' * len(r[0])}\n{_sentence(r)[0].upper()}{_sentence(r)[1:]}.\n" for r in rows
    )
    title = f"Weekly status {day}"
    return f"{title}\n{'=' * len(title)}\n\nProjects\n--------\n\n{blocks}"


def _definition_list(day: str, rows: list[Row]) -> str:
    items = "".join(f"<dt>{r[0]}</dt><dd>{_sentence(r)}</dd>\n" for r in rows)
    return (
        f"<html><head><title>Weekly status {day}</title></head><body>\n"
        f"<h1>Weekly status {day}</h1>\n<h2>Projects</h2>\n<dl>\n{items}</dl>\n</body></html>\n"
    )


def _word_table(day: str, rows: list[Row]) -> str:
    """A word processor's HTML export: every cell's text in its own <p>, end tags left out."""
    cells = "".join(
        f"<tr><td><p class=MsoNormal><span>{r[0]}</span></p><td><p>{r[3]}</p><td><p>{r[1]}%</p>"
        f"<td><p>{r[2]}</p></tr>\n"
        for r in rows
    )
    head = "<tr><td><p><b>Project</b></p></td><td><p><b>Status</b></p></td><td><p><b>Progress</b></p></td><td><p><b>Target</b></p></td></tr>"
    return (
        f"<html><head><title>Weekly status {day}</title></head><body>\n<h1>Weekly status {day}</h1>\n"
        f"<h2>Projects</h2>\n<table>\n{head}\n{cells}</table>\n<p>Notes follow.</p>\n</body></html>\n"
    )


_ZH_STATUS = {"on track": "正常", "at risk": "有风险"}


def _zh(marker: Callable[[int], str], wide: bool = False) -> Callable[[str, list[Row]], str]:
    names = {"Billing revamp": "账单重构", "Search relaunch": "搜索改版", "Mobile wallet": "移动钱包"}

    def render(day: str, rows: list[Row]) -> str:
        lines = []
        for i, (name, progress, target, status) in enumerate(rows):
            month, dom = int(target[5:7]), int(target[8:])
            if status == "launched":
                news = f"已于{month}月{dom}日上线"
            else:
                news = f"进度{progress}%，计划{month}月{dom}日上线，{_ZH_STATUS[status]}"
            lines.append(f"{marker(i)}{names[name]}：{news}" if marker(i) else f"[{names[name]}] {news}")
        text = (
            f"周报 {day[:4]}年{int(day[5:7])}月{int(day[8:])}日\n\n【重点项目】\n" + "\n".join(lines) + "\n"
        )
        return (
            text.translate({c: c + 0xFEE0 for c in range(ord("0"), ord("9") + 1)} | {ord("%"): "％"})
            if wide
            else text
        )

    return render


_GLYPHS = {"on track": "🟢", "at risk": "⚠️", "launched": "🚀"}


def _glyph_after_name(day: str, rows: list[Row]) -> str:
    body = "\n".join(f"- {r[0]} {_GLYPHS[r[3]]} {_sentence(r)}" for r in rows)
    return f"# Weekly status {day}\n\n## Projects\n{body}\n"


LAYOUTS: dict[str, Callable[[str, list[Row]], str]] = {
    "status glyph after the name": _glyph_after_name,
    "dash bullets": _lines(lambda i: "- "),
    "circled numbers": _lines(lambda i: "①②③"[i] + " "),
    "letters": _lines(lambda i: "abc"[i] + ") "),
    "roman numerals": _lines(lambda i: f"({'i' * (i + 1)}) "),
    "task list": _lines(lambda i: "- [ ] "),
    "name, dash, news": _lines(lambda i: "", " — "),
    "name, colon, news": _lines(lambda i: ""),
    "grid table": _grid,
    "box-drawing table": _box,
    "CSV pasted as text": _csv,
    "underlined headings": _underlined,
    "HTML definition list": _definition_list,
    "HTML table with a paragraph in each cell": _word_table,
    "Chinese bracket leads": _zh(lambda i: ""),
    "full-width digits": _zh(lambda i: f"{i + 1}．", wide=True),
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_layout_reads_a_moved_target_and_a_launch(layout: str, series: Series) -> None:
    render = LAYOUTS[layout]
    ext = (
        ".html"
        if "HTML" in layout
        else (".txt" if render(WEEK1[0][2], WEEK1).startswith(("W", "周")) else ".md")
    )
    ledger = series([(f"w1{ext}", render("2025-06-06", WEEK1)), (f"w2{ext}", render("2025-06-13", WEEK2))])
    moved = [s for s in views.slips(ledger) if s.kind == "date_moved"]
    assert [(s.project, s.from_, s.to, s.week) for s in moved] in (
        [("Search relaunch", "2025-07-01", "2025-07-15", "2025-W24")],
        [("搜索改版", "2025-07-01", "2025-07-15", "2025-W24")],
    )
    assert {s.project for s in views.slips(ledger)} <= {"Search relaunch", "搜索改版"}
    assert {(x.project, x.week) for x in views.launches(ledger)} & {
        ("Mobile wallet", "2025-W24"),
        ("移动钱包", "2025-W24"),
    }


def test_lines_led_alike_are_a_list_only_when_they_name_projects(
    series: Series, write_report: WriteReport
) -> None:
    """A header block (`日期：`, `From:`) and a meeting's minutes (`16:04 — …`) are led like a list and
    name no project; a lone sentence with a dash ("Good week on the frame – …") is prose."""

    def report(day: str, target: str) -> str:
        return (
            f"项目周报 {day}\n发件人：王芳\n收件人：全体成员\n抄送：李总\n日期：{day}\n主题：项目周报\n"
            "Period covered: Jun 2 – Jun 6, 2025\nDate 日期: 06.06.2025\n\n"
            "16:04 — Ana opened the call, on schedule for 2025-06-30\n"
            "16:05 — Ben reviewed the notes, due 2025-06-30\n\n"
            "Good week on the frame – the crane is back, next lift 2025-06-20.\n\n"
            f"账单重构：进度六成，计划{target}上线\n搜索改版：进度四成，计划7月1日上线\n"
        )

    observed = {
        o.project for o in extract_facts(write_report("w0.txt", report("2025-05-30", "6月30日"))).observations
    }
    assert observed == {"账单重构", "搜索改版"}
    ledger = series([("w1.txt", report("2025-06-06", "6月30日")), ("w2.txt", report("2025-06-13", "7月4日"))])
    names = {p.name for p in views.projects(ledger)}
    assert {"账单重构", "搜索改版"} <= names
    assert not names & {"发件人", "日期", "主题", "16:04", "16:05", "Good week on the frame"}
    assert [(s.project, s.kind) for s in views.slips(ledger)] == [("账单重构", "date_moved")]


def _email(day: str, rows: list[Row]) -> str:
    sentences = "\n".join(f"{r[0]} is {_sentence(r)}." for r in rows)
    return f"Subject: Weekly status {day}\n\nHi all, this week's news.\n\n{sentences}\n\nThanks,\nAna\n"


def test_an_email_reads_each_sentence_subject_and_not_the_message_it_quotes(
    series: Series, write_report: WriteReport
) -> None:
    """Sentence by sentence, each project its own line's subject; a reply's quote of last week's
    message ("On Fri, 6 Jun 2025, Ana wrote:" and the `>` lines) is last week's news, not this week's."""
    quoted = "\n".join(f"> {line}" for line in _email("2025-06-06", WEEK1).splitlines())
    week2 = f"{_email('2025-06-13', WEEK2)}\nOn Fri, 6 Jun 2025 at 17:02, Ana wrote:\n{quoted}\n"
    observed = extract_facts(write_report("w0.txt", week2)).observations
    assert sorted((o.project, o.progress) for o in observed if o.progress is not None) == [
        ("Billing revamp", 60),
        ("Search relaunch", 40),
    ]
    ledger = series([("w1.txt", _email("2025-06-06", WEEK1)), ("w2.txt", week2)])
    moved = [(s.project, s.from_, s.to) for s in views.slips(ledger) if s.kind == "date_moved"]
    assert moved == [("Search relaunch", "2025-07-01", "2025-07-15")]


def _plain_email_records(day: str, rows: list[Row]) -> str:
    """A programme office's plain-text e-mail: a header block over a rule, numbered sections in
    capitals, each project a `[n]` record whose fields line up in columns."""
    records = "\n\n".join(
        f"[{i + 1}] {r[0]} - the {r[0].split()[0].lower()} workstream\n"
        f"    Lead: A. Person (IT)                 Status: {r[3].upper()}\n"
        f"    Phase: build - {r[1]}% complete\n"
        f"    Go-live: {_words(r[2])} 2025"
        for i, r in enumerate(rows)
    )
    return (
        f"Subject: Programme weekly update - w/e {_words(day)} 2025\n\n"
        "From: Programme Office\nClassification: Internal - do not forward\n" + "=" * 60 + "\n\n"
        "1. HEADLINES\n * A calm week.\n\n2. PROJECT STATUS\n" + "-" * 60 + f"\n{records}\n\n"
        "3. GxP SYSTEM EVENTS\n None this week.\n"
    )


def test_a_plain_text_email_of_numbered_capital_sections_and_field_records(series: Series) -> None:
    ledger = series(
        [
            ("w1.txt", _plain_email_records("2025-06-06", WEEK1)),
            ("w2.txt", _plain_email_records("2025-06-13", WEEK2)),
        ]
    )
    moved = [(s.project, s.from_, s.to) for s in views.slips(ledger) if s.kind == "date_moved"]
    assert moved == [("Search relaunch", "2025-07-01", "2025-07-15")]
    names = {p.name for p in views.projects(ledger)}
    assert {"Billing revamp", "Search relaunch", "Mobile wallet"} <= names
    assert not any("GxP" in name or "Classification" in name or "HEADLINES" in name for name in names)


def _textile(day: str, rows: list[Row]) -> str:
    """A Redmine wiki page: Textile headings, a `{{>toc}}` macro, a saved query's table with `|_.`
    header cells and an id column, a `#` numbered list."""
    body = "\n".join(
        f"| #{4800 + i} | {r[0]} | Dana | {r[3].title()} | {r[1]}% | {r[2]} |" for i, r in enumerate(rows)
    )
    return (
        f"{{{{>toc}}}}\n\nh1. Weekly status — w/e {_words(day)} 2025\n\nh2. Tracked work\n\n"
        f"|_. # |_. Subject |_. Assignee |_. Status |_. % Done |_. Due date |\n{body}\n\n"
        "h2. Asks\n\n# *Ask:* sign the licence.\n"
    )


def test_a_textile_wiki_page(series: Series) -> None:
    ledger = series([("w1.txt", _textile("2025-06-06", WEEK1)), ("w2.txt", _textile("2025-06-13", WEEK2))])
    moved = [(s.project, s.from_, s.to) for s in views.slips(ledger) if s.kind == "date_moved"]
    assert moved == [("Search relaunch", "2025-07-01", "2025-07-15")]
    names = {p.name for p in views.projects(ledger)}
    assert "Billing revamp" in names and not any("toc" in n or "Ask" in n for n in names)


_ORG_KEYWORD = {"on track": "WIP", "at risk": "WIP", "launched": "DONE"}


def _org(day: str, rows: list[Row]) -> str:
    """An Emacs org-mode file: `#+` keywords for title and date, `**` headings carrying a TODO
    keyword, a priority, a checklist cookie and tags around the name, a DEADLINE line."""
    blocks = "\n".join(
        f"** {_ORG_KEYWORD[r[3]]} [#A] {r[0]} [{r[1] // 10}/10]{' ' * 8}:team:\n"
        f"   DEADLINE: <{r[2]}>\n   status: {r[3]}\n"
        for r in rows
    )
    return (
        f"#+TITLE: Weekly status\n#+DATE: <{day}>\n#+TODO: TODO WIP | DONE\n\n"
        f"* Summary\n- A steady week.\n\n* Workstreams\n{blocks}"
    )


def test_an_org_mode_file(series: Series) -> None:
    """Headings are stars, not `#`; the keyword lines are metadata (no project named `+DATE`);
    the cookie `[6/10]` is the project's progress and `DONE` its state."""
    ledger = series([("w1.txt", _org("2025-06-06", WEEK1)), ("w2.txt", _org("2025-06-13", WEEK2))])
    moved = [(s.project, s.from_, s.to) for s in views.slips(ledger) if s.kind == "date_moved"]
    assert moved == [("Search relaunch", "2025-07-01", "2025-07-15")]
    assert {p.name for p in views.projects(ledger)} == {"Billing revamp", "Search relaunch", "Mobile wallet"}
    billing = views.timeline(ledger, "Billing revamp")
    assert [o.progress for o in billing.observations] == [50, 60]
    assert [(x.project, x.week) for x in views.launches(ledger)] == [("Mobile wallet", "2025-W24")]


def _numbered_zh_table(day: str, rows: list[Row]) -> str:
    """A Word table whose first column counts the rows and whose name column is `工作事项`."""
    names = {"Billing revamp": "账单重构", "Search relaunch": "搜索改版", "Mobile wallet": "移动钱包"}
    status = {"on track": "正常", "at risk": "滞后", "launched": "已上线"}
    body = "\n".join(
        f"| {i + 1} | {names[r[0]]} | 本周推进中 | {r[1]}% | {int(r[2][5:7])}月{int(r[2][8:])}日 | {status[r[3]]} |"
        for i, r in enumerate(rows)
    )
    return (
        f"# 工作周报 {day}\n\n## 一、重点工作进展\n\n| 序号 | 工作事项 | 本周进展 | 完成进度 | 计划完成时间 | 状态 |\n"
        f"| --- | --- | --- | --- | --- | --- |\n{body}\n"
    )


def test_a_table_whose_first_column_counts_rows(series: Series) -> None:
    ledger = series(
        [
            ("w1.md", _numbered_zh_table("2025-06-06", WEEK1)),
            ("w2.md", _numbered_zh_table("2025-06-13", WEEK2)),
        ]
    )
    moved = [(s.project, s.from_, s.to) for s in views.slips(ledger) if s.kind == "date_moved"]
    assert moved == [("搜索改版", "2025-07-01", "2025-07-15")]
    assert {p.name for p in views.projects(ledger)} == {"账单重构", "搜索改版", "移动钱包"}


@pytest.mark.parametrize(
    ("heading", "name", "status", "progress"),
    [
        ("### Torque driver (blocked)", "Torque driver", "blocked", None),
        ("### Regen map [2/4]", "Regen map", None, 50),
        ("### Payments SDK (on hold)", "Payments SDK", "paused", None),
        ("### Vault v2 (TS-40 rev B)", "Vault v2 (TS-40 rev B)", None, None),
    ],
)
def test_a_heading_s_trailing_state_is_not_its_name(
    heading: str, name: str, status: str | None, progress: int | None, write_report: WriteReport
) -> None:
    report = write_report("w1.md", f"# Weekly 2025-06-06\n\n## Projects\n\n{heading}\nTarget: 2025-07-01\n")
    found = [(o.project, o.status, o.progress) for o in extract_facts(report).observations]
    assert found == [(name, status, progress)]


_RAG = {"on track": "G", "at risk": "Y", "launched": "done"}


def _ampel(day: str, rows: list[Row]) -> str:
    """A plain-text status mail: sections numbered at the margin over indented bodies, a legend
    line, and a table whose headers are bilingual and whose status is one traffic-light letter."""
    body = "\n".join(
        f" {i + 1}  | {r[0]:<16} | Dana  |   {_RAG[r[3]]}   | {r[2][8:]}.{r[2][5:7]}.2025 | "
        f"{'live since ' + r[2][8:] + '.' + r[2][5:7] + '.' if r[3] == 'launched' else str(r[1]) + '%'}"
        for i, r in enumerate(rows)
    )
    return (
        f"Weekly Status Report / 项目周报\nDate 日期: {day[8:]}.{day[5:7]}.{day[:4]}\n{'=' * 40}\n\n"
        "1. Summary / 本周概况\n - Nothing unusual.\n\n"
        "2. Project Overview / 项目总览\n   Ampel: G = on track 正常 | Y = at risk 有风险 | R = blocked 受阻\n\n"
        f" No | Project 项目       | Owner | Ampel | Target 目标 | Comment 备注\n"
        f" ---+------------------+-------+-------+-------------------+------\n{body}\n\n"
        "3. Next Week / 下周计划\n - Keep going.\n"
    )


def test_a_plain_text_mail_with_numbered_sections_and_a_traffic_light_table(series: Series) -> None:
    ledger = series([("w1.txt", _ampel("2025-06-06", WEEK1)), ("w2.txt", _ampel("2025-06-13", WEEK2))])
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert slips == {("Search relaunch", "date_moved"), ("Search relaunch", "status_downgrade")}
    names = {p.name for p in views.projects(ledger)}
    assert names == {"Billing revamp", "Search relaunch", "Mobile wallet"}, names  # no `Ampel` legend


def test_a_traffic_light_letter_after_a_bullet_s_name_is_its_status(write_report: WriteReport) -> None:
    report = write_report(
        "w1.md",
        "# Weekly 2025-06-06\n\n## Projects\n- EDU-3 (Y) – design review moved, SOP at risk\n"
        "- Trace 2.0 (G) – UAT round 1 done\n- Option (A) and (B) were discussed\n",
    )
    found = {o.project: o.status for o in extract_facts(report).observations}
    assert found.get("EDU-3") == "at_risk" and found.get("Trace 2.0") == "on_track"
    assert not any(name.startswith("Option") and status for name, status in found.items())


def test_a_supervision_sheet_s_numbered_brackets_and_its_fields(write_report: WriteReport) -> None:
    """`【1】Name（督办号）` over `节点目标：…` and `亮灯：绿灯` lines (an SOE's 周调度): each bracket
    number opens a project whose milestone target and light are its target and status."""
    report = write_report(
        "w.txt",
        "信息技术中心\n重点工作周调度\n2025年3月14日\n\n二、重点任务推进情况\n\n【1】财务共享中心二期建设（集团督办DB-2025-03）\n"
        "　　责任处室：应用开发一处\n　　节点目标：6月30日全面上线\n　　本周进展：开发完成约70%。\n　　亮灯：绿灯\n\n"
        "【2】视频会议系统升级改造（暂停）\n　　本周进展：集团拟统一建设，本项目暂停实施。\n　　亮灯：暂停\n",
    )
    found = {o.project: (o.status, o.progress, str(o.target)) for o in extract_facts(report).observations}
    assert found["财务共享中心二期建设(集团督办DB-2025-03)"] == ("on_track", 70, "2025-06-30")
    assert found["视频会议系统升级改造"][0] == "paused"


def test_a_status_word_closing_a_numbered_name_is_its_status(write_report: WriteReport) -> None:
    report = write_report(
        "w.md",
        "# 周报 2025.3.28\n\n## 【产品研发】\n\n1. 连锁版（阿凯）有风险\n   - 进度 65%\n2. 病历模板2.0（小雨）正常\n   - 进度 45%\n",
    )
    found = {o.project: (o.status, o.progress) for o in extract_facts(report).observations}
    assert found == {"连锁版(阿凯)": ("at_risk", 65), "病历模板2.0(小雨)": ("on_track", 45)}


def test_a_sitrep_s_outline_numbered_schemes_and_their_target_lines(write_report: WriteReport) -> None:
    """`5.1 Name – GREEN` over an indented `Target back in service 28/02.` (a utility's plain-text
    sitrep): the outline number opens an item, the target line gives its day."""
    report = write_report(
        "sitrep.txt",
        "Subject: weekly sitrep\nSent: 17 January 2025 16:42\n\n5. SCHEMES & WORKSTREAMS\n"
        "5.1 Kelbrook valve replacement – GREEN\n    Target back in service 28/02. Crews mobilised Mon 13/01.\n"
        "5.2 Fellgate Rd mains renewal – GREEN\n    Target end P12 (28/02). 140m laid.\n"
        "5.3 Carr Hill booster upgrade – AMBER\n    Target 31/03. Access agreement not signed.\n",
    )
    found = {o.project: str(o.target) for o in extract_facts(report).observations}
    assert found == {
        "Kelbrook valve replacement": "2025-02-28",
        "Fellgate Rd mains renewal": "2025-02-28",
        "Carr Hill booster upgrade": "2025-03-31",
    }
