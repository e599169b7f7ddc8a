"""Question planning: a question is read once into one `QuestionPlan`.

intent.py          what it asks for (slips, incidents, status, lists across projects, ...)
timerange.py       the period it names, as ISO week ints and calendar days
periods.py         a calendar period (month, part, quarter) as the weeks whose Friday falls in it
week_refs.py       a week it names (or a --since/--until option), by the series' own labels first
projects.py        the projects (and metrics) it names
question_words.py  its words without question/function words, for lexical search
index_context.py   what the index holds per series (dates, own numbers, titles); the reports a period
                   or a title names
scope.py           the report series it is about, and that series' latest report
planner.py         `read_question` (the words alone) and `plan` (with the index and ledger)
"""

from summarizer.planning.planner import plan, read_question

__all__ = ["plan", "read_question"]
