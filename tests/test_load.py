"""Decoding and normalisation edge cases: every one must keep original line numbers."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from index.errors import InputError
from index.load import load_document
from index.walk import iter_report_files

ZH = "# 第3周 2025-01-17\n\n- 【账务】进度40%\n"


@pytest.mark.parametrize(
    ("name", "payload", "encoding"),
    [
        ("utf8.md", ZH.encode("utf-8"), "utf-8"),
        ("bom.md", codecs.BOM_UTF8 + ZH.encode("utf-8"), "utf-8-sig"),
        ("gbk.md", ZH.encode("gbk"), "gb18030"),
        ("gb18030.md", (ZH + "𠮷\n").encode("gb18030"), "gb18030"),
        ("utf16le.md", codecs.BOM_UTF16_LE + ZH.encode("utf-16-le"), "utf-16"),
        ("utf16be.md", codecs.BOM_UTF16_BE + ZH.encode("utf-16-be"), "utf-16"),
    ],
)
def test_decodes_common_encodings(tmp_path: Path, name: str, payload: bytes, encoding: str) -> None:
    path = tmp_path / name
    path.write_bytes(payload)
    doc = load_document(path)
    assert doc.encoding == encoding
    assert doc.lines[0].text == "# 第3周 2025-01-17"
    assert doc.lines[2] == type(doc.lines[2])(3, "- 【账务】进度40%")


def test_crlf_cr_and_tabs_keep_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "mixed.md"
    path.write_bytes("# W 2025-01-17\r\n\r\n-\titem\r\tchild\u3000x\n".encode())
    doc = load_document(path)
    assert [line.number for line in doc.lines] == [1, 2, 3, 4, 5]
    assert doc.lines[2].text == "-   item"
    assert doc.lines[3].text == "    child x"


@pytest.mark.parametrize(
    ("name", "payload", "reason"),
    [
        ("empty.md", b"", "empty"),
        ("blank.md", b"\n \n\t\n", "empty"),
        ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("latin.txt", "caf\xe9 \x00".encode("latin-1"), "binary"),
        ("report.pdf", b"%PDF-1.7", "unsupported file type"),
    ],
)
def test_refuses_bad_files_with_reason(tmp_path: Path, name: str, payload: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(payload)
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert reason in caught.value.reason
    assert name in str(caught.value)


def test_refuses_oversized_file(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    path.write_text("# 2025-01-17\n" + "x" * 2048, encoding="utf-8")
    with pytest.raises(InputError, match="over the"):
        load_document(path, max_bytes=1024)


def test_html_export_maps_blocks_to_source_lines(tmp_path: Path) -> None:
    path = tmp_path / "notion.html"
    path.write_text(
        "<html><head><title>t</title></head><body>\n"
        "<h1>第5周 2025-01-31</h1>\n"
        "<h2>【重点工作】</h2>\n"
        "<ul>\n<li>支付网关：进度60%</li>\n<li>对账：预计2/14上线</li>\n</ul>\n"
        "</body></html>\n",
        encoding="utf-8",
    )
    doc = load_document(path)
    texts = {line.text: line.number for line in doc.lines}
    assert texts["# 第5周 2025-01-31"] == 2
    assert texts["## 【重点工作】"] == 3
    assert texts["- 支付网关：进度60%"] == 5
    assert texts["- 对账：预计2/14上线"] == 6


def test_html_pre_wrap_block_keeps_the_lines_it_was_typed_in(tmp_path: Path) -> None:
    """A mail's typed message in `<div style="white-space:pre-wrap">` (Outlook, Smartsheet's "sent
    you rows", w23-b) was one run-on line: its headings and bullets were lost to the parser."""
    path = tmp_path / "mail.html"
    path.write_text(
        "<html><body>\n<div>Message:</div>\n"
        '<div style="white-space:pre-wrap">Hi all.\n\nHEADLINES\n- App 6.0 on track for 04/01.\n'
        "- RDC config done.</div>\n<div>Next   block</div>\n</body></html>\n",
        encoding="utf-8",
    )
    texts = {line.text: line.number for line in load_document(path).lines}
    assert texts["### HEADLINES"] == 5
    assert texts["- App 6.0 on track for 04/01."] == 6 and texts["- RDC config done."] == 7
    assert texts["Next block"] == 8  # the styled block ended with its own end tag


