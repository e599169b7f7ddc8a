"""A weekly that pastes its board as a fenced diff: `-` lines are last week's board, `+` and context
lines this week's; each keyed line (`[RH2] Name | 🟡 at risk | 65% | ETA … | @owner | note`) is one
project's record. Written from w20-c (a board-diff weekly, wave 20); the reports are this test's own."""

from __future__ import annotations

from index.ledger import views
from index.line_rewrites import new_side_of_diffs

from .conftest import Series


def _weekly(day: str, diff: str) -> str:
    return f"""# Treasury Eng weekly No.{day[-2:]}

date: {day}

## Board diff
```diff
--- a/board/STATUS.md
+++ b/board/STATUS.md @ {day}
@@ -1,3 +1,3 @@
{diff}
```
"""


def test_a_board_diff_is_read_as_its_new_side(series: Series) -> None:
    first = (
        " [FXQ] FX quote cache | 🟢 on track | 40% | ETA 2025-05-16 | @Lena | cache warmed\n"
        " [LIQ] Liquidity dashboard | 🟢 on track | 70% | ETA 2025-06-30 | @Omar | charts done"
    )
    second = (
        "-[FXQ] FX quote cache | 🟢 on track | 40% | ETA 2025-05-16 | @Lena | cache warmed\n"
        "+[FXQ] FX quote cache | 🟡 at risk | 45% | ETA 2025-05-30 | @Lena | vendor feed late\n"
        " [LIQ] Liquidity dashboard | 🟢 on track | 70% | ETA 2025-06-30 | @Omar | charts done"
    )
    ledger = series(
        [("weekly-01.md", _weekly("2025-05-02", first)), ("weekly-02.md", _weekly("2025-05-09", second))]
    )
    found = {p.name: p for p in views.projects(ledger)}
    assert {"FX quote cache", "Liquidity dashboard"} <= set(found)  # no `+[FXQ]`, no `FXQ]`
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("FX quote cache", "date_moved") in slips
    assert ("FX quote cache", "status_downgrade") in slips
    # the `-` line (last week's board) is no second reading of this week: nothing else slipped
    assert {project for project, _ in slips} == {"FX quote cache"}


def test_the_new_side_keeps_line_numbers_and_each_text_occurs_in_its_line() -> None:
    lines = list(
        enumerate(["```diff", "--- a/x", "+++ b/x", "-old row", "+[AB1] new row", " same", "```"], 1)
    )
    new = new_side_of_diffs(lines)
    assert [number for number, _ in new] == [number for number, _ in lines]
    assert [text for _, text in new][3:6] == ["", "- [AB1] new row", "same"]
    for (_, text), (_, original) in zip(new, lines, strict=True):
        assert text.removeprefix("- ") in original
    untouched = [(1, "-[AB1] a list, not a diff")]
    assert new_side_of_diffs(untouched) == untouched
