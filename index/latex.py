"""LaTeX source (a report kept as its `.tex`, an Overleaf project's file) read as the Markdown it means,
line numbers kept.

A LaTeX report states its day in the preamble (`\\date{2025年9月12日}`, or `\\date{\\today}` and a
comment saying which day it went out), its parts as `\\section{本周要点}`, its items as `\\item`, its
tables as rows of cells split by `&` and closed by `\\\\` (often through a macro of its own template:
`\\newcommand{\\xm}[5]{#1 & #2 & \\zt{#3} & #4 & #5 \\\\}` then `\\xm{冷库监控2.0}{韩雪}{正常}{85\\%}{9月30日}`),
a struck old value as `\\sout{10月20日} 10月31日`, a percent as `\\%`. Read as plain text none of that
was a heading, a table or a date. Each source line becomes the Markdown line that says the same, under
its own number (a table's row under its first line), so citations point at the file's own lines (the
verifier reads the file through this same conversion). A line commented out (`% \\xm{…}` kept from
last week) is not read: it is no longer the report's.
"""

from __future__ import annotations

import re

_CLASS = re.compile(r"^\s*\\documentclass\b")
_BEGIN_DOCUMENT = re.compile(r"^\s*\\begin\{document\}")
_HEAD_LINES = 60
_DEFINITION = re.compile(
    r"\\(?:re)?newcommand\*?\s*\{?\\([A-Za-z]+)\}?\s*(?:\[(\d)\])?\s*(?:\[[^\]]*\])?\s*\{|"
    r"\\providecommand\*?\s*\{?\\([A-Za-z]+)\}?\s*(?:\[(\d)\])?\s*\{|"
    r"\\def\s*\\([A-Za-z]+)((?:#\d)*)\s*\{"
)
_PREAMBLE_FIELD = re.compile(r"^\s*\\(title|author|date)\s*\{")
_SECTION = re.compile(r"^\s*\\(chapter|section|subsection|subsubsection|paragraph)\*?\s*(?:\[[^\]]*\])?\s*\{")
_ITEM = re.compile(r"^(\s*)\\item\b\s*(?:\[([^\]]*)\])?\s*")
_ENVIRONMENT = re.compile(r"\\(begin|end)\s*\{([A-Za-z*]+)\}")
_TABLES = frozenset(
    {"tabular", "tabular*", "tabularx", "longtable", "longtable*", "tabu", "supertabular", "xltabular"}
)
_LISTS = frozenset({"itemize", "enumerate", "description", "compactitem", "compactenum"})
_RULE = re.compile(
    r"\\(?:toprule|midrule|bottomrule|hline|endhead|endfirsthead|endfoot|endlastfoot|cline\{[^}]*\}|"
    r"cmidrule(?:\([^)]*\))?\{[^}]*\}|specialrule\{[^}]*\}\{[^}]*\}\{[^}]*\}|caption\{[^}]*\}|label\{[^}]*\})"
)
_STRUCK = frozenset({"sout", "st", "xout", "cancel", "strike"})
_BOLD = frozenset({"textbf", "bf", "bfseries"})
_DROPPED = frozenset([
    "label", "ref", "cite", "vspace", "hspace", "rowcolor", "cellcolor", "color", "includegraphics",
    "setlength", "addtolength", "pagestyle", "thispagestyle", "newpage", "clearpage", "maketitle",
    "tableofcontents", "centering", "raggedright", "noindent", "small", "footnotesize", "large",
    "Large", "normalsize", "today", "par", "medskip", "smallskip", "bigskip", "hfill", "linebreak",
    "newline"
])  # fmt: skip
_SYMBOLS = {
    "%": "%",
    "_": "_",
    "&": "&",
    "#": "#",
    "$": "$",
    "{": "{",
    "}": "}",
    ",": " ",
    ";": " ",
    " ": " ",
    "quad": " ",
    "qquad": " ",
    "le": "≤",
    "leq": "≤",
    "ge": "≥",
    "geq": "≥",
    "times": "×",
    "pm": "±",
    "approx": "≈",
    "to": "→",
    "rightarrow": "→",
    "Rightarrow": "⇒",
    "ldots": "…",
    "dots": "…",
    "textasciitilde": "~",
    "checkmark": "✓",
    "textbackslash": "\\",
    "degree": "°",
    "textdegree": "°",
}
# pifont's ticks and crosses
_DINGS = {"51": "✓", "52": "✓", "55": "✗", "56": "✗"}
_MACRO_CALL = re.compile(r"\\([A-Za-z]+)")
_COMMAND = re.compile(r"\\([A-Za-z]+|[%_&#${},; ])")
_MAX_EXPANSIONS = 200
# A preamble comment naming a day (`%% 第19期 —— 2025-10-24（周五）发`), not a template's month or notes
_DAY_NOTE = re.compile(r"^\s*%.*?(20\d\d\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}日?)")


