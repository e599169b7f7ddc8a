"""What each column of a status table holds, read from its header words and its cells.

A status table (one row per project: `| Project | Owner | Status | Health | Due | % | Notes |`,
`| 需求名称 | 需求状态 | 风险 | 进度 | 计划上线 | 实际上线 |`) is exported from a board or a tracker,
and the same team's export changes column order from one week to the next. So a column's role
comes from its header, never its position: the field names every labelled line uses
(`field_labels.FIELD_KEYS`), plus the headers only tables write (a bare `%`, `Health`-like scales
under any name, an actual launch date beside the planned one). A column whose every filled cell
is a short status word (`正常` / `有风险` / `延期` under `风险`, `G`/`A`/`R` scales) is a status
scale whatever its header calls it: a tracker's risk or health column.
"""

from __future__ import annotations

import re

from index.ledger.field_labels import field_of, label_key, loose_target
from index.ledger.incident_words import incident_ids
from index.ledger.signals import field_status
from index.ledger.status_signs import rag_letter
from index.tables import ROW_NUMBER, Table
from index.text.timeexpr import ANY_DAY, find_dates, find_field_dates

# The column naming the row's project (a tracker's requirement, story, epic, feature).
_NAME_HEADER = re.compile(
    r"(?:project|initiative|workstream|epic|item|deliverable|feature|story|requirement)s?(?:\s*name|\s*title)?|"
    # (a ServiceNow list's `Short description`, a Jira export's `Summary`: the record's title)
    # (a newsroom's rundown names each story by its `Slug`)
    r"name|title|subject|short\s*description|summary|slug|chantier|projet|sujet|(?:项目|专案|需求|任务|事项|工作项|特性|功能)?(?:名称|标题)|主题|"
    # `项目`, `工作事项`, `重点项目`, `建设任务`: a qualifier of up to four characters before the noun.
    r"[\u4e00-\u9fff]{0,4}(?:项目|专案|事项|工作项|任务|需求)|"
    # (`子项目名称` beside a form grid's row labels `子项目1`, `子项目2`: the name is the titled column, w52-g)
    r"[\u4e00-\u9fff]{1,4}(?:项目|专案|事项|工作项|需求)(?:名称|标题)",
    re.I,
)
# (a Planner bucket's `Checklist` column: its items done of all, `3/6`, is the share done, w23-c)
# (a report engine's narrow column cut short: Maximo's `% Compl`, `Compl %`)
_PERCENT_HEADER = re.compile(
    r"%|％|pct|percent|完成率|完成比例|完成百分比|checklist(?:\s*items?)?|%\s*compl\.?|compl\.?\s*%|"
    r"(?:phy(?:sical)?\.?\s*)progress|avancement",
    re.I,
)
# The date a project actually went live, beside the planned one.
_ACTUAL_HEADER = re.compile(
    r"实际(?:上线|发布|投产|完成|交付)(?:时间|日期)?|"
    r"actual(?:\s*(?:launch|release|ship|go-?live|completion|done))?(?:\s*date)?|"
    r"(?:shipped|released|launched|went\s*live|completed)(?:\s*(?:on|date|at))?|live\s*(?:date|since)",
    re.I,
)
# A header that says its cells are a state, whatever the state is of ("需求状态", "Build status").
# (a tracker's `Stage` column holds its lifecycle: Build, Live, On Hold, Cancelled, w23-e)
_STATUS_HEADER = re.compile(
    r".{0,8}(?:状态|status)|health|rag|状态灯|stage|(?:stop|traffic)\s?lights?|灯号?|statut|[ée]tat|m[ée]t[ée]o|cond\.?",
    re.I,
)
_EMPTY_CELL = re.compile(r"^[\s\-–—/]*$|^(?:n/?a|tbd|none|无)$", re.I)
_STATUS_CELL_CHARS = 12


# A bilingual header names its column twice (`Project 项目`, `Target 目标`, `状态 Status`, `计划 / Plan`).
_HEADER_PARTS = re.compile(
    r"\s*/\s*|(?<=[A-Za-z%.)])\s+(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])%?\s+(?=[A-Za-z])"
)


