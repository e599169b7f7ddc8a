"""Read report files from disk into normalised text lines that remember their original line numbers.

Every citation in this project points at a line span of the original file, so normalisation
(line endings, tabs, full-width spaces, HTML markup) must never renumber lines.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from index.errors import InputError
from index.text.hant import simplified

SUPPORTED_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm", ".eml", ".vtt", ".typ", ".tex")
DEFAULT_MAX_BYTES = 5 * 1024 * 1024

# Zero-width characters that editors and Notion sprinkle into text; they break substring matching.
# (an icon font's glyph, a docs theme's heading link `\uf0c1`, stands in the private use area: no text)
_INVISIBLE = dict.fromkeys([*map(ord, "\u200b\u200c\u200d\u2060\ufeff"), *range(0xE000, 0xF900)], None)
_SPACES = {ord("\u3000"): " ", ord("\u00a0"): " ", ord("\u2002"): " ", ord("\u2003"): " "}
# A Chinese input method left in full-width mode types `２０２５年６月１３日`, `６０％`, `ＫＲ２`: the
# same characters as ASCII to every reader, so every date, number and id rule reads them as ASCII.
_WIDE_ASCII = str.maketrans(
    "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ％＋＃",
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz%+#",
)
# `６．５％`, `６／１３`: a full-width point or slash between digits is a decimal point or a date's.
_WIDE_BETWEEN_DIGITS = re.compile(r"(?<=\d)[．／](?=\d)")


@dataclass(frozen=True)
class SourceLine:
    """One normalised line and the 1-based line number it came from in the original file."""

    number: int
    text: str


@dataclass(frozen=True)
class Document:
    """A decoded report file: its lines, encoding and a hash of its raw bytes."""

    path: Path
    lines: tuple[SourceLine, ...]
    encoding: str
    content_hash: str
    meta: dict[str, str] = field(default_factory=dict)
    """What the file's markup states outside its text (an HTML page's date); front matter's
    fallback."""

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read, decode and normalise one report file, or raise `InputError` saying why not."""
    if not path.exists():
        raise InputError(path, "file not found")
    if not path.is_file():
        raise InputError(path, "not a regular file")
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise InputError(
            path,
            f"unsupported file type '{path.suffix}'",
            "use .md, .markdown, .txt, .html, .eml, .vtt, .typ or .tex",
        )
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(
            path,
            f"file is {size / 1_048_576:.1f} MB, over the {max_bytes / 1_048_576:.1f} MB limit",
            "raise max_file_mb in summarizer.toml or split the file",
        )
    raw = path.read_bytes()
    text, encoding = decode_bytes(raw, path)
    if path.suffix.lower() in (".html", ".htm"):
        from index.html import read_html
        from index.markdeep import looks_like_markdeep, markdeep_source

        if looks_like_markdeep(text):
            meta: dict[str, str] = {}
            numbered = _wiki_source_as_markdown(markdeep_source(split_lines(text)))
        else:
            numbered, meta = read_html(text)
    else:
        meta = {}
        numbered = _mail_or_wiki_source(text)
    lines = tuple(SourceLine(number, normalise_line(line)) for number, line in numbered)
    if not any(line.text.strip() for line in lines):
        raise InputError(path, "file is empty", "nothing to index")
    return Document(path=path, lines=lines, encoding=encoding, content_hash=content_hash(raw), meta=meta)


def _mail_or_wiki_source(text: str) -> list[tuple[int, str]]:
    """A mail's raw source as the mail a reader sees (its HTML body read as a page; a mailed patch's
    added lines), a wiki page's source as Markdown, any other text as it is."""
    from index.eml import looks_like_raw_mail, read_raw_mail
    from index.patch_mail import added_lines, is_patch

    raw_lines = split_lines(text)
    if not looks_like_raw_mail(raw_lines):
        return _wiki_source_as_markdown(raw_lines)
    numbered, html = read_raw_mail(text, raw_lines)
    if is_patch([line for _, line in numbered]):
        numbered = added_lines(numbered)
    if html is not None:
        from index.html import read_html

        page, _ = read_html(html)
        numbered += [(len(numbered) + 1 + i, line) for i, (_, line) in enumerate(page)]
    return numbered


