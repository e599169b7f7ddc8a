"""Section titles and small words of the rendered outputs, in Chinese and English."""

from __future__ import annotations

from index.text.lang import Lang

LABELS: dict[str, dict[Lang, str]] = {
    "summary": {"en": "Executive summary", "zh": "周报摘要"},
    "rollup": {"en": "Roll-up", "zh": "阶段汇总"},
    "register": {"en": "Risk register", "zh": "风险台账"},
    "highlights": {"en": "Highlights", "zh": "本期要点"},
    "changes": {"en": "What changed", "zh": "本期变化"},
    "changes_since": {"en": "What changed since {week}", "zh": "较{week}的变化"},
    "projects": {"en": "Projects", "zh": "项目进展"},
    "risks": {"en": "Risks and incidents", "zh": "风险与事故"},
    "metrics": {"en": "Metrics, week over week", "zh": "指标（环比）"},
    "decisions": {"en": "Decisions and asks", "zh": "决策与求助"},
    "next_week": {"en": "Next week", "zh": "下周计划"},
    "plan_vs_actual": {"en": "Last week's plan vs actual", "zh": "上期计划完成情况"},
    "outcomes": {"en": "Project outcomes", "zh": "项目结果"},
    "incidents": {"en": "Incidents", "zh": "事故"},
    "by_severity": {"en": "Incidents by severity", "zh": "事故分级统计"},
    "trends": {"en": "Metric trends", "zh": "指标趋势"},
    "weeks": {"en": "Week by week", "zh": "逐周要点"},
    "timeline": {"en": "Project timeline: targets and slips", "zh": "项目时间线：目标与延期"},
    "engine": {"en": "engine", "zh": "引擎"},
    "dropped": {"en": "dropped {n} unverified", "zh": "丢弃未核验 {n} 条"},
    "verified": {"en": "{n} citations verified", "zh": "{n} 条引用已核验"},
    "none": {"en": "none", "zh": "无"},
    "ungraded": {"en": "ungraded", "zh": "未定级"},
    "first_seen": {"en": "first seen", "zh": "首次"},
    "last_seen": {"en": "last seen", "zh": "最近"},
    "owner": {"en": "owner", "zh": "负责人"},
    "status": {"en": "status", "zh": "状态"},
    "severity": {"en": "severity", "zh": "级别"},
    "category": {"en": "category", "zh": "类别"},
    "project": {"en": "project", "zh": "项目"},
    "outcome": {"en": "outcome", "zh": "结果"},
    "slip_days": {"en": "slip days", "zh": "延期天数"},
    "count": {"en": "count", "zh": "数量"},
    "week": {"en": "week", "zh": "周"},
    "headline": {"en": "headline", "zh": "摘要"},
    "risk": {"en": "risk", "zh": "风险"},
    "history": {"en": "history", "zh": "历程"},
    "metric": {"en": "metric", "zh": "指标"},
    "first": {"en": "first", "zh": "期初"},
    "last": {"en": "last", "zh": "期末"},
    "range": {"en": "range", "zh": "区间"},
    "note": {"en": "note", "zh": "说明"},
    "merged": {
        "en": "merged from {n} entries the writer judged the same risk",
        "zh": "由{n}条同一风险的记录合并",
    },
}
WORDS: dict[Lang, dict[str, str]] = {
    "en": {
        "open": "open", "mitigated": "mitigated", "resolved": "resolved", "critical": "critical", "high": "high",
        "medium": "medium", "low": "low", "stated": "stated", "blocker": "blocker", "ask": "ask",
        "schedule": "schedule", "incident": "incident", "launched_early": "launched early",
        "launched_on_time": "launched on time", "launched_late": "launched late",
        "launched_no_target": "launched (no target)", "paused": "paused", "cancelled": "cancelled",
        "done": "done", "progressed": "progressed", "slipped": "slipped", "not_reported": "not reported",
    },
    "zh": {
        "open": "未解决", "mitigated": "已缓解", "resolved": "已解决", "critical": "严重", "high": "高",
        "medium": "中", "low": "低", "stated": "已提出", "blocker": "阻塞", "ask": "求助", "schedule": "进度",
        "incident": "事故", "launched_early": "提前上线", "launched_on_time": "按期上线",
        "launched_late": "延期上线", "launched_no_target": "上线（无目标）", "paused": "暂停", "cancelled": "取消",
        "done": "已完成", "progressed": "有进展", "slipped": "未按计划", "not_reported": "未提及",
    },
}  # fmt: skip
WORDS["en"]["open_outcome"] = "open"
WORDS["zh"]["open_outcome"] = "进行中"


def label(key: str, lang: Lang, **values: object) -> str:
    return LABELS[key][lang].format(**values)


def word(key: str | None, lang: Lang) -> str:
    if key is None:
        return LABELS["ungraded"][lang]
    return WORDS[lang].get(key, key)
