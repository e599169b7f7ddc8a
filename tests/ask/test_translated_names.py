"""A project named in the other language than its team writes it, found by the real local embedder."""

from __future__ import annotations

import pytest

from index.embed import LocalEmbedder
from summarizer.planning import read_question
from summarizer.planning.projects import ProjectRef
from summarizer.planning.translated import named_across_languages, other_script_team

ENGLISH_TEAM = [
    ProjectRef(name)
    for name in (
        "Kitchen display screens",
        "Driver payroll export",
        "Online table booking",
        "Warehouse label printers",
        "Allergen menu labels",
    )
]
CHINESE_TEAM = [
    ProjectRef(name)
    for name in ("厨房显示屏改造", "司机工资导出", "线上订座", "仓库标签打印机", "过敏原菜单标注")
]


@pytest.fixture(scope="module")
def embedder() -> LocalEmbedder:
    return LocalEmbedder()


@pytest.mark.parametrize(
    ("question", "team", "name"),
    [
        ("线上订座项目现在是什么状态？", ENGLISH_TEAM, "Online table booking"),
        ("厨房显示屏为什么推迟了？", ENGLISH_TEAM, "Kitchen display screens"),
        ("仓库标签打印机是哪天上线的？", ENGLISH_TEAM, "Warehouse label printers"),
        ("Why did the allergen menu labels slip?", CHINESE_TEAM, "过敏原菜单标注"),
    ],
)
def test_a_project_named_in_the_other_language_is_found_by_meaning(
    embedder: LocalEmbedder, question: str, team: list[ProjectRef], name: str
) -> None:
    assert named_across_languages(question, team, embedder) == name


@pytest.mark.parametrize(
    ("question", "team"),
    [
        # no project named: some name ranks first, none by a margin
        ("这个团队明年的预算是多少？", ENGLISH_TEAM),
        ("上个月团队聚餐在哪里？", ENGLISH_TEAM),
        ("What did the team eat at the offsite?", CHINESE_TEAM),
    ],
)
def test_a_question_naming_no_project_links_none(
    embedder: LocalEmbedder, question: str, team: list[ProjectRef]
) -> None:
    assert named_across_languages(question, team, embedder) is None


def test_only_a_team_writing_its_names_in_the_other_script_is_asked() -> None:
    """A team that writes names in both scripts can be named in the question's own, where word
    linking had its chance; one name has no second to stand out from."""
    mixed = [*ENGLISH_TEAM[:3], *CHINESE_TEAM[:3]]
    assert other_script_team("线上订座项目怎么样了？", ENGLISH_TEAM)
    assert not other_script_team("线上订座项目怎么样了？", CHINESE_TEAM)
    assert not other_script_team("线上订座项目怎么样了？", mixed)
    assert not other_script_team("线上订座项目怎么样了？", ENGLISH_TEAM[:1])


def test_a_name_found_by_meaning_is_the_question_s_project() -> None:
    """Linked that way, the question is about the project: its status words ask for its status."""
    plan = read_question(
        "线上订座项目现在是什么状态？",
        latest=None,
        projects=ENGLISH_TEAM,
        named_by_meaning="Online table booking",
    )
    assert plan.projects == ["Online table booking"]
    assert plan.project_names == ["Online table booking"]
    assert plan.intent == "status"
    unlinked = read_question("线上订座项目现在是什么状态？", latest=None, projects=ENGLISH_TEAM)
    assert unlinked.projects == []