# A database column's name as a query prints it (`proj_name`, `this_wk`, `pct_done`, w44-c): its words,
# the usual short ones in full.
_DB_COLUMN = re.compile(r"[a-z]+(?:_[a-z0-9]+)+")
_DB_WORDS = {"proj": "project", "pct": "percent", "wk": "week", "tgt": "target", "desc": "description"}


def header_forms(header: str) -> list[str]:
    """The header as written, then each language's half of a bilingual one (`目标 (Target)` too,
    the other language in brackets; `项 目`, a template's spaced-out Han, as one word), or a
    database column's name in words (`proj_name`: `project name`)."""
    text = header.strip(" *_`")
    if _DB_COLUMN.fullmatch(text):
        return [text, " ".join(_DB_WORDS.get(word, word) for word in text.split("_"))]
    glossed = _GLOSSED_HEADER.fullmatch(text)
    if glossed:
        glosses = [_HAN_SPACED.sub("", part.strip()) for part in glossed.groups()]
        # a bilingual header glossed with its format (`目标 Target (DD/MM/YYYY)`, w52-c): its halves too
        halves = [half.strip() for half in _HEADER_PARTS.split(glosses[0]) if half.strip()]
        return [text, *glosses, *(half for half in halves if half not in glosses)]
    parts = [part.strip() for part in _HEADER_PARTS.split(text) if part.strip()]
    return [text, *parts] if len(parts) > 1 else [text]


_GLOSSED_HEADER = re.compile(r"([^()（）]{1,20}?)\s*[(（]([^()（）]{1,20})[)）]")
_HAN_SPACED = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


# A first column of measures: what the rows are is metrics, not projects.
_METRIC_HEADER = re.compile(
    r"(?:weekly\s+)?(?:kpis?|metrics?|measures?|indicators?|figures?)(?:\s+(?:name|code|id))?|指标(?:名称)?|度量|关键指标",
    re.I,
)


# A release train's first column: the version each row ships (`| 版本 | … | 上线 | 状态 |` over `| 2.9 |`).
_VERSION_HEADER = re.compile(r"版本|版本号|班车|version|release|build", re.I)
VERSION_CELL = re.compile(r"v?\d{1,3}(?:\.\d{1,3}){1,2}", re.I)


def version_rows(table: Table, column: int = 0) -> bool:
    """The column is headed as versions and every filled cell is one: each row a release (w19-c)."""
    if column >= len(table.header) or not _VERSION_HEADER.fullmatch(table.header[column].strip(" *_`")):
        return False
    cells = [cell.strip(" *_`~") for cell in _column(table, column) if cell.strip()]
    return bool(cells) and all(VERSION_CELL.fullmatch(cell) for cell in cells)


def name_column(table: Table) -> int | None:
    """The column holding each row's project name: the first header naming one (never an id
    column such as `需求ID`, which no reader calls the project); else the first column, when its
    header names no field and its cells are names, not days, figures or status words (a tracker
    puts the item first, under whatever it calls its items: `模块`, `Milestone`, `Stream`)."""
    # (a named column of tracker ids is the key, the title beside it the name: `| 工作项 | 标题 |`
    # over `| SJK-12 | 白崖大坝安全监测自动化改造 |`, w23-f)
    named = next(
        (
            i
            for i, h in enumerate(table.header)
            if any(_NAME_HEADER.fullmatch(f) for f in header_forms(h)) and not _all_keys(table, i)
        ),
        None,
    )
    if named is not None or not table.header or not table.rows:
        return named
    roles = column_roles(table)
    first = 1 if _row_numbers(table) else 0
    if version_rows(table, first):
        return first
    ids = [cell for cell in _column(table, first) if cell.strip()]
    if ids and all(incident_ids(cell) for cell in ids):
        return None  # `| INC-0318 | Loss of telemetry … |`: an incident log's rows, no projects (w19-d)
    if first + 1 < len(roles) and roles[first + 1] is None and _all_keys(table, first):
        first += (
            1  # `| ID | Investment | … |` over `| PR01822 | Member Portal Re-platform |`: the id is the key
        )
    if len(roles) <= first or roles[first] is not None:
        return None
    if any(_METRIC_HEADER.fullmatch(form) for form in header_forms(table.header[first])):
        return None  # `| KPI | Target | This week |`: its rows are metrics, their target a figure
    if not any(role in ("status", "target", "progress") for role in roles[first + 1 :]):
        return None
    cells = [cell for cell in _column(table, first) if cell]
    names = [
        cell
        for cell in cells
        if any(char.isalpha() for char in cell)
        and not find_dates(cell, ANY_DAY)
        and field_status(cell) is None
        and len(cell) <= _NAME_CELL_CHARS
    ]
    return first if cells and 2 * len(names) > len(cells) else None