def _wiki_source_as_markdown(raw_lines: list[str]) -> list[tuple[int, str]]:
    """A wiki page's source (DokuWiki, MediaWiki, JSPWiki, TiddlyWiki, TWiki/Foswiki, XWiki, MoinMoin,
    PmWiki, a Tiki dump, Vimwiki), a meeting's WebVTT transcript, a dispatch system's E-format file, a Wikidot page's source, a Typst or LaTeX document's source, a transcription app's speaker turns, a report writer's paged listing, a TaskJuggler time sheet, a form's printout as text, a forum's or logbook's BBCode, a post archived as its API record and a Roam outline, read as the Markdown it
    means under its own line numbers, a CI server's console log and a Stata log as the report the job printed, a Notepad time-log with its first stamp as its date, and a line printer's file without its control column, a MySQL client's printout; any other text as it is. DokuWiki is asked first:
    its headings look like MediaWiki's and its `{{tag>…}}` like a template (XWiki before both: its
    `{{info}}` macros look like templates, its `= Title =` like both; MoinMoin too, whose bold in
    triple quotes and `== Heading ==` are MediaWiki's, and PmWiki, whose bold is MediaWiki's too, and
    Roam, whose links are MediaWiki's); TiddlyWiki
    before JSPWiki, whose headings are its exclamation marks too."""
    from index.bbcode import looks_like_bbcode, read_bbcode
    from index.ci_console import looks_like_ci_console, read_ci_console
    from index.dokuwiki import looks_like_dokuwiki, read_dokuwiki
    from index.eformat import looks_like_eformat, read_eformat
    from index.form_print import looks_like_form_print, read_form_print
    from index.foswiki import looks_like_foswiki, read_foswiki
    from index.jspwiki import looks_like_jspwiki, read_jspwiki
    from index.latex import looks_like_latex, read_latex
    from index.markdown_html import html_tables_read
    from index.moinmoin import looks_like_moinmoin, read_moinmoin
    from index.mysql_client import looks_like_mysql_client, read_mysql_client
    from index.notepad_log import looks_like_notepad_log, read_notepad_log
    from index.paged_listing import looks_like_paged_listing, read_paged_listing
    from index.pmwiki import looks_like_pmwiki, read_pmwiki
    from index.printout import looks_like_printout, read_printout
    from index.psql_records import looks_like_psql_records, read_psql_records
    from index.record_dump import looks_like_record_dump, read_record_dump
    from index.roam import looks_like_roam, read_roam
    from index.speaker_turns import looks_like_speaker_turns, read_speaker_turns
    from index.stata_log import looks_like_stata_log, read_stata_log
    from index.tables_listed import list_tables_as_pipes
    from index.tables_stacked import stacked_as_pipes
    from index.taskjuggler import looks_like_taskjuggler, read_taskjuggler
    from index.tiddlywiki import looks_like_tiddlywiki, read_tiddlywiki
    from index.tikiwiki import looks_like_tikiwiki, read_tikiwiki
    from index.typst import looks_like_typst, read_typst
    from index.vimwiki import looks_like_vimwiki, read_vimwiki
    from index.webvtt import looks_like_webvtt, read_webvtt
    from index.wikidot import looks_like_wikidot, read_wikidot
    from index.wikitext import looks_like_wikitext, read_wikitext
    from index.xwiki import looks_like_xwiki, read_xwiki

    if looks_like_notepad_log(raw_lines):
        return read_notepad_log(raw_lines)
    if looks_like_ci_console(raw_lines):
        return read_ci_console(raw_lines)
    if looks_like_stata_log(raw_lines):
        return read_stata_log(raw_lines)
    if looks_like_webvtt(raw_lines):
        return read_webvtt(raw_lines)
    if looks_like_eformat(raw_lines):
        return read_eformat(raw_lines)
    if looks_like_typst(raw_lines):
        return read_typst(raw_lines)
    if looks_like_latex(raw_lines):
        return read_latex(raw_lines)
    if looks_like_wikidot(raw_lines):
        return read_wikidot(raw_lines)
    if looks_like_taskjuggler(raw_lines):
        return read_taskjuggler(raw_lines)
    if looks_like_tikiwiki(raw_lines):
        return read_tikiwiki(raw_lines)
    if looks_like_vimwiki(raw_lines):
        return read_vimwiki(raw_lines)
    if looks_like_printout(raw_lines):
        return read_printout(raw_lines)
    if looks_like_form_print(raw_lines):
        return read_form_print(raw_lines)
    # (after the form: pdftotext opens each page with a form feed too)
    if looks_like_paged_listing(raw_lines):
        return read_paged_listing(raw_lines)
    if looks_like_record_dump(raw_lines):  # (before BBCode: the record's text is often BBCode)
        return read_record_dump(raw_lines)
    if looks_like_bbcode(raw_lines):
        return read_bbcode(raw_lines)
    if looks_like_psql_records(raw_lines):
        return read_psql_records(raw_lines)
    if looks_like_mysql_client(raw_lines):
        return read_mysql_client(raw_lines)
    if looks_like_tiddlywiki(raw_lines):
        return read_tiddlywiki(raw_lines)
    if looks_like_foswiki(raw_lines):
        return read_foswiki(raw_lines)
    if looks_like_xwiki(raw_lines):
        return read_xwiki(raw_lines)
    if looks_like_pmwiki(raw_lines):
        return read_pmwiki(raw_lines)
    if looks_like_roam(raw_lines):
        return read_roam(raw_lines)
    if looks_like_moinmoin(raw_lines):
        return read_moinmoin(raw_lines)
    if looks_like_dokuwiki(raw_lines):
        return read_dokuwiki(raw_lines)
    if looks_like_wikitext(raw_lines):
        return read_wikitext(raw_lines)
    if looks_like_jspwiki(raw_lines):
        return read_jspwiki(raw_lines)
    if looks_like_speaker_turns(raw_lines):
        return read_speaker_turns(raw_lines)
    return html_tables_read(list_tables_as_pipes(stacked_as_pipes(list(enumerate(raw_lines, start=1)))))


