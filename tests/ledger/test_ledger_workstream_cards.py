"""A chat channel's workstream cards: one line per workstream, its name (Latin and Chinese mixed),
a dash, then unlabelled cells set off by bars (`Gatekeeper 风控网关二期 — 🟡 at risk | 75% | go-live
18/6`): the sign and its words after the dash are the status, a cell that is only a day or a
sprint is the target, a bare fraction beside it is how much is done; a continuation line (`↳ …`)
under the card glues to it."""

from __future__ import annotations

from datetime import date

from index.ledger import views
from index.ledger.card_cells import card_cells
from index.ledger.field_labels import field_pieces
from index.ledger.incident_fields import duration
from index.ledger.ordinal_targets import find_ordinal_targets

from .conftest import Series


def _fields(text: str) -> list[tuple[str | None, str]]:
    return [
        (p.labelled.field if p.labelled else None, text[p.start : p.end])
        for p in card_cells(text, 0) or field_pieces(text)
    ]


def test_unlabelled_cells_of_a_card() -> None:
    assert _fields("🟢 | 40% | end of June (vendor PO pending)") == [
        (None, "🟢"),
        ("progress", "40%"),
        ("target", "end of June"),
        (None, " (vendor PO pending)"),
    ]
    # a fraction beside a sprint is progress; the sprint's dates in brackets are its span, not a target
    assert _fields("🟡 at risk | 3/8 | Sprint 14 (6/2–6/13), 只等 Orbis") == [
        (None, "🟡 at risk"),
        ("progress", "3/8"),
        ("target", "Sprint 14"),
        (None, " (6/2–6/13), 只等 Orbis"),
    ]
    # two cells say nothing of what the day is; a fraction with no target beside it stays as written
    assert card_cells("上线 | 3/28", 0) is None
    assert all(f is None for f, _ in _fields("🟢 | 3/8 | on track"))  # a status beside it is no target


def test_a_middle_dotted_card_gives_status_target_and_release() -> None:
    # a page's bullet after its label: `Ingest: Amber · Tue 4 Mar · 90%. Go/no-go Mon 3 Mar`
    assert _fields(" Amber · Tue 4 Mar · 90%. Go/no-go Mon 3 Mar") == [
        (None, "Amber"),
        ("target", "Tue 4 Mar"),
        ("progress", "90%"),
        (None, ". Go/no-go Mon 3 Mar"),
    ]
    assert [f for f, _ in _fields(" Red · 2025.04 drop · 62%.")] == [None, "target", "progress"]
    # a measure's share in its own cell is no progress (`流量 10%`: traffic)
    assert "progress" not in [f for f, _ in _fields("exp_88 召回v3 ｜ 流量 10% ｜ 运行中")]
    assert [f for f, _ in _fields(" Amber · S25.06 · 60%.")] == [None, "target", "progress"]
    # words that are no status and no day leave the line as written
    assert card_cells("notes · misc · more", 0) is None
    # a key to the signs is no card; a line that is not a project's own first line is read as before
    assert card_cells("G on track · Y at risk · DONE · CXL cancelled", 0) is None
    assert [p.labelled for p in field_pieces("🟢 | 40% | end of June")] == [None]  # no card unless asked
    # a version's number opening a count is no release (`0.8/6万亩`: 0.8 of 60,000 mu)
    assert "target" not in [f for f, _ in _fields("正常｜0.8/6万亩｜5/10前完成")]


def test_chinese_cues_move_a_sprint_target() -> None:
    assert [t.order for t in find_ordinal_targets("目标提前到 Sprint 12 (证书到期)")] == [(12,)]
    assert [t.order for t in find_ordinal_targets("改到 Sprint 15, UAT 排不开")] == [(15,)]
    assert find_ordinal_targets("Sprint 15 planning 周一") == []


def test_a_capital_m_counts_millions_not_minutes() -> None:
    assert duration("backlog 峰值 2.4M 条, 40 分钟内未消化") == ("40 分钟", 40.0)
    assert duration("down for 12m") == ("for 12m", 12.0)


_CARD = """\
**Orbit Desk Weekly #{n}**
Period: {period}

**🚦 Workstreams**
1️⃣ Gatekeeper 风控网关二期 — {gate} | {gate_pct} | go-live {gate_day}
↳ {gate_note}
2️⃣ Ledgerline 对账 — {recon} | {recon_pct} | end of June
3️⃣ Partner API v4 — 🟢 | {api_done} | {api_sprint}

**📅 Next week**
• 跟进 Orbis 证书
"""


def test_cards_give_statuses_moves_and_progress(series: Series) -> None:
    ledger = series(
        [
            (
                "2025-05-30.md",
                _CARD.format(
                    n=20,
                    period="26–30 May",
                    gate="🟢",
                    gate_pct="60%",
                    gate_day="18/6",
                    gate_note="沙箱联调完成",
                    recon="🟢",
                    recon_pct="50%",
                    api_done="3/8",
                    api_sprint="Sprint 14",
                ),
            ),
            (
                "2025-06-06.md",
                _CARD.format(
                    n=21,
                    period="2–6 Jun",
                    gate="🟡 at risk",
                    gate_pct="70%",
                    gate_day="18/6",
                    gate_note="callback 缺字段, 已提 ticket GK-88",
                    recon="🟢",
                    recon_pct="50%",
                    api_done="5/8",
                    api_sprint="改到 Sprint 15 (6/16–6/27), UAT 排不开",
                ),
            ),
        ]
    )
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("Gatekeeper 风控网关二期", "status_downgrade") in slips
    assert ("Partner API v4", "date_moved") in slips
    recon = views.timeline(ledger, "Ledgerline 对账").observations
    assert [(o.progress, o.target) for o in recon] == [(50, date(2025, 6, 30))] * 2
    api = views.timeline(ledger, "Partner API v4").observations
    assert [o.progress for o in api] == [38, 62]
