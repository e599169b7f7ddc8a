"""Where in a report its date stands, and in which order to believe the places.

A report says when it was written in its title, its front matter, a labelled header line, a
dateline under the title, its file name or its sign-off; some write only a day and a month,
whose year then comes from the sibling reports (`near`). The report's own statements come before
anything read near its series. Split from `parse.py`: one job, the order of the places; what a
date looks like in each place is `report_date`'s.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path

from index.date_labels import (
    DATE_LABEL_CELL,
    EDIT_LABEL,
    ISSUE_LABEL,
    VCS_KEYWORD,
    after_byline,
    column_labelled_date,
    field_date,
    labelled_date,
    labelled_parts,
    trailing_date,
)
from index.line_rewrites import chat_stamp_date, stamps_day_first
from index.models import FrontValue
from index.report_date import (
    POSTED_WITHIN_DAYS,
    FoundDate,
    bare_date,
    compact_date,
    date_from_text,
    full_dates_in,
    issue_year_date,
    midnight_period,
    opening_date,
    six_digit_stem_date,
    weekday_date,
    yearless_date,
    yearless_stem_date,
)
from index.text.time_core import DAY_FIRST

HEADER_LINES = 20  # how far down a labelled date line ("date: 2025-03-07") may stand
GUESSED = "first dated line (guessed)"  # the origin of a date read by the last resort, warned about


# (a note app's creation stamp last: `created_time` in the metadata after a Joplin note's body)
_DATE_KEYS = ("date", "report_date", "week", "period", "title", "user_created_time", "created_time")
# A page's creation stamp beside its edit stamp (Wiki.js `dateCreated`, a CMS's `created`).
_CREATED_KEYS = ("datecreated", "date_created", "created", "created_at", "createdat")
# A front matter field whose day is a plan's, not the report's: `startDate`, `target_date`, `due`.
# (`week_ending:` is the report's own: only a key that is the plan word, with `date` or `on` after it)
_PLAN_KEY = re.compile(r"^(?:start|target|due|deadline|end|launch|eta|go_?live)(?:[_-]?(?:date|day|on|at))?$")
_STAMP_DAYS = 3  # a title's yearless day this near its note's stamp is the day the writer meant
_COMMIT_DAYS = 14  # a period line's yearless end this long before the file's commit stamp is its week


# A wiki that writes a page name's hyphens as spaces (Gollum: `周报 2024 05 11 · … Wiki · GitHub`, w44-h).
_SPACED_DAY = re.compile(r"(?<!\d)(20\d{2}) (0[1-9]|1[0-2]) (0[1-9]|[12]\d|3[01])(?!\d)")


def stem_date(stem: str) -> FoundDate | None:
    """The date a file's name writes: with dashes, underscores, spaces or none between its parts.

    An underscore between the name's fields is a space too: `wp-post_weekly-18_2024-03-01` read
    with dashes runs the issue number into the year (`18-2024-03-01`, no date)."""
    dashed = stem.replace("_", "-")
    return (
        date_from_text(_SPACED_DAY.sub(r"\1-\2-\3", dashed))
        or date_from_text(_SPACED_DAY.sub(r"\1-\2-\3", stem.replace("_", " ")))
        or compact_date(stem)
    )


def _labels_over_values(lines: list[str]) -> list[str]:
    """A form's date label over its value (Oracle APEX's `报告日期 Report Date` above `07-3月 -25`, a
    label and its field a line each) read as one labelled line, so an issue date outranks the
    period above it as it does written on one line (w51-h)."""
    out: list[str] = []
    skip = False
    for at, line in enumerate(lines):
        if skip:
            skip = False
            continue
        value = lines[at + 1] if at + 1 < len(lines) else ""
        if (
            DATE_LABEL_CELL.fullmatch(line.strip())
            and not DATE_LABEL_CELL.fullmatch(value.strip())
            and date_from_text(value) is not None
        ):
            out.append(f"{line.strip()}: {value.strip()}")
            skip = True
        else:
            out.append(line)
    return out


def detect_report_date(
    title: str | None,
    title_lines: list[str],
    front: dict[str, FrontValue],
    path: Path,
    body: list[tuple[int, str]],
    near: date | None,
    sent: str | None = None,
) -> FoundDate | None:
    """A mail's sent field, the title, front matter, a labelled header line, the file name, a dated
    sign-off, then a yearless title, header or dateline date read near its sibling reports: the
    report's own statements before anything else. All-number days are read in the order the caller
    set (`timeexpr.reading_day_first`: `parse_report` sets the report's own)."""
    found = date_from_text(sent) if sent else None
    if found is not None and found.origin == "date":
        return FoundDate(found.value, "mail header")
    # (the first message with a sender: the export's own lines before it, `… created group`, are older)
    day_first = stamps_day_first((text for _, text in body), DAY_FIRST.get())
    stamped = next(
        (d for _, text in body[:HEADER_LINES] if (d := chat_stamp_date(text, day_first)) is not None), None
    )
    if stamped is not None:
        return FoundDate(stamped, "chat stamp")
    for text in ([title] if title else []) + title_lines:
        # (a tracker's printable issue titles it with several days: `… w/c 10/Mar/25 Created: 14/Mar/25`)
        found = midnight_period(text) or labelled_date(text) or date_from_text(text)
        if found:
            posted = _posted_in_month(found, body) if found.origin == "month" else None
            if posted is not None:
                return posted
            exact = _day_in_week(found, body, path) if found.origin == "week" else None
            if exact is not None:
                return exact
            return FoundDate(found.value, f"title ({found.origin})" if found.origin != "date" else "title")
    for key in _DATE_KEYS:
        value = front.get(key)
        if key == "date" and isinstance(value, datetime):
            # Wiki.js writes `date:` as the page's last edit and `dateCreated:` as its making: a
            # report edited days later is still of the day it was made
            created = next((c for k in _CREATED_KEYS if isinstance(c := front.get(k), datetime)), None)
            value = min(value, created) if created is not None else value
        if isinstance(value, datetime):
            # `date: 2025-03-13T23:30:00Z`, a notes app's creation stamp in UTC, under
            # `title: 信息科周报-20250314`: the day the writer put in the title is the report's
            title_text = str(front.get("title", title or ""))
            named = date_from_text(title_text) or compact_date(title_text)
            if named is not None and named.origin == "date":
                return FoundDate(named.value, "front matter")
            # `周报 0314` over a UTC stamp of 2025-03-13T17:40Z: the writer's own day, the stamp's year
            yearless = yearless_stem_date(title_text, value.date())
            if yearless is not None and abs((yearless.value - value.date()).days) <= _STAMP_DAYS:
                return FoundDate(yearless.value, "title, year from its front matter")
            return FoundDate(value.date(), "front matter")
        if isinstance(value, date):
            return FoundDate(value, "front matter")
        if value is not None:
            found = date_from_text(str(value))
            if found:
                return FoundDate(found.value, "front matter")
    header = _labels_over_values([text for _, text in body[:HEADER_LINES] if not VCS_KEYWORD.match(text)])
    # A mail client's print of a thread heads each message with its sender and the day it went out
    # (Gmail's `| Meg Oduya <moduya@…> | Fri, Oct 25, 2024 at 4:49 PM`): the first message's day.
    for text in header:
        found = date_from_text(text) if _SENDER.search(text) else None
        if found is not None and found.origin == "date":
            return FoundDate(found.value, "mail header")
    # An issue date on its own line beats a period on an earlier one (`Reporting period: …` over
    # `Issue date: 25/03/2025`), as it does on one line: a report is of the day it was issued.
    stated = [t for t in header if ISSUE_LABEL.search(t)]
    for text in [*stated, *(t for t in header if not EDIT_LABEL.match(t)), *header]:
        found = midnight_period(text) or labelled_date(text) or bare_date(text)
        if found:
            return _header_day(title, text, found.value)
    found = column_labelled_date(header)
    if found is not None:
        return FoundDate(found.value, "header record")
    for text in _title_block(body):
        found = trailing_date(text) or field_date(text)
        if found:
            return _header_day(title, text, found.value)
    found = _memo_date(body)
    if found is not None:
        return found
    for text in _datelines(body):
        found = opening_date(text, None)
        if found:
            return _header_day(title, text, found.value)
    committed = _commit_stamp(body)
    if committed is not None:
        return _period_before_commit(header, committed) or FoundDate(committed, "commit stamp")
    found = stem_date(path.stem)
    if found and not (found.origin == "month" and _issue_numbered(path.stem, title_lines, header)):
        saved = _saved_before(found.value, path.stem, [title] if title else [])
        return saved or FoundDate(found.value, "file name")
    # A saved web page's own header stands below its site's chrome (breadcrumbs, a navigation tree):
    # its heading and the lines under it (`## Update 14 – week ending Friday 7 February 2025`, a
    # Sphinx page's `- Date: Fri 28 Feb 2025`), read as a header is.
    for text in _headed_blocks(body):
        # (a label's day only: an export stamp further down, `Exported from … · 2025-11-03`, is not it)
        headed = next((hit for part in labelled_parts(text) if (hit := date_from_text(part))), None)
        headed = headed or (date_from_text(text) if text.startswith("#") else None)
        # (a blog entry's byline under its heading, its day and the hour it was posted:
        # `2025/2/21 下午5:08 - 5 分钟阅读`, a Liferay entry saved from the browser, w52-h)
        headed = headed or (opening_date(text, None) if _BYLINE.match(text) else None)
        # (a special edition's lead naming its own day: `As of 9:00 a.m. today, Monday, April 14,
        # 2025, all nine branches …`, w52-d)
        today = _TODAY_IS.search(text)
        headed = headed or (date_from_text(text[today.end() : today.end() + 32]) if today else None)
        if headed and headed.origin == "date":
            return FoundDate(headed.value, "header under the page's heading")
    # A slide deck's cover: its heading, then a line opening with the full day the deck was shown
    # (`# 梯联网交付周会 · 第28期` over `2025年5月8日（周四）14:00 · 节后首次周会（5/1 休会）`), the other
    # days on that line an aside.
    for text in _cover_lines(body):
        found = opening_date(text, None)
        if found is not None:
            return FoundDate(found.value, "header under the page's heading")
    # A slide deck's front matter dates it in a field that is not a date field (Marp's
    # `footer: 团队 · 2024年5月23日（周四）`, a `subtitle:`): a full day in any value, when no date
    # field, title, header line or file name gave one.
    # (and a day a field holds as YAML's date, `last_reviewed_on: 2025-03-21` on a GOV.UK Tech Docs page:
    # the day the page was last looked at, when nothing else says which day it is of)
    # (a record's creation stamp before any other field's day: a GitHub project's status update,
    # `createdAt: 2025-02-28T22:37:15Z` under the programme's `startDate:` and `targetDate:`, w53-a)
    made = next((c for k in _CREATED_KEYS if isinstance(c := front.get(k), date)), None)
    if made is not None:
        return FoundDate(made.date() if isinstance(made, datetime) else made, "front matter")
    for key, value in front.items():
        if _PLAN_KEY.search(key):
            continue  # a plan's day (`startDate`, `targetDate`, `due`): not when the report was written
        if isinstance(value, date):
            return FoundDate(value.date() if isinstance(value, datetime) else value, "front matter")
        found = date_from_text(value) if isinstance(value, str) else None
        if found and found.origin == "date":
            return FoundDate(found.value, "front matter")
    # (the last lines stamped with different days are a checklist's completion stamps, `AI质检：规则库评审
    # 何婧, 2024年4月30日 10:21` under `本周完成`, not the one day a sign-off gives)
    signed = [found for text in _sign_off(body) if (found := date_from_text(text)) and found.origin == "date"]
    if signed and len({found.value for found in signed}) == 1:
        return FoundDate(signed[0].value, "sign-off line")
    # A bulletin's issuance line under its codes and titles (`NOXX51 XNMS 211745`, `PSDFSM`, two
    # title lines, then `545 PM GMT Fri Mar 21 2025`): a full date opening a line a little further down.
    for text in _datelines(body, _LATE_DATELINES)[_DATELINES:]:
        found = opening_date(text, None)
        if found:
            return FoundDate(found.value, "header line")
    # A newsletter's issue banner below its masthead (`第33期 ｜ 2025.03.21 周五 ｜ 产研中心PMO 出品`): a
    # line of fields, one of them the full day; never a table's row, but a record page's property
    # grid (`| File created: | 3/20/2025 | In control: | …`, w41-d), its labels ending in colons.
    for _, text in body[:HEADER_LINES]:
        tabled = _BODY_STARTS.match(text) and not _PROPERTY_ROW.match(text)
        found = None if tabled or EDIT_LABEL.match(text.strip(" |")) else field_date(text)
        if found:
            return FoundDate(found.value, "header line")
    for _, text in body[:HEADER_LINES]:
        if found := issue_year_date(text):
            return found
    if near is not None:
        # (the title's own day and month, also as a file name writes them: `配色周报 0530`)
        found = (yearless_date(title, near) or yearless_stem_date(title, near)) if title else None
        if found:
            # (a dateline under it may write the same day with its weekday, the year's own word)
            day = found.value
            for text in _datelines(body):
                day = _weekday_year(text, day, near)
            return FoundDate(day, "title, year from its series")
        # A header line that says it holds the report's days ("迭代周期：5.6 - 5.17", "Date: Mar 7")
        # without a year: read near its series too, before a heading further down (`## 5/21 宕机复盘`).
        for text in header:
            for part in labelled_parts(text):
                found = yearless_date(part, near)
                if found:
                    return FoundDate(found.value, "header line, year from its series")
        for text in title_lines:
            found = yearless_date(text, near)
            if found:
                return FoundDate(found.value, "title, year from its series")
        # A social post's stamp under its group and author lines (Workplace's and Facebook's
        # `12 April at 17:58`, no year within the current one): a line that is only the stamp.
        for text in header:
            found = yearless_date(text, near) if _POST_STAMP.fullmatch(text.strip()) else None
            if found:
                return FoundDate(found.value, "post stamp, year from its series")
        # A line under the title that opens with its day ("_Thu 31/07 — Tobi editing_"), or a
        # sign-off that writes its day with an agreeing weekday ("/Hanne, Fri 29 Aug").
        for text in _datelines(body):
            found = opening_date(text, near)
            if found:
                return FoundDate(_weekday_year(text, found.value, near), "dateline, year from its series")
            rest = after_byline(text)  # "Posted Friday, April 25": a byline's day, its weekday agreeing
            found = weekday_date(rest, near) if rest else None
            if found:
                return FoundDate(found.value, "byline, year from its series")
        for text in _sign_off(body):
            found = weekday_date(text, near)
            if found:
                return FoundDate(found.value, "sign-off line, year from its series")
        # A title block's line with a yearless day and its agreeing weekday ("PRODUCT BUDGET -- FRI
        # MARCH 7"): the weekday makes the day the report's, as a sign-off's.
        for text in _title_block(body):
            found = weekday_date(text, near)
            if found:
                return FoundDate(found.value, "header line, year from its series")
        # An opening sentence that says when the issue came out ("This issue was published on Monday
        # 10 March, after a one-week break"): its day, when the weekday agrees.
        for _, text in body[:HEADER_LINES]:
            said = _SAYS_PUBLISHED.search(text)
            found = weekday_date(text[said.end() : said.end() + 40], near) if said else None
            if found:
                return FoundDate(found.value, "opening sentence, year from its series")
        # The paragraph under the title that names its day with an agreeing weekday ("Priya here, on
        # a very caffeinated Thursday, September 11."): a letter's opening says when it is written.
        found = weekday_date(" ".join(_without_data_table(_opening_paragraph(body))), near)
        if found:
            return FoundDate(found.value, "opening paragraph, year from its series")
        return (
            yearless_stem_date(path.stem, near)
            or six_digit_stem_date(path.stem, near)
            or _first_dated_line(body)
        )
    return None


# `12 April at 17:58`, `April 12 at 5:58 PM`, `Friday, 12 April at 17:58`: a day, `at`, a clock.
_POST_STAMP = re.compile(r"(?:[A-Za-z]+,?\s+)?[\w ]{3,16}?\s+at\s+\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?")
_CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:\s*[AaPp]\.?[Mm]\.?)?(?![\d:])")