_NAME_CELL_CHARS = 40


# A task list's columns: each row a task (`Task Name`, `任务名称`) filed under its project in another
# column (`Bucket Name`, `Epic`, `所属项目`). Its rows are work items of projects, never projects:
# their due days are the tasks', not the projects' targets (a Planner export, w23-c).
_TASK_HEADER = re.compile(
    r"(?:sub-?)?tasks?(?:\s*(?:name|title))?|action(?:\s*items?)?|to-?dos?|(?:子)?任务(?:名称|标题)?|待办(?:事项)?|行动项",
    re.I,
)
_REPO_HEADER = re.compile(r"repo(?:sitory)?(?:\s*name)?", re.I)
_PARENT_HEADER = re.compile(
    r"(?:bucket|epic|parent|project|workstream|stream)(?:\s*(?:name|title|key|id))?|"
    r"所属(?:项目|需求|模块|迭代|工作流|分组)|父(?:任务|需求)|项目(?:名称)?",
    re.I,
)


_ISSUE_KEY_HEADER = re.compile(
    r"(?:issue|ticket|risk|bug|defect|problem)\s*(?:id|#|no\.?|number|key)|(?:问题|风险|缺陷|工单)(?:编号|单号|id)",
    re.I,
)


# A meeting's action log (`| # | Action | Owner | Due |`, `| 行动项 | 负责人 | 截止 |`): each row a
# person's to-do with its due day, never a project with its target.
_ACTION_HEADER = re.compile(r"actions?(?:\s*items?)?|to-?dos?|待办(?:事项)?|行动项|跟进事项", re.I)


def task_rows(table: Table, name: int) -> bool:
    """The name column holds actions (a meeting's action log), or tasks while another column
    names the project each belongs to; or a milestone column stands beside a project column of
    record numbers (the projects are named elsewhere), or beside a name column of repositories:
    the rows are steps of projects, not projects."""
    forms = [header_forms(h) for h in table.header]
    if name < len(forms) and any(_ACTION_HEADER.fullmatch(x) for x in forms[name]):
        # (a performance tool's tracked actions carry a share done, `| Code | Action | Progress |`
        # over `| MSUP-01 | ControlPoint 7 core upgrade | 75% |`: its workstreams, w40-d; a
        # meeting's action log says who does what by when, never how far along it is)
        return "progress" not in column_roles(table)
    parents = [i for i, f in enumerate(forms) if any(_PARENT_HEADER.fullmatch(x) for x in f) and i != name]
    if name < len(forms) and any(_TASK_HEADER.fullmatch(x) for x in forms[name]) and parents:
        return True
    # an issue or risk log keyed by its own ids, each row naming the project it is raised against
    # (`| Issue ID | Project | Title | … | Due |`, w51-f): its days are the issues' own
    keys = [i for i, f in enumerate(forms) if any(_ISSUE_KEY_HEADER.fullmatch(x) for x in f)]
    projects = [i for i, f in enumerate(forms) if any(_PARENT_HEADER.fullmatch(x) for x in f)]
    if keys and projects and keys[0] < projects[0]:
        return True
    # (a status report's milestone list beside its projects' numbers, `| Milestone | Project | Planned
    # end date |` over `| Schema sign-off | PRJ0020001 | …`, w24-d)
    milestones = [i for i, f in enumerate(forms) if any(_MILESTONE_HEADER.fullmatch(x) for x in f)]
    numbered = [
        i for i, f in enumerate(forms) if any(_PARENT_HEADER.fullmatch(x) for x in f) and _all_keys(table, i)
    ]
    if (
        milestones
        and name < len(forms)
        and name not in milestones
        and any(_REPO_HEADER.fullmatch(x) for x in forms[name])
    ):
        # (a digest's milestones due soon, `| Repo | Milestone | Due |` over `| kestrel7 | Parallel run
        # start | 2025-04-07 |`, w50-a: each row a step of a repository's work, its day the step's; a
        # workstream's key milestone, `| Workstream | Milestone | Forecast |`, is the workstream's target)
        return True
    return bool(milestones and numbered) and name in (*milestones, *numbered)


