"""An incident's title: the event in the report's own words, not a heading label or a time.

The clause that holds the incident word (else the first that says something), without a leading
label (`Impact:`), a run-in heading (`（一）故障处置情况。3月19日9时12分，…`), a chat log's stamp
(`[16:02] <nick>`), its days, clock times, durations and time-of-day words. A telling whose day
comes from its heading (`## 11月6日 CDN 证书过期，商品图片加载失败`) is titled by that heading.
"""

from __future__ import annotations

import re
from datetime import date

from index.ledger.field_labels import split_label
from index.ledger.incident_fields import SEVERITY, SHORTCODE, duration
from index.text.eventdates import event_dates

# A clause ends at a comma, colon or stop; a dot inside a word (`mirrors.qingtan.dev`, `1.86.0`) or
# the colon of a clock time (`from 08:15`) is none.
_CLAUSE_SPAN = re.compile(
    r"(?:[^，。；;：:]|(?<=\d)[:：](?=\d))+?(?=[，。；;]|[：:](?!\d)|(?<!\d),(?!\d)|\.(?=\s|$)|\s[—–-]\s|$)"
)
_WHEN_WORDS = re.compile(
    r"\b(?:on|last|this|at|from|since)\s+(?=\s|$)|\b(?:morning|afternoon|evening|night)\b|'s\b|"
    r"凌晨|早上|上午|中午|下午|晚上|夜间|晚(?=\s|$)|左右|前后|"
    # the weekday and the clock's zone beside a time: `4/15 (周二) 09:05-09:52 PT`
    r"(?:周|星期|礼拜)[一二三四五六日天]|\b(?:mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|urday)?\b\.?|"
    r"\b(?:UTC|GMT|PT|PST|PDT|ET|EST|EDT|CET|CEST|BST|JST|SGT|HKT|BJT)\b|北京时间",
    re.I,
)
_CLOCK = re.compile(r"(?<![\d:])(?:[01]?\d|2[0-3])(?::[0-5]\d|时[0-5]?\d分?|点(?:[0-5]?\d分?|半)?)(?![\d:])")
_CHAT_STAMP = re.compile(r"\[(?:[01]?\d|2[0-3]):[0-5]\d(?::\d\d)?\]\s*(?:<[^>\s]{1,32}>)?")
# A numbered run-in heading that opens a paragraph: `（一）故障处置情况。`, `2. Incident summary:`.
_RUN_IN = re.compile(r"^\W{0,2}[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]\s*[^，。；;:：,\d]{1,14}[。：:]")
_MIN_LETTERS = 4
# A form field's label over the week's incident (`Incident details:`, `事故经过：`): a label, however long.
DETAIL_LABEL = re.compile(
    r"\W*(?:incident|outage|事故|故障|事件)\s*(?:details?|summary|description|详情|描述|说明|经过)", re.I
)
# A clause that only assigns the event its level (`事件定为二级`, `定级：P2`): no event in it.
_LEVEL_ONLY = re.compile(
    r"^\W*(?:事件|事故|故障)?\s*(?:定为|定级为|定级|评定为|评为|级别为)\s*[:：为]?\s*(?:[一二三四五]|[A-D]|P[0-4])\s*[级类]?\W*$"
)


def event_title(text: str, at: int, ref: date, heading: str | None = None) -> str:
    """The title of the incident told in `text`, its word at `at`; `heading` when the telling's day
    is the heading's."""
    if heading is not None:
        titled = _plain(SEVERITY.sub(" ", heading), ref)
        if not _weak_plain(titled, titled):
            return titled
    text = _CHAT_STAMP.sub(lambda m: "；" + " " * (len(m[0]) - 1), text)  # a message is a clause; `at` stays
    text = SHORTCODE.sub(lambda m: " " * len(m[0]), text)  # `:red_circle:` is a sign, its colons no label's
    run_in = _RUN_IN.match(text)
    labelled = split_label(text)
    start = (
        labelled.rest_offset
        if labelled
        and labelled.rest
        and (len(labelled.label) <= 12 or DETAIL_LABEL.fullmatch(labelled.label))
        else 0
    )
    start = max(start, run_in.end() if run_in else 0)
    clauses = [
        m
        for m in _CLAUSE_SPAN.finditer(text, start)
        if m[0].strip() and not (text[m.end() : m.end() + 1] in (":", "：") and len(m[0]) <= 12)  # a label
    ]
    ordered = [m for m in clauses if m.start() <= at < m.end()] + clauses
    days = event_dates(text, ref)  # read once for the whole text, not once per clause
    for match in ordered:
        clause = match[0]
        for hit in days:
            if match.start() <= hit.start and hit.end <= match.end():
                clause = clause.replace(hit.text, " ", 1)
        clause = _plain(clause, ref, dated=False)
        if not _weak_plain(clause, clause):
            return clause
    return text.strip()


def weak(title: str, ref: date) -> bool:
    """A title with nothing of the event in it (`On`, `40 左右`, `下午到4月3日晚`, `【 】（周三）10:12`),
    or a run-in heading (`一）故障处置情况`)."""
    return _weak_plain(_plain(title, ref), title)


def _weak_plain(plain: str, title: str) -> bool:
    """`weak` of a title whose days and times `_plain` has taken out already."""
    told, _ = duration(plain)
    if told:
        plain = re.sub(re.escape(told.lstrip("了")) + r"\w*", " ", plain, count=1)
    letters = re.sub(r"[\W\d_]+", "", plain)
    return (
        len(letters) < _MIN_LETTERS
        or _RUN_IN.match(title + "。") is not None
        or _LEVEL_ONLY.match(plain) is not None
    )


def _plain(clause: str, ref: date, dated: bool = True) -> str:
    """The clause without its days (unless the caller took them out: not `dated`), clock times and
    time-of-day words; it keeps how long it lasted (`was down for about 40 minutes`)."""
    if dated:
        for hit in event_dates(clause, ref):
            clause = clause.replace(hit.text, " ", 1)
    clause = _WHEN_WORDS.sub(" ", _WHEN_WORDS.sub(" ", _CLOCK.sub(" ", clause)))
    clause = re.sub(r"[(（【\[]\s*[)）】\]]|[(（]\s*[-–~至到]\s*[)）]|\s+", " ", clause)
    return clause.strip(" *_`()（）,，、-–—~")
