"""Publish auto-generated digests to group chats and webhooks.

The flow (one scheduled `digest` run):

    ExecutiveSummary --(summary code maps it)--> DigestMessage          message.py
    PublishTarget (config: kind + env var NAMES) --build_publisher--> Publisher   targets.py
    PublishLog.already_published(key)?  skip                            state.py, run.py
    Publisher.build(message) -> [Request]   pure: URL, headers, JSON body, signature
    Publisher.publish(message) -> PublishResult                         base.py
        each request: pace to the platform's rate limit                 ratelimit.py
                      send, retry 429/5xx/platform rate-limit codes     sender.py
                      read the platform's reply (code != 0 is failure)  <target>.py
    PublishLog.record(key, result, message)   failed ones are re-sent by a later run

Targets: `feishu` (and `lark`), `dingtalk`, `wecom`, `slack`, `webhook` (generic JSON).
Secrets: webhook URLs and signing secrets come from environment variables when a publisher is
built; every URL shown is masked, and errors and log records (httpx's too) are redacted.

Adding a target, e.g. Microsoft Teams:
1. `summarizer/publish/teams.py`: subclass `Publisher`, set `kind = "teams"`, `rate_limits`
   and `supports_signing`; implement `build(message) -> list[Request]` with the helpers in
   `render.py` (labels, sections, items) and `textfit.py` (size limits); override
   `interpret(status, body)` if the platform reports errors inside a 2xx reply
   (`json_code_verdict` reads `{code, msg}` replies).
2. Register it in `targets.PUBLISHERS`.
3. Teach the receiver in `tests/publish/receiver.py` the platform's reply and signature
   check, and add a test module: exact payload, signature pass/fail, error codes, no leaks.
"""

from summarizer.publish.base import Publisher, PublishResult
from summarizer.publish.message import DigestItem, DigestMessage
from summarizer.publish.run import publish_once, retry_failed
from summarizer.publish.sender import Request, RetryPolicy, Sender
from summarizer.publish.state import PublishKey, PublishLog
from summarizer.publish.targets import PUBLISHERS, PublishTarget, build_publisher

__all__ = [
    "PUBLISHERS",
    "DigestItem",
    "DigestMessage",
    "PublishKey",
    "PublishLog",
    "PublishResult",
    "PublishTarget",
    "Publisher",
    "Request",
    "RetryPolicy",
    "Sender",
    "build_publisher",
    "publish_once",
    "retry_failed",
]