# A record's number in a tracker (`PRJ0010874`, `PLAT-1423`): capitals, then digits.
_RECORD_NUMBER = re.compile(r"[A-Z]{2,8}-?\d{3,}")


def _all_keys(table: Table, index: int) -> bool:
    """Every filled cell of the column is a tracker id or a record number (`item_key`)."""
    cells = [cell for cell in _column(table, index) if cell]
    return bool(cells) and all(item_key(cell) for cell in cells)


def _column(table: Table, index: int) -> list[str]:
    """A column's cells without their emphasis, one per row that reaches it."""
    return [row.cells[index].strip(" *_`") for row in table.rows if index < len(row.cells)]


def _row_numbers(table: Table) -> bool:
    """The first column counts the rows (`序号`, `No.`, `#`: 1, 2, 3), so the item comes second."""
    cells = [cell for cell in _column(table, 0) if cell]
    return len(cells) >= 2 and all(ROW_NUMBER.fullmatch(cell) for cell in cells)


# The column of a tracker's ids (`编号`, `ID`, `Key`, `#`): what stays when a row is renamed.
# (a data set's variable for it: `ws_id`, `task_id`, as a Stata or R listing prints its header, w54-f)
_KEY_HEADER = re.compile(
    r"#|no\.?|id|key|issue|ticket|编号|序号|工作项|(?:需求|任务|工单)(?:id|编号)|(?:ws|workstream|task|item)[_ ]id",
    re.I,
)
# (`TQ-ET07`, `SL-2S`, `YMS-AP`: a team's own codes in its id column, letters after the dash too;
# a portfolio tool's one-letter kind before a number, `F-2231` a feature, `E-104` an epic)
_ITEM_KEY_CELL = re.compile(
    r"#?\d{2,7}|[A-Z][A-Z0-9]{1,9}-(?:\d{1,6}|[A-Z0-9]{0,6}\d[A-Z0-9]{0,6}|[A-Z]{2,4})|[A-Z]-\d{3,6}"
)


def key_column(table: Table) -> int | None:
    """The id column: its header says so and every filled cell is a tracker id (`#1578`,
    `PLAT-12`, or under such a header a short code, `P01`); a `序号` of 1, 2, 3 is a row count, not
    an id."""
    for index, header in enumerate(table.header):
        if _KEY_HEADER.fullmatch(header.strip(" *_`")) and (
            _all_keys(table, index) or all(key_cell(cell) for cell in _column(table, index) if cell)
        ):
            return index
    # the record numbers `name_column` passed over, whatever their header (`GH201`, `PR01822`)
    named = name_column(table)
    return named - 1 if named and _all_keys(table, named - 1) else None


# A tracker's short code in its id column (`P01`, `WS12`): a key only where the header says it is one.
_SHORT_KEY = re.compile(r"[A-Z]{1,2}\d{2,3}")


def key_cell(cell: str) -> str:
    """The id an id column's cell holds: a tracker id (`item_key`) or a short code (`P01`), or ""."""
    cell = cell.strip(" *_`")
    return item_key(cell) or (cell if _SHORT_KEY.fullmatch(cell) else "")


