"""The fixed phrases of local answers in Chinese and English, kept apart from the logic."""

from __future__ import annotations

import re
from datetime import date

from index.text.lang import Lang

PHRASES: dict[str, dict[Lang, str]] = {
    "not_covered": {
        "en": "The reports do not cover this{range}. Closest passages:",
        "zh": "周报中没有涉及这个问题{range}。最接近的段落：",
    },
    "reports_end_before": {
        "en": "The reports end on {last}, before {day}: they cannot say how it went. What they last said:",
        "zh": "周报截至 {last}，早于 {day}，无法说明之后的结果。最后的记录：",
    },
    "no_reports": {"en": "No reports are indexed yet.", "zh": "还没有索引任何周报。"},
    "no_reports_in_range": {"en": "No report falls in{range}.", "zh": "{range}没有周报。"},
    "from_reports": {"en": "From the reports{range}: {text}", "zh": "根据周报{range}：{text}"},
    "range": {"en": " ({since} to {until})", "zh": "（{since} 至 {until}）"},
    "range_since": {"en": " (since {since})", "zh": "（{since} 以来）"},
    "range_until": {"en": " (until {until})", "zh": "（截至 {until}）"},
    "slips": {
        "en": "{n} slip(s) in {m} project(s){range}: {names}.",
        "zh": "{range}共有 {m} 个项目出现 {n} 次延期：{names}。",
    },
    "slips_teams": {
        "en": "{n} slip(s) in {m} project(s) across {t} teams{range}: {counts}.",
        "zh": "{range}{t} 个团队共 {m} 个项目出现 {n} 次延期：{counts}。",
    },
    "no_slips": {"en": "The ledger records no slips{range}.", "zh": "{range}台账中没有记录到延期。"},
    "incidents": {"en": "{n} incident(s){range}: {names}.", "zh": "{range}共 {n} 起故障：{names}。"},
    "incidents_teams": {
        "en": "{n} incident(s) across {t} teams{range}: {counts}.",
        "zh": "{range}{t} 个团队共 {n} 起故障：{counts}。",
    },
    "no_incidents": {"en": "The ledger records no incidents{range}.", "zh": "{range}台账中没有记录到故障。"},
    "status": {
        "en": "{project} (latest report {week}): {facts}.",
        "zh": "{project}（最新 {week}）：{facts}。",
    },
    "progress": {"en": "progress {value}", "zh": "进度 {value}"},
    "target": {"en": "target {value}", "zh": "目标 {value}"},
    "state": {"en": "status {value}", "zh": "状态 {value}"},
    "metric": {
        "en": "{name}: {first} ({first_week}) → {last} ({last_week}), change {delta}.",
        "zh": "{name}：{first}（{first_week}）→ {last}（{last_week}），变化 {delta}。",
    },
    "changes": {
        "en": "Changes from {a} to {b}: {parts}.",
        "zh": "{a} 到 {b} 的变化：{parts}。",
    },
    "changes_teams": {
        "en": "Each team's latest report against the one before it, {t} teams: {counts}.",
        "zh": "{t} 个团队各自最新一期与上一期相比：{counts}。",
    },
    "no_changes": {"en": "No recorded changes from {a} to {b}.", "zh": "{a} 到 {b} 没有记录到变化。"},
    "slip_kind": {"en": "{kind}", "zh": "{kind}"},
    "launches": {
        "en": "{n} project(s) launched{range}: {names}; {late} late.",
        "zh": "{range}共 {n} 个项目上线：{names}；其中 {late} 个晚于目标。",
    },
    "launches_teams": {
        "en": "{n} project(s) launched across {t} teams{range}: {counts}; {late} late.",
        "zh": "{range}{t} 个团队共 {n} 个项目上线：{counts}；其中 {late} 个晚于目标。",
    },
    "no_launches": {"en": "The ledger records no launches{range}.", "zh": "{range}台账中没有记录到上线。"},
    "stopped": {
        "en": "{n} project(s) paused or cancelled{range}: {names}.",
        "zh": "{range}共 {n} 个项目暂停或取消：{names}。",
    },
    "stopped_teams": {
        "en": "{n} project(s) paused or cancelled across {t} teams{range}: {counts}.",
        "zh": "{range}{t} 个团队共 {n} 个项目暂停或取消：{counts}。",
    },
    "no_stopped": {
        "en": "The ledger records no paused or cancelled project{range}.",
        "zh": "{range}台账中没有记录到暂停或取消的项目。",
    },
    "summary": {
        "en": "{reports}{range}: {launches} launch(es), {slips} slip(s), {stopped} paused or cancelled, "
        "{incidents} incident(s); {projects} project(s) reported.",
        "zh": "{reports}{range}：上线 {launches} 个，延期 {slips} 次，暂停或取消 {stopped} 个，故障 {incidents} 起；"
        "共汇报 {projects} 个项目。",
    },
    "risks": {
        "en": "{n} risk(s) raised and {m} project(s) at risk, off track or blocked{range}: {names}.",
        "zh": "{range}共 {n} 条风险，{m} 个项目有风险、偏离或受阻：{names}。",
    },
    "launched": {"en": "launched {when} ({verdict})", "zh": "{when} 上线（{verdict}）"},
}

VERDICTS_EN = {"early": "early", "on_time": "on time", "late": "late", "no_target": "no target stated"}
VERDICTS_ZH = {"early": "提前", "on_time": "按期", "late": "晚于目标", "no_target": "未写目标"}

SLIP_KINDS_ZH = {
    "date_moved": "目标日期推迟",
    "overdue": "逾期",
    "status_downgrade": "状态下调",
    "stalled": "停滞",
}
SLIP_KINDS_EN = {
    "date_moved": "target moved",
    "overdue": "overdue",
    "status_downgrade": "status downgraded",
    "stalled": "stalled",
}


def say(key: str, lang: Lang, **values: object) -> str:
    return PHRASES[key][lang].format(**values)


def join(items: list[str], lang: Lang) -> str:
    return ("、" if lang == "zh" else ", ").join(items)


def range_text(since: str | None, until: str | None, lang: Lang) -> str:
    if since and until:
        if since == until:
            return f"（{since}）" if lang == "zh" else f" ({since})"
        return say("range", lang, since=since, until=until)
    if since:
        return say("range_since", lang, since=since)
    if until:
        return say("range_until", lang, until=until)
    return ""


_HAS_DIGIT = re.compile(r"\d")


def dated(when_text: str | None, when: date | None, lang: Lang) -> str | None:
    """A time as written, with its calendar day when the writing names none ("Tuesday" ->
    "Tuesday 25 March"): a weekday alone means nothing in a list across weeks and teams."""
    if when is None or not when_text:
        return when.isoformat() if when else when_text
    if _HAS_DIGIT.search(when_text):
        return when_text
    day = f"{when.month}月{when.day}日" if lang == "zh" else f"{when.day} {when:%B}"
    return f"{when_text} {day}"
