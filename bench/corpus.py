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


def _zh_report(week: int, friday: date, projects: list[Project], rng: random.Random) -> str:
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
            f"- {day.month}/{day.day} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} 监控发现支付网关超时，"
            f"持续{minutes}mins，影响{count}笔支付失败，定级{rng.choice('CD')}级",
            "    ",
            "    原因：连接池配置过小",
            "    ",
            "    处置：扩容后恢复",
        ]
    out += ["", "# 下周工作及目标", "", "1. 重点项目联调收尾", "2. 大促容量评估", ""]
    return "\n".join(out)


def _en_report(week: int, friday: date, projects: list[Project], rng: random.Random) -> str:
    out = [f"# Platform Team Weekly — {friday.isoformat()}", "", "## Projects", ""]
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
            "checkout API returned 503s. Impact: about 1% of requests failed. Cause: quota hit. Fix: quota raised."
        )
    if not incidents:
        out.append("No incidents this week.")
    out += ["", "## Metrics", "", f"- p99 checkout latency: {rng.randint(280, 450)}ms"]
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
    mark = f" {'一二三四五六七八九'[number - 1]}期" if zh else f" Phase {number}"
    strip = re.compile(r" (?:[一二三四五六七八九]期|Phase \d+)$")
    return strip.sub("", project.name) + mark, strip.sub("", project.short) + mark


def _simulate(names: list[tuple[str, str]], weeks: int, rng: random.Random) -> list[list[Project]]:
    """The project list as it stands in each week's report."""
    pool = list(names)
    rng.shuffle(pool)
    active: list[Project] = []
    per_week: list[list[Project]] = []
    for week in range(weeks):
        friday = FIRST_FRIDAY + timedelta(weeks=week)
        while pool and sum(p.state in ("active", "paused") for p in active) < 6:
            name, short = pool.pop()
            phase = (
                int(m[1])
                if (m := re.search(r"Phase (\d)$", name))
                else 1 + "一二三四五六七八九".find(name[-2])
            )
            target = friday + timedelta(weeks=rng.randint(4, 12))
            active.append(Project(name, short, week, target, phase=phase if name.endswith("期") or m else 1))
        for project in active:
            _step(project, rng, week, friday)
        if not pool and week % 10 == 9:  # finished projects return as a next phase: the corpus never empties
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
