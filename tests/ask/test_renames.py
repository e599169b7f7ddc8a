"""A thing the reports renamed or gave a short name: the question's name finds the other one."""

from __future__ import annotations

import pytest

from summarizer.planning.renames import other_names, renames


@pytest.mark.parametrize(
    ("line", "pair"),
    [
        ("另外，原 hx-sync 项目更名为 Tern，下一节细说。", ("hx-sync", "Tern")),
        ("“订单中心重构”项目自本周起正式更名为“星河”", ("订单中心重构", "星河")),
        ("| Beacon（原名 Event Relay） | 王芳 | 60% |", ("Event Relay", "Beacon")),
        ("2. 门店结算改造（后面简称结算2.0）联调通过", ("门店结算改造", "结算2.0")),
        ("支付网关升级（以下简称“金桥”）本周灰度", ("支付网关升级", "金桥")),
        ("Pocket Mode (now called **Travel Kit** after the review)", ("Pocket Mode", "Travel Kit")),
        ("- Harbor (formerly Dock Service) – at risk", ("Dock Service", "Harbor")),
        ('APP-12 is now called "Push v2" in Jira', ("APP-12", "Push v2")),
    ],
)
def test_rename_statements(line: str, pair: tuple[str, str]) -> None:
    assert pair in renames([line])


def test_the_other_name_of_what_the_question_names() -> None:
    lines = ["原 hx-sync 项目更名为 Tern。", "预计完成：8月底（原9月底，提前）"]
    assert other_names("hx-sync 现在怎么样了？", lines) == [("hx-sync", "Tern")]
    assert other_names("Tern 现在怎么样了？", lines) == [("Tern", "hx-sync")]
    assert other_names("哪些项目延期了？", lines) == []  # names nothing renamed
    assert other_names("hx-sync（Tern）进展？", lines) == []  # writes both already
