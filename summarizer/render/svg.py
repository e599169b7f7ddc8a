"""Charts as inline SVG, drawn by our code: metric trends and the project timeline.

No chart library and no script: the HTML report must open with no network, and static SVG is
also what a screenshot test can check. Every mark carries a `<title>` (the browser's tooltip)
with the value and the week, and a class name the tests and the stylesheet use.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape

from index.schemas import ProjectTimeline
from index.text.lang import Lang
from summarizer.schemas import MetricTrend, ProjectOutcome
from summarizer.summaries import wording

STATUS_COLOR = {
    "on_track": "#2e7d32",
    "in_progress": "#2e7d32",
    "at_risk": "#f9a825",
    "off_track": "#c62828",
    "blocked": "#c62828",
    "launched": "#1565c0",
    "done": "#1565c0",
    "paused": "#9e9e9e",
    "cancelled": "#616161",
}
NEUTRAL = "#90a4ae"
LATE = "#c62828"
EARLY = "#2e7d32"


def _t(text: object) -> str:
    return escape(str(text), quote=True)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def metric_chart(trend: MetricTrend, width: int = 320, height: int = 120) -> str:
    """A line over the period's values, first and last labelled, each point with a tooltip."""
    pad_l, pad_r, pad_t, pad_b = 8, 8, 18, 20
    values = [p.value for p in trend.points]
    low, high = min(values), max(values)
    span = (high - low) or (abs(high) or 1.0)
    n = len(values)

    def x(i: int) -> float:
        return pad_l + (width - pad_l - pad_r) * (i / (n - 1) if n > 1 else 0.5)

    def y(v: float) -> float:
        return pad_t + (height - pad_t - pad_b) * (1 - (v - low) / span if high != low else 0.5)

    path = " ".join(f"{_num(x(i))},{_num(y(v))}" for i, v in enumerate(values))
    dots = "".join(
        f'<circle class="point" cx="{_num(x(i))}" cy="{_num(y(p.value))}" r="2.6">'
        f"<title>{_t(p.week)}: {_t(wording.value(p.value, trend.unit))}</title></circle>"
        for i, p in enumerate(trend.points)
    )
    first = wording.value(trend.first, trend.unit)
    last = wording.value(trend.last, trend.unit)
    return (
        f'<svg class="chart metric" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{_t(trend.name)}">'
        f'<line class="axis" x1="{pad_l}" y1="{height - pad_b}" x2="{width - pad_r}" y2="{height - pad_b}"/>'
        f'<polyline class="line" points="{path}"/>{dots}'
        f'<text class="label" x="{pad_l}" y="12">{_t(first)}</text>'
        f'<text class="label end" x="{width - pad_r}" y="12" text-anchor="end">{_t(last)}</text>'
        f'<text class="tick" x="{pad_l}" y="{height - 5}">{_t(trend.first_week)}</text>'
        f'<text class="tick" x="{width - pad_r}" y="{height - 5}" text-anchor="end">{_t(trend.last_week)}</text>'
        "</svg>"
    )


def _months(lo: dt.date, hi: dt.date) -> list[dt.date]:
    out = []
    day = dt.date(lo.year, lo.month, 1)
    while day <= hi:
        if day >= lo:
            out.append(day)
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return out


def timeline_chart(
    timelines: list[ProjectTimeline],
    outcomes: dict[str, ProjectOutcome],
    start: dt.date,
    end: dt.date,
    lang: Lang,
    width: int = 960,
) -> str:
    """One row per project: its reports (dots coloured by status), every target it stated
    (diamonds), each move of the target (an arrow, red when later, with the days), overdue spans
    (red dashes), and the launch (a ring, red when late)."""
    label_w, row_h, top, bottom = 200, 30, 34, 34
    dates = [start, end]
    for tl in timelines:
        dates += [o.target for o in tl.observations if o.target]
    for outcome in outcomes.values():
        dates += [d for d in (outcome.launched_on,) if d]
    lo, hi = min(dates) - dt.timedelta(days=3), max(dates) + dt.timedelta(days=3)
    days = max((hi - lo).days, 1)
    height = top + row_h * len(timelines) + bottom

    def x(day: dt.date) -> float:
        return label_w + (width - label_w - 12) * (day - lo).days / days

    parts = [
        f'<svg class="chart timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="timeline">'
    ]
    for month in _months(lo, hi):
        mx = _num(x(month))
        text = f"{month.year}-{month.month:02d}" if lang == "zh" else month.strftime("%b %Y")
        parts.append(f'<line class="grid" x1="{mx}" y1="{top - 8}" x2="{mx}" y2="{height - bottom + 4}"/>')
        parts.append(f'<text class="tick" x="{mx}" y="{top - 14}">{_t(text)}</text>')
    ex = _num(x(end))
    parts.append(
        f'<line class="now" x1="{ex}" y1="{top - 8}" x2="{ex}" y2="{height - bottom + 4}"><title>{_t(end)}</title></line>'
    )
    for row, tl in enumerate(timelines):
        parts.append(_row(tl, outcomes.get(tl.project), top + row * row_h + row_h / 2, x, lang))
    parts.append(_legend(height - 10, lang))
    parts.append("</svg>")
    return "".join(parts)


