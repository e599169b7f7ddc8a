"""A synthetic multi-week corpus for benchmarks: a Chinese Notion-style series and an English one.

Projects start, progress (sometimes not at all for weeks), change status, move their targets,
launch, pause or get cancelled; names drift to short forms; incidents and metrics come every week.
Deterministic for a seed, written to be realistic in shape (not in content), never read as gold.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

FIRST_FRIDAY = date(2024, 1, 5)

ZH_NAMES = [
    ("资金归集平台", "资金归集"), ("跨境收单网关", "跨境收单"), ("清结算系统重构", "清结算重构"),
    ("商户风控升级", "商户风控"), ("票据中心建设", "票据中心"), ("分账系统升级", "分账升级"),
    ("对账中心二期", "对账二期"), ("营销券核销中台", "核销中台"), ("银企直连接入", "银企直连"),
    ("数字钱包改造", "钱包改造"), ("发票服务迁移", "发票迁移"), ("同城多活建设", "同城多活"),
]  # fmt: skip
EN_NAMES = [
    ("Observability Pipeline v2", "Obs v2"), ("Kubernetes 1.31 Upgrade", "K8s 1.31"),
    ("Payments Gateway Migration", "Payments Gateway"), ("Search Reindex", "Search Reindex"),
    ("Feature Store", "Feature Store"), ("Cost Explorer Dashboard", "Cost Explorer"),
    ("Secrets Manager Rollout", "Secrets Rollout"), ("Edge Cache Rollout", "Edge Cache"),
    ("CI Runner Autoscaling", "CI Autoscaling"), ("Service Catalog", "Service Catalog"),
    ("Data Retention Policy", "Retention Policy"), ("Identity Federation", "Identity Federation"),
]  # fmt: skip
ZH_STATUS = {"on": "按计划", "risk": "有风险", "off": "延期", "blocked": "受阻"}
EN_STATUS = {"on": "On track", "risk": "At risk", "off": "Off track", "blocked": "Blocked"}


@dataclass
class Project:
    name: str
    short: str
    start: int
    target: date
    progress: int = 0
    health: str = "on"
    state: str = "active"  # active, launched, paused, cancelled, gone
    launched_week: int | None = None
    launched_on: date | None = None
    phase: int = 1

    def label(self, week: int) -> str:
        return self.short if week - self.start > 6 else self.name


def _step(project: Project, rng: random.Random, week: int, friday: date) -> None:
    if project.state != "active":
        if project.state in ("launched", "cancelled") and week - (project.launched_week or week) > 1:
            project.state = "gone"
        return
    roll = rng.random()
    if roll < 0.03:
        project.state = "paused"
        return
    if roll < 0.04:
        project.state, project.launched_week = "cancelled", week
        return
    stalled = rng.random() < 0.25
    project.progress = min(100, project.progress + (0 if stalled else rng.randint(4, 15)))
    project.health = rng.choices(["on", "risk", "off", "blocked"], [0.6, 0.25, 0.1, 0.05])[0]
    if project.health in ("risk", "off") and rng.random() < 0.5:
        project.target += timedelta(weeks=rng.randint(1, 3))
    if project.progress >= 100:
        project.state, project.launched_week = "launched", week
        project.launched_on = friday - timedelta(days=rng.randint(0, 4))
    elif friday > project.target and rng.random() < 0.5:
        project.target = friday + timedelta(weeks=rng.randint(1, 4))


def _zh_report(
    week: int, friday: date, projects: list[Project], rng: random.Random, service: str = "支付网关"
) -> str:
    label = f"第{friday.isocalendar()[1]}周"
    out = [
        f"# {label} {friday.isoformat()}",
        "",
        f"Created: {friday.year}年{friday.month}月{friday.day}日 20:00",
        "",
    ]
    out += [f"# {label} {friday.strftime('%Y/%m/%d')}", "", "## 【重点工作】", ""]
    featured = [p for p in projects if p.state == "active"][:2]
    for p in featured:
        out += [
            f"- 【{p.label(week)}】",
            "本周进展：",
            "    ",
            f"    整体进度{p.progress}%，{ZH_STATUS[p.health]}。",
        ]
        out += ["    ", "    1. 联调问题逐个关闭，剩余若干。", "    2. 灰度方案评审完成。"]
    rate = 99.9 + rng.random() * 0.09
    out += ["", "## 【系统运行数据】", "", "支付成功率：", "", f"- 入金有效成功率：{rate:.3f}%"]
    out += [
        f"- 出金有效成功率：{rate - 0.02:.2f}%",
        f"- 事故数AB级{rng.randint(0, 1)}次，CD级{rng.randint(0, 9)}次",
        "",
    ]
    out += ["## 【O1 业务增长支撑】", ""]
    for p in projects:
        if p.state == "gone":
            continue
        name = p.label(week)
        if p.state == "launched":
            done = p.launched_on or p.target
            out.append(f"- {name}：{done.month}/{done.day}已上线")
        elif p.state == "paused":
            out.append(f"- {name}：项目暂停")
        elif p.state == "cancelled":
            out.append(f"- {name}：需求取消")
        else:
            target = f"预计{p.target.month}/{p.target.day}上线"
            out.append(f"- {name}：{ZH_STATUS[p.health]}，进度{p.progress}%，{target}")
    out += ["", "## 【O3 稳定与效能】", "", "1. 生产稳定性事件："]
    for _ in range(rng.randint(0, 2)):
        day = friday - timedelta(days=rng.randint(0, 6))
        minutes, count = rng.randint(3, 90), rng.randint(10, 5000)
        out += [
            f"- {day.month}/{day.day} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} 监控发现{service}超时，"
            f"持续{minutes}mins，影响{count}笔支付失败，定级{rng.choice('CD')}级",
            "    ",
            "    原因：连接池配置过小",
            "    ",
            "    处置：扩容后恢复",
        ]
    out += ["", "# 下周工作及目标", "", "1. 重点项目联调收尾", "2. 大促容量评估", ""]
    return "\n".join(out)


def _en_report(
    week: int,
    friday: date,
    projects: list[Project],
    rng: random.Random,
    service: str = "checkout API",
    team: str = "Platform",
) -> str:
    out = [f"# {team} Team Weekly — {friday.isoformat()}", "", "## Projects", ""]
    for p in projects:
        if p.state == "gone":
            continue
        status = {"launched": "Launched", "paused": "Paused", "cancelled": "Cancelled"}.get(
            p.state, EN_STATUS[p.health]
        )
        out += [
            f"### {p.label(week)}",
            f"- Status: {status}",
            f"- ETA: {p.target.strftime('%b')} {p.target.day}",
        ]
        out += [f"- % complete: {p.progress}", "- Owner: Sam Lee", "- Notes: steady week.", ""]
    out += ["## Incidents", ""]
    incidents = rng.randint(0, 2)
    for _ in range(incidents):
        day = friday - timedelta(days=rng.randint(0, 6))
        out.append(
            f"- SEV{rng.randint(1, 3)} — {day.isoformat()} {rng.randint(0, 23):02d}:10 UTC, {rng.randint(5, 120)} min: "
            f"{service} returned 503s. Impact: about 1% of requests failed. Cause: quota hit. Fix: quota raised."
        )
    if not incidents:
        out.append("No incidents this week.")
    metric = service.split()[0].lower()
    out += ["", "## Metrics", "", f"- p99 {metric} latency: {rng.randint(280, 450)}ms"]
    out += [f"- error budget: {rng.randint(10, 90)}% left", f"- deploys/week: {rng.randint(15, 40)}", ""]
    out += [
        "## Risks",
        "",
        "- Capacity quota may not cover the next region.",
        "",
        "## Next week",
        "",
        "- Retry.",
    ]
    return "\n".join(out) + "\n"


def _next_phase(project: Project) -> tuple[str, str]:
    """A finished project comes back as its next phase (`票据中心 二期`, `Search Reindex Phase 2`)."""
    number = project.phase + 1
    zh = "\u4e00" <= project.name[0] <= "\u9fff"
    mark = f" {_zh_number(number)}期" if zh else f" Phase {number}"
    strip = re.compile(r" (?:[一二三四五六七八九十]+期|Phase \d+)$")
    return strip.sub("", project.name) + mark, strip.sub("", project.short) + mark


def _zh_number(number: int) -> str:
    """1-99 in Chinese numerals (`二`, `十`, `十二`, `二十三`): a five-year series reaches 十期."""
    digits = "一二三四五六七八九"
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else digits[tens - 1] + "十")
    return head + (digits[ones - 1] if ones else "")


def _zh_phase(name: str) -> int:
    match = re.search(r"([一二三四五六七八九十]+)期$", name)
    if match is None:
        return 0
    for number in range(1, 100):
        if _zh_number(number) == match[1]:
            return number
    return 0


def _simulate(
    names: list[tuple[str, str]], weeks: int, rng: random.Random, resume: bool = False
) -> list[list[Project]]:
    """The project list as it stands in each week's report; with `resume`, a paused project
    resumes or is dropped within weeks (else a long series ends with every project paused)."""
    pool = list(names)
    rng.shuffle(pool)
    active: list[Project] = []
    per_week: list[list[Project]] = []
    for week in range(weeks):
        friday = FIRST_FRIDAY + timedelta(weeks=week)
        while pool and sum(p.state in ("active", "paused") for p in active) < 6:
            name, short = pool.pop()
            phase = int(m[1]) if (m := re.search(r"Phase (\d+)$", name)) else _zh_phase(name)
            target = friday + timedelta(weeks=rng.randint(4, 12))
            active.append(Project(name, short, week, target, phase=phase if name.endswith("期") or m else 1))
        for project in active:
            if resume and project.state == "paused":
                roll = rng.random()
                project.state = "active" if roll < 0.2 else "gone" if roll < 0.3 else "paused"
            _step(project, rng, week, friday)
        # Finished projects return as a next phase: the corpus never empties.
        if not pool and (week % 10 == 9 or resume):
            pool = [_next_phase(p) for p in active if p.state == "gone"][:3]
            active = [p for p in active if p.state != "gone"]
        per_week.append([replace(p) for p in active])
    return per_week


def generate_corpus(out_dir: Path, weeks: int = 52, seed: int = 7) -> list[Path]:
    """Write `weeks` Chinese and `weeks` English weekly reports under out_dir; return their paths."""
    rng = random.Random(seed)
    paths: list[Path] = []
    for folder, names, render in (
        ("payments-zh", ZH_NAMES, _zh_report),
        ("platform-en", EN_NAMES, _en_report),
    ):
        (out_dir / folder).mkdir(parents=True, exist_ok=True)
        for week, projects in enumerate(_simulate(names, weeks, rng)):
            friday = FIRST_FRIDAY + timedelta(weeks=week)
            iso_year, iso_week, _ = friday.isocalendar()
            name = f"{iso_year}-W{iso_week:02d}.md" if folder.endswith("zh") else f"{friday.isoformat()}.md"
            path = out_dir / folder / name
            path.write_text(render(week, friday, projects, rng), encoding="utf-8")
            paths.append(path)
    return paths


# An organisation: teams alternate Chinese and English; each reports on its own projects (a
# team's nouns times a few actions), names an own service in its incidents and metrics.
TEAMS: list[tuple[str, str, str, list[str]]] = [
    ("payments", "zh", "支付网关", ["资金归集", "跨境收单", "清结算", "商户风控", "票据中心", "分账系统", "对账中心", "营销券核销", "银企直连", "数字钱包"]),
    ("platform", "en", "checkout API", ["Edge Cache", "Service Mesh", "CI Runner", "Secrets Manager", "Log Pipeline", "Build Farm", "Container Registry", "DNS Resolver", "Load Balancer", "Config Service"]),
    ("growth", "zh", "活动页服务", ["会员体系", "积分商城", "拉新活动", "推荐算法", "用户画像", "签到系统", "裂变分享", "优惠券平台", "消息触达", "增长看板"]),
    ("mobile", "en", "push gateway", ["Push Notification", "Offline Sync", "App Startup", "Crash Reporting", "Deep Link", "In-App Chat", "Dark Mode", "Release Train", "Feature Flag", "Image Cache"]),
    ("risk", "zh", "风控决策服务", ["反欺诈引擎", "风控决策", "黑名单服务", "设备指纹", "实名认证", "额度管理", "催收系统", "征信接入", "规则平台", "模型监控"]),
    ("data", "en", "ingest API", ["Data Lake", "Feature Store", "Metrics Warehouse", "Stream Processor", "Schema Registry", "Data Catalog", "ETL Scheduler", "Query Engine", "Retention Policy", "Lineage Tracker"]),
    ("merchant", "zh", "商户后台", ["商户入驻", "门店管理", "结算账户", "进件审核", "费率配置", "对公打款", "商户画像", "合同中心", "商户工单", "收银插件"]),
    ("search", "en", "search API", ["Search Index", "Query Parser", "Ranking Model", "Autocomplete", "Spell Checker", "Synonym Service", "Crawl Pipeline", "Relevance Dashboard", "Facet Service", "Vector Search"]),
    ("finance", "zh", "开票服务", ["财务中台", "总账系统", "预算管理", "费用报销", "发票服务", "资金计划", "税务申报", "成本分摊", "应收管理", "报表平台"]),
    ("identity", "en", "login API", ["Identity Federation", "Single Sign-On", "Password Reset", "MFA Enrollment", "Session Store", "Token Service", "Audit Log", "Role Manager", "Consent Service", "Account Recovery"]),
    ("logistics", "zh", "运单服务", ["运单中心", "路由规划", "仓储管理", "配送调度", "电子面单", "退货流程", "运费结算", "司机端", "分拣系统", "轨迹追踪"]),
    ("billing", "en", "invoice API", ["Usage Metering", "Invoice Engine", "Tax Calculation", "Dunning Flow", "Price Catalog", "Credit Notes", "Revenue Reports", "Payment Retries", "Plan Migration", "Billing Portal"]),
    ("customer", "zh", "客服系统", ["智能客服", "工单系统", "知识库", "满意度调研", "坐席排班", "质检平台", "会话存档", "客诉升级", "语音导航", "服务看板"]),
    ("ads", "en", "ad server", ["Bid Optimizer", "Audience Builder", "Creative Review", "Pacing Service", "Attribution Model", "Ads Reporting", "Frequency Capping", "Budget Alerts", "Brand Safety", "Ad Inventory"]),
    ("content", "zh", "内容审核服务", ["内容审核", "敏感词库", "图片识别", "视频转码", "评论系统", "创作者中心", "推荐流", "标签体系", "版权保护", "直播连麦"]),
    ("security", "en", "auth proxy", ["Vulnerability Scanner", "Secrets Rotation", "WAF Rules", "Endpoint Agent", "Access Reviews", "Key Management", "Threat Intel Feed", "Pentest Backlog", "SOC Runbooks", "Phishing Drills"]),
    ("people", "zh", "考勤系统", ["考勤系统", "招聘平台", "绩效管理", "薪酬核算", "入职流程", "培训中心", "组织架构", "员工自助", "假期管理", "人才盘点"]),
    ("devices", "en", "device gateway", ["Firmware Updates", "Device Registry", "Telemetry Ingest", "Fleet Dashboard", "OTA Rollout", "Battery Model", "Sensor Calibration", "Remote Diagnostics", "Provisioning Flow", "Edge Runtime"]),
    ("trade", "zh", "交易核心", ["交易核心", "订单中心", "库存中心", "价格中心", "购物车", "结算页", "退款中心", "履约中心", "促销引擎", "交易快照"]),
    ("ml", "en", "model serving API", ["Model Registry", "Training Pipeline", "Feature Backfill", "Online Inference", "Experiment Tracker", "Labeling Tool", "Drift Monitor", "GPU Scheduler", "Embedding Service", "Eval Harness"]),
]  # fmt: skip
ZH_ACTIONS = ["升级", "迁移", "重构", "建设", "改造", "接入"]
EN_ACTIONS = ["Migration", "Rollout", "Revamp", "Upgrade", "Rewrite", "Hardening"]


def _team_names(nouns: list[str], zh: bool, rng: random.Random) -> list[tuple[str, str]]:
    """Three projects per noun (`资金归集升级`, `Edge Cache Rollout`); the first of a noun drifts
    to the bare noun in later weeks, the others keep their full name."""
    names = []
    for noun in nouns:
        for i, action in enumerate(rng.sample(ZH_ACTIONS if zh else EN_ACTIONS, 3)):
            name = f"{noun}{action}" if zh else f"{noun} {action}"
            names.append((name, noun if i == 0 else name))
    return names


def generate_org_corpus(out_dir: Path, teams: int = 10, weeks: int = 260, seed: int = 7) -> list[Path]:
    """`teams` teams (zh and en alternating, `TEAMS` order) of `weeks` weekly reports each, from
    2024-01-05 on, in folders `<team>-<lang>`; return the paths."""
    if not 1 <= teams <= len(TEAMS):
        raise ValueError(f"teams must be 1-{len(TEAMS)}")
    rng = random.Random(seed)
    paths: list[Path] = []
    for team, lang, service, nouns in TEAMS[:teams]:
        folder = out_dir / f"{team}-{lang}"
        folder.mkdir(parents=True, exist_ok=True)
        zh = lang == "zh"
        for week, projects in enumerate(_simulate(_team_names(nouns, zh, rng), weeks, rng, resume=True)):
            friday = FIRST_FRIDAY + timedelta(weeks=week)
            iso_year, iso_week, _ = friday.isocalendar()
            if zh:
                path = folder / f"{iso_year}-W{iso_week:02d}.md"
                text = _zh_report(week, friday, projects, rng, service=service)
            else:
                path = folder / f"{friday.isoformat()}.md"
                text = _en_report(week, friday, projects, rng, service=service, team=team.title())
            path.write_text(text, encoding="utf-8")
            paths.append(path)
    return paths
