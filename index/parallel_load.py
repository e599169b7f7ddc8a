"""Reading many reports at once: each file loaded, parsed and its facts extracted in a worker process.

Why: parsing and fact extraction are ~70% of an ingest (2,525 reports: 217 of 300 s) and a pure
function of one file, while embedding and writing need the parent's store. So a folder of reports
is read by one worker per core and the parent embeds and writes them in file order, as before.
A file's failure in a worker is its skipped outcome, exactly as in-process (`isolate`); a worker
that dies takes no file with it: what it had not returned is read in-process.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from index.embed_batches import Budget
from index.load import load_document
from index.models import Report
from index.outcomes import FileOutcome, isolate
from index.parse import parse_report
from index.workers import in_workers


@dataclass(frozen=True)
class ReadJob:
    """One file to read; `extract` is a module-level function (it crosses to the worker by name)."""

    path: Path
    source: str
    report_date: date | None
    max_bytes: int
    seconds: float
    extract: Callable[[Report], object] | None
    near: date | None = None  # a sibling's date, for a title that writes only day and month


@dataclass
class ReadReport:
    """A file read: its text (the parent counts its tokens), report, facts, and the seconds of its
    time budget the reading spent."""

    text: str
    report: Report
    facts: object | None
    spent: float


def read_report(job: ReadJob) -> ReadReport:
    """Load, parse and (with `extract`) extract one file within its time budget, or raise as
    `load_document`, `parse_report` and the budget do: in a worker and in the ingest's own process."""
    started = time.monotonic()
    budget = Budget(job.path, job.seconds)
    doc = load_document(job.path, job.max_bytes)
    report = parse_report(doc, job.source, job.report_date, job.near)
    budget.check("parsing")
    facts = job.extract(report) if job.extract is not None else None
    if job.extract is not None:
        budget.check("extracting facts")
    return ReadReport(doc.text, report, facts, time.monotonic() - started)


def read_one(job: ReadJob) -> ReadReport | FileOutcome:
    """`read_report` in a worker: a failure is the file's skipped outcome."""
    return isolate(job.source, lambda: read_report(job))


def read_all(jobs: Sequence[ReadJob], workers: int) -> Generator[ReadReport | FileOutcome, None, None]:
    """Every job's result, in the jobs' order, read by `workers` processes (index/workers.py)."""
    done = 0
    results = in_workers(read_one, jobs, workers, chunksize=4)
    try:
        for result in results:
            done += 1
            yield result
    except BrokenProcessPool:
        for job in jobs[done:]:  # a worker died (killed, out of memory): the rest in-process
            yield read_one(job)
    finally:
        results.close()  # a run that stops early (a store failure) does not wait for files it will not write
