"""Which hardware phase gate a target is for (EVT, DVT, PVT, mass production).

A hardware project's targets are a sequence of gates: "3月底完成DVT", then "5月底完成PVT". The PVT
date after the DVT one is the next gate's, not the DVT gate moving, so targets compare only
within one gate when both name theirs. Written from zh-email-hardware.
"""

from __future__ import annotations

import re

_PHASE = re.compile(r"(?<![A-Za-z])(EVT|DVT|PVT)(?![A-Za-z])|(量产|mass production)", re.I)


def phase_of(text: str | None) -> str | None:
    """The one gate a target's words name, or None for none or several."""
    found = {(m[1] or "MP").upper() for m in _PHASE.finditer(text or "")}
    return found.pop() if len(found) == 1 else None


def other_gate(before: str | None, after: str | None) -> bool:
    """Both targets name a gate, and not the same one."""
    old, new = phase_of(before), phase_of(after)
    return old is not None and new is not None and old != new
