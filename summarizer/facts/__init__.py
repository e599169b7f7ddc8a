"""Engine-independent facts: what the ledger says about a planned question, computed once.

model.py    `Facts`: headline, points with citations, the key evidence
answers.py  per-intent handlers (slips, incidents, status, metrics, changes) and `lookup`
incidents.py  the incidents handler: most severe first, counted per level
lists.py    lists across projects and reports (launches, pauses, risks, report summaries)
common.py   the plan's filters and the wording of facts
phrases.py  the fixed zh/en phrases
"""

from summarizer.facts.answers import lookup
from summarizer.facts.model import Facts

__all__ = ["Facts", "lookup"]
