"""Items read by their shape, whatever their words: an HTML mail laid out as a one-column table of
cards, a page whose markup calls a block its title, a plain-text list of margin lines each over a
block set in (its light first: `AMBER    Depot chargers`), an item titled with its tracker key at
the end (`Depot chargers  ·  EVD-4`), and a legend with no label (`GREEN=on track / AMBER=…`).
Written after wave 29 was measured unread (Atlas digests, a Perforce text file, an OpenProject
meeting page); the reports below are this test's own."""

from __future__ import annotations

from datetime import date

from index.html import read_html
from index.ledger import views

from .conftest import Series


def _card(name: str, key: str, light: str, target: str, news: str) -> str:
    return f"""<tr><td style="padding:12px 0">
<div style="font:600 15px Arial">{name} <span style="color:#888">{key}</span></div>
<div class="meta"><span class="lozenge">{light}</span> Target date: {target} · Owner: Ana Ruiz</div>
<p>{news}</p>
</td></tr>"""


def _mail(day: str, depot: str, app: str) -> str:
    return f"""<html><head><title>Your weekly digest - Fleet Electrification</title></head><body>
<p>Sent: {day}</p>
<table width="600" cellpadding="0" cellspacing="0">
<tr><td style="font:700 20px Arial">Your weekly digest</td></tr>
{depot}
{app}
</table></body></html>"""


def test_a_one_column_layout_table_is_read_as_its_cards(series: Series) -> None:
    first = _mail(
        "Friday, 7 March 2025",
        _card("Depot chargers", "EVD-4", "ON TRACK", "18 Apr 2025", "Civils finished at Hythe."),
        _card("Driver app", "EVD-9", "ON TRACK", "30 May 2025", "Beta build with 20 drivers."),
    )
    second = _mail(
        "Friday, 14 March 2025",
        _card("Depot chargers", "EVD-4", "AT RISK", "2 May 2025", "Grid connection moved by the utility."),
        _card("Driver app", "EVD-9", "ON TRACK", "30 May 2025", "Beta feedback triaged."),
    )
    lines, _ = read_html(first)
    texts = [text for _, text in lines]
    assert "**Depot chargers EVD-4**" in texts  # the card's title, apart from its status line
    assert "ON TRACK Target date: 18 Apr 2025 · Owner: Ana Ruiz" in texts
    assert not any(text.startswith("|") for text in texts)  # no column to read: no table rows
    numbers = [number for number, _ in lines]
    assert numbers == sorted(numbers)  # each block under its own source line, in order

    ledger = series([("digest-2025-03-07.html", first), ("digest-2025-03-14.html", second)])
    slips = {(s.project.split()[0], s.kind) for s in views.slips(ledger)}
    assert ("Depot", "date_moved") in slips
    assert ("Depot", "status_downgrade") in slips
    assert not any(project == "Driver" for project, _ in slips)


def test_a_two_column_table_stays_a_table() -> None:
    lines, _ = read_html(
        "<table><tr><th>Project</th><th>Status</th></tr>"
        "<tr><td><p>Depot chargers</p><p>(phase 2)</p></td><td>At risk</td></tr></table>"
    )
    texts = [text for _, text in lines]
    assert "| Depot chargers (phase 2) | At risk" in texts  # a cell's blocks are one cell


def test_a_block_called_a_title_by_its_class_heads_its_item() -> None:
    lines, _ = read_html(
        '<h3>Workstreams</h3><div class="agenda-item--title">EPIC #311 Depot chargers In progress</div>'
        "<ul><li>Project status: AT RISK</li></ul>"
    )
    assert "##### EPIC #311 Depot chargers In progress" in [text for _, text in lines]


