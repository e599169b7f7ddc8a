"""A meeting's transcript in WebVTT (Teams, Zoom, Meet, Webex save one: `WEBVTT`, then cues of an
id, a `00:01:02.600 --> 00:01:07.717` timing line and the words, `<v Speaker>…</v>` around them)
read as the sentences that were said, line numbers kept.

Read as it stands every cue's id and timing line was a line of text between the sentences, the
speaker tag stuck to each sentence's first word (`<v Priya Raman>Heron is at 81 of 240 tools`),
and the timings offsets into the recording that read as times of day. The speaker is left out,
as a chat export's sender is: a `Name: sentence` line reads as a field named by a person.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\ufeff?WEBVTT(?:[ \t].*)?$")
_TIMING = re.compile(r"^\s*(?:\d{1,2}:)?\d{2}:\d{2}[.,]\d{3}\s+-->\s+(?:\d{1,2}:)?\d{2}:\d{2}[.,]\d{3}\b")
_BLOCK = re.compile(r"^(?:NOTE|STYLE|REGION)\b")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?(?:\s+[^>]*)?>")
_TAG = re.compile(r"</?(?:c|i|b|u|ruby|rt|lang|v)(?:[.\s][^>]*)?>|<\d{1,2}:\d{2}(?::\d{2})?[.,]\d{3}>")
_MIN_CUES = 3


def looks_like_webvtt(lines: list[str]) -> bool:
    """The file opens with `WEBVTT` and holds a few timed cues."""
    first = next((line for line in lines if line.strip()), "")
    return (
        bool(_HEADER.match(first.strip())) and sum(bool(_TIMING.match(line)) for line in lines) >= _MIN_CUES
    )


def read_webvtt(lines: list[str]) -> list[tuple[int, str]]:
    """The transcript's words, each cue's on its own source line (1-based), under its `WEBVTT` line
    as the title; cue ids, timing lines and NOTE/STYLE blocks blank."""
    out: list[str] = []
    in_block = False  # a NOTE or STYLE block, up to the next blank line
    for at, line in enumerate(lines):
        stripped = line.strip()
        following = lines[at + 1] if at + 1 < len(lines) else ""
        if not stripped:
            in_block = False
            out.append("")
        elif _HEADER.match(stripped):
            out.append("WEBVTT")  # the title: a transcript's first sentence is none
        elif in_block or _TIMING.match(line) or _TIMING.match(following):
            out.append("")  # (a cue's id is the line over its timing)
        elif _BLOCK.match(stripped):
            in_block = True
            out.append("")
        else:
            out.append(_TAG.sub("", _VOICE.sub("", stripped)).strip())
    return list(enumerate(out, start=1))