def looks_like_latex(lines: list[str]) -> bool:
    """A `\\documentclass` near the top and a `\\begin{document}`: Markdown and plain text write neither."""
    return any(_CLASS.match(line) for line in lines[:_HEAD_LINES]) and any(
        _BEGIN_DOCUMENT.match(line) for line in lines
    )


def _comment_at(line: str) -> int:
    """Where the line's comment starts (an unescaped `%`), its length when it has none."""
    at = 0
    while at < len(line):
        if line[at] == "\\":
            at += 2
            continue
        if line[at] == "%":
            return at
        at += 1
    return len(line)


def _group(text: str, start: int) -> tuple[str, int] | None:
    """The braced group opening at `start` (spaces before it skipped): its inside and the index after it."""
    at = start
    while at < len(text) and text[at] in " \t":
        at += 1
    if at >= len(text) or text[at] != "{":
        return None
    depth, index = 0, at
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2  # an escaped brace (`\{`) or a line break (`\\`) before a closing one
            continue
        depth += 1 if char == "{" else -1 if char == "}" else 0
        if depth == 0:
            return text[at + 1 : index], index + 1
        index += 1
    return None


def _optional(text: str, start: int) -> int:
    """The index after an optional `[…]` argument at `start`, or `start` when there is none."""
    if start < len(text) and text[start] == "[":
        close = text.find("]", start)
        return close + 1 if close != -1 else start
    return start


def _macros(preamble: str) -> dict[str, tuple[int, str]]:
    """The template's own commands (`\\newcommand{\\xm}[5]{…}`, `\\def\\zt#1{…}`): name -> (arguments, body)."""
    found: dict[str, tuple[int, str]] = {}
    for match in _DEFINITION.finditer(preamble):
        name = match[1] or match[3] or match[5]
        count = int(match[2] or match[4] or 0) if not match[5] else len(re.findall(r"#\d", match[6] or ""))
        body = _group(preamble, match.end() - 1)
        if name and body is not None:
            found[name] = (count, body[0])
    return found


def _expand(text: str, macros: dict[str, tuple[int, str]]) -> str:
    """The text with the template's commands replaced by their bodies, arguments put in place."""
    if not macros:
        return text
    done = 0
    at = 0
    while done < _MAX_EXPANSIONS:
        match = _MACRO_CALL.search(text, at)
        if match is None:
            break
        name = match[1]
        if name not in macros:
            at = match.end()
            continue
        count, body = macros[name]
        end, arguments = match.end(), []
        for _ in range(count):
            group = _group(text, end)
            if group is None:
                break
            arguments.append(group[0])
            end = group[1]
        if len(arguments) < count:
            at = match.end()
            continue
        filled = _filled(body, arguments)
        text = text[: match.start()] + filled + text[end:]
        at = match.start()
        done += 1
    return text


def _filled(body: str, arguments: list[str]) -> str:
    """A command's body with `#1`…`#9` replaced by its arguments."""
    return re.sub(r"#(\d)", lambda n: arguments[int(n[1]) - 1] if int(n[1]) <= len(arguments) else "", body)


