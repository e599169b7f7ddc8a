"""The fixed zh/en phrases of summaries and how dates, values and lengths are written.

Summaries keep the reports' own words (a reader checks them against the cited line at a glance)
and add only these connecting phrases, in the summary's language. Verdict and slip-kind words
are the ones `ask` uses (`facts.phrases`), so a launch reads the same in both places.
"""

from __future__ import annotations

import datetime as dt
import re

from index.text.cjk import han_count
from index.text.lang import Lang
from summarizer.facts.common import fmt_value
from summarizer.facts.phrases import VERDICTS_EN, VERDICTS_ZH
from summarizer.schemas import HEADLINE_HAN, HEADLINE_WORDS

PHRASES: dict[str, dict[Lang, str]] = {
    "launched": {
        "en": "{name} launched {date} ({verdict}{target})",
        "zh": "{name}于{date}上线（{verdict}{target}）",
    },
    "target_part": {"en": " against {target}", "zh": "，目标{target}"},
    "date_moved": {
        "en": "target moved {a} → {b} ({days:+d} days)",
        "zh": "上线时间推迟：{a}→{b}（{days:+d}天）",
    },
    "overdue": {"en": "overdue: due {a}, not done by {b}", "zh": "已逾期：原定{a}，截至{b}未完成"},
    "status_downgrade": {"en": "status downgraded: {a} → {b}", "zh": "状态下调：{a}→{b}"},
    "stalled": {"en": "stalled at {a} for {n} reports", "zh": "进度连续{n}期停在{a}"},
    "paused": {"en": "{name} paused", "zh": "{name}暂停"},
    "cancelled": {"en": "{name} cancelled", "zh": "{name}取消"},
    "new_project": {"en": "New: {name}", "zh": "新项目：{name}"},
    "moved": {"en": "target {a} → {b}", "zh": "目标{a}→{b}"},
    "status_change": {"en": "status {a} → {b}", "zh": "状态{a}→{b}"},
    "progress_change": {"en": "progress {a} → {b}", "zh": "进度{a}→{b}"},
    "first_mention": {"en": "first report", "zh": "首次出现"},
    "metric": {"en": "{name} {value}", "zh": "{name} {value}"},
    "metric_change": {"en": " (last report {prev}, {delta})", "zh": "（上期 {prev}，{delta}）"},
    "metric_same": {"en": " (unchanged)", "zh": "（持平）"},
    "new_low": {"en": "; lowest so far", "zh": "，为有记录以来最低"},
    "new_high": {"en": "; highest so far", "zh": "，为有记录以来最高"},
    "big_move": {"en": "; an unusually large move", "zh": "，变动幅度异常"},
    "plan_check": {"en": "{plan} → {outcome}", "zh": "{plan} → {outcome}"},
    "first": {"en": "first report, {n} projects tracked", "zh": "首期周报，跟踪{n}个项目"},
    "quiet": {
        "en": "{label}: a quiet week; {n} project(s) reported, nothing slipped.",
        "zh": "{label}：整体平稳，汇报{n}个项目，无延期。",
    },
    "no_incidents": {"en": "No incidents this week.", "zh": "本周无线上事故。"},
    "since": {"en": "raised {week}", "zh": "{week}首次提出"},
    "short_date_moved": {"en": "{name} moved to {b}", "zh": "{name}推迟至{b}"},
    "short_overdue": {"en": "{name} overdue (due {a})", "zh": "{name}逾期（原定{a}）"},
    "short_status_downgrade": {"en": "{name} now {b}", "zh": "{name}{b}"},
    "short_stalled": {"en": "{name} stalled at {a}", "zh": "{name}停滞在{a}"},
    "short_launched": {"en": "{name} launched {date} ({verdict})", "zh": "{name}{date}上线（{verdict}）"},
    "short_state": {"en": "{name} {state}", "zh": "{name}{state}"},
    "short_new": {"en": "new project {name}", "zh": "新项目{name}"},
    "rollup_lead": {"en": "{name} {since}–{until} ({n} reports)", "zh": "{name} {since}至{until}（{n}期）"},
    "rollup_launched": {"en": "{n} launched{late}", "zh": "上线{n}个{late}"},
    "rollup_late": {"en": " ({n} late)", "zh": "（{n}个晚于目标）"},
    "rollup_slipped": {"en": "{n} slipped by {days} days in total", "zh": "{n}个项目延期，累计{days}天"},
    "rollup_incidents": {"en": "{n} incidents (worst {worst})", "zh": "事故{n}起（最高{worst}）"},
    "rollup_trend": {"en": "{name} {first} → {last}", "zh": "{name}{first}→{last}"},
    "register": {
        "en": "{open} open, {mitigated} mitigated, {resolved} resolved{top}.",
        "zh": "未解决{open}项，已缓解{mitigated}项，已解决{resolved}项{top}。",
    },
    "register_top": {"en": "; most severe open: {title}", "zh": "；最需关注：{title}"},
}
STATUS_WORDS: dict[Lang, dict[str, str]] = {
    "en": {"open": "open", "mitigated": "mitigated", "resolved": "resolved"},
    "zh": {"open": "未解决", "mitigated": "已缓解", "resolved": "已解决"},
}
OUTCOMES: dict[Lang, dict[str, str]] = {
    "en": {"done": "done", "progressed": "progressed", "slipped": "slipped", "not_reported": "not reported"},
    "zh": {"done": "已完成", "progressed": "有进展", "slipped": "未按计划", "not_reported": "本期未提及"},
}
SEPARATOR: dict[Lang, str] = {"en": "; ", "zh": "；"}
COLON: dict[Lang, str] = {"en": ": ", "zh": "："}
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_EN_WORD = re.compile(r"[A-Za-z0-9][\w'’.,/%-]*")


