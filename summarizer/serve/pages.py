"""The two pages (`static/index.html`, `static/docs.html`), each one self-contained file, and the
Content-Security-Policy that lets exactly their own inline script and style run.

Report text is untrusted input shown in the page; the page writes it with `textContent` only,
and the policy (script and style by hash, requests to this origin only) is the second line of
defence: an injected script or a request to another host would be refused by the browser.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from importlib import resources

_BLOCK = re.compile(r"<(script|style)>(.*?)</\1>", re.S)


@dataclass(frozen=True)
class Page:
    html: bytes
    csp: str


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def load(name: str) -> Page:
    """A page from `static/` with its policy: its inline blocks by hash, this origin for data."""
    html = resources.files("summarizer.serve").joinpath("static", name).read_text(encoding="utf-8")
    scripts = [_hash(body) for kind, body in _BLOCK.findall(html) if kind == "script"]
    styles = [_hash(body) for kind, body in _BLOCK.findall(html) if kind == "style"]
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {' '.join(scripts) or chr(39) + 'none' + chr(39)}",
            f"style-src {' '.join(styles) or chr(39) + 'none' + chr(39)}",
            "connect-src 'self'",
            "img-src 'self' data:",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        ]
    )
    return Page(html.encode("utf-8"), csp)
