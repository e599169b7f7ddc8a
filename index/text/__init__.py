"""Small text helpers every stage shares, each written once.

cjk.py        the CJK character ranges (Han for names, all CJK scripts for tokens)
normalise.py  NFKC, whitespace folding for quotes, keys for names and metrics
numerals.py   Chinese and English number words ("三", "十二", "two") as ints
weeks.py      ISO weeks: 2024-W42 <-> 202442 <-> dates, shifting, parsing
timeexpr.py   date expressions in report text resolved against a reference date, and the one
              month-name table; report dates, ledger targets and question ranges build on it
lang.py       zh or en for a question or a series
"""