def test_a_typed_messages_capitals_are_its_sections_and_end_with_it(tmp_path: Path) -> None:
    """`KPIs (Tableau, week ending 03/06)` in a mail's typed message is a section (its bullets are
    metrics), and the message's last section (`NEXT WEEK`) does not swallow the sheet after it."""
    path = tmp_path / "rows.html"
    path.write_text(
        "<html><head><title>Ops Tracker</title></head><body>\n"
        '<div style="white-space:pre-wrap">Hi all.\nKPIs (Tableau, week ending 03/06)\n- Logins: 99.2%\n'
        "NEXT WEEK\n- UAT review Wed.\nOK\n</div>\n<table><tr><td>Project</td><td>Health</td></tr>\n"
        "<tr><td>App 6.0</td><td>Green</td></tr></table>\n</body></html>\n",
        encoding="utf-8",
    )
    texts = [line.text for line in load_document(path).lines]
    assert "### KPIs (Tableau, week ending 03/06)" in texts and "### NEXT WEEK" in texts
    assert "OK" in texts  # two capitals are a word, not a section
    assert texts.index("## Ops Tracker") < texts.index("| App 6.0 | Green")


def test_iter_report_files_recurses_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "a" / ".git").mkdir(parents=True)
    (tmp_path / "a" / "x.md").write_text("x")
    (tmp_path / "a" / ".git" / "y.md").write_text("y")
    (tmp_path / "a" / "image.png").write_bytes(b"\x89PNG")
    found = list(iter_report_files([tmp_path]))
    assert found == [tmp_path / "a" / "x.md"]


def test_html_bold_that_opens_a_block_is_a_bold_lead_and_a_list_ends_its_items(tmp_path: Path) -> None:
    """`<div><strong>Name</strong> — Status: …</div>` reads as Markdown writes it (`**Name** — …`):
    the name the line is about; bold inside a sentence stays plain; the block after a list is no
    continuation of its last item (a blank line closes the list)."""
    path = tmp_path / "checkin.html"
    path.write_text(
        "<html><body>\n"
        "<div><strong>Corvida Summit</strong> — Status: On track</div>\n"
        "<ul>\n<li>All speakers confirmed</li>\n</ul>\n"
        "<div><strong>EMEA Roadshow</strong> — Status: At risk</div>\n"
        "<p>We are <strong>not</strong> blocked.</p>\n"
        "<p><strong> </strong>Plain line</p>\n"
        "</body></html>\n",
        encoding="utf-8",
    )
    texts = [line.text for line in load_document(path).lines]
    assert "**Corvida Summit** — Status: On track" in texts
    assert texts[texts.index("- All speakers confirmed") + 1] == ""
    assert "**EMEA Roadshow** — Status: At risk" in texts
    assert "We are not blocked." in texts and "Plain line" in texts


def test_headings_an_office_export_sets_in_larger_type(tmp_path: Path) -> None:
    """OneNote and Word write headings as `<p style='font-size:14pt'>` over 11pt paragraphs."""
    path = tmp_path / "onenote.html"
    path.write_text(
        "<html><body style='font-size:11.0pt'>"
        "<p style='font-size:20.0pt'>Harbour Weekly</p>\n"
        "<p style='font-size:10.0pt'>Friday, 17 May 2024</p>\n"
        "<p style='margin:0in;font-size:14.0pt'>Outages / incidents</p>\n"
        "<p style='margin:0in'>Nil. The crane cutover ran in its window.</p>\n"
        "<p style='margin:0in'>Quay portal: 60% done, target 30 June.</p>\n"
        "<p style='margin:0in'>Tide sensors: six buoys fitted.</p>\n"
        "<p style='margin:0in'>Berth app: on track.</p>\n"
        "<p style='font-size:14.0pt'>A sentence in large type is still a sentence.</p>\n"
        "</body></html>",
        encoding="utf-8",
    )
    texts = [line.text for line in load_document(path).lines]
    assert "## Outages / incidents" in texts and "## Harbour Weekly" in texts
    assert "Friday, 17 May 2024" in texts  # smaller type is no heading
    assert "A sentence in large type is still a sentence." in texts


