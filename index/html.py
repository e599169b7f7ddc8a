"""Turn a Notion HTML export into Markdown-like lines numbered by the HTML source line they start on.

The parser downstream only understands Markdown structure (headings, bullets); mapping each block
back to its source line keeps citations pointing into the original `.html` file.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser

from index.dialects import ORG_TODO_WORDS
from index.html_grid import part_column_groups, regroup_bands
from index.html_layout import Block, card_lines
from index.html_positioned import positioned_tables
from index.text.normalise import title_length
from index.text.quantity import FIGURE_ONLY

# A span's whole text a labelled field (`发布者：仪器共享中心`, `Views: 312`)
_FIELD_TEXT = re.compile(r"^[^\s:：]{1,20}[:：]\s*\S")
# hAtom's and microformats2's class for an entry's publish stamp
_PUBLISHED_CLASS = re.compile(r"(?<![\w-])(?:dt-)?published(?![\w-])")
# Where a page states when it was published, machine-readably: a <meta> in its head, or a <time
# datetime> in its header (before its first section heading: a footer's <time> may be another page's).
# (`created`: an Evernote / 印象笔记 note's own export field, `2025-04-03 07:35:02 +0000`, w27)
_PUBLISHED_META = {
    "date",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "article:published_time",
    "pubdate",
}
# An office suite's HTML export (`<meta name="generator" content="LibreOffice 7.6…">`) writes the
# document's `created` stamp, which is its template's making as often as the report's: believed only
# from other exporters (an Evernote note's export, w27), and after any published stamp.
_OFFICE_GENERATOR = re.compile(r"libreoffice|openoffice|microsoft (?:word|excel|office)|\bwps\b", re.I)
_BLOCKS = {
    "p",
    "div",
    "li",
    *(f"h{n}" for n in range(1, 7)),
    "tr",
    "br",
    "blockquote",
    "pre",
    "summary",
    "caption",
}
_SKIP = {"script", "style", "head", "title"}
# A Confluence storage-format macro's parts no reader sees: its parameters (a status lozenge's colour,
# an excerpt's `hidden` flag, a macro's id) but the lozenge's title, and a task's id.
_MACRO_PARTS = {"ac:parameter", "ac:task-id"}


_DIGIT = re.compile(r"\d")


def _hidden_macro_part(tag: str, attributes: dict[str, str | None]) -> bool:
    if tag == "ac:task-id":
        return True
    return tag == "ac:parameter" and (attributes.get("ac:name") or "").lower() != "title"


# A CMS page's tag list (Joomla's `<ul class="tags inline">`, WordPress's `<span class="tags-links">`,
# `itemprop="keywords"`): how the page is filed, not what it says (a tag `incidents` is no incident, w47-b).
# (a single `tag` class is a label's look, a status badge's too: Bulma's `<span class="tag is-success">`)
_TAG_LIST = re.compile(r"(?:^|\s)(?:tags|tags-links|post-tags|entry-tags|tag-list|keywords)(?:\s|$)", re.I)


# A spreadsheet page's frame (Google Sheets' "Web page" download): row numbers, column letters and
# the frozen rows' bar, cells of their own in every row.
_SHEET_CHROME = {"row-headers-background", "column-headers-background", "freezebar-cell", "row-header"}
# A typed message's section line: capitals (a plural's `s` aside), a note in brackets after them.
_TYPED_HEADING = re.compile(r"((?:[A-Z][A-Z0-9&/'-]*s?)(?:\s+[A-Z0-9&/'-]+s?){0,5})\s*(?:\([^()]{0,60}\))?")


# (numbered as a plain-text mail numbers its parts: `2. SERVICE`, `4. RISKS / ASKS`)
_TYPED_NUMBER = re.compile(r"^\d{1,2}[.)]\s+")


def _typed_heading(text: str, tight: bool = False) -> bool:
    """`tight`: in a <pre> block, whose aligned columns put capitals in a row too (`TASK    OWNER`),
    a title's words stand one space apart."""
    title = _TYPED_NUMBER.sub("", text.strip())
    if tight and "  " in title:
        # (a numbered part's title may head its columns after a gap: `3. NUMBERS      this wk   last wk`)
        if title == text.strip():
            return False
        title = title.split("  ", 1)[0]
    match = _TYPED_HEADING.fullmatch(title)
    return match is not None and len(re.findall(r"[A-Z]", match[1])) >= 3


_PRE_STYLE = re.compile(r"white-space\s*:\s*pre(?:-wrap|-line)?\b", re.I)


# A block styled bold (`font-weight:bold`, `font-weight: 700`), short enough to be a title.
_BOLD_STYLE = re.compile(
    r"font-weight\s*:\s*(?:bold(?:er)?|[6-9]00)|\bfont\s*:\s*(?:[a-z-]+\s+)*(?:bold|[6-9]00)\b", re.I
)
_BOLD_BLOCK_CHARS = 60
# A block the page's own markup calls a title (`class="op-meeting-agenda-item--title"`, `card-title`,
# `item-heading`): an item's heading, as an <h5> would be (below the page's own section levels).
_TITLE_CLASS = re.compile(r"(?:^|[-_\s])(?:title|heading)(?:$|[-_\s])", re.I)
_TITLE_BLOCK_CHARS = 100
_TITLE_PREFIX = "##### "


