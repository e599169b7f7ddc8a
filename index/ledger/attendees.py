"""The people a meeting's header lists are who speaks, never what is spoken of.

A meeting app's minutes head the page with who took part (Tencent Meeting's `参会人（12）：周明远-信息中心、
何静-信息中心、卷包车间会议室、iPhone用户`, Zoom's `Participants: …`) and then give each speaker a part
of their own (`周明远-信息中心：` over what they said): a part named by a participant is theirs, not
a project's, however like a project's lines its words read. Written from w46-d; the names are the
header's own, whatever their form (a person and a department, a meeting room, a device).
"""

from __future__ import annotations

import re

from index.models import Report

_HEADER_LINES = 30
# (the host is one of them: `发起人：周明远-信息中心`, `Host: Dana Ruiz`)
_ATTENDEE_LABEL = re.compile(
    r"^\W{0,4}(?:参会人员?|与会人员?|参会者|出席人员?|列席人员?|发起人|主持人|"
    r"attendees|participants|present|host|attendance)\s*(?:[(（]\s*\d{1,3}\s*[)）])?\s*[:：]\s*(\S.*)$",
    re.I,
)
_SEPARATORS = re.compile(r"\s*[、,，;；]\s*")
_DEPARTMENT = re.compile(r"\s*[-－—–(（].*$")
_MAX_NAME = 24


def attendees(report: Report) -> frozenset[str]:
    """The names the header's attendee fields list, each as written and without its department."""
    names: set[str] = set()
    for _, text in report.lines[:_HEADER_LINES]:
        match = _ATTENDEE_LABEL.match(text.strip())
        if match is None:
            continue
        for part in _SEPARATORS.split(match[1]):
            name = part.strip(" *_@")
            if 0 < len(name) <= _MAX_NAME:
                # `周明远-信息中心`: the person is 周明远 too, as the minutes' own lines call them
                names.update({name, _DEPARTMENT.sub("", name)} - {""})
    return frozenset(names)


def attendee_name(name: str, listed: frozenset[str]) -> bool:
    """A mention's name that is a listed attendee, with or without the colon a speaker's part ends with."""
    return bool(listed) and name.strip(" :：*_") in listed
