"""Small text helpers every stage shares, each written once.

cjk.py        the CJK character ranges (Han for names, all CJK scripts for tokens)
normalise.py  NFKC, whitespace folding for quotes, keys for names and metrics
numerals.py   Chinese and English number words ("三", "十二", "two") as ints
weeks.py      ISO weeks: 2024-W42 <-> 202442 <-> dates, shifting, parsing
timeexpr.py   date expressions in report text resolved against a reference date, and the one
              month-name table; report dates, ledger targets and question ranges build on it
  time_core.py      the hit, month names, the year a yearless date takes, the rule registry
  time_calendar.py  rules for a date with its month or week number (`3月15日`, `end of June`, W29)
  time_numeric.py   rules for numbers only (`10/26`, `10.31` beside a schedule word)
  time_relative.py  rules counted from the report (`下周三`, `next week`, `国庆后`, `15号`)
  time_periods.py   rules for periods (`Q3`, `H2`, `年底`, `June`, `下个月`)
eventdates.py days on which something already happened (incidents): find_dates read for the past
              (a bare weekday is the last one; `10.14`, `the 22nd` in the recent past)
quantity.py   values in any notation as plain numbers (12.3万, 4.1k, $38.20) and changes (环比+6.3%)
lang.py       zh or en for a question or a series
"""
