"""A report's own status words, declared in its legend.

Teams invent their scales: a newsroom writes `ON DEADLINE` / `TIGHT` / `LATE` / `HOLD` / `SPIKED`, a
programme office `Green-ish`, a factory `正常推进` / `盯紧`. A report that defines them in a legend
(`KEY: ON DEADLINE = on track / TIGHT = at risk / LATE = off track`, continued on indented lines or
wrapped, in the report's head or as its footer: `Condition key: STABLE = on track | GUARDED = …`) is
read with them: `signals.field_status` consults the words while its report is read
(`status_signs.reading_status_words`, set by `extract`). A legend's meanings are read with the common
vocabulary; a word the legend leaves out keeps its common meaning.
"""

from __future__ import annotations

import re

from index.ledger.signals import field_status
from index.ledger.status_signs import shown_emoji
from index.models import Report
from index.schemas import ProjectStatus
from index.text.normalise import EMOJI, LETTER_TAG

_LEGEND_LINE = re.compile(
    r"^\W*(?:(?:[A-Za-z]+\s+)?(?:key|legend|codes)|图例|凡例|범례|状态说明|状态图例|灯号说明)"
    # `STATUS CODES  S = SERVICEABLE (ON TRACK)`: a form's label set off by a gap, not a colon
    r"(?:\s*[:：]|\s{2,}(?=\S+\s*[=＝]))\s*(?P<body>.*)$",
    re.I,
)
# `TIGHT = at risk`, `HOLD=paused`, `U/S = UNSERVICEABLE (OFF TRACK)`: a word (or a few, a slash
# inside one), an equals sign, what it means.
# (entries set apart by a middle dot or a bullet: `OT = on track · AR = at risk · OFF = off track`)
_ENTRY = re.compile(
    r"(?P<word>[^\s=/|,;，；·•](?:[^=/|,;，；·•]|/(?=\S)){0,24}?)\s*[=＝]\s*(?P<meaning>[^=/|,;，；·•]{1,40})"
)
# Entries side by side in columns (`HOLD  = PAUSED BY SPONSOR          SCRAP = CANCELLED`), or two
# spaces apart when a short word and its equals sign follow (`B = complete  G = on plan`).
_COLUMN_GAP = re.compile(r"\s{3,}(?![\s=＝])|\s{2}(?=[^\s=＝]{1,12}\s*[=＝])")
_GLYPH_ENTRY = re.compile(rf"[{EMOJI}]\ufe0f?\s*[^\s{EMOJI}]")
_CONTINUATION = 8
_MIN_WORDS = 2
# A legend of marks each written against its word, no equals sign (`状态　◎结案　○正常　△注意　×落后
# ◇暂停　—取消`, w28-d): the line names the status and gives three or more marks with their words.
_MARK_LEGEND = re.compile(
    r"^\W{0,3}(?:注\s*[:：]\s*)?(?:状态|标记|符号|status)\s*[:：]?\s*(?P<body>.*)$", re.I
)
_MARKS = "◎○●◐◑△▲×✕✖◇◆□■☆★—"
_MARK_ENTRY = re.compile(rf"([{_MARKS}])\s*([^\s=＝{_MARKS}；;，,。、|｜]{{1,8}})")
_MIN_MARKS = 3


def read_status_words(report: Report) -> dict[str, ProjectStatus]:
    """The legend's words (folded to lower case) and the status each stands for; empty without one."""
    found = _legend(report)
    return found[1] if found else {}


def legend_lines(report: Report) -> set[int]:
    """The line numbers of the report's status legend: a key to the scale, not a project's news."""
    found = _legend(report)
    return found[0] if found else set()


def _marks(line: str) -> dict[str, ProjectStatus]:
    """A mark legend's marks and the status each word says (`○正常` → ○ on track)."""
    match = _MARK_LEGEND.match(line)
    if match is None:
        return {}
    words = {m[1]: status for m in _MARK_ENTRY.finditer(match["body"]) if (status := field_status(m[2]))}
    return words if len(words) >= _MIN_MARKS else {}


def _legend(report: Report) -> tuple[set[int], dict[str, ProjectStatus]] | None:
    numbered = list(report.lines)
    for index, (number, raw) in enumerate(numbered):
        marks = _marks(raw.strip())
        if marks:
            return {number}, marks
        match = _LEGEND_LINE.match(raw.strip())
        if match is None and len(_entries(raw.strip())) < _MIN_WORDS:
            continue
        # (a line of two or more `WORD=meaning` entries whose meanings are statuses is a legend
        # whatever it is called: `附: 状态沿用 Jenkins 球色 —— BLUE=正常 / YELLOW=有风险`)
        body, taken = (match["body"] if match else raw.strip()), {number}
        for more_number, more in numbered[index + 1 : index + 1 + _CONTINUATION]:
            # (a labelled key's list of codes wraps after its separator: `RAG key: G on track / A at
            # risk / … /` over `         D done / X cancelled`, w41-f)
            if match is not None and body.rstrip()[-1:] in "/|｜;；" and more.strip():
                body += " " + more.strip()
                taken.add(more_number)
                continue
            if "=" not in more:
                break
            if more[:1].isspace():  # an indented entry of its own
                body += " / " + more.strip()
            elif body.rstrip()[-1:] not in ".。":  # the legend's line wrapped mid-entry
                body += " " + more.strip()
            else:
                break
            taken.add(more_number)
        words = _entries(body, labelled=match is not None)
        if len(words) >= _MIN_WORDS or len(_GLYPH_ENTRY.findall(shown_emoji(body))) >= _MIN_WORDS:
            # `图例：🟢正常　🟡有风险　⏸暂停`, `:white_check_mark: 正常　:warning: 关注`: each sign
            # means the word written against it (a ✅ can be on track here); the line is a key
            return taken, {**_signs(shown_emoji(body)), **words}
        tags = _tags(body) if match else {}
        if len(tags) >= _MIN_WORDS:
            return taken, tags
    return None


