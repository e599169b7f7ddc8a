"""A person's name before a colon is who speaks, never the project.

A chat roll-call (`1. 张伟：小程序点餐改版，本周联调完…`, each member adds a line) labels every
message with its writer: the label recurs in every report, so the recurrence that makes a lead a
project would make each person one. When at least three lines of a report open with a label that
reads as a Chinese personal name (a common surname, then one or two characters), those labels
are speakers, and each such line's project is its first clause after the label, kept (as any
lead) only when that clause recurs in other reports. Written from wechat-group-zh.
"""

from __future__ import annotations

import re

from index.ledger.mentions import Mention, clean_name, valid_name
from index.ledger.signals import split_label
from index.text.cjk import has_han

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


def person_label(label: str) -> bool:
    """A label that reads as a Chinese personal name: a common surname and one or two characters."""
    label = label.strip(" *_@")
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
    """Each speaker's message named by its first clause instead (a lead); one without a name goes."""
    heard = speakers(mentions)
    if not heard:
        return mentions
    out: list[Mention] = []
    for mention in mentions:
        if mention.name not in heard:
            out.append(mention)
            continue
        unit = mention.units[0]
        rest = unit.text[unit.skip :]
        stripped = len(rest) - len(rest.lstrip())
        cut = _CLAUSE.search(rest, stripped)
        clause = rest[stripped : cut.start() if cut else len(rest)]
        name = clean_name(clause)
        if (
            not name
            or len(name) > _MAX_NAME
            or (not has_han(name) and len(name.split()) > 5)
            or not valid_name(name)
        ):
            continue
        unit.skip += stripped + len(clause)
        mention.name = name
        mention.origin = "lead"
        out.append(mention)
    return out
