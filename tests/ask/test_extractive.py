"""Word forms and line sections in extractive evidence."""

from __future__ import annotations

import pytest

from index.retrieve import Hit
from summarizer.engines.local.extractive import block_reason, coverage, line_section, stem


@pytest.mark.parametrize(
    ("word", "stemmed"),
    [
        ("owns", "own"),
        ("owner", "own"),
        ("launched", "launch"),
        ("launches", "launch"),
        ("eta", "eta"),
        ("上线", "上线"),
        ("sev2", "sev2"),
    ],
)
def test_light_stem(word: str, stemmed: str) -> None:
    assert stem(word) == stemmed


def test_coverage_folds_word_forms() -> None:
    weights = {"owns": 2.0, "rollout": 1.0}
    assert coverage("Owner: Tomás Ortega", weights) == pytest.approx(2 / 3)
    assert coverage("nothing here", weights) == 0.0


def test_line_section_in_a_merged_chunk() -> None:
    lines = {
        1: "## Projects",
        2: "### Checkout",
        3: "- Owner: Priya",
        4: "### Secrets Manager",
        5: "- Owner: Tomás",
    }
    hit = Hit(
        "id",
        "/r.md",
        "2025-W22",
        "Projects > Checkout",
        ["Projects > Checkout", "Projects > Secrets Manager"],
        (2, 5),
        "",
        0.0,
        "projects",
    )
    assert line_section(hit, lines, 3) == "Projects > Checkout"
    assert line_section(hit, lines, 5) == "Projects > Secrets Manager"


