"""The gate end to end on the tiny corpus: a clean run passes, broken components fail it."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from index.errors import ConfigError
from summarizer.cli import app
from summarizer.evals.report import as_json, render
from summarizer.evals.runner import run_eval
from summarizer.schemas import Answer


def accepted(root: Path, factory) -> Path:
    """Run once with --update-baseline on healthy fakes and return the baseline path."""
    first = run_eval(root, update_baseline=True, make_context=factory)
    assert first.passed, [(r.key, r.status, r.why) for r in first.rows]
    return first.baseline_path


def test_clean_run_passes_and_baseline_records_metrics(tiny_root: Path, fake_context) -> None:
    path = accepted(tiny_root, fake_context)
    data = json.loads(path.read_text(encoding="utf-8"))
    metrics = data["engines"]["local"]["metrics"]
    assert metrics["retrieval.recall@8.hybrid"] == 1.0
    assert metrics["qa.citation_validity"] == 1.0
    assert metrics["ledger.slips.f1"] == 1.0
    assert "qa.latency_p50" not in metrics  # info metrics never gate, so they are not baselined
    again = run_eval(tiny_root, make_context=fake_context)
    assert again.passed
    assert {r.status for r in again.rows} <= {"pass", "info"}


def test_broken_retrieval_fails_and_lists_cases(tiny_root: Path, fake_context) -> None:
    accepted(tiny_root, fake_context)

    def broken(root, data, engine):
        ctx = fake_context(root, data, engine)
        good = ctx.search
        rng = random.Random(7)

        def shuffled(query: str, k: int, mode: str):
            hits = list(good("irrelevant words fraud scorer", 50, mode))  # always the wrong sections
            rng.shuffle(hits)
            return [h for h in hits if "Incidents" not in h.sections[0] and "支付" not in h.sections[0]][:k]

        ctx.search = shuffled
        return ctx

    run = run_eval(tiny_root, make_context=broken)
    assert not run.passed
    failed = {r.key for r in run.rows if r.status == "fail"}
    assert "retrieval.recall@8.hybrid" in failed
    retrieval = next(s for s in run.results if s.name == "retrieval")
    assert {"q-incident", "q-rate"} <= {f.case for f in retrieval.failures}
    console = Console(record=True, width=160)
    render(run, console)
    text = console.export_text()
    assert "FAIL" in text and "q-incident" in text and "NEW" in text


def test_tampered_quote_trips_the_citation_hard_gate(tiny_root: Path, fake_context) -> None:
    accepted(tiny_root, fake_context)

    def tampered(root, data, engine):
        ctx = fake_context(root, data, engine)
        honest = ctx.answer

        def answer(q) -> Answer:
            result = honest(q)
            if q.id == "q-rate":
                bad = result.citations[0].model_copy(update={"quote": "支付成功率：100%"})
                result = result.model_copy(update={"citations": [bad]})
            return result

        ctx.answer = answer
        return ctx

    run = run_eval(tiny_root, make_context=tampered)
    assert not run.passed
    row = next(r for r in run.rows if r.key == "qa.citation_validity")
    assert row.status == "fail" and row.metric is not None and row.metric.value < 1.0
    qa = next(s for s in run.results if s.name == "qa")
    assert any(f.case == "q-rate" and "does not verify" in f.what for f in qa.failures)
    doc = as_json(run)
    assert doc["passed"] is False
    assert any(f["case"] == "q-rate" and f["new"] for s in doc["suites"] for f in s["failures"])


def test_missing_component_is_reported_unavailable(tiny_root: Path, fake_context) -> None:
    accepted(tiny_root, fake_context)

    def no_ask(root, data, engine):
        ctx = fake_context(root, data, engine)
        ctx.answer = None
        ctx.unavailable["qa"] = "summarizer.pipelines.ask is not built yet"
        return ctx

    run = run_eval(tiny_root, make_context=no_ask)
    qa = next(s for s in run.results if s.name == "qa")
    assert qa.unavailable == "summarizer.pipelines.ask is not built yet"
    # qa was in the baseline: losing it is a failure, not a silent skip
    assert not run.passed
    assert {r.status for r in run.rows if r.suite == "qa"} == {"missing"}


def test_tolerance_override_in_baseline(tiny_root: Path, fake_context) -> None:
    path = accepted(tiny_root, fake_context)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["engines"]["local"]["metrics"]["qa.must_mention"] = 1.5  # pretend we were better before
    data["tolerances"]["qa.must_mention"] = 0.6
    path.write_text(json.dumps(data), encoding="utf-8")
    run = run_eval(tiny_root, suites=["qa"], make_context=fake_context)
    assert next(r for r in run.rows if r.key == "qa.must_mention").status == "pass"
    # --update-baseline keeps the hand-set tolerance
    run_eval(tiny_root, suites=["qa"], update_baseline=True, make_context=fake_context)
    assert json.loads(path.read_text(encoding="utf-8"))["tolerances"] == {"qa.must_mention": 0.6}


def test_engine_not_built_fails_clearly(
    monkeypatch: pytest.MonkeyPatch, tiny_root: Path, fake_context
) -> None:
    import summarizer.evals.runner as runner

    monkeypatch.setattr(runner, "REGISTRY", {"local": runner.REGISTRY["local"]})
    with pytest.raises(ConfigError, match="engine 'replay' is not available in this build"):
        run_eval(tiny_root, engine="replay", make_context=fake_context)
    with pytest.raises(ConfigError, match="--record needs --engine openai"):
        run_eval(tiny_root, engine="local", record=True, make_context=fake_context)


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, tiny_root: Path, fake_context) -> CliRunner:
    import summarizer.evals.runner as runner

    monkeypatch.chdir(tiny_root)
    monkeypatch.setattr(runner, "build_context", fake_context)
    return CliRunner()


def test_cli_exit_codes(cli: CliRunner, tiny_root: Path) -> None:
    ok = cli.invoke(app, ["eval", "--update-baseline"], terminal_width=160)
    assert ok.exit_code == 0, ok.output
    assert (tiny_root / "evals/baseline.json").exists()
    doc = cli.invoke(app, ["eval", "--json", "-s", "retrieval"])
    assert doc.exit_code == 0 and json.loads(doc.stdout)["passed"] is True
    unknown_engine = cli.invoke(app, ["eval", "--engine", "gpt"])
    assert unknown_engine.exit_code == 2 and "unknown engine 'gpt'" in unknown_engine.output
    unknown = cli.invoke(app, ["eval", "--suite", "nope"])
    assert unknown.exit_code == 2 and "unknown suite nope" in unknown.output


def test_cli_exits_1_on_regression(cli: CliRunner, monkeypatch: pytest.MonkeyPatch, fake_context) -> None:
    import summarizer.evals.runner as runner

    assert cli.invoke(app, ["eval", "--update-baseline"]).exit_code == 0

    def blind(root, data, engine):
        ctx = fake_context(root, data, engine)
        ctx.search = lambda query, k, mode: []
        return ctx

    monkeypatch.setattr(runner, "build_context", blind)
    result = cli.invoke(app, ["eval", "-s", "retrieval"], terminal_width=200)
    assert result.exit_code == 1
    assert "recall@8.hybrid" in result.output and "q-checkout" in result.output


def test_replay_cassette_miss_is_a_hard_gate(
    monkeypatch: pytest.MonkeyPatch, tiny_root: Path, fake_context
) -> None:
    import summarizer.evals.runner as runner
    from summarizer.llm.errors import ReplayMissError

    def missing_cassette(root, data, engine):
        ctx = fake_context(root, data, engine)
        honest = ctx.answer

        def answer(q):
            if q.id == "q-rate":
                raise ReplayMissError("3f2a" * 16, "ask@v2#0123456789ab", "record it")
            return honest(q)

        ctx.answer = answer
        return ctx

    monkeypatch.setattr(runner, "REGISTRY", {**runner.REGISTRY, "replay": runner.REGISTRY["local"]})
    run = run_eval(tiny_root, engine="replay", suites=["qa"], make_context=missing_cassette)
    row = next(r for r in run.rows if r.key == "qa.cassette_misses")
    assert row.status == "fail" and not run.passed
    qa = run.results[0]
    assert any(f.case == "q-rate" and "ReplayMissError" in f.what for f in qa.failures)
    assert any("hand-written cassettes exercise the pipeline, not a model" in note for note in qa.notes)


def test_the_openai_eval_without_a_key_stops_before_any_work(tiny_root: Path) -> None:
    from summarizer.llm.errors import MissingKeyError

    with pytest.raises(MissingKeyError) as caught:
        run_eval(tiny_root, engine="openai", suites=["qa"])
    assert caught.value.exit_code == 2 and not (tiny_root / ".data").exists()


def test_an_accepted_run_is_judged_against_the_baseline_it_replaces(
    tiny_root: Path, fake_context, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--update-baseline` on a run that regressed says FAIL (the deltas against what was accepted
    before) and still writes the new baseline: it used to judge against the one it had just
    written, so every delta was 0 and the regression it took in read as PASS."""
    path = accepted(tiny_root, fake_context)

    def blind(root, data, engine):
        ctx = fake_context(root, data, engine)
        ctx.search = lambda query, k, mode: []
        return ctx

    before = path.read_text(encoding="utf-8")
    run = run_eval(tiny_root, suites=["retrieval"], update_baseline=True, make_context=blind)
    assert not run.passed and any(r.status == "fail" for r in run.rows)
    assert path.read_text(encoding="utf-8") != before  # accepted all the same
    again = run_eval(tiny_root, suites=["retrieval"], make_context=blind)
    assert again.passed  # against the accepted run, nothing regressed