def _header_day(title: str | None, line: str, day: date) -> FoundDate:
    """A header line's day; but a title's yearless day a little before a line that is nothing but a
    stamp (a Google Keep note `FleetTech 週會 5/4` under its edit stamp `Apr 8, 2024, 9:03:17 AM`,
    w46-e) is the writer's own day, in the stamp's year. A labelled day (`Show: TUE 11/02/2025`) is
    the report's, whatever day its title's print stamp names."""
    stamp = bare_date(_CLOCK.sub(" ", line)) is not None
    titled = yearless_date(title, day) if title and stamp else None
    if titled is not None and 0 < (day - titled.value).days <= _STAMP_DAYS:
        return FoundDate(titled.value, "title, year from its header")
    return FoundDate(day, "header line")


def _commit_stamp(body: list[tuple[int, str]]) -> date | None:
    """The day of the file's version-control stamp (`$Date: 2025-03-18 10:05:33 +0800 … $`), if
    its first lines carry an expanded one."""
    for _, text in body[:HEADER_LINES]:
        found = date_from_text(text) if VCS_KEYWORD.match(text) else None
        if found is not None and found.origin == "date":
            return found.value
    return None


def _period_before_commit(header: list[str], committed: date) -> FoundDate | None:
    """The report's own yearless period line (`周期 : 03/10(一) ~ 03/14(五)`) read in its commit's
    year, when it ends in the fortnight before the commit: the week the file reports on."""
    for text in header:
        for part in labelled_parts(text):
            found = yearless_date(part, committed)
            if found is not None and 0 <= (committed - found.value).days <= _COMMIT_DAYS:
                return FoundDate(found.value, "header line, year from its commit stamp")
    return None


