"""Normalising text for comparison, one function per purpose.

- `fold_space`: a quote against the lines it cites; whitespace removed entirely (Chinese has no
  spaces between words, so a wrapped line must still match) and case folded.
- `plain_key`: two spellings of one metric or label (`Error budget`, `error-budget`, `ＣＰＵ`):
  NFKC, punctuation and spaces removed, case folded.
- `name_key`: two spellings of one project (`【POS收单】 (Phase 2)`, `pos收单`): `plain_key`
  after dropping parenthetical remarks, which carry phases, owners and aliases, not the name.
- `strip_markup`: a line without its heading or list marker, as quotes are cut and checked.
- `strip_inline` / `plain_line`: text without inline markup (HTML tags and entities, Markdown
  links, emphasis, code ticks, a table row's outer pipes), so answers and quotes read as text; the
  verifier compares quotes against lines read the same way, so a quote cut from one verifies.
- `stem`: a light English word-form fold ("launched" -> "launch"), so a question's wording meets
  the report's wherever words are compared (planning and the extractive engine alike).
"""

from __future__ import annotations

import html
import re
import unicodedata

_WS = re.compile(r"\s+")
_NON_WORD = re.compile(r"[\W_]+")
PARENS = re.compile(r"[(（]([^)）]*)[)）]")  # a remark; 【】 and [] only wrap the name itself
# List markers as writers type them: dashes and shape bullets (`▶ SH-017 …`); numbers, circled
# numbers, letters and roman numerals (`1.`, `2、`, `(3)`, `①`, `a)`, `(b)`, `iv.`): parse and
# strip_markup share these, so what the parser calls an item is what a quote drops.
# Pictographs and symbols a writer puts beside words (`🚀`, `✅`, `⚠`): ranges for a character class.
EMOJI = "\u2600-\u27bf\U0001f000-\U0001faff"
BULLET_GLYPHS = "-*+•·▶►▸▹➤➢●○■□◆◇★☆※‧∙◦▪‣"
# Chinese writers close up a bullet to its text (`‧S6F11 比对`, `•本周`): a shape bullet (not a
# dash or star, which open `-5%` and `*注`) needs no space before a Han character, and `‧`
# (a hyphenation point, typed only as a bullet) none at all.
CLOSED_BULLET = r"(?:‧|[•·●○■□◆◇▪◦∙](?=[\u4e00-\u9fff]))"
ORDINAL_MARKER = (
    # (`1.【汶丰小麦】正常｜…`: a number closed up to a bracket is a marker too)
    r"\d{1,3}[.)]\s+|\d{1,3}[、．]\s*|\d{1,3}\.(?=[【「《])|[(（](?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[)）]\s*|[①-⑳]\s*"
    r"|(?:[a-zA-Z]|[ivxIVX]{2,4})[.)]\s+|\[\d{1,3}\]\s+|【\d{1,3}】\s*"  # `【1】财务共享中心二期建设`
)


def is_ordinal_marker(marker: str) -> bool:
    """An item's marker enumerates (`1.`, `(3)`, `①`, `a)`, `[4]`) rather than bullets (`-`, `▶`)."""
    return bool(marker) and marker not in BULLET_GLYPHS


# An outliner's branch number, a dot closing each level (`2.1.3. 目标：…`, an XMind text export): no
# version ends in a dot before its words.
OUTLINE_BRANCH = r"\d{1,2}(?:\.\d{1,2}){1,3}\.[ \t]+"
_MARKUP = re.compile(
    rf"^\s*(?:#{{1,6}}\s+|[{re.escape(BULLET_GLYPHS)}]\s+|{CLOSED_BULLET}\s*|\d{{1,3}}[.)、](?!\d)\s*|{ORDINAL_MARKER}|"
    rf"{OUTLINE_BRANCH})"
)


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def fold_space(text: str) -> str:
    """All whitespace removed and case folded, so a quote matches however lines were wrapped."""
    return _WS.sub("", text).casefold()


def plain_key(text: str) -> str:
    """NFKC, without punctuation, spaces or case."""
    return _NON_WORD.sub("", nfkc(text)).casefold()


def name_key(name: str) -> str:
    """A project name's key: parenthetical remarks dropped (unless nothing else is left)."""
    return plain_key(PARENS.sub(" ", nfkc(name))) or plain_key(name)


def strip_markup(line: str) -> str:
    """A line without its leading heading or list marker; the verifier and the extractors both
    compare quotes against lines stripped this way, so every quote cut from one verifies."""
    return _MARKUP.sub("", line)


_SUFFIXES = ("ings", "ing", "ers", "er", "ed", "es", "s")


def stem(token: str) -> str:
    """A light English stem ("owns", "owner" -> "own"; "launched" -> "launch") so a question's
    wording meets the report's; CJK bigrams and short words are left as they are."""
    if not token.isascii() or not token.isalpha() or len(token) < 4:
        return token
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            return token[: -len(suffix)]
    return token


