"""A meeting's transcript as a transcription app exports it (iFlyrec/讯飞听见, Feishu Minutes, Tencent
Meeting): each turn a line of the speaker and the time into the recording (`林晓 00:00:06`), then
what was said, read with the speaker as the label of what they said, line numbers kept.

Read as it stands every stamp line was a line of text between the turns, its clock time an offset
into the recording, and each turn a paragraph with no lead (w45-a: nothing of a project's news
was read). A Chinese speaker becomes the turn's label (`林晓：门诊发药机二期，…`), which the ledger
reads as it reads a chat roll-call (`ledger/speakers.py`: the speaker is no project, the first
clause after the label is); any other speaker is left out, as a WebVTT transcript's is.
"""

from __future__ import annotations

import re

from index.text.cjk import has_han

_TURN = re.compile(r"^\s*(?P<name>[^\s\d:：#>*|\-][^:：|]{0,23}?)\s+(?:\d{1,2}:)?\d{1,2}:\d{2}\s*$")
_MIN_TURNS = 5


def looks_like_speaker_turns(lines: list[str]) -> bool:
    """At least five turns: a stamp line with text under it."""
    turns = sum(
        1
        for at, line in enumerate(lines[:-1])
        if _TURN.match(line) and lines[at + 1].strip() and not _TURN.match(lines[at + 1])
    )
    return turns >= _MIN_TURNS


def read_speaker_turns(lines: list[str]) -> list[tuple[int, str]]:
    """Each turn's first line labelled with its Chinese speaker; the stamp lines blank."""
    out: list[str] = []
    speaker: str | None = None
    for line in lines:
        turn = _TURN.match(line)
        if turn:
            speaker = turn["name"].strip()
            out.append("")
        elif speaker is not None and line.strip():
            out.append(f"{speaker}：{line.strip()}" if has_han(speaker) else line.rstrip())
            speaker = None
        else:
            out.append(line.rstrip())
    return list(enumerate(out, start=1))
