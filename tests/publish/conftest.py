"""Fixtures: one loopback receiver per module, a fake clock whose sleep only advances time,
publishers built the way the CLI will build them (config + environment), and sample digests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from summarizer.publish import DigestItem, DigestMessage, Publisher, PublishTarget, build_publisher

from .receiver import Receiver

SECRET = "SECsecret-5b7e2c9f1a3d4e6f"
TOKEN = "tok-8f3e2d1c0b9a7f6e5d4c"
START = 1_732_000_000.0  # 2024-11-19, a fixed "now"


class FakeClock:
    """Wall clock for signatures and pacing; `sleep` records the wait and moves time on."""

    def __init__(self, start: float = START) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture(scope="module")
def server() -> Iterator[Receiver]:
    receiver = Receiver().start()
    yield receiver
    receiver.stop()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def receiver(server: Receiver, clock: FakeClock) -> Receiver:
    server.reset()
    server.now = clock
    return server


MakePublisher = Callable[..., Publisher]


@pytest.fixture
def make_publisher(receiver: Receiver, clock: FakeClock) -> Iterator[MakePublisher]:
    """`make_publisher("feishu", secret=SECRET, max_attempts=3)`: built from a PublishTarget
    and an environment, like the CLI will, with the fake clock and sleep."""
    made: list[Publisher] = []

    def make(kind: str, *, secret: str | None = None, token: str = TOKEN, **options: Any) -> Publisher:
        env = {"DIGEST_URL": receiver.url(kind, token)}
        if secret is not None:
            env["DIGEST_SECRET"] = secret
        target = PublishTarget(
            kind=kind, url_env="DIGEST_URL", secret_env="DIGEST_SECRET" if secret else None, **options
        )
        publisher = build_publisher(target, env, clock=clock, sleep=clock.sleep)
        made.append(publisher)
        return publisher

    yield make
    for publisher in made:
        publisher.close()


def english_digest(**changes: Any) -> DigestMessage:
    data: dict[str, Any] = {
        "title": "Payments weekly · 2024-W47",
        "headline": "Checkout v2 shipped; POS acquiring slipped two weeks; one SEV2.",
        "highlights": [DigestItem(text="Checkout v2 live for 100% of traffic", source="2024-W47.md:12-14")],
        "slips": [DigestItem(text="POS acquiring moved from Nov 22 to Dec 6", week="2024-W47")],
        "incidents": [
            DigestItem(text="SEV2: card auth timeouts for 38 min <EU>", source="2024-W47.md:30-33")
        ],
        "report_url": "https://reports.example.com/payments/2024-W47.html",
        "engine": "local",
        "lang": "en",
    }
    data.update(changes)
    return DigestMessage(**data)


def chinese_digest(**changes: Any) -> DigestMessage:
    data: dict[str, Any] = {
        "title": "支付周报 · 2024-W47",
        "headline": "收银台 v2 全量上线；POS收单延期两周；一次 SEV2 事故。",
        "highlights": [DigestItem(text="收银台 v2 全量上线，转化率提升 1.2%", source="2024-W47.md:12-14")],
        "slips": [DigestItem(text="POS收单 计划由 11月22日 推迟至 12月6日", week="2024-W47")],
        "incidents": [DigestItem(text="SEV2：欧洲区卡授权超时 38 分钟", source="2024-W47.md:30-33")],
        "report_url": "https://reports.example.com/payments/2024-W47.html",
        "engine": "local",
        "lang": "zh",
    }
    data.update(changes)
    return DigestMessage(**data)
