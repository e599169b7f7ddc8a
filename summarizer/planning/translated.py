"""The project a question names in the other language than its team's reports name it.

"定制蛋糕线上订购项目现在是什么状态？" asked of a bakery whose reports write `Custom cake orders
online` shares no word with any name, so word linking finds nothing and the question is answered
from whatever passages its words reach (none: the reports are English). The multilingual embedder
places a question and a name that mean the same thing near each other; across the zoo's questions
of this kind, the asked project ranks first among its team's names, though by a small margin
(0.02-0.07 cosine over the second), and a question naming no project ranks some name first too.
So a name is linked this way only when everything else says the question is about one project of
one team:
- it is scoped to one team, and that team's names are written in the other script (a team that
  writes names in both can be named in either, and word linking already had its chance);
- it asks about one thing's state, dates or fate (a status, slip or free question), not for a list
  or an incident, whose subject is an event rather than a project;
- the best name stands clearly above the next (`MIN_MARGIN`).
What it asks of the project is still checked against the passages afterwards, as for any linked
project, so a question about something the reports never tell (a budget, a vendor's fee) is still
refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from index.text.cjk import has_han
from summarizer.planning.projects import ProjectRef

if TYPE_CHECKING:  # (the planner is imported by every command: no embedder module at start-up)
    from index.embed import Embedder

# Cosine similarity by which the best name must beat the second: the zoo's named-project questions
# across languages rank their project first by 0.022-0.067; below 0.02 the first is as often wrong.
MIN_MARGIN = 0.02
# Intents whose question is about one project's state, dates or fate.
ABOUT_ONE_PROJECT = ("status", "slips", "free")
# Share of a team's names in the other script for the team to count as writing names that way.
OTHER_SCRIPT_SHARE = 0.8


def other_script_team(question: str, projects: Sequence[ProjectRef]) -> bool:
    """Whether (nearly) all the team's names are written in the script the question is not."""
    if len(projects) < 2:
        return False
    asked_han = has_han(question)
    other = sum(has_han(p.name) != asked_han for p in projects)
    return other >= OTHER_SCRIPT_SHARE * len(projects)


def named_across_languages(question: str, projects: Sequence[ProjectRef], embedder: Embedder) -> str | None:
    """The team's project the question names by meaning, or None when no name stands out."""
    if not other_script_team(question, projects):
        return None
    names = [p.name for p in projects]
    similarity = [float(s) for s in embedder.embed_passages(names) @ embedder.embed_query(question)]
    second, best = sorted(range(len(names)), key=similarity.__getitem__)[-2:]
    return names[best] if similarity[best] - similarity[second] >= MIN_MARGIN else None