# An issue number after its year (`第09期` under `2025年`, `No. 9`): a file named `WR2025-09` numbers
# its issue, it does not name September.
_ISSUE_NUMBER = re.compile(r"第\s*0*(\d{1,3})\s*[期号]|\b(?:no\.?|issue|#)\s*0*(\d{1,3})\b", re.I)


def _issue_numbered(stem: str, title_lines: list[str], header: list[str]) -> bool:
    """Whether a file name's year and month (`WR2025-09`) are its year and issue number: the
    title or header gives the issue that number."""
    month = re.search(r"(?<!\d)20\d{2}[-_.]?0*(\d{1,2})(?!\d)", stem)
    if month is None:
        return False
    numbers = {int(m[1] or m[2]) for text in (*title_lines, *header) for m in _ISSUE_NUMBER.finditer(text)}
    return int(month[1]) in numbers


# A memo's header block (`TO:` / `FROM:` / `DATE:` / `SUBJECT:`), which a saved page may hold below its
# site's chrome, past the lines a header is looked for in (a city clerk's record page, w41-d).
_MEMO_FIELD = re.compile(
    r"^[\W_]{0,4}(to|from|date|subject|re|cc|attn|prepared\s+by|致|发文单位|日期|主题|事由)[\W_]{0,3}?[:：]",
    re.I,
)
_MEMO_LINES = 80
_MEMO_DATE = frozenset(["date", "日期"])


