"""English question words and the Chinese words a report writes for them.

A bilingual team's executive asks in English about a team that writes Chinese: "How did the T-Box
online rate develop?" of `T-Box 在线率（7日均值） 98.4%`. No English word of the question is in that
line, so the passage looked unrelated and the answer was refused. Each word here names the things
status reports measure and tell (rates, incidents, launches, delays); a line writing its Chinese
counterpart says it (a synonym for `coverage`), and a Chinese series can write it (`engines.local.engine._writable`).
Only words a report would write as a metric or a status, never function words.
"""

from __future__ import annotations

from index.lexical import tokenize

_ZH_OF_EN: dict[str, tuple[str, ...]] = {
    "online": ("在线",),
    "offline": ("离线",),
    "availability": ("可用性", "可用率"),
    "uptime": ("可用性", "可用率", "在线率"),
    "success": ("成功率", "成功"),
    "failure": ("失败", "故障"),
    "failures": ("失败", "故障"),
    "latency": ("延迟", "时延", "耗时"),
    "error": ("错误", "报错"),
    "errors": ("错误", "报错"),
    "crash": ("崩溃",),
    "crashes": ("崩溃",),
    "conversion": ("转化",),
    "retention": ("留存",),
    "accuracy": ("准确率",),
    "coverage": ("覆盖率",),
    "utilization": ("利用率",),
    "utilisation": ("利用率",),
    "yield": ("良率",),
    "throughput": ("吞吐",),
    "incident": ("故障", "事故"),
    "incidents": ("故障", "事故"),
    "outage": ("故障", "宕机", "中断"),
    "outages": ("故障", "宕机", "中断"),
    "launch": ("上线", "发布"),
    "launched": ("上线", "发布"),
    "release": ("发布", "发版"),
    "released": ("发布", "发版"),
    "delay": ("延期", "推迟", "顺延"),
    "delayed": ("延期", "推迟", "顺延"),
    "slipped": ("延期", "推迟", "顺延"),
    "risk": ("风险",),
    "risks": ("风险",),
    "blocked": ("受阻", "阻塞"),
    "paused": ("暂停",),
    "cancelled": ("取消",),
    "canceled": ("取消",),
    "progress": ("进度",),
    "budget": ("预算",),
    "cost": ("成本", "费用"),
    "revenue": ("收入", "营收"),
    "complaints": ("客诉", "投诉"),
    "tickets": ("工单",),
    "users": ("用户",),
    "orders": ("订单",),
    "merchants": ("商户", "商家"),
    "stores": ("门店",),
    "devices": ("设备",),
    "vehicles": ("车辆",),
    "migration": ("迁移",),
    "upgrade": ("升级",),
    "rollout": ("灰度", "推广", "上线"),
    "pilot": ("试点",),
    "testing": ("测试",),
    "acceptance": ("验收",),
    "cutover": ("切换", "割接"),
}


def chinese_synonyms(terms: list[str]) -> dict[str, tuple[str, ...]]:
    """Each English term with Chinese counterparts -> those, as the tokens `coverage` looks for."""
    return {
        term: tuple(" ".join(tokenize(word)) for word in _ZH_OF_EN[term])
        for term in terms
        if term in _ZH_OF_EN
    }


def has_chinese(term: str) -> bool:
    """A Chinese series can write this English term in its own words."""
    return term in _ZH_OF_EN