def test_a_line_belongs_to_the_project_its_paragraph_names(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """'owner Sam Ortiz.' continues the Deep Links paragraph: it is no answer about Email."""
    from summarizer.engines.local.extractive import Evidence, about

    report = tmp_path / "r.md"
    report.write_text(
        "## Workstreams\n\n"
        "**Email Re-engagement** 🟡 — 40% done;\n"
        "owner Priya Nair.\n\n"
        "**Mobile Deep Links** 🟢 — 60% done;\n"
        "owner Sam Ortiz.\n",
        encoding="utf-8",
    )
    hit = Hit("id", str(report), "2025-W19", "Workstreams", ["Workstreams"], (1, 7), "", 0.0, "projects")
    priya = Evidence(hit, 0, 4, "owner Priya Nair.", 1.0)
    sam = Evidence(hit, 0, 7, "owner Sam Ortiz.", 1.0)
    lines = dict(enumerate(report.read_text(encoding="utf-8").splitlines(), start=1))
    assert about(priya, ["Email Re-engagement"], lines) and not about(sam, ["Email Re-engagement"], lines)
    assert about(sam, ["mobile deep links"], lines)  # case and spacing folded
    # a name with its other name in brackets: a line writing either half is the project's
    assert about(sam, ["Deep Links v2 (Mobile Deep Links)"], lines)
    assert about(priya, ["Email Re-engagement (ERE)"], lines)
    assert not about(sam, ["Email Re-engagement (ERE)"], lines)


def test_block_reason_reads_the_prose_beside_a_field_line() -> None:
    """Below a field line, its block's prose (field lines skipped); at the next item's lead line
    the block has ended, so the prose above the cited line is read instead; a table row's notes
    cell is its reason."""
    lines = {
        1: "KR1 新结算页 ｜ 进度 2/4",
        2: "负责人：沈青",
        3: "支付网关联调延后一周，风控规则还没给。",
        4: "状态：有风险",
        5: "",
        6: "KR2 会员体系 ｜ 进度 3/4",
        7: "会员等级规则评审通过。",
        8: "| 对账平台 | 60% | 5月底 | 延期 | 银行文件格式变了，解析要重写 |",
    }
    assert block_reason(lines, 1, 8) == (3, "支付网关联调延后一周，风控规则还没给。")
    assert block_reason(lines, 4, 8) == (3, "支付网关联调延后一周，风控规则还没给。")
    assert block_reason(lines, 8, 8) == (8, "银行文件格式变了，解析要重写")
    assert block_reason(
        {1: "Owner: Dana / ETA: May 9 / At risk", 2: "", 3: "Vendor SDK arrives late."}, 1, 8
    ) == (
        3,
        "Vendor SDK arrives late.",
    )


def test_where_a_thing_stands_now_is_told_by_the_newest_report_first() -> None:
    from summarizer.engines.local.extractive import best_evidence
    from summarizer.engines.local.subject import asks_now

    def hit(report: str, week: str) -> Hit:
        return Hit(report, report, week, "Tern", ["Tern"], (1, 1), "", 0.0, "projects")

    old, new = hit("/r/w10.md", "2025-W10"), hit("/r/w18.md", "2025-W18")
    sources = {"/r/w10.md": {1: "Tern 0.3 还按月底发布。"}, "/r/w18.md": {1: "Tern 0.3 在4月22日发布了。"}}
    weights = {"tern": 5.0}
    assert best_evidence([old, new], weights, 1, sources)[0].hit is old  # the search's order
    assert best_evidence([old, new], weights, 1, sources, newest_first=True)[0].hit is new
    assert asks_now("Tern 现在怎么样了？") and asks_now("What is the current status of Tern?")
    assert not asks_now("Why did Tern slip in March?")


def test_a_history_since_a_date_runs_newest_first_without_bare_labels() -> None:
    from summarizer.engines.local.extractive import Evidence, newest_history

    def at(report: str, week: str, line: int, quote: str) -> Evidence:
        hit = Hit(report, report, week, "Tern", ["Tern"], (1, 9), "", 0.0, "projects")
        return Evidence(hit, 0, line, quote, 1.0)

    label = at("/r/w12.md", "2025-W12", 1, "-- Tern migration --")
    early = at("/r/w12.md", "2025-W12", 3, "Tern migration: 27 of 40 moved.")
    late = at("/r/w15.md", "2025-W15", 2, "Tern migration done: 40 of 40.")
    question = "What happened with the Tern migration since mid-March?"
    assert newest_history([label, early, late], question) == [late, early]
    assert newest_history([label], question) == [label]  # nothing else said: the label is kept


def test_a_quote_naming_a_thing_takes_the_next_sentence_that_says_where_it_stands() -> None:
    from summarizer.engines.local.extractive import MAX_QUOTE, Evidence, with_figures

    line = (
        'The design-system migration has a new name: it\'s now "Coldmere Patterns", because comms'
        ' felt "migration" sounded like something the council does to geese. It\'s still sitting'
        " at 64 of 120 templates. I'll be honest, with Repairs on the go it may sit there a while"
        " longer, and nobody on the team is going to pretend otherwise in the next show and tell."
    )
    assert len(line) > MAX_QUOTE  # cut into sentences: the one naming it holds no figure
    sources = {"/r.md": {7: line}}
    hit = Hit("id", "/r.md", "2025-W14", "Design system", ["Design system"], (7, 7), "", 0.0, "projects")
    first = line.split(" It's")[0]
    found = with_figures(Evidence(hit, 0, 7, first, 1.0), sources)
    assert found.quote.endswith("It's still sitting at 64 of 120 templates.")
    assert found.quote in line  # one span of the cited line: it verifies
    # A quote that states a figure already stays as it is.
    said = "It's still sitting at 64 of 120 templates."
    assert with_figures(Evidence(hit, 0, 7, said, 1.0), sources).quote == said


def test_a_reason_is_read_to_the_end_of_its_sentence() -> None:
    from summarizer.engines.local.extractive import Evidence, following

    line = (
        "PCI DSS 4.0 readiness has gone from on track to at risk. When Marek's team went through the"
        " logging controls with our assessor, they found that we only keep payment system logs for"
        " ninety days in searchable form, where the standard wants twelve months, and that three"
        " systems are affected. We need budget."
    )
    sources = {"/r.md": {3: line}}
    hit = Hit("id", "/r.md", "2024-W07", "PCI", ["PCI"], (3, 3), "", 0.0, "projects")
    first = "PCI DSS 4.0 readiness has gone from on track to at risk."
    after = following(Evidence(hit, 0, 3, first, 1.0), sources)
    assert after is not None
    assert after.quote.endswith(
        "where the standard wants twelve months, and that three systems are affected."
    )
    assert after.quote in line
