"""A report's own status words, declared in its legend.

Teams invent their scales: a newsroom writes `ON DEADLINE` / `TIGHT` / `LATE` / `HOLD` / `SPIKED`, a
programme office `Green-ish`, a factory `正常推进` / `盯紧`. A report that defines them in a legend
(`KEY: ON DEADLINE = on track / TIGHT = at risk / LATE = off track`, continued on indented lines)
is read with them: `signals.field_status` consults the words while its report is read
(`signals.reading_status_words`, set by `extract`). A legend's meanings are read with the common
vocabulary; a word the legend leaves out keeps its common meaning.
"""

from __future__ import annotations

import re

from index.ledger.signals import field_status
from index.models import Report
from index.schemas import ProjectStatus

_LEGEND_LINE = re.compile(
    r"^\W*(?:key|legend|status key|rag key|status legend|图例|状态说明|状态图例|灯号说明)\s*[:：]\s*(?P<body>.*)$",
    re.I,
)
# `TIGHT = at risk`, `HOLD=paused`: a word (or a few), an equals sign, what it means.
_ENTRY = re.compile(r"(?P<word>[^\s=/|,;，；][^=/|,;，；]{0,24}?)\s*[=＝]\s*(?P<meaning>[^=/|,;，；]{1,30})")
_LEGEND_LINES = 60  # a legend stands in a report's head, before its news
_CONTINUATION = 3
_MIN_WORDS = 2


def read_status_words(report: Report) -> dict[str, ProjectStatus]:
    """The legend's words (folded to lower case) and the status each stands for; empty without one."""
    lines = [text for _, text in report.lines[:_LEGEND_LINES]]
    for index, raw in enumerate(lines):
        match = _LEGEND_LINE.match(raw.strip())
        if match is None:
            continue
        body = match["body"]
        for more in lines[index + 1 : index + 1 + _CONTINUATION]:
            if not more[:1].isspace() or "=" not in more:
                break
            body += " / " + more.strip()
        words: dict[str, ProjectStatus] = {}
        for entry in _ENTRY.finditer(body):
            status = field_status(entry["meaning"].strip())
            if status is not None:
                words[entry["word"].strip(" *_`").casefold()] = status
        if len(words) >= _MIN_WORDS:
            return words
    return {}
