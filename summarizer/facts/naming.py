"""How a list names a project: by the name it was first tracked under and, once renamed, the name
its latest report uses. Kept apart from `common` because it reads the ledger, which renderers
(through `summaries.wording`) must not import."""

from __future__ import annotations

from index.ledger import views
from index.ledger.store import Ledger
from index.text.normalise import name_key


def named(ledger: Ledger, project: str, lang: str) -> str:
    """A project as its first and its latest report call it ("Gateway Mini (now GW-Lite)"):
    lists name a project by its first name, and a reader (or a question) may know only the new one."""
    latest = views.latest_name(ledger, project)
    if not latest:
        return project
    old, new = name_key(project), name_key(latest)
    if not new or new in old or old in new:
        return project
    return f"{project}（现名 {latest}）" if lang == "zh" else f"{project} (now {latest})"
