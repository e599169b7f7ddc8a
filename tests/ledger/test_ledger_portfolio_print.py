"""A portfolio tool's status report printed from the browser and saved as HTML: the stoplight is a
picture whose alternative text is the status (`On Track`, `Minor Variance`, `Significant
Variance`), the grid's first column is the record id and the second its name, the status part's
heading is the template's, and the MI list sets each figure off with a spaced dash."""

from __future__ import annotations

from index.ledger import views
from index.ledger.extract import extract_facts
from index.verify import Verifier

from .conftest import Series, WriteReport


def _light(status: str) -> str:
    colour = {"On Track": "green", "Minor Variance": "yellow", "Significant Variance": "red"}[status]
    return f'<img src="./files/stoplight_{colour}.gif" alt="{status}" title="{status}" width="12">'


def _print(day: str, ledger_light: str, ledger_finish: str, members: str) -> str:
    rows = [
        ("PX00417", "Ledger Rebuild – Phase 2", ledger_light, "40%", "30/06/25", ledger_finish),
        ("PX00418", "Adviser Portal", "On Track", "70%", "31/07/25", "31/07/25"),
    ]
    grid = "".join(
        f"<tr><td>{key}</td><td>{name}</td><td>{_light(light)}</td><td>{done}</td><td>{base}</td><td>{fin}</td></tr>\n"
        for key, name, light, done, base, fin in rows
    )
    return (
        f"<html><head><title>Status Report: Wk {day}</title></head><body>\n"
        f"<table><tr><td>Report Date</td><td>{day}</td></tr><tr><td>Overall Status</td>"
        f"<td>{_light(ledger_light)}</td></tr></table>\n"
        "<h2>Overall Status Explanation</h2>\n<p>Minor Variance overall. See the grid.</p>\n"
        "<h2>Child Investments</h2>\n<table>\n<tr><th>ID</th><th>Investment</th><th>Stoplight</th>"
        "<th>% Complete</th><th>Baseline Finish</th><th>Finish</th></tr>\n"
        f"{grid}</table>\n<h2>Other Comments</h2>\n<ul><li>MI snapshot:</li>\n"
        f"<li>Members registered online – {members}</li>\n<li>Calls to contact centre – 1,412</li>\n"
        "<li>Open Sev1/Sev2 defects – 5</li></ul>\n</body></html>\n"
    )


def test_a_picture_status_the_id_column_and_the_template_heading(series: Series) -> None:
    ledger = series(
        [
            ("psr_wk05.html", _print("09/05/2025", "On Track", "30/06/25", "42.1%")),
            ("psr_wk06.html", _print("16/05/2025", "Significant Variance", "31/07/25", "42.3%")),
        ]
    )
    found = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("Ledger Rebuild", "status_downgrade") in found
    assert ("Ledger Rebuild", "date_moved") in found
    names = {p.name for p in views.projects(ledger)}
    assert "Adviser Portal" in names and not names & {"PX00417", "Overall Status Explanation"}
    verifier = Verifier()
    assert all(verifier.check(c) for s in views.slips(ledger) for c in s.evidence)


def test_a_figures_list_set_off_by_dashes(write_report: WriteReport) -> None:
    report = write_report("psr_wk05.html", _print("09/05/2025", "On Track", "30/06/25", "42.1%"))
    points = [(m.name, m.value, m.unit) for m in extract_facts(report).metrics if not m.tentative]
    assert points == [
        ("Members registered online", 42.1, "%"),
        ("Calls to contact centre", 1412.0, ""),
        ("Open Sev1/Sev2 defects", 5.0, ""),
    ]