def _titled(attributes: dict[str, str | None]) -> bool:
    """The block is set bold by its style or called a title by its class."""
    return bool(
        _BOLD_STYLE.search(attributes.get("style") or "")
        or _TITLE_CLASS.search(attributes.get("class") or "")
    )


# An outliner's or an editor's bold words as a class (Mubu's `<span class="bold">`, `font-bold`).
_BOLD_CLASS = re.compile(r"(?:^|\s)(?:bold|strong|font-bold|fw-bold)(?:\s|$)")
_HEADING_ITEM = re.compile(r"(?:^|\s)heading-?([1-4])(?:\s|$)")
_ALT_CHARS = 40  # a picture's text read as a cell's: a status word or two, never a caption


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, str]] = []
        self._buffer: list[str] = []
        self._start_line = 1
        self._prefix = ""
        self._list_depth = 0
        self._skip_depth = 0
        # An org-mode export's heading (`<h3>2.1. <span class="todo DOING">DOING</span> <span
        # class="priority">[A]</span> 嘉兴二期 <span class="tag">…</span></h3>`, w44-d): its tags and
        # priority are no part of its title, its TODO keyword is the item's state, shown after it.
        self._org_skip = 0  # spans open inside a skipped tag or priority span
        self._org_state: str | None = None  # the keyword being read (None: not in one)
        self._org_states: list[str] = []
        self._macro_skip = 0  # of the skipped, how many are a Confluence macro's hidden parts
        self._tags: tuple[str, int] | None = None  # an open tag list's element and its nesting (`_TAG_LIST`)
        self._task_status: str | None = None  # a Confluence task's status, while it is read
        self._ordered: list[int] = []
        self._table_rows: list[int] = []  # rows written so far, per open table
        self._in_title = False
        self._template = False  # inside a script whose text is the page's Markdown
        self.title = ""
        self.title_line = 0
        self._cells = 0
        self._span = 0  # the open row's columns, colspans counted
        self._filled = 0  # the open row's cells that hold text
        self._cell_text = False  # the open cell holds text
        self._cell_span = 1  # the open cell's columns
        self._text_span = 0  # the most columns a cell of the open row with text spans
        self._pattern: list[bool] = []  # the open row's cells: which hold text
        self._band_heading = -1  # index into `lines` of the last band made a heading
        self._last_header: tuple[str, int] | None = None  # the last table's header row and its cells
        self._lone_header: tuple[int, int] | None = None  # a lone header table: its blank line, cells
        self._resume_header: tuple[str, int] | None = None  # a band's table's header, for the rows after it
        self.patterns: dict[int, tuple[bool, ...]] = {}  # index into `lines` -> a table row's cells with text
        self._chrome = False  # the open cell is a spreadsheet's row number or column letter
        self._overflow = False  # a cell of the open row overflows its neighbours (Sheets' softmerge)
        self._in_cell = False
        self.published: str | None = None
        self.created: str | None = None
        self.office = False
        self._sections = 0  # section headings (h2-h6) seen so far
        self._bold_at: int | None = None  # where an open bold lead's `**` sits in the buffer
        self._bold_style = False  # the open block is set bold by its style
        self._bold_span = False  # the open bold lead is a span its class sets bold (`<span class="bold">`)
        self._class_title = False  # the open block's class calls it a title
        self._cell_pre = 0  # open <pre> elements in a table's cell
        self._pre = 0  # open <pre> elements and pre-styled blocks: their text keeps its lines and spacing
        self._blocks = 0  # open block elements (never <br>), to know which end tag closes a styled one
        self._pre_styled: list[int] = []  # `white-space: pre…` blocks open, by their depth
        self._typed = False  # a typed section line was made a heading in the open pre-styled block
        self._size: float | None = None  # the open block's font size, as its style sets it
        self.sizes: dict[int, float] = {}  # index into `lines` -> that line's font size
        self._body_size: float | None = None  # what a block without a size of its own inherits
        self._layouts: list[list[int]] = []  # per open table: its first line, its widest row
        self._inner: list[tuple[int, int]] = []  # lines of data tables inside a layout table, [first, end)
        # per open table: the header of the table whose row it stands in, resumed after it (or None)
        self._resumes: list[tuple[str, int] | None] = []
        self._dd_open = False  # a <dd> joined to its term, no text of its own yet
        # the open cell's blocks: buffer index, line, titled, heading level (0: none), a list item,
        # a <pre>'s typed line
        self._splits: list[tuple[int, int, bool, int, bool, bool]] = []
        self._cards: dict[int, list[Block]] = {}  # index into `lines` -> a lone cell's blocks
        self._css: list[str] = []  # the page's <style> text, read before its body
        self._class_styles: dict[str, str] | None = None  # class -> its declarations, once read
        self._field_spans: list[int | None] = []  # per open span: where a classed one's text starts
        self._field_end: int | None = None  # buffer length where a classed span holding a field closed

    def _org_span(self, classes: str) -> bool:
        """Whether a span of an org-mode export's heading is read apart: its tags and priority left
        out, its TODO keyword (`todo DOING`, `done CANCELLED`) kept for after the title."""
        if self._org_skip:
            self._org_skip += 1
            return True
        if not self._prefix.startswith("#"):
            return False
        names = classes.split()
        if names and names[0] in ("tag", "priority"):
            self._org_skip = 1
            return True
        if len(names) == 2 and names[0] in ("todo", "done") and names[1] in ORG_TODO_WORDS:
            self._org_state = ""
            return True
        return False

    def _flush(self) -> None:
        joined = "".join(self._buffer)
        text = joined.rstrip() if self._pre and joined.strip() else " ".join(joined.split())
        if self._org_states:
            if text.strip():
                text = f"{text} — {' '.join(self._org_states)}"
            self._org_states = []
        if self._cells and not self._filled:
            text = ""  # a spacer row: no row, and no header for the rows below it
        elif self._cells and text.endswith("|") and self._table_rows and not self._table_rows[-1]:
            # a table's first row with its last cell empty (a report engine's spacer column):
            # closed, so it has as many cells as the delimiter row under it (read as the closing
            # pipe, the header was one short and the table no table at all)
            text += " |"
        # One text across the row (a merged cell, or Sheets' text spilling into empty neighbours)
        spread = self._text_span >= _BANNER_SPAN or (self._overflow and self._cells >= _BANNER_SPAN)
        banner = bool(text) and self._filled == 1 and spread and bool(self._table_rows)
        if banner:
            text = self._banner(text)
            blocks = self._blocks_of(joined) if len(self._splits) >= _BODY_BLOCKS else []
            if blocks:
                # a merged cell holding a page's paragraphs (an OA form's body row: `<td colspan="4">
                # <p><strong>一、本周工作概况</strong></p><p>…</p>`) is those paragraphs, each a line
                self.lines.append((self._start_line, ""))
                self.lines.extend(card_lines(blocks))
                self._band_heading = -1
                text = ""
            elif not text.startswith("#"):
                self.lines.append((self._start_line, ""))  # a paragraph of its own, apart from
        elif text and self._cells == 2 and self._table_rows and not self._table_rows[-1]:
            item = _numbered_row(text)
            if item is not None:
                text, self._cells = item, 0
        if (
            text
            and self._bold_style
            and not self._cells
            and not self._prefix
            and title_length(text) <= _BOLD_BLOCK_CHARS
        ):
            # `<p style="font-weight:bold;">直播3.0</p>` (a WeChat editor's card title): bold, as
            # Markdown writes a bold line
            text = text if text.startswith("**") else f"**{text}**"
        self._bold_style = False
        if (
            text
            and self._class_title
            and not self._cells
            and not self._prefix
            and len(text) <= _TITLE_BLOCK_CHARS
        ):
            text = _TITLE_PREFIX + text.strip("* ")
        self._class_title = False
        # (a <pre> element's own text too, a mail archive's message body, w41-f: the open pre blocks
        # that no style opened)
        typed = self._pre_styled or self._pre > len(self._pre_styled)
        if text and typed and not self._cells and _typed_heading(text, tight=not self._pre_styled):
            title, gap, _ = text.strip().partition("  ")
            if gap and not self._pre_styled:
                # `3. NUMBERS      this wk   last wk`: the part's heading, then the line again as the
                # header of the columns below it
                self.lines.append((self._start_line, "### " + title))
                text = _TYPED_NUMBER.sub("", text.strip())  # (no list item: the columns' header)
            else:  # a typed message's `HEADLINES`, `KPIs (Tableau, week ending 03/06)`
                text = "### " + text.strip()
            self._typed = True
        if text and self._cells and self._table_rows and not self._table_rows[-1] and self._lone_header:
            blank, cells = self._lone_header
            if blank == len(self.lines) - 1 and not self.lines[-1][1] and abs(self._cells - cells) <= 1:
                self.lines.pop()  # the fixed header's rows: no header of their own
                self._table_rows[-1] = 1
        self._lone_header = None if text else self._lone_header
        if text:
            if (header := self._resumed_header(text)) is not None:
                self.lines += [(self._start_line, header[0]), (self._start_line, "|" + " --- |" * header[1])]
                self._table_rows[-1] = 1
            if self._size is not None and not self._cells and not self._prefix:
                self.sizes[len(self.lines)] = self._size
            self.lines.append((self._start_line, self._prefix + text))
            if banner and not text.startswith("#"):
                self.lines.append((self._start_line, ""))  # what stands above and below it
            if self._cells and self._table_rows:
                if self._layouts:
                    self._layouts[-1][1] = max(self._layouts[-1][1], self._cells)
                if self._cells == 1:
                    self._cards[len(self.lines) - 1] = self._blocks_of(joined)
                self.patterns[len(self.lines) - 1] = tuple(self._pattern)
                # A pipe row; after a table's first row, the delimiter row Markdown tables need
                # (same source line), so the table reader sees this as the header.
                self._table_rows[-1] += 1
                if self._table_rows[-1] == 1:
                    self._last_header = (text, self._cells)
                    self.lines.append((self._start_line, "|" + " --- |" * self._cells))
        self._buffer = []
        self._splits = []
        self._prefix = ""
        self._cells = 0
        self._span = 0
        self._filled = 0
        self._text_span = 0
        self._pattern = []
        self._overflow = False
        self._bold_at = None

    def _blocks_of(self, joined: str) -> list[Block]:
        """The open row's lone cell as the blocks it opened, the text before the first one first."""
        cuts = [(0, self._start_line, False, 0, False, False), *self._splits]
        ends = [at for at, *_ in self._splits] + [len(self._buffer)]
        out = [
            Block(line, titled, "".join(self._buffer[at:end]), level, item, typed)
            for (at, line, titled, level, item, typed), end in zip(cuts, ends, strict=True)
        ]
        return out if "".join(block.text for block in out) == joined else []

    def _unframe(self, start: int) -> None:
        """The table that began at `start` had no second column: its rows are cards, each read as
        its blocks (html_layout.py); the Markdown delimiter row its first row got goes."""
        out: list[tuple[int, str]] = []
        framed = [(first, end) for first, end in self._inner if first >= start]
        self._inner = [(first, end) for first, end in self._inner if first < start]
        moved: dict[int, tuple[bool, ...]] = {}
        for index in range(start, len(self.lines)):
            number, text = self.lines[index]
            pattern = self.patterns.pop(index, None)
            self.sizes.pop(index, None)
            table = next(((first, end) for first, end in framed if first <= index < end), None)
            if table is not None:  # a data table the layout frames (an e-mail's status table) stays one
                if pattern is not None:
                    moved[start + len(out)] = pattern
                if index == table[0]:  # where it now stands, for a layout framing this one
                    self._inner.append((start + len(out), start + len(out) + table[1] - table[0]))
                out.append((number, text))
                continue
            blocks = self._cards.pop(index, [])
            if text.startswith("| ---"):
                continue
            if blocks:
                out += card_lines(blocks)
            elif text.startswith("|"):
                out += [(number, text.strip("| ")), (number, "")]
            else:
                out.append((number, text))
        # (a list in a cell is numbered from the cell's row: no line may stand before the one above it)
        floor = self.lines[start - 1][0] if start else 0
        for index, (number, text) in enumerate(out):
            floor = max(floor, number)
            out[index] = (floor, text)
        self.lines[start:] = out
        self.patterns.update(moved)
        if self._band_heading >= start:
            self._band_heading = -1

    def _resumed_header(self, text: str) -> tuple[str, int] | None:
        """The header of the table a band cut, when the row after the band is a row of that table
        (as many cells, a figure or a day in them where the header has none): a sheet's status band
        (`DONE / CLOSED` across the board, then `| Same-day ACH cutover | … | Done | 10/6/2025 |`)
        files rows under the same columns, where a report generator's part opens with its own header."""
        if not self._cells:
            return None
        header, self._resume_header = self._resume_header, None  # the first row after the band only
        if header is None or not self._table_rows or self._table_rows[-1] != 0 or self._cells != header[1]:
            return None
        return header if re.search(r"\d", text) and not re.search(r"\d", header[0]) else None

    def _banner(self, text: str) -> str:
        """A row of one cell merged across the table is no row: report generators (FineReport,
        Excel and ERP exports) lay a whole report out as one grid and title each part with such a
        band (`一、重点项目进展` over its own header row). Short, it is a heading; long, a paragraph
        (a footnote band, or `本周无生产事件。（…）` across an incident table). Either way the rows
        after it start a new table under their own header."""
        self._cells = 0
        self._resume_header = self._last_header if self._table_rows[-1] >= 2 else None
        self._table_rows[-1] = 0
        text = text.strip("| ")  # and the empty cells a spilled text leaves beside it
        # A band right under a band's heading is that part's text (`▌Key dates` over `5/2 …｜5/8 …`).
        under_band = bool(self.lines) and self._band_heading == len(self.lines) - 1
        if (
            len(text) <= _BANNER_HEADING
            and not re.search(r"[。!！?？;；]|\.(?:\s|$)", text)
            and not under_band
        ):
            self._band_heading = len(self.lines)
            return "## " + text
        return text

    def _style_of(self, attributes: dict[str, str | None]) -> str:
        """A block's style: its classes' heading rules in the page's <style> (a report engine's
        export, BIRT's `.style_8 { font-size: 10pt; font-weight: bold }`), then its own inline style,
        which wins."""
        if self._class_styles is None:
            self._class_styles = class_styles("".join(self._css))
        classes = (attributes.get("class") or "").split()
        return "; ".join([*(self._class_styles.get(c, "") for c in classes), attributes.get("style") or ""])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self._note_published(tag, attributes)
        self._field_span_opens(tag, attributes)
        if tag == "body":
            self._body_size = font_size(attributes.get("style") or "")
        bold_span = tag == "span" and _BOLD_CLASS.search(attributes.get("class") or "") is not None
        if (tag in ("strong", "b") or bold_span) and not self._in_cell and not "".join(self._buffer).strip():
            self._bold_span = bold_span
            # A block opened in bold (`<div><strong>Corvida Summit</strong> — Status: …`) is a bold
            # lead, as Markdown writes it: the name its line is about. Bold inside a sentence stays
            # plain text.
            if not self._buffer and not self._prefix:
                self._start_line = self.getpos()[0]
            self._bold_at = len(self._buffer)
            self._buffer.append("**")
            return
        if tag == "title":
            self._in_title = True
        if tag == "span" and self._org_span(attributes.get("class") or ""):
            return
        if (
            tag == "script"
            and (attributes.get("type") or "").casefold() in _TEXT_SCRIPTS
            and not self._skip_depth
        ):
            self._template = True  # read as the Markdown it is (`handle_data`)
        if tag in _SKIP or _hidden_macro_part(tag, attributes):
            self._skip_depth += 1
            self._macro_skip += tag in _MACRO_PARTS
            return
        if self._tags is not None and self._tags[0] == tag:
            self._tags = (tag, self._tags[1] + 1)
        elif self._tags is None and (
            (
                tag in _BLOCKS | {"ul", "ol", "nav", "span"}
                and (
                    _TAG_LIST.search(f"{attributes.get('class') or ''} {attributes.get('itemprop') or ''}")
                    or attributes.get("role") == "tooltip"  # hover text (Google Sites' `Copy heading link`)
                )
            )
            # a revision's deleted text (Word's tracked changes saved as a web page: `<del cite="mailto:…"
            # datetime="…">已完成联调，</del>`, w50-b): the text as it now reads leaves it out; a
            # plain `<del>` stays, struck text a page shows on purpose (`<del>4/15</del> 4/30`)
            or (tag == "del" and ("datetime" in attributes or "cite" in attributes))
        ):
            self._tags = (tag, 1)
            self._skip_depth += 1
            return
        if tag == "ac:task-status":
            self._task_status = ""
            return
        if tag == "img" and self._in_cell and not self._skip_depth:
            # A status light drawn as a picture (Clarity's `<img src="stoplight_yellow.gif"
            # alt="Minor Variance">`): in a cell its alternative text is what the cell says.
            alt = (attributes.get("alt") or attributes.get("title") or "").strip()
            if alt and len(alt) <= _ALT_CHARS:
                self.handle_data(f" {alt} ")
            return
        if tag == "table":
            cells, filled = self._cells, self._filled
            self._flush()
            # A table in the value cell of a form's row (Jotform's `Workstream Status` over its
            # workstreams' own table, an Outlook mail, w53-d) is a table of its own: the form's rows
            # end above it, and resume under the form's header below it (as one table the
            # workstreams were rows of two cells, their header a label and a day).
            resume = (
                self._last_header
                if self._table_rows
                and cells >= 2
                and filled
                and self.lines
                and self.lines[-1][1].startswith("|")
                else None
            )
            if resume is not None:
                self.lines.append((self.getpos()[0], ""))
            self._resumes.append(resume)
            self._table_rows.append(0)
            self._layouts.append([len(self.lines), 0])
            return
        if tag in ("ul", "ol"):
            if not self._in_cell:
                # (a list inside a cell is the cell's blocks, its items among them: flushed, the row
                # ended at the list and its items ran into one line, a Constant Contact card, w52-d)
                self._flush()
            self._list_depth += 1
            self._ordered.append(0 if tag == "ol" else -1)
            return
        if tag in ("dt", "ac:task"):
            # A definition list's term and its description read as one item, `- term: description`
            # (a status page lists projects as <dt>name</dt><dd>news</dd>); Confluence's task
            # (storage format: `<ac:task><ac:task-id>1</ac:task-id><ac:task-status>complete
            # </ac:task-status><ac:task-body>…`) a checklist item, as Markdown writes one.
            self._flush()
            self._start_line = self.getpos()[0]
            self._prefix = "    " * self._list_depth + "- "
            return
        if tag == "dd":
            if self._buffer and self._prefix.endswith("- "):
                term = "".join(self._buffer).rstrip()
                self._buffer = [term if term.endswith((":", "：")) else f"{term}:", " "]
                self._dd_open = True
            else:
                self._flush()
                self._start_line = self.getpos()[0]
            return
        if tag in _BLOCKS and tag != "tr" and self._in_cell:
            # Word, WPS, Google Docs and LibreOffice wrap every cell's text in <p> (or <div>, <br>):
            # inside a cell a block is a space, so the row stays one row. (Noted, so a table of one
            # column, which lays a page out, can be read back as its blocks: html_layout.py.)
            if tag != "br":
                level = int(tag[1]) if re.fullmatch(r"h[1-6]", tag) else 0
                item = tag == "li"
                self._splits.append(
                    (len(self._buffer), self.getpos()[0], _titled(attributes), level, item, False)
                )
                self._cell_pre += tag == "pre"
            self._buffer.append(" ")
            return
        if tag == "p" and self._dd_open:
            # a description in its own paragraph (Sphinx's field list: `<dt>Date:</dt><dd><p>Fri 28
            # Feb 2025</p></dd>`) stays on its term's line
            self._dd_open = False
            return
        if tag in _BLOCKS:
            # an item whose text sits in a block of its own (Mubu's `<li><div class="content">…`): the
            # block is the item's line, its marker kept
            marker = self._prefix if tag in ("div", "p") and not "".join(self._buffer).strip() else ""
            self._flush()
            self._prefix = marker
            self._pre += tag == "pre"
            if tag != "br":
                self._blocks += 1
                if (
                    _PRE_STYLE.search(attributes.get("style") or "")
                    or "pre" in (attributes.get("class") or "").split()
                ):
                    # A mail's typed message kept as written (`<div style="white-space:pre-wrap">`,
                    # Outlook, Gmail, Smartsheet's "sent you rows"; Roundcube's `<div class="pre">`,
                    # its runs of spaces as no-break spaces, w54-d): its lines are lines, as in <pre>.
                    self._pre += 1
                    self._pre_styled.append(self._blocks)
            self._in_cell = False
            self._start_line = self.getpos()[0]
            style = self._style_of(attributes)
            self._size = font_size(style) or self._body_size
            self._bold_style = _BOLD_STYLE.search(style) is not None
            self._class_title = _TITLE_CLASS.search(attributes.get("class") or "") is not None
            indent = "    " * max(self._list_depth - 1, 0)
            if tag.startswith("h") and len(tag) == 2:
                self._prefix = "#" * int(tag[1]) + " "
            elif tag == "caption":
                # a table's caption names what its rows are (psql's `-H` output: `Workstreams`, `KPI
                # snapshot`, each table's title and no heading else, w55-d): the table's heading
                self._prefix = "### "
            elif tag == "li" and (heading_item := _HEADING_ITEM.search(attributes.get("class") or "")):
                # an outliner's node set as a heading (Mubu's `<li class="heading1">`): a section's title
                self._prefix = "#" * (int(heading_item[1]) + 1) + " "
            elif tag == "li":
                if self._ordered and self._ordered[-1] >= 0:
                    self._ordered[-1] += 1
                    self._prefix = f"{indent}{self._ordered[-1]}. "
                else:
                    self._prefix = f"{indent}- "
        elif tag in ("td", "th"):
            self._in_cell, self._cell_text = True, False
            classes = (attributes.get("class") or "").split()
            self._chrome = any(name in _SHEET_CHROME for name in classes)
            if self._chrome:
                return  # a sheet's row number or column letter: the sheet's frame, not its text
            self._overflow = self._overflow or "softmerge" in classes
            self._buffer.append(" | ")
            self._cells += 1
            span = attributes.get("colspan") or "1"
            self._cell_span = int(span) if span.strip().isdigit() else 1
            self._span += self._cell_span
            self._pattern.append(False)
            self._in_cell = True  # a cell's end tag may be left out: the next cell or row closes it

    def _note_published(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag in ("h2", "h3", "h4", "h5", "h6"):
            self._sections += 1
        if self.published is not None:
            return
        name = (attrs.get("name") or attrs.get("property") or "").lower()
        if tag == "meta" and name == "generator":
            self.office = _OFFICE_GENERATOR.search(attrs.get("content") or "") is not None
        if tag == "meta" and name == "created":
            self.created = (attrs.get("content") or "").strip() or None
        elif tag == "meta" and name in _PUBLISHED_META:
            self.published = (attrs.get("content") or "").strip() or None
        elif tag == "time" and not self._sections and not self._in_cell:
            # (a <time> in a table cell is the cell's day: Confluence's `统计周期 | <time …/> ~ <time …/>`)
            self.published = (attrs.get("datetime") or "").strip() or None
        elif tag in ("abbr", "span") and _PUBLISHED_CLASS.search(attrs.get("class") or ""):
            # hAtom's publish stamp (SPIP, older blog themes: `<abbr class="published"
            # title="2025-06-20T14:05:31Z">vendredi 20 juin 2025</abbr>`): the day in its title
            self.published = (attrs.get("title") or "").strip() or None

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        published = self.published
        super().handle_startendtag(tag, attrs)
        stamp = (dict(attrs).get("datetime") or "").strip() if tag == "time" else ""
        if stamp:
            # a date lozenge written without text (Confluence's storage format: `<time
            # datetime="2025-03-14" />`) shows its day (dropped, its line said `截止 ` and nothing);
            # it is a day in the text, a task's or a period's, never the page's publish stamp
            self.published = published
            self.handle_data(stamp)

    def _field_span_opens(self, tag: str, attributes: dict[str, str | None]) -> None:
        """A CMS's meta line sets its fields in classed spans with nothing between them (`<span
        class="arti_publisher">发布者：…</span><span class="arti_update">发布时间：2025-03-07</span>`),
        styled apart on screen: a field's span closed right before another classed span is a space
        away from it, so each field reads as one (`date_labels.labelled_parts`)."""
        adjacent, self._field_end = self._field_end == len(self._buffer), None
        if tag != "span":
            return
        classed = bool((attributes.get("class") or "").strip())
        text = "".join(self._buffer)
        if classed and adjacent and text and not text[-1].isspace():
            self._buffer.append(" ")
        self._field_spans.append(len(self._buffer) if classed else None)

    def _field_span_closes(self, tag: str) -> None:
        self._field_end = None
        if tag != "span" or not self._field_spans:
            return
        start = self._field_spans.pop()
        if start is not None and start <= len(self._buffer):
            held = "".join(self._buffer[start:]).strip()
            if _FIELD_TEXT.match(held):
                self._field_end = len(self._buffer)

    def handle_endtag(self, tag: str) -> None:
        self._field_span_closes(tag)
        if (tag in ("strong", "b") or (tag == "span" and self._bold_span)) and self._bold_at is not None:
            self._bold_span = False
            if "".join(self._buffer[self._bold_at + 1 :]).strip():
                self._buffer.append("**")
            else:
                del self._buffer[self._bold_at]  # bold around nothing
            self._bold_at = None
            return
        if tag == "title":
            self._in_title = False
        if tag == "span" and (self._org_skip or self._org_state is not None):
            if self._org_skip:
                self._org_skip -= 1
            else:
                self._org_states.append(self._org_state or "")
                self._org_state = None
            return
        if tag == "script":
            self._template = False
        if tag in _SKIP or (tag in _MACRO_PARTS and self._macro_skip):
            self._skip_depth = max(self._skip_depth - 1, 0)
            self._macro_skip -= tag in _MACRO_PARTS
            return
        if self._tags is not None and self._tags[0] == tag:
            self._tags = (tag, self._tags[1] - 1) if self._tags[1] > 1 else None
            if self._tags is None:
                self._skip_depth = max(self._skip_depth - 1, 0)
            return
        if tag == "ac:task-status" and self._task_status is not None:
            box = "[x] " if self._task_status.strip().lower() == "complete" else "[ ] "
            self._task_status = None
            self._buffer.append(box)
            return
        if tag == "ac:task":
            self._flush()
            self._prefix = ""
            return
        if tag == "table":
            self._flush()
            self._in_cell = False
            rows = self._table_rows.pop() if self._table_rows else 0
            resume = self._resumes.pop() if self._resumes else None
            if resume is not None and self._table_rows:
                number = self.getpos()[0]
                self.lines += [(number, ""), (number, resume[0]), (number, "|" + " --- |" * resume[1])]
                self._table_rows[-1], self._last_header = 1, resume
            if self._layouts:
                start, widest = self._layouts.pop()
                if widest == 1:
                    self._unframe(start)
                elif self._layouts:
                    self._inner.append((start, len(self.lines)))
                elif rows == 1 and self.lines and self.lines[-1][1]:
                    # A one-row strip (a report engine's `Summary | In Progress 7 | Overdue 0` over
                    # its action table, w40-d) is a table of its own: the table right after it is
                    # not more rows of it, its header row no data row under the strip's.
                    self.lines.append((self.getpos()[0], ""))
                    if self._last_header is not None and not _DIGIT.search(self._last_header[0]):
                        # but a row of labels only may be a fixed header drawn as a table of its
                        # own (Element UI's and Ant Design's `el-table__header` over the body's
                        # table, w50-e): the next table's rows are its rows, if they fit
                        self._lone_header = (len(self.lines) - 1, self._last_header[1])
            return
        if tag in ("td", "th"):
            self._in_cell = self._chrome = False
            return
        if tag in _BLOCKS and tag != "tr" and self._in_cell:
            self._cell_pre = max(self._cell_pre - (tag == "pre"), 0)
            return
        if tag in ("dd", "dl"):
            self._flush()
        if tag in ("ul", "ol"):
            if not self._in_cell:
                self._flush()
            self._list_depth = max(self._list_depth - 1, 0)
            if self._ordered:
                self._ordered.pop()
            if self._in_cell:
                return
            if self.lines and self.lines[-1][1]:
                # The list ends here: the next block is no continuation of its last item (a
                # Markdown reader joins an unindented line straight after an item to it), nor,
                # after a list nested in an item, of the nested list's last item (an agenda point's
                # figure bullets, then its `<p>` telling the week's outage, Indico's minutes, w55-h).
                self.lines.append((self.getpos()[0], ""))
        elif tag in _BLOCKS:
            # A heading's wrappers closed before its text (Google Sites: `<h3><div>…link button…</div>
            # <span>Granite Peaks</span></h3>`) leave it a heading.
            heading = (
                tag in ("div", "p") and self._prefix.startswith("#") and not "".join(self._buffer).strip()
            )
            kept = self._prefix if heading else ""
            self._flush()
            self._prefix = kept or self._prefix
            if tag == "pre":
                self._pre = max(self._pre - 1, 0)
            if tag != "br":
                if self._pre_styled and self._pre_styled[-1] == self._blocks:
                    self._pre_styled.pop()
                    self._pre = max(self._pre - 1, 0)
                    if self._typed and self.title.strip():
                        # The message's last section (`NEXT WEEK`) ends with it: what follows (the
                        # sheet's rows) is the page's own, under the page's title again.
                        self.lines += [(self.getpos()[0], ""), (self.getpos()[0], "## " + self.title.strip())]
                    self._typed = False
                self._blocks = max(self._blocks - 1, 0)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
            self.title_line = self.title_line or self.getpos()[0]
            return
        if self._task_status is not None:
            self._task_status += data
            return
        if self._org_skip:
            return
        if self._org_state is not None:
            self._org_state += data.strip()
            return
        if self._skip_depth and self.lasttag == "style":
            self._css.append(data)
        if self._template:
            self._template_lines(data)
            return
        if self._skip_depth or self._chrome:
            return
        self._dd_open = self._dd_open and not data.strip()
        if not self._buffer and not data.strip():
            return
        if self._in_cell and data.strip() and not self._cell_text:
            self._cell_text = True
            self._filled += 1
            self._text_span = max(self._text_span, self._cell_span)
            if self._pattern:
                self._pattern[-1] = True
        if not self._buffer:
            # (the text's own line: after a `<br>` ending its line the data starts with that
            # newline, and the sentence on the next line is that line's, w44-b)
            skipped = data[: len(data) - len(data.lstrip())].count("\n")
            self._start_line = self._start_line if self._prefix else self.getpos()[0] + skipped
        if self._cell_pre and "\n" in data and self._in_cell:
            # A <pre> in a cell: each typed line a block of its own, read back as a line if the
            # table turns out to frame the page (one column, html_layout.py), else run together.
            first, *rest = data.split("\n")
            line = self.getpos()[0]
            self._buffer.append(first)
            for offset, piece in enumerate(rest, start=1):
                self._splits.append((len(self._buffer), line + offset, False, 0, False, True))
                self._buffer.append(" " + piece)
            return
        if self._pre and "\n" in data and not self._in_cell:
            # Preformatted text (a notebook's printed output, a plain-text table): a line each,
            # under its own source line, spaces kept so aligned columns still read as a table.
            first, *rest = data.split("\n")
            line = self.getpos()[0]
            self._buffer.append(first)
            for offset, piece in enumerate(rest, start=1):
                self._flush()
                self._start_line = line + offset
                self._buffer.append(piece)
            return
        self._buffer.append(data)

    def _template_lines(self, data: str) -> None:
        """A slide deck's Markdown, each line under its own source line (reveal.js's `<section
        data-markdown><script type="text/template">`: the deck's whole text, w45-c); the HTML a
        slide writes inside it (`<aside class="notes"><p>…</p>`) read as its text."""
        self._flush()
        first = self.getpos()[0]
        for offset, line in enumerate(data.split("\n")):
            text = html.unescape(_TAG.sub("", line)).rstrip()
            if text.strip():
                self.lines.append((first + offset, text))


# The types of a script that holds a page's text, not code: a slide deck's Markdown.
_TEXT_SCRIPTS = frozenset(["text/template", "text/markdown", "text/x-markdown"])
_TAG = re.compile(r"<[^>]*>")


_NUMBERED_ROW = re.compile(r"\|\s*(\d{1,3})\s*\|\s*(\S.*)$")


def _numbered_row(text: str) -> str | None:
    """A headerless row of a sequence number and one text is a numbered item, as the grid's
    author meant it (`| 1 | 物流园办公区无线AP更换4台。`): read as a table it would be a header
    naming nothing. The number stays, so the line's text still matches its source."""
    match = _NUMBERED_ROW.match(text)
    return None if match is None else f"{match[1]}. {match[2]}"


def read_html(html: str) -> tuple[list[tuple[int, str]], dict[str, str]]:
    """The page's (source line, text) pairs in document order (source lines never decrease), and
    what its markup states about it that its text may not: `{"date": …}` from a <meta> or a
    header's <time datetime>."""
    collector = _Collector()
    collector.feed(positioned_tables(html))
    collector.close()
    collector._flush()
    lines = part_column_groups(
        regroup_bands(_sized_headings(collector.lines, collector.sizes), collector.patterns)
    )
    published = collector.published or (None if collector.office else collector.created)
    meta = {"date": published} if published else {}
    title = " ".join(collector.title.split())
    if title:
        # The document's <title> is its first heading: some exports date the page only there.
        return [(collector.title_line, f"# {title}"), *lines], meta
    return lines, meta


_FONT_SIZE = re.compile(r"font-size\s*:\s*([\d.]+)\s*(pt|px)", re.I)
_HEADING_MAX = 80
_BANNER_SPAN = 3  # a lone cell merged across so many columns is a band, not a value
_BODY_BLOCKS = 3  # a band of so many paragraphs or more is a body, read as its paragraphs
_BANNER_HEADING = 60  # a band up to so long, with no sentence in it, titles the part below it
_LARGER = 1.2  # so much larger than the body's type is a heading's


_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CLASS_SELECTOR = re.compile(r"^\s*[a-z0-9]*\.([\w-]+)\s*$", re.I)


def class_styles(css: str) -> dict[str, str]:
    """Each class's declarations in a page's style sheet that set a heading's look, a size and a
    weight both (`.style_8 { font-size: 10pt; font-weight: bold }`), from its one-class rules
    (`.style_8 {…}`, `div.title, .hd {…}`). A class that only bolds is a label's or a name's
    (`.wt-field-label`, `p.resp-name`): emphasis, no heading; rules for anything else (`td .x`,
    `a:hover`) are left out."""
    styles: dict[str, str] = {}
    for selectors, declarations in _CSS_RULE.findall(re.sub(r"/\*.*?\*/", "", css, flags=re.S)):
        if not (_BOLD_STYLE.search(declarations) and _FONT_SIZE.search(declarations)):
            continue
        for selector in selectors.split(","):
            match = _CLASS_SELECTOR.match(selector)
            if match:
                styles[match[1]] = f"{styles.get(match[1], '')};{declarations}".strip(";")
    return styles


def font_size(style: str) -> float | None:
    """A block's font size in points from its inline style (`font-size:14.0pt`, `18px`)."""
    match = _FONT_SIZE.search(style)
    if match is None:
        return None
    size = float(match[1])
    return size * 0.75 if match[2].lower() == "px" else size


def _sized_headings(lines: list[tuple[int, str]], sizes: dict[int, float]) -> list[tuple[int, str]]:
    """Short blocks set in larger type than the body are headings, as `<h2>` is: OneNote and Word
    export their headings as `<p style='font-size:14pt'>` over 11pt paragraphs. The body's size is
    the one most sized lines have; no heading markup is added where sizes say nothing."""
    if len(set(sizes.values())) < 2:
        return lines
    counts = Counter(sizes.values())
    body = max(counts, key=lambda size: (counts[size], -size))
    out = list(lines)
    for index, size in sizes.items():
        number, text = out[index]
        if (
            size >= body * _LARGER
            and len(text) <= _HEADING_MAX
            and not re.search(r"[.。!！?？;；]$", text)
            # (a dashboard card's value set large under its title, `97.63%`: a figure, w41-g)
            and not FIGURE_ONLY.fullmatch(text.strip("* "))
        ):
            out[index] = (number, "## " + text)
    return out
