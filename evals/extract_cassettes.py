"""Write the hand-written extract cassettes: the replies in evals/extract/*.yaml, keyed by real requests.

For each report a reply file names, the real `Extractor` builds its real request and sends it
through the real openai client to an author server on 127.0.0.1 that answers with that report's
replies in order (a malformed one makes the client re-ask, and the re-ask is a request of its own).
Every request and reply is stored as a cassette, so `ingest --extract both --engine replay` over
those reports replays them with zero misses until the extract prompt or a report changes.
Called by `python -m evals.cassettes`; these replies exercise the pipeline, not a model.
"""

from __future__ import annotations

import json
import sys
from contextlib import suppress
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evals.author import completion  # one chat.completion shape for every hand-written cassette
from index.load import load_document
from index.parse import parse_report
from summarizer.config import Settings
from summarizer.evals.runner import eval_settings, find_root
from summarizer.extraction.extractor import Extractor
from summarizer.llm.budget import message_tokens
from summarizer.llm.client import ChatClient
from summarizer.llm.config import llm_config
from summarizer.llm.connect import Connection
from summarizer.llm.errors import InvalidOutputError
from summarizer.llm.keys import PROMPT_HEADER, digest, request_key
from summarizer.llm.replay import Cassette, CassetteStore, LoopbackServer, Received, Reply

FILE_NAME = "extract.handwritten.jsonl"


def _completion(key: str, model: str, content: str, messages: list[dict[str, str]]) -> dict[str, Any]:
    return completion(key, model, content, prompt_tokens=message_tokens(messages))


class Replies:
    """The author server: answers each request with the next reply of the current report."""

    def __init__(self, model: str) -> None:
        self.model = model
        self.queue: list[str] = []
        self.written: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = []
        self.server = LoopbackServer(self._answer)

    def _answer(self, received: Received) -> Reply:
        body = received.json()
        prompt = received.headers.get(PROMPT_HEADER.lower(), "")
        key = request_key(body, prompt)
        if not self.queue:
            return Reply(500, {"error": {"message": "no hand-written reply left", "type": "server_error"}})
        response = _completion(key, self.model, self.queue.pop(0), body["messages"])
        self.written.append((key, prompt, body, response))
        return Reply(200, response)


def reply_text(reply: Any) -> str:
    """A mapping is sent as its JSON; a string as it is (a malformed reply on purpose)."""
    return reply if isinstance(reply, str) else json.dumps(reply, ensure_ascii=False)


def write_extract_cassettes(root: Path, settings: Settings, folder: Path) -> int:
    """(Re)write `folder/extract.handwritten.jsonl` from every reply file; the number of cassettes."""
    recorded = CassetteStore(folder)
    author = Replies(settings.chat_model)
    author.server.start()
    config = llm_config(settings, replay_url=author.server.base_url)
    connection = Connection(
        "replay", config, lambda: ChatClient(config, command="cassettes", engine="replay")
    )
    extractor = Extractor(connection, "both")
    lines: list[str] = []
    try:
        for path in sorted((root / "evals" / "extract").glob("*.yaml")):
            spec = yaml.safe_load(path.read_text(encoding="utf-8"))
            reports = root / "evals" / "zoo" / "reports" / spec["series"]
            for name, replies in spec["replies"].items():
                report_path = (reports / name).resolve()
                report = parse_report(load_document(report_path), str(report_path))
                author.queue = [reply_text(r) for r in replies]
                before = len(author.written)
                with suppress(InvalidOutputError):  # on purpose: a report whose replies never validate
                    extractor.ask(report)
                if author.queue or len(author.written) != before + len(replies):
                    raise SystemExit(f"{path.name}: {name}: {len(author.queue)} replies were never asked for")
                for key, prompt, body, response in author.written[before:]:
                    if recorded.recorded(key):
                        continue
                    cassette = Cassette(
                        key=key,
                        prompt=prompt,
                        request={
                            "report": f"{spec['series']}/{name}",
                            "messages_sha256": digest(body["messages"]),
                            "written_by": f"evals/extract_cassettes.py from evals/extract/{path.name}",
                        },
                        response=response,
                        usage={k: response["usage"][k] for k in ("prompt_tokens", "completion_tokens")},
                        handwritten=True,
                    )
                    lines.append(json.dumps(cassette.model_dump(), ensure_ascii=False, sort_keys=True))
    finally:
        extractor.close()
        author.server.stop()
    (folder / FILE_NAME).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def main() -> int:
    root = find_root()
    settings = eval_settings(root, "replay")
    settings.cassettes.mkdir(parents=True, exist_ok=True)
    written = write_extract_cassettes(root, settings, settings.cassettes)
    print(f"wrote {written} hand-written extract cassettes to {settings.cassettes / FILE_NAME}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
