"""A board export's pinned note (`📌 PM note · S25-06 wk1`) is the writer's word on the week, no
project; "灰度 8 天 0 事故" counts zero incidents, it tells none."""

from __future__ import annotations

from index.ledger.incident_words import cue
from index.ledger.mentions import valid_name


def test_a_pinned_note_names_no_project_but_a_notes_product_does() -> None:
    assert not valid_name("📌 PM note · S25-06 wk1")
    assert not valid_name("Editor's note")
    assert not valid_name("备注")
    assert valid_name("Notes app redesign")
    assert valid_name("Release notes v2")


def test_zero_incidents_written_as_a_figure_tell_none() -> None:
    assert cue("灰度 8 天 0 事故，谢谢大家") is None
    assert cue("零事故运行满 30 天") is None
    assert cue("本周发生 2 起事故") is not None
    assert cue("10 事故单已关闭") is not None  # ten tickets: the figure is no zero