def test_shields_badges_read_as_the_fields_they_show(tmp_path: Path) -> None:
    """A project's health, progress and target written as shields.io badges (w23-g) are read, and
    quoted, as a reader sees them: `健康度: 有风险 | 进度: 55% | 目标: 2025-04-18`."""
    path = tmp_path / "2025-03-21.md"
    path.write_text(
        "### 人脸通行 3.0\n"
        "![健康度](https://img.shields.io/badge/健康度-有风险-orange) "
        "![进度](https://img.shields.io/badge/进度-55%25-blue) "
        "![目标](https://img.shields.io/badge/目标-2025--04--18-lightgrey)\n"
        "Build ![ci](https://img.shields.io/badge/build-passing-green) today\n",
        encoding="utf-8",
    )
    texts = [line.text for line in load_document(path).lines]
    assert texts[1] == "健康度: 有风险 | 进度: 55% | 目标: 2025-04-18"
    assert texts[2] == "Build build: passing today"


def test_keycap_digits_number_a_list_as_their_digits() -> None:
    # a chat's `1️⃣ RoomBridge 直连 — 🟡`: the item's number, not part of the project's name
    from index.load import normalise_line

    assert normalise_line("1️⃣ RoomBridge 直连 — 🟡 | 75%") == "1. RoomBridge 直连 — 🟡 | 75%"
    assert normalise_line("🔟 Tidewater POC") == "10. Tidewater POC"
    assert normalise_line("#️⃣ 周报") == "#️⃣ 周报"


def test_a_layout_table_framing_a_data_table_reads_as_blocks_around_the_table(tmp_path: Path) -> None:
    # an e-mail template: one column of layout around the update's paragraphs and its status table;
    # the paragraphs are lines of their own, the table keeps its rows, no line stands before the
    # one above it
    path = tmp_path / "update.html"
    path.write_text(
        "<html><body><table><tr><td>\n"
        "<p><b>Project</b>: Harbour WMS</p>\n"
        "<p>Status: At Risk</p>\n"
        "<h3>Workstreams</h3>\n"
        "<table><tr><th>Workstream</th><th>Status</th><th>Target</th></tr>\n"
        "<tr><td>Slotting</td><td>On track</td><td>6/30</td></tr></table>\n"
        "<ul><li>RF guns arrive 6/20</li></ul>\n"
        "</td></tr></table></body></html>",
        encoding="utf-8",
    )
    lines = [(line.number, line.text) for line in load_document(path).lines if line.text]
    texts = [text for _, text in lines]
    assert "**Project**: Harbour WMS" in texts or "Project: Harbour WMS" in texts
    assert "Status: At Risk" in texts
    assert "### Workstreams" in texts  # the cell's own heading stays a heading
    assert "| Slotting | On track | 6/30" in texts
    assert not any(text.startswith("| Project") for text in texts)
    numbers = [number for number, _ in lines]
    assert numbers == sorted(numbers)


def test_a_docs_sites_badge_component_reads_as_its_text(tmp_path: Path) -> None:
    path = tmp_path / "zb-003.md"
    path.write_text(
        "# 周报 第3期\n\n| 项目 | 目标 | 状态 |\n| --- | --- | --- |\n"
        '| 收费稽核 | 5/30 | <Badge text="有风险" type="warning"/> |\n'
        '| 门架巡检 | 6/30 | <Badge type="tip">正常</Badge> |\n',
        encoding="utf-8",
    )
    texts = [line.text for line in load_document(path).lines]
    assert "| 收费稽核 | 5/30 | 有风险 |" in texts
    assert "| 门架巡检 | 6/30 | 正常 |" in texts