def _memo_date(body: list[tuple[int, str]]) -> FoundDate | None:
    """The `DATE:` field of the first memo header block (a date field among at least two of the
    memo's other fields, nothing but blank lines between them) in the report's opening lines."""
    block: list[tuple[str, str]] = []
    for _, text in [*body[:_MEMO_LINES], (0, "end")]:
        stripped = text.strip()
        field = _MEMO_FIELD.match(stripped) if stripped else None
        if field is not None:
            block.append((re.sub(r"\s+", " ", field[1].lower()), stripped))
            continue
        if not stripped:
            continue
        named = {name for name, _ in block if name not in _MEMO_DATE}
        dated = [line for name, line in block if name in _MEMO_DATE]
        if len(named) >= 2 and dated:
            found = labelled_date(dated[0])
            if found is not None and found.origin == "date":
                return FoundDate(found.value, "memo header")
        block = []
    return None


# A sender's address as a mail client prints it beside the name: `Meg Oduya <moduya@halvorsen.edu>`;
# a BBS post's header line naming the station it was posted from and when (`发信站: 望湖BBS (Fri Mar  7
# 16:42:10 2025), 站内`, its day in ctime's form, w53-e).
_SENDER = re.compile(r"<[\w.+-]+@[\w-]+(?:\.[\w-]+)+>|^发信站\s*[:：]")