def _math(text: str) -> str:
    """Inline math as the characters it shows: `O$_2$` is O2, `$\\le$0.7` is ≤0.7."""

    def shown(match: re.Match[str]) -> str:
        return re.sub(r"[_^{}]", "", _inline(match[1]))

    return re.sub(r"(?<!\\)\$([^$]*)(?<!\\)\$", shown, text)


def _inline(text: str) -> str:
    """Inline LaTeX as Markdown: bold as `**…**`, a struck value as `~~…~~`, a link as its text,
    escapes as their characters, any other command as its argument's text or nothing."""
    text = re.sub(r"(?<!\\)~", " ", text)  # a tie is a space
    out: list[str] = []
    at = 0
    while at < len(text):
        match = _COMMAND.search(text, at)
        if match is None:
            out.append(_ungrouped(text[at:]))
            break
        out.append(_ungrouped(text[at : match.start()]))
        name, end = match[1], match.end()
        if name in _SYMBOLS and not (name.isalpha() and end < len(text) and text[end] == "{"):
            out.append(_SYMBOLS[name])
            at = end
            continue
        end = _optional(text, end)
        first = _group(text, end)
        if name == "ding" and first is not None:
            out.append(_DINGS.get(first[0].strip(), ""))
            at = first[1]
            continue
        if (
            name in ("href", "textcolor", "colorbox", "fcolorbox", "multicolumn", "multirow")
            and first is not None
        ):
            # `\href{url}{text}`, `\textcolor{red}{延期}`, `\multicolumn{2}{l}{…}`: the last argument shows
            groups, last_end, last = [first], first[1], first
            while (following := _group(text, last_end)) is not None and len(groups) < (
                3 if name in ("multicolumn", "multirow", "fcolorbox") else 2
            ):
                groups.append(following)
                last_end, last = following[1], following
            out.append(_inline(last[0]))
            at = last_end
            continue
        if first is None:
            out.append(_SYMBOLS.get(name, "") if name not in _DROPPED else "")
            at = end
            continue
        inner = _inline(first[0])
        if name in _DROPPED:
            out.append("")
        elif name in _STRUCK:
            out.append(f"~~{inner}~~" if inner.strip() else "")
        elif name in _BOLD:
            out.append(f"**{inner}**" if inner.strip() else "")
        elif name == "footnote":
            out.append(f"（{inner}）")
        else:
            out.append(inner)
        at = first[1]
    return "".join(out).replace("---", "—").replace("--", "–").replace("``", "“").replace("''", "”")


def _ungrouped(text: str) -> str:
    """Plain text without the braces that only group (`分拣{}接口`, `{\\bf 注}`)."""
    return text.replace("{", "").replace("}", "")


def _render(text: str) -> str:
    """Text whose template commands are expanded (`_expand`) shown as Markdown on one line."""
    return " ".join(_inline(_math(text)).split())


