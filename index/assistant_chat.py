"""A chat with an AI assistant saved as text (Open WebUI's `### USER` / `### ASSISTANT` export, and
the like): the writer's notes, the model's thinking, then the report it wrote from them.

The last answer is the report: it comes first, so its own heading is the title and its header
line dates it. The notes are the writer's own words and stay, after it, under their role line (a
part of their own). The model's thinking (`<details type="reasoning">`, `<think>`) is tentative and
sometimes wrong, so it is blank; so is an answer the writer asked to redo (a later `### USER`
correcting it, then a second answer). Every line keeps its number, so each citation still points
into the file as saved. Written from w47-c.
"""

from __future__ import annotations

import re

_ROLE = re.compile(r"^#{1,4}\s*(USER|ASSISTANT|User|Assistant|You|ChatGPT)\s*:?\s*$")
_ASKING = frozenset({"USER", "User", "You"})
# The thinking as saved (`<details type="reasoning" …>` … `</details>`, `<think>` … `</think>`), or as
# the loader shows a saved page's markup: its summary bold (`**Thought for 26 seconds**`), its
# lines quoted (`> …`).
_THINKING_OPEN = re.compile(
    r'^\s*(?:<details\s+type="reasoning"[^>]*>|<think>|\**Thought for [\d.]+ \w+\**\s*$)'
)
_THINKING_CLOSE = re.compile(r"(?:</details>|</think>)\s*$")
_QUOTED = re.compile(r"^\s*>")


def assistant_turns(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The last answer first, then the writer's notes under their role line; other chats unchanged
    (see the module)."""
    roles = [(i, match[1]) for i, (_, text) in enumerate(lines) if (match := _ROLE.match(text))]
    answers = [i for i, role in roles if role not in _ASKING]
    if not answers or all(role not in _ASKING for _, role in roles):
        return lines
    last = answers[-1]
    kept: list[tuple[int, str]] = []
    thinking = quoted = False
    under = -1  # the role line the current line stands under
    for i, (number, text) in enumerate(lines):
        if _ROLE.match(text):
            under = i
        if not thinking and _THINKING_OPEN.match(text):
            thinking, quoted = True, not text.lstrip().startswith("<")
        elif thinking and quoted and text.strip() and not _QUOTED.match(text):
            thinking = False  # (the quoted thinking ends at its first unquoted line)
        if thinking:
            thinking = quoted or not _THINKING_CLOSE.search(text)
            kept.append((number, ""))
        elif i in answers or (under in answers and under != last):
            kept.append((number, ""))  # a role line, or an answer the writer asked to redo
        else:
            kept.append((number, text))
    return kept[last:] + kept[:last]
