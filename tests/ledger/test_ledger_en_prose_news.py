"""English prose that carries a project's news in words: targets told as aims and moves, progress
and health told in sentences, renames, and the paragraph sentences a lead mention does not read.
Written from the zoo's English prose series (weeknotes, meeting logs, PMO memos, changelogs)."""

from __future__ import annotations

from datetime import date

import pytest

from index.ledger.mentions import valid_name
from index.ledger.observation_merge import merge_observations
from index.ledger.ordinal_targets import find_ordinal_targets
from index.ledger.progress import find_progress
from index.ledger.prose import Passage
from index.ledger.prose_links import Vocabulary, link_passages
from index.ledger.prose_names import clause_openings
from index.ledger.renames import rename_pairs
from index.ledger.signals import find_statuses
from index.ledger.targets import classify_dates, pick_target
from index.schemas import Citation, Observation

REF = date(2025, 3, 14)


@pytest.mark.parametrize(
    ("text", "day", "moved"),
    [
        ("We're aiming for a private beta before Easter, with 50 tenants.", date(2025, 4, 17), False),
        ("We're working towards a public beta by the end of May.", date(2025, 5, 31), False),
        ("we're hoping for sign-off by the end of March, so that Repairs can see", date(2025, 3, 31), False),
        ("We're targeting a public beta on 15 July.", date(2025, 7, 15), False),
        ("OTel: still on track for the 15 July public beta.", date(2025, 7, 15), False),
        ("the w/c 12 May go-live is at risk until those are in", date(2025, 5, 12), False),
        ("so the end-of-July target is on hold", date(2025, 7, 31), False),
        ("Carrier Rate API migration on track for cutover mid-April.", date(2025, 4, 15), False),
        ("we're saying week commencing 28 April for the private beta instead.", date(2025, 4, 28), True),
        ("SCIM provisioning is now expected in August rather than July.", date(2025, 8, 31), True),
        (
            "it was re-baselined to late Q3 for the motor go-live, replacing the end of June date.",
            date(2025, 9, 30),
            True,
        ),
        ("SCIM: test tenants are set up; August still holds.", date(2025, 8, 31), False),
        ("The Home rating engine upgrade has slipped into H2.", date(2025, 12, 31), True),
    ],
)
def test_a_target_told_in_prose(text: str, day: date, moved: bool) -> None:
    picked = pick_target(classify_dates(text, REF))
    assert picked is not None
    assert (picked.hit.value, picked.role, picked.moved) == (day, "target", moved)


@pytest.mark.parametrize(
    "text",
    [
        # a step's deadline beaten is no target now (an overdue slip would follow)
        "The design doc was accepted on April 24, a week ahead of the end-of-April deadline.",
        "the 17 June incident took ingestion down",
        "we met on 3 April to review the plan",
        # a day that "holds" is a target only while it is still ahead
        "Halvorsen signed off the mapping and the 1st holds.",
    ],
)
def test_no_target(text: str) -> None:
    assert pick_target(classify_dates(text, REF)) is None


@pytest.mark.parametrize(
    ("text", "version"),
    [
        ("At risk for 0.10 because we still don't have a code-signing certificate", "0.10"),
        ("so... bump it to 0.11?", "0.11"),
        ("#agreed plugin API v2 moves to 0.11", "0.11"),
        ("let's aim for 0.10.1 instead, the CI job will be ready", "0.10.1"),
        ("realistic target is 0.11, not 0.10", "0.11"),
        ("ok, let's say 0.12", "0.12"),
    ],
)
def test_a_release_train_target_in_a_meeting(text: str, version: str) -> None:
    assert [t.text for t in find_ordinal_targets(text)] == [version]


def test_a_release_named_with_its_day_is_no_version_target() -> None:
    assert find_ordinal_targets("it was at risk for 4.2 on Monday") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Jamal got to 64 of 120 templates before being pulled onto Repairs.", 53),
        ("The design-system migration is still on 64 of 120 templates.", 53),
        ("It's still sitting at 64 of 120 templates.", 53),
        ("Jamal has moved 52 of 120 page templates over to the new components.", 43),
        ("reconciliation has been stuck at 70% since before Easter", 70),
        ("ETA Predictor retrain still 60%. Blocked-ish on the vendor.", 60),
        ("3/7 languages green now, python passed", 43),
        ("still 4/7. java is hard", 57),
        ("still four of seven. no progress on java", 57),
    ],
)
def test_progress_told_in_prose(text: str, value: int) -> None:
    assert [span.value for span in find_progress(text, True)] == [value]


