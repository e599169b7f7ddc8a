"""Lines that only name what the paragraph under them is about.

E-mail and plain-text reports often number their projects as short title lines with the
project's facts on the lines below (`1.「青鸟」智能手表二代` over `【进展】…` and `当前状态：…`), or
open a chat message with who wrote it (`*@dana* — :warning: Dock Scheduler v2 slides …`). Neither
the number nor the writer is the project: these helpers find where its name starts.
"""

from __future__ import annotations

import re

from index.text.cjk import HAN, han_count

# A numbered line holding only a title: no clause punctuation, short, nothing after it. The
# marker may be glued to the title ("1.「青鸟」…"), which a list parser does not take as an item.
_NUMBERED_TITLE = re.compile(
    r"^(?:\d{1,3}[.．、)）]|[(（]\d{1,3}[)）])\s*(?P<title>(?!\d)[^\s，。,;；:：!?！？][^，。,;；:：!?！？]{1,29})$"
)
# A numbered line that opens with a title sentence of its own, then the paragraph's news on the
# same line: the lead of a Chinese work report's item ("1.电子档案管理系统升级项目。本周完成…",
# "（2）数据平台建设项目（一期）。截至目前…"). The title is a noun phrase closed by a full stop: no
# clause punctuation inside it, and text after it.
_NUMBERED_LEAD = re.compile(
    r"^(?:\d{1,3}[.．、)）]|[(（]\d{1,3}[)）])\s*(?P<title>(?!\d)[^\s，。,;；:：!?！？][^，。,;；:：!?！？]{1,29})。(?=\s*\S)"
)
# A code name in corner or double quotes before what the project is (「青鸟」智能手表二代): the
# quoted word is how the team refers to it in every other line.
_QUOTED_CODE = re.compile(r"^[「『“\"]([^」』”\"]{1,20})[」』”\"]")
# A chat message's writer before its text: "*@dana* —", "@dana:", "dana:" is left to labels.
_SPEAKER = re.compile(r"^\*?@[\w.-]{1,30}\*?\s*(?:[—–:-]+\s*)?")


# A plain line holding only a title over the paragraph it names ("Mobile app", "CRM integration",
# "数据中台迁移"): a word or a few, no clause punctuation, no end mark; what tells it from a short
# sentence is the layout around it (`plain_title`).
_PLAIN_TITLE = re.compile(rf"^(?P<title>(?:[A-Z0-9][\w.&'/+-]*|[{HAN}]+)(?:\s+[\w.&'/+()-]+){{0,5}})$")
_PLAIN_TITLE_MAX = 48
# A paragraph is at least one sentence: a line this long, not a bullet or a numbered step.
_PARAGRAPH_MIN = 40
_LIST_MARK = re.compile(r"^\s*(?:[-*+•·>]|\d{1,3}[.)、])\s")


def plain_title(text: str, next_line: str) -> str | None:
    """The title a short plain line gives the paragraph straight under it, or None.

    E-mails and plain-text memos head each project's paragraph with its bare name on a line of its
    own; no markup says it is a heading, so the shape does: a capitalised word or a few (at most
    six), not all capitals, no clause punctuation, and a longer prose line (not a list) right below
    it. A line over a list ("Next week" over bullets) is a list's label, and one over a blank line
    a signature.
    Written from agency-client-en."""
    stripped = text.strip()
    below = next_line.strip()
    if (
        len(stripped) > _PLAIN_TITLE_MAX
        or _width(below) < max(_PARAGRAPH_MIN, 2 * _width(stripped))
        or _LIST_MARK.match(next_line)
    ):
        return None
    if stripped.upper() == stripped and re.search(r"[A-Z]", stripped):
        # "BILLING", "OTHER": a banner in capitals is as often an area as a project; `prose`
        # reads it as a block's title, which only names a project the series already knows.
        return None
    match = _PLAIN_TITLE.match(stripped)
    return match["title"] if match else None


def _width(text: str) -> int:
    """Length with a Chinese character as two letters: a sentence's length in either script."""
    return len(text) + han_count(text)


def numbered_title(text: str) -> str | None:
    """The project a numbered title line names, or None when the line says more than a name."""
    match = _NUMBERED_TITLE.match(text.strip())
    if match is None:
        return None
    title = match["title"].strip()
    return quoted_code(title) or title


def numbered_lead(text: str) -> str | None:
    """The project a numbered lead sentence names ("1.档案系统升级项目。本周…" -> 档案系统升级项目),
    or None; the rest of the line is that project's news. Written from gov-gongwen-zh: the 公文
    convention of numbering a work report's items as "N.名称。正文"."""
    match = _NUMBERED_LEAD.match(text.strip())
    return match["title"].strip() if match else None


def quoted_code(text: str) -> str | None:
    """The quoted code name a title opens with (「山雀」儿童定位手表 -> 山雀), if any."""
    match = _QUOTED_CODE.match(text.strip())
    return match[1].strip() if match else None


def speaker_end(text: str) -> int:
    """Where a chat message's own text starts after its writer's handle (0 without one)."""
    match = _SPEAKER.match(text)
    return match.end() if match else 0
