"""The web page in a real headless Chromium (DevTools pipe, no port, no download): ask a question,
see the answer and its verified citations, click one and read the quoted lines of the report;
the summary, the risk register and the slip timeline render; no console error, nothing fetched
from anywhere but the server. The screenshot is kept under pytest's temp dir.

Like the HTML report's browser test: `make test` installs Debian's chromium when missing and sets
SUMMARIZER_REQUIRE_BROWSER, so there a missing browser fails; a plain `pytest` skips.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.summaries.browser import Browser, find_chromium

CHROMIUM = find_chromium()
if CHROMIUM is None:
    if os.environ.get("SUMMARIZER_REQUIRE_BROWSER"):
        raise RuntimeError("chromium is required here (make test installs it: apt-get install -y chromium)")
    pytest.skip("no chromium on PATH (apt-get install -y chromium)", allow_module_level=True)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    assert CHROMIUM is not None
    opened = Browser(CHROMIUM, tmp_path / "profile", width=1300, height=1000)
    try:
        yield opened
    finally:
        opened.close()


def wait_until(browser: Browser, expression: str, timeout: float = 90) -> Any:
    """Poll a page expression until it is truthy (the page fetches, then renders)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = browser.evaluate(expression)
        if value:
            return value
        time.sleep(0.1)
    raise TimeoutError(f"never true: {expression}\nerrors: {browser.errors()}")


ASK = """(() => {
  document.getElementById('question').value = 'which projects slipped?';
  document.getElementById('ask-form').requestSubmit();
  return true;
})()"""

RENDERED = """(() => ({
  answer: document.querySelector('#answer .answer-text').innerText,
  points: document.querySelectorAll('#answer ul.points li').length,
  citations: document.querySelectorAll('#answer button.cite').length,
  foot: document.querySelector('#answer .foot').innerText,
  headline: document.querySelector('#summary-body .headline').innerText,
  highlights: document.querySelectorAll('#summary-body ol.highlights li').length,
  risks: document.querySelectorAll('#risks-body tbody tr').length,
  slipMarks: document.querySelectorAll('#slips-body .grid button.mark').length,
  engine: document.getElementById('ask-engine').innerText,
  series: [...document.querySelectorAll('#series option')].map(o => o.innerText),
}))()"""


def test_ask_cite_and_read_the_quoted_lines(base_url: str, browser: Browser, tmp_path: Path) -> None:
    browser.open(base_url + "/")
    wait_until(browser, "document.body.dataset.ready === 'true'")
    browser.evaluate(ASK)
    wait_until(browser, "document.querySelectorAll('#answer button.cite').length > 0")
    page = browser.evaluate(RENDERED)

    assert page["answer"].startswith("21 slip(s) in 9 project(s)") and page["points"] >= 5
    assert page["citations"] >= 5 and "verified against the report files · 0 dropped" in page["foot"]
    assert page["engine"] == "engine local" and page["series"] == ["payments-zh", "platform-en"]
    assert page["headline"].startswith("Week 22:") and page["highlights"] >= 3
    assert page["risks"] >= 1 and page["slipMarks"] >= 3

    # Click a citation: the quoted lines of the report appear, the cited ones marked.
    first: Callable[[str], str] = lambda what: f"document.querySelector('#answer button.cite').{what}"  # noqa: E731
    quote = browser.evaluate(first("title")).split("“", 1)[1].rstrip("”")
    browser.evaluate(first("click()"))
    cited = wait_until(
        browser,
        "[...document.querySelectorAll('#quote .line.cited .t')].map(n => n.innerText).join(' ')",
    )
    assert "".join(quote.split()) in "".join(cited.split())
    assert browser.evaluate("document.querySelectorAll('#quote .line').length") > browser.evaluate(
        "document.querySelectorAll('#quote .line.cited').length"
    )  # context lines around the span
    assert browser.evaluate(first("classList.contains('active')"))

    shot = browser.screenshot(tmp_path / "serve-page.png")
    print(f"\nscreenshot: {shot}")
    assert shot.stat().st_size > 50_000
    assert browser.errors() == []
    assert [url for url in browser.requests() if not url.startswith(base_url)] == []


def test_a_chinese_question_and_the_series_switch(base_url: str, browser: Browser) -> None:
    browser.open(base_url + "/")
    wait_until(browser, "document.body.dataset.ready === 'true'")
    browser.evaluate(
        """(() => { const s = document.getElementById('series'); s.value = '0';
        s.dispatchEvent(new Event('change')); return true; })()"""
    )
    wait_until(browser, "document.querySelector('#summary-body .headline').innerText.startsWith('第2周')")
    browser.evaluate(ASK.replace("which projects slipped?", "对账中心二期进展如何？"))
    answer = wait_until(browser, "document.querySelector('#answer .answer-text')?.innerText")
    assert "对账中心二期" in answer
    assert browser.errors() == []
