"""The digest every publisher renders: one platform-neutral message, mapped from a summary.

The summary code maps its `ExecutiveSummary` to a `DigestMessage`; publishers never see the
ledger, the index or the summary model, only this.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class DigestItem(BaseModel):
    """One line of a digest section, with where it came from."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The statement as the reader sees it.")
    week: str | None = Field(default=None, description="ISO week the item is about, e.g. 2024-W47.")
    source: str | None = Field(
        default=None, description="Report file and 1-based line span, e.g. 2024-W47.md:12-14."
    )


class DigestMessage(BaseModel):
    """An auto-generated digest of one report series for one period, ready to publish."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, description="Series and period, e.g. 'Payments weekly · 2024-W47'.")
    headline: str = Field(min_length=1, description="The one-sentence summary of the period.")
    highlights: list[DigestItem] = Field(default_factory=list, description="Notable progress.")
    slips: list[DigestItem] = Field(
        default_factory=list, description="Projects whose dates moved or stalled."
    )
    incidents: list[DigestItem] = Field(default_factory=list, description="Production incidents.")
    report_url: str | None = Field(
        default=None, description="Link (http/https) or path to the full HTML report."
    )
    engine: str = Field(min_length=1, description="The engine that wrote the summary, e.g. 'local'.")
    lang: Literal["zh", "en"] = Field(description="Language of the labels the publishers add.")

    def content_hash(self) -> str:
        """A short, stable hash of the content; an edition key when a week is not enough."""
        canonical = self.model_dump_json().encode("utf-8")
        return hashlib.sha256(canonical).hexdigest()[:16]
