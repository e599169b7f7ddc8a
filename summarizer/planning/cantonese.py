"""A question written in Cantonese read as the Mandarin the planner understands.

Hong Kong teams ask as they speak: "3DS OOB 而家去到邊？幾時可以全面推出？", "有冇達標？", "第43期
週報提到嘅事故係咩？". Folded to Simplified characters these still carry Cantonese words (而家 now,
去到边 how far, 几时 when, 有冇 whether, 咩 what, 嘅 of, 改咗做 changed into, 入面 inside) that no
intent, time or question-word rule reads, and they stood in the terms a passage had to hold. Each is
replaced by its Mandarin word before planning; the reports are never folded (a quote keeps its author's words, and a
status reader knows 唔 and 冇 as negations on its own).
"""

from __future__ import annotations

import re

# Cantonese words (in Simplified characters, after `hant.simplified`) and their Mandarin, longest first.
_WORDS = {
    "去到边": "进展到哪",
    "系咪": "是不是",
    "系点": "怎么样",
    "系咩": "是什么",
    "系唔系": "是不是",
    "有冇": "有没有",
    "乜嘢": "什么",
    "点解": "为什么",
    "点样": "怎么样",
    "几时": "什么时候",
    "而家": "现在",
    "依家": "现在",
    "边度": "哪里",
    "边个": "哪个",
    "边啲": "哪些",
    "呢个": "这个",
    "呢啲": "这些",
    "嗰个": "那个",
    "嗰次": "那次",
    "嗰阵": "那时",
    "嗰": "那",
    "喺": "在",
    "佢哋": "他们",
    "我哋": "我们",
    "咁样": "这样",
    "咗做": "成",
    "变做": "变成",
    "入面": "里",
    "嘢": "东西",
    "咩": "什么",
    "嘅": "的",
    "咗": "了",
    "冇": "没有",
    "唔": "不",
    "啲": "些",
}
_WORD = re.compile("|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True)))
# Characters only Cantonese writes: without one, a question is Mandarin and left as it is.
_CANTONESE_ONLY = re.compile(r"[嘅咗冇唔咩啲哋嗰乜佢喺]|而家|依家|几时|系咪|边度|边个|去到边|点解|点样")


# 呢 before a count or a period is "this" (`呢两三个月`); at a question's end it is Mandarin's particle too.
_THIS = re.compile(r"呢(?=[个啲两三几一二排次期周月年])")
# 点 before a verb of handling is "how" (`Geofence 點處理？`, w46-e); elsewhere it is a point (`重点`, `点位`).
_HOW = re.compile(r"(?<![重要难热亮焦起终节卖痛地网站据])点(?=处理|处置|做|搞|算|办|解决|安排|跟进|应对)")


def as_mandarin(question: str) -> str:
    """The question with its Cantonese words in Mandarin; a Mandarin question unchanged."""
    if not _CANTONESE_ONLY.search(question):
        return question
    return _HOW.sub("怎么", _THIS.sub("这", _WORD.sub(lambda match: _WORDS[match[0]], question)))