# A date that says when something is due, not when the report was written.
_DUE_WORDS = re.compile(
    r"\b(?:due|target(?:ed|ing)?|deadline|eta|until|launch(?:es|ing)?|go[- ]live|planned|expected)\b|"
    r"计划|预计|截止|目标|上线|之前|以前",
    re.I,
)


_SPAN = re.compile(r"\s*(?:[(（][^()（）]{0,6}[)）])?\s*[-–—~至到]{1,2}\s*")  # `（周一）— `
_SPAN_DAYS = 31


def _first_dated_line(body: list[tuple[int, str]]) -> FoundDate | None:
    """The last resort: the first full date (year, month and day) in the title block or the
    paragraph under the title, on a line that says nothing is due then. Where no rule knows the
    place ("Prepared 2025-03-07 for the steering group"), the opening lines still say when the
    report was written more often than anything else; the ingest warns that the date was guessed."""
    for text in _title_block(body) + _opening_paragraph(body):
        if _DUE_WORDS.search(text):
            continue
        days = full_dates_in(text)
        if days:
            # a span of days (`2025.03.03（周一）— 2025.03.07（周五）`) is dated by its end
            first, last = days[0], days[-1]
            if (
                len(days) == 2
                and 0 < (last[0] - first[0]).days <= _SPAN_DAYS
                and _SPAN.fullmatch(text[first[2] : last[1]])
            ):
                return FoundDate(last[0], GUESSED)
            return FoundDate(min(day for day, _, _ in days), GUESSED)
    return None


