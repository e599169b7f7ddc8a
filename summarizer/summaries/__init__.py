"""Executive summaries, roll-ups and the risk register: their facts, built from the ledger and the
parsed reports, engine-independent (a writer in `summarizer.engines` words the headline).

series.py    one report series' ledger facts, computed once per ledger state
reading.py   what the ledger does not keep: key-work blocks, notes lines, summary paragraphs
week.py      one report's sections (changes, projects, risks, metrics, decisions, plans)
projects.py  changes (launches, slips, pauses, new projects) and project rows
plans.py     last week's plan against this week's report
risks.py     the risk register: sightings merged across weeks, status over time
rollup.py    a period: project outcomes, incidents by severity, metric trends
describe.py  facts in words (slips, launches, incidents, states); wording.py the fixed phrases
severity.py  P0-P3 / SEV1-4 / A-D级 normalised; period.py `--from/--to/--last`
inputs.py    what a writer receives; draft.py what it returns and how that becomes the public model
"""
