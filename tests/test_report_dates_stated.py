"""A report's day as generators, mail clients and non-English templates state it: a week label that
counts weeks its own way beside the day it names, a slashed range in day-first order, a mail archive's
`ctime()` stamp, a mail print's sender row, Japanese and Korean date labels."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import parsed_date

from index.errors import ReportDateError
from index.report_date import date_from_text
from index.text.timeexpr import ANY_DAY, find_dates, reading_day_first

parse = parsed_date


def test_a_year_closing_one_day_does_not_open_the_next() -> None:
    # `2024 - 4/10` had been read as a year, then a month and a day: 10 April
    with reading_day_first(True):
        hits = find_dates("Period: 18/03/2024 - 5/04/2024", ANY_DAY, "nearest")
        assert [h.value for h in hits] == [date(2024, 3, 18), date(2024, 4, 5)]
        assert date_from_text("Period: 18/03/2024 - 5/04/2024").value == date(2024, 4, 5)


def test_a_range_with_bracketed_weekdays_and_a_wave_dash_gives_its_end() -> None:
    assert date_from_text("2026/02/09(月)～02/13(金)").value == date(2026, 2, 13)


def test_a_title_week_counted_another_way_yields_to_the_day_the_header_states(tmp_path: Path) -> None:
    # strftime('%W') numbers this week 9; ISO numbers it 10 (its Friday 2026-03-06)
    text = (
        "# Ops digest 2026w09\n\n数据周期：2026-02-28 ~ 2026-03-06 ｜ 自动生成\n\n## 进展\n- 索引重建 60%\n"
    )
    assert parse(tmp_path, "ops_2026w09.md", text) == (date(2026, 3, 6), "header line")


def test_a_title_week_yields_to_its_file_names_day(tmp_path: Path) -> None:
    text = "# 运维组周报 · 2026年第11周\n\n## 本周进展\n- 巡检工具上线\n"
    assert parse(tmp_path, "2026-03-06.md", text) == (date(2026, 3, 6), "file name")


def test_a_title_week_yields_to_a_generator_stamp_at_the_end(tmp_path: Path) -> None:
    body = "".join(f"- 事项 {n}\n" for n in range(15))
    text = (
        f"# 周报 2026w10\n\n数据周期：NaT ~ NaT\n\n{body}\n生成于 2026-03-13 17:46:02 ｜ dag: weekly ｜ v2\n"
    )
    assert parse(tmp_path, "weekly_2026w10.md", text) == (date(2026, 3, 13), "sign-off line")


def test_a_title_week_keeps_its_friday_when_the_stated_day_is_far_from_it(tmp_path: Path) -> None:
    text = "# Weekly 2026-W11\n\nDate: 2026-05-29\n\n- item\n"
    assert parse(tmp_path, "weekly.md", text)[0] == date(2026, 3, 13)


def test_a_mail_archive_stamp_under_the_subject_dates_the_post(tmp_path: Path) -> None:
    text = "# [Ops-list] Weekly #12\n\n**Ana Ruiz** ana.ruiz at example.org\n\nThu Mar 12 09:15:02 GMT 2026\n\nHi all,\n"
    assert parse(tmp_path, "000301.md", text) == (date(2026, 3, 12), "header line")


def test_a_mail_prints_sender_row_dates_the_thread(tmp_path: Path) -> None:
    text = (
        "# Mail - team status\n\n| Ana Ruiz <ana@example.org> | Fri, Mar 13, 2026 at 4:49 PM |\n"
        "| --- | --- |\n\n| To: Leads <leads@example.org> |\n\nProjects: CRM 40% (target 4/30)\n"
        "\n| Bo Li <bo@example.org> | Mon, Mar 16, 2026 at 9:02 AM |\n"
    )
    assert parse(tmp_path, "Mail - team status.md", text) == (date(2026, 3, 13), "mail header")


def test_japanese_and_korean_date_labels(tmp_path: Path) -> None:
    ja = "* 週報 No.7\n対象期間: 2026/03/09(月)～03/13(金) 作成: 田中\n\n** 1. Summary\n- item\n"
    assert parse(tmp_path, "週報_No.7.txt", ja) == (date(2026, 3, 13), "header line")
    ko = "# 주간업무보고\n\n| 문서번호 | DE-26-011 | 보고일자 / 报告日期 | 2026. 3. 13.(금) |\n\n- item\n"
    assert parse(tmp_path, "주간보고.md", ko) == (date(2026, 3, 13), "header line")


def test_a_wiki_pages_metadata_comment_is_its_front_matter(tmp_path: Path) -> None:
    # Wiki.js Git storage: the page's title and stamps in a comment before the body; the body opens
    # with a note under a quote bar whose link names the previous issue's page by its day
    text = (
        "<!--\ntitle: 配网运维周报 2026-03-20（第8期）\ndate: 2026-03-24T02:10:00.000Z\n"
        "dateCreated: 2026-03-20T09:30:00.000Z\n-->\n\n"
        "> 每周五更新。上期见 [第7期](/ops/zhoubao/2026-03-13)。\n\n# 一、总览\n\n- 巡检平台 60%\n"
    )
    assert parse(tmp_path, "page.md", text) == (date(2026, 3, 20), "title")


def test_a_wiki_pages_creation_stamp_outranks_its_later_edit_stamp(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Squad weekly\ndate: 2026-03-17T08:00:00.000Z\ndateCreated: 2026-03-13T10:00:00.000Z\n"
        "---\n\n# Squad weekly\n\n## Done\n- Card freeze shipped\n"
    )
    assert parse(tmp_path, "squad-weekly.md", text) == (date(2026, 3, 13), "front matter")


def test_a_days_link_target_does_not_date_the_report(tmp_path: Path) -> None:
    text = "Team notes, see [last week](/notes/2026-03-06) for context\n\n## Done\n- Cutover 40%\n"
    assert parse(tmp_path, "2026-03-13.md", text) == (date(2026, 3, 13), "file name")


def test_the_templates_report_date_outranks_the_pages_edit_stamp(tmp_path: Path) -> None:
    # an ALM's print: its document block (`Updated:` three days later) over the template's own field
    text = (
        "Title: Weekly Status — No. 27\nCreated: 2026-04-10 17:10\nUpdated: 2026-04-13 09:12\n\n"
        "Weekly Status — No. 27\n报告日期 Reporting date: 2026-04-10（周五）\n\n## Status\n- OTA push 55%\n"
    )
    assert parse(tmp_path, "WSR-27.txt", text) == (date(2026, 4, 10), "header line")


def test_a_webmail_prints_spaced_time_label_dates_the_mail(tmp_path: Path) -> None:
    # a print view aligns its labels to two characters' width (`抄 送：`, `时 间：`); its footer's print
    # stamp is the day it was printed, weeks later
    html = (
        "<html><body><h2>【周报】调度平台组周报（第7期）</h2><table>"
        '<tr><td>发件人：</td><td>"赵岚" &lt;zhaol@example.cn&gt;</td></tr>'
        "<tr><td>抄 送：</td><td>平台组</td></tr>"
        "<tr><td>时 间：</td><td>2025年3月21日(星期五) 下午5:46</td></tr></table>"
        "<p><b>一、本周完成</b></p><p>1. 报价模块提测。</p>"
        "<p>本邮件由 邮件系统打印 打印时间：2025-06-03 09:12</p></body></html>"
    )
    assert parse(tmp_path, "周报第7期.html", html)[0] == date(2025, 3, 21)


def test_an_office_exports_created_stamp_is_its_templates_not_the_reports(tmp_path: Path) -> None:
    html = (
        '<html><head><meta name="generator" content="LibreOffice 7.6.4.1 (Windows)"/>'
        '<meta name="created" content="2023-01-06T08:55:12"/></head><body>'
        "<h1>Weekly Status Report</h1><p><b>Week ending:</b> 01/03/2024</p>"
        "<p><b>Sprint:</b> 24.04 (19/02–01/03)</p>"
        "<h2>1. Summary</h2><p>Quote tool go-live moves from 28/03 to 11/04.</p></body></html>"
    )
    assert parse(tmp_path, "wsr_09.html", html)[0] == date(2024, 3, 1)


def test_an_oa_workflows_sent_time_dates_its_print_and_the_print_stamp_never_does(tmp_path: Path) -> None:
    # a collaboration system's print view: the header row pairs `发起时间：` with its value in the next
    # cell; the footer's print stamp (weeks later) is the day someone printed it, not a sign-off
    html = (
        "<html><body><p>打印 | 关闭</p><h5>【质控专项】检验科质控周报（第4期）</h5><table>"
        "<tr><td>发起人：</td><td>林越（检验科）</td><td>发起时间：</td><td>2025-06-13 17:05</td></tr>"
        "<tr><td>流程：</td><td>林越(发起)→周青(审阅)</td></tr></table>"
        "<p><b>一、本周概述</b></p><p>室间质评回报全部合格。</p>"
        "<p>处理意见</p><p>周青 【已阅】 2025-06-16 08:40</p>"
        "<p>协同办公平台 打印人：林越 打印时间：2025-07-30 10:02</p></body></html>"
    )
    assert parse(tmp_path, "协同打印(3).html", html) == (date(2025, 6, 13), "header line")
    footer_only = (
        "周报\n\n本周完成质控月报初稿。\n下周整理失控记录。\n\n\n\n\n\n\n\n\n"
        "平台 打印人：林越 打印时间：2025-07-30 10:02\n"
    )
    with pytest.raises(ReportDateError):
        parse(tmp_path, "weekly.txt", footer_only)


def test_an_e_mails_run_together_fields_give_the_date_field(tmp_path: Path) -> None:
    # a project tool's update e-mail sets its fields in spans on one line; their spacing is lost
    html = (
        "<html><body><table><tr><td><p><b>Project</b>: Harbour WMS</p>"
        "<p><b>Status</b>: <span>At Risk</span> &nbsp;<span>Progress: 40%</span>"
        " &nbsp;<span>Date: 06/13/2025</span> &nbsp;<span>Ada Ng</span></p>"
        "<h3>Summary</h3><p>Slotting rules signed off; RF guns late.</p></td></tr></table></body></html>"
    )
    assert parse(tmp_path, "update.html", html) == (date(2025, 6, 13), "header line")
    # a wiki page's quoted byline: its fields one full-width space apart
    page = "# 运维周报 · 第6期\n\n> 统计周期：6月6日—6月12日\n> 编制：宋宁\u3000审核：杜衡\u3000发布：2025/6/13\n\n## 一、概况\n正常。\n"
    assert parse(tmp_path, "zb-006.md", page) == (date(2025, 6, 13), "header line")


def test_a_saved_pages_own_heading_under_its_sites_chrome_dates_it(tmp_path: Path) -> None:
    # breadcrumbs and a side menu push the page's heading past the header's first lines; the menu
    # names other updates' days, the heading states the page's own
    crumbs = "".join(f"<li>Crumb {i}</li>" for i in range(8))
    menu = "".join(f"<li>Update {n} (w/e {d} Mar)</li>" for n, d in ((9, 7), (10, 14), (11, 21)))
    html = (
        f"<html><head><title>Update 12 - Team Updates</title></head><body><ol>{crumbs}</ol>"
        f"<h1>Team Updates</h1><ul>{menu}</ul>"
        "<h2>Update 12 – Friday 28 March 2025</h2>"
        "<p>Cutover rehearsal passed.</p></body></html>"
    )
    assert parse(tmp_path, "Update 12 - Team Updates.html", html) == (
        date(2025, 3, 28),
        "header under the page's heading",
    )
    # (its `week ending …` says so wherever it stands in a header line)
    ending = html.replace("Update 12 – Friday", "Update 12 – week ending Friday")
    assert parse(tmp_path, "Update 12 - Team Updates.html", ending) == (date(2025, 3, 28), "header line")
    sphinx = (
        f"<html><body><ol>{crumbs}</ol><ul>{menu}</ul><h1>Weekly — wk13 (cover)</h1>"
        '<dl class="field-list"><dt>Author<span>:</span></dt><dd><p>Ines (covering)</p></dd>'
        "<dt>Date<span>:</span></dt><dd><p>Fri 28 Mar 2025</p></dd></dl>"
        "<p>Quiet week.</p></body></html>"
    )
    assert parse(tmp_path, "wk13.html", sphinx)[0] == date(2025, 3, 28)


def test_a_published_line_under_the_title_dates_the_issue(tmp_path: Path) -> None:
    # the verb and its day with no 于, in a blockquote under the page's heading
    text = (
        "---\nlayout: default\ntitle: 第 11 期\n---\n\n# 周报 · 第 11 期\n{: .no_toc }\n\n"
        "> 发布 2023/3/24 · 本期轮值编辑：陈嘉豪\n\n## 复盘（3/14 黑屏）\n- 根因 …\n"
    )
    assert parse(tmp_path, "2023-bw13.md", text) == (date(2023, 3, 24), "header line")


def test_a_yaml_day_in_any_front_matter_field_dates_a_page_with_no_other(tmp_path: Path) -> None:
    # GOV.UK Tech Docs: `last_reviewed_on` holds the only day, as YAML's date
    text = (
        '---\ntitle: "Weeknote: sprint 14, week 1"\nlast_reviewed_on: 2025-03-21\n---\n\n# Weeknote\n\n- a\n'
    )
    assert parse(tmp_path, "sprint-14-week-1.html.md", text) == (date(2025, 3, 21), "front matter")


def test_a_slide_decks_cover_line_under_its_heading_dates_it(tmp_path: Path) -> None:
    """nodeppt's config lines have no fences; the cover's heading is followed by the day it was
    shown, an aside naming another day after it."""
    text = (
        'title: 交付周会 第28期\nspeaker: 周晓川\n\n<slide class="aligncenter">\n\n# 交付周会 · 第28期 {.text-landing}\n\n'
        "2025年5月8日（周四）14:00 · 节后首次周会（5/1 休会） {.text-intro}\n\n<slide>\n\n## 议程\n\n1. 指标\n"
    )
    assert parsed_date(tmp_path, "zhouhui-28.md", text) == (
        date(2025, 5, 8),
        "header under the page's heading",
    )