_SAYS_PUBLISHED = re.compile(
    r"\b(?:this|the)\s+(?:issue|edition|update|report|newsletter|digest|post)\s+(?:was|is)\s+"
    r"(?:published|sent|released|posted|issued|written)\s+(?:on\s+)?",
    re.I,
)
_SIGN_OFF_CHARS = 60
_SIGN_OFF_LINES = 4
_SIGN_OFF_AFTER = 10  # a header's "Created: …" line is no sign-off, however short the note
_SIGNATURE_LINES = 12  # how far above the end a mail's closing may stand over its signature block
_CLOSING = re.compile(
    r"^\W{0,4}(?:(?:best|kind|warm)?\s*regards|sincerely|cheers|thanks|thank\s+you|此致|谢谢|顺祝商祺|祝好)\b",
    re.I,
)


def _sign_off(body: list[tuple[int, str]]) -> list[str]:
    """The last lines of a report, where a letter or a 公文 signs and dates it ("二〇二五年八月二十九日",
    "— Dana, 29 Aug 2025"): a short line each, read only when nothing above dated the report."""
    texts = [text for _, text in body[_SIGN_OFF_AFTER:] if text.strip()]
    lines = texts[-_SIGN_OFF_LINES:]
    # a mail's closing over a dated signature block (`Best regards / 此致`, `2025-03-07`, then the
    # writer's name, role, company, phones and address: Foxmail's signature, w52-c)
    closing = next(
        (
            i
            for i in range(len(texts) - 1, max(len(texts) - _SIGNATURE_LINES, 0) - 1, -1)
            if _CLOSING.match(texts[i])
        ),
        None,
    )
    if closing is not None:
        lines = [*texts[closing + 1 : closing + 3], *lines]
    return [
        text
        for text in reversed(lines)
        if len(text.strip()) <= _SIGN_OFF_CHARS
        and not _PRINT_STAMP.search(text)
        and not _TASK_ITEM.match(text)
    ]


# A print view's footer says when someone printed it (`打印人：顾明哲 打印时间：2025-05-20 09:47`,
# `Printed: 13/05/2024`): the day of the printing, weeks after the report, never its sign-off.
# An account export's footer on every page (`Exported from Medium on May 30, 2025.`) is the day the
# copy was taken, the same on every report of the series (w48-f).
_PRINT_STAMP = re.compile(
    r"打印(?:时间|日期)|\bprinted(?:\s+on)?\s*[:：]?\s*\d|\bprint\s+date\b|\bexported\s+from\s+[\w .-]{1,30}?\s+on\b",
    re.I,
)
# A checklist's open or done item ends a page as often as a signature does (`* [ ] CaseLine hypercare
# exit review (Gemma, Fri 11/04)`, w46-b): its day is the task's, not the report's.
_TASK_ITEM = re.compile(r"^\s*(?:[-*+]\s+)?(?:\[[ xX]\]|[☐☑✅])")


