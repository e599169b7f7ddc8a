"""A mail saved as its raw source (`.eml`): transport headers blank, encoded words decoded, the
subject the title and the Date field the report's day; an encoded or HTML-only body decoded. The
messages are this test's own."""

from __future__ import annotations

import base64
from datetime import date
from pathlib import Path

from index.eml import looks_like_raw_mail
from index.load import load_document
from index.parse import parse_report


def _encoded(text: str) -> str:
    return "=?UTF-8?B?" + base64.b64encode(text.encode()).decode() + "?="


def _header(subject: str, extra: str = "") -> str:
    return (
        "X-Mozilla-Status: 0001\n"
        "Received: from mx.example.org (mx.example.org [10.0.0.2])\n"
        "    by mail.example.org with ESMTPS; Fri, 04 Apr 2025 17:59:01 +0800\n"
        "Date: Fri, 4 Apr 2025 18:00:00 +0800\n"
        f"From: {_encoded('周宁')} <ning@example.org>\n"
        f"Subject: {_encoded(subject)}\n"
        "MIME-Version: 1.0\n" + extra
    )


def test_a_saved_mail_reads_as_the_mail_a_reader_sees(tmp_path: Path) -> None:
    text = _header(
        "【运维周报】第12期", "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n"
    )
    text += "\n各位好：\n\n一、重点项目\n1. 机房搬迁 🟡\n   - 5/30 切换有风险\n"
    path = tmp_path / "第12期.eml"
    path.write_text(text, encoding="utf-8")
    doc = load_document(path)
    lines = {line.number: line.text for line in doc.lines}
    assert lines[1] == "From: 周宁 <ning@example.org>"
    assert "Subject: 【运维周报】第12期" in lines.values()
    assert not any("Received" in t or "Mozilla" in t or "ESMTPS" in t for t in lines.values())
    assert lines[14] == "1. 机房搬迁 🟡"  # an 8bit body keeps the file's own line numbers
    report = parse_report(doc, str(path))
    assert (report.title, report.date) == ("【运维周报】第12期", date(2025, 4, 4))


def test_an_encoded_body_and_an_html_only_body_are_decoded(tmp_path: Path) -> None:
    body = base64.b64encode(b"Hi all,\n\nCheckout v2: go-live moved to 30 May.\n").decode()
    text = _header(
        "Weekly #12", "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n"
    )
    (tmp_path / "a.eml").write_text(text + "\n" + body + "\n", encoding="utf-8")
    assert "Checkout v2: go-live moved to 30 May." in load_document(tmp_path / "a.eml").text
    html = (
        _header("Weekly #13", 'Content-Type: multipart/alternative; boundary="b1"\n')
        + "\n--b1\nContent-Type: text/html; charset=UTF-8\n\n<html><body><h2>Status</h2>"
        + "<p>Search rebuild is <b>at risk</b>.</p></body></html>\n--b1--\n"
    )
    (tmp_path / "b.eml").write_text(html, encoding="utf-8")
    read = load_document(tmp_path / "b.eml").text
    assert "Search rebuild is at risk." in read and "<b>" not in read


def test_a_pasted_mail_or_a_note_is_not_a_raw_source() -> None:
    assert not looks_like_raw_mail(["From: Ana", "Subject: Weekly", "", "Hi all"])  # no transport field
    assert not looks_like_raw_mail(["# Weekly", "Date: 2025-04-04", "Received: yes"])


def test_a_flowed_body_is_read_as_its_reader_sees_it(tmp_path: Path) -> None:
    text = _header(
        "Weekly #14",
        "Content-Type: text/plain; charset=UTF-8; format=flowed\nContent-Transfer-Encoding: 8bit\n",
    )
    text += "\n【P2】3/13 报名接口超时，持续 45 分钟，约 \n1.2 万家商家报名失败\n- 复盘会 3/18\n-- \n周宁\n"
    (tmp_path / "c.eml").write_text(text, encoding="utf-8")
    lines = {line.number: line.text for line in load_document(tmp_path / "c.eml").lines}
    assert lines[11] == "【P2】3/13 报名接口超时，持续 45 分钟，约 1.2 万家商家报名失败"
    assert lines[12] == "" and lines[13] == "- 复盘会 3/18"  # the other lines keep their numbers
    assert lines[15] == "周宁"  # a signature's `-- ` runs into nothing
