"""Chat digests: one message per person, the project named in the message's running text.

A bot-compiled Slack or Teams digest (`*@dana* — :warning: Dock Scheduler v2 slides to end of
sprint 23.` over `• fix is small, re-review Wed 3/26`) has no headings or labels to name its
projects: the writer's handle opens each message, an emoji shortcode gives its status (by the
digest's own `Legend:` line where it has one), and the project is the subject of the sentence
that follows. The bullets under a message are its sub-steps. Written from slack-standup-logistics.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from index.ledger.field_labels import Labelled
from index.ledger.mentions import Mention, Unit, clean_name, line_text, valid_name
from index.ledger.signals import LIFECYCLE, field_status, find_statuses
from index.models import Report, Section, line_texts
from index.schemas import ProjectStatus

# A message: the writer's handle (bold or not), a dash or colon, then the text.
_MESSAGE = re.compile(r"^\*{0,2}@[\w.-]{1,30}\*{0,2}\s*[—–:-]+\s*(?=\S)")
_SHORTCODE = re.compile(r":[a-z0-9_+-]{2,40}:")
# (`图例 :otter_ok: 正常 | …`: a shortcode may follow the word with no colon of its own)
_LEGEND = re.compile(
    r"^\W*(?:legend|key|status key|图例|凡例|범례|状态说明)(?:\s*[:：](?![a-z0-9_+-]{2,40}:)|\s+(?=:[a-z0-9_+-]{2,40}:))"
    r"\s*(?P<body>.+)$",
    re.I,
)
# What the common shortcodes mean in a status report when no legend says otherwise.
_CONVENTION: dict[str, ProjectStatus] = {
    ":warning:": "at_risk",
    ":large_yellow_circle:": "at_risk",
    ":yellow_circle:": "at_risk",
    ":red_circle:": "off_track",
    ":large_green_circle:": "on_track",
    ":green_circle:": "on_track",
    ":white_check_mark:": "done",
    ":heavy_check_mark:": "done",
    ":no_entry:": "blocked",
    ":double_vertical_bar:": "paused",
    ":pause_button:": "paused",
}
# Words after which a message's subject has ended: verbs, status and schedule words, prepositions.
_STOP = frozenset(
    re.split(
        r"\s+",
        "is are was were has have had hasn't haven't isn't wasn't will won't can't needs still now not "
        "no on at to for by in from with and went goes going slides slid slipped slips blocked kicked "
        "started starting shipped launched done cancelled canceled paused moving moved rolled finished "
        "completed got hit reached passed landed remains stays looks beta",
    )
)
_MAX_NAME_WORDS = 6
_MIN_MESSAGES = 2


def read_legend(report: Report) -> dict[str, ProjectStatus]:
    """`Legend: :white_check_mark: on track  :warning: at risk …`: each shortcode's status here."""
    return legend_of(tuple(raw for _, raw in report.lines))


@lru_cache(maxsize=256)
def legend_of(texts: tuple[str, ...]) -> dict[str, ProjectStatus]:
    """The shortcode legend among these lines (`read_legend`)."""
    for raw in texts:
        match = _LEGEND.match(raw.strip())
        if match is None:
            continue
        body = match["body"]
        codes = list(_SHORTCODE.finditer(body))
        legend: dict[str, ProjectStatus] = {}
        for index, code in enumerate(codes):
            end = codes[index + 1].start() if index + 1 < len(codes) else len(body)
            status = field_status(body[code.end() : end].strip(" /"))
            if status is not None:
                legend[code[0]] = status
        if legend:
            return legend
    return {}


# A status sign opening a line before its name (`:otter_sweat: **WebShop** — …`, `🟡 **OBv2** — 85%`).
# (a digest's state in brackets is such a sign: `[At risk] eKYC v2 — …`)
LEAD_SIGN = re.compile(
    r"^[\s#>*+•-]*(:[a-z0-9_+-]{2,40}:|[🟢🟡🟠🔴🟩🟨🟧🟥⏸✅❌⛔🔵](?:\ufe0f)?|\[[^\[\]]{2,16}\](?= \S))\s*(?=\S)"
)


def sign_status(sign: str, legend: dict[str, ProjectStatus]) -> ProjectStatus | None:
    """What a line's opening sign says of its project: by the report's legend, else the common
    shortcodes' convention, else the sign's own colour."""
    if sign.startswith(":"):
        return legend.get(sign) or _CONVENTION.get(sign) or _named_sign(sign)
    return field_status(sign.strip("[]"))