_DATELINES = 3
_CHROME_LINES = 150  # how far down a page's own heading may stand under its site's chrome
_HEADED_LINES = 6


def _headed_blocks(body: list[tuple[int, str]]) -> list[str]:
    """Each heading in a page's first lines, then the lines under it."""
    lines = [text for _, text in body[:_CHROME_LINES] if text.strip()]
    out: list[str] = []
    for index, text in enumerate(lines):
        if text.startswith("#"):
            out += lines[index : index + 1 + _HEADED_LINES]
    return out


# (short, a clock after its day and no sentence after: an event's line under a heading,
# `2025-04-05（清明假期）14:20–17:30，Kite OMS …`, is no byline)
_BYLINE = re.compile(
    r"^[^\s|#*>-][^|，。,;；]{5,24}?\s*(?:上午|下午|中午|晚上|凌晨)?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?"
    r"(?![\d:])(?!\s*[-–~～至到]\s*\d{1,2}:\d{2})[^，。,;；]{0,24}$"
)
_TODAY_IS = re.compile(r"\b(?:today|this\s+morning)\s*(?:,|\bis\b|[(（])\s*|今天[(（]", re.I)
_LATE_DATELINES = 6
_COVER_LINES = 2


def _cover_lines(body: list[tuple[int, str]]) -> list[str]:
    """The lines right under the first heading of a page's first lines."""
    lines = [text for _, text in body[:HEADER_LINES] if text.strip()]
    first = next((i for i, text in enumerate(lines) if text.startswith("#")), None)
    return [] if first is None else lines[first + 1 : first + 1 + _COVER_LINES]


def _datelines(body: list[tuple[int, str]], count: int = _DATELINES) -> list[str]:
    """The first lines of a report, title included, where a dateline stands ("# Issue 12", then
    "_Thursday, July 10, 2025 · editor: Ana_"); `opening_date` takes one only if it opens with its day."""
    return [text for _, text in body[:HEADER_LINES] if text.strip()][:count]


_BODY_STARTS = re.compile(r"^\s*(?:#{1,6}\s|\|)")
_PROPERTY_ROW = re.compile(r"^\s*\|\s*[^|:：]{1,30}[:：]\s*\|\s*[^|]*\|\s*[^|:：]{1,30}[:：]\s*\|")


def _title_block(body: list[tuple[int, str]]) -> list[str]:
    """The first lines of a plain-text report up to its first blank line: its title and the
    subtitle lines under it (a memo's "…, Friday 25 April 2025"). Written from pmo-rag-prose-en."""
    block: list[str] = []
    for _, text in body[:HEADER_LINES]:
        if not text.strip():
            if block:
                break
            continue
        # a heading or a table row after the title is the body: an HTML export has no blank line
        # to end the block, and a table's target days are no report's date (w19-a's 作战图)
        if block and _BODY_STARTS.match(text):
            break
        block.append(text)
    return block


def _opening_paragraph(body: list[tuple[int, str]]) -> list[str]:
    """The first paragraph under a report's title line, up to the blank line or heading after it."""
    lines = [text.strip() for _, text in body[:HEADER_LINES]]
    start = next((i for i, text in enumerate(lines) if text), None)
    if start is None:
        return []
    paragraph: list[str] = []
    for text in lines[start + 1 :]:
        ends = not text or text.startswith("#")
        if ends and paragraph:
            break
        if not ends:
            paragraph.append(text)
    return paragraph


def _without_data_table(lines: list[str]) -> list[str]:
    """The lines without the table among them when it holds data, three columns or more over two
    rows or more (a FileMaker export's projects, a `Mon 8/25` in a notes cell: no day the letter
    was written); a page's property grid under its title (`| title | issue | date |` over one
    row) stays."""
    table = [text for text in lines if text.startswith("|")]
    rows = [text for text in table[1:] if not re.match(r"^\|\s*:?-{3}", text)]
    if len(rows) >= 2 and table[0].strip().strip("|").count("|") >= 2:
        return [text for text in lines if not text.startswith("|")]
    return lines


