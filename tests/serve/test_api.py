"""The JSON API through an HTTP client against the running server: every endpoint returns the
pipeline's pydantic model and names its engine; errors map to 4xx with the CLI's message; the
bearer token, the Host rule and read-only mode hold."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from typer.testing import CliRunner

from index.schemas import ProjectTimeline
from summarizer.cli import app
from summarizer.schemas import (
    Answer,
    ExecutiveSummary,
    QuotedLines,
    ReportList,
    RiskRegister,
    Rollup,
    SlipList,
)
from tests.conftest import EXAMPLES

from .conftest import TOKEN, running


def get(client: httpx.Client, path: str, **params: object) -> httpx.Response:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["x-summarizer-engine"] == response.json()["engine"]
    return response


def test_ask_returns_a_verified_answer(client: httpx.Client) -> None:
    answer = Answer.model_validate(get(client, "/api/ask", q="which projects slipped?").json())
    assert answer.engine == "local" and answer.answerable and answer.plan.intent == "slips"
    assert "slip" in answer.answer and answer.dropped_citations == 0
    cited = [c for p in answer.points for c in p.citations]
    assert cited and all(Path(c.report).is_file() for c in cited)


def test_every_endpoint_returns_its_model(client: httpx.Client) -> None:
    summary = ExecutiveSummary.model_validate(get(client, "/api/summarize", series="payments-zh").json())
    assert (summary.week, summary.lang) == ("2025-W02", "zh") and summary.highlights
    rollup = Rollup.model_validate(
        get(client, "/api/rollup", series="platform-en", **{"from": "2025-05"}).json()
    )
    assert rollup.since == "2025-W18" and rollup.outcomes
    register = RiskRegister.model_validate(get(client, "/api/risks", status="open").json())
    assert register.entries and {e.status for e in register.entries} <= {"open", "mitigated"}
    slips = SlipList.model_validate(get(client, "/api/slips", since="2025-W01").json())
    assert slips.slips and all(s.week >= "2025-W01" for s in slips.slips)
    assert '"from":' in client.get("/api/slips").text  # by alias, as `slips --json` prints it
    reports = ReportList.model_validate(get(client, "/api/reports").json())
    assert [s.name for s in reports.series] == ["payments-zh", "platform-en"] and len(reports.reports) == 22
    timeline = ProjectTimeline.model_validate(get(client, f"/api/timeline/{quote('对账中心二期')}").json())
    assert timeline.observations and timeline.slips
    status = get(client, "/api/status").json()
    assert status == {
        "engine": "local",
        "index": status["index"],
        "version": "0.1.0",
        "reports": 22,
        "allow_ingest": False,
        "auth": False,
    }


def test_a_citation_is_served_from_the_file(client: httpx.Client) -> None:
    answer = Answer.model_validate(client.get("/api/ask", params={"q": "哪些项目延期了？"}).json())
    citation = next(c for p in answer.points for c in p.citations if "payments-zh" in c.report)
    span = QuotedLines.model_validate(
        get(
            client, "/api/cite", report=citation.report, start=citation.lines[0], end=citation.lines[1]
        ).json()
    )
    cited = " ".join(line.text for line in span.quoted if line.cited)
    assert "".join(citation.quote.split()) in "".join(cited.split())
    assert span.week == citation.week and any(not line.cited for line in span.quoted)  # with context


@pytest.mark.parametrize(
    ("path", "params", "status", "detail"),
    [
        ("/api/timeline/no-such-project", {}, 404, "no project 'no-such-project'"),
        (
            "/api/cite",
            {"report": "/etc/passwd", "start": 1, "end": 3},
            404,
            "no report '/etc/passwd' in the index",
        ),
        (
            "/api/summarize",
            {"week": "2019-W01", "series": "payments-zh"},
            404,
            "no payments-zh report in week",
        ),
        ("/api/summarize", {"week": "soon", "series": "payments-zh"}, 400, "is not a week"),
        ("/api/summarize", {"week": "soon"}, 404, "no report 'soon' in the ledger"),
        ("/api/summarize", {"series": "nope"}, 400, "no single series 'nope'"),
        ("/api/ask", {"q": ""}, 422, ""),
        ("/api/risks", {"status": "maybe"}, 422, ""),
        ("/api/nothing-here", {}, 404, "Not Found"),
    ],
)
def test_errors(client: httpx.Client, path: str, params: dict[str, object], status: int, detail: str) -> None:
    response = client.get(path, params=params)
    assert response.status_code == status, response.text
    assert detail in str(response.json()["detail"])


def test_only_localhost_hosts_without_a_token(client: httpx.Client) -> None:
    assert client.get("/api/status", headers={"Host": "localhost:1234"}).status_code == 200
    refused = client.get("/api/status", headers={"Host": "attacker.example"})
    assert refused.status_code == 400 and "localhost only" in refused.json()["detail"]


def test_read_only_and_security_headers(client: httpx.Client) -> None:
    refused = client.post("/api/ingest", json={})
    assert refused.status_code == 403 and "--allow-ingest" in refused.json()["detail"]
    page = client.get("/")
    assert page.headers["x-frame-options"] == "DENY" and page.headers["x-content-type-options"] == "nosniff"
    csp = page.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp and "connect-src 'self'" in csp
    assert client.get("/api/reports").headers["cache-control"] == "no-store"


def test_openapi_and_docs_work_offline(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/ask", "/api/summarize", "/api/risks", "/api/slips", "/api/reports", "/api/cite"} <= set(
        spec["paths"]
    )
    assert {"Answer", "ExecutiveSummary", "RiskRegister", "SlipList", "Citation"} <= set(
        spec["components"]["schemas"]
    )
    for page in ("/", "/docs"):
        html = client.get(page).text
        assert "http://" not in html and "https://" not in html and "cdn" not in html.lower()
        assert "<script src" not in html and '<link rel="stylesheet"' not in html


def test_with_a_token_every_data_request_needs_it(examples_home: Path) -> None:
    with running(examples_home, token=TOKEN) as url, httpx.Client(base_url=url, timeout=120) as http:
        missing = http.get("/api/status")
        assert missing.status_code == 401 and missing.headers["www-authenticate"].startswith("Bearer")
        assert (
            http.get("/api/status", headers={"Authorization": "Bearer wrong-token-0000000000"}).status_code
            == 401
        )
        assert http.get("/openapi.json").status_code == 401
        authorised = http.get("/api/status", headers={"Authorization": f"Bearer {TOKEN}"})
        assert authorised.status_code == 200 and authorised.json()["auth"] is True
        # The static shells carry no data: the page asks for the token and sends it as a bearer.
        assert http.get("/").status_code == 200 and http.get("/docs").status_code == 200
        assert (
            http.get(
                "/api/status", headers={"Authorization": f"Bearer {TOKEN}", "Host": "any.example"}
            ).status_code
            == 200
        )


def test_ingest_over_http_only_when_allowed(examples_home: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    shutil.copytree(examples_home, home)
    with running(home, allow_ingest=True) as url, httpx.Client(base_url=url, timeout=300) as http:
        assert (
            http.post(
                "/api/ingest", content=b"paths=/etc", headers={"Content-Type": "text/plain"}
            ).status_code
            == 415
        )
        done = http.post("/api/ingest", json={})
        assert done.status_code == 200 and done.json()["totals"]["unchanged"] == 22
        assert {Path(f["path"]).parent for f in done.json()["files"]} == {
            EXAMPLES / "payments-zh",
            EXAMPLES / "platform-en",
        }


def test_off_loopback_the_cli_requires_a_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SUMMARIZER_SERVE_TOKEN", raising=False)
    refused = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0"])
    assert refused.exit_code == 2 and "--host 0.0.0.0 makes the index readable" in refused.stderr
    weak = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--token", "short"])
    assert weak.exit_code == 2 and "at least 16 characters" in weak.stderr
    assert "short" not in weak.output


def test_a_port_in_use_is_one_clear_line(base_url: str) -> None:
    port = base_url.rsplit(":", 1)[1]
    busy = CliRunner().invoke(app, ["serve", "--port", port])
    assert busy.exit_code == 2 and f"cannot listen on http://127.0.0.1:{port}/" in busy.stderr
