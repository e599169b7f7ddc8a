"""Severity levels named in questions and written in reports."""

from __future__ import annotations

import pytest

from summarizer.facts.severity import severities, severity_matches


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("Were there any SEV1 incidents?", {"sev1"}),
        ("sev-2 and SEV 3", {"sev2", "sev3"}),
        ("P0 outages", {"p0"}),
        ("2024年一共发生了几次AB级事故", {"a级", "b级"}),
        ("B-level (B级)", {"b级"}),
        ("the HTTP2 step and p99 latency", set()),  # not levels
    ],
)
def test_levels_in_questions(text: str, levels: set[str]) -> None:
    assert severities(text) == levels


def test_an_incident_matches_its_written_level() -> None:
    assert severity_matches("SEV1", {"sev1"})
    assert severity_matches("定级B级", {"a级", "b级"})
    assert not severity_matches("定级C级", {"a级", "b级"})
    assert not severity_matches(None, {"sev1"})  # no level written: not claimed to match
