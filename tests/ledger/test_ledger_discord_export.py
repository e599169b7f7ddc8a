"""A weekly report posted in a Discord channel and exported by DiscordChatExporter: a header block
(`Guild:` / `Channel:`), messages under `[4/11/2025 5:50 PM] author` stamps, reactions and embeds
marked `{Reactions}` / `{Embed}`, projects as `:custom_emoji: **name** — news` lines whose sign is
their status (by the server's legend, or by the emoji's own name when the legend is elsewhere)."""

from __future__ import annotations

from datetime import date

from index.ledger import views
from index.ledger.chat_messages import legend_of, sign_status
from index.ledger.mentions import valid_name
from index.line_rewrites import chat_export_lines, chat_stamp_date

from .conftest import Series


def test_a_discord_stamp_dates_the_report_month_first() -> None:
    assert chat_stamp_date("[4/11/2025 5:50 PM] mira.k") == date(2025, 4, 11)


def test_stamps_reactions_and_the_header_rules_are_blanked_and_the_channel_titles() -> None:
    lines = list(
        enumerate(
            [
                "=" * 40,
                "Guild: Harbor Games",
                "Channel: ops-weekly / W15 周报",
                "=" * 40,
                "[4/11/2025 5:50 PM] mira.k",
                "**Projects**",
                "[4/11/2025 5:52 PM] mira.k",
                "{Reactions}",
                "👍 (3) :otter_ok: (2)",
                "Exported 2 message(s)",
            ],
            1,
        )
    )
    out = [text for _, text in chat_export_lines(lines)]
    assert out[2] == "# ops-weekly / W15 周报"
    assert out[4] == "[4/11/2025 5:50 PM] mira.k"  # the first stamp dates the report
    assert out[5] == "**Projects**"
    assert [out[i] for i in (0, 1, 3, 6, 7, 8, 9)] == [""] * 7


def test_a_custom_sign_reads_by_the_legend_else_by_its_name() -> None:
    legend = legend_of(("图例 :seal_ok: 正常 | :seal_hot: 有风险 | :seal_nap: 暂停",))
    assert legend == {":seal_ok:": "on_track", ":seal_hot:": "at_risk", ":seal_nap:": "paused"}
    assert sign_status(":seal_hot:", legend) == "at_risk"
    assert sign_status(":blob_fire:", {}) == "off_track"  # no legend in this report: its name says
    assert sign_status(":blob_zzz:", {}) == "paused"
    assert sign_status(":blob_wave:", {}) is None
    assert sign_status("🟡", {}) == "at_risk"


def test_the_message_title_line_names_no_project() -> None:
    assert not valid_name("港湾小馆｜W15 周报")
    assert not valid_name("Platform weekly update — W14")
    assert valid_name("周报系统重构")
    assert valid_name("Weekly report automation")


_MESSAGE = """{rule}
Guild: Harbor Games
Channel: ops-weekly / {label}
{rule}

[{stamp}] mira.k
**港湾小馆｜{label}**

**📌 Projects**
{sign} **Storefront 官网商城** — 支付联调中，目标 4月底上线。
:blob_ok: **Winback 召回推送** — 模型在训，目标 4/18 首推。

{{Reactions}}
👍 (3)

{rule}
Exported 1 message(s)
{rule}
"""


def test_a_discord_weekly_gives_a_downgrade_from_its_signs(series: Series) -> None:
    rule = "=" * 40
    ledger = series(
        [
            (
                "w1.txt",
                _MESSAGE.format(rule=rule, label="W14 周报", stamp="4/4/2025 5:50 PM", sign=":blob_ok:"),
            ),
            (
                "w2.txt",
                _MESSAGE.format(rule=rule, label="W15 周报", stamp="4/11/2025 5:40 PM", sign=":blob_fire:"),
            ),
        ]
    )
    assert sorted(r.date for r in ledger.reports()) == [date(2025, 4, 4), date(2025, 4, 11)]
    assert {p.name for p in views.projects(ledger)} == {"Storefront 官网商城", "Winback 召回推送"}
    assert ("Storefront 官网商城", "status_downgrade") in {(s.project, s.kind) for s in views.slips(ledger)}