def item_key(cell: str) -> str:
    """The tracker id a cell holds (`#1578`, `PLAT-12`, a record number `PR01822`), or ""."""
    cell = cell.strip(" *_`")
    return cell if _ITEM_KEY_CELL.fullmatch(cell) or _RECORD_NUMBER.fullmatch(cell) else ""


def column_roles(table: Table) -> list[str | None]:
    """Each column's field ("status", "progress", "target", "owner", "actual", "generic") or None.
    Beside a column of the forecast day, or of any day due that is no milestone's, a key-dates
    column is the contract's milestones, not where the row now stands (`Fcst complete | Key Date`,
    w27-g; `计划完成 | 关键节点` of `出厂验收 2025-03-25`, w45-e)."""
    roles = [_role(table, index, header) for index, header in enumerate(table.header)]
    due = any(
        role == "target" and not _MILESTONE_HEADER.fullmatch(header.strip())
        for role, header in zip(roles, table.header, strict=True)
    )
    if due:
        roles = [
            "generic" if role == "target" and _MILESTONE_HEADER.fullmatch(header.strip()) else role
            for role, header in zip(roles, table.header, strict=True)
        ]
    return roles


def _role(table: Table, index: int, header: str) -> str | None:
    forms = header_forms(header)
    roles = [_role_of(table, index, form) for form in forms]
    return next((role for role in roles if role not in (None, "generic")), roles[0])


# A column of last period's values beside this period's (`RAG  last wk  target`, `上周`, `Prior
# report`): the row's state a week ago, none of its fields now (w41-f).
_PREVIOUS_HEADER = re.compile(
    r"(?:last|prev(?:ious)?|prior)\.?\s*(?:wk|week|period|report|month|fortnight)?|上周|上期|上次|上月", re.I
)


def _role_of(table: Table, index: int, text: str) -> str | None:
    if _PREVIOUS_HEADER.fullmatch(text.strip()):
        return None
    if _ACTUAL_HEADER.fullmatch(text):
        return "actual"
    known = field_of(label_key(text))
    if known == "target" and loose_target(label_key(text)) and not _mostly_days(table, index):
        known = None  # `LoP target` over counts: a figure's goal
    if known not in (None, "generic"):
        return known
    if _PERCENT_HEADER.fullmatch(text) or (
        _DONE_HEADER.fullmatch(text.strip()) and _mostly_shares(table, index)
    ):
        return "progress"
    if _STATUS_HEADER.fullmatch(text) or _status_scale(table, index):
        return "status"
    if (_GOAL_HEADER.fullmatch(text) or _FORECAST_HEADER.search(text)) and _mostly_days(table, index):
        return "target"
    if _SPAN_HEADER.fullmatch(text) and _mostly_days(table, index, _MILESTONE_CELL_CHARS):
        return "target"
    if _END_HEADER.fullmatch(text) and _has_start(table) and _mostly_days(table, index):
        return "target"  # a plan's `Start | End`: the end is when the row is due (w51-f)
    if _LAUNCH_HEADER.fullmatch(text) and _mostly_days(table, index, _MILESTONE_CELL_CHARS):
        return "target"  # a release train's `上线` column beside `Code Freeze` and `提审` (w19-c)
    if _MILESTONE_HEADER.fullmatch(text) and _mostly_days(table, index, _MILESTONE_CELL_CHARS):
        return "target"  # `UAT 8/25；上线 9/27`: the milestones' days, the final one the project's target
    return known


# A column of how much is done, its cells shares (`done` over `24/62`, `85%`: a scheduler's count of
# units finished, w52-f); a `Done` column of days is when each finished, no share.
_DONE_HEADER = re.compile(r"done|compl(?:ete|eted)?|已?完成(?:量|数)?", re.I)
_SHARE_CELL = re.compile(r"\d{1,4}\s*/\s*\d{1,4}|\d{1,3}(?:\.\d+)?\s*%")