def read_latex(lines: list[str]) -> list[tuple[int, str]]:
    """The document's lines as Markdown, each under its source line number (1-based)."""
    begin = next((i for i, line in enumerate(lines) if _BEGIN_DOCUMENT.match(line)), 0)
    kept = [line[: _comment_at(line)] for line in lines]
    macros = _macros("\n".join(kept[:begin]))
    out: list[tuple[int, str]] = _preamble(lines, kept, begin, macros)
    lists: list[tuple[str, int]] = []  # open list environments, with their item counts
    table: list[tuple[int, str]] | None = None  # the open table's pending row: (line, text) pieces
    rows = 0
    quiet: list[int] = []  # a table's lines that show no row: blank after its rows, which stay together
    for index in range(begin, len(kept)):
        number, line = index + 1, _expand(kept[index], macros)
        shown = ""
        for kind, name in _ENVIRONMENT.findall(line):
            if name in _TABLES and kind == "begin":
                table, rows = [], 0
            elif name in _TABLES:
                out.extend((n, "") for n in [*quiet, *(n for n, _ in table or [])])
                table, quiet = None, []
            elif name in _LISTS:
                if kind == "begin":
                    lists.append((name, 0))
                elif lists:
                    lists.pop()
        opened = _ENVIRONMENT.search(line)
        if opened is not None and opened[1] == "begin" and opened[2] in _TABLES:
            line = line[opened.end() :]
            for _ in range(2 if opened[2] in ("tabular*", "tabularx", "xltabular") else 1):
                spec = _group(line, 0)  # the width, then the column spec: `{p{4.2cm}p{1.6cm}}`
                line = line[spec[1] :] if spec else line
        line = _ENVIRONMENT.sub("", line)
        if table is not None:
            line = _RULE.sub("", line)
            if line.strip():
                table.append((number, line))
                joined = " ".join(piece for _, piece in table)
                if re.search(r"\\\\\s*(?:\[[^\]]*\])?\s*$", joined):
                    cells = [
                        _render(cell)
                        for cell in re.split(r"(?<!\\)&", re.sub(r"\\\\\s*(?:\[[^\]]*\])?\s*$", "", joined))
                    ]
                    first_line = table[0][0]
                    out.append((first_line, "| " + " | ".join(cells) + " |"))
                    if rows == 0:
                        out.append((first_line, "| " + " | ".join("---" for _ in cells) + " |"))
                    rows += 1
                    quiet.extend(n for n, _ in table[1:])
                    table = []
            else:
                quiet.append(number)
            continue
        section = _SECTION.match(line)
        item = _ITEM.match(line)
        if section is not None:
            group = _group(line, section.end() - 1)
            title = _render(group[0]) if group else ""
            rest = _render(line[group[1] :]) if group else ""
            level = {"chapter": 2, "section": 2, "subsection": 3, "subsubsection": 4}.get(section[1])
            shown = f"{'#' * level} {title}" if level else f"**{title}** {rest}".strip()
        elif item is not None and lists:
            name, count = lists[-1]
            lists[-1] = (name, count + 1)
            label = _render(item[2]) if item[2] else ""
            body = _render(line[item.end() :])
            marker = f"{count + 1}." if name in ("enumerate", "compactenum") else "-"
            shown = "  " * (len(lists) - 1) + f"{marker} {' '.join(p for p in (label, body) if p)}"
        else:
            shown = _render(re.sub(r"\\\\\s*$", "", line))
        out.append((number, shown))
    return out


def _preamble(
    lines: list[str], kept: list[str], begin: int, macros: dict[str, tuple[int, str]]
) -> list[tuple[int, str]]:
    """The preamble's title as the page's heading and its day as a `Date:` line; the rest (packages,
    the template's commands, its notes) shows nothing. With `\\date{\\today}` (the day it is compiled)
    or no day at all, the day an author's comment there names is the report's (`%% 第19期 —— 2025-10-24
    （周五）发，编译日期即发布日期`), shown on the `\\date` line (or the comment's, with none)."""
    preamble = "\n".join(kept[:begin])
    day = re.search(r"\\date\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}", preamble)
    dated = day is not None and bool(_render(_expand(day[1], macros)).strip())
    notes = [
        (index, found[1]) for index, line in enumerate(lines[:begin]) if (found := _DAY_NOTE.search(line))
    ]
    noted = None if dated or not notes else notes[0]
    out: list[tuple[int, str]] = []
    for index in range(begin):
        number, line = index + 1, kept[index]
        field = _PREAMBLE_FIELD.match(line)
        group = _group(line, field.end() - 1) if field else None
        if field is not None and group is not None:
            value = _render(_expand(group[0], macros)) or (noted[1] if field[1] == "date" and noted else "")
            label = {"title": "# ", "author": "Author: ", "date": "Date: "}[field[1]]
            out.append((number, f"{label}{value}" if value else ""))
        elif noted is not None and day is None and index == noted[0]:
            out.append((number, f"Date: {noted[1]}"))
        else:
            out.append((number, ""))
    return out