# A server's own emoji are named for what they show (`:otter_ok:`, `:otter_fire:`, `:blob_sweat:`):
# a legend in one report is not repeated in the next, and the name's words say the same thing.
_SIGN_WORDS: dict[str, ProjectStatus] = {
    **dict.fromkeys(("ok", "okay", "green", "good", "fine", "thumbsup"), "on_track"),
    **dict.fromkeys(("sweat", "warning", "warn", "yellow", "amber", "worried", "nervous"), "at_risk"),
    **dict.fromkeys(("fire", "red", "sos", "alarm", "siren", "panic"), "off_track"),
    **dict.fromkeys(("zzz", "sleep", "sleeping", "pause", "paused", "frozen"), "paused"),
    **dict.fromkeys(("party", "tada", "rocket", "shipit", "launch", "confetti"), "launched"),
}


def _named_sign(sign: str) -> ProjectStatus | None:
    words = [w for w in re.split(r"[_+-]", sign.strip(":").casefold()) if w in _SIGN_WORDS]
    return _SIGN_WORDS[words[-1]] if words else None


def message_subject(text: str) -> tuple[str, int] | None:
    """(the subject's words, where they end) of a message's first sentence, or None when it opens
    with something other than a name ("Not blocked anymore — …")."""
    words: list[str] = []
    end = 0
    for token in re.finditer(r"\S+", text):
        word = token[0]
        bare = word.strip(".,;:!?").lower()
        if _SHORTCODE.fullmatch(word):
            break
        if not words and not (word[0].isupper() or word[0].isdigit()):
            return None  # "quick one from me": no name opens it
        if words and (bare in _STOP or word[0] in "([—–-" or re.match(r"\d+(?:\.\d+)?%", bare)):
            break
        words.append(word.rstrip(".,;:!?"))
        end = token.start() + len(words[-1])
        if word[-1] in ".,;:!?" or len(words) >= _MAX_NAME_WORDS:
            break
    if not words or words[0].lower() in _STOP:
        return None
    return " ".join(words), end


def with_chat_messages(report: Report, found: list[Mention]) -> list[Mention]:
    """`found` with a digest section's mentions replaced by one per message: its bullets are a
    message's sub-steps, not projects, and its writers' handles name no project."""
    digests = {id(s): chat for s in _walk(report.sections) if (chat := chat_mentions(s, report)) is not None}
    kept = [mention for mention in found if id(mention.section) not in digests]
    return kept + [mention for chat in digests.values() for mention in chat]


def _walk(sections: list[Section]) -> Iterator[Section]:
    for section in sections:
        yield section
        yield from _walk(section.children)


def _name_ok(candidate: str) -> str | None:
    name = clean_name(candidate)
    return name if valid_name(name) else None


def chat_mentions(section: Section, report: Report) -> list[Mention] | None:
    """One mention per message of a digest section, or None when the section is no digest."""
    lines = line_texts(report.lines)
    leads = [n for n, raw in section.lines if _MESSAGE.match(line_text(raw))]
    if len(leads) < _MIN_MESSAGES:
        return None
    legend = read_legend(report)
    out: list[Mention] = []
    numbers = [n for n, _ in section.lines]
    for lead in leads:
        mention = _message(lead, numbers, lines, legend, section)
        if mention is not None:
            out.append(mention)
    return out


def _message(
    lead: int,
    numbers: list[int],
    lines: dict[int, str],
    legend: dict[str, ProjectStatus],
    section: Section,
) -> Mention | None:
    text = line_text(lines[lead])
    match = _MESSAGE.match(text)
    assert match is not None
    start = match.end()
    codes = re.match(r"(?:\s*:[a-z0-9_+-]{2,40}:)*\s*", text[start:])
    body_start = start + (codes.end() if codes else 0)
    found = message_subject(text[body_start:])
    name = _name_ok(found[0]) if found else None
    if found is None or name is None:
        return None
    head = Unit(lead, text, head=True, skip=body_start + found[1])
    units = [head]
    # "DSv2 went live Wed 4/2" under a green mark: the words say more than the mark.
    told = any(hit.value in LIFECYCLE for hit in find_statuses(text[head.skip :]))
    for code in [] if told else _SHORTCODE.finditer(text, start, body_start):
        status = legend.get(code[0]) or _CONVENTION.get(code[0])
        if status is not None:
            labelled = Labelled("status", code[0], 0, "status")
            units.append(Unit(lead, code[0], head=True, labelled=labelled, status=status))
            break
    end = lead
    for number in numbers[numbers.index(lead) + 1 :]:
        raw = lines.get(number, "")
        if not raw.strip() or _MESSAGE.match(line_text(raw)):
            break
        units.append(Unit(number, line_text(raw), head=False))
        end = number
    return Mention(name, section, lead, end, units)
