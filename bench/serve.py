"""Benchmark `summarizer serve`: `/api/ask` latency under 8 concurrent clients, and the server's RSS.

Run: `.venv/bin/python -m bench.serve` (prints the table and rewrites `## Serve` in RESULTS.md;
`--no-write` only prints). The example reports are ingested into `.data/bench-serve` (unchanged
files are skipped on reruns); the server runs as its own process (`summarizer serve`, local
engine) on a free loopback port, so its RSS is the server's alone. Each of 8 client threads
asks ten questions (slips, status, risks, incidents, metrics, an unanswerable one; Chinese and
English) in its own order, over one keep-alive connection, after each was asked once untimed;
latency is measured at the client, from request to the last byte of the JSON answer.
"""

from __future__ import annotations

import os
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.machine import describe, replace_section

ROOT = Path(__file__).resolve().parents[1]
HOME = ROOT / ".data" / "bench-serve"
CLIENTS = 8
ROUNDS = 5  # each client asks every question this many times
QUESTIONS = [
    "which projects slipped?",
    "哪些项目延期了？",
    "What incidents happened in May?",
    "对账中心二期进展如何？",
    "How is the Checkout API Gateway Migration going?",
    "最近有什么风险？",
    "What changed compared to last week?",
    "Who owns the Secrets Manager Rollout?",
    "支付成功率的趋势如何？",
    "公司股价是多少？",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def rss_mb(pid: int) -> tuple[float, float]:
    """(current, peak) resident set size of a process, in MB, from /proc."""
    status = Path(f"/proc/{pid}/status").read_text()
    kb = {key: int(value.split()[0]) for key, value in re.findall(r"^(VmRSS|VmHWM):\s+(.+)$", status, re.M)}
    return kb["VmRSS"] / 1024, kb["VmHWM"] / 1024


def ingest() -> None:
    from summarizer.config import load_settings
    from summarizer.pipelines.ingest import ingest_paths
    from summarizer.workspace import Workspace

    workspace = Workspace(load_settings(overrides={"home": HOME}, environ={}))
    ingest_paths(workspace, [ROOT / "examples" / "reports"])


def client(base: str, seed: int, out: list[float], errors: list[str]) -> None:
    order = QUESTIONS * ROUNDS
    random.Random(seed).shuffle(order)
    with httpx.Client(base_url=base, timeout=120) as http:
        for question in order:
            started = time.perf_counter()
            response = http.get("/api/ask", params={"q": question})
            response.json()
            out.append(time.perf_counter() - started)
            if response.status_code != 200:
                errors.append(f"{response.status_code} {question}")


def run() -> dict[str, float | int | str]:
    ingest()
    port = free_port()
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    env.pop("OPENAI_API_KEY", None)
    started = time.perf_counter()
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from summarizer.cli import main; main()",
            "serve",
            "--index",
            str(HOME),
            "--port",
            str(port),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=120) as http:
            while True:
                try:
                    http.get("/api/status").raise_for_status()
                    break
                except httpx.TransportError:
                    if server.poll() is not None or time.perf_counter() - started > 120:
                        raise RuntimeError("server did not start: " + server.stderr.read().decode()) from None
                    time.sleep(0.1)
            ready = time.perf_counter() - started
            first = time.perf_counter()
            http.get("/api/ask", params={"q": QUESTIONS[0]}).raise_for_status()  # waits for the warm-up
            first_answer = time.perf_counter() - first
            idle_rss, _ = rss_mb(server.pid)
            # Each question once, untimed: the first of a kind builds views (the register, a
            # series' facts) that every later question reuses; the figures are the warm server.
            for question in QUESTIONS:
                http.get("/api/ask", params={"q": question}).raise_for_status()
            # One client alone, for the floor the concurrent figures compare against.
            alone: list[float] = []
            client(base, 0, alone, [])
        latencies: list[float] = []
        errors: list[str] = []
        threads = [
            threading.Thread(target=client, args=(base, seed, latencies, errors))
            for seed in range(1, CLIENTS + 1)
        ]
        wall = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - wall
        rss, peak = rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    quantiles = statistics.quantiles(latencies, n=100)
    alone_q = statistics.quantiles(alone, n=100)
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "p50": quantiles[49] * 1000,
        "p95": quantiles[94] * 1000,
        "max": max(latencies) * 1000,
        "alone_p50": alone_q[49] * 1000,
        "alone_p95": alone_q[94] * 1000,
        "throughput": len(latencies) / wall,
        "ready": ready,
        "first": first_answer * 1000,
        "idle_rss": idle_rss,
        "rss": rss,
        "peak": peak,
    }


def render(r: dict[str, float | int | str]) -> str:
    rows = [
        (
            f"`/api/ask` p50 / p95 / max, {CLIENTS} concurrent clients ({r['requests']} requests, {r['errors']} errors)",
            f"{r['p50']:.0f} / {r['p95']:.0f} / {r['max']:.0f} ms",
        ),
        ("`/api/ask` p50 / p95, one client alone", f"{r['alone_p50']:.0f} / {r['alone_p95']:.0f} ms"),
        ("throughput under 8 clients", f"{r['throughput']:.0f} answers/s"),
        ("process start to first `/api/status` answer", f"{r['ready']:.1f} s"),
        ("first `/api/ask` (waits for the warm-up: ledger, model, engine)", f"{r['first']:.0f} ms"),
        (
            "server RSS after the first answer / after the run / peak",
            f"{r['idle_rss']:.0f} / {r['rss']:.0f} / {r['peak']:.0f} MB",
        ),
    ]
    return "\n".join(
        [
            "## Serve",
            "",
            f"Machine: {describe()}; load average {os.getloadavg()[0]:.1f} when measured.",
            "Index: examples/reports (22 reports, 199 chunks), local engine, dense search. "
            f"Run: `.venv/bin/python -m bench.serve` ({CLIENTS} client threads x {len(QUESTIONS)} questions x {ROUNDS}).",
            "",
            "| measure | result |",
            "|---|---|",
            *(f"| {a} | {b} |" for a, b in rows),
            "",
            "Every request runs on the server's one worker thread (the ledger's SQLite handle belongs to",
            "the thread that opened it), so under 8 clients a request waits for the ones ahead of it:",
            "p50 under load is about the single-client latency times the queue length. More throughput is",
            "more `serve` processes over the same data directory (readers share it).",
            "",
        ]
    )


def write_results(section: str) -> None:
    """Replace the `## Serve` section of RESULTS.md (or append it), leaving the others alone."""
    replace_section(section)


def main() -> None:
    section = render(run())
    print(section)
    if "--no-write" not in sys.argv:
        write_results(section)


if __name__ == "__main__":
    main()
