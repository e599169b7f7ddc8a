"""A loopback stand-in for the chat platforms, good enough to catch what the real ones refuse.

It listens on 127.0.0.1 (port 0), records every request, and answers the way each platform
does: it recomputes the signature from ITS copy of the secret and the request's own timestamp,
written from the platforms' documentation and independent of the code under test; it refuses
stale timestamps, over-long WeCom content and invalid Slack blocks; and it can be scripted to
answer 429 with Retry-After, 500 forever, or a 200 carrying a platform error code.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

FEISHU_SIGN_FAIL = {
    "code": 19021,
    "msg": "sign match fail or timestamp is not within one hour from current time",
}
DINGTALK_SIGN_FAIL = {"errcode": 310000, "errmsg": "sign not match"}
PATHS = {
    "feishu": "/open-apis/bot/v2/hook/{token}",
    "dingtalk": "/robot/send?access_token={token}",
    "wecom": "/cgi-bin/webhook/send?key={token}",
    "slack": "/services/T0LOCAL01/B0LOCAL02/{token}",
    "webhook": "/hooks/summarizer/{token}",
}


@dataclass
class Reply:
    status: int = 200
    body: Any = b""  # bytes, str, or a JSON-able object
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering, to make a client time out

    def encoded(self) -> tuple[bytes, str]:
        if isinstance(self.body, bytes):
            return self.body, "text/plain"
        if isinstance(self.body, str):
            return self.body.encode("utf-8"), "text/plain; charset=utf-8"
        return json.dumps(self.body, ensure_ascii=False).encode("utf-8"), "application/json"


@dataclass
class Received:
    kind: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # lower-case names
    body: bytes
    accepted: bool  # whether the platform emulation accepted it (signature, size, shape)
    problem: str = ""

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))


class Receiver:
    """Start with `start()`, point publishers at `url(kind, token)`, read `requests`."""

    def __init__(self) -> None:
        self.secret: str | None = None  # the robot's signing secret; None: signing disabled
        self.now: Callable[[], float] = lambda: 0.0
        self.tolerance = 3600.0  # Feishu and DingTalk accept timestamps within an hour
        self.requests: list[Received] = []
        self._script: deque[Reply] = deque()
        self._always: Reply | None = None
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    # -- control -------------------------------------------------------------------------
    def start(self) -> Receiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                reply = receiver.handle(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                payload, content_type = reply.encoded()
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(payload)))
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up waiting
                    pass

            def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self._script.clear()
            self._always = None
        self.secret = None
        self.tolerance = 3600.0

    def script(self, *replies: Reply) -> None:
        """Answer the next requests with these replies, in order, then behave normally."""
        self._script.extend(replies)

    def always(self, reply: Reply) -> None:
        """Answer every request with `reply` (e.g. 500 forever)."""
        self._always = reply

    @property
    def port(self) -> int:
        assert self._server is not None
        return self._server.server_address[1]

    def url(self, kind: str, token: str) -> str:
        path = PATHS["feishu" if kind == "lark" else kind]  # Lark speaks Feishu's API
        return f"http://127.0.0.1:{self.port}" + path.format(token=token)

    # -- emulation -----------------------------------------------------------------------
    def handle(self, raw_path: str, headers: dict[str, str], body: bytes) -> Reply:
        parts = urlsplit(raw_path)
        query = {name: values[0] for name, values in parse_qs(parts.query).items()}
        kind = next(k for k, p in PATHS.items() if parts.path.startswith(p.split("{")[0].split("?")[0]))
        problem, ok_reply, refusal = getattr(self, f"_check_{kind}")(query, headers, body)
        with self._lock:
            self.requests.append(Received(kind, parts.path, query, headers, body, not problem, problem))
            if self._always is not None:
                return self._always
            if self._script:
                return self._script.popleft()
        return refusal if problem else ok_reply

    def _fresh(self, timestamp_seconds: float) -> bool:
        return abs(self.now() - timestamp_seconds) <= self.tolerance

    def _check_feishu(
        self, query: dict[str, str], headers: dict[str, str], body: bytes
    ) -> tuple[str, Reply, Reply]:
        ok, refused = Reply(body={"code": 0, "data": {}, "msg": "success"}), Reply(body=FEISHU_SIGN_FAIL)
        payload = json.loads(body.decode("utf-8"))
        if len(body) > 20 * 1024:
            return "body over 20 KB", ok, Reply(body={"code": 9499, "msg": "Bad Request"})
        if self.secret is None:
            return "", ok, refused
        timestamp, sign = payload.get("timestamp"), payload.get("sign")
        if not isinstance(timestamp, str) or not isinstance(sign, str):
            return "unsigned", ok, refused
        key = f"{timestamp}\n{self.secret}".encode()
        expected = base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()
        if not hmac.compare_digest(expected, sign):
            return "bad signature", ok, refused
        if not self._fresh(int(timestamp)):
            return "stale timestamp", ok, refused
        return "", ok, refused

    def _check_dingtalk(
        self, query: dict[str, str], headers: dict[str, str], body: bytes
    ) -> tuple[str, Reply, Reply]:
        ok, refused = Reply(body={"errcode": 0, "errmsg": "ok"}), Reply(body=DINGTALK_SIGN_FAIL)
        json.loads(body.decode("utf-8"))
        if self.secret is None:
            return "", ok, refused
        timestamp, sign = query.get("timestamp"), query.get("sign")
        if timestamp is None or sign is None:
            return "unsigned", ok, refused
        to_sign = f"{timestamp}\n{self.secret}".encode()
        expected = base64.b64encode(hmac.new(self.secret.encode(), to_sign, hashlib.sha256).digest()).decode()
        if not hmac.compare_digest(expected, sign):  # parse_qs already URL-decoded it
            return "bad signature", ok, refused
        if not self._fresh(int(timestamp) / 1000):
            return "stale timestamp", ok, refused
        return "", ok, refused

    def _check_wecom(
        self, query: dict[str, str], headers: dict[str, str], body: bytes
    ) -> tuple[str, Reply, Reply]:
        ok = Reply(body={"errcode": 0, "errmsg": "ok"})
        try:
            content = json.loads(body.decode("utf-8"))["markdown"]["content"]
        except (UnicodeDecodeError, KeyError, json.JSONDecodeError):
            return (
                "not UTF-8 markdown JSON",
                ok,
                Reply(body={"errcode": 40008, "errmsg": "invalid message type"}),
            )
        if len(content.encode("utf-8")) > 4096:
            refusal = Reply(body={"errcode": 40058, "errmsg": "markdown.content exceed max length 4096"})
            return "content over 4096 bytes", ok, refusal
        return "", ok, ok

    def _check_slack(
        self, query: dict[str, str], headers: dict[str, str], body: bytes
    ) -> tuple[str, Reply, Reply]:
        ok, refused = Reply(body="ok"), Reply(status=400, body="invalid_blocks")
        blocks = json.loads(body.decode("utf-8")).get("blocks", [])
        if len(blocks) > 50:
            return "over 50 blocks", ok, refused
        for block in blocks:
            limit = {"header": 150, "section": 3000}.get(block["type"])
            if limit and len(block["text"]["text"]) > limit:
                return f"{block['type']} text over {limit}", ok, refused
        return "", ok, refused

    def _check_webhook(
        self, query: dict[str, str], headers: dict[str, str], body: bytes
    ) -> tuple[str, Reply, Reply]:
        ok, refused = Reply(status=204), Reply(status=401, body="bad signature")
        if self.secret is None:
            return "", ok, refused
        expected = "sha256=" + hmac.new(self.secret.encode(), body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, headers.get("x-summarizer-signature", "")):
            return "bad signature", ok, refused
        return "", ok, refused
