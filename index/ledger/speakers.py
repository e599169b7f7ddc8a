"""A person's name before a colon is who speaks, never the project.

A chat roll-call (`1. 张伟：小程序点餐改版，本周联调完…`, each member adds a line) labels every
message with its writer: the label recurs in every report, so the recurrence that makes a lead a
project would make each person one. When at least three lines of a report open with a label that
reads as a Chinese personal name (a common surname, then one or two characters), those labels
are speakers, and each such line's project is its first clause after the label, kept (as any
lead) only when that clause recurs in other reports; its name ends where its predicate starts (a
time, an aspect adverb, an aside). A later line of a message that opens with another name and its
news ("自动化回归 四成，9月底有风险") is that project's: one person, several projects. A role
label among them (`组长补充：`) speaks too. Written from wechat-group-zh.
"""

from __future__ import annotations

import re

from index.ledger.field_labels import split_label
from index.ledger.mentions import Mention, Unit, clean_name, valid_name
from index.ledger.progress import find_progress
from index.ledger.prose_names import is_name
from index.ledger.signals import find_statuses
from index.text.cjk import HAN, has_han
from index.text.timeexpr import ANY_DAY, find_dates

# The commonest Chinese surnames (together the great majority of people) and the compound ones.
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
    "向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕"
    "单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚"
    "娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池"
    "查麻苑迟邝"
)
_COMPOUND = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "慕容",
    "令狐",
    "司徒",
    "夏侯",
    "尉迟",
    "长孙",
    "宇文",
    "公孙",
)
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
# A role that speaks in a roll-call beside its members ("组长补充：", "主管点评：", "PM总结："): a
# speaker too, whose label recurs in every report as a person's does.
_ROLE = re.compile(
    r"(?:组长|副组长|主管|经理|总监|负责人|老板|leader|PM|TL)\s*(?:补充|总结|点评|备注|说明|小结|汇总)?",
    re.I,
)
_MIN_SPEAKERS = 3
# A message's first clause ends at punctuation, at an aside ("会员积分重构（后面简称积分2.0）迁移…"),
# or at a space before Chinese text: "积分2.0 对账终于对平了" names 积分2.0; "收银SDK 3.0升级"
# keeps its version.
_CLAUSE = re.compile(r"[，。！？,;；!?：:（(]|\s+(?=[\u4e00-\u9fff])")
_MAX_NAME = 20


# A person called by surname and title (`贾工`, `吴护士长`, `王总`), or a transcript's unnamed speaker
# (`说话人2`): as a meeting's transcript labels its turns (w45-a).
_TITLES = "工|总|老师|主任|护士长|经理|院长|科长|处长|工程师|医生|大夫|博士|律师|师傅"
_TITLED = re.compile(rf"(?:{'|'.join(_COMPOUND)}|[\u4e00-\u9fff])(?:{_TITLES})")
_UNNAMED = re.compile(r"(?:说话人|发言人)\s*\d{1,2}")


def person_label(label: str) -> bool:
    """A label that reads as a Chinese personal name: a common surname and one or two characters,
    or a surname and a title; or a transcript's numbered speaker."""
    label = label.strip(" *_@")
    if _UNNAMED.fullmatch(label):
        return True
    if _TITLED.fullmatch(label):
        return label[0] in _SURNAMES or label.startswith(_COMPOUND)
    if not _HAN_NAME.fullmatch(label):
        return False
    for surname in _COMPOUND:
        if label.startswith(surname):
            return len(label) in (3, 4)
    return label[0] in _SURNAMES and len(label) in (2, 3)


def speakers(mentions: list[Mention]) -> set[str]:
    """The mention names that are speakers: person-like labels, when a report has enough of them,
    and then the roles that speak among them."""
    found = {m.name for m in mentions if person_label(m.name) and _labelled_by(m)}
    if len(found) < _MIN_SPEAKERS:
        return set()
    return found | {m.name for m in mentions if _ROLE.fullmatch(m.name.strip(" *_@")) and _labelled_by(m)}