def _log(day: str, depot_light: str, depot_target: str) -> str:
    return f"""FLEET ELECTRIFICATION - WEEKLY LOG   {day}
==========================================================

[1] Projects
----------------------------------------------------------
{depot_light:<8} Depot chargers                      owner: Ana
         progress 40% | target {depot_target}
         - grid connection date from the utility

GREEN    Driver app                          owner: Tom
         progress 60% | target 30 May
         - beta with 20 drivers

GREEN    Route planner                       owner: Li
         progress 10% | target 27 Jun
         - vendor shortlist agreed

----------------------------------------------------------
Key: GREEN=on track / AMBER=at risk / RED=late
"""


def test_margin_lines_over_blocks_set_in_are_records_their_light_first(series: Series) -> None:
    ledger = series(
        [
            ("log-2025-03-07.txt", _log("2025-03-07", "GREEN", "18 Apr")),
            ("log-2025-03-14.txt", _log("2025-03-14", "AMBER", "2 May")),
        ]
    )
    found = {p.name: p for p in views.projects(ledger)}
    assert {"Depot chargers", "Driver app", "Route planner"} <= set(found)  # not `GREEN Driver app`
    assert found["Depot chargers"].target == date(2025, 5, 2)
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("Depot chargers", "date_moved") in slips
    assert ("Depot chargers", "status_downgrade") in slips
    assert not any(project in ("Driver app", "Route planner") for project, _ in slips)


def _digest(day: str, depot: str, target: str) -> str:
    return f"""Your Friday digest: Fleet Electrification
{day}

NEEDS ATTENTION

🔌 Depot chargers  ·  EVD-4
[{depot}]   Target: {target}   Owner: Ana Ruiz
Grid connection date still with the utility.

ON TRACK

📱 Driver app  ·  EVD-9
[ON TRACK]   Target: 30 May 2025   Owner: Tom Bell
Beta feedback triaged.

🗺️ Route planner  ·  EVD-12
[ON TRACK]   Target: 27 Jun 2025   Owner: Li Wei
Vendor shortlist agreed.
"""


def test_items_titled_with_their_tracker_key_at_the_end_are_records(series: Series) -> None:
    ledger = series(
        [
            ("digest-2025-03-07.txt", _digest("Friday 7 March 2025", "ON TRACK", "18 Apr 2025")),
            ("digest-2025-03-14.txt", _digest("Friday 14 March 2025", "AT RISK", "2 May 2025")),
        ]
    )
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    depot = {kind for project, kind in slips if "Depot chargers" in project}
    assert depot == {"date_moved", "status_downgrade"}
    assert not any("Driver app" in project or "Route planner" in project for project, _ in slips)


def test_what_other_readers_take_heads_no_record_here() -> None:
    from index.plain_records import hanging_blocks, keyed_titles

    def numbered(text: str) -> list[tuple[int, str]]:
        return list(enumerate(text.splitlines(), start=1))

    # a changelog's keyed lines, one under another, are a list, not items with bodies
    changelog = numbered(
        "Fix login redirect (#1201)\nFix the export job (#1202)\nBump the SDK (#1203)\nNotes\n"
    )
    assert keyed_titles(changelog) == frozenset()
    # numbered records with their status to the right, one of them with no lines: no light first,
    # so they are left to the record readers that know them (all of them, or none)
    records = numbered(
        "[1] EBR-L2        Status: DELAYED\n    PQ batch 1 done.\n\n"
        "[2] LIMS 9        Status: CLOSED\n    Hypercare exited.\n\n"
        "[3] Tern          Status: AT RISK\n    Parallel run.\n\n"
        "[4] BMS           Status: PAUSED\n\n"
    )
    assert hanging_blocks(records) == frozenset()
    # a column of lights: every light's line heads a record, the one with no lines of its own too
    lights = numbered(
        "GREEN    Depot chargers    owner: Ana\n         40%\n"
        "AMBER    Driver app        owner: Tom\n         60%\n"
        "GREY     Route planner     owner: Li\n"
    )
    assert hanging_blocks(lights) == frozenset({0, 2, 4})
