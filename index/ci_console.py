"""A CI server's console log of a job that prints a report (Jenkins' `consoleText` with the
Timestamper plugin's stamps, a GitHub Actions or GitLab job's raw log) read as the report the job
printed, line numbers kept.

Read as it stands every line of the report opened with the server's stamp of when it was printed
(`[2025-03-09T23:31:07.503Z]   澜川充电 … 运维周报（第 10 周）`), in UTC, the evening before the
report's own day; the server's own lines (`[Pipeline] stage`, ` > git fetch …`, `Finished: SUCCESS`)
and the script's log records (`[INFO] 拉取工单 … ok`) came first, so the report's title and its
`生成时间` line stood forty lines down, past where a header is looked for (w53-g). The stamp is
dropped from each line (the rest still occurs in its line, so citations check out); the server's
lines, the shell's trace of each command (`+ python3 bin/gen_weekly.py …`) and log records are
left out.
"""

from __future__ import annotations

import re

# The server's stamp before a printed line: Jenkins' `[2025-03-09T23:31:07.503Z] `, GitHub Actions'
# `2025-03-09T23:31:04.1180000Z `.
_STAMP = re.compile(r"^\[?\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})\]?(?: |$)")
# The server's own lines: a pipeline step, the checkout's commands and their chatter, the verdict.
_SERVER = re.compile(
    r"^(?:\[Pipeline\]|Started by |Obtained Jenkinsfile |Running on |Running in |Finished: |"
    r"Archiving artifacts|Stage \"[^\"]*\" skipped|ERROR: script returned exit code|Checking out Revision |"
    r"Commit message: |Fetching (?:changes|upstream)|using credential |The recommended git tool|"
    r"Cloning (?:the remote|repository)|\s*> git |##\[(?:group|endgroup|section|command|debug)\]|"
    r"section_(?:start|end):)"
)
# The shell's trace of a command it runs (`set -x`): `+ python3 bin/gen_weekly.py --week 2025-W10`.
_TRACE = re.compile(
    r"^\+ (?:[\w.-]+=\S*\s+)*(?:python\d?(?:\.\d+)?|bash|sh|make|node|npm|git|docker|curl|\.{0,2}/)\S*"
)
# A script's log record: `[INFO] 拉取监控指标: prom-hd ... ok`.
_LOG_RECORD = re.compile(r"^\[(?:INFO|WARN(?:ING)?|ERROR|DEBUG|NOTICE)\]\s")
_BANNER_RULE = re.compile(r"[=\-]{10,}")
_MIN_SERVER_LINES = 3
_MIN_STAMPED = 5


def looks_like_ci_console(lines: list[str]) -> bool:
    """A few of the server's own lines, and lines under its stamps. (Asked of every text file:
    the stamps are counted only once the server's lines are there.)"""
    if sum(bool(_SERVER.match(line)) for line in lines) < _MIN_SERVER_LINES:
        return False
    return sum(bool(_STAMP.match(line)) for line in lines) >= _MIN_STAMPED


def read_ci_console(lines: list[str]) -> list[tuple[int, str]]:
    """The printed lines without their stamps, each under its own number (1-based); the server's
    lines, command traces and log records left out, a banner's rules blank."""
    out: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        stamp = _STAMP.match(line)
        text = line[stamp.end() :] if stamp else line
        if _SERVER.match(text) or _TRACE.match(text) or _LOG_RECORD.match(text):
            continue
        # (a printed banner's rule, `=====…` over and under its title lines, is no setext underline)
        out.append((number, "" if _BANNER_RULE.fullmatch(text.strip()) else text))
    return out
