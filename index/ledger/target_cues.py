"""The words that say what a date next to a project is: a target's cues (`预计`, `ETA`, `due`,
`延期至`), an old target's (`原计划`, `from`), a completion's (`已于…上线`, `shipped`), and what makes a
date none of these (a supplier's, a dependency's, a condition's, an interim step's).

The vocabulary `targets.classify_dates` reads a line with, kept apart from how it reads it: the
rules change as styles are found, the reading does not.
"""

from __future__ import annotations

import re

# An English sentence ends at a full stop before a capital: "… shipped separately. A design review
# call is scheduled for August 20" is two clauses, and the first one's delivery word is not the call's.
BOUNDARY = re.compile(r"[，。；;！!？?]|(?<!\d),|,(?!\d)|\.(?=\s+[A-Z])")
# "Target: end of Q3", "targeting the end of 2024H2", "by the end of February": a part of a period
# between the cue and the date (the parser reads "end of June" whole, but not "end of Q3").
# "week commencing 28 April", "w/c 28 April", "the week of the 12th": the week a day opens.
PART = (
    r"(?:(?:the\s+)?(?:end|close|middle|beginning|start)\s+of\s+(?:the\s+)?|"
    r"(?:the\s+)?week\s+(?:commencing|beginning|starting|of)\s+(?:the\s+)?|w/c\s+|"
    # "re-baselined to late Q3", "early Q4": the part of a quarter the parser leaves out
    r"(?:late|early|mid)[\s-]+)"
)
PART_OF = rf"(?:{PART})?"
PART_TAIL = re.compile(PART + "$", re.I)
OLD_BEFORE = re.compile(
    r"(?:原计划|原定|原预计|原目标|原|之前计划|此前|先前|从|由|合同节点|合同约定|合同日期|合同要求)\s*(?:于|在|是|为)?\s*$|"
    # "MVP 未能按 5/15 上线", "新文档站没有按1月底切换": the day it did not make, set aside
    r"(?:未能|没能|没有能|未|没有|没)\s*(?:按|在|于|赶上|赶在)\s*$|"
    r"\b(?:originally|previously|was|from|instead of|rather than|old eta|replacing|replaces|superseding|in place of)"
    r"\s*[:：]?\s*(?:on\s+)?(?:the\s+|its\s+|our\s+)?" + PART_OF + "$",
    re.I,
)
# "Q3, not Q2", "realistic date is now end of Feb, not end of Jan": the date set aside.
NOT_BEFORE = re.compile(r"^\s*not\s+(?:(?:in|on|by|for)\s+)?(?:the\s+)?" + PART_OF + "$", re.I)
# A date the project missed is still its target, not a launch day: "did not make the 11 April GA",
# "missed its end-of-March date", "won't make the 15th".
MISSED_BEFORE = re.compile(
    r"\b(?:did\s*n[o']t|won't|will not|failed to|is\s*n[o']t going to|not going to)\s+(?:make|hit|meet)\s+"
    r"(?:the|its|our|their)?\s*$|\bmissed\s+(?:the|its|our|their)?\s*$",
    re.I,
)
# The old day said to be missed with no new one in its clause ("原定 4/15 上线未能实现", "the
# original 14 March date was not met"): the day it missed is still its target (w19-e).
MISSED_AFTER = re.compile(
    r"(?:未能|没能|没有|未)(?:实现|达成|完成|兑现|如期)|落空|\b(?:was|were|has been)\s+(?:not\s+met|missed)\b|"
    r"\bnot\s+(?:met|achieved|reached)\b",
    re.I,
)
# What the project needs from someone else by a day ("we need UAT sign-off by Friday 7th", "the
# contact centre needs the new call scripts by 11 April", "design sign-off is needed by 3 July"): an
# input owed to the project, not its delivery ("we need to ship by ..." is the project's own).
# Written from agency-client-en; the same sentence is in weeknotes-blog-en, release-notes-roadmap
# and community-meeting-log-en.
OWED_BEFORE = re.compile(
    r"\b(?:needs?|needed|requires?|required)\b(?!\s+to\b)[^.;:!?]{0,60}?\b(?:by|before)\s*(?:the\s+)?"
    + PART_OF
    + r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?$|"
    # another party's reply to the project ("RFI-112 – response was due 20/11, still outstanding")
    # (or its decision: "Exemption request with Exec (decision due 20/03)", w33-a)
    r"\b(?:response|reply|answer|feedback|comments?|decision|approval|verdict|ruling|quote)\s+"
    r"(?:was\s+|is\s+|were\s+|are\s+)?(?:now\s+)?due\s*(?:on|by)?\s*$",
    re.I,
)
# A deadline told as a condition ("if it isn't signed by the 17th we lose offline map tiles", "如果
# 3月10日前拿不到证书"): what must happen for the plan to hold, not the project's own day.
CONDITION_BEFORE = re.compile(
    r"\b(?:if|unless)\b[^.;:!?]{0,60}?\b(?:by|before)\s*(?:the\s+)?"
    + PART_OF
    + r"$|(?:如果|若|假如)[^。；！？]{0,20}$",
    re.I,
)
# A date of what the project waits on, in the clause that says so ("the dependency on Ardent's
# release 4.2 (due to land w/c 7 April)", "we're waiting on the vendor's patch, due 12 May"): the
# other party's day. Written from pmo-rag-prose-en.
DEPENDENCY_BEFORE = re.compile(
    r"\b(?:dependency|dependent|depends|depending|waiting|wait)\s+(?:on|for)\b", re.I
)
# The report's own week or day, in English: told in the past tense it is when a thing happened.
OWN_WEEK = re.compile(r"^(?:this|last)\s+week$|^today$|^yesterday$", re.I)
# The new day said as what the date now is: "that now looks like the 29th", "realistic date is
# now end of Feb", "new target end of April", "we now expect mid-May".
NEW_DATE_BEFORE = re.compile(
    r"\b(?:now\s+looks?\s+like|now\s+looking\s+like|realistically(?:\s+(?:more\s+like|it'?s|by))?|"
    r"(?:realistic|new|revised)\s+(?:date|target|eta|go[- ]live|ga)"
    r"(?:\s+for\s+[\w%-]+)?\s*(?:is\s+)?(?:now\s+)?|(?:(?:is|are)\s+)?now\s+expected|now\s+(?:expect(?:ing)?|aiming\s+for|targeting))"
    r"\s*[:：]?\s*(?:(?:on|for|in|at)\s+)?(?:the\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?"
    + PART_OF
    + "$",
    re.I,
)
# (`5/31(土) 本番切替 ※5/17 から変更`: Japanese "changed from 5/17", the day before から the old one)
OLD_AFTER = re.compile(
    r"^\s*(?:→|->|=>|⇒|➡)|^\s*(?:[(（][^()（）]{1,4}[)）])?\s*(?:から|より)\s*(?:変更|延期|順延|後ろ倒し|見直し)"
)
MOVED_BEFORE = re.compile(
    r"(?:→|->|=>|⇒|➡)\s*$|(?:延期|推迟|延后|顺延|调整|改|变更|推|延|提前)\s*(?:至|到|为|成)\s*$|(?:至|到)\s*$|"
    r"\b(?:moved|moving|pushed|pushing|slipped|slips|slip|slipping|shifted|shifting|delayed|postponed|deferred|"
    r"now|new eta|revised(?: eta)?|re-?planned|re-?baselined)"
    r"\s*(?:(?:it|this|that|them)\s+)?(?:out\s+)?(?:to|for|into)?\s*[:：]?\s*(?:the\s+)?" + PART_OF + "$|"
    r"\bto\s*(?:the\s+)?$",
    re.I,
)
# A schedule word before the date makes it a target on its own ...
STRONG_BEFORE = re.compile(
    # "1.0 的目标是3月底", "目标9月底": the goal's day is the target, as "target: end of Q3" is
    # the plan of record restated: "还是按月底", "仍按2月底发布"
    r"(?:上线时间|上线日期|完成时间|交付时间|截止(?:日期|时间)?|截稿(?:日期|时间)?|deadline|排期|先按|先定|暂定|"
    r"还是按|仍然?按|依然按|照旧按|(?:正式版|版本|发布|发版|上线)(?:日期|时间)?定在|"
    r"(?<![原旧老])目标(?:日期|时间)?)"
    r"\s*[:：]?\s*(?:在|于|是|为)?\s*$|"
    # "Summit is going live on Monday 31st", "it goes live on 3 June": the launch said ahead of it
    # "forecast completion 05/12", "forecast Practical Completion 12/12", "projected go-live": a
    # programme's forecast of its finish is its current target (a baseline beside it is not)
    r"\b(?:(?:forecast(?:ed)?|fcst|projected|estimated|expected|planned)\s+(?:practical\s+)?"
    r"(?:completion|finish|handover|hand-over|go[- ]live|launch|release|delivery|cutover|end)(?:\s+date)?|"
    r"completion\s+date|"
    r"eta|target(?:ed|ing)?|tgt|due|deadline|launch date|go[- ]live|going live|goes live|release date|on track for|(?-i:GA)|"
    r"at risk for|aiming for|aim for|looking like|now looks like|slipping to|moving to|committed to|"
    # "Go-live holds at w/c 12 May", "the target stays at 30 June": the plan of record restated
    r"(?:go[- ]?live|launch|release|cut-?over|target|date|deadline)\s+(?:still\s+)?"
    r"(?:holds|stands|stays|remains|is\s+held|is\s+kept)\s+(?:at|for|on|as)(?:\s+w/c)?)"
    r"\s*[:：]?\s*(?:(?:is|remains|stays)\s+)?(?:(?:now|still)\s+)?(?:on|for|in|is|at)?\s*(?:the\s+)?"
    + PART_OF
    + "$",
    re.I,
)
# ... a softer one (`预计下周出结果`) only when the clause also names a delivery.
WEAK_BEFORE = re.compile(
    r"(?:预计|计划|预期|争取|目标(?:定|改|调整)?|拟|将于|将在|将|预估|力争|确保|期望|定于|安排在|"
    # chat wording for the plan of record: "先按9月5号排", "还是按月底"
    r"(?:先|还是|仍然?|就|暂)按(?:照)?)"
    r"\s*[:：]?\s*(?:在|于|是|为|本|下)?\s*$|"
    r"\b(?:by|expected|planned|scheduled(?: for)?|aim(?:ing)? for|before|until|on track for|landing|lands?)"
    r"\s*[:：]?\s*(?:on|for|in|is|at)?\s*(?:the\s+)?" + PART_OF + "$",
    re.I,
)
# 量产 (mass production) is a hardware product's launch: "目标4月底量产" its target, "已于4月22日正式量产"
# its launch day; "量产固件" (the firmware for it) is no release. A hardware phase gate (EVT, DVT, PVT,
# 样机) is a delivery too: "EVT样机目标4月底" is a target; "EVT 样机评审会改到 9/20" is a meeting.
# Written from zh-email-hardware.
MASS_PRODUCTION = r"量产(?!固件|版本?|软件|前|线|计划|评审|物料|方案|准备|工艺|测试|爬坡)"
DELIVERY = re.compile(
    r"上线|全量|完成|交付|发布|正式版|投产|投运|接入|(?:一起|一同|一并)上(?![午下班周])|[迁切搬]完|"
    + MASS_PRODUCTION
    + r"|结项|验收|提测|联调|灰度|切换|迁移|launch|ship|release|go[- ]live|\bGA\b|general availability|"
    r"done|complete|finish|deliver|roll ?out|cut ?over|migrat|upgrade|冻结|封版|定版|freeze|\blive\b|"
    r"(?<![A-Za-z])[EDP]VT(?![A-Za-z])(?!\s*(?:样机)?\s*(?:评审|review))|样机(?!\s*评审)",
    re.I,
)
# The date first, then the words that make it the target: "The end of H1 is still the target",
# "the end-of-June date is still the plan", "4.2 is achievable", "月底还是目标".
TARGET_AFTER = re.compile(
    # "mid-April is the new aim": the day named as the aim, new or revised
    r"^\s*(?:date|deadline)?\s*(?:is|remains|stays)\s+(?:still\s+|now\s+)?(?:the\s+|our\s+)?"
    r"(?:(?:new|revised|current|updated)\s+)?(?:target|goal|plan|deadline|eta|aim)\b|"
    r"^\s*(?:date\s+)?(?:still\s+)?(?:is|looks|seems)\s+(?:still\s+)?(?:fine|ok|okay|achievable|realistic|doable|feasible)\b|"
    # the day is in doubt, so it is the one planned: "I think the 14th is at risk" (as "9月底有风险")
    r"^\s*(?:date\s+)?(?:is|looks|seems)\s+(?:now\s+|still\s+)?(?:at risk|in doubt|in danger|unlikely|tight)\b",
    re.I,
)
# The day, perhaps its milestone, then that it stands: "August still holds", "30 June stands for
# now", "H1 go-live still stands", "The 15 April go-live still holds on paper" (a day still ahead).
HOLDS_AFTER = re.compile(
    r"^\s*(?:(?:go[- ]?live|GA|launch|release|cut-?over|(?:public\s+|private\s+)?beta|date|target|deadline)\s+)?"
    r"(?:still\s+)?(?:stands|holds)\b",
    re.I,
)
# The date as the name of the milestone it is the day of: "the 15 July public beta", "the w/c 12 May
# go-live is at risk", "the end-of-July target is on hold", "missed its 29 July date". Written from
# release-notes-roadmap and weeknotes-blog-en.
# ("a week ahead of the end-of-April deadline": a day beaten, by a step that is done, is no target now)
DETERMINER = re.compile(r"(?<!ahead of )\b(?:the|its|our|their|this|that)\s+" + PART_OF + "$", re.I)
MILESTONE_AFTER = re.compile(
    r"^[\s-]*(?:target|deadline|date|go[- ]?live|GA|launch|release|cut-?over|(?:public\s+|private\s+)?beta|"
    r"milestone|sign-?off|delivery|handover)\b(?!\s+(?:meeting|call|review|workshop))",
    re.I,
)
# The aim, then what is aimed at, then its day: "we're aiming for a private beta before Easter",
# "working towards a public beta by the end of May", "hoping for sign-off by the end of March",
# "targeting a public beta on 15 July". At most three words name the milestone.
AIM_AT_BEFORE = re.compile(
    r"\b(?:aim(?:s|ing)?|hop(?:e|es|ing)|work(?:s|ing)?\s+towards?|target(?:s|ing)|on\s+track)\s+"
    r"(?:for\s+|at\s+|to\s+have\s+)?(?:a|an|the|our|its)\s+(?:[\w-]+\s+){1,3}?"
    r"(?:(?:by|before|in|on|for|at|around)\s+)?(?:the\s+)?" + PART_OF + "$|"
    r"\b(?:aim(?:s|ing)?|hop(?:e|es|ing)|work(?:s|ing)?\s+towards?)\s+(?:for\s+)?(?:[\w-]+\s+){1,2}?"
    r"(?:by|before|in|on|around)\s+(?:the\s+)?" + PART_OF + "$|"
    # "on track for cutover mid-April": the milestone named bare, then its day
    r"\b(?:on\s+track|aim(?:s|ing)?|target(?:s|ing)?)\s+(?:for\s+)?(?:cut-?over|launch|release|go[- ]?live|GA|"
    r"(?:public\s+|private\s+)?beta|roll-?out|sign-?off|delivery|handover)\s+(?:(?:by|before|in|on|around|at)\s+)?"
    r"(?:the\s+)?" + PART_OF + "$|"
    # "Still on for the week of the 21st", "still on for Friday": the plan of record, held
    r"\bstill\s+on\s+for\s+(?:the\s+)?" + PART_OF + "$|"
    # "Target back in service 28/02", "Target complete 27/06": the target named with what it is
    r"\btarget\s+(?:(?:back|in|into|complete|completion|service|live|go-?live|handover|finish|finished|done|"
    r"commissioned|operational|energised|open)\s+){1,3}(?:by\s+|on\s+)?" + PART_OF + "$|"
    # "Target end P12 (28/02)": the team's own period named, its day in brackets
    r"\btarget\s+(?:end\s+(?:of\s+)?)?[A-Za-z]{0,3}\d{1,2}\s*[(（]\s*$",
    re.I,
)
# The new day offered in place of the old one: "we're saying week commencing 28 April for the
# private beta instead", "let's go for the 28th instead".
INSTEAD_AFTER = re.compile(r"^[^.;:!?]{0,40}\binstead\b", re.I)
OFFER_BEFORE = re.compile(
    r"\b(?:saying|say|go(?:ing)?\s+(?:for|with)|aim(?:ing)?\s+for|target(?:ing)?|plan(?:ning)?\s+(?:for|on))\s+"
    r"(?:(?:on|for)\s+)?(?:the\s+)?" + PART_OF + "$",
    re.I,
)
# The day a bracket says replaced an earlier one: `Mon 3 March (was 24/02)`, `4/30（原4/15）` (w26-d).
WAS_AFTER = re.compile(
    r"^\s*[(（]\s*(?:was|previously|formerly|原定?|原计划)\s*[:：]?\s*"
    r"(?=[^)）]{0,16}(?:\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\bQ[1-4]|月))",
    re.I,
)
NEW_AFTER = re.compile(r"^\s*(?:is|will\s+be)\s+(?:now\s+)?(?:the\s+|our\s+)?(?:new|revised|updated)\b", re.I)
# A sentence that opens by stating the goal, then gives its day: "The goal is to have all five
# automated by the end of Q3", "The plan is still to fix all six by the end of August".
GOAL_LEAD = re.compile(
    r"^\W*(?:the\s+|our\s+)?(?:goal|plan|aim|target|intent(?:ion)?|idea)\s+(?:is|was)\s+(?:still\s+)?to\b|"
    r"^\W*(?:目标|计划)(?:是|为)",
    re.I,
)
# A relative period with its value in brackets after a move: "shifting it to the next goal period (2026H1)".
MOVED_TO_PERIOD = re.compile(
    r"\b(?:to|into)\s+(?:the\s+)?(?:next|following|new)\s+[\w\s-]{0,24}?\(\s*$|(?:到|至)下一?个?[\w\s]{0,8}[（(]\s*$",
    re.I,
)
DONE_BEFORE = re.compile(
    r"(?:已于|已在|已经于|已经在)\s*$|"
    r"(?:已上线|已发布|已投产|已完成|上线完成)\s*[（(]\s*(?:于)?\s*$|"
    r"\b(?:launched|shipped|released|went live|went GA|completed|finished|done)\s*(?:on)?\s*[:：]?\s*"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?$",
    re.I,
)
# An announcement's "X 于4月8日发布", "在4月22日正式发布": on a day already past, it was released
# (with 将/预计/计划 before it, the day is still ahead and the date a target).
ON_DAY_BEFORE = re.compile(r"(?<![将拟预计划定])(?:于|在)\s*$")
RELEASED_AFTER = re.compile(r"^\s*(?:正式|顺利|成功)?\s*(?:切换)?(?:发布|上线|发版|全量)(?![前会计方窗])")
# "live for web as of Fri 6/14", "available since Monday 3/3": the day a live state began.
SINCE_BEFORE = re.compile(r"\b(?:as of|since)\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?$", re.I)
LIVE_WORD = re.compile(r"\b(?:live|launched|shipped|released|available|GA)\b", re.I)
# A clause that opens with the live state and then gives a day: "Live 4/9 for all pilot sites",
# "Live on iOS + Android 3/26" (a board's notes cell beside its Shipped status).
LIVE_OPENS = re.compile(
    # (also after a stage ladder's arrow: `CC[x] IQ[x] CUTOVER[x] > LIVE 28-Sep-2024`, w19-f)
    r"^(?:[^>]{0,80}>\s*)?\W*(?:now\s+)?(?:live|went\s+live|GA)\b(?!\s+(?:demo|stream|test|event|session|traffic|data))[^.;:!?]{0,30}$",
    re.I,
)
DONE_AFTER = re.compile(
    r"^\s*(?:已经?|顺利|成功|正式)\s*(?:全量)?(?:上线|完成|发布|投产|"
    + MASS_PRODUCTION
    + r"|交付)|^\s*[✅✔☑]|"
    # a day, then the release verb and 了 (it happened): "9月2号全量了", "周四（9/18）上了", "（9/24）全量上线了"
    r"^\s*[)）]?\s*(?:(?:早上|上午|中午|下午|晚上|凌晨)\S{0,4}?)?\s*(?:正式)?(?:全量上线|全量|上线|发布|上|切完|交付|交|提交|投)了"
)
FINAL_AFTER = re.compile(
    # colloquial: "9月25号上", "9/12就能上", "9/20前能上", "9/10应该可以", "9/12上没问题"
    r"^\s*(?:之?前|以前)?\s*(?:就|能|肯定|应该|可以|才能|再|就能|一定)*\s*上(?:线)?(?![午下班周个次面述报限涨升调半旬海不])|"
    r"^\s*(?:之?前|以前)?\s*(?:应该|肯定|估计|基本)?\s*(?:可以|没问题|问题不大|稳了|能搞定|来得及)|"
    # the day is in doubt, so it is the one planned: "9月底有风险", "月底肯定来不及了", "10号够呛"
    r"^\s*(?:之?前|以前)?\s*(?:可能|恐怕|估计|肯定|怕是|大概率)?\s*(?:有(?:点|些)?风险|来不及|赶不上|够呛|悬了?)|"
    # "要到 10 月 15 号左右才能搭完", "月底前写完": a day, then finishing the work
    r"^\s*(?:之?前|以前|左右)?\s*(?:才能|就能|能|可以|应该能)?\s*[搭做写弄搞装建修]完(?!了)|"
    r"^\s*(?:的?目标)?\s*(?:暂时|仍然?|还是|依然)?\s*(?:不变|没变|照旧)|"
    # "4月底的预览版目前还没有改期": the day stands
    r"^\s*(?:的[^，,。；;]{0,4}?)?\s*(?:目前|暂时|现在)?\s*(?:还|仍)?(?:没有?|不|未)改期|"
    r"^\s*(?:之?前|以前|左右|底前)?\s*(?:全量|正式|全部|整体|全面|完成)?\s*"
    r"(?:上线|发布|发(?:正式)?版|投产|"
    + MASS_PRODUCTION
    + r"|交付|完成|结项|验收|全量|冻结|封版|定版|launch|ship|release|go[- ]live|GA\b|done|complete)|"
    r"^\s*(?:之?前|以前)",
    re.I,
)
# A day someone owes an answer or a plan by ("下周五之前确认", "周三前给个准话", "3/5前回复"): an
# action item's due date, not the project's delivery.
ACTION_AFTER = re.compile(
    r"^\s*(?:之?前|以前)\s*(?:我|他|她|我们|大家)?\s*(?:一定|务必|尽快|要|得|需要|会|再)?\s*"
    r"(?:给(?:个|出)?|确认|回复|反馈|同步|答复|定下|说|对齐|评估|决定|看一?下|过一遍|沟通)"
)
# A meeting's day (`new date TBC (working group 08/04)`, `agreed at the CCB on 09.04`, `周会 3/14`):
# when people meet about the project, even in its target's column, never the day it is due.
MEETING_BEFORE = re.compile(
    r"(?:working\s+group|meeting|steerco|steering\s+(?:committee|group|board)|\bCAB|\bCCB|"
    r"change\s+(?:advisory\s+|control\s+)?board|workshop|会议|例会|周会|碰头会|评审会)"
    r"\s*(?:on|at|of|held)?\s*[:：]?\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?$",
    re.I,
)
# A day a meeting is held on, written before its name (`the 15-Apr budget review`, `3/20 评审会`), or a
# meeting's new day (`postponed the budget review to 23-Apr`): when people meet, not when work is due.
_MEETING_NOUN = r"(?:review|meeting|workshop|readout|steerco|demo|call|评审会|会议|例会|周会|碰头会)"
MEETING_AFTER = re.compile(
    rf"^\s*(?:(?!(?:after|before|following|until|pending|per|by|at|on|for|the|an?|in|with|and|or)\b)"
    rf"[A-Za-z][\w-]*\s+){{0,2}}?{_MEETING_NOUN}s?\b(?!\s+(?:complete|done|passed|signed))",
    re.I,
)
MEETING_MOVED_BEFORE = re.compile(
    rf"{_MEETING_NOUN}s?\s+(?:(?:was|is|has\s+been)\s+)?(?:moved\s+|pushed\s+|postponed\s+)?(?:to|until|till)\s*$",
    re.I,
)
# Goods arriving for the work (`基站设备计划3月12日进场安装`, `服务器4/8到货`, w46-d): the supplier's
# day, as a delivery to the project is, never the project's own; as is its move (`基站进场时间从3月12日推迟到
# 3月20日`).
ARRIVAL_BEFORE = re.compile(r"(?:进场|进厂|到货|到场|到港|发货|交货)(?:时间|日期)")
ARRIVAL_AFTER = re.compile(
    r"^\s*(?:前|之前)?\s*(?:进场|进厂|到货|到场|到港|发货|交货|arrives?\b|delivered\s+to\s+site)", re.I
)
# A day work starts, not one it is due: `计划 4/1 启动` in a 计划完成 column (w26-h), `kick-off 4/1`.
START_AFTER = re.compile(
    r"^\s*(?:正式)?(?:启动|开工|开始(?![\u4e00-\u9fff]*(?:上线|发布|投产))|立项|kick(?:s|ed)?[- ]?off|starts?\b)",
    re.I,
)
# How long something old is kept ("旧站保留到4月中旬", "旧命令会作为别名保留到年底"): a retention, not
# a delivery, whatever the clause names.
KEPT_UNTIL = re.compile(r"(?:保留|保持|维持|沿用|兼容|并行|共存|有效)(?:期)?\s*(?:到|至)\s*$")
# A step named after a bare 前 ("8月20号前先切20家试点店", "5/10前完成灰度"): the day is that step's.
STEP_WORD = re.compile(r"试点|灰度|提测|联调|评审|小流量|试运行|\bpilot\b|\bbeta\b|\bcanary\b", re.I)
INTERIM = re.compile(
    r"^\s*(?:之?前)?\s*(?:完成)?\s*(?:提测|联调|评审|测试|灰度|试点|试运行|小流量|uat|beta|pilot|canary|"
    r"code freeze|review|demo|design|设计|开发完成|方案)",
    re.I,
)
# A batch or wave of the work named before its day (`GIS 治理第二批预计 5 月底完成`, `batch 2 by 14 May`):
# a step's day, not the project's own.
FINAL_WORD = re.compile(r"\bfinal\b|最终|最后一批|全量", re.I)
BATCH_BEFORE = re.compile(
    r"(?:第[一二三四五六七八九十\d]{1,2}|首|末)批|\b(?:batch|wave|tranche)\s*\d{1,2}\b", re.I
)
# A launch said with its hour and its reach: "7月11日上午10点全服上线", "8/29全渠道上线".
AT_HOUR = r"(?:(?:早上|上午|中午|下午|晚上|凌晨)?\s*\d{1,2}(?:[:：]\d{2}|点(?:半|\d{1,2}分?)?)\s*)?"
REACH = r"(?:全量|正式|全面|全服|全渠道|全网|全平台)"
LAUNCH_AFTER = re.compile(
    r"^\s*(?:之?前)?\s*"
    + AT_HOUR
    + r"(?:才|就|已经?|终于)?"
    + REACH
    + r"?\s*(?:上线|发布|投产|"
    + MASS_PRODUCTION
    + r"|全量|launch|ship|release|go[- ]live|GA\b)",
    re.I,
)
# The launch after its hour, its reach or an adverb of when ("才全渠道上线的"): said of a day, not
# a "…前" deadline, which `FINAL_AFTER` reads.
AT_HOUR_LAUNCH = re.compile(r"^\s*" + AT_HOUR + r"(?:才|就|已经?|终于)?" + REACH + r"?\s*(?:上线|发布)")
# The project's own schedule words: a step line that moves an `eta` moves the project's date.
# "mid-April is the new aim": an aim only when called new or revised (an aim alone is a goal's wording).
SCHEDULE_WORD = re.compile(
    r"\beta\b|\btarget(?:ed)?\b|目标|\bdeadline\b|上线时间|\b(?:new|revised|updated)\s+aim\b", re.I
)
TARGET_WORD = re.compile(r"目标|计划|预计|排期|\btarget|\beta\b|\bdeadline\b|\bplanned\b", re.I)
RELEASE = re.compile(
    r"上线|全量|发布|投产|"
    + MASS_PRODUCTION
    + r"|交付|launch|release|ship|go[- ]live|\bGA\b|general availability|roll ?out|cut ?over|mass production",
    re.I,
)
# A day, then the launch said plainly (no 已, no 了): done only when the day is past.
PLAIN_LAUNCH_AFTER = re.compile(r"^\s*(?:正式|顺利|成功)\s*(?:全量)?(?:上线|发布|投产|交付)(?!了)")
# The writer says the day is another thing's: "…，和这一批无状态迁移无关".
UNRELATED = re.compile(r"(?:和|与|跟)[^，。,;；]{0,20}?无关")
# Who delivers to the project: a vendor, a supplier, a contractor.
SUPPLIER = re.compile(
    r"厂商|厂家|供应商|服务商|承建方|承建单位|实施单位|开发单位|合作方|第三方|乙方|\bvendor\b|\bsupplier\b",
    re.I,
)
# The report's own week, bare (no weekday): a weekly report tells what that week did.
THIS_WEEK = re.compile(r"^(?:本周|这周|这一周|本期)$")
WORK_DONE_AFTER = re.compile(r"^\s*(?:已经?|已)?\s*(?:完成|上线|发布|交付|结项|验收|全量)")
FUTURE_WORDS = re.compile(r"预计|计划|将|待|争取|目标|拟|eta|target|expected|planned|scheduled|will", re.I)
