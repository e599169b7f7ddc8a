"""The signs and words a status is written in, outside prose: a status field's vocabulary, emoji
and their chat shortcodes, legends, traffic-light letters, a form's ticked box, hierarchical tags.

Apart from the status words in prose (`signals.py`) because these are lookups a cell or a field is
read against as a whole, shared by tables, fields, headings and leads; `signals.field_status` is
where they come together. The report's own legend words (`STATUS_WORDS`) are set for the length of
one report's reading by `reading_status_words`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from types import MappingProxyType

from index.schemas import ProjectStatus
from index.text.normalise import EMOJI

# A status field's value is trusted as a whole, including colours that prose would not justify.
FIELD_STATUS: dict[str, ProjectStatus] = {
    "green": "on_track", "绿": "on_track", "绿灯": "on_track", "正常": "on_track", "按计划": "on_track",
    "yellow": "at_risk", "amber": "at_risk", "黄": "at_risk", "黄灯": "at_risk", "风险": "at_risk",
    "有风险": "at_risk", "关注": "at_risk", "需关注": "at_risk", "预警": "at_risk", "watch": "at_risk",
    "caution": "at_risk", "red": "off_track", "红": "off_track", "红灯": "off_track", "完成": "done",
    "已完成": "done", "complete": "done", "上线": "launched", "已上线": "launched", "live": "launched",
    "ga": "launched", "取消": "cancelled", "暂停": "paused", "进行中": "in_progress",
    "will not complete": "off_track", "won't complete": "off_track", "not going to complete": "off_track",
    "告警": "off_track", "已投运": "launched", "投运": "launched",
    "blue": "done",  # BRAG: a Blue light is complete ("● Blue complete", w23-e)
    # a contract programme's words (NEC, UK construction): `ON PROG` is on programme (w27-g)
    "on prog": "on_track", "on programme": "on_track", "on program": "on_track",
    "on plan": "on_track", "off plan": "off_track",
    "closed": "done", "closed complete": "done", "closed skipped": "cancelled", "closed incomplete": "cancelled",
    "missed": "off_track", "not started": "in_progress", "未开始": "in_progress", "planning": "in_progress",
    # a tracker's workflow states as a status cell or field holds them (Jira, ADO, 禅道, TAPD)
    "released": "launched", "deployed": "launched", "rolled out": "launched",
    "won't do": "cancelled", "won't fix": "cancelled", "abandoned": "cancelled", "dropped": "cancelled",
    "deferred": "paused", "behind": "off_track", "late": "off_track", "已交付": "done",
    "已验收": "done", "已废弃": "cancelled", "废弃": "cancelled", "冻结": "paused", "已冻结": "paused",
    "延迟": "off_track", "超期": "off_track", "逾期": "off_track", "已逾期": "off_track",
    # a plant's status words (w28-d: `◎结案　○正常　△注意　×落后`)
    "结案": "done", "已结案": "done", "注意": "at_risk", "落后": "off_track",
    # common words no layout owns: `On Course`, `In Jeopardy`, a field's `Held`
    "on course": "on_track", "jeopardy": "off_track", "in jeopardy": "off_track", "held": "paused",
    "on hold": "paused",
    "偏离": "at_risk", "有偏离": "at_risk", "严重偏离": "off_track",
    "顺利": "on_track", "进展顺利": "on_track", "规划中": "in_progress", "搁置": "paused", "已搁置": "paused", "暂缓": "paused", "已暂缓": "paused",
    # a portfolio tool's stoplights (Clarity PPM: On Track / Minor Variance / Significant Variance)
    "minor variance": "at_risk", "significant variance": "off_track", "major variance": "off_track",
    # a field that says the work was stopped (a forecast cell's `Stopped`, `Closed (stopped)`)
    "stopped": "cancelled", "terminated": "cancelled", "已终止": "cancelled", "终止": "cancelled",
    # Japanese status words (read after the Traditional fold: 順調 as 顺调, 遅延 as 迟延)
    "顺调": "on_track", "順調": "on_track", "オンスケ": "on_track", "要注意": "at_risk",
    "迟延": "off_track", "遅延": "off_track", "遅れ": "off_track", "保留": "paused", "中止": "cancelled",
    "完了": "done", "リリース済み": "launched", "稼働中": "launched",
    # an Indian works programme's words (a PIU's station-wise position, w49-d)
    "on schedule": "on_track", "likely to slip": "at_risk", "held up": "off_track",
    "delayed": "off_track", "commissioned": "launched", "in abeyance": "paused",
    # a control room's board words reused for projects (`NORMAL / WATCH / ALARM`, w49-a)
    "normal": "on_track", "alarm": "off_track", "hold": "paused", "cxl": "cancelled",
    # French status words (an intranet's `Météo des chantiers`, w49-f)
    "dans les clous": "on_track", "dans les temps": "on_track", "vigilance": "at_risk",
    "à risque": "at_risk", "en retard": "off_track", "retard": "off_track", "bloqué": "blocked",
    "bloquée": "blocked", "terminé": "done", "terminée": "done", "livré": "done",
    "abandonné": "cancelled", "annulé": "cancelled", "en pause": "paused", "suspendu": "paused",
    "en cours": "in_progress", "en production": "launched",
    # a status cell that is one sign: a warning is at risk, a chequered flag finished (w33-b)
    "⚠": "at_risk", "⚠️": "at_risk", "🏁": "done",
}  # fmt: skip

GLYPHS = re.compile(rf"[{EMOJI}\ufe0f\u200d]+")
# An emoji written as its chat shortcode (`:yellow_circle: watch`): a glyph, as the emoji is.
SHORTCODE = re.compile(r":[a-z0-9_+-]{2,40}:")
# (an attribute's value is a figure or in quotes, `date=2025-04-14 timezone="America/Chicago"`; a meaning is a word)
_LEGEND_ENTRY = re.compile(r"(?:^|[|,;，；/(（:：]\s*|\s)\S{1,8}\s*=\s*[^\s|=\d\"']")


# A line labelled as the legend: `■ 图例 Labels: 🟩 On track · 🟨 At risk · …`, `Legend: …` (w23-c).
_LEGEND_LABEL = re.compile(
    r"^[\W_]{0,4}(?:图例|凡例|범례|legend|colou?r key|status key)\b[^:：]{0,20}[:：]", re.I
)


def is_legend(text: str) -> bool:
    """`G = on track | Y = at risk | R = blocked`: a line that defines a scale states no status."""
    return len(_LEGEND_ENTRY.findall(text)) >= 2 or _LEGEND_LABEL.match(text.strip()) is not None


# A traffic-light column's one capital: green, amber or yellow, red. Read only where the layout
# says the cell is a status (a column of them), never as a field value on its own: `A` is also a
# priority and `Y` a yes.
RAG_LETTERS: dict[str, ProjectStatus] = {"G": "on_track", "A": "at_risk", "Y": "at_risk", "R": "off_track"}


def rag_letter(cell: str) -> ProjectStatus | None:
    return RAG_LETTERS.get(cell.strip(" .*_`()（）"))


# The status words the report being read declares in its legend (`KEY: ON DEADLINE = on track /
# TIGHT = at risk …`, read by `status_legend`), set for the length of its reading.
STATUS_WORDS: ContextVar[Mapping[str, ProjectStatus]] = ContextVar(
    "status_words", default=MappingProxyType({})
)


@contextmanager
def reading_status_words(words: Mapping[str, ProjectStatus]) -> Iterator[None]:
    """Read a status field's own words as the report's legend defines them, inside the block."""
    token = STATUS_WORDS.set(words)
    try:
        yield
    finally:
        STATUS_WORDS.reset(token)


def legend_status(cleaned: str) -> ProjectStatus | None:
    words = STATUS_WORDS.get()
    for word in sorted(words, key=len, reverse=True) if words else ():
        if cleaned == word or (cleaned.startswith(word + " ") and not GLYPHS.fullmatch(word)):
            # (a legend's sign is read alone: in `✅ 完成` the word says which state it is)
            return words[word]
    return None


# A notes app's hierarchical tag as a status cell (SiYuan's `#状态/关注#`, Obsidian's `#status/amber`).
# (a Dendron vault writes its hierarchy with dots: `#状态.风险`, w40-f)
TAG_PATH = re.compile(r"#(?:[^#/.\s]+[/.])+([^#/.\s]+)#?")


# A form's row of options, each after a box (`☑按计划 □有偏离 □严重偏离 □暂停`, `[x] On track [ ] At risk`):
# the ticked one is the value, whatever the others say.
_TICKS, _BLANKS = "☑☒■✓✔✅", "□☐"
_TICKED = re.compile(rf"[{_TICKS}]|\[[xX✓]\]")
_OPTIONS = re.compile(rf"(?:[{_TICKS}{_BLANKS}]|\[[ xX✓]\])\s*([^{_TICKS}{_BLANKS}\[\]]+)")


def ticked_option(value: str) -> str | None:
    """The option a form's row of boxes ticks (`□按计划 ☑有偏离 □暂停` -> `有偏离`); None when the
    value is no such row (fewer than two boxes, or not exactly one ticked)."""
    options = list(_OPTIONS.finditer(value))
    if len(options) < 2:
        return None
    ticked = [m[1].strip() for m in options if _TICKED.match(m[0])]
    return ticked[0] if len(ticked) == 1 else None


# The emoji shortcodes every Markdown renderer shows as their emoji (GitHub, docsify, markdown-it):
# a status cell written `:yellow_circle:` shows 🟡 and means what 🟡 means.
_EMOJI_OF_SHORTCODE = {
    "green_circle": "🟢", "yellow_circle": "🟡", "orange_circle": "🟠", "red_circle": "🔴",
    "large_blue_circle": "🔵", "blue_circle": "🔵", "white_check_mark": "✅", "heavy_check_mark": "✔",
    "x": "❌", "pause_button": "⏸", "no_entry": "⛔", "green_square": "🟩", "yellow_square": "🟨",
    "orange_square": "🟧", "red_square": "🟥", "rocket": "🚀", "warning": "⚠️", "checkered_flag": "🏁",
    "construction": "🚧", "stop_sign": "🛑", "hourglass_flowing_sand": "⏳", "hourglass": "⌛", "tada": "🎉",
    # Slack's and esa's names for the same circles, and a hold's and a ban's signs
    "large_green_circle": "🟢", "large_yellow_circle": "🟡", "large_orange_circle": "🟠", "large_red_circle": "🔴",
    "double_vertical_bar": "⏸", "no_entry_sign": "🚫",
}  # fmt: skip
SHOWN_SHORTCODE = re.compile(r":(" + "|".join(_EMOJI_OF_SHORTCODE) + r"):")
# A line opening with such a shortcode (`- :white_check_mark: **省平台对接**：…`): its sign, as an emoji is.
LEADING_SHORTCODE = re.compile(rf"^{SHOWN_SHORTCODE.pattern}\s*")


def emoji_of_shortcode(match: re.Match[str]) -> str:
    return _EMOJI_OF_SHORTCODE[match[1]]


def shown_emoji(text: str) -> str:
    """The text with its emoji shortcodes as the emoji a renderer shows (`:warning:` → ⚠️)."""
    return SHOWN_SHORTCODE.sub(emoji_of_shortcode, text)
