"""Answers fit to read: no markup, quotes cut at clause boundaries, a sentence for a headline, table
rows quoted only when their label is what was asked, and every cleaned quote still verifies."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.retrieve import Hit
from index.schemas import Citation
from index.text.normalise import fold_space, plain_line, strip_inline
from index.verify import Verifier
from summarizer.engines.local.extractive import MAX_QUOTE, Evidence, candidates, clauses
from summarizer.engines.local.points import fragment, headline
from summarizer.facts.common import clip
from summarizer.pipelines.ask import tidy
from summarizer.schemas import Answer, Point


@pytest.mark.parametrize(
    ("line", "plain"),
    [
        ("<p>Falcon status: <b>Blocked</b></p>", "Falcon status: Blocked"),
        ('<div class="status-card">', ""),
        (
            "In Progress: [MOB-430 Push v2](https://jira.example.com/browse/MOB-430) — 2025.09",
            "In Progress: MOB-430 Push v2 — 2025.09",
        ),
        ("![chart](img/p95.png) p95 went down", "chart p95 went down"),
        ("**Status:** Completed", "Status: Completed"),
        ("*Owner:* __Priya__ ~~May 9~~ May 23", "Owner: Priya May 9 May 23"),
        ("Lower `async |x| { .. }` closures", "Lower async |x| { .. } closures"),
        (
            "**负责人** 罗宛 | **当前进度** 100% | **状态** ✅ 已上线",
            "负责人 罗宛 | 当前进度 100% | 状态 ✅ 已上线",
        ),
        ("| MetricHub | 江映雪 | 75% | 6.13 | 有风险 |", "MetricHub | 江映雪 | 75% | 6.13 | 有风险"),
        ("| --- | :---: | --- |", ""),
        ("| No incidents this week.", "No incidents this week."),
        ("AT&amp;T &nbsp;uptime 99.9%", "AT&T uptime 99.9%"),
        # Not markup: identifiers, arithmetic, an e-mail address in angle brackets.
        ("p95_latency_ms rose 3*4 times", "p95_latency_ms rose 3*4 times"),
        ("From: Dan Okafor <dan.okafor@example.com>", "From: Dan Okafor <dan.okafor@example.com>"),
        ("- [x] 新增 **风控规则** 12 条", "[x] 新增 风控规则 12 条"),
        # A numbered item loses its number; a line opening with a dotted day keeps its day.
        ("2. 灰度放量到 50%", "灰度放量到 50%"),
        ("11.19全量完成，CTR +2.1%", "11.19全量完成，CTR +2.1%"),
        ("1.1 Background", "1.1 Background"),
    ],
)
def test_plain_line(line: str, plain: str) -> None:
    assert plain_line(line) == plain
    assert strip_inline(plain_line(line)) == plain_line(line)  # idempotent


@pytest.mark.parametrize(
    ("line", "quote"),
    [
        ("<p>Falcon status: <b>Blocked</b></p>", "Falcon status: Blocked"),
        ("<p>Falcon status: <b>Blocked</b></p>", "<b>Blocked</b>"),  # a quote that kept its markup
        ("- **负责人**：罗宛 **进度**：95%", "负责人：罗宛 进度：95%"),
        ("- 详见 [复盘文档](https://wiki/x)，根因是配置未走灰度", "详见 复盘文档，根因是配置未走灰度"),
        ("| 数据资产目录 | 欧阳霁 | -- | 暂停 |", "数据资产目录 | 欧阳霁 | -- | 暂停"),
    ],
)
def test_clean_quotes_verify(tmp_path: Path, line: str, quote: str) -> None:
    report = tmp_path / "r.md"
    report.write_text(f"# 周报 2025-05-30\n\n{line}\n", encoding="utf-8")
    citation = Citation(report=str(report), week="2025-W22", section="s", lines=(3, 3), quote=quote)
    assert Verifier().check(citation)
    assert not Verifier().check(citation.model_copy(update={"quote": "Falcon status: On track"}))


LONG_EN = (
    "PCI DSS 4.0 readiness has gone from on track to at risk. When the team went through the logging "
    "controls with our assessor, it turned out the audit logs from the admin tools aren't kept for the "
    "twelve months the standard asks for, and fixing that means changes in three systems."
)
LONG_ZH = "本周完成规则迁移和回归测试，" * 6 + "下周开始灰度，" * 4 + "预计月底全量。"
LONG_NO_PUNCTUATION = "supercalifragilistic " * 12


@pytest.mark.parametrize("text", [LONG_EN, LONG_ZH, LONG_NO_PUNCTUATION, "风控引擎" * 50])
def test_quotes_are_cut_at_clause_boundaries(text: str) -> None:
    pieces = clauses(text)
    assert all(len(p) <= MAX_QUOTE for p in pieces)
    assert fold_space("".join(pieces)) == fold_space(text)  # nothing lost, nothing added
    words = set(text.split())
    for piece in pieces:
        if text.isascii():
            assert set(piece.split()) <= words  # never a cut word
    if text == LONG_EN:
        assert pieces[0] == "PCI DSS 4.0 readiness has gone from on track to at risk."
        assert pieces[-1].endswith("changes in three systems.")
    if text == LONG_ZH:
        assert all(p.endswith(("，", "。")) for p in pieces)


@pytest.mark.parametrize(
    ("text", "limit", "clipped"),
    [
        (
            "We will not release at the end of February because the formatter",
            40,
            "We will not release at the end of…",
        ),
        ("**Status:** Completed", 90, "Status: Completed"),
        ("预计完成：6/30，目前卡在合规评估，需要法务确认保留期限", 20, "预计完成：6/30，目前卡在合规评估…"),
        ("预计完成：6/30，目前卡在合规评估，需要法务确认保留期限", 14, "预计完成：6/30…"),
    ],
)
def test_clip_keeps_words_whole(text: str, limit: int, clipped: str) -> None:
    assert clip(text, limit) == clipped


def _hit(section: str = "Initiatives") -> Hit:
    return Hit("id", "/r.md", "2025-W21", section, [section], (1, 9), "", 0.0, "projects")


def _evidence(quote: str, coverage: float, section: str = "Initiatives") -> Evidence:
    return Evidence(_hit(section), 0, 1, quote, coverage, section)


@pytest.mark.parametrize(
    ("quote", "is_fragment"),
    [
        ("Status: At risk", True),
        ("负责人: 谭悦", True),
        ("MetricHub | 江映雪 | 75%", True),
        ("SOC 2 evidence collection is complete, a week before its date.", False),
        ("P0之后稳定性优先，所有混部节点已摘除，潮汐暂停，等稳定性评审结论后再决定是否恢复。", False),
    ],
)
def test_fragments(quote: str, is_fragment: bool) -> None:
    assert fragment(quote) is is_fragment


def test_headline_is_a_sentence_about_the_question() -> None:
    sentence = _evidence("SOC 2 evidence collection is complete, a week before its date.", 0.7)
    label = _evidence("Status: Completed", 0.75, "Goal: SOC 2 evidence")
    assert headline([label, sentence], "en") == sentence.quote  # nearly as good, and a sentence
    assert headline([label], "en") == "Goal: SOC 2 evidence — Status: Completed"
    row = _evidence("MetricHub | 江映雪 | 75% | 有风险", 0.8, "二、项目进展")
    assert headline([row], "zh") == "二、项目进展 — MetricHub: 江映雪、75%、有风险"


def test_table_rows_are_quoted_only_for_what_was_asked() -> None:
    lines = {
        1: "## 项目进展",
        2: "| 项目 | 负责人 | 进度 | 状态 |",
        3: "| --- | --- | --- | --- |",
        4: "| MetricHub | 江映雪 | 75% | 有风险 |",
        5: "| 数据资产目录 | 欧阳霁 | 25% | 有风险 |",
    }
    weights = {"metrichub": 3.0, "进展": 1.0, "有风险": 1.0}
    found = candidates([_hit("项目进展")], weights, {"/r.md": lines})
    assert [e.line for e in found] == [4, 5]  # header and separator rows say nothing
    asked = candidates([_hit("项目进展")], weights, {"/r.md": lines}, subject={"metrichub": 3.0})
    assert [e.quote for e in asked] == ["MetricHub | 江映雪 | 75% | 有风险"]


def test_tidy_strips_markup_from_any_engine(tmp_path: Path) -> None:
    report = tmp_path / "r.md"
    report.write_text(
        "# W1 2025-01-03\n\n- **Status:** [Blocked](https://x/1) on <b>legal</b>\n", encoding="utf-8"
    )
    cite = Citation(
        report=str(report),
        week="2025-W01",
        section="s",
        lines=(3, 3),
        quote="**Status:** [Blocked](https://x/1)",
    )
    answer = Answer(
        answer="**Blocked** on <b>legal</b>", points=[Point(text="s: **Status:** Blocked", citations=[cite])]
    )
    tidied = tidy(answer)
    assert tidied.answer == "Blocked on legal"
    assert tidied.points[0].text == "s: Status: Blocked"
    assert tidied.points[0].citations[0].quote == "Status: Blocked"
    assert Verifier().check(tidied.points[0].citations[0])


def test_what_is_asked_of_a_project_may_be_said_across_its_shown_lines() -> None:
    """ "SPv2 的 A/B 实验结论是什么？": the TL;DR says "SPv2 结论出来了", the project's line "实验 4/7
    收官"; the answer shows both, and together they say what is asked (neither alone: the zoo's
    hard gate caught it refused when the index's weights tipped 实验 below half)."""
    from summarizer.engines.local.engine import _says_asked

    asked = {"实验": 3.7, "结论": 4.9}
    lines = [
        _evidence("TL;DR：SPv2 结论出来了，B 组赢", 1.0),
        _evidence("SPv2 — 实验 4/7 收官：B组首充转化 +0.7pp", 1.0),
    ]
    assert _says_asked(lines, asked, {}) == 1.0
    assert _says_asked(lines[1:], asked, {}) < 0.5  # the project's line alone does not
    assert _says_asked([_evidence("SPv2 — 排期见下", 1.0)], asked, {}) == 0.0
