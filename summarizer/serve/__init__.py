"""`summarizer serve`: a JSON API and one web page over one data directory.

    request ─► guard (host, bearer token, security headers)                    security.py
            ─► route: parse the query, call ONE pipeline function             app.py
            ─► backend: the call runs on the worker thread that owns the workspace   backend.py
            ─► the pipeline's pydantic model as JSON, `X-Summarizer-Engine` header

The web layer holds no logic of its own: every endpoint returns what a pipeline returns (the
same models as `--json`), so the page, the API and the CLI cannot drift. The page and the API
docs are files in `static/`, served with a Content-Security-Policy that allows their own inline
script and style by hash and nothing else: no CDN, no external request (`pages.py`).

Loopback by default. Bound to any other address it needs a token, checked on every data
request as `Authorization: Bearer …`; `/` and `/docs` are static shells with no data that ask
for it. Read-only unless started with `--allow-ingest`.
"""