def _mostly_shares(table: Table, index: int) -> bool:
    cells = [cell.strip(" *_`") for cell in _column(table, index) if cell.strip()]
    return bool(cells) and 2 * sum(1 for cell in cells if _SHARE_CELL.fullmatch(cell)) > len(cells)


# A column of the day now expected, under whatever the export calls it: "最新预计", "Fcst (wk)",
# "Revised ETA". A baseline beside it ("原计划", "Baseline") names no field: the forecast moves.
_FORECAST_HEADER = re.compile(r"预计|最新|forecast|fcst|expected|revised|re-?plan", re.I)


# "目标" over "7/18", "8月底", "3.3版本": a label that is as often an objective's text ("目标：提升转化率")
# is the target when its column holds days. Written from game-liveops-zh.
_GOAL_HEADER = re.compile(r"目标(?:节点|日期|时间)?|goal|target", re.I)
# A board's `Timeline` of spans (`Jan 20 - Apr 25`): its end is when the item is due (w24-b).
_SPAN_HEADER = re.compile(r"timeline|time\s*frame|起止时间|时间线", re.I)


# A plan's span told as two columns, `Start | End` (`开始 | 结束`): the end is the row's due day.
_END_HEADER = re.compile(
    r"(?:planned\s+|plan\s+|scheduled\s+)?(?:end|finish)(?:\s+date)?|(?:计划)?结束(?:日期|时间)?", re.I
)
_START_HEADER = re.compile(
    r"(?:planned\s+|plan\s+|actual\s+)?start(?:\s+date)?|(?:计划)?开始(?:日期|时间)?", re.I
)


def _has_start(table: Table) -> bool:
    return any(_START_HEADER.fullmatch(form) for header in table.header for form in header_forms(header))


# A column of the day each row goes live: `上线`, `Go-live`, `Launch`, `Release date`.
_LAUNCH_HEADER = re.compile(
    r"上线|上线(?:日期|时间)|go[- ]?live|launch(?:\s+date)?|release\s+date|ship\s+date", re.I
)


# A column of a project's milestones and their days ("Key Dates", "关键节点", "Milestones").
_MILESTONE_HEADER = re.compile(
    r"key\s*dates?|(?:key\s+)?milestones?|关键日期|关键节点|里程碑|(?:计划|时间)?节点", re.I
)
_MILESTONE_CELL_CHARS = 40


def _mostly_days(table: Table, index: int, max_chars: int = _STATUS_CELL_CHARS) -> bool:
    """Most filled cells of the column are short and hold a day."""
    filled = [cell for cell in _column(table, index) if not _EMPTY_CELL.match(cell)]
    dated = [
        cell for cell in filled if len(cell) <= max_chars and find_field_dates(cell, ANY_DAY)
    ]  # a cell: `4.30` is a day
    return bool(filled) and 2 * len(dated) >= len(filled)


_UNDATED = re.compile(r"\s+\S*\d\S*$")
_SCALE_ROWS = 5


def _status_scale(table: Table, index: int) -> bool:
    """Every filled cell of the column is a short status word, and one at least is filled."""
    filled = [cell for cell in _column(table, index) if not _EMPTY_CELL.match(cell)]
    # (`DEPARTED 27MAR`: a board's word and the day it came true, w20-b)
    if not filled or not all(len(_UNDATED.sub("", cell)) <= _STATUS_CELL_CHARS for cell in filled):
        return False
    worded = sum(field_status(cell) is not None for cell in filled)
    if worded == len(filled):
        return True
    if len(filled) >= _SCALE_ROWS and 5 * worded >= 4 * len(filled):
        # a legend's word that means no state (`BOARDING = go-live within 14 days`) among its states
        return True
    # An Ampel/RAG column of letters (`G`, `Y`, `R`, with status words or not): two letters at
    # least, or all green, so a column of `A` priorities or of `Y` for yes is none.
    letters = {rag_letter(cell) for cell in filled if field_status(cell) is None}
    written = {cell.strip(" .*_`()（）") for cell in filled if rag_letter(cell)}
    return None not in letters and (len(written) >= 2 or written == {"G"})
