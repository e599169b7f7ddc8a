"""Ingesting the same reports in any order (and re-ingesting some) gives the same ledger and slips,
whether the derived tables are brought up to date once at the end or after every report."""

from __future__ import annotations

import json
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from index.ledger import views
from index.ledger.store import Ledger
from index.load import load_document
from index.models import Report
from index.parse import parse_report

ZH_STATUS = ["按计划", "有风险", "延期", "联调中", "暂停"]
EN_STATUS = ["On track", "At risk", "Off track", "Blocked", "Done"]
FIRST_FRIDAY = date(2024, 11, 1)

week_state = st.tuples(
    st.sampled_from([30, 40, 40, 60]),  # progress (repeats make stalls likely)
    st.integers(min_value=0, max_value=3),  # target offset in weeks
    st.integers(min_value=0, max_value=4),  # status index
)
series_strategy = st.lists(st.tuples(week_state, week_state), min_size=3, max_size=6)


def render(index: int, zh: tuple[int, int, int], en: tuple[int, int, int]) -> str:
    day = FIRST_FRIDAY + timedelta(weeks=index)
    zh_target = day + timedelta(weeks=zh[1])
    en_target = day + timedelta(weeks=en[1])
    return (
        f"# 周报 {day.isoformat()}\n\n## 重点项目\n\n"
        f"- 资金归集平台：{ZH_STATUS[zh[2]]}，进度{zh[0]}%，预计{zh_target.month}/{zh_target.day}上线\n\n"
        f"## Projects\n\n### Ledger Export\n- Status: {EN_STATUS[en[2]]}\n"
        f"- ETA: {en_target.strftime('%b')} {en_target.day}\n- % complete: {en[0]}\n"
    )


def snapshot(ledger: Ledger) -> str:
    data = ledger.load()
    return json.dumps(
        {
            "reports": [r.model_dump(mode="json") for r in data.reports],
            "facts": [o.model_dump(mode="json") for o in data.observations + data.incidents + data.metrics],
            "slips": [s.model_dump(mode="json", by_alias=True) for s in views.slips(ledger)],
            "projects": [p.model_dump(mode="json") for p in views.projects(ledger)],
            "launches": [x.model_dump(mode="json") for x in views.launches(ledger)],
            "lifecycle": [x.model_dump(mode="json") for x in views.lifecycle(ledger)],
            "incidents": [x.model_dump(mode="json") for x in views.incidents(ledger)],
            "metrics": [x.model_dump(mode="json") for x in views.metric_series(ledger)],
            "timelines": [
                views.timeline(ledger, p.name).model_dump(mode="json") for p in views.projects(ledger)
            ],
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def write_series(folder: Path, series: list) -> list[Report]:
    """Each drawn week written as a real report file and parsed."""
    reports = []
    for index, (zh, en) in enumerate(series):
        path = folder / f"r{index}.md"
        path.write_text(render(index, zh, en), encoding="utf-8")
        reports.append(parse_report(load_document(path), str(path)))
    return reports


def ingest(folder: Path, reports: list[Report], name: str, read_between: bool = False) -> str:
    with Ledger.open(folder / name) as ledger:
        for report in reports:
            ledger.upsert_report(report)
            if read_between:  # every read derives what the last report changed, incrementally
                views.slips(ledger)
        return snapshot(ledger)


@settings(max_examples=25, deadline=None)
@given(series=series_strategy, data=st.data())
def test_any_ingestion_order_gives_the_same_ledger(series: list, data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        reports = write_series(folder, series)
        expected = ingest(folder, reports, "in-order.sqlite")
        shuffled = data.draw(st.permutations(reports))
        repeats = data.draw(st.lists(st.sampled_from(reports), max_size=3))
        between = data.draw(st.booleans())
        assert ingest(folder, [*shuffled, *repeats], "shuffled.sqlite", between) == expected


@settings(max_examples=15, deadline=None)
@given(series=series_strategy, data=st.data())
def test_removing_and_restoring_a_report_derives_the_same_views(series: list, data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        reports = write_series(folder, series)
        gone = data.draw(st.sampled_from(reports))
        expected_without = ingest(folder, [r for r in reports if r is not gone], "without.sqlite")
        expected = ingest(folder, reports, "all.sqlite")
        with Ledger.open(folder / "all.sqlite") as ledger:
            ledger.remove_report(gone.source)
            assert snapshot(ledger) == expected_without
            ledger.upsert_report(gone)
            assert snapshot(ledger) == expected
