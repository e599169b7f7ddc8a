"""Replay: a local OpenAI-compatible server that answers chat requests from cassettes.

Replay is a mode, not a code path: point the client's `base_url` at `ReplayServer.base_url` and
the real `openai` client sends real HTTP. The server hashes the body it receives with the prompt
header (`keys.request_key`), which is exactly the key the client computed, and answers the
recorded chat.completion; a miss is an HTTP 404 with code `replay_miss` that the client raises as
`ReplayMissError` naming the key, the prompt and how to record it.

Cassettes are JSONL files in one folder, one line per request:
`{key, prompt, request, response, usage, handwritten}`; `request` is redacted (method, path and
body, no headers), `response` the full chat.completion JSON. `Recorder` is an httpx transport
for a client talking to a real endpoint: it writes the missing entries of successful replies.
A recorded reply outranks a hand-written one for the same key: the recorder records over it
(appending), and the store serves the recorded one.

`LoopbackServer` is the plain scripted server underneath, reusable by tests for fault injection.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, Self, cast

import httpx2
from pydantic import BaseModel, ConfigDict, ValidationError

from index.errors import ConfigError
from summarizer.llm.keys import PROMPT_HEADER, REPLAY_MISS_CODE, request_key

DEFAULT_RECORD_HINT = (
    "record it against a real endpoint: OPENAI_API_KEY=… summarizer eval --engine openai --record"
)
CHAT_PATH = "/chat/completions"


class Cassette(BaseModel):
    """One recorded (or hand-written) request and its reply."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str
    prompt: str
    request: dict[str, Any]
    response: dict[str, Any]
    usage: dict[str, int]
    handwritten: bool = False


class CassetteStore:
    """The cassettes of one folder, by key; new ones are appended to `<prompt name>.jsonl`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._by_key: dict[str, Cassette] = {}
        self._lock = threading.Lock()
        for path in sorted(folder.glob("*.jsonl")) if folder.is_dir() else []:
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if line.strip():
                    self._load(path, number, line)

    def _load(self, path: Path, number: int, line: str) -> None:
        try:
            cassette = Cassette.model_validate_json(line)
        except ValidationError as exc:
            raise ConfigError(f"{path}:{number}: not a cassette: {exc.errors()[0]['msg']}") from exc
        known = self._by_key.get(cassette.key)
        if known is not None and known.response != cassette.response:
            if known.handwritten != cassette.handwritten:  # a real recording replaces a hand-written one
                if known.handwritten:
                    self._by_key[cassette.key] = cassette
                return
            raise ConfigError(f"{path}:{number}: cassette {cassette.key[:16]} is recorded twice, differently")
        self._by_key[cassette.key] = cassette

    def get(self, key: str) -> Cassette | None:
        return self._by_key.get(key)

    def __contains__(self, key: str) -> bool:
        return key in self._by_key

    def recorded(self, key: str) -> bool:
        """Whether a real (not hand-written) reply is stored for this key."""
        cassette = self._by_key.get(key)
        return cassette is not None and not cassette.handwritten

    def all(self) -> list[Cassette]:
        return list(self._by_key.values())

    def __len__(self) -> int:
        return len(self._by_key)

    def add(self, cassette: Cassette, *, scrub: str = "") -> bool:
        """Append a cassette unless its key is known (a recording may replace a hand-written one);
        `scrub` is removed from the line as a last guard."""
        with self._lock:
            known = self._by_key.get(cassette.key)
            if known is not None and (known.handwritten == cassette.handwritten or cassette.handwritten):
                return False
            line = json.dumps(cassette.model_dump(), ensure_ascii=False, sort_keys=True)
            if scrub:
                line = line.replace(scrub, "[redacted]")
            self.folder.mkdir(parents=True, exist_ok=True)
            stem = re.sub(r"[^A-Za-z0-9_.-]", "_", cassette.prompt.split("@", 1)[0]) or "unnamed"
            with (self.folder / f"{stem}.jsonl").open("a", encoding="utf-8") as handle:
                handle.write(line + "\n")
            self._by_key[cassette.key] = cassette
            return True


@dataclass(frozen=True)
class Received:
    """One request as the server saw it (kept in memory only)."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


