"""A figures list is metrics whatever its heading says: three lines or more in a row that are each a
label and a figure (`Net export to grid (week): 55.1 GWh`). Its lines are no incidents and no
projects, and a list of projects' shares (`- kiln-mig: 80%`) is none. Written from a blind wave
(an offshore wind progress report, a law firm's memo, a notebook's printed output); the reports
here are this test's own."""

from __future__ import annotations

from pathlib import Path

from index.ledger.extract import extract_facts
from index.load import load_document
from index.verify import Verifier

from .conftest import WriteReport

_OPERATIONS = """
# Weekly Progress Report No. 12 — 2025-03-14

## 3.0 Operations – Energised Assets
- Energised turbines: 40
- Turbine availability (week): 97.0 %
- Net export to grid (week): 55.1 GWh
- Weather downtime, installation vessels (week): 46 h

## 4.0 Schedule 2: Key Measures
1. Documents held in the archive (cumulative): 10,301,900
2. Service desk tickets tagged DMS (week): 52
3. Emails filed automatically (week): 3,905
"""


def test_a_figures_list_under_any_heading_is_metrics(write_report: WriteReport) -> None:
    report = write_report("wpr-12.md", _OPERATIONS)
    facts = extract_facts(report)
    found = {(p.name, p.value) for p in facts.metrics}
    assert ("Net export to grid", 55.1) in found
    assert ("Documents held in the archive", 10301900.0) in found
    assert ("Emails filed automatically", 3905.0) in found
    assert not facts.incidents  # "Weather downtime …: 46 h" is a figure, not an outage
    assert not any("availability" in o.project or "Documents" in o.project for o in facts.observations)
    verifier = Verifier()
    assert all(verifier.check(p.evidence) for p in facts.metrics)


def test_shares_of_projects_are_no_figures_list(write_report: WriteReport) -> None:
    report = write_report(
        "w1.md",
        """
        # Eng weekly 2025-03-14

        ## Projects
        - kiln-mig: 80%
        - rec-v3: 60%
        - search-rewrite: 40%
        """,
    )
    facts = extract_facts(report)
    assert {o.project for o in facts.observations} >= {"kiln-mig", "rec-v3", "search-rewrite"}


def test_an_html_pre_block_keeps_its_lines(tmp_path: Path) -> None:
    page = tmp_path / "weekly.html"
    page.write_text(
        "<html><body><h1>数据闭环周报 2025-03-14</h1>\n"
        "<div><pre>统计周期: 2025-W11\n采集里程: 41,050 km (环比 +6.8%)\n"
        "  项目      进度\n  影子模式  60%\n</pre></div></body></html>\n",
        encoding="utf-8",
    )
    lines = [(line.number, line.text) for line in load_document(page).lines]
    assert (2, "统计周期: 2025-W11") in lines
    assert (3, "采集里程: 41,050 km (环比 +6.8%)") in lines
    assert (4, "  项目      进度") in lines  # spacing kept: an aligned table still reads as one
