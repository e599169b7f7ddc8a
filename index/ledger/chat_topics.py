"""Meeting chat logs: a project named by the chair's topic line, its news in the messages after it.

An IRC, Matrix or Zulip meeting log (`[16:10] <maren> LSP bridge`, then `[16:10] <jdrx> 3/7 still,
typescript is waiting on upstream`) names each project once, in a short message that is only its
name (or a meeting bot's `#topic docs site`), and the people who answer tell its news without
naming it again. So a topic message opens a block and every message until the next topic line
speaks for it, as the paragraph under a plain title line does (`title_leads.plain_title`). The
name is a project only when another report of the series names it too (origin "lead"). Written
from community-meeting-log-en.
"""

from __future__ import annotations

import re

from index.ledger.mentions import Mention, Unit, clean_name, line_text, valid_name
from index.models import Report, Section

# A message: its time in brackets or not, then the writer in angle brackets or before a colon.
_MESSAGE = re.compile(
    r"^\[?(?:\d{4}-\d{2}-\d{2}[ T])?\d{1,2}:\d{2}(?::\d{2})?\]?\s+(?:<(?P<nick>[^<>\s]{1,30})>|(?P<named>[\w.-]{1,30}):)\s+"
)
# A meeting bot's topic command: "#topic docs site".
_TOPIC_COMMAND = re.compile(r"^#topic\s+(?P<topic>.+)$", re.I)
# "#chair tobi_k": the meeting handed to another chair.
_CHAIR = re.compile(r"^#chair\s+(?P<nick>\S+)", re.I)
# A bot's other commands ("#startmeeting", "#agreed …", "#action …") belong to the topic open.
_COMMAND = re.compile(r"^#\w+")
# A message that is only a name: at most six words, no clause punctuation; a question mark or an
# aside after a dash ("plugin API v2 — where are we") and an addressee ("i18n, sanjay") may follow.
_BARE_NAME = re.compile(
    r"^(?P<name>[\w][\w.&'/+-]*(?:\s+[\w.&'/+()-]+){0,5}?)\s*(?:\?|\s[—–-]\s.*|,\s*(?P<tail>.+))?$"
)
_MIN_MESSAGES = 5
_CLAUSE_WORDS = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "it",
        "its",
        "this",
        "that",
        "so",
        "then",
        "for",
        "of",
        "to",
        "on",
        "at",
        "by",
        "with",
        "from",
        "and",
        "or",
        "but",
        "not",
        "lol",
        "ok",
        "okay",
        "yes",
        "no",
        "thanks",
    ]
)
_CODE_WORD = re.compile(r"[a-z][A-Z]|\d|^[A-Z]{2,}")


def _addressed(tail: str, writers: set[str]) -> bool:
    """The words after a topic's comma open with a participant ("i18n, sanjay", "Windows
    installer, nadia's here today"): the chair hands the topic to its owner."""
    first = re.sub(r"'s$", "", tail.split()[0].strip(",.?!")).lower()
    return len(first) >= 3 and any(re.match(rf"{re.escape(first)}(?:$|[\W_])", nick) for nick in writers)


def message_text(raw: str) -> tuple[str, int, str] | None:
    """(the message's own text, where it starts in the line's text, its writer) or None."""
    text = line_text(raw)
    match = _MESSAGE.match(text)
    if match is None:
        return None
    return text[match.end() :], match.end(), match["nick"] or match["named"]


def _topic(body: str, writers: set[str]) -> str | bool | None:
    """The project a topic message names; False for a message of a topic's shape that names no
    project ("docs", "numbers": the block before it is over); None for any other message."""
    command = _TOPIC_COMMAND.match(body)
    if command:
        candidate = command["topic"]
    else:
        bare = _BARE_NAME.match(body)
        if bare is None or _COMMAND.match(body):
            return None
        if bare["tail"] and not _addressed(bare["tail"], writers):
            return False  # "numbers, then I have to run": the chair moves on, to no project
        candidate = bare["name"]
    name = clean_name(candidate.strip())
    return name if valid_name(name) and _names_a_thing(name) else False


def _names_a_thing(name: str) -> bool:
    """Two words or more, or one code-shaped word ("i18n", "MSI2"), and none a clause's word:
    "docs", "numbers" are agenda items, "87 is a lot" and "so... bump it" are replies."""
    words = name.split()
    if any(word.lower() in _CLAUSE_WORDS for word in words) or re.search(r"\.(?!\d)", name):
        return False
    return len(words) >= 2 or bool(_CODE_WORD.search(name))


def topic_mentions(section: Section, report: Report) -> list[Mention]:
    """One mention per topic message of a chat log section, holding the messages after it."""
    messages = [(number, found) for number, raw in section.lines if (found := message_text(raw)) is not None]
    if len(messages) < _MIN_MESSAGES:
        return []
    writers = {writer.lower() for _, (_, _, writer) in messages}
    # Who runs the meeting sets its topics: whoever opens the log, and whom a "#chair" names.
    chairs = {messages[0][1][2].lower()}
    out: list[Mention] = []
    current: Mention | None = None
    for number, (body, _, writer) in messages:
        handover = _CHAIR.match(body)
        if handover:
            chairs.add(handover["nick"].lower())
        if writer.lower() not in chairs and not _TOPIC_COMMAND.match(body):
            if current is not None:
                current.units.append(Unit(number, body, head=True))
                current.end = number
            continue
        name = _topic(body, writers)
        if isinstance(name, str):
            current = Mention(name, section, number, number, [Unit(number, body, head=True, skip=len(body))])
            current.origin = "lead"
            out.append(current)
        elif name is False:
            current = None
        elif current is not None:
            # The message's own text (a part of its line, so a citation of it still verifies):
            # the writer's handle and the time are no news of the project.
            current.units.append(Unit(number, body, head=True))
            current.end = number
    return [mention for mention in out if len(mention.units) > 1]


def with_chat_topics(report: Report, found: list[Mention]) -> list[Mention]:
    """`found` and the topic blocks of every chat log section."""
    return found + [m for section in report.all_sections() for m in topic_mentions(section, report)]
