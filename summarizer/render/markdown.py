"""Markdown that pastes cleanly into e-mail and chat tools (Feishu, DingTalk, WeCom, Slack).

Headings, bold and bullet lists only: no tables (most chat clients show their pipes), no HTML,
no wide alignment (Chinese characters are double width). Each item ends with where it comes
from (`2024-W49.md:42`) so a reader can check it; the footer names the engine.
"""

from __future__ import annotations

import os

from index.text.lang import Lang
from summarizer.render import refs
from summarizer.render.labels import label, word
from summarizer.schemas import ExecutiveSummary, RiskRegister, Rollup, SummaryItem


def _items(items: list[SummaryItem]) -> list[str]:
    return [f"- {i.text} ({refs(i.citations)})" if i.citations else f"- {i.text}" for i in items]


def _section(title: str, lines: list[str]) -> list[str]:
    return ["", f"### {title}", "", *lines] if lines else []


def _footer(engine: str, lang: Lang, cited: int, dropped: int, notes: list[str] | None = None) -> list[str]:
    parts = [f"{label('engine', lang)} {engine}", label("verified", lang, n=cited)]
    if dropped:
        parts.append(label("dropped", lang, n=dropped))
    # Notes say how an LLM writer's part was made (material the token budget left out, highlights
    # dropped); they are in English whatever the summary's language, like the CLI's messages.
    lines = ["", "—", " · ".join(parts)]
    for note in notes or []:
        lines += ["", f"{label('note', lang)}: {note}"]  # a paragraph each, not run into the footer
    return lines


def summary(s: ExecutiveSummary) -> str:
    lang = s.lang
    when = f"{s.week_label} · {s.week}" if s.week_label and s.week_label != s.week else s.week
    out = [
        f"## {label('summary', lang)} · {os.path.basename(s.series)} · {when} ({s.date})",
        "",
        f"**{s.headline}**",
    ]
    out += _section(
        label("highlights", lang),
        [f"{n}. {h.text} ({refs(h.citations)})" for n, h in enumerate(s.highlights, 1)],
    )
    changes = (
        label("changes_since", lang, week=s.previous_week) if s.previous_week else label("changes", lang)
    )
    out += _section(changes, _items(s.changes))
    out += _section(label("projects", lang), _items(list(s.projects)))
    out += _section(label("risks", lang), _items(list(s.risks)))
    out += _section(label("metrics", lang), _items(list(s.metrics)))
    out += _section(label("decisions", lang), _items(s.decisions))
    out += _section(label("next_week", lang), _items(s.next_week))
    out += _section(label("plan_vs_actual", lang), _items(list(s.plan_vs_actual)))
    out += _footer(s.engine, lang, len(s.citations()), s.dropped, s.notes)
    return "\n".join(out) + "\n"


def rollup(r: Rollup) -> str:
    lang = r.lang
    out = [
        f"## {label('rollup', lang)} · {os.path.basename(r.series)} · {r.since} – {r.until}",
        "",
        f"**{r.headline}**",
    ]
    out += _section(
        label("highlights", lang),
        [f"{n}. {h.text} ({refs(h.citations)})" for n, h in enumerate(r.highlights, 1)],
    )
    outcomes = [
        f"- **{word(o.outcome if o.outcome != 'open' else 'open_outcome', lang)}** · {o.text} ({refs(o.citations)})"
        for o in r.outcomes
    ]
    out += _section(label("outcomes", lang), outcomes)
    counts = [
        f"- {word(c.severity, lang)}{' (' + '/'.join(c.labels) + ')' if c.labels else ''}: {c.count}"
        for c in r.incidents
    ]
    out += _section(label("by_severity", lang), counts)
    out += _section(label("incidents", lang), _items(list(r.incident_items)))
    out += _section(label("trends", lang), _items(list(r.metrics)))
    out += _section(label("weeks", lang), [f"- {w.week}: {w.headline}" for w in r.weeks])
    cited = sum(len(i.citations) for _, items in r.sections() for i in items)
    out += _footer(r.engine, lang, cited, r.dropped, r.notes)
    return "\n".join(out) + "\n"


def register(reg: RiskRegister) -> str:
    lang = reg.lang
    scope = os.path.basename(reg.series) if reg.series else "*"
    out = [f"## {label('register', lang)} · {scope}", "", f"**{reg.headline}**", ""]
    for entry in reg.entries:
        severity = (
            f" · {word(entry.severity, lang)}"
            + (f" ({entry.severity_label})" if entry.severity_label else "")
            if entry.severity
            else ""
        )
        owner = f" · {label('owner', lang)} {entry.owner}" if entry.owner else ""
        seen = (
            f"{entry.first_seen}"
            if entry.first_seen == entry.last_seen
            else f"{entry.first_seen} → {entry.last_seen}"
        )
        out.append(
            f"- **[{word(entry.status, lang)}]** {entry.title} — {word(entry.category, lang)}{severity} · {seen}{owner} ({refs(entry.citations)})"
        )
        if entry.summary:
            out.append(f"  - {entry.summary}")
        if entry.merged:
            out.append(f"  - {label('merged', lang, n=len(entry.merged) + 1)}")
        if len(entry.history) > 1:
            trail = " → ".join(f"{h.week} {word(h.status, lang)}" for h in entry.history)
            out.append(f"  - {label('history', lang)}: {trail}")
    cited = sum(len(e.history) for e in reg.entries)
    out += _footer(reg.engine, lang, cited, reg.dropped, reg.notes)
    return "\n".join(out) + "\n"
