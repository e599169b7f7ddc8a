"""What every chat target shows, in the digest's language; each target only adds its own markup.

A digest lists its sections in a fixed order (highlights, slips, incidents), skips empty ones,
and caps each at `max_items` with a visible "… N more" line: a group chat is a place for the
top of the list, the full report for the rest.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.publish.message import DigestItem, DigestMessage


@dataclass(frozen=True)
class Labels:
    highlights: str
    slips: str
    incidents: str
    full_report: str
    engine: str
    colon: str  # ": " in English, a full-width "：" in Chinese
    more: str  # "{n}" is the number of items not shown
    more_in_report: str
    truncated: str  # closes a message cut to fit, before the link to the full report


LABELS: dict[str, Labels] = {
    "en": Labels(
        highlights="Highlights",
        slips="Slips",
        incidents="Incidents",
        full_report="Full report",
        engine="engine",
        colon=": ",
        more="… {n} more",
        more_in_report="… {n} more in the full report",
        truncated="… the digest is longer than one message allows; the rest is in the full report",
    ),
    "zh": Labels(
        highlights="本周亮点",
        slips="延期",
        incidents="线上问题",
        full_report="完整报告",
        engine="引擎",
        colon="：",
        more="……另有 {n} 条",
        more_in_report="……另有 {n} 条，见完整报告",
        truncated="……内容超出单条消息上限，其余内容见完整报告",
    ),
}


@dataclass(frozen=True)
class Section:
    """One non-empty list of a digest, already capped."""

    key: str
    label: str
    items: list[DigestItem]
    hidden: int  # items left out by the cap
    more: str | None  # the line that says so, in the digest's language


def labels(message: DigestMessage) -> Labels:
    return LABELS[message.lang]


def sections(message: DigestMessage, max_items: int | None = None) -> list[Section]:
    """The digest's non-empty sections in display order, each capped at `max_items`."""
    words = labels(message)
    out: list[Section] = []
    for key, label, items in (
        ("highlights", words.highlights, message.highlights),
        ("slips", words.slips, message.slips),
        ("incidents", words.incidents, message.incidents),
    ):
        if not items:
            continue
        shown = items if max_items is None else items[:max_items]
        hidden = len(items) - len(shown)
        template = words.more_in_report if message.report_url else words.more
        out.append(Section(key, label, list(shown), hidden, template.format(n=hidden) if hidden else None))
    return out


def citation(item: DigestItem) -> str | None:
    """Where an item comes from: its source span, else its week."""
    return item.source or item.week


def plain_item(item: DigestItem) -> str:
    """`text (source)`: the item as one line of plain text or Markdown."""
    cite = citation(item)
    return f"{item.text} ({cite})" if cite else item.text


def is_link(url: str | None) -> bool:
    """True for an http(s) URL a chat client can open; a file path is shown as text instead."""
    return url is not None and url.lower().startswith(("http://", "https://"))


def markdown_link(message: DigestMessage) -> str | None:
    """The full-report line in common Markdown: a link, or the path as text."""
    if not message.report_url:
        return None
    words = labels(message)
    if is_link(message.report_url):
        return f"[{words.full_report}]({message.report_url})"
    return path_line(message)


def path_line(message: DigestMessage) -> str:
    """The full report as text (for a path a chat client cannot open)."""
    words = labels(message)
    return f"{words.full_report}{words.colon}{message.report_url}"


def engine_line(message: DigestMessage) -> str:
    words = labels(message)
    return f"{words.engine}{words.colon}{message.engine}"
