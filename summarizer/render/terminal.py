"""The terminal view (the default format): rich Markdown for summaries, a table for the register."""

from __future__ import annotations

import os

from rich.console import Console, Group, RenderableType
from rich.markdown import Markdown
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from summarizer.render import markdown, refs
from summarizer.render.labels import label, word
from summarizer.schemas import ExecutiveSummary, RiskRegister, Rollup

_STATUS_STYLE = {"open": "bold red", "mitigated": "yellow", "resolved": "green"}


def _body(text: str) -> RenderableType:
    # The Markdown title line becomes the panel title; the rest renders as Markdown.
    head, _, rest = text.partition("\n")
    return Panel(Markdown(rest.strip()), title=head.lstrip("# ").strip(), title_align="left")


def summary(console: Console, s: ExecutiveSummary) -> None:
    console.print(_body(markdown.summary(s)))


def rollup(console: Console, r: Rollup) -> None:
    console.print(_body(markdown.rollup(r)))


def register(console: Console, reg: RiskRegister) -> None:
    lang = reg.lang
    scope = os.path.basename(reg.series) if reg.series else "*"
    table = Table(title=f"{label('register', lang)} · {scope}", show_lines=False, expand=True)
    for key in ("status", "risk", "category", "severity", "first_seen", "last_seen", "owner"):
        table.add_column(label(key, lang), overflow="fold", ratio=5 if key == "risk" else 1)
    for e in reg.entries:
        severity = (
            word(e.severity, lang) + (f" ({e.severity_label})" if e.severity_label else "")
            if e.severity
            else ""
        )
        written = f"\n[italic]{escape(e.summary)}[/italic]" if e.summary else ""
        merged = f"\n[dim]{label('merged', lang, n=len(e.merged) + 1)}[/dim]" if e.merged else ""
        table.add_row(
            f"[{_STATUS_STYLE[e.status]}]{word(e.status, lang)}[/]",
            f"{escape(e.title)}{written}{merged}\n[dim]{refs(e.citations)}[/dim]",
            word(e.category, lang),
            severity,
            e.first_seen,
            e.last_seen,
            e.owner or "",
        )
    footer = f"{label('engine', lang)} {reg.engine}" + (
        f" · {label('dropped', lang, n=reg.dropped)}" if reg.dropped else ""
    )
    notes = [Text(f"{label('note', lang)}: {n}", style="dim") for n in reg.notes]
    console.print(Group(Markdown(f"**{reg.headline}**"), table, footer, *notes))
