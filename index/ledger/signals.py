"""Status words in one line of report text (zh and en), and the status a heading gives its items.

Rules, not a model: the ledger must be deterministic and cheap. Each finder returns spans so the
caller can cite the exact clause. A negated status (`未延期`, `not blocked`, `no longer at risk`)
is not that status. Progress figures are read by `progress.py`, field labels and owners by
`field_labels.py`; both return this module's `Span`. The signs and words a status cell is written in
(emoji shortcodes, legends, RAG letters, a form's ticked box) are looked up in `status_signs.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from index.ledger.status_signs import (
    FIELD_STATUS,
    GLYPHS,
    RAG_LETTERS,
    SHORTCODE,
    SHOWN_SHORTCODE,
    TAG_PATH,
    emoji_of_shortcode,
    is_legend,
    legend_status,
    rag_letter,
    reading_status_words,
    ticked_option,
)
from index.schemas import ProjectStatus
from index.text.cjk import has_han
from index.text.normalise import EMOJI, HTML_TAG, nfkc

_COLOUR = (
    r"\b(?:gone|going|goes|went|turned|turning|moved|moving|move|now|still|stays|remains)\s+"
    r"(?:(?:the|this|that|it|project|to|back|now|still)\s+){0,3}"
)
# Said of the sentence's subject: "X is green", "X is also green", "back to green"; a judgement
# the writer makes: "I'd call the connector wobbly", "calling it amber", "downgrading SOC 2 to
# wobbly", "keeping it at wobbly"; a label's value or a sentence of its own: "X: green.", "Green."
_RAG_SAID = (
    r"(?:\b(?:is|are)|\b(?:it|that|this|which|everything)['’]s)\s+(?:also\s+|now\s+|still\s+|back\s+)?(?:at\s+)?|"
    # "has gone from green to wobbly": the colour it went to
    r"\bfrom\s+(?:red|amber|yellow|green|wobbly|shaky)\s+to\s+|"
    r"\bback\s+to\s+|"
    r"\b(?:call|calling|called|mark|marking|marked|rate|rating|flag|flagging|downgrad(?:e|ed|ing)|"
    r"upgrad(?:e|ed|ing)|keep|keeping)\s+(?:[^\s,;:.]+\s+){1,4}?(?:to\s+|at\s+|as\s+)?"
)
# ... or a field of its own in a line of dashed or piped fields: "Façade – 62% complete – Amber".
# (or set off to the right of a name by a column's gap: `[2] HOPPER scheduler cutover      AMBER`)
_RAG_ALONE = r"(?:^\s*|(?<=[.!?]\s))\W{0,3}|(?<=\w)\*{0,2}:\*{0,2}\s+|(?<=\s[–—|-]\s)|(?<=\S\s\s\s)\s*"
_RAG_WORD = re.compile(r"\b(?:red|amber|yellow|wobbly|shaky|green)\b", re.I)
# "the mapping tests went red", "the build is green": a build's, a check's or a chart's colour.
_NOT_A_RAG = re.compile(
    r"\b(?:tests?|builds?|ci|checks?|suites?|charts?|graphs?|lights?|alerts?|monitors?|"
    r"lines?|cells?|rows?|boxes|buttons?|pr|prs)\b(?:\s+[\w'-]+){0,3}\s+$",
    re.I,
)


def _rag(colour: str) -> str:
    """A RAG colour (red/amber/green, or its informal at-risk words) given as a project's state;
    on its own ("Green.", "X: green, 9 of 22") only when nothing but punctuation follows."""
    return (
        rf"(?:{_COLOUR}|{_RAG_SAID}){colour}\b(?![-\w])|"
        rf"(?:{_RAG_ALONE}){colour}(?=\s*(?:[.,;!—–]|$))"
    )


# On track against a plan just moved: "项目调整后按新的时间节点有序推进", "按调整后的计划推进". Said
# after a move, it is the writer's verdict on the project's health, over the move's own verb.
REBASELINED = re.compile(
    r"按(?:调整后|新|新的|更新后|修订后|变更后)的?\s*(?:[^，,。;；]{0,8}?)(?:计划|时间节点|节点|排期|目标|时间表)"
    r"(?:\s*(?:有序|稳步|正常|顺利))?\s*推进"
)


# A clause up to the word, with no plan word in it: "目标 11/28 全部上架" and "预计11月底全部交付完成"
# say when it is due, not that it happened; nor does a day still ahead ("今晚 20:00 发布", "明天上线").
_UNPLANNED_CLAUSE = r"(?:^|(?<=[，,。;；:：]))(?:(?!预计|计划|目标|争取|力争|拟|将于|将在|预期|今晚|明晚|明天|明日|后天|下周)[^，,。;；]){0,24}?"


# Order matters: compound phrases first, and a span claimed by one status is closed to the next
# ("延期风险" is at risk, not delayed).
_STATUS_RULES: tuple[tuple[ProjectStatus, str], ...] = (
    (
        "at_risk",
        r"(?:延期|延误|交付|进度|上线|排期)风险|(?:有|存在|面临|较大|较高|高)[^，,。;；]{0,4}?风险"
        # "存在不能按期上线的风险", "面临无法如期完成的风险": the schedule the risk is to, said whole
        r"|(?:有|存在|面临)[^，,。;；]{0,6}?(?:不能|无法|难以|不能够)(?:按期|如期|按时)[^，,。;；]{0,10}?风险"
        r"(?!数据|指标|控制|管理|评估|识别|排查|治理|模型|策略)|风险(?:较大|较高|很高|高|大)|黄灯|"
        r"\bat[- ]risk\b|\brisk of (?:delay|slip\w*)\b|🟡|🟨|🟧",
    ),
    (
        "cancelled",
        r"已取消|(?:项目|需求|计划|立项)(?:已|被)?取消|取消(?:立项|该项目|项目)|已终止|终止(?:推进|项目)|"
        r"不再推进|砍掉(?=\s*(?:了|$|[。，,;；!！—–(（-]))|正式取消|\bdescoped\b|\bkilled\b|"
        r"\bnot (?:proceeding|going ahead)\b|\b(?:will not|won'?t) (?:proceed|go ahead)\b|"
        # "races between teardown and cancelled requests": a cancelled thing the project handles.
        r"\bcancell?ed\b(?!\s+(?:requests?|orders?|jobs?|tasks?|flights?|meetings?|calls?|bookings?|"
        r"subscriptions?|transactions?|connections?|builds?|runs?|reservations?|payments?|queries|sessions?|"
        r"events?|uploads?|downloads?|streams?)\b)",
    ),
    (
        "paused",
        r"暂停(?!服务|交易|支付|使用|对外|入金|出金|功能)|搁置|挂起|\bpaused\b|\bon[- ]hold\b|\bparked\b|⏸",
    ),
    (
        "launched",
        # "按4月18日正式上线的目标推进": the launch named as a goal, not one that happened
        # ("3个试点病区中已上线2个": two of three went live, a count, not the project)
        r"(?:已|成功|顺利|正式|全量|完成)上线(?!前|准备|方案|计划|评审|验证|演练|流程|申请|(?:运行)?的?(?:目标|时间|日期|节点)|"
        r"\s*\d{1,4}\s*[个家台套项条座所间])|"
        r"上线(?:完成|成功)|"
        # a store, a branch or a site opened ("已于1月17日试营业", "已开业"): its launch; a day
        # before it (`目标3月30日开业`, `原定4月20日开业`) is its target
        r"已(?:经)?(?:于[^，,。;；]{1,14}?)?(?:试营业|正式开业|开业|开门营业|开张)(?!前|筹备|准备|计划|时间|日期|目标|活动)|"
        # "已于3月27日…正式投入使用": a system handed over to its users (公文 wording for going live)
        r"(?:已|正式|顺利|全面)投入(?:使用|运行|运营)(?!前|的?(?:目标|时间|日期))|"
        r"(?<!确保)(?<!计划)(?<!争取)(?<!能否)(?<!预计)(?<!未能)(?<!无法)(?<![能要将会])(?:准时|如期)上线(?![前了吗])|"
        r"(?:已|成功|顺利|正式)发布(?!会|前|计划|方案|说明|窗口)|发布完成|已投产|(?:已|成功|顺利)发版(?!前|计划|窗口)|"
        # "9月2号全量了", "今天上午上线了🎉": a time, then the release verb and 了: it happened. Without
        # the time it is as often another thing's ("连接池拆分已经上线了") or still ahead ("快上线了").
        r"(?<=[日号天午晚周一二三四五六\d)）])\s*(?:全量上线|全量|上线)了(?![吗么吧])|"
        # "昨天（8/29）按计划全渠道更新了": a release reaching every channel, on its day
        r"(?<=[日号天午晚周一二三四五六\d)）])\s*(?:按计划|如期|按时)?\s*(?:全服|全渠道|全平台)(?:上线|更新)了(?![吗么吧])|"
        # "周四（9/18）上了": the bare 上 of chat, only as the clause's last word
        r"(?<=[日号天午晚周一二三四五六\d)）])\s*上了(?![\u4e00-\u9fffA-Za-z0-9])|"
        # a rollout finished everywhere: "全部门店都切完了", "用户都迁完了"
        # all of the content listed in its store, said as done ("已经全部上架", "已于 11/20 全部上架",
        # "50 部均已上架"); a part listed ("前 30 课时已上架试用班") or a due day ("10/31 全部上架") is not
        r"(?:已[^，,。;；]{0,16}?(?:全部|均|都)|均已|都已|已全部)\s*上架(?!前|计划|时间|日期|目标|排期|节奏)|"
        r"(?:全部|都|全都)\S{0,4}?(?:切完|切换完成|迁完|迁移完成)了(?![吗么吧])|投产完成|已全量|(?:已(?:按计划|如期|按期)?|成功|顺利|正式)量产(?!前|准备|计划|评审|节点|时间)|量产完成|\b(?:entered|started|began|in)\s+mass production\b|\blaunched\b(?!\s+(?:the\s+|a\s+)?(?:beta|pilot|canary|preview))|"
        # "Tallyo fix shipped Fri → unblocked": a fix that unblocks the project is not its release.
        # Live only in part ("is live wherever the controller runs 8.4", "went live at the three
        # pilot hotels", "live at 12 of 41 sites") is a step of the rollout (ado-wiki-pipeline).
        r"(?<!\bfix )(?<!\bfixes )(?<!\bpatch )(?<!\bhotfix )\bshipped\b|\b(?:went|is|now) live\b(?!\s+(?:wherever|where|only)\b|\s+(?:\w+\s+){0,3}?(?:pilot|\d+\s+of)\b)|\bgenerally available\b|\bwent out to\b|"
        r"\b(?:went|is now|now|reached|hit)\s+GA\b|"
        # a public beta opened is the release its users see ("went into public beta on 14 May", "is in
        # public beta as of 13 August"); a private one is a step before it
        r"\b(?:went|moved|has gone|entered|is now in|is in|now in)\s+(?:into\s+|to\s+)?public\s+beta\b(?!\s+(?:on|by|in)\s+(?:next|the end))|"
        r"\brolled out to (?:all|100%|every)|"
        # "0.10.0 is tagged!", "v2.3 was tagged this morning": tagging a version is its release in
        # open-source and library projects; only after a version number, never "tagged the issue".
        r"(?<![\w.])v?\d{1,4}\.\d{1,3}(?:\.\d{1,3})?\s+(?:is|was|got|has been|now)\s+(?:now\s+)?tagged\b",
    ),
    # Done only when the project's own text opens with it (`X：已完成`): `规则迁移全部完成` is a sub-task.
    # A tick before "on track" (`✅ on track`) is a green light, not a finish.
    (
        "done",
        # (after its label: `状态：已完成。`, `Status: Done`, w50-b)
        r"^\W{0,5}(?:(?:状态|项目状态|当前状态|status)\s*[:：]\s*)?(?:已|全部|顺利|圆满)?完成(?=$|[。；;，,.!！)）])|"
        r"^\W{0,5}(?:status\s*[:：]\s*)?(?:done|completed?|finished)\b|^\W{0,3}✅(?!\ufe0f?\s*(?:on[- ]track|on schedule|green|正常|进行中))|"
        # "（标定平台）终于搭完了！": finally finished, said of the line's subject as a sentence of its own.
        r"^\W{0,5}(?:终于|总算)(?:都)?(?:搭|做|写|建|弄|搞|装|开发|迁)?完(?:成)?了(?=\s*(?:$|[。!！]))",
    ),
    # "项目已完成总体进度的七成" is progress, not the project finished
    ("done", r"项目(?:已|顺利)?完成(?![^，,。;；]{0,6}?(?:进度|的))|已结项|结项|验收(?:通过|完成)"),
    # every delivery made ("50 部 10/25 全部交付完成", "已全部交付"): the project's whole output, done
    ("done", rf"{_UNPLANNED_CLAUSE}(?:全部交付(?:完成|完毕)|已(?:经)?全部交付|交付已?全部完成)"),
    # 公文 wording for a works project finished: "已于2月6日完成改造并通过验收", "已于3月5日完成全部网元迁移",
    # "已竣工"; a plan to pass acceptance ("计划3月14日通过验收") is no finish.
    (
        "done",
        r"(?:已|并|顺利|已经|正式)通过(?:竣工|最终|终|整体)?验收|已于[^，,。;；]{1,14}?完成全部|已竣工|竣工验收(?:已)?(?:通过|完成)",
    ),
    ("done", r"^\W{0,3}(?:is|are|was|has been|now)\s+(?:done|complete|completed|finished)\b"),
    # A programme's finish: "Practical Completion achieved 18/12", "handed over to the fit-out
    # trades", a dashed field of its own ("Block B piling – complete 14/01 (184 of 184 piles)").
    (
        "done",
        r"\bpractical completion\s+(?:was\s+|has been\s+)?(?:achieved|reached|certified|granted|issued)\b|"
        r"\b(?:achieved|reached)\s+practical completion\b|(?<!\bbe )(?<!\bbeen )\bhanded over to\b|"
        r"(?<=\s[–—|]\s)(?:complete|completed|finished)\b(?!\s+(?:by|in|on track|next))",
    ),
    # "The housing register discovery wrapped up on Wednesday 23 April": work that ended, on its day
    (
        "done",
        r"\b(?:wrapped|finished|completed)\s+(?:up\s+)?on\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?(?:the\s+)?\d",
    ),
    # The writer's verdict on the whole project: "We're calling the data-lake cost project done".
    (
        "done",
        r"(?:\bcalling|\bdeclaring|\bdeclared|\b(?:we|i)(?:'d|'ll|\s+would|\s+will)?\s+(?:call|declare))\s+"
        r"(?:[^\s,;:.]+\s+){1,5}?(?:as\s+)?"
        r"(?:done|complete|completed|finished)\b",
    ),
    ("blocked", r"受阻|阻塞|卡住|\bblocked\b|⛔|\b(?:is|are|now)\s+blocking\s+(?:us|the|our)\b"),
    # A colour said in prose ("moving the project to red", "has gone amber", "is still red", "I'd
    # call it amber", "Dashboard v2: green."); a build's or a dashboard's colour is not (`_NOT_A_RAG`).
    # A colour changed in Chinese prose: `状态转黄`, `UWB 数字钥匙 2.0 转红`, `已恢复绿灯`.
    ("off_track", r"(?:转|变|亮|升为|转为|变为|调为|标为)红(?:灯|色)?(?![\u4e00-\u9fff])|亮红灯"),
    ("at_risk", r"(?:转|变|亮|降为|转为|变为|调为|标为)黄(?:灯|色)?(?![\u4e00-\u9fff])|亮黄灯"),
    ("on_track", r"(?:转|变|回|恢复|转为|变为|调为|恢复为|回到)绿(?:灯|色)?(?![\u4e00-\u9fff])"),
    # The light a project is reported at, said alone (`目标还是5月15号，绿灯。`, `我报红灯了`), as a
    # meeting's transcript says it (w45-a); 黄灯 alone is at risk above.
    ("off_track", r"(?<!闯)红灯(?=$|[^\u4e00-\u9fff]|[了吧啊呢])"),
    ("on_track", r"绿灯(?=$|[^\u4e00-\u9fff]|[了吧啊呢])"),
    ("off_track", _rag(r"red")),
    # (`AMB.`, `GRN.`: a newsroom's or a board's capitals for the colours, w20-e)
    ("at_risk", _rag(r"(?:amber|yellow|wobbly|shaky|(?-i:AMB))")),
    # A traffic-light letter right after the name (`EDU-3 (G) – DFMEA done`, `1. X7 C样释放   [Y]`):
    # what its glyph would say.
    ("at_risk", r"(?-i:^\s*[(（\[][AY][)）\]](?=\s*(?:[–—:：|,，-]|$)))"),
    ("on_track", _rag(r"(?:green|(?-i:GRN))") + r"|(?-i:^\s*[(（\[]G[)）\]](?=\s*(?:[–—:：|,，-]|$)))"),
    (
        "off_track",
        # "has slipped to 22 July", "slipped into H2": a move done (the slip it is), not a health the
        # writer gave; "slipped to red" is a colour. "launch slipping to 4 Apr" still is: a slip under way. Written from release-notes-roadmap
        # (the same sentence in pmo-rag-prose-en).
        r"延期|推迟|延后|顺延|延误|滞后|\boff[- ]track\b|\bdelayed\b|\bbehind schedule\b|"
        r"\bslipping\b|\bslipped\b(?!\s+(?:(?:again|further)\s+)?(?:to|into|until|till|by|out|back)\b(?!\s+(?:red|amber|yellow)\b))|"
        r"\bpushed (?:out|back)\b|🔴|🟥|(?-i:^\s*[(（\[]R[)）\]](?=\s*(?:[–—:：|,，-]|$)))",
    ),
    (
        "on_track",
        # "按调整后的计划推进", "按新的时间节点有序推进": on track against the moved date (`REBASELINED`)
        REBASELINED.pattern
        # "演练恢复到正常状态", "恢复正常推进": back on track
        + r"|恢复(?:到)?正常(?:状态|推进|节奏|进度)"
        + r"|按计划|按期|按节奏|正常推进|进展顺利|(?:有序|稳步|顺利)推进|推进顺利|(?:状态|进展)\s*[:：]?\s*(?:正常|绿灯?)|(?:(?<=[，,)）】｜|])|^)\s*正常(?=\s*(?:[。；;｜|]|$))|"
        # "推进正常", "进度正常", "目前正常", "那边正常": the work's pace said to be normal.
        r"(?:推进|进度|整体|目前|那边|这边|一切)\s*(?:都|也|还|仍|依然|基本)?\s*正常(?![化值范])|"
        r"\bon[- ]track\b|\bon schedule\b|🟢|🟩|(?-i:^\s*[(（]G[)）](?=\s*(?:[–—:：|,，-]|$)))",
    ),
    ("in_progress", r"进行中|推进中|开发中|联调中|测试中|\bin progress\b|\bongoing\b|\bWIP\b"),
)
_STATUS = tuple((status, re.compile(pattern, re.I)) for status, pattern in _STATUS_RULES)
_NEGATED_BEFORE = re.compile(
    # (Cantonese writes 唔 for 不 and 冇 for 没有: `唔再系有风险`, `已唔再 blocked`, `冇延期`)
    r"(?:未|不|没有?|无|非|尚未|并未|不会|不再|避免|防止|以免|排除|唔|冇)\s*(?:再|会|需|被|有|出现|能够?|是|系){0,2}\s*$|"
    r"\b(?:not|no longer|never|isn't|aren't|wasn't|no|without|nothing|\w+n['’]t)\s+(?:been\s+|be\s+|yet\s+|an?\s+)?$",
    re.I,
)
_BY_DAY_AFTER = re.compile(
    r"\s+(?:by|before|no later than)\s+(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:the\s+)?"
    r"(?:\d|end\b|mid|early|late|close|[QH]\d\b|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
    r"next|this|eo[dwmq]\b|tomorrow|today|go-?live|cut-?over|launch)",
    re.I,
)
_NEGATED_AFTER = re.compile(
    r"^\s*(?:已|已经)?(?:解除|消除|关闭|排除)|^\s*(?:cleared|resolved|removed|lifted)\b|"
    # a count of findings, not the project's state: `初步结果：高风险0项，中风险7项`
    r"^\s*[:：]?\s*\d+\s*(?:项|个|条|处|items?\b|findings?\b)|"
    # the delay as a thing decided on (`延期已获中心审批`, `延期申请`): a decision, not a new state (w19-e)
    r"^\s*(?:(?:已|已经)?(?:获|经)[^，,。；;]{0,6}?(?:批准|审批|批复|同意)|(?:申请|审批|获批))",
    re.I,
)
# A sentence that sets a condition (`若 4/15 前证书未到，上线顺延`, `if the licence is late, go-live
# slips`): the state it names may come, it is not the project's now (w19-e).
_CONDITION = re.compile(r"(?:若|如果|假如|倘若|万一|一旦)|\b(?:if|unless|should)\b", re.I)
_SENTENCE_START = re.compile(r"[。；;!！?？\n]|\.\s")

# A pause or cancellation announced for later ("下期起先暂停", "will be paused from next week") is
# not the project's state yet: it still counts as running until a report says it stopped.
_LATER_BEFORE = re.compile(
    r"(?:下(?:期|周|个?月|阶段|季度|迭代)|从下\S{0,3}|明天)(?:起|开始)\s*(?:先|会|将)?\s*$|"
    r"(?:将|将会|计划|准备|打算|拟)\s*$|\b(?:will be|to be|would be|plan to|planning to|going to)\s*$",
    re.I,
)
# A clause whose own subject is another thing (`…goes AMBER: the 25 Feb convoy to Damaturu was
# cancelled by Security`): the convoy stopped, not the project.
_ANOTHER_SUBJECT = re.compile(
    r"(?:^|[:;.,]\s)\s*(?:the|a|an|our|their|its|this|that|one)\s+"
    # (`The kiosk pilot was cancelled`: the project, by the kind of work it is)
    r"(?!(?:[\w-]+\s+){0,3}?(?:project|programme|program|workstream|initiative|effort|work|rollout|pilot)\b)"
    r"[^:;.,]{1,48}?\b(?:was|were|got|has been|have been|had been)\s+$",
    re.I,
)
# (or as a tag, as TaskPaper, PlainTasks and chat tools write it: `@风险`, `#blocked`)
_STATUS_MARK = re.compile(
    r"[【\[]([^】\]\[【\d]{1,12})[】\]]|(?<![\w@#])[@#]([^\s@#(（\d][^\s@#(（]{0,11})(?![(（\w])"
)
_DECISION = re.compile(
    r"(?:approved|rejected|accepted|declined|已批准|已通过|批准|驳回)(?![\w])",
    re.I,
)
# A field named for the traffic light itself (`RAG: A`, `Ampel: G`): its one capital is the colour.
_RAG_LABEL = re.compile(
    r"(?:rag|rag status|ampel|traffic light|health|overall health|project health|红绿灯|灯色|灯号|亮灯|灯|健康度)",
    re.I,
)


def labelled_status(label: str, value: str) -> ProjectStatus | None:
    """A status field's value, and a lone RAG letter where the field's label names the light."""
    light = _RAG_LABEL.fullmatch(label.strip(" *_`")) is not None
    opening = _OPENING_LETTER.match(value.strip()) if light else None
    if opening is not None:
        # `Health: A. OQ re-execution blocked until …`, `Health: A (was G).`: the light's letter
        # opens the value, the sentence after it is its reason (w19-f)
        letter = opening[1]
        return legend_status(letter.lower()) or rag_letter(letter)
    found = field_status(value)
    if found is None and light:
        return rag_letter(value)
    return found


# A light's word, a dash, the state it stands for this time (`grey – cancelled`, `amber: at risk`).
_AFTER_LIGHT = re.compile(r"^\S+\s*[-–—:：]\s*(\S.*)$")
_LETTER_WORD = re.compile(r"^[a-z]\s?[-–]\s?([^\s\d-]{1,8})$")
_OPENING_LETTER = re.compile(r"^([A-Z])(?:\.(?!\w)|\s*[(（]|\s+[-–—:;]|\s*$)")


RANK: dict[ProjectStatus, int] = {"on_track": 0, "at_risk": 1, "off_track": 2, "blocked": 2}
LIFECYCLE: tuple[ProjectStatus, ...] = ("cancelled", "paused", "launched", "done")
FINISHED: frozenset[ProjectStatus] = frozenset({"launched", "done"})
STOPPED: frozenset[ProjectStatus] = frozenset({"paused", "cancelled"})


@dataclass(frozen=True)
class Span:
    """A value found in text and the span it was read from."""

    value: object
    start: int
    end: int
    text: str


# A done word opening a line as the label of what follows (`Completed: Relaylink SMS contract signed`)
_LABEL_AFTER = re.compile(r"\s*[:：]\s*[^\W\d_]", re.UNICODE)


def find_statuses(text: str) -> list[Span]:
    """Non-negated status words in text order; `Span.value` is a `ProjectStatus`."""
    return list(_find_statuses(text))


# A status sign and its word closing a line after other words (`… ✅ 上线`, `… 🟡 At Risk`).
_SIGNED_CLOSE = re.compile(rf"(?<=\s)([{EMOJI}]\ufe0f?\s*([^\W\d_][\w']{{0,11}}(?:\s[A-Za-z]{{2,8}})?))\s*$")


# A state set bold at a line's start, a field separator or the line's end after it (a blog
# template's `**Amber** · target **31 Mar** · 22/40 nodes live` under the project's heading, w49-h).
_BOLD_STATE = re.compile(r"^\s*(?:[-*+]\s+)?\*\*([^*]{1,24})\*\*(?=\s*(?:[·•|,;–—:-]|$))")


# (capitalised, as a field's value is: `LIVE.`, `Done.`; a heading's `Products completed` leaves a
# lower-case word after the name, no field)
_OPENING_STATE = re.compile(r"^\s*([A-Z][A-Za-z]{1,11}(?:\s[A-Za-z]{2,8})?)\s*(?:[.;]\s|[.;]?$)")


def state_word(text: str) -> ProjectStatus | None:
    """The state a text is wholly the word of (`Amber`, `🟡 watch`, a legend's `TIGHT`); None for
    a name that says a state among other words (`病历模板2.0 全量上线`)."""
    cleaned = GLYPHS.sub("", text).strip(" *_`.:：").lower()
    return FIELD_STATUS.get(cleaned) or (legend_status(cleaned) if cleaned else None)


def _bold_state(text: str) -> tuple[ProjectStatus, re.Match[str]] | None:
    """The state a line opens with in bold (`_BOLD_STATE`), and where its word stands."""
    opening = _BOLD_STATE.match(text)
    stated = state_word(opening[1]) if opening else None
    return (stated, opening) if opening is not None and stated is not None else None


def opening_state(text: str) -> tuple[ProjectStatus, str] | None:
    """The state a line opens with in bold, and its word, when it does."""
    found = _bold_state(text)
    return (found[0], found[1][1]) if found else None


# A line is read for its statuses by the schedule prefilter, the observation and the field
# readers in turn; the answer depends on the text alone.
@lru_cache(maxsize=8192)
def _find_statuses(text: str) -> tuple[Span, ...]:
    taken = [False] * len(text)
    hits: list[Span] = []
    for match in _STATUS_MARK.finditer(text):
        # `【预警】`, `[At risk]`: a status word set in brackets is the item's state field (w19-e)
        marked = FIELD_STATUS.get((match[1] or match[2]).strip().lower())
        if marked is not None:
            taken[match.start() : match.end()] = [True] * (match.end() - match.start())
            hits.append(Span(marked, match.start(), match.end(), match[0]))
    if (bold := _bold_state(text)) is not None:
        # `**Amber** · target **31 Mar** · 22/40 nodes live`: a bold state opening a field line
        stated, opening = bold
        taken[opening.start(1) : opening.end(1)] = [True] * (opening.end(1) - opening.start(1))
        hits.append(Span(stated, opening.start(1), opening.end(1), opening[1]))
    lone = _OPENING_STATE.match(text)
    said = state_word(lone[1]) if lone else None
    if lone is not None and said is not None and not any(taken[lone.start(1) : lone.end(1)]):
        # a state field's value after its label (`Kiosks — Status: LIVE. 21 of 24 …`, the label
        # read off as the name's, w52-d): the word alone, its sentence ended
        taken[lone.start(1) : lone.end(1)] = [True] * (lone.end(1) - lone.start(1))
        hits.append(Span(said, lone.start(1), lone.end(1), lone[1]))
    for match in SHOWN_SHORTCODE.finditer(text):
        shown = field_status(match[0])
        if shown is not None:
            taken[match.start() : match.end()] = [True] * (match.end() - match.start())
            hits.append(Span(shown, match.start(), match.end(), match[0]))
    closing = _SIGNED_CLOSE.search(text)
    # (the word says which state: `海韵店 ✅ 南山店` ticks a store, no state)
    signed = field_status(closing[2]) if closing else None
    if closing is not None and signed is not None:
        # `**卖品到座** In-seat delivery ✅ 上线`: a sign and its state word close the line, as a field would
        taken[closing.start(1) : closing.end(1)] = [True] * (closing.end(1) - closing.start(1))
        hits.append(Span(signed, closing.start(1), closing.end(1), closing[1]))
    for status, pattern in _STATUS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(taken[start:end]):
                continue
            for index in range(start, end):
                taken[index] = True
            if _NEGATED_BEFORE.search(text[max(0, start - 12) : start]) or _NEGATED_AFTER.match(text[end:]):
                continue
            if status in ("done", "launched") and _BY_DAY_AFTER.match(text[end:]):
                continue  # `Complete by Fri 31 Oct`, `live by end of May`: the day it is due, no state
            if (
                status == "done"
                and _LABEL_AFTER.match(text[end:])
                and not text[:start].strip(" \t-*+•>")
                and not match[0].lstrip()[:1].islower()  # `is done: we evidenced…` tells the state
            ):
                continue  # `Completed: regression cycle 1 (412 scripts)`: a label over the week's done steps (w51-f)
            opened = max((m.end() for m in _SENTENCE_START.finditer(text, 0, start)), default=0)
            if status in ("off_track", "paused", "cancelled") and _CONDITION.search(text[opened:start]):
                continue
            if _RAG_WORD.search(match[0]) and _NOT_A_RAG.search(text[max(0, start - 32) : start]):
                continue
            if status in STOPPED and _LATER_BEFORE.search(text[max(0, start - 12) : start]):
                continue
            if status in STOPPED and _ANOTHER_SUBJECT.search(text[max(0, start - 60) : start]):
                continue
            hits.append(Span(status, start, end, match[0]))
    return tuple(sorted(hits, key=lambda hit: hit.start))


_SNAKE_CASE = re.compile(r"[a-z]+(?:_[a-z]+)+")


def field_status(value: str) -> ProjectStatus | None:
    """A status field's value ('At risk', '🟡 黄灯', 'Done (May 7)', or a word the report's legend
    defines: 'TIGHT') as a status."""
    value = ticked_option(value) or value
    value = SHOWN_SHORTCODE.sub(emoji_of_shortcode, value)  # `:yellow_circle:` is the 🟡 the page shows
    # `<StatusBadge level="ok">正常</StatusBadge>`, `<span class="rag">Amber</span>`: an MDX component
    # or an HTML tag around the word shows only the word (w33-c)
    value = HTML_TAG.sub("", value)
    tagged = TAG_PATH.fullmatch(value.strip())
    value = tagged[1] if tagged else value  # `#状态/关注#`, `#status/at-risk`: the tag's last part
    # (`[B]`: a board's bracketed code, read as its legend defines it)
    cleaned = re.sub(r"[(（].*?[)）]", "", value).strip(" .。*_`[]").lower().replace("’", "'")
    if _SNAKE_CASE.fullmatch(cleaned):
        # `on_track`, `at_risk`: a database's enum, as a query prints it (w55-d)
        cleaned, value = cleaned.replace("_", " "), value.replace("_", " ")
    if is_legend(value):
        return None
    # (a tag the legend writes in its brackets: `[P]暂停`)
    declared = legend_status(cleaned) or legend_status(value.strip(" *_`").lower())
    if declared is not None:
        # `Grey – Cancelled` under `Grey = paused or closed`: the word after the light says which
        said = _AFTER_LIGHT.match(cleaned)
        return (field_status(said[1]) or declared) if said and len(said[1].split()) <= 2 else declared
    lettered = _LETTER_WORD.match(cleaned)
    if lettered is not None:
        return field_status(lettered[1])  # `G-正常`, `Y-关注`: a light's letter joined to its word
    dated = re.match(r"(\D+?)\s+\S*\d", cleaned)  # `DEPARTED 27MAR`: the legend's word and its day (w20-b)
    declared = legend_status(dated[1]) if dated else None
    if declared is not None:
        return declared
    if _DECISION.match(GLYPHS.sub("", value).strip(" *_`")):
        return None  # `✅ Approved`: a change request's or a budget's decision, not the project's state
    if cleaned in FIELD_STATUS:
        note = re.search(r"[(（](.+?)[)）]", value) if cleaned == "closed" else None
        closed_as = field_status(note[1]) if note else None
        if closed_as in ("cancelled", "paused"):
            return closed_as  # `Closed (won't do)`: how it closed
        return FIELD_STATUS[cleaned]
    worded = SHORTCODE.sub("", GLYPHS.sub("", cleaned)).strip(
        " ●○◉⬤◐◑◒◓◔◕▲△▼▽◆◇■□★☆"
    )  # `● Blue`: a sheet's coloured dot before its word
    if worded != cleaned and worded in FIELD_STATUS:
        return FIELD_STATUS[worded]  # `⛔取消`, `🟡有风险`: the word says which state the sign is
    if worded != cleaned and worded and (signed := legend_status(worded)) is not None:
        return signed  # `⛅ nuageux`: a weather sign before the word the legend defines
    # A rating with last week's in brackets after it (`A    (G)`, w26-d): the first is this week's.
    paired = re.fullmatch(r"(?-i:([GAYR]))\s+[(（](?:was\s+)?(?-i:[GAYR])[)）]", value.strip(" *_`"))
    if paired is not None:
        return RAG_LETTERS[paired[1]]
    # A traffic-light letter before its word (`G 正常`, `Y 风险`, `R – delayed`): the word says it.
    lettered = re.match(r"(?-i:[GAYR])\s*[-–—:：]?\s+(?![(（])(\S.*)$", value.strip(" *_`"))
    if lettered is not None:
        return field_status(lettered[1]) or RAG_LETTERS.get(value.strip(" *_`")[0])
    # The field's first word is the writer's verdict (`风险。…开发暂停3天`: at risk, the pause a detail).
    first = re.split(r"[\s,，;；/—。、-]+", cleaned, maxsplit=1)[0]
    if first in FIELD_STATUS:
        return FIELD_STATUS[first]
    hits = find_statuses(value)
    return hits[0].value if hits else None  # type: ignore[return-value]


def worst_status(statuses: list[ProjectStatus]) -> ProjectStatus | None:
    """Lifecycle states win over schedule health; among health words the worst wins."""
    for status in LIFECYCLE:
        if status in statuses:
            return status
    ranked = [s for s in statuses if s in RANK]
    if ranked:
        return max(ranked, key=lambda s: (RANK[s], s == "blocked"))
    return "in_progress" if "in_progress" in statuses else None


# The status a board or template heading gives the items filed under it.
_LAUNCHED_HEADING = re.compile(r"^(?:shipped|launched|released|live|已上线|上线|已发布)$", re.I)
_HEADING_STATUS: tuple[tuple[ProjectStatus, re.Pattern[str]], ...] = (
    ("cancelled", re.compile(r"^(?:won'?t do|wont do|cancell?ed|dropped|descoped|已取消|取消|砍掉)$", re.I)),
    ("paused", re.compile(r"^(?:paused|on hold|parked|已暂停|暂停|搁置)$", re.I)),
    ("launched", _LAUNCHED_HEADING),
    # (`三、已完成事项`, a briefing's part for the work items it finished, w42-h: its ordinal stays
    # before the words once `_heading_words` drops the 、; a numbered `三、本周完成` stays the week's steps)
    (
        "done",
        re.compile(
            r"^(?:done|completed?|finished|closed|resolved|已完成|本周完成|完成)$|^(?:[一二三四五六七八九十]{1,3}\s*)?已完成事项$",
            re.I,
        ),
    ),
    ("blocked", re.compile(r"^(?:blocked|阻塞|受阻)$", re.I)),
    ("off_track", re.compile(r"^(?:slipping|slipped|delayed|off track|延期|延误)$", re.I)),
    ("at_risk", re.compile(r"^(?:at risk|有风险|风险项)$", re.I)),
)


# The period a changelog's heading covers says nothing of what it lists: `Shipped this week`,
# `Shipped since the last post`, `What we shipped`, `本周已上线`. Only for launch words: `Done this
# week` is the work done on running projects, not a column of finished ones.
_PERIOD_TAIL = re.compile(
    r"^(?:what\s+(?:we(?:'ve|\s+have)?\s+)?|本周|本期|本月|本迭代)|"
    r"\s+(?:this|last)\s+(?:week|sprint|cycle|month|fortnight|quarter|release|period)$|"
    r"\s+since\s+(?:the\s+|our\s+)?(?:last|previous)\s+(?:\w+\s+)?\w+$|\s+recently$",
    re.I,
)


_DONE = ("done", "launched")
_PROJECT_NOUN = re.compile(r"^(?:projects?|workstreams?)\s+|\s+(?:projects?|workstreams?)$|项目$", re.I)
_LANGUAGE_HALVES = re.compile(
    r"\s*(?<=[\u4e00-\u9fff])\s*(?=[A-Za-z])|(?<=[A-Za-z])\s*(?=[\u4e00-\u9fff])\s*"
)


def _heading_words(title: str) -> tuple[str, str]:
    """A heading's words, and the same without the period they cover ("Shipped this week");
    its outline number and a note after it say nothing ("4. Closed this period (auto; …)")."""
    title = re.sub(r"^\s*\d{1,2}(?:\.\d{1,2})*[.)、]?\s+|\s*[(（][^()（）]*[)）]\s*$", "", nfkc(title))
    text = re.sub(r"[(（]\d+[)）]|[^\w\s'’]", "", title).strip()
    return text, _PERIOD_TAIL.sub("", text).strip()


def closed_heading(title: str) -> bool:
    """`Closed this period`, `Resolved this week`: a tracker's issues closed in the period, each
    told with its own closing words; the heading files no status (a closed story is no launch)."""
    return re.fullmatch(r"closed|resolved", _heading_words(title)[1], re.I) is not None


def heading_status(title: str) -> ProjectStatus | None:
    """`## Done` -> done, `## Won't Do` -> cancelled, `## Shipped` -> launched; else None."""
    # Marks around the word say nothing ("done ✅:", "**Shipped** 🚀"): only the words decide.
    text, bare = _heading_words(title)
    found = next((status for status, pattern in _HEADING_STATUS if pattern.match(text)), None)
    if found is None:
        # the state of a list of projects, in one language or both: `PROJECTS ON HOLD`, `Paused
        # projects`, `暂停项目 ON HOLD` (a report script's section of its held rows); never done,
        # which such a list's rows are often steps of (`本周完成 DONE THIS WEEK` over sub-tasks)
        halves = [h for h in _LANGUAGE_HALVES.split(text) if h] if has_han(text) else [text]
        for half in halves:
            state = _PROJECT_NOUN.sub("", half).strip()
            if state != half.strip() or len(halves) > 1:
                found = found or next(
                    (st for st, pattern in _HEADING_STATUS if st not in _DONE and pattern.match(state)), None
                )
    if found is None and _LAUNCHED_HEADING.match(bare):
        return "launched"
    if found is None and bare:  # a word of the report's own legend ("DISCHARGED THIS WEEK")
        with reading_status_words({}):
            common = field_status(bare)
        # (`DONE = closed` in a legend leaves `Done this week` the work done on running projects)
        found = legend_status(bare.casefold()) if common is None else None
    return found
