"""Lines read as what they stand for before a report is parsed: a fenced diff as its new side, a
mind map's field nodes as fields and its leaves as bullets. Each keeps its line number and a text
that still occurs in its line, so citations check out against the file. Split from `parse.py`.
"""

from __future__ import annotations

import re

# A mind map's node that is a field of the node above it (`#### 状态：有风险（…）`, `#### 本周` over
# bullets), not a topic of its own.
_FIELD_NODE = re.compile(
    r"^(#{3,6})\s+(?:(?:负责人|责任人|对接人|状态|目标|进度|计划|截止|上线|风险|问题|备注|进展|"
    r"owner|status|target|progress|due|eta|risk|notes?)\s*[:：]\s*\S.*|"
    r"(?:本周|下周|本周进展|下周计划|风险|问题|备注|this week|next week|notes|risks)\s*[:：]?\s*)$",
    re.I,
)
_FIELD_NODES = 3


def mind_map_fields(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A mind map exported as Markdown (XMind, MindManager) writes every node as a heading, a
    project's fields too (`### 【P1】抖音会员通接入` over `#### 负责人：…`, `#### 状态：…`, `#### 目标：…`).
    Where three or more deep headings are such fields, each is read as the field line it is, its
    heading marks dropped, and each deep leaf node as a bullet (line numbers kept; the text still
    occurs in its line). Written from w21-f."""
    fields = [index for index, (_, text) in enumerate(lines) if _FIELD_NODE.match(text.strip())]
    if len(fields) < _FIELD_NODES:
        return lines
    out = list(lines)
    for index in fields:
        number, text = lines[index]
        out[index] = (number, text.strip().lstrip("#").strip())
    # and a leaf node, a deep heading with nothing under it, is one bullet of its parent's list
    # (`### 导购助手：与零售部确定上线时间提前` under `## 本周完成`)
    for index, (number, text) in enumerate(out):
        depth = _node_depth(text)
        if depth >= 3 and index not in fields:
            following = next((t for _, t in out[index + 1 :] if t.strip()), "")
            if not following or 0 < _node_depth(following) <= depth:
                out[index] = (number, "  " * (depth - 3) + "- " + text.strip().lstrip("#").strip())
    return out


def _node_depth(text: str) -> int:
    match = re.match(r"^(#{1,6})\s+\S", text)
    return len(match[1]) if match else 0


_KEYED_RECORD_LINE = re.compile(r"^\[[^\]\s]{1,12}\]\s+\S")
_DIFF_FENCE = re.compile(r"^\s*(```|~~~)\s*(?:diff|patch)\s*$", re.I)


def new_side_of_diffs(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A fenced diff (```` ```diff ````) read as the file it makes: a board's `-` lines are last
    week's state (last week's report said so), its `+` and context lines this week's, without their
    marker; the hunk headers say nothing. Line numbers stay, and each kept text still occurs in its
    line, so citations check out against the file. Written from w20-c (a board diff in a weekly)."""
    out: list[tuple[int, str]] = []
    fence: str | None = None
    for number, text in lines:
        if fence is None:
            opened = _DIFF_FENCE.match(text)
            fence = opened[1] if opened else None
            out.append((number, text))
        elif text.strip().startswith(fence):
            fence = None
            out.append((number, text))
        elif text.startswith("+++"):
            out.append((number, text))  # the new side's name and stamp (`+++ b/STATUS.md @ 2024-09-20`)
        elif text.startswith(("---", "@@", "-")):
            out.append((number, ""))
        elif text[:1] in "+ ":
            kept = text[1:]
            # a board file's keyed line (`[RH2] RateHub v2 | 🟡 at risk | …`) is one record of a list
            out.append((number, f"- {kept}" if _KEYED_RECORD_LINE.match(kept) else kept))
        else:
            out.append((number, text))
    return out