def say(key: str, lang: Lang, **values: object) -> str:
    return PHRASES[key][lang].format(**values)


def verdict(word: str, lang: Lang) -> str:
    return (VERDICTS_ZH if lang == "zh" else VERDICTS_EN)[word]


def day(value: dt.date | str | None, lang: Lang, ref: dt.date | None = None) -> str:
    """A date the way the reports write it: 12/24 (zh) or Dec 24 (en); the year only when it
    differs from the reference date's."""
    if value is None:
        return "?"
    if isinstance(value, str):
        try:
            parsed = dt.date.fromisoformat(value)
        except ValueError:
            return value
        return day(parsed, lang, ref)
    show_year = ref is not None and value.year != ref.year
    if lang == "zh":
        return f"{value.year}/{value.month}/{value.day}" if show_year else f"{value.month}/{value.day}"
    text = f"{_MONTHS[value.month - 1]} {value.day}"
    return f"{text}, {value.year}" if show_year else text


def value(number: float, unit: str, qualifier: str | None = None) -> str:
    """99.98%, 412ms, 18% left, 668 分: `ask`'s notation, with a unit like "% left" kept tight."""
    text = f"{number:g}{unit}" if unit.startswith("%") else fmt_value(number, unit)
    return f"{text} {qualifier}" if qualifier and qualifier not in unit else text


def delta(number: float, unit: str) -> str:
    """+0.02pp for percentages, +23ms, -1 for plain counts."""
    text = f"{number:+.4g}"
    if unit.startswith("%"):
        return text + "pp"
    return text + unit if unit in ("ms", "s") else f"{text}{(' ' + unit) if unit else ''}"


def length(text: str, lang: Lang) -> int:
    """Characters for Chinese, words for English: the unit a headline limit counts."""
    return len(text) if lang == "zh" else len(_EN_WORD.findall(text))


def limit(lang: Lang) -> int:
    return HEADLINE_HAN if lang == "zh" else HEADLINE_WORDS


def fits(text: str, lang: Lang, words: int = HEADLINE_WORDS, chars: int = HEADLINE_HAN) -> bool:
    """Within the headline limit (or another one); a Chinese headline may be written in English
    words too."""
    if lang == "zh" and han_count(text) < len(text) // 3:
        return length(text, "en") <= words
    return length(text, lang) <= (chars if lang == "zh" else words)


def clip(text: str, lang: Lang, words: int = 10, chars: int = 30) -> str:
    """A headline part: whole when short, else its first words with an ellipsis."""
    text = text.strip().rstrip("。.；;")
    if lang == "zh" and han_count(text) >= len(text) // 3:
        return text if len(text) <= chars else text[: chars - 1] + "…"
    found = _EN_WORD.findall(text)
    if len(found) <= words:
        return text
    end = [m.end() for m in _EN_WORD.finditer(text)][words - 1]
    return text[:end].rstrip(",;:") + "…"


def compose(lead: str, parts: list[str], lang: Lang) -> str:
    """`lead：part1；part2。` with as many parts as fit the headline limit (at least the lead)."""
    end = "。" if lang == "zh" else "."
    chosen: list[str] = []
    parts = [p.strip().rstrip("。.；;") for p in parts]
    for part in parts:
        candidate = lead + COLON[lang] + SEPARATOR[lang].join([*chosen, part]) + end
        if fits(candidate, lang):
            chosen.append(part)
    if not chosen:
        return lead + end
    body = SEPARATOR[lang].join(chosen)
    return lead + COLON[lang] + body + ("" if body.endswith("…") else end)
