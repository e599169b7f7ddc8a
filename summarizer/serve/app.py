"""The FastAPI application: routes that each call one pipeline function and return its model.

Errors map by class: a project, report or week not in the index 404, a bad parameter 400,
the index busy 409, an endpoint (model, embeddings) unreachable 502, anything else of ours 500;
each as `{"detail": "...", "error": "ClassName"}`, the same message the CLI prints.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Path, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from index.schemas import ProjectTimeline
from summarizer import __version__
from summarizer.config import Settings
from summarizer.errors import ConfigError, IndexBusyError, SummarizerError
from summarizer.pipelines import ask as ask_pipeline
from summarizer.pipelines import ingest as ingest_pipeline
from summarizer.pipelines import ledger as ledger_pipeline
from summarizer.pipelines import reports as reports_pipeline
from summarizer.pipelines import risks as risks_pipeline
from summarizer.pipelines import summarize as summarize_pipeline
from summarizer.pipelines.ledger import NotInLedger
from summarizer.schemas import (
    Answer,
    ExecutiveSummary,
    QuotedLines,
    ReportList,
    RiskRegister,
    Rollup,
    SlipList,
)
from summarizer.serve import pages
from summarizer.serve.backend import Backend
from summarizer.serve.security import Guard
from summarizer.workspace import Workspace

ENGINE_HEADER = "X-Summarizer-Engine"

Week = Annotated[str | None, Query(description="ISO week, e.g. 2024-W49; summarize also takes 'latest'.")]
Series = Annotated[str | None, Query(description="Report series: its folder name, e.g. payments-zh.")]
Lang = Annotated[
    Literal["zh", "en"] | None, Query(description="Language of the phrases; default: the reports'.")
]


class Status(BaseModel):
    """What this server serves: the engine `ask` uses, the index, whether it takes ingests."""

    engine: str = Field(description="The engine /api/ask answers with.")
    index: str
    version: str
    reports: int = Field(description="Reports in the ledger (0: nothing ingested yet).")
    allow_ingest: bool
    auth: bool = Field(description="Every data request needs a bearer token.")


class IngestResult(BaseModel):
    engine: Literal["local"] = "local"
    totals: dict[str, int]
    files: list[dict[str, Any]]
    pruned: list[str]


def _status_code(error: SummarizerError) -> int:
    if isinstance(error, NotInLedger):
        return 404
    if isinstance(error, IndexBusyError):
        return 409
    if isinstance(error, ConfigError):
        return 400
    return 502 if error.exit_code == 3 else 500


def _engine(response: Response, engine: str) -> None:
    response.headers[ENGINE_HEADER] = engine


def create_app(settings: Settings, *, token: str | None = None, allow_ingest: bool = False) -> Any:
    """The ASGI application over `settings`' data directory (FastAPI wrapped in the guard)."""
    backend = Backend(settings)
    page, docs = pages.load("index.html"), pages.load("docs.html")

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        backend.warm()
        yield
        backend.close()

    api = FastAPI(
        title="summarizer",
        version=__version__,
        summary="Cited answers, executive summaries and the risk register of weekly status reports.",
        # Swagger UI and ReDoc load their assets from a CDN; /docs is our own page instead.
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )

    @api.exception_handler(SummarizerError)
    async def _error(_: Request, error: SummarizerError) -> JSONResponse:
        return JSONResponse(
            {"detail": str(error), "error": type(error).__name__}, status_code=_status_code(error)
        )

    @api.get("/", include_in_schema=False)
    async def index_page() -> Response:
        return Response(
            page.html, media_type="text/html; charset=utf-8", headers={"Content-Security-Policy": page.csp}
        )

    @api.get("/docs", include_in_schema=False)
    async def docs_page() -> Response:
        return Response(
            docs.html, media_type="text/html; charset=utf-8", headers={"Content-Security-Policy": docs.csp}
        )

    @api.get("/api/status", response_model=Status, tags=["index"])
    async def status(response: Response) -> Status:
        """The engine, the index and what the server allows."""

        def read(workspace: Workspace) -> Status:
            ledger = workspace.ledger_or_none
            return Status(
                engine="",
                index=workspace.describe(),
                version=__version__,
                reports=len(ledger.reports()) if ledger is not None else 0,
                allow_ingest=allow_ingest,
                auth=token is not None,
            )

        found = await backend.run(read)
        found.engine = await backend.ask_engine()
        _engine(response, found.engine)
        return found

    @api.get("/api/ask", response_model=Answer, tags=["answers"])
    async def ask(
        response: Response,
        q: Annotated[
            str, Query(min_length=1, max_length=2000, description="The question, Chinese or English.")
        ],
        since: Week = None,
        until: Week = None,
        k: Annotated[int | None, Query(ge=1, le=50, description="Passages to retrieve.")] = None,
    ) -> Answer:
        """A question answered from the reports with verified citations (as `summarizer ask`)."""
        answer = await backend.run(
            lambda ws: ask_pipeline.ask(q, ws, engine=backend.engine(), k=k, since=since, until=until).answer
        )
        _engine(response, answer.engine)
        return answer

    @api.get("/api/summarize", response_model=ExecutiveSummary, tags=["summaries"])
    async def summarize(
        response: Response, week: Week = "latest", series: Series = None, lang: Lang = None
    ) -> ExecutiveSummary:
        """The executive summary of one report (as `summarizer summarize --week W --series S`)."""
        summary = await backend.run(lambda ws: summarize_pipeline.weekly(ws, week, series, lang))
        _engine(response, summary.engine)
        return summary

    @api.get("/api/rollup", response_model=Rollup, tags=["summaries"])
    async def rollup(
        response: Response,
        from_: Annotated[
            str | None, Query(alias="from", description="Week, date, month (2024-10) or quarter (2024-Q4).")
        ] = None,
        to: Annotated[str | None, Query(description="Period end (inclusive), same forms.")] = None,
        last: Annotated[str | None, Query(description="Back from the latest report: 4w, 3m, 1q.")] = None,
        series: Series = None,
        lang: Lang = None,
    ) -> Rollup:
        """A period of one series (as `summarizer summarize --from A --to B`)."""
        found = await backend.run(
            lambda ws: summarize_pipeline.period_rollup(ws, from_, to, last, series, lang)
        )
        _engine(response, found.engine)
        return found

    @api.get("/api/risks", response_model=RiskRegister, tags=["summaries"])
    async def risks(
        response: Response,
        since: Week = None,
        status: Annotated[
            Literal["open", "resolved", "all"], Query(description="open = open and mitigated.")
        ] = "all",
        series: Series = None,
        lang: Lang = None,
    ) -> RiskRegister:
        """The risk register (as `summarizer risks`)."""
        found = await backend.run(lambda ws: risks_pipeline.register(ws, since, status, series, lang))
        _engine(response, found.engine)
        return found

    @api.get("/api/slips", response_model=SlipList, tags=["ledger"])
    async def slips(response: Response, since: Week = None, until: Week = None) -> SlipList:
        """Schedule slips with before/after evidence (as `summarizer slips`)."""
        # Every slip, as before the CLI listed a screenful per team: API clients page themselves.
        found = await backend.run(lambda ws: ledger_pipeline.slips(ws, since, until, show_all=True))
        _engine(response, "local")
        return SlipList(since=since, until=until, slips=found.value.items, dropped=found.dropped)

    @api.get("/api/reports", response_model=ReportList, tags=["index"])
    async def reports(response: Response) -> ReportList:
        """Every report in the ledger and the series they form."""
        found = await backend.run(reports_pipeline.overview)
        _engine(response, found.engine)
        return found

    @api.get("/api/timeline/{project}", response_model=ProjectTimeline, tags=["ledger"])
    async def timeline(
        response: Response, project: Annotated[str, Path(description="Project name or any alias.")]
    ) -> ProjectTimeline:
        """One project's weekly observations and slips (as `summarizer timeline`); 404 if unknown."""
        found = await backend.run(lambda ws: ledger_pipeline.timeline(ws, project))
        _engine(response, found.value.engine)
        return found.value

    @api.get("/api/cite", response_model=QuotedLines, tags=["index"])
    async def cite(
        response: Response,
        report: Annotated[str, Query(description="The citation's report, as the citation names it.")],
        start: Annotated[int, Query(ge=1, description="First cited line.")],
        end: Annotated[int, Query(ge=1, description="Last cited line.")],
        context: Annotated[int, Query(ge=0, le=10, description="Lines shown either side.")] = 2,
    ) -> QuotedLines:
        """The cited lines of a report, re-read from the file by the citation verifier's reader."""
        found = await backend.run(lambda ws: reports_pipeline.quoted_lines(ws, report, start, end, context))
        _engine(response, found.engine)
        return found

    @api.post("/api/ingest", response_model=IngestResult, tags=["index"])
    async def ingest(request: Request, response: Response) -> Any:
        """Look again in the folders the index holds (only with `serve --allow-ingest`)."""
        if not allow_ingest:
            return JSONResponse(
                {"detail": "ingest over HTTP is off: start the server with --allow-ingest"}, status_code=403
            )
        if not request.headers.get("content-type", "").startswith("application/json"):
            # A form post from another site cannot set this type without a CORS preflight.
            return JSONResponse({"detail": "send Content-Type: application/json"}, status_code=415)
        summary = await backend.run(ingest_pipeline.reingest_known)
        _engine(response, "local")
        return IngestResult(
            totals=summary.totals(), files=[o.__dict__ for o in summary.outcomes], pruned=summary.pruned
        )

    return Guard(api, token)