def _labelled_by(mention: Mention) -> bool:
    if not mention.units:
        return False
    labelled = split_label(mention.units[0].text)
    return labelled is not None and labelled.field is None and clean_name(labelled.label) == mention.name


def readdress(mentions: list[Mention]) -> list[Mention]:
    """Each speaker's message named by its first clause instead (a lead); one without a name goes,
    save the other projects its later lines open with (`_later_projects`)."""
    heard = speakers(mentions)
    if not heard:
        return mentions
    out: list[Mention] = []
    for mention in mentions:
        if mention.name not in heard:
            out.append(mention)
            continue
        later = _later_projects(mention)
        if _named_by_first_clause(mention):
            out.append(mention)
        out.extend(later)
    return out


def _named_by_first_clause(mention: Mention) -> bool:
    """Rename a speaker's message by the first clause after the label; False when that is no name."""
    unit = mention.units[0]
    rest = unit.text[unit.skip :]
    stripped = len(rest) - len(rest.lstrip())
    cut = _CLAUSE.search(rest, stripped)
    clause = _subject_of(rest[stripped : cut.start() if cut else len(rest)])
    name = clean_name(clause)
    if (
        not name
        or len(name) > _MAX_NAME
        or (not has_han(name) and len(name.split()) > 5)
        or not valid_name(name)
    ):
        return False
    unit.skip += stripped + len(clause)
    mention.name = name
    mention.origin = "lead"
    return True


# Where a clause's predicate starts after its subject: a time ("月饼预售页周四（9/18）上了") or an
# adverb of aspect ("库存预警还在修bug", "积分2.0终于对平了").
_PREDICATE = re.compile(r"还在|仍在|正在|已经|终于|依然|仍然")


def _subject_of(clause: str) -> str:
    """The clause up to where its predicate starts, when something is left before it."""
    starts = [hit.start for hit in find_dates(clause, ANY_DAY)]
    starts += [match.start() for match in _PREDICATE.finditer(clause)]
    first = min((start for start in starts if start > 0), default=len(clause))
    return clause[:first].rstrip()


# A later line of a message that opens with a subject, then a space or a colon, then its news:
# "自动化回归 四成，把下单流程的用例加进去了", "月饼预售页 一半了，9/20前能上", "回归用例补齐：整体三成".
# Not a clause before a comma ("剩下的主要是对账，差异还有1.2%"), not a time label ("下周：…").
_SUBJECT = re.compile(rf"^\s*([{HAN}A-Za-z0-9][^\s，,：:。！？!?；;（(]{{1,18}}?)(?:\s+|\s*[：:]\s*)(?=\S)")


def _later_projects(mention: Mention) -> list[Mention]:
    """The other projects a speaker reports on in the same message, each on a line of its own that
    opens with its name and states a status, progress or date: one person, several projects. Such a
    line leaves the message's first project, whose fields it would otherwise set."""
    out: list[Mention] = []
    for unit in list(mention.units[1:]):
        found = _subject(unit.text)
        if found is None:
            continue
        name, end = found
        if not _states_schedule(unit.text[end:]):
            continue
        mention.units.remove(unit)
        line = Unit(unit.line, unit.text, head=True, skip=end)
        out.append(Mention(name, mention.section, unit.line, unit.line, [line], origin="lead"))
    return out


def _subject(text: str) -> tuple[str, int] | None:
    """The name a line opens with and where it ends; after a label that is no name and no time
    ("接了个新活：中秋月饼预售页，运营要求9月20号前上线"), the first clause of its value."""
    match = _SUBJECT.match(text)
    if match is None:
        return None
    name = clean_name(match[1])
    if name and valid_name(name) and is_name(name):
        return name, match.end(1)
    if not re.match(r"\s*[：:]", text[match.end(1) :]) or find_dates(match[1], ANY_DAY):
        return None
    value = re.match(r"[^，,。；;！!？?（(]+", text[match.end() :])
    if value is None:
        return None
    name = clean_name(value[0])
    if name and valid_name(name) and is_name(name):
        return name, match.end() + len(value[0])
    return None


def _states_schedule(text: str) -> bool:
    return bool(find_statuses(text) or find_progress(text, True) or find_dates(text, ANY_DAY))