def test_a_slide_component_wrapping_words_reads_as_its_words(tmp_path: Path) -> None:
    path = tmp_path / "weekly-25016.md"
    path.write_text(
        "# 周报 25016\n\n| 项目 | 状态 | 进度 |\n| --- | --- | --- |\n"
        '| 终端适配 | <Rag v="amber">有风险</Rag> | 97% |\n'
        "| 日志 | List<String> 改造 <Note>见附录</Note> | 40% |\n",
        encoding="utf-8",
    )
    texts = [line.text for line in load_document(path).lines]
    assert "| 终端适配 | 有风险 | 97% |" in texts
    assert "| 日志 | List<String> 改造 见附录 | 40% |" in texts


def test_an_html_table_on_one_line_of_markdown_reads_as_its_rows(tmp_path: Path) -> None:
    # a docs tool's Git sync writes a styled table as raw HTML, the whole table on one line
    path = tmp_path / "weekly-12.md"
    path.write_text(
        "# Weekly #12 · 2025.06.13\n\n## Board\n\n"
        '<table><thead><tr><th width="200">Workstream</th><th>Status</th><th>Target</th></tr></thead>'
        "<tbody><tr><td>Label API</td><td><mark><strong>At risk</strong></mark></td><td>6/30</td></tr>"
        "<tr><td>Returns</td><td>On track</td><td>7/15</td></tr></tbody></table>\n\n"
        "<details>\n<summary>INC-77 postmortem</summary>\n\n* 40 minutes of oversell\n\n</details>\n",
        encoding="utf-8",
    )
    lines = [(line.number, line.text) for line in load_document(path).lines]
    assert (5, "| Label API | At risk | 6/30") in lines
    assert (5, "| Returns | On track | 7/15") in lines
    assert (8, "**INC-77 postmortem**") in lines
    assert not any("<t" in text for _, text in lines)


def test_a_jekyll_include_shows_its_arguments_and_a_footnote_mark_nothing(tmp_path: Path) -> None:
    path = tmp_path / "2023-bw16.md"
    path.write_text(
        '# 周报 · BW16[^bw]\n\n| 项目 | 状态 |\n|---|---|\n| 9号线 | {% include rag.html s="red" %} |\n\n'
        "[^bw]: broadcast week\n",
        encoding="utf-8",
    )
    lines = [line.text for line in load_document(path).lines]
    assert lines[0] == "# 周报 · BW16"
    assert lines[4] == "| 9号线 | red |"
    assert lines[6] == "[^bw]: broadcast week"  # the note itself stays


def test_an_oa_forms_merged_body_cell_reads_as_its_paragraphs(tmp_path: Path) -> None:
    # Tongda OA's work-log page: a form of field rows, then one cell across it holding the rich text
    path = tmp_path / "log.html"
    path.write_text(
        "<html><body><table>\n"
        "<tr><td>标题：</td><td>周报</td><td>日期：</td><td>2025-03-21</td></tr>\n"
        '<tr><td colspan="4">\n'
        "<p><strong>一、本周工作概况</strong></p>\n"
        "<p>网立3.0受签章接口制约出现风险。</p>\n"
        "<p><strong>二、重点项目进展</strong></p>\n"
        "<table><tr><td>项目</td><td>状态</td></tr><tr><td>网立3.0</td><td>▲关注</td></tr></table>\n"
        "</td></tr></table></body></html>\n",
        encoding="utf-8",
    )
    lines = [line.text for line in load_document(path).lines]
    assert "网立3.0受签章接口制约出现风险。" in lines  # a paragraph of its own, not run into one row
    assert any(line.strip("* ") == "二、重点项目进展" for line in lines)