# A letter tag and the word written against it (`图例 : [G]正常  [Y]有风险  [P]暂停  [D]完成/上线`): a
# text report's tags, set after each project's key (`P2 [Y] H2Go 预约`).
_TAG_ENTRY = re.compile(rf"({LETTER_TAG})\s*([^\s\[(（【=＝|｜;；,，。]{{1,12}})")


def _tags(body: str) -> dict[str, ProjectStatus]:
    """Each tag of a tag legend (lower case, as the legend's words are kept) and the status its word
    says (the first of `完成/上线`)."""
    return {
        tag.lower(): status
        for tag, word in _TAG_ENTRY.findall(body)
        if (status := field_status(word) or field_status(re.split(r"[/／、]", word)[0]))
    }


# A sign and the word written against it (`✅ 正常`, `🏁 已完成/已上线`).
_SIGN_ENTRY = re.compile(rf"([{EMOJI}])\ufe0f?\s*([^\s{EMOJI}=＝|｜;；,，。]{{1,12}})")


def _signs(body: str) -> dict[str, ProjectStatus]:
    """Each sign of a glyph legend and the status its word says (the first of `已完成/已上线`)."""
    return {
        sign: status
        for sign, word in _SIGN_ENTRY.findall(body)
        if (status := field_status(word) or field_status(re.split(r"[/／、]", word)[0]))
    }


# A code and its words, no equals sign, between bars (`OC On Course | CA Caution | JE Jeopardy`), or
# between slashes in a labelled key (`RAG key: G on track / A at risk / H on hold`): unlabelled, a line
# of slashes is news (`API done / SDK blocked`).
_CODE_AND_MEANING = r"\s*(?P<word>[A-Z]{1,4})\s+(?P<meaning>[A-Za-z][\w' -]{1,30}?)\s*"
_CODE_ENTRY = re.compile(rf"(?:^|[|;；]|[:：]){_CODE_AND_MEANING}(?=[|;；.]|$)")
# (a slash set off by spaces: `X Closed/Cancelled` is one meaning)
_SLASHED_CODE_ENTRY = re.compile(rf"(?:^|[|;；]|(?<=\s)/|[:：]){_CODE_AND_MEANING}(?=[|;；.]|/\s|/$|$)")


# Entries written tight, one space apart (`MET=按计划 MARGINAL=有风险 VIOLATED=延期/受阻`): each
# starts at a word joined to its equals sign, so a meaning never runs into the next entry's word.
_SPACED_EQUALS = re.compile(r"\s[=＝]|[=＝]\s")
_TIGHT_ENTRY_START = re.compile(r"\s+(?=[^\s=＝]+[=＝])")


def _entries(body: str, labelled: bool = False) -> dict[str, ProjectStatus]:
    """A legend's `WORD = meaning` entries (or `CODE Meaning` ones between bars, or between slashes
    when the line says it is a key) whose meanings read as statuses, by their folded word."""
    words: dict[str, ProjectStatus] = {}
    for entry in (_SLASHED_CODE_ENTRY if labelled else _CODE_ENTRY).finditer(body):
        status = _meaning(entry["meaning"].strip())
        if status is not None:
            words[entry["word"].casefold()] = status
    if not _SPACED_EQUALS.search(body):
        body = _TIGHT_ENTRY_START.sub(" | ", body)
    for entry in _ENTRY.finditer(_COLUMN_GAP.sub(" | ", body)):
        status = _meaning(entry["meaning"].strip())
        if status is not None:
            # (what stands before a colon or a dash is the legend's own lead, not its word)
            word = re.split(r"[:：—–]+", entry["word"])[-1]
            words[word.strip(" *_`").casefold()] = status
    return words


def _meaning(text: str) -> ProjectStatus | None:
    """What an entry means, read as a status field; or its gloss in brackets, the scale's word
    explained in the common one (`SERVICEABLE WITH DEFERRAL (AT RISK)`)."""
    gloss = re.search(r"[(（]([^()（）]{2,30})(?:[)）]|$)", text)
    return field_status(text) or (field_status(gloss[1].strip()) if gloss else None)
