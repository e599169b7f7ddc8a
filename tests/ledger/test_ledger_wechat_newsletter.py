"""An internal newsletter laid out in a WeChat article editor and saved as HTML: a masthead, an issue
banner `第33期 ｜ 2025.03.21 周五 ｜ PMO 出品` a few lines down, parts numbered `02 数说本周`, and one
card per project whose title is a paragraph styled bold, over its `状态：… ｜ 进度：… ｜ 目标：…` line."""

from __future__ import annotations

from datetime import date

from index.ledger import views

from .conftest import Series

_ISSUE = """<html><head><title>产研周刊｜第{n}期</title></head><body>
<section><p style="font-size:12px;">QINGMENG · R&amp;D WEEKLY</p>
<h2>产研周刊</h2>
<p>第{n}期 ｜ {day} 周五 ｜ 产研中心PMO 出品</p></section>
<p style="font-weight:bold;">01 本期导读</p>
<p>▸ 本周要点见下。</p>
<p style="font-weight:bold;">03 项目进展</p>
<section><p style="margin:0;font-weight:bold;">直播课堂3.0</p>
<p style="font-size:13px;">状态：{state} ｜ 进度：{pct} ｜ 目标：{target} ｜ PM：周屹</p>
<p>白板SDK交付情况见风险。</p></section>
<section><p style="margin:0;font-weight: 700;">错题本2.0</p>
<p style="font-size:13px;">状态：🟢顺利 ｜ 进度：60% ｜ 目标：4月30日 ｜ PM：林晓棠</p></section>
</body></html>
"""


def test_a_newsletter_issue_is_dated_by_its_banner_and_read_by_its_cards(series: Series) -> None:
    ledger = series(
        [
            (
                "周刊-第33期.html",
                _ISSUE.format(n=33, day="2025.03.21", state="🟢顺利", pct="55%", target="4月18日全量上线"),
            ),
            (
                "周刊-第34期.html",
                _ISSUE.format(n=34, day="2025.03.28", state="🟡关注", pct="58%", target="4月30日全量上线"),
            ),
        ]
    )
    assert sorted(r.date for r in ledger.reports()) == [date(2025, 3, 21), date(2025, 3, 28)]
    assert {p.name for p in views.projects(ledger)} == {"直播课堂3.0", "错题本2.0"}
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert {("直播课堂3.0", "status_downgrade"), ("直播课堂3.0", "date_moved")} <= slips
