"""Lines read as what they stand for before a report is parsed: a fenced diff as its new side, a
mind map's field nodes as fields and its leaves as bullets. Each keeps its line number and a text
that still occurs in its line, so citations check out against the file. Split from `parse.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date

from index.plain_records import RULE_LINE
from index.text.normalise import TEMPLATE_TAG, WIKI_DECORATION, template_text

# A mind map's node that is a field of the node above it (`#### 状态：有风险（…）`, `#### 本周` over
# bullets), not a topic of its own.
_FIELD_NODE = re.compile(
    r"^(#{3,6})\s+(?:(?:负责人|责任人|对接人|状态|目标|进度|计划|截止|上线|风险|问题|备注|进展|"
    r"owner|status|target|progress|due|eta|risk|notes?)\s*[:：]\s*\S.*|"
    r"(?:本周|下周|本周进展|下周计划|风险|问题|备注|this week|next week|notes|risks)\s*[:：]?\s*)$",
    re.I,
)
_FIELD_NODES = 3


def mind_map_fields(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A mind map exported as Markdown (XMind, MindManager) writes every node as a heading, a
    project's fields too (`### 【P1】抖音会员通接入` over `#### 负责人：…`, `#### 状态：…`, `#### 目标：…`).
    Where three or more deep headings are such fields, each is read as the field line it is, its
    heading marks dropped, and each deep leaf node as a bullet (line numbers kept; the text still
    occurs in its line). Written from w21-f."""
    fields = [index for index, (_, text) in enumerate(lines) if _FIELD_NODE.match(text.strip())]
    if len(fields) < _FIELD_NODES:
        return lines
    out = list(lines)
    for index in fields:
        number, text = lines[index]
        out[index] = (number, text.strip().lstrip("#").strip())
    # and a leaf node, a deep heading with nothing under it, is one bullet of its parent's list
    # (`### 导购助手：与零售部确定上线时间提前` under `## 本周完成`)
    for index, (number, text) in enumerate(out):
        depth = _node_depth(text)
        if depth >= 3 and index not in fields:
            following = next((t for _, t in out[index + 1 :] if t.strip()), "")
            if not following or 0 < _node_depth(following) <= depth:
                out[index] = (number, "  " * (depth - 3) + "- " + text.strip().lstrip("#").strip())
    return out


