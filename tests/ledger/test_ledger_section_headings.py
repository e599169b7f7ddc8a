"""Headings that file projects (an update e-mail's areas and template sections, a roadmap's
columns) are no project of their own: the projects are the names their paragraphs open with."""

from __future__ import annotations

import pytest

from index.ledger.mention_layout import find_mentions
from index.ledger.mentions import valid_name

from .conftest import WriteReport

_MAIL = """# Weekly update

## Highlights so far

- Vendor keys arrived Tuesday.
- Two customers moved to the new queue.

## Engineering

**Billing export.** Invoices now stream nightly; GA moves from 2 May to 16 May. Amber.

**Audit trail.** 12 of 30 event types are covered. Green, target end of June.

## Asks

- Intros to two logistics buyers.
"""


def test_a_heading_over_bold_titled_paragraphs_files_projects(write_report: WriteReport) -> None:
    names = {m.name.rstrip(".") for m in find_mentions(write_report("2025-04-04-update.md", _MAIL))}
    assert {"Billing export", "Audit trail"} <= names
    assert "Engineering" not in names  # an area over two projects' paragraphs


def test_a_heading_with_one_bold_lead_is_still_its_project(write_report: WriteReport) -> None:
    text = "# Weekly update\n\n## Billing export\n\n**Status.** Amber: GA moves from 2 May to 16 May.\n"
    names = {m.name for m in find_mentions(write_report("2025-04-04-update.md", text))}
    assert "Billing export" in names


@pytest.mark.parametrize(
    "name",
    [
        "Wins",
        "Misses",
        "Asks",
        "Wins & losses",
        "Kudos",
        "Good news",
        "Let's start with the good news",
        "First, the bad news",
    ],
)
def test_template_and_period_words_name_no_project(name: str) -> None:
    assert not valid_name(name)


@pytest.mark.parametrize("name", ["Winsock port", "Asks inbox", "News feed ranking", "Bad news alerts"])
def test_names_that_start_with_those_words_are_kept(name: str) -> None:
    assert valid_name(name)


def test_a_heading_over_labelled_paragraphs_files_projects(write_report: WriteReport) -> None:
    text = """# Weekly update

## Engineering

Billing export: amber, GA moves from 2 May to 16 May.

Audit trail: on track for 30 June.
"""
    names = {m.name for m in find_mentions(write_report("2025-04-04-update.md", text))}
    assert {"Billing export", "Audit trail"} <= names
    assert "Engineering" not in names


def test_a_byline_is_no_project_paragraph(write_report: WriteReport) -> None:
    text = """# 双周报

## 存储

撰稿：韩一苇

作者：李雷

分层存储的预览版从4月底推迟到5月底。
"""
    names = {m.name for m in find_mentions(write_report("2025-03-14-issue.md", text))}
    assert "存储" in names  # two bylines make no container: they name writers, not news
