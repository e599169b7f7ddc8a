"""A Project Web App status report saved as HTML: its Project Center table gives each project's
`Finish` (the scheduled one, beside `Baseline Finish`) and `Health`; the replies are filed under
`Major Accomplishments` and `Hot Issues`, which are sections, not projects; a name may hold `I/F`."""

from __future__ import annotations

from index.classify import classify_heading
from index.ledger import views
from index.ledger.mentions import valid_name
from index.models import SectionKind

from .conftest import Series


def test_status_report_sections_and_an_interface_name() -> None:
    assert classify_heading("重点问题 Hot Issues") is SectionKind.RISKS
    assert not valid_name("本期主要成果 Major Accomplishments")
    assert valid_name("DMS-INT 索赔接口 Warranty Claim I/F")
    assert not valid_name("I shipped the fix")


_PAGE = """<html><body>
<h1>DMS推广项目周报 · Rollout Weekly ({label})</h1>
<table><tr><td>Period:</td><td>{period}</td></tr><tr><td>Owner:</td><td>王琳 (PMO)</td></tr></table>
<h2>Project Center 快照 / Active Projects</h2>
<table>
<tr><th>项目 Project Name</th><th>负责人</th><th>% Complete</th><th>Start</th><th>Finish</th><th>Baseline Finish</th><th>Health 健康度</th></tr>
<tr><td>DMS-INT 索赔接口 Warranty Claim I/F</td><td>刘畅</td><td>{pct}</td><td>12/16/2024</td><td>{finish}</td><td>4/15/2025</td><td>{health}</td></tr>
<tr><td>DMS-DM 存量数据迁移</td><td>孙蕾</td><td>63%</td><td>12/9/2024</td><td>5/30/2025</td><td>5/30/2025</td><td>On Track</td></tr>
</table>
<h2>本期主要成果 Major Accomplishments</h2>
<ul><li>试点店数据迁移完成。</li></ul>
</body></html>
"""


def test_a_finish_column_moving_is_a_slip(series: Series) -> None:
    ledger = series(
        [
            (
                "wsr-0321.html",
                _PAGE.format(
                    label="PW16",
                    period="3/17/2025 - 3/21/2025",
                    pct="44%",
                    finish="4/15/2025",
                    health="On Track",
                ),
            ),
            (
                "wsr-0328.html",
                _PAGE.format(
                    label="PW17",
                    period="3/24/2025 - 3/28/2025",
                    pct="48%",
                    finish="5/20/2025",
                    health="At Risk",
                ),
            ),
        ]
    )
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("DMS-INT 索赔接口 Warranty Claim I/F", "date_moved") in slips
    assert ("DMS-INT 索赔接口 Warranty Claim I/F", "status_downgrade") in slips
    assert "本期主要成果 Major Accomplishments" not in {p.name for p in views.projects(ledger)}
