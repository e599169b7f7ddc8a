"""A heading whose body names several known projects is their container, not a project's news."""

from __future__ import annotations

from index.ledger.containers import lent_sentences, without_lent
from index.ledger.prose import Passage
from index.ledger.prose_links import Vocabulary
from index.schemas import Citation, Observation

VOCAB = Vocabulary(
    [("Tiered Storage", "Tiered Storage"), ("Docs Portal", "Docs Portal"), ("Windows Build", "Windows Build")]
)


def _cite(line: int, quote: str) -> Citation:
    return Citation(report="r.md", week="2025-W10", section="s", lines=(line, line), quote=quote)


def _passage(line: int, text: str, within: list[str]) -> Passage:
    obs = Observation(
        project="", report="r.md", week="2025-W10", date="2025-03-07", evidence=_cite(line, text)
    )
    return Passage(text=text, line=line, reach=len(text), observation=obs, within=within)


def test_an_area_naming_two_projects_lends_their_sentences() -> None:
    passages = [
        _passage(3, "The Docs Portal launch moved to March 10.", ["Infra"]),
        _passage(5, "Windows Build is still paused.", ["Infra"]),
    ]
    lent = lent_sentences(VOCAB, passages, {"Infra": "Infra"})
    assert [s.line for s in lent["r.md", "Infra"]] == [3, 5]
    area = Observation(
        project="Infra",
        report="r.md",
        week="2025-W10",
        date="2025-03-07",
        evidence=_cite(1, "Infra"),
        status="paused",
        status_text="paused",
        status_evidence=_cite(5, "Windows Build is still paused"),
        progress=40,
        progress_evidence=_cite(7, "the CI farm is 40% migrated"),
    )
    kept = without_lent(area, lent["r.md", "Infra"])
    assert kept.status is None and kept.status_evidence is None
    assert kept.progress == 40  # a sentence naming no other project is still the area's
    assert area.status == "paused"  # the stored observation is not changed in place


def test_a_heading_naming_one_other_project_keeps_its_body() -> None:
    passages = [
        _passage(3, "Tiered Storage preview slipped to May.", ["Storage engine"]),
        _passage(4, "The compaction rewrite is on track.", ["Storage engine"]),
    ]
    assert lent_sentences(VOCAB, passages, {"Storage engine": "Storage engine"}) == {}


def test_a_projects_own_name_is_not_another_project() -> None:
    passages = [
        _passage(3, "Docs Portal moved to March 10.", ["Docs Portal"]),
        _passage(5, "Windows Build is paused.", ["Docs Portal"]),
    ]
    assert lent_sentences(VOCAB, passages, {"Docs Portal": "Docs Portal"}) == {}


def test_an_area_is_a_container_in_every_report() -> None:
    passages = [
        _passage(3, "The Docs Portal launch moved to March 10.", ["Infra"]),
        _passage(5, "Windows Build is still paused.", ["Infra"]),
    ]
    passages[1].observation.report = "r2.md"
    lent = lent_sentences(VOCAB, passages, {"Infra": "Infra"})
    assert sorted(lent) == [("r.md", "Infra"), ("r2.md", "Infra")]


def test_a_sentence_naming_several_projects_is_not_the_areas() -> None:
    passages = [
        _passage(3, "Docs Portal and Windows Build both need a date this week.", ["Infra"]),
        _passage(5, "The CI farm is at 40%.", ["Infra"]),
    ]
    lent = lent_sentences(VOCAB, passages, {"Infra": "Infra"})
    assert [s.line for s in lent["r.md", "Infra"]] == [3]


def test_a_heading_named_inside_its_bodys_project_is_its_area() -> None:
    passages = [_passage(3, "Tiered Storage preview slipped to May.", ["Storage"])]
    lent = lent_sentences(VOCAB, passages, {"Storage": "Storage"})
    assert [s.line for s in lent["r.md", "Storage"]] == [3]


def test_a_paragraphs_subject_counts_as_named_in_the_body() -> None:
    first = _passage(3, "The launch moved to March 10.", ["Infra"])
    first.opening = "Docs Portal"
    passages = [first, _passage(5, "Windows Build is still paused.", ["Infra"])]
    lent = lent_sentences(VOCAB, passages, {"Infra": "Infra"})
    assert [s.line for s in lent["r.md", "Infra"]] == [3, 5]
