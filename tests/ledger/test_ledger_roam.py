"""Roam Research pages exported as Markdown are read as the Markdown they mean, each line under its
own number. Written from a blind series (wave 37: a cinema chain's guest-experience team keeping its
weekly sync in Roam); the pages below are this test's own."""

from __future__ import annotations

from index.ledger import views
from index.roam import looks_like_roam, read_roam

from .conftest import Series


def _page(issue: int, status: str, target: str, progress: str) -> str:
    return f"""- [[Weekly Sync]] 第{issue}期 #[[Depot Team]]
    - Attendees:: [[Lena Moss]] [[周宁]]
    - 上期回顾：{{{{[[embed]]: ((Ab3dE5fGh))}}}}
- ## 项目 Status 一览
    - [[洗车线传感器]] → Sensorline
        - Status:: #[[{status}]]
        - Progress:: {progress}
        - Target:: [[{target}]]
        - 供应商固件 ((Zx9yW8vUt)) 还在测
    - [[场站摄像头]]
        - Status:: #[[🟢 On Track]]
        - Target:: [[April 30th, 2025]]
- ## 周数据 Weekly numbers
    - {{{{[[table]]}}}}
        - 指标
            - 本周
        - 洗车量
            - 1,204
- ## ✅ Done 本周完成
    - {{{{[[DONE]]}}}} 摄像头选型
    - {{{{[[TODO]]}}}} 传感器复测 [[March 12th, 2025]]
"""


def test_a_roam_outline_reads_as_headings_fields_and_tables() -> None:
    source = _page(7, "🟡 At Risk", "March 28th, 2025", "5 家 (共 14 家)").splitlines()
    assert looks_like_roam(source)
    lines: dict[int, str] = {}
    for number, text in read_roam(source):
        lines.setdefault(number, text)
    assert lines[1] == "- **Weekly Sync** 第7期 Depot Team"  # a page link opening a block is its subject
    assert lines[2] == "  - Attendees: Lena Moss 周宁"  # a field bullet, its links as their text
    assert lines[3] == "  - 上期回顾："  # an embed shows another page's block: nothing here
    assert lines[4] == "## 项目 Status 一览"  # a heading bullet is a heading
    assert lines[5] == "- **洗车线传感器** → Sensorline"  # its children one list under it
    assert lines[6] == "  - Status: 🟡 At Risk"
    assert lines[8] == "  - Target: March 28th, 2025"  # a daily page's link is that day
    assert lines[9] == "  - 供应商固件  还在测"  # a block reference shows nothing
    assert lines[14] == ""  # the table's command
    assert lines[15] == "| 指标 | 本周 |"  # each row a chain of single children, the first the header
    assert lines[17] == "| 洗车量 | 1,204 |"
    assert lines[20] == "- [x] 摄像头选型" and lines[21] == "- [ ] 传感器复测 March 12th, 2025"


def test_other_outlines_are_not_roam() -> None:
    logseq = ["- #周报 [[Ops]]", "  author:: [[Lin]]", "- ## 项目", "\t- [[Alpha]]", "\t  status:: 🟢"]
    assert not looks_like_roam(logseq)  # Logseq writes its properties without a bullet
    bullets = ["- one", "- two", "- three", "- four", "- five"]
    assert not looks_like_roam(bullets)  # nothing only Roam writes


def test_roam_fields_make_slips_and_a_count_of_its_total_is_progress(series: Series) -> None:
    ledger = series(
        [
            ("February 28th, 2025.md", _page(6, "🟢 On Track", "March 28th, 2025", "5/14")),
            ("March 7th, 2025.md", _page(7, "🟢 On Track", "March 28th, 2025", "5/14")),
            ("March 14th, 2025.md", _page(8, "🟡 At Risk", "April 11th, 2025", "5 家 (共 14 家)")),
        ]
    )
    found = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("洗车线传感器", "date_moved") in found
    assert ("洗车线传感器", "status_downgrade") in found
    assert ("洗车线传感器", "stalled") in found  # 5/14 twice, then 5 of 14 written another way
    assert not {p for p, _ in found} & {"Weekly Sync", "项目 Status 一览", "Sensorline"}
