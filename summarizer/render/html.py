"""One self-contained HTML report: summary, roll-up, project timeline, metric trends, risk register.

Everything is inline: the stylesheet, the SVG charts, the text. There is no script at all, no
web font, no image or link to fetch, so the file opens the same offline, in a mail attachment or
behind a proxy; a browser test checks that nothing is requested at view time. Each series gets
its own section in its own language (`lang` attribute), so Chinese renders with a Chinese font.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape

from index.schemas import Citation, ProjectTimeline
from index.text.lang import Lang
from summarizer.render import ref, svg
from summarizer.render.labels import label, word
from summarizer.schemas import ExecutiveSummary, Highlight, RiskRegister, Rollup, SummaryItem

CSS = """
:root { --fg:#1f2933; --muted:#607080; --line:#d9e2ec; --bg:#fff; --band:#f5f7fa; --red:#c62828; --amber:#f9a825; --green:#2e7d32; --blue:#1565c0; }
* { box-sizing: border-box; }
body { margin:0; font: 15px/1.55 -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", sans-serif; color:var(--fg); background:var(--bg); }
header, main, footer { max-width: 1040px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 24px; border-bottom: 1px solid var(--line); }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 36px 0 8px; border-bottom: 2px solid var(--fg); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 22px 0 8px; } h4 { font-size: 14px; margin: 14px 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.meta, cite, .empty, figcaption { color: var(--muted); font-size: 12px; } cite { font-style: normal; white-space: nowrap; }
nav a { margin-right: 14px; color: var(--blue); text-decoration: none; }
.headline { font-size: 17px; font-weight: 600; background: var(--band); border-left: 4px solid var(--blue); padding: 10px 14px; margin: 10px 0; }
ol.highlights li, ul.items li { margin: 4px 0; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 13.5px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: var(--band); font-weight: 600; white-space: nowrap; } td:first-child { min-width: 7.5em; }
.badge { display:inline-block; padding: 0 7px; border-radius: 9px; font-size: 12px; color:#fff; white-space: nowrap; }
.badge.open { background: var(--red); } .badge.mitigated { background: var(--amber); color:#222; } .badge.resolved { background: var(--green); }
.sev-critical, .sev-high { color: var(--red); font-weight: 600; } .sev-medium { color: #b26a00; }
.charts { display: flex; flex-wrap: wrap; gap: 14px; } figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 8px; width: 338px; }
svg.chart text { font-size: 11px; fill: var(--muted); } svg.chart .name { fill: var(--fg); font-size: 12.5px; }
svg.metric .line { fill: none; stroke: var(--blue); stroke-width: 2; } svg.metric .point { fill: var(--blue); } svg .axis, svg .grid { stroke: var(--line); }
svg .now { stroke: var(--fg); stroke-dasharray: 3 3; } svg .span { stroke: #cfd8dc; stroke-width: 3; }
svg .target { fill: #fff; stroke: var(--fg); stroke-width: 1.2; } svg .slip-move, svg .pull-in { stroke-width: 2; }
svg .delta { font-weight: 700; font-size: 11px; } svg .overdue { stroke: var(--red); stroke-width: 3; stroke-dasharray: 4 3; }
svg .launch { fill: none; stroke-width: 2.5; } svg .report-dot.stalled { stroke: var(--amber); stroke-width: 3; }
.timeline-wrap { overflow-x: auto; }
footer { border-top: 1px solid var(--line); margin-top: 40px; padding: 12px 20px 30px; }
"""


@dataclass
class SeriesReport:
    """What the report shows for one series."""

    name: str
    lang: Lang
    summary: ExecutiveSummary
    rollup: Rollup
    register: RiskRegister
    timelines: list[ProjectTimeline] = field(default_factory=list)


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _cites(citations: Iterable[Citation]) -> str:
    shown = list(dict.fromkeys((ref(c), c.quote) for c in citations))[:4]
    return " ".join(f'<cite title="{_e(quote)}">{_e(where)}</cite>' for where, quote in shown)


def _list(items: list[SummaryItem], cls: str = "items") -> str:
    return (
        f'<ul class="{cls}">'
        + "".join(f"<li>{_e(i.text)} {_cites(i.citations)}</li>" for i in items)
        + "</ul>"
    )


def _highlights(items: list[Highlight]) -> str:
    return (
        '<ol class="highlights">'
        + "".join(f"<li>{_e(h.text)} {_cites(h.citations)}</li>" for h in items)
        + "</ol>"
    )


def _block(title: str, body: str, lang: Lang, filled: bool) -> str:
    """A titled block; an empty one says so instead of showing an empty list or table."""
    inner = body if filled else f'<p class="empty">{_e(label("none", lang))}</p>'
    return f"<h4>{_e(title)}</h4>{inner}"


def _table(headers: list[str], rows: list[list[str]], cls: str) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _notes(notes: list[str], lang: Lang) -> str:
    """How an LLM writer's part was made (what the token budget left out, what was dropped)."""
    return "".join(f'<p class="meta note">{_e(label("note", lang))}: {_e(n)}</p>' for n in notes)


def summary_section(s: ExecutiveSummary, anchor: str) -> str:
    lang = s.lang
    when = f"{s.week_label} · {s.week}" if s.week_label and s.week_label != s.week else s.week
    out = [
        f'<section class="summary" id="{anchor}"><h3>{_e(label("summary", lang))} · {_e(when)} ({s.date})</h3>'
    ]
    out.append(f'<p class="headline">{_e(s.headline)}</p>{_notes(s.notes, lang)}')
    out.append(_block(label("highlights", lang), _highlights(s.highlights), lang, bool(s.highlights)))
    changes = (
        label("changes_since", lang, week=s.previous_week) if s.previous_week else label("changes", lang)
    )
    out.append(_block(changes, _list(s.changes), lang, bool(s.changes)))
    projects = [
        [
            _e(p.name),
            _e(p.status_text or ""),
            _e(p.progress or ""),
            _e(p.target_text or p.target or ""),
            f"{_e(p.text)} {_cites(p.citations)}",
        ]
        for p in s.projects
    ]
    headers = [label("project", lang), label("status", lang), "%", "ETA" if lang == "en" else "目标", ""]
    out.append(_block(label("projects", lang), _table(headers, projects, "projects"), lang, bool(projects)))
    out.append(_block(label("risks", lang), _list(list(s.risks)), lang, bool(s.risks)))
    metrics = [[_e(m.name), _e(m.text), _cites(m.citations)] for m in s.metrics]
    table = _table([label("metric", lang), "", ""], metrics, "metrics")
    out.append(_block(label("metrics", lang), table, lang, bool(metrics)))
    sections: tuple[tuple[str, list[SummaryItem]], ...] = (
        (label("decisions", lang), s.decisions),
        (label("next_week", lang), s.next_week),
        (label("plan_vs_actual", lang), list(s.plan_vs_actual)),
    )
    for title, items in sections:
        out.append(_block(title, _list(items), lang, bool(items)))
    out.append("</section>")
    return "".join(out)


def rollup_section(r: Rollup, anchor: str) -> str:
    lang = r.lang
    out = [
        f'<section class="rollup" id="{anchor}"><h3>{_e(label("rollup", lang))} · {_e(r.since)} – {_e(r.until)} ({r.reports})</h3>'
    ]
    out.append(f'<p class="headline">{_e(r.headline)}</p>{_notes(r.notes, lang)}')
    out.append(_block(label("highlights", lang), _highlights(r.highlights), lang, bool(r.highlights)))
    rows = [
        [
            _e(o.project or ""),
            _e(word(o.outcome if o.outcome != "open" else "open_outcome", lang)),
            str(o.slip_days or ""),
            f"{_e(o.text)} {_cites(o.citations)}",
        ]
        for o in r.outcomes
    ]
    headers = [label("project", lang), label("outcome", lang), label("slip_days", lang), ""]
    out.append(_block(label("outcomes", lang), _table(headers, rows, "outcomes"), lang, bool(rows)))
    counts = [
        [
            f'<span class="sev-{_e(c.severity)}">{_e(word(c.severity, lang))}</span>',
            _e("/".join(c.labels)),
            str(c.count),
        ]
        for c in r.incidents
    ]
    out.append(
        _block(
            label("by_severity", lang),
            _table([label("severity", lang), "", label("count", lang)], counts, "severities"),
            lang,
            bool(counts),
        )
    )
    out.append(_block(label("incidents", lang), _list(list(r.incident_items)), lang, bool(r.incident_items)))
    weeks = [[_e(w.week), f"{_e(w.headline)} {_cites(w.citations)}"] for w in r.weeks]
    out.append(
        _block(
            label("weeks", lang),
            _table([label("week", lang), label("headline", lang)], weeks, "weeks"),
            lang,
            bool(weeks),
        )
    )
    out.append("</section>")
    return "".join(out)


def trends_section(r: Rollup, anchor: str) -> str:
    lang = r.lang
    figures = "".join(
        f'<figure class="trend">{svg.metric_chart(m)}<figcaption>{_e(m.text)} {_cites(m.citations)}</figcaption></figure>'
        for m in r.metrics
    )
    return (
        f'<section class="trends" id="{anchor}"><h3>{_e(label("trends", lang))}</h3>'
        + (
            f'<div class="charts">{figures}</div>'
            if figures
            else f'<p class="empty">{_e(label("none", lang))}</p>'
        )
        + "</section>"
    )


def timeline_section(sr: SeriesReport, anchor: str) -> str:
    lang = sr.lang
    outcomes = {o.project: o for o in sr.rollup.outcomes if o.project}
    body = f'<p class="empty">{_e(label("none", lang))}</p>'
    if sr.timelines:
        start = min(o.date for tl in sr.timelines for o in tl.observations)
        end = max(o.date for tl in sr.timelines for o in tl.observations)
        body = (
            f'<div class="timeline-wrap">{svg.timeline_chart(sr.timelines, outcomes, start, end, lang)}</div>'
        )
    return f'<section class="timeline" id="{anchor}"><h3>{_e(label("timeline", lang))}</h3>{body}</section>'


def register_section(reg: RiskRegister, anchor: str) -> str:
    lang = reg.lang
    rows = []
    for e in reg.entries:
        severity = (
            f'<span class="sev-{_e(e.severity)}">{_e(word(e.severity, lang))}</span>'
            + (f" {_e(e.severity_label)}" if e.severity_label else "")
            if e.severity
            else ""
        )
        trail = " → ".join(f"{h.week} {word(h.status, lang)}" for h in e.history)
        written = f'<br><span class="summary">{_e(e.summary)}</span>' if e.summary else ""
        merged = (
            f'<br><span class="meta">{_e(label("merged", lang, n=len(e.merged) + 1))}</span>'
            if e.merged
            else ""
        )
        rows.append([
            f'<span class="badge {e.status}">{_e(word(e.status, lang))}</span>',
            f"{_e(e.title)} {_cites(e.citations)}{written}{merged}",
            _e(word(e.category, lang)),
            severity,
            _e(e.first_seen),
            _e(e.last_seen),
            _e(e.owner or ""),
            f'<span class="meta">{_e(trail)}</span>',
        ])  # fmt: skip
    headers = [
        label(k, lang)
        for k in ("status", "risk", "category", "severity", "first_seen", "last_seen", "owner", "history")
    ]
    return (
        f'<section class="register" id="{anchor}"><h3>{_e(label("register", lang))}</h3>'
        f'<p class="headline">{_e(reg.headline)}</p>{_notes(reg.notes, lang)}'
        + _block(label("register", lang), _table(headers, rows, "register"), lang, bool(rows))
        + "</section>"
    )


def page(reports: list[SeriesReport], title: str, engine: str, period: str) -> str:
    """The whole report as one HTML document."""
    lang_attr = "zh-CN" if reports and all(r.lang == "zh" for r in reports) else "en"
    nav = "".join(f'<a href="#s-{_e(r.name)}">{_e(r.name)}</a>' for r in reports)
    body = []
    for sr in reports:
        key = _e(sr.name)
        body.append(
            f'<section class="series" id="s-{key}" lang="{"zh-CN" if sr.lang == "zh" else "en"}"><h2>{key}</h2>'
            + summary_section(sr.summary, f"summary-{key}")
            + timeline_section(sr, f"timeline-{key}")
            + trends_section(sr.rollup, f"trends-{key}")
            + rollup_section(sr.rollup, f"rollup-{key}")
            + register_section(sr.register, f"register-{key}")
            + "</section>"
        )
    cited = sum(
        len(r.summary.citations()) + sum(len(i.citations) for _, items in r.rollup.sections() for i in items)
        for r in reports
    )
    dropped = sum(r.summary.dropped + r.rollup.dropped + r.register.dropped for r in reports)
    foot = f"{label('engine', 'en')} {engine} · {cited} citations verified" + (
        f" · dropped {dropped} unverified" if dropped else ""
    )
    return (
        f'<!doctype html><html lang="{lang_attr}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="summarizer · engine {_e(engine)}">'
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>"
        f'{svg.DEFS}<header><h1>{_e(title)}</h1><p class="meta">{_e(period)} · engine {_e(engine)}</p><nav>{nav}</nav></header>'
        f"<main>{''.join(body)}</main>"
        f'<footer class="meta" data-engine="{_e(engine)}">{_e(foot)}</footer></body></html>\n'
    )


def generated_title(names: list[str], start: dt.date | None = None) -> str:
    return "Status report · " + ", ".join(os.path.basename(n) for n in names)
