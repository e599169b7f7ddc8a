"""`summarizer digest`: the scheduled job. Ingest what is new, summarise, publish once.

The command only renders what `pipelines.digest.run` returns and maps its outcome to an exit
code that a scheduler can act on (README: exit codes).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from summarizer.cli import app
from summarizer.cli.common import (
    ChromaOpt,
    ConfigOpt,
    IndexOpt,
    JsonOpt,
    emit_json,
    err_console,
    error_line,
    guarded,
    out_console,
    quiet,
    resolve_settings,
)
from summarizer.masking import mask_url

if TYPE_CHECKING:
    from summarizer.pipelines.digest import Delivery, DigestRun

EXIT_PUBLISHED = 0
EXIT_INPUT_SKIPPED = 1
# 8 and 9, not 4 and 5: those are the shared codes for a busy and a read-only data directory
# (index/errors.py), which digest can also meet; a scheduler must tell them apart.
EXIT_NOTHING_NEW = 8
EXIT_PUBLISH_FAILED = 9


def exit_code(run: DigestRun) -> int:
    """9 a publish failed (kept, retried next run) > 1 an input file was skipped > 0 something was
    published > 8 nothing new: every digest due was already published."""
    if run.outcome == "failed":
        return EXIT_PUBLISH_FAILED
    if run.ingest.skipped:
        return EXIT_INPUT_SKIPPED
    return EXIT_PUBLISHED if run.outcome == "published" else EXIT_NOTHING_NEW


@app.command("digest")
def digest_command(
    paths: Annotated[list[Path], typer.Argument(help="Report files or folders (one folder = one series).")],
    publish: Annotated[
        list[str] | None,
        typer.Option(
            "--publish",
            "-p",
            help="A publish target of summarizer.toml, by name or kind; repeat for more. Default: all.",
        ),
    ] = None,
    series: Annotated[
        str | None, typer.Option("--series", help="Only this series (folder name) of the given paths.")
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Print each target's exact request; send nothing, record nothing."),
    ] = False,
    rollup: Annotated[
        str | None,
        typer.Option(
            "--rollup",
            help="Also publish the roll-up of each month or quarter with its last report: month (default), quarter, none.",
        ),
    ] = None,
    no_wait: Annotated[
        bool, typer.Option("--no-wait", help="Fail at once if another writer holds the data directory.")
    ] = False,
    json_out: JsonOpt = False,
    index: IndexOpt = None,
    chroma_url: ChromaOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Ingest new reports, summarise each series' newest report, publish it to chat once.

    Targets are the publish tables of summarizer.toml (kind, url_env, secret_env); their URLs
    and secrets come from those environment variables. A failed publish is kept and retried by
    the next run. Exit 0 published, 8 nothing new, 9 a publish failed, 1 an input file skipped.

    Example:

        summarizer digest reports/ --publish feishu
        summarizer digest reports/ --dry-run
    """
    if rollup is not None and rollup not in ("month", "quarter", "none"):
        raise typer.BadParameter(f"'{rollup}' is not month, quarter or none", param_hint="--rollup")

    def run() -> int:
        from summarizer.pipelines import digest
        from summarizer.workspace import Workspace

        workspace = Workspace(resolve_settings(index, chroma_url, config))
        result = digest.run(
            workspace,
            paths,
            targets=publish or (),
            series_name=series,
            dry_run=dry_run,
            cadence=rollup,  # type: ignore[arg-type]
            wait=not no_wait,
            on_wait=lambda: err_console.print("another writer holds the data directory; waiting…"),
        )
        code = exit_code(result)
        if json_out:
            emit_json(_as_json(result, workspace.describe(), code))
        else:
            _print(result, workspace.describe(), code)
        return code

    raise typer.Exit(guarded(run))


def _request_json(delivery: Delivery) -> list[dict[str, Any]]:
    return [
        {
            "method": r.method,
            "url": mask_url(r.url),
            "headers": dict(r.headers),
            "body": r.json(),
        }
        for r in delivery.requests
    ]


def _as_json(result: DigestRun, where: str, code: int) -> dict[str, Any]:
    deliveries = []
    for d in result.deliveries:
        item: dict[str, Any] = {
            "target": d.key.target,
            "series": d.key.series,
            "edition": d.key.edition,
            "status": d.status,
            "retry": d.retry,
        }
        if d.result is not None:
            item.update(attempts=d.result.attempts, http_status=d.result.status, error=d.result.error)
        if d.requests:
            item["requests"] = _request_json(d)
        deliveries.append(item)
    return {
        "engine": result.engine,
        "index": where,
        "dry_run": result.dry_run,
        "outcome": result.outcome,
        "exit_code": code,
        "ingest": result.ingest.totals(),
        "skipped": [{"path": o.path, "reason": o.reason} for o in result.ingest.skipped],
        "deliveries": deliveries,
    }


_WORDS = {
    "published": "published",
    "failed": "FAILED",
    "already_published": "already published",
    "dry_run": "dry run",
}


def _print(result: DigestRun, where: str, code: int) -> None:
    """One line per delivery on stdout; skipped files and failed publishes also on stderr, which
    `-q` keeps, so a crontab with `-q` mails exactly the problems."""
    for outcome in result.ingest.skipped:
        error_line(f"skipped {outcome.path}: {outcome.reason}")
    for d in result.deliveries:
        what = f"{d.key.series} {d.key.edition} → {d.key.target}"
        if d.status == "dry_run":
            _print_requests(d, what)
            continue
        if d.status == "failed" and d.result is not None:
            error_line(f"publish failed: {what}: {d.result.error}; kept, the next run retries it")
        if not quiet():
            again = " (failed in an earlier run)" if d.retry else ""
            attempts = f" ({d.result.attempts} HTTP attempt(s))" if d.result is not None else ""
            out_console.print(
                f"{_WORDS[d.status]:<18} {what}{again}{attempts}", highlight=False, markup=False
            )
    if result.outcome == "nothing_new" and not quiet():
        out_console.print("nothing new: every digest due was already published", highlight=False)
    totals = result.ingest.totals()
    counts = {status: len(result.having(status)) for status in ("published", "failed", "already_published")}
    sent = (
        f"{len(result.having('dry_run'))} would be sent (dry run: nothing sent, nothing recorded)"
        if result.dry_run
        else f"{counts['published']} published, {counts['failed']} failed, "
        f"{counts['already_published']} already published"
    )
    err_console.print(
        f"digest · engine {result.engine} · {where} · ingest: {totals['added']} added, "
        f"{totals['updated']} updated, {totals['unchanged']} unchanged, {totals['skipped']} skipped · "
        f"{sent} · exit {code}",
        style="dim",
        highlight=False,
        markup=False,
        soft_wrap=True,
    )


def _print_requests(delivery: Delivery, what: str) -> None:
    """The exact requests: method, masked URL, headers and the body bytes as sent (UTF-8 JSON)."""
    for n, request in enumerate(delivery.requests, start=1):
        part = f" · message {n} of {len(delivery.requests)}" if len(delivery.requests) > 1 else ""
        out_console.print(f"# dry run · {what}{part}", highlight=False, markup=False)
        out_console.print(f"{request.method} {mask_url(request.url)}", highlight=False, markup=False)
        for name, value in request.headers.items():
            out_console.print(f"{name}: {value}", highlight=False, markup=False)
        out_console.print("", highlight=False, markup=False)
        # The body exactly as sent: one line of UTF-8 JSON (a pager or `jq` can reformat it).
        out_console.out(request.body.decode("utf-8"), highlight=False)
        out_console.print("", highlight=False, markup=False)