def test_a_metric_still_at_a_share_is_no_progress() -> None:
    assert find_progress("error rate still 2%.", True) == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("It's amber for now – if we get the wording early next week we can still hit the 12th.", "at_risk"),
        ("the Korvel connector has gone from green to wobbly because of the sandbox", "at_risk"),
        ("Permits went into public beta on Wednesday 14 May", "launched"),
        ("OpenTelemetry trace ingestion is in public beta as of Wednesday 13 August.", "launched"),
        ("The housing register discovery wrapped up on Wednesday 23 April.", "done"),
    ],
)
def test_status_told_in_prose(text: str, status: str) -> None:
    assert [span.value for span in find_statuses(text)] == [status]


@pytest.mark.parametrize("text", ["it's a green light from legal", "we will wrap up on 3 May"])
def test_no_status(text: str) -> None:
    assert find_statuses(text) == []


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Following the brand review, the Broker Portal Refresh will be called Broker Hub from now on.",
            ("Broker Portal Refresh", "Broker Hub"),
        ),
        (
            'The design-system migration has a new name: it\'s now "Coldmere Patterns", because comms felt',
            ("design-system migration", "Coldmere Patterns"),
        ),
    ],
)
def test_a_rename_told_in_prose(text: str, pair: tuple[str, str]) -> None:
    assert [(old.removeprefix("the ").removeprefix("The "), new) for old, new in rename_pairs(text)] == [pair]


def test_a_lowercase_new_name_is_no_rename() -> None:
    assert rename_pairs("the report will be called monthly from now on") == []


@pytest.mark.parametrize(
    "name",
    [
        "Now",
        "Next",
        "Later",
        "Things that went well",
        "Things that were hard",
        "Key dates",
        "Decisions needed",
    ],
)
def test_template_labels_are_no_projects(name: str) -> None:
    assert not valid_name(name)


def test_a_colon_after_a_whole_clause_is_prose() -> None:
    text = "The design-system migration hasn't moved as fast as I'd like: Jamal got to 64 of 120 templates."
    assert clause_openings(text) == ["The design-system migration hasn't moved as fast as I'd like"]
    assert clause_openings("Assignee: Kofi Mensah") == []


def _obs(**fields: object) -> Observation:
    cited = Citation(report="r.md", week="2025-W12", section="s", lines=(1, 1), quote="q")
    base: dict[str, object] = {
        "project": "Repairs",
        "report": "r.md",
        "week": "2025-W12",
        "date": "2025-03-21",
        "evidence": cited,
    }
    return Observation.model_validate({**base, **fields})


def _passage(text: str, signal: int = -1, opening: str = "") -> Passage:
    return Passage(
        text=text, line=1, reach=len(text), signal=signal, opening=opening, observation=_obs(project="")
    )


VOCAB = Vocabulary([("design-system migration", "DSM"), ("Repairs", "Repairs")])


def test_two_names_the_one_before_the_signal_owns_it() -> None:
    text = "The design-system migration stalls: Jamal got to 64 of 120 templates before moving onto Repairs."
    linked = link_passages(VOCAB, [_passage(text, signal=text.index("got to"))])
    assert [canon for canon, _ in linked] == ["DSM"]
    assert link_passages(VOCAB, [_passage(text)]) == []  # no signal position: two names, nobody's


def test_a_later_sentence_naming_a_project_after_its_news_is_the_paragraphs() -> None:
    text = "We're hoping for sign-off by the end of March, so that Repairs can see the properties."
    passage = _passage(text, opening="The design-system migration is on track")
    passage.reach = text.index(",")
    assert [canon for canon, _ in link_passages(VOCAB, [passage])] == ["DSM"]


def test_prose_fills_the_target_a_lead_left_empty_and_keeps_its_status() -> None:
    lead = _obs(origin="lead", status="at_risk")
    prose = _obs(origin="prose", target="2025-04-28", target_text="w/c 28 April", status=None)
    merged = merge_observations([lead, prose], "Repairs")
    assert (merged.status, str(merged.target), merged.origin) == ("at_risk", "2025-04-28", "lead")


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # Japanese puts the new name before its verb, a wiki's link brackets around both
        (
            "📣 [同時配信90分SLA] は今週から社内呼称を [疾風] (Hayate) に変えます。",
            [("同時配信90分SLA", "疾風")],
        ),
        ("「用語集DB移行」を「Kotoba移行」に改名しました", [("用語集DB移行", "Kotoba移行")]),
        ("[目標日] は [6月13日] に変更なし", []),  # no change is no rename
    ],
)
def test_a_rename_told_in_japanese(text: str, pairs: list[tuple[str, str]]) -> None:
    assert rename_pairs(text) == pairs
