"""A report kept as its LaTeX source (an Overleaf project's `.tex`): read as the Markdown it means,
each line under its own number. Written from wave 51; the texts are this test's own."""

from __future__ import annotations

from datetime import date

from index.latex import looks_like_latex, read_latex
from index.ledger import views

from .conftest import Series, WriteReport

_TEX = r"""% !TEX program = xelatex
%% 模板：每期复制上一期；\row{项目}{状态}{进度}{计划}
\documentclass{ctexart}
\usepackage[normalem]{ulem}
\newcommand{\st}[1]{\textbf{#1}}
\newcommand{\row}[4]{#1 & \st{#2} & #3 & #4 \\}
%% 本期 {noted} 发
\title{温控平台组周报\quad 第{n}期}
\date{{day}}

\begin{document}
\maketitle

\section{本周要点}
\begin{itemize}
  \item 网关固件 O$_2$ 读数修正，告警阈值 $\le$5\%。
  \item[注] 下周二（10.21--10.22）切换窗口。
\end{itemize}

\section{项目总表}
\begin{tabular}{p{3cm}lll}
\toprule
项目 & 状态 & 进度 & 计划完成 \\
\midrule
\row{库温看板}{{state}}{60\%}{{target}}
% \row{旧项目}{已上线}{100\%}{9月1日}
\row{分拣{}接口}{正常}{20\%}{12月31日}
\bottomrule
\end{tabular}
\end{document}
"""


def _tex(n: int, day: str, state: str, target: str, noted: str = "2025-10-17（周五）") -> str:
    return (
        _TEX.replace("{n}", str(n)).replace("{day}", day).replace("{state}", state)
        .replace("{target}", target).replace("{noted}", noted)
    )  # fmt: skip


def test_a_latex_source_reads_as_markdown_under_its_own_lines() -> None:
    raw = _tex(14, "2025年10月17日", "正常", "11月10日").splitlines()
    assert looks_like_latex(raw)
    texts = {text: number for number, text in read_latex(raw)}
    assert texts["# 温控平台组周报 第14期"] == 8
    assert texts["Date: 2025年10月17日"] == 9
    assert texts["## 本周要点"] == 14
    # inline math as its characters, an escaped percent as one, a dash pair as a dash
    assert texts["- 网关固件 O2 读数修正，告警阈值 ≤5%。"] == 16
    assert texts["- 注 下周二（10.21–10.22）切换窗口。"] == 17
    # the template's row command expanded into cells: the header over its delimiter, each row under
    # its own line, a commented-out row gone, the column spec no cell
    assert texts["| 项目 | 状态 | 进度 | 计划完成 |"] == 23
    assert texts["| 库温看板 | **正常** | 60% | 11月10日 |"] == 25
    assert texts["| 分拣接口 | **正常** | 20% | 12月31日 |"] == 27
    assert not any("旧项目" in text or "p{3cm}" in text or "usepackage" in text for text in texts)
    assert not any("模板" in text for text in texts)  # the template's notes are no text of the report


def test_a_date_compiled_today_is_the_day_the_preamble_names(write_report: WriteReport) -> None:
    report = write_report("zb19.tex", _tex(19, r"\today", "正常", "11月10日", noted="2025-10-24（周五）"))
    assert report.date == date(2025, 10, 24)
    # a day the report itself states wins over a comment's
    stated = write_report("zb20.tex", _tex(20, "2025年10月31日", "正常", "11月10日", noted="2025-10-24"))
    assert stated.date == date(2025, 10, 31)


def test_a_struck_target_in_a_latex_row_is_a_moved_date(series: Series) -> None:
    ledger = series(
        [
            ("zb14.tex.txt", _tex(14, "2025年10月17日", "正常", "11月10日")),
            ("zb15.tex.txt", _tex(15, "2025年10月24日", "延期", r"\sout{11月10日} 11月30日")),
        ]
    )
    slips = {(s.project, s.kind, s.from_, s.to) for s in views.slips(ledger)}
    assert ("库温看板", "date_moved", "2025-11-10", "2025-11-30") in slips
    assert ("库温看板", "status_downgrade", "正常", "延期") in slips


def test_markdown_or_a_shell_script_is_no_latex() -> None:
    assert not looks_like_latex(["# 周报", "", "- \\section 不是命令"])
    assert not looks_like_latex(["#!/bin/sh", "echo '\\documentclass'"])