@dataclass(frozen=True)
class Reply:
    """What the server answers: a JSON body (dict/list), raw bytes or text; `delay` seconds first."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0

    def payload(self) -> tuple[bytes, str]:
        if isinstance(self.body, bytes):
            return self.body, "application/octet-stream"
        if isinstance(self.body, str):
            return self.body.encode("utf-8"), "text/plain; charset=utf-8"
        return json.dumps(self.body, ensure_ascii=False).encode("utf-8"), "application/json"


Handler = Callable[[Received], Reply]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, owner: LoopbackServer) -> None:
        self.owner = owner
        super().__init__(("127.0.0.1", 0), _RequestHandler)


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        received = Received(
            method=self.command,
            path=self.path,
            headers={name.lower(): value for name, value in self.headers.items()},
            body=self.rfile.read(length) if length else b"",
        )
        reply = cast(_Server, self.server).owner.dispatch(received)
        if reply.delay:
            time.sleep(reply.delay)
        payload, content_type = reply.payload()
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (its timeout); nothing to answer

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: the default writes every request line to stderr."""


class LoopbackServer:
    """An HTTP server on 127.0.0.1 (a free port) in a daemon thread, answering with `handler`."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.received: list[Received] = []
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    def dispatch(self, received: Received) -> Reply:
        with self._lock:
            self.received.append(received)
        try:
            return self.handler(received)
        except Exception as exc:  # a broken script or cassette must show up as an answer, not a hang
            return Reply(500, {"error": {"message": f"handler failed: {exc!r}", "type": "server_error"}})

    def start(self) -> Self:
        self._server = _Server(self)
        # A short poll interval: `stop()` waits for the next poll, so it takes milliseconds, not 0.5 s.
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.02,), name="loopback-server", daemon=True
        )
        self._thread.start()
        return self

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("server not started")
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


@dataclass
class ReplayStats:
    hits: int = 0
    misses: int = 0
    handwritten_hits: int = 0


class ReplayServer(LoopbackServer):
    """Serves `POST …/chat/completions` from the cassettes in `folder`; everything else is a 404."""

    def __init__(self, folder: Path, *, record_hint: str = DEFAULT_RECORD_HINT) -> None:
        super().__init__(self._answer)
        self.cassettes = CassetteStore(folder)
        self.record_hint = record_hint
        self.stats = ReplayStats()

    def _answer(self, received: Received) -> Reply:
        if received.method != "POST" or not received.path.endswith(CHAT_PATH):
            return Reply(404, {"error": {"message": f"replay serves only {CHAT_PATH}", "type": "not_found"}})
        prompt = received.headers.get(PROMPT_HEADER.lower(), "")
        key = request_key(received.json(), prompt)
        cassette = self.cassettes.get(key)
        with self._lock:
            if cassette is None:
                self.stats.misses += 1
            else:
                self.stats.hits += 1
                self.stats.handwritten_hits += int(cassette.handwritten)
        if cassette is not None:
            return Reply(200, cassette.response)
        error = {
            "message": f"no cassette for request {key} (prompt {prompt or '?'})",
            "type": "invalid_request_error",
            "code": REPLAY_MISS_CODE,
            "key": key,
            "prompt": prompt,
            "record": self.record_hint,
        }
        return Reply(404, {"error": error}, headers={"x-should-retry": "false"})


class Recorder(httpx2.BaseTransport):
    """An httpx transport that records successful chat replies of a real endpoint as cassettes.

    Use it as `ChatClient(config, http_client=httpx2.Client(transport=Recorder(folder)))`. Only
    keys missing from the folder are written; error replies never are. No header is stored, and
    the bearer token is scrubbed from every line in case a server echoes it.
    """

    def __init__(self, folder: Path, inner: httpx2.BaseTransport | None = None) -> None:
        self.cassettes = CassetteStore(folder)
        self._inner = inner if inner is not None else httpx2.HTTPTransport()
        self.recorded = 0

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        response = self._inner.handle_request(request)
        if (
            request.method != "POST"
            or not request.url.path.endswith(CHAT_PATH)
            or response.status_code != 200
        ):
            return response
        response.read()  # keeps the bytes on the response, so the client still reads them
        body = json.loads(request.read())
        prompt = request.headers.get(PROMPT_HEADER, "")
        key = request_key(body, prompt)
        if self.cassettes.recorded(key):
            return response
        reply = response.json()
        usage = reply.get("usage") or {}
        cassette = Cassette(
            key=key,
            prompt=prompt,
            request={"method": request.method, "path": request.url.path, "body": body},
            response=reply,
            usage={
                "prompt_tokens": int(usage.get("prompt_tokens") or 0),
                "completion_tokens": int(usage.get("completion_tokens") or 0),
            },
        )
        token = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if self.cassettes.add(cassette, scrub=token if len(token) >= 8 else ""):
            self.recorded += 1
        return response

    def close(self) -> None:
        self._inner.close()