def _row(
    tl: ProjectTimeline, outcome: ProjectOutcome | None, cy: float, at: Callable[[dt.date], float], lang: Lang
) -> str:
    obs = tl.observations
    out = [f'<g class="project" data-project="{_t(tl.project)}">']
    out.append(
        f'<text class="name" x="4" y="{_num(cy + 4)}">{_t(tl.project[:22])}<title>{_t(tl.project)}</title></text>'
    )
    x0, x1 = at(obs[0].date), at(obs[-1].date)
    out.append(f'<line class="span" x1="{_num(x0)}" y1="{_num(cy)}" x2="{_num(x1)}" y2="{_num(cy)}"/>')
    previous: dt.date | None = None
    for o in obs:
        if o.target is None or o.target == previous:
            continue
        tx = at(o.target)
        tip = f"{o.week}: {o.target_text or o.target}"
        out.append(
            f'<path class="target" d="M{_num(tx)} {_num(cy - 6)} l6 6 l-6 6 l-6 -6 z"><title>{_t(tip)}</title></path>'
        )
        if previous is not None:
            px = at(previous)
            moved = (o.target - previous).days
            color = LATE if moved > 0 else EARLY
            kind = "slip-move" if moved > 0 else "pull-in"
            mid = (px + tx) / 2
            text = f"{moved:+d}天" if lang == "zh" else f"{moved:+d}d"
            out.append(
                f'<path class="{kind}" d="M{_num(px)} {_num(cy - 7)} Q{_num(mid)} {_num(cy - 20)} {_num(tx)} {_num(cy - 8)}" '
                f'stroke="{color}" fill="none" marker-end="url(#arrow-{"late" if moved > 0 else "early"})">'
                f"<title>{_t(o.week)}: {_t(previous)} → {_t(o.target)} ({text})</title></path>"
            )
            out.append(
                f'<text class="delta" x="{_num(mid)}" y="{_num(cy - 17)}" fill="{color}">{_t(text)}</text>'
            )
        previous = o.target
    for slip in tl.slips:
        if slip.kind == "overdue":
            try:
                a, b = dt.date.fromisoformat(slip.from_), dt.date.fromisoformat(slip.to)
            except ValueError:
                continue
            out.append(
                f'<line class="overdue" x1="{_num(at(a))}" y1="{_num(cy + 7)}" x2="{_num(at(b))}" y2="{_num(cy + 7)}">'
                f"<title>{_t(slip.week)}: overdue {_t(slip.from_)} → {_t(slip.to)}</title></line>"
            )
    for o in obs:
        color = STATUS_COLOR.get(str(o.status), NEUTRAL)
        tip = f"{o.week}: " + " · ".join(
            str(v) for v in (o.status_text, o.progress_label, o.target_text) if v
        )
        stalled = any(s.kind == "stalled" and s.week == o.week for s in tl.slips)
        cls = "report-dot stalled" if stalled else "report-dot"
        out.append(
            f'<circle class="{cls}" cx="{_num(at(o.date))}" cy="{_num(cy)}" r="4" fill="{color}"><title>{_t(tip)}</title></circle>'
        )
    if outcome is not None and outcome.launched_on is not None:
        late = outcome.outcome == "launched_late"
        lx = at(outcome.launched_on)
        word = ("上线" if lang == "zh" else "launched") + f" {outcome.launched_on}"
        out.append(
            f'<circle class="launch{" late" if late else ""}" cx="{_num(lx)}" cy="{_num(cy)}" r="7" '
            f'stroke="{LATE if late else "#1565c0"}"><title>{_t(word)}</title></circle>'
        )
    out.append("</g>")
    return "".join(out)


def _legend(y: float, lang: Lang) -> str:
    items = (
        [
            ("report-dot", "周报（颜色=状态）"),
            ("target", "目标日期"),
            ("slip-move", "目标推迟"),
            ("overdue", "逾期"),
            ("launch", "上线"),
        ]
        if lang == "zh"
        else [
            ("report-dot", "report (colour = status)"),
            ("target", "target date"),
            ("slip-move", "target moved later"),
            ("overdue", "overdue"),
            ("launch", "launch"),
        ]
    )
    out = ['<g class="legend">']
    cursor = 10.0
    for cls, text in items:
        if cls == "report-dot":
            out.append(
                f'<circle class="report-dot" cx="{_num(cursor)}" cy="{_num(y - 4)}" r="4" fill="{STATUS_COLOR["on_track"]}"/>'
            )
        elif cls == "target":
            out.append(f'<path class="target" d="M{_num(cursor)} {_num(y - 10)} l6 6 l-6 6 l-6 -6 z"/>')
        elif cls == "slip-move":
            out.append(
                f'<path class="slip-move" d="M{_num(cursor - 6)} {_num(y - 2)} Q{_num(cursor)} {_num(y - 12)} {_num(cursor + 6)} {_num(y - 2)}" stroke="{LATE}" fill="none"/>'
            )
        elif cls == "overdue":
            out.append(
                f'<line class="overdue" x1="{_num(cursor - 7)}" y1="{_num(y - 4)}" x2="{_num(cursor + 7)}" y2="{_num(y - 4)}"/>'
            )
        else:
            out.append(
                f'<circle class="launch" cx="{_num(cursor)}" cy="{_num(y - 4)}" r="6" stroke="#1565c0"/>'
            )
        out.append(f'<text class="tick" x="{_num(cursor + 12)}" y="{_num(y)}">{_t(text)}</text>')
        cursor += 24 + 7.5 * len(text) * (1.6 if lang == "zh" else 1)
    out.append("</g>")
    return "".join(out)


DEFS = (
    '<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>'
    f'<marker id="arrow-late" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="{LATE}"/></marker>'
    f'<marker id="arrow-early" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="{EARLY}"/></marker>'
    "</defs></svg>"
)
"""Arrow heads shared by every timeline on the page (markers referenced by id)."""