# How far a stated day may lie from the days of the title's week and still be its day: a series
# that counts its weeks its own way (`strftime('%W')`, WPS's 第16周) is one week off ISO's.
_WEEK_SLACK_DAYS = 7


def _day_in_week(week: FoundDate, body: list[tuple[int, str]], path: Path) -> FoundDate | None:
    """The full day a header line (`数据周期：2025-02-15 ~ 2025-02-21`) or the file name
    (`2023-04-14.md`) states, when the title gives only a week (`2025w07`, `2023年第16周`) and the
    day falls within a week of it, else a generator's stamp in the sign-off: the day says which
    week the author meant, the week's number only how the author counts."""
    for _, text in body[:HEADER_LINES]:
        found = labelled_date(text) or bare_date(text)
        if found is not None:
            return FoundDate(found.value, "header line") if _near_week(found.value, week.value) else None
    # a generator's closing stamp: `生成于 2025-03-28 17:46:02 ｜ airflow dag: … ｜ template v1.4`
    for _, text in body[-_SIGN_OFF_LINES:]:
        found = labelled_date(text)
        if found is not None and _near_week(found.value, week.value):
            return FoundDate(found.value, "sign-off line")
    found = stem_date(path.stem)
    if found is not None and found.origin == "date" and _near_week(found.value, week.value):
        return FoundDate(found.value, "file name")
    return None


def _near_week(day: date, friday: date) -> bool:
    """The day lies within a week of the days (Monday to Sunday) of the week whose Friday is given."""
    monday, sunday = friday - timedelta(days=4), friday + timedelta(days=2)
    gap = 0 if monday <= day <= sunday else min(abs((day - monday).days), abs((day - sunday).days))
    return gap <= _WEEK_SLACK_DAYS


# A clock after the file name's day (`… Redmine (2025_3_10 09_31_18).html`, a browser extension's
# save stamp): the day the page was saved, not the day it reports on.
_SAVE_CLOCK = re.compile(r"(?<![\d])(?:[01]?\d|2[0-3])[_.:-][0-5]\d[_.:-][0-5]\d(?![\d])")
_SAVED_AFTER_DAYS = 62


def _saved_before(stamp: date, stem: str, titles: list[str]) -> FoundDate | None:
    """The title's own yearless day (`第1期 周报（3.3-3.7）`) when the file name's day is a save stamp
    with its clock: the page was saved on or after the day it reports on, so the stamp gives the
    year and bounds the day, and a page saved weeks late is still of its own week."""
    if not _SAVE_CLOCK.search(stem):
        return None
    for text in titles:
        found = yearless_date(text, stamp)
        if found is not None and 0 <= (stamp - found.value).days <= _SAVED_AFTER_DAYS:
            return FoundDate(found.value, "title, year from the file's save stamp")
    return None


def _weekday_year(text: str, day: date, near: date) -> date:
    """A yearless day written with its weekday (`Tue, 3/25 9:01AM`) in the year next to `near`'s
    when only there the weekday agrees: `near` is a guess when no report of the folder writes a
    year (the last twelve months), and the weekday is the writer's own word for the year."""
    for years in (0, -1, 1):
        try:
            shifted = near.replace(year=near.year + years)
        except ValueError:  # 29 February
            shifted = near.replace(year=near.year + years, day=28)
        agreeing = weekday_date(text, shifted)
        if agreeing is not None and (agreeing.value.month, agreeing.value.day) == (day.month, day.day):
            return agreeing.value
    return day


def _posted_in_month(month: FoundDate, body: list[tuple[int, str]]) -> FoundDate | None:
    """A header line's day date ("Posted on June 3, 2025") for a title that names only a month
    ("May 2025 goals update"): a monthly post is dated when it was published, in its month or in
    the weeks after it, not on the month's last day. Written from monthly-goals-en."""
    first = month.value.replace(day=1)
    last = month.value + timedelta(days=POSTED_WITHIN_DAYS)
    for _, text in body[:HEADER_LINES]:
        found = labelled_date(text)
        if found is not None and found.origin == "date" and first <= found.value <= last:
            return FoundDate(found.value, "header line")
    return None