def template_tags(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A static site's Markdown source read as its page: `### GW2 {% label warning@关注 %}` is a
    heading `GW2` with a badge `关注` set off after it (as a board's state is: a wide gap), a
    block tag's line (`{% note info %}`, `{% endnote %}`) is blank; a forum's date tag
    (`[date=2025-04-14 timezone="…"]`) is the day it names. The verifier reads lines
    without these tags (`strip_inline`) and ignores spacing, so quotes still check out."""
    if any("&" in text and "{" in text for _, text in lines):
        # a Japanese wiki's decoration (`|&color(orange) { 注意 }|`) shows its text, in its cell
        lines = [(number, WIKI_DECORATION.sub(r"\1", text)) for number, text in lines]
    if not any("{%" in text or "{{" in text or "[date=" in text for _, text in lines):
        return lines
    return [(number, _BADGE_GAP.sub(_badge, text)) for number, text in lines]


_BADGE_GAP = re.compile(rf"\s*(?:{TEMPLATE_TAG.pattern})", re.I)


def _badge(tag: re.Match[str]) -> str:
    shown = template_text(tag)
    if tag[2]:  # a date tag is the day it names, in its sentence
        return tag[0][: len(tag[0]) - len(tag[0].lstrip())] + shown
    return "    " + shown if shown else ""


def _node_depth(text: str) -> int:
    match = re.match(r"^(#{1,6})\s+\S", text)
    return len(match[1]) if match else 0


_KEYED_RECORD_LINE = re.compile(r"^\[[^\]\s]{1,12}\]\s+\S")
_DIFF_FENCE = re.compile(r"^\s*(```|~~~)\s*(?:diff|patch)\s*$", re.I)


def new_side_of_diffs(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A fenced diff (```` ```diff ````) read as the file it makes: a board's `-` lines are last
    week's state (last week's report said so), its `+` and context lines this week's, without their
    marker; the hunk headers say nothing. Line numbers stay, and each kept text still occurs in its
    line, so citations check out against the file. Written from w20-c (a board diff in a weekly)."""
    out: list[tuple[int, str]] = []
    fence: str | None = None
    for number, text in lines:
        if fence is None:
            opened = _DIFF_FENCE.match(text)
            fence = opened[1] if opened else None
            out.append((number, text))
        elif text.strip().startswith(fence):
            fence = None
            out.append((number, text))
        elif text.startswith("+++"):
            out.append((number, text))  # the new side's name and stamp (`+++ b/STATUS.md @ 2024-09-20`)
        elif text.startswith(("---", "@@", "-")):
            out.append((number, ""))
        elif text[:1] in "+ ":
            kept = text[1:]
            # a board file's keyed line (`[RH2] RateHub v2 | 🟡 at risk | …`) is one record of a list
            out.append((number, f"- {kept}" if _KEYED_RECORD_LINE.match(kept) else kept))
        else:
            out.append((number, text))
    return out


# A chat app's export: every message opens with its time and sender, WhatsApp's Android
# (`21/03/2025, 18:20 - Wang Lei 王磊: …`) or iOS (`[21/03/2025, 18:20:05] Wang Lei: …`) form.
_CHAT_PREFIX = re.compile(
    r"^(?P<open>\[)?(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{2,4})(?P<comma>,)?\s(?P<h>\d{1,2}):\d{2}"
    r"(?::\d{2})?(?P<ampm>\s?[AP]M)?(?(open)\]\s|\s-\s)[^:\n]{1,40}:\s"
)


# DiscordChatExporter's text export: a message opens with its stamp and its author alone on a line
# (`[4/11/2025 5:50 PM] ivy.zhou`), US order with a 12-hour clock; reactions, embeds and
# attachments are marked `{Reactions}` / `{Embed}` / `{Attachments}` and the file ends
# `Exported 5 message(s)`.
_DISCORD_STAMP = re.compile(
    r"^\[(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}) \d{1,2}:\d{2}(?::\d{2})?\s?[AP]M\]\s+\S[^\n]{0,60}$"
)
_DISCORD_HEADER = re.compile(r"^(Guild|Channel|Topic|After|Before):\s+(\S.*)$")
_DISCORD_NOISE = re.compile(
    r"^\s*(?:\{(?:Reactions|Embed|Attachments|Stickers|Components)\}|Exported \d+ message\(s\)"
    r"|(?:[^\w\s]{1,3}|:[a-z0-9_]{2,40}:)\s+\(\d+\)(?:\s+(?:[^\w\s]{1,3}|:[a-z0-9_]{2,40}:)\s+\(\d+\))*)\s*$"
)


def stamps_day_first(lines: Iterable[str], text_day_first: bool) -> bool:
    """The order a chat's bracketed stamps (`[1/3/2024 5:38 PM] Lim Wei Ling: …`) write their days:
    the app prints them in its user's locale, Discord's exporter or Teams in the US month first, a
    Skype copied in Singapore day first. A stamp whose first figure is over 12 (`[15/3/2024 …]`) says
    day first, whose second is (`[3/15/2024 …]`) month first; when no stamp tells, the order the
    messages write their own days in (`目标 15/4`, w46-h)."""
    day_first = month_first = 0
    for line in lines:
        stamp = _DISCORD_STAMP.match(line.strip())
        if stamp is not None:
            day_first += int(stamp["m"]) > 12
            month_first += int(stamp["d"]) > 12
    return day_first > month_first if day_first != month_first else text_day_first


def chat_stamp_date(line: str, day_first: bool = False) -> date | None:
    """The day of a message stamp: a bracketed one (`[4/11/2025 5:50 PM] ivy.zhou`, month first
    unless `day_first`: `stamps_day_first` tells), or WhatsApp's outside the US, whose four-digit
    year and 24-hour clock (`05/04/2025, 10:12 - Wang Lei: …`) say day first, whatever order the
    message's own text writes its days in (w23-h writes `3/28` month first under `21/03/2025`)."""
    discord = _DISCORD_STAMP.match(line.strip())
    if discord is not None:
        first, second = int(discord["m"]), int(discord["d"])
        month, day = (second, first) if day_first else (first, second)
        try:
            return date(int(discord["y"]), month, day)
        except ValueError:
            return None
    match = _CHAT_PREFIX.match(line.strip())
    if match is None or len(match["y"]) != 4 or match["ampm"] or not match["comma"] or len(match["h"]) != 2:
        return None
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


# Chat bold is one star: a whole line (`*② Projects*`, a note in italics after it allowed) or a lead
# after a status sign (`🟡 *OBv2* — 85%`).
_CHAT_BOLD_LINE = re.compile(r"^\*([^*\n]{1,60})\*(\s+_[^_]*_)?\s*$")
_CHAT_BOLD_LEAD = re.compile(r"^(\W{0,6}?)\*([^*\s][^*\n]{0,60}?)\*(?=\s|$)")
_CHAT_MESSAGES = 2
_CHAT_ITEM = re.compile(r"^\s*[-•*]\s")


# A chat message that posts the report: its title in bold (`*… 周报 第38期*`, `**PDE status — fortnight
# to Fri 26/04**`, w47-g), as a chat writes one.
_POSTS_REPORT = re.compile(
    r"[*_]\S[^*_]{0,60}?(?:周报|週報|weekly|fortnightly|status|update|第\s*\d{1,3}\s*期)[^*_]{0,40}[*_]", re.I
)
_CHAT_HEAD_LINES = 20
_SAID_AFTER_STAMP = re.compile(r"^\s*\[[^\]]{6,30}\]\s+[^:：\n]{1,40}[:：]\s+(\S.*)$")


def _kept_stamp(lines: list[tuple[int, str]], stamped: Callable[[str], bool]) -> int:
    """The index of the message whose stamp dates the report: the first that posts it (its bold
    title) among the first lines, else the first stamped one; -1 when none is."""
    heads = [i for i, (_, text) in enumerate(lines[:_CHAT_HEAD_LINES]) if stamped(text)]
    return next((i for i in heads if _POSTS_REPORT.search(lines[i][1])), heads[0] if heads else -1)


def chat_export_lines(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A weekly report posted in a chat and exported (WhatsApp): after the first message with a
    sender, which keeps its stamp (it dates the report), each message's stamp and sender are dropped, and
    chat bold (`*x*`) is written as Markdown bold, so its section lines and its bold-led project
    lines read as the same report typed in Markdown would. Line numbers kept; the text still
    occurs in its line (the verifier reads past emphasis). Written from w23-h; a Discord export
    (w24-e) is read by `_discord_lines`."""
    if any(_DISCORD_STAMP.match(text) for _, text in lines):
        return _discord_lines(lines)
    if sum(bool(_CHAT_PREFIX.match(text)) for _, text in lines) < _CHAT_MESSAGES:
        return lines
    out: list[tuple[int, str]] = []
    # The message that posts the report keeps its stamp (it titles and dates the report): the first
    # with a sender, or one just after it that carries the report's title when chatter came first
    # (`[26/4/2024 6:10 PM] Lim: 今天周报晚点发…`, then `[29/4/2024 9:48 AM] Lim: *… 周报 第38期*`, w46-h).
    kept = _kept_stamp(lines, lambda text: _CHAT_PREFIX.match(text) is not None)
    for index, (number, text) in enumerate(lines):
        stamp = _CHAT_PREFIX.match(text)
        if stamp and index != kept:
            text = text[stamp.end() :]
        whole = _CHAT_BOLD_LINE.match(text.strip())
        if whole:
            text = f"**{whole[1].strip()}**"  # (its italic note, `_(RM, 周五 12:00)_`, left out)
        elif (lead := _CHAT_BOLD_LEAD.match(text)) is not None:
            text = f"{lead[1]}**{lead[2]}**{text[lead.end() :]}"
            following = next((t for _, t in lines[index + 1 :] if t.strip()), "")
            if lead[1].strip() and _CHAT_ITEM.match(following):
                # `🟡 *OBv2* — 85%` over its `- …` lines: a project's block, as a heading opens one
                text = "#### " + text
        out.append((number, text))
    return out


def _discord_lines(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A Discord export read as the report its messages make: the first stamp kept (it dates the
    report), later stamps, reactions, embed and attachment marks and the export's footer blank,
    so each message's own Markdown (`**📌 Projects**`, `**name** — …`) reads as typed."""
    out: list[tuple[int, str]] = []
    opened = False
    # (the stamp kept is the report's message's, as in `chat_export_lines`)
    kept = _kept_stamp(lines, lambda text: _DISCORD_STAMP.match(text.strip()) is not None)
    for index, (number, text) in enumerate(lines):
        stamp = _DISCORD_STAMP.match(text.strip()) is not None
        header = None if opened else _DISCORD_HEADER.match(text)
        if header is not None:
            # the export's header block: its channel (`liveops-weekly / S7 第4周 周报`) titles it
            text = f"# {header[2]}" if header[1] == "Channel" else ""
        elif stamp and index != kept:
            # (a copied chat writes the message after its sender on the stamp's line: its words stay)
            said = _SAID_AFTER_STAMP.match(text)
            text = said[1] if said else ""
        elif _DISCORD_NOISE.match(text) or (not opened and RULE_LINE.match(text)):
            text = ""
        opened = opened or stamp
        out.append((number, text))
    return out


# A notebook exported as source (Databricks: `-- Databricks notebook source`, then cells apart by
# `-- COMMAND ----------`, a Markdown cell's lines each behind `-- MAGIC `; `#` and `//` in Python
# and Scala notebooks).
_NOTEBOOK_HEAD = re.compile(r"^(--|#|//) Databricks notebook source\s*$")
_MAGIC = re.compile(r"^(?:--|#|//) MAGIC ?")
_CELL_MAGIC = re.compile(r"^%(?:md|md-sandbox)\s*$")


def hidden_comments(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A Markdown source's HTML comments that stand on lines of their own (`<!-- 复制上期未删：| 站易通
    | … -->`, `<!-- tabs:start -->`, a block commented out over several lines) are blank: the page
    shows none of them, and last week's row kept in one is no news of this week."""
    if not any("<!--" in text for _, text in lines):
        return lines
    out: list[tuple[int, str]] = []
    inside = False
    for number, text in lines:
        stripped = text.strip()
        if not inside and stripped.startswith("<!--"):
            inside = True
        if inside:
            closed = "-->" in stripped
            tail = stripped.split("-->", 1)[1].strip() if closed else ""
            inside = not closed
            out.append((number, tail))  # (text after the comment's close on its line stays)
            continue
        out.append((number, text))
    return out


def notebook_source(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A notebook's source export read as its Markdown cells: each `MAGIC` line's text without
    the prefix (the text stays a suffix of the line as written, so quotes still check out), the
    code cells, their titles and the cell separators blank: a query is no news."""
    first = next((text for _, text in lines if text.strip()), "")
    match = _NOTEBOOK_HEAD.match(first.strip())
    if match is None:
        return lines
    out: list[tuple[int, str]] = []
    for number, text in lines:
        magic = _MAGIC.match(text)
        body = text[magic.end() :] if magic else ""
        widget = None if magic else _WIDGET.search(text)
        if widget is not None:  # a parameter's default is the notebook's metadata (`report_date`)
            body = f"{widget['name'] or widget['py_name']}: {widget['value'] or widget['py_value']}"
        out.append((number, "" if _CELL_MAGIC.match(body.strip()) else body))
    return out


# A notebook's parameter and its default: `CREATE WIDGET TEXT report_date DEFAULT "2024-05-24"`,
# `dbutils.widgets.text("report_date", "2024-05-24")`.
_WIDGET = re.compile(
    r"CREATE\s+WIDGET\s+(?:TEXT|DROPDOWN|COMBOBOX)\s+(?P<name>\w+)\s+DEFAULT\s+[\"'](?P<value>[^\"']*)[\"']|"
    r"dbutils\.widgets\.text\(\s*[\"'](?P<py_name>\w+)[\"']\s*,\s*[\"'](?P<py_value>[^\"']*)[\"']",
    re.I,
)


# What a database client prints around a script's output (SQL*Plus, its Chinese messages too): row
# counts, session and substitution echoes, timing. The one that says a query found nothing (`no rows
# selected`, `未选定行`) stays: under an incidents heading it says there were none.
_CLIENT_CHATTER = re.compile(
    r"^\s*(?:\d+\s+rows?\s+selected\.?|已选择\s*\d+\s*行。?|Session altered\.|会话已更改。|"
    r"(?:old|new|原值|新值)\s+\d+:\s.*|PL/SQL procedure successfully completed\.|PL/SQL 过程已成功完成。|"
    r"Elapsed:\s+\d{2}:\d{2}:\d{2}(?:\.\d+)?|已用时间:\s*\d{2}:\d{2}:\d{2}(?:\.\d+)?|Commit complete\.|提交完成。)\s*$",
    re.I,
)


# A statement typed at the client's prompt (`SQL> select …`) and its continuation lines, which the
# client numbers (`  2    from pmo_calendar …`).
_PROMPT = re.compile(r"^SQL> ")
_PROMPT_CONTINUED = re.compile(r"^\s{1,3}\d{1,3}\s{2,}\S")


def client_chatter(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A spooled query's client messages blank (`7 rows selected.`, `Session altered.`, `old   4:
    where …`, a statement typed at `SQL>` and its numbered lines): `7 rows` is no figure of the
    report, and an echo of the script is no news."""
    out: list[tuple[int, str]] = []
    typed = False
    headers: set[str] = set()
    for number, text in lines:
        typed = bool(_PROMPT.match(text)) or (typed and bool(_PROMPT_CONTINUED.match(text)))
        page = _PAGE_NUMBER.search(text)
        running = _PAGE_NUMBER.sub("", text).strip() if page else ""
        repeated = bool(running) and running in headers
        headers.add(running)
        out.append((number, "" if typed or repeated or _CLIENT_CHATTER.match(text) else text))
    return out


# A page's running header (`18-4月 -25   衡川…结算中心   Page:   4`): the first one dates the
# report; its repeats on every later page only break the sections they fall in.
_PAGE_NUMBER = re.compile(r"(?:\bpage\s*:?\s*\d{1,4}(?:\s+of\s+\d{1,4})?|第\s*\d{1,4}\s*页)\s*$", re.I)


# A page's footer and the next page's head, as a report generator prints them between two parts of
# one section (`打印时间：2025-04-18 15:33:22` beside `第1页 共2页`, then `…周报 2025年第14期（续）`):
# furniture, blank, so the section goes on over the break (w47-f, FastReport). The stamp is blank
# only beside a page's number: alone, a printed stamp may be the report's only date.
_PAGE_OF = re.compile(
    r"^\s*(?:第\s*\d{1,4}\s*页\s*[,，/]?\s*共\s*\d{1,4}\s*页|page\s+\d{1,4}\s+of\s+\d{1,4}|-\s*\d{1,4}\s*-)\s*$",
    re.I,
)
_PRINT_STAMP = re.compile(
    r"^\s*(?:打印时间|打印日期|制表时间|printed(?:\s+on)?|print\s+date)\s*[:：]?\s*\d.{0,30}$", re.I
)
_CONTINUED = re.compile(r"[（(]\s*(?:续|续表|续页|cont(?:inued|'d|\.)?)\s*[)）]\s*$", re.I)


# A running footer laid out in columns, the page's number last (`衡远汽车 内部资料 注意保密      2025/4/18
# 3`, a deck through pdftotext): its words the same on every page.
_RUNNING_FOOTER = re.compile(r"^\s*(?P<words>\S(?:.*?\S)?)\s{10,}(?:\S.*?\s{10,})?\d{1,3}\s*$")


def page_furniture(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The lines without a page's number, the print stamp beside it, the next page's continued
    head (see `_PAGE_OF`) and a running footer that ends in the page's number on two pages or more;
    other lines unchanged."""
    footers: dict[str, list[int]] = {}
    for i, (_, text) in enumerate(lines):
        if (match := _RUNNING_FOOTER.match(text)) is not None:
            footers.setdefault(match["words"], []).append(i)
    breaks = [i for i, (_, text) in enumerate(lines) if _PAGE_OF.match(text)]
    running = {i for found in footers.values() if len(found) >= 2 for i in found}
    if not breaks and not running:
        return lines
    blank: set[int] = set(breaks) | running
    filled = [i for i, (_, text) in enumerate(lines) if text.strip()]
    for i in breaks:
        place = filled.index(i)
        for near in filled[max(0, place - 1) : place + 2]:
            if _PRINT_STAMP.match(lines[near][1]):
                blank.add(near)
        after = next((j for j in filled[place + 1 : place + 3] if j not in blank), None)
        if after is not None and _CONTINUED.search(lines[after][1]):
            blank.add(after)
    return [(number, "" if i in blank else text) for i, (number, text) in enumerate(lines)]


# A mail client's marks in a message it shows or saves (Mutt: `[-- Attachment #1 --]`, `[-- Type:
# text/plain, Encoding: quoted-printable, Size: 7.1K --]`, `[-- PGP output follows (current time: …)
# --]` over gpg's lines and `[-- End of PGP output --]`): the client's words, not the sender's. The
# check's `current time` is when someone opened the mail, days later maybe (w54-a); gpg's `Good
# signature from "…"` is no field of the report.
_CLIENT_MARK = re.compile(r"^\[-- .{1,200} --\]\s*$")
_SIGNATURE_CHECK = re.compile(r"^\[-- (?:PGP|GPGME|S/MIME) output follows\b", re.I)
_SIGNATURE_END = re.compile(r"^\[-- End of (?:PGP|GPGME|S/MIME) output\b", re.I)
_CLIENT_MARKS = 2


def mail_client_marks(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The lines without a mail client's part marks and its signature check (blank in their place),
    where there are two marks or more; other lines unchanged."""
    if sum(bool(_CLIENT_MARK.match(text)) for _, text in lines) < _CLIENT_MARKS:
        return lines
    out: list[tuple[int, str]] = []
    checking = False
    for number, text in lines:
        mark = _CLIENT_MARK.match(text) is not None
        if mark and _SIGNATURE_CHECK.match(text):
            checking = True
        blank = mark or checking
        if mark and _SIGNATURE_END.match(text):
            checking = False
        out.append((number, "" if blank else text))
    return out
