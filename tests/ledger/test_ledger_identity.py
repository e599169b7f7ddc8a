"""Project identity across weeks: string rules, aliases.toml, optional embeddings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest

from index.errors import ConfigError
from index.ledger import views
from index.ledger.identity import AliasConfig, NameStat, build_identity
from index.ledger.store import Ledger
from index.text.normalise import name_key

from .conftest import WriteReport, build

DAY = date(2024, 10, 4)


def identity(*names: str, config: AliasConfig | None = None, **kwargs: object):
    stats = [NameStat(name, DAY.replace(day=DAY.day + i), 1) for i, name in enumerate(names)]
    return build_identity(stats, config, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("平安存管接入", "平安存管"),  # containment
        ("Observability Pipeline v2", "Obs v2"),  # word-prefix abbreviation with the version
        ("Kubernetes 1.30 Upgrade", "K8s 1.30"),  # numeronym
        ("Change Data Capture", "CDC"),  # acronym
        ("POS收单系统建设", "ＰＯＳ收单"),  # full-width letters
        ("Checkout Redesign", "checkout-redesign"),  # case and punctuation
        ("【商户服务重构】", "商户服务重构"),  # brackets
        ("家家盈平台（小贝项目）", "小贝项目"),  # a parenthetical alias
        ("支付系统双活", "支付双活"),  # an ordered Chinese abbreviation
    ],
)
def test_names_merge(a: str, b: str) -> None:
    found = identity(a, b)
    assert found.canonical(a) == found.canonical(b) == a  # the first used name is canonical
    assert found.aliases[a] == [b]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Observability Pipeline v2", "Observability Pipeline v1"),  # versions differ
        ("Obs v1", "Observability Pipeline v2"),
        ("商户服务重构一期", "商户服务重构二期"),
        ("光大存管", "平安存管"),
        ("Search", "Research Portal"),  # a substring inside a word is no abbreviation
        ("对账中心二期", "对账中心"),  # a phase is its own project
        ("CI Autoscaling Phase 2", "CI Autoscaling"),
        ("Checkout v2", "Checkout"),
        ("Observability Pipeline v2 Phase 2", "Observability Pipeline v2"),
        ("2024年度预算", "2025年度预算"),
    ],
)
def test_names_stay_apart(a: str, b: str) -> None:
    found = identity(a, b)
    assert found.canonical(a) != found.canonical(b)


def test_a_short_name_fitting_two_projects_stays_alone() -> None:
    found = identity("平安存管接入", "光大存管接入", "存管接入")
    assert len({found.canonical(n) for n in ("平安存管接入", "光大存管接入", "存管接入")}) == 3


def test_resolve_user_spellings() -> None:
    found = identity("Observability Pipeline v2", "Checkout Redesign")
    assert found.resolve("obs v2") == "Observability Pipeline v2"
    assert found.resolve("CHECKOUT redesign") == "Checkout Redesign"
    assert found.resolve("nothing like it") is None


def test_aliases_toml_forces_merges_and_splits(tmp_path: Path) -> None:
    path = tmp_path / "aliases.toml"
    path.write_text(
        '[aliases]\n"Project Falcon" = ["新结算系统"]\n\n[split]\n"支付系统双活" = ["支付双活"]\n',
        encoding="utf-8",
    )
    config = AliasConfig.load(path)
    found = identity("新结算系统", "Project Falcon", "支付系统双活", "支付双活", config=config)
    assert found.canonical("新结算系统") == found.canonical("Project Falcon") == "Project Falcon"
    assert found.canonical("支付双活") != found.canonical("支付系统双活")
    assert found.resolve("新结算系统") == "Project Falcon"


def test_bad_aliases_toml_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "aliases.toml"
    path.write_text('[aliases]\n"A" = "B"\n', encoding="utf-8")
    with pytest.raises(ConfigError):
        AliasConfig.load(path)


def test_missing_aliases_file_is_fine(tmp_path: Path) -> None:
    assert AliasConfig.load(tmp_path / "none.toml") == AliasConfig()


def test_embedding_similarity_merges_what_strings_cannot() -> None:
    vectors = {"Payments Ledger": [1.0, 0.0], "Money Book": [0.96, 0.28], "Search": [0.0, 1.0]}

    def embed(texts: list[str]) -> np.ndarray:
        return np.array([vectors[t] for t in texts])

    without = identity("Payments Ledger", "Money Book", "Search")
    assert without.canonical("Money Book") == "Money Book"
    found = identity("Payments Ledger", "Money Book", "Search", embed=embed, threshold=0.9)
    assert found.canonical("Money Book") == "Payments Ledger"
    assert found.canonical("Search") == "Search"


def test_name_key() -> None:
    assert name_key("【POS收单】 (Phase 2)") == name_key("pos收单") == "pos收单"


def test_a_heading_topic_suffix_before_the_owner_links_the_project(
    ledger: Ledger, write_report: WriteReport
) -> None:
    # Written from meeting-minutes-fintech: "<project>评审结果（owner）" is a heading about the project.
    reports = [
        write_report(
            "w1.md",
            "# 周会 2024-05-10\n\n## 议题\n\n### 议题一：清结算平台（刘洋）\n\n- 进度40%，计划6月30日上线\n",
        ),
        write_report(
            "w2.md",
            "# 周会 2024-05-17\n\n## 议题\n\n### 议题一：清结算平台评审结果（刘洋）\n\n- 进度45%，上线推迟到7月15日\n",
        ),
    ]
    build(ledger, reports)
    moved = [(s.kind, s.week) for s in views.slips(ledger) if s.kind == "date_moved"]
    assert moved == [("date_moved", "2024-W20")]
