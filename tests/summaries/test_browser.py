"""The HTML report in a real headless Chromium: charts drawn, tables filled, Chinese rendered,
no console error, nothing fetched from the network. The screenshot is kept as a test artifact.

`make test` installs Debian's chromium when it is missing and sets SUMMARIZER_REQUIRE_BROWSER,
so there a missing browser fails; a plain `pytest` without one skips with the reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarizer.pipelines import report
from summarizer.workspace import Workspace
from tests.summaries.browser import Browser, find_chromium

CHROMIUM = find_chromium()
if CHROMIUM is None:
    if os.environ.get("SUMMARIZER_REQUIRE_BROWSER"):
        raise RuntimeError("chromium is required here (make test installs it: apt-get install -y chromium)")
    pytest.skip("no chromium on PATH (apt-get install -y chromium)", allow_module_level=True)

DOM_FACTS = """(() => {
  const tables = [...document.querySelectorAll('table')];
  return {
    series: [...document.querySelectorAll('section.series')].map(s => s.id),
    metricCharts: document.querySelectorAll('svg.chart.metric').length,
    metricPoints: document.querySelectorAll('svg.chart.metric .point').length,
    timelines: document.querySelectorAll('svg.chart.timeline').length,
    slipMoves: document.querySelectorAll('svg.chart.timeline .slip-move').length,
    launches: document.querySelectorAll('svg.chart.timeline .launch').length,
    tables: tables.length,
    emptyTables: tables.filter(t => t.querySelectorAll('tbody tr').length === 0).length,
    emptyCells: tables.filter(t => [...t.querySelectorAll('tbody tr')].every(r => !r.innerText.trim())).length,
    chinese: (document.querySelector('section#s-payments-zh').innerText.match(/[\\u4e00-\\u9fff]/g) || []).length,
    zhLang: document.querySelector('section#s-payments-zh').getAttribute('lang'),
    headline: document.querySelector('#summary-payments-zh .headline').innerText,
    scripts: document.scripts.length,
    engine: document.querySelector('footer').dataset.engine,
    timelineWidth: document.querySelector('svg.chart.timeline').getBoundingClientRect().width,
  };
})()"""


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    assert CHROMIUM is not None
    opened = Browser(CHROMIUM, tmp_path / "profile", width=1200, height=1000)
    try:
        yield opened
    finally:
        opened.close()


def test_report_renders_in_chromium(examples: Workspace, browser: Browser, tmp_path: Path) -> None:
    path, _ = report.write_html(examples, tmp_path / "report.html")
    browser.open(path.resolve().as_uri())
    facts = browser.evaluate(DOM_FACTS)
    shot = browser.screenshot(tmp_path / "report.png")
    print(f"\nscreenshot: {shot}")
    assert facts["series"] == ["s-payments-zh", "s-platform-en"]
    assert facts["metricCharts"] == 12 and facts["metricPoints"] > 100
    assert facts["timelines"] == 2 and facts["slipMoves"] >= 10 and facts["launches"] >= 8
    assert facts["tables"] >= 10 and facts["emptyTables"] == 0 and facts["emptyCells"] == 0
    assert facts["chinese"] > 500 and facts["zhLang"] == "zh-CN"
    assert facts["headline"].startswith("第2周：")
    assert facts["scripts"] == 0 and facts["engine"] == "local"
    assert facts["timelineWidth"] > 600
    assert browser.errors() == []
    assert [url for url in browser.requests() if not url.startswith("file:")] == []
    assert shot.stat().st_size > 50_000


def test_the_harness_sees_console_errors_and_requests(browser: Browser, tmp_path: Path) -> None:
    """A negative control: a page that logs an error and fetches something is caught."""
    page = tmp_path / "bad.html"
    page.write_text(
        "<!doctype html><html><body><script>console.error('boom'); fetch('http://127.0.0.1:9/x').catch(() => {});"
        "</script></body></html>",
        encoding="utf-8",
    )
    browser.open(page.as_uri())
    browser.evaluate("new Promise(r => setTimeout(r, 300))")
    assert any("boom" in e for e in browser.errors())
    assert any(url.startswith("http://127.0.0.1:9") for url in browser.requests())