def decode_bytes(raw: bytes, path: Path) -> tuple[str, str]:
    """Decode by BOM, then strict UTF-8, then GB18030 (a superset of GBK); refuse binary content."""
    if raw.startswith(codecs.BOM_UTF8):
        try:
            return raw[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise InputError(
                path,
                f"has a UTF-8 byte order mark but byte {exc.start + len(codecs.BOM_UTF8)} is not valid UTF-8",
                "re-save the file as UTF-8",
            ) from exc
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(path, "has a UTF-16 byte order mark but is not valid UTF-16") from exc
    if looks_binary(raw):
        raise InputError(path, "looks like a binary file, not text", "export the report as Markdown or text")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise InputError(
            path, "cannot be decoded as UTF-8, GB18030/GBK or UTF-16", "re-save the file as UTF-8"
        ) from exc
    if _control_ratio(text) > 0.01:
        raise InputError(path, "looks like a binary file, not text", "export the report as Markdown or text")
    return text, "gb18030"


def looks_binary(raw: bytes) -> bool:
    """NUL bytes or many control bytes in the first 8 KB mean binary (UTF-16 was handled by its BOM)."""
    head = raw[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    control = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return control / len(head) > 0.01


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    control = sum(1 for ch in text[:8192] if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    return control / min(len(text), 8192)


def split_lines(text: str) -> list[str]:
    """Split on CRLF, CR or LF, so CRLF and old-Mac files keep their line numbers."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


# A SharePoint list's internal column name escapes what XML names cannot hold (`RAG_x0020_Status`,
# `Percent_x0020_Complete`, w28-b): read as the name its users gave it.
_XML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
# A terminal's colour codes around a word (a BBS post's `\x1b[1;32m正常\x1b[m`, a console log's):
# what the terminal showed is the word.
_ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


# A chat's keycap digits numbering its list (`1️⃣ RoomBridge 双向直连 — 🟡`): the number they show.
_KEYCAP = re.compile(r"([0-9])\ufe0f?\u20e3|🔟")


def normalise_line(line: str) -> str:
    """Tabs to 4 spaces (Notion nests by 4), full-width and no-break spaces, digits and letters to
    ASCII, Traditional Chinese characters to Simplified (index/text/hant.py), no trailing blanks.
    A tab between two cells of a tab-separated row stays at least two spaces wide (a 7-character
    Chinese cell would otherwise end one space from the next), so the row still reads as cells."""
    line = simplified(line.translate(_INVISIBLE).translate(_SPACES).translate(_WIDE_ASCII))
    if "．" in line or "／" in line:
        line = _WIDE_BETWEEN_DIGITS.sub(lambda m: "." if m[0] == "．" else "/", line)
    line = _tab_cells(line)
    if "\u20e3" in line or "🔟" in line:
        line = _KEYCAP.sub(lambda m: ("10" if m[0] == "🔟" else m[1]) + ".", line)
    if "_x" in line:
        line = _XML_ESCAPE.sub(lambda m: chr(int(m[1], 16)), line)
    if "\x1b" in line:
        line = _ANSI_ESCAPE.sub("", line)
    if "<" in line:
        line = inline_tags_read(line)
    if "{icon " in line:
        line = _REMARKUP_ICON.sub(_icon_sign, line)
    if "shields.io/badge/" in line:
        line = badges_as_fields(line)
    if "{%" in line:
        line = _TEMPLATE_CALL.sub(_template_values, line)
    if "[^" in line:
        line = _FOOTNOTE_MARK.sub("", line)
    if line.lstrip().startswith(">") and "]" in line:
        line = _CALLOUT_MARK.sub(r"\1", line)
    if "....." in line or ". . . ." in line or "·····" in line or "………" in line:
        line = _DOT_LEADER.sub(": ", line)
    return line.replace("\t", "  \t").expandtabs(4).rstrip()


# A dot leader between a label and its value (`Open jobs .......... 455`, `1. Returners Room Selection
# (RRS) ....... AMBER`, a form's `目标 ·········· 3/24`) says what a colon says: the value is the
# label's (w47-d, a ticket system's mail). Three dots are an ellipsis and stay.
_DOT_LEADER = re.compile(r"(?<=\S)\s*:?\s*(?:\.{5,}|(?:\. ){4,}\.?|·{5,}|…{3,})\s*(?=\S)")


# Inline HTML a Markdown or chat message carries for looks only (a WeCom bot's `<font color="warning">有风险
# </font>`, `<span style=…>`, `<sub>`): the words are what a reader sees. Bold is Markdown's bold.
# (a collapsible block's `<details>` frames its `<summary>`, which reads as the bold title it shows)
_LOOKS_TAG = re.compile(r"</?(?:font|span|sub|sup|small|big|mark|u|i|em|details)(?:\s[^<>]*)?>", re.I)
_BOLD_TAG = re.compile(r"</?(?:b|strong|summary)>", re.I)


# A docs site's badge component shows its text (VuePress `<Badge text="有风险" type="warning"/>`,
# VitePress `<Badge type="tip">Live</Badge>`): a status as the page renders it.
_BADGE_COMPONENT = re.compile(
    r"<Badge\b[^<>]*?\btext=([\"'])(.*?)\1[^<>]*?/?>(?:\s*</Badge>)?|<Badge\b[^<>]*>([^<>]*)</Badge>"
)


# Any other component of a slide or docs tool (Slidev's or an MDX page's `<Rag v="amber">有风险</Rag>`)
# that wraps words on one line renders as those words; a capital name keeps `List<String>` a word.
_WRAPPING_COMPONENT = re.compile(r"<([A-Z][\w.-]*)(?:\s[^<>]*)?>([^<>]*)</\1>")


def inline_tags_read(line: str) -> str:
    """A line without the inline HTML tags that only style its words, `<b>` as `**` (w26-a), a
    badge or other component as its text."""
    if "<Badge" in line:
        line = _BADGE_COMPONENT.sub(lambda m: m[2] if m[2] is not None else m[3], line)
    if "</" in line:
        line = _WRAPPING_COMPONENT.sub(r"\2", line)
    return _BOLD_TAG.sub("**", _LOOKS_TAG.sub("", line))


# A Jekyll page's call to a snippet with its arguments (`{% include rag.html s="amber" %}`): the page
# shows what its quoted arguments say, a status badge its word. (Hugo's shortcodes frame blocks,
# `{{< admonition … >}}`, and are read where the blocks are.)
_TEMPLATE_CALL = re.compile(r"\{%-?\s*include\s+[\w./-]+([^%]*?)-?%\}")
_QUOTED_ARGUMENT = re.compile(r"\"([^\"]*)\"|'([^']*)'")


def _template_values(match: re.Match[str]) -> str:
    return " ".join(m[1] if m[1] is not None else m[2] for m in _QUOTED_ARGUMENT.finditer(match[1]))


# A callout's kind at the head of its quote (Kancloud's and GitBook's `> [info] 统计周期：…`, GitHub's
# `> [!WARNING]`): how the box looks, no words of it (read as a lead, `info] 统计周期` was a project, w45-g).
_CALLOUT_MARK = re.compile(
    r"^(\s*>\s*)\[!?(?:info|warning|danger|success|tip|note|important|caution|hint|error)\]\s*", re.I
)


# A footnote's mark in the text (`第 9 期 · BW11[^bw]`, Markdown Extra, kramdown, pandoc): no words of
# the line; the note itself (`[^bw]: …`) stays.
_FOOTNOTE_MARK = re.compile(r"\[\^[^\]\s]{1,24}\](?!:)")


# A Phabricator Remarkup icon (`{icon circle color=orange}`), a status told by its colour or shape:
# read as the sign a reader sees (w26-c).
_REMARKUP_ICON = re.compile(r"\{icon\s+([\w-]+)(?:\s+color=(\w+))?[^{}]*\}")
_ICON_SHAPES = {
    "check-circle": "✅",
    "check": "✅",
    "pause-circle": "⏸",
    "pause": "⏸",
    "times-circle": "✖",
    "times": "✖",
}
_ICON_COLOURS = {
    "green": "🟢",
    "orange": "🟡",
    "yellow": "🟡",
    "red": "🔴",
    "grey": "⚪",
    "gray": "⚪",
    "blue": "🔵",
}


def _icon_sign(match: re.Match[str]) -> str:
    shape, colour = match[1].lower(), (match[2] or "").lower()
    return _ICON_SHAPES.get(shape) or _ICON_COLOURS.get(colour) or match[0]


# A shields.io badge, as a README or a wiki page shows a field: `![健康度](https://img.shields.io/badge/
# 健康度-有风险-orange)` renders "健康度 | 有风险". Its path writes a dash as `--`, an underscore as `__`,
# a space as `_`, and is URL-encoded (`55%25`).
_BADGE = re.compile(r"!\[([^\]]*)\]\(\s*https?://img\.shields\.io/badge/([^)\s?]+)[^)]*\)")


def _badge_text(match: re.Match[str]) -> str:
    parts = re.split(r"(?<!-)-(?!-)", unquote(match[2]))
    if len(parts) < 2:
        return match[1]
    *words, _colour = parts
    words = [
        w.replace("--", "-").replace("__", "\0").replace("_", " ").replace("\0", "_").strip() for w in words
    ]
    label, value = (words[0], words[1]) if len(words) >= 2 else (match[1], words[0])
    return f"{label}: {value}" if label else value


def badges_as_fields(line: str) -> str:
    """A line's badges as the fields they show (`健康度: 有风险 | 进度: 55% | 目标: 2025-04-18`), so the
    loader, the extractors and the verifier all read what a reader sees (w23-g)."""
    found = list(_BADGE.finditer(line))
    if len(found) >= 2 and not _BADGE.sub("", line).strip():
        return line[: len(line) - len(line.lstrip())] + " | ".join(_badge_text(m) for m in found)
    return _BADGE.sub(_badge_text, line)


_TAB_ROW = re.compile(r"^\s*\S[^\t]*(?:\t+[^\t]*){2,}$")


def _tab_cells(line: str) -> str:
    """A row a spreadsheet or a Word table was copied as (`Project<TAB>RAG<TAB><TAB>Target…`, two
    tabs or more after its first text) written as the pipe row it is, every tab a cell's edge so
    an empty cell stays a cell: tab stops cannot line its cells up once one is long. A line whose
    tabs only trail its text (`Title<TAB><TAB><TAB>`, a sheet's merged title row) is that text."""
    cells = line.lstrip("\t")
    inside = cells.rstrip("\t").count("\t")
    # (`Migration match rate<TAB>97.1%<TAB>`: a tab between texts and one after, a row whose last
    # cell is empty, as a page's table comes out of a mail client's text part)
    if inside < 1 or cells.rstrip("\r\n").count("\t") < 2 or not _TAB_ROW.match(line):
        return line  # trailing tabs go with the line's trailing blanks
    indent = line[: len(line) - len(cells)]
    if indent == "\t" and inside >= 3:
        # a grid's header over its row labels starts with their empty corner cell
        # (`<TAB>子项目名称<TAB>状态<TAB>完成度…` over `子项目1<TAB>走班排课引擎2.0<TAB>…`, a 问卷星 table, w52-g)
        indent, cells = "", "\t" + cells
    return indent + "| " + " | ".join(cell.strip() for cell in cells.split("\t")) + " |"
