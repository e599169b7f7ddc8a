"""A spreadsheet tracker saved as a web page (Google Sheets' download): the sheet's frame (row
numbers, column letters, the frozen rows' bar) is no text, a text spilling across empty cells is a
band, spacer rows are no rows, and group bands between the header and its rows (`▌Live`,
`▌Closed`) head copies of the header, so every group's rows are still read by their columns."""

from __future__ import annotations

from index.html import read_html
from index.ledger import views

from .conftest import Series

_CHROME = '<th class="row-headers-background"><div class="row-header-wrapper">{n}</div></th>'


def _row(n: int, cells: list[str]) -> str:
    return "<tr>" + _CHROME.format(n=n) + "".join(f"<td>{c}</td>" for c in cells) + "</tr>\n"


def _sheet(rows: list[str]) -> str:
    letters = "".join(f'<th class="column-headers-background">{c}</th>' for c in "ABCDEF")
    return (
        '<html><body><table class="waffle"><thead><tr><th class="row-header freezebar-origin-ltr"></th>'
        + letters
        + "</tr></thead><tbody>\n"
        + "".join(rows)
        + "</tbody></table></body></html>\n"
    )


def _tracker(as_of: str, orbit: tuple[str, str, str], comet: tuple[str, str, str]) -> str:
    band = "<tr>" + _CHROME.format(n=9) + '<td colspan="6">{text}</td></tr>\n'
    return _sheet(
        [
            band.replace("{text}", "Kestrel lab tracker"),
            "<tr>" + _CHROME.format(n=2) + '<td></td><td class="softmerge"><div class="softmerge-inner">'
            f"As of {as_of} · maintained by PMO</div></td><td></td><td></td><td></td><td></td></tr>\n",
            _row(3, [""] * 6),
            _row(4, ["#", "Workstream", "Owner", "Health", "Done", "Target"]),
            '<tr><th class="freezebar-cell"></th>' + '<td class="freezebar-cell"></td>' * 6 + "</tr>\n",
            band.replace("{text}", "▌Live"),
            _row(6, ["1", "Orbit sampler", "Ines", *orbit]),
            band.replace("{text}", "▌Closed"),
            _row(8, ["2", "Comet archive", "Raj", *comet]),
        ]
    )


def test_the_sheet_frame_goes_and_group_bands_head_the_header_again() -> None:
    lines, _ = read_html(_tracker("2025-03-07", ("G", "40%", "2025-04-11"), ("DONE", "100%", "2025-03-01")))
    texts = [text for _, text in lines if text.strip()]
    assert not any(text.startswith("| A | B") or text.startswith("| 4 |") for text in texts)
    assert "As of 2025-03-07 · maintained by PMO" in texts  # the spilled text, its empty cells gone
    header = "| # | Workstream | Owner | Health | Done | Target"
    assert texts.count(header) == 3  # the header, and again under each group's band
    assert texts.index("## ▌Live") < texts.index("| 1 | Orbit sampler | Ines | G | 40% | 2025-04-11")
    numbers = [number for number, _ in lines]
    assert numbers == sorted(numbers)


def test_a_band_with_a_header_of_its_own_still_starts_a_new_table() -> None:
    rows = [
        _row(1, ["Workstream", "Owner", "Health", "Target", "", ""]),
        "<tr>" + _CHROME.format(n=2) + '<td colspan="6">▌Live</td></tr>\n',
        _row(3, ["Orbit sampler", "Ines", "G", "2025-04-11", "", ""]),
        "<tr>" + _CHROME.format(n=4) + '<td colspan="6">▌KPIs</td></tr>\n',
        _row(5, ["", "KPI", "This week", "Last week", "", ""]),
        _row(6, ["", "Samples per day", "410", "388", "", ""]),
    ]
    texts = [text for _, text in read_html(_sheet(rows))[0] if text.strip()]
    kpis = texts.index("## ▌KPIs")
    assert texts[kpis + 1].startswith("| | KPI | This week")  # its own header, not a copy


def test_grouped_sheet_rows_give_slips_by_their_columns(series: Series) -> None:
    ledger = series(
        [
            (
                "PW01_0307.html",
                _tracker("2025-03-07", ("G", "40%", "2025-04-11"), ("DONE", "100%", "2025-03-01")),
            ),
            (
                "PW02_0314.html",
                _tracker("2025-03-14", ("A", "45%", "2025-04-25"), ("DONE", "100%", "2025-03-01")),
            ),
        ]
    )
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("Orbit sampler", "date_moved") in slips
    assert ("Orbit sampler", "status_downgrade") in slips
    assert "▌Live" not in {p.name for p in views.projects(ledger)}
