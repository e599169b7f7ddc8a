"""Golden files for every format: Markdown, JSON and the HTML report's structure.

A change in what a summary says shows up here as a diff a reviewer reads. Regenerate with
`UPDATE_GOLDEN=1 .venv/bin/pytest tests/summaries/test_golden.py` and review the diff.
"""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from summarizer.cli.common import emit_json
from summarizer.pipelines import report, risks, summarize
from summarizer.render import markdown
from summarizer.workspace import Workspace
from tests.summaries.conftest import EXAMPLES, GOLDEN

UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))


def check(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.write_text(text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"wrote new golden file {path}; review and commit it")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; UPDATE_GOLDEN=1 rewrites it"


def portable(text: str) -> str:
    """Report paths are absolute (citations verify from anywhere); goldens use a placeholder."""
    return text.replace(str(EXAMPLES), "<examples>")


def test_markdown_summary_zh(examples: Workspace) -> None:
    check("summary_zh_2024-W49.md", markdown.summary(summarize.weekly(examples, "2024-W49", "payments-zh")))


def test_markdown_summary_en(examples: Workspace) -> None:
    check("summary_en_2025-W17.md", markdown.summary(summarize.weekly(examples, "2025-W17", "platform-en")))


def test_markdown_rollup_zh(examples: Workspace) -> None:
    check("rollup_zh.md", markdown.rollup(summarize.period_rollup(examples, series_name="payments-zh")))


def test_markdown_register_en(examples: Workspace) -> None:
    check("risks_en.md", markdown.register(risks.register(examples, series_name="platform-en")))


def test_json_summary(examples: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    emit_json(summarize.weekly(examples, "2024-W49", "payments-zh"))
    out = capsys.readouterr().out
    json.loads(out)
    check("summary_zh_2024-W49.json", portable(out))


class Outline(HTMLParser):
    """The report's skeleton: sections, headings, tables with their row counts, charts and marks."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.depth = 0
        self.rows: int | None = None
        self.heading: str | None = None
        self.marks: dict[str, int] = {}
        self.in_svg = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        cls = a.get("class") or ""
        if tag == "section":
            self.lines.append("  " * self.depth + f"section#{a.get('id')}.{cls}")
            self.depth += 1
        elif tag in ("h1", "h2", "h3", "h4"):
            self.heading = tag
        elif tag == "table":
            self.rows = 0
        elif tag == "tr" and self.rows is not None:
            self.rows += 1
        elif tag == "svg" and "chart" in cls:
            self.in_svg += 1
            self.marks = {}
            self.lines.append("  " * self.depth + f"svg.{cls.replace(' ', '.')}")
        elif self.in_svg and cls:
            for name in cls.split():
                self.marks[name] = self.marks.get(name, 0) + 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "section":
            self.depth -= 1
        elif tag in ("h1", "h2", "h3", "h4"):
            self.heading = None
        elif tag == "table" and self.rows is not None:
            self.lines.append("  " * self.depth + f"table rows={self.rows}")
            self.rows = None
        elif tag == "svg" and self.in_svg:
            self.in_svg -= 1
            if "slip-move" in self.marks or "launch" in self.marks:
                marks = ", ".join(f"{k}={v}" for k, v in sorted(self.marks.items()))
                self.lines.append("  " * self.depth + f"  marks: {marks}")

    def handle_data(self, data: str) -> None:
        if self.heading and data.strip():
            self.lines.append("  " * self.depth + f"{self.heading}: {data.strip()}")


def test_html_structure(examples: Workspace, tmp_path: Path) -> None:
    path, _ = report.write_html(examples, tmp_path / "report.html")
    text = path.read_text(encoding="utf-8")
    outline = Outline()
    outline.feed(text)
    check("report_outline.txt", "\n".join(outline.lines) + "\n")
    # Self-contained: nothing to fetch, nothing to run.
    lowered = text.lower().replace('xmlns="http://www.w3.org/2000/svg"', "")
    for needle in ("<script", "http://", "https://", "<link", "@import", "<img", "<iframe"):
        assert needle not in lowered, needle
    assert not re.search(r"url\((?!#)", lowered)  # only in-page references (the arrow markers)