_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_EM_UNDER = re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_CODE = re.compile(r"(`+)(.+?)\1")
_TABLE_SEPARATOR = re.compile(r"^:?-{2,}:?$")
# A static site's template tag in a Markdown source (Hexo, Jekyll/Liquid, Hugo): `{% label
# warning@关注 %}` shows its text after the `@`; a block tag (`{% note info %}`, `{% endnote %}`,
# `{{< alert >}}`) shows nothing of itself.
# A forum's date tag (Discourse: `[date=2025-04-14 time=14:00:00 timezone="America/Chicago"]`) shows
# its day (and time) in the reader's zone: read as the day and time it names.
TEMPLATE_TAG = re.compile(
    r"\{%-?\s*[a-z_][\w-]*(?:\s+[^%{}@]*?@([^%{}]*?)|[^%{}]*?)\s*-?%\}|\{\{[<%].{0,200}?[>%]\}\}|"
    r"\[date=(\d{4}-\d{2}-\d{2})(?:\s+time=(\d{1,2}:\d{2})(?::\d{2})?)?(?:\s+[a-z]+=(?:\"[^\"\]]{0,60}\"|[^\s\]]{0,60}))*\s*\]",
    re.I,
)
_SPACES = re.compile(r"[ \t]{2,}")


# A wiki's link to a page: `[[Brackwell Daventry]]`, `[[site/dvt|Brackwell Daventry]]` (its text last).
WIKI_LINK = re.compile(r"\[\[([^\]|\\]{1,80})(?:\\?\|([^\]]{1,80}))?\]\]")
# A note's path in a notes vault (`proj.tide-v2`, `notes/ops/board`): lower-case, no spaces, dotted
# or slashed.
_NOTE_PATH = re.compile(r"[a-z0-9_-]+(?:[./][a-z0-9_-]+)+")


def wiki_link_text(link: re.Match[str]) -> str:
    """What a matched `WIKI_LINK` shows: its text, which a wiki writes last (`[[page|text]]`) and a
    Dendron vault first (`[[潮汐调度 v2|proj.tide-v2]]`): the side that is no note path."""
    page, text = link[1], link[2]
    if text and _NOTE_PATH.fullmatch(text.strip()) and not _NOTE_PATH.fullmatch(page.strip()):
        return page
    return text or page


# A Japanese wiki's inline decoration (Backlog, PukiWiki): `&color(red) { 遅延 }`, `&size(10){注}`;
# the page shows its text.
WIKI_DECORATION = re.compile(r"&(?:color|bgcolor|size|font)\([^(){}]{0,30}\)\s*\{\s*([^{}]*?)\s*\};?")


def template_text(tag: re.Match[str]) -> str:
    """What a matched `TEMPLATE_TAG` shows on the page: a label's text, a date tag's day and
    time, else nothing."""
    if tag[2]:
        return f"{tag[2]} {tag[3]}" if tag[3] else tag[2]
    return (tag[1] or "").strip()


def strip_inline(text: str) -> str:
    """Text without inline markup: HTML tags (entities decoded), Markdown images and links (their
    text), a site generator's template tags (a label's text), emphasis and strikethrough markers,
    code ticks, a table row's outer pipes (a separator row is nothing). Idempotent, and every
    piece of its output is a piece of the input's text."""
    out = HTML_TAG.sub("", _HTML_COMMENT.sub("", html.unescape(text).replace("\xa0", " ")))
    out = TEMPLATE_TAG.sub(template_text, out)
    out = WIKI_DECORATION.sub(r"\1", out)
    out = _AUTOLINK.sub(r"\1", out)
    out = MD_LINK.sub(r"\1", _MD_IMAGE.sub(r"\1", out))
    out = WIKI_LINK.sub(wiki_link_text, out)  # `[[page|text]]`, `[[page]]`
    out = _CODE.sub(r"\2", out)
    for pattern in (_STRONG, _STRIKE):
        out = pattern.sub(lambda m: m[m.lastindex or 0], out)
    out = _EM_UNDER.sub(r"\1", _EM_STAR.sub(r"\1", out))
    stripped = out.strip()
    if stripped.startswith("|"):
        cells = [c.strip() for c in stripped.strip("|").split("|")]
        out = "" if all(_TABLE_SEPARATOR.match(c) for c in cells if c) else " | ".join(cells)
    return _SPACES.sub(" ", out).strip()


def plain_line(line: str) -> str:
    """A report line as answers quote it and the verifier reads it: no leading marker, no markup."""
    return strip_inline(strip_markup(line))


# What a report engine writes after a section's title, the rows it selected (`IT Project Work Orders
# (WORKTYPE = ITPJ, STATUS not in HOLD, …)`): a gloss, no part of how long the title is.
_TITLE_GLOSS = re.compile(r"\s*[(（][^()（）]{1,100}[)）]\s*$")


def title_length(text: str) -> int:
    """A title's length without the gloss after it."""
    return len(_TITLE_GLOSS.sub("", text))


# A project's key and a legend's letter tag in brackets after it (`P2 [Y] H2Go 预约`, `WS3 (G)`): the
# pieces several readers match (the section's kind, the lead's status, the name without its tag).
PROJECT_KEY = r"[A-Z]{1,4}-?\d{1,4}"
LETTER_TAG = r"[\[(（【][A-Z]{1,3}[\])）】]"


# A page's number, printed as its own line by a print view, a form or a report writer (`Page 1 of 2`,
# `第 1 页 共 2 页`): furniture, never a figure of the report.
PAGE_NUMBER_LINE = re.compile(
    r"^\s*(?:page\s+\d+(?:\s+of\s+\d+)?|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?)\s*$", re.I
)
