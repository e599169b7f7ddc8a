"""Gold files: strict validation that points at file and line, and report cross-checks."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from summarizer.evals.datasets import DatasetError, QuestionCase, load_datasets, load_entries


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_tiny_datasets_load(tiny_root: Path) -> None:
    data = load_datasets(tiny_root / "evals/datasets", tiny_root)
    assert [q.id for q in data.questions] == ["q-checkout", "q-incident", "q-rate"]
    assert data.present == {"questions", "slips"}
    # YAML would read these as dates; the gold keeps them as written.
    assert data.slips[0].from_ == "2024-10-25"


def test_missing_field_names_file_and_line(tiny_root: Path) -> None:
    text = (tiny_root / "evals/datasets/questions.yaml").read_text(encoding="utf-8")
    broken = text.replace("  must_mention: [timeout]\n", "")
    write(tiny_root / "evals/datasets/questions.yaml", broken)
    with pytest.raises(DatasetError) as info:
        load_datasets(tiny_root / "evals/datasets", tiny_root)
    assert str(info.value) == "evals/datasets/questions.yaml:10: must_mention: field required"
    assert info.value.exit_code == 2


def test_bad_value_points_at_its_own_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "questions.yaml",
        """\
        questions:
          - id: a
            question: q
            lang: en
            kind: lookup
            answerable: maybe
            intent: free
            must_mention: []
            colour: blue
        """,
    )
    with pytest.raises(DatasetError) as info:
        load_entries(path, QuestionCase, base=tmp_path)
    assert info.value.problems == [
        "questions.yaml:6: answerable: input should be a valid boolean, unable to interpret input",
        "questions.yaml:9: colour: extra inputs are not permitted",
    ]


def test_unknown_gold_report_is_rejected(tiny_root: Path) -> None:
    text = (tiny_root / "evals/datasets/questions.yaml").read_text(encoding="utf-8")
    write(tiny_root / "evals/datasets/questions.yaml", text.replace("team/2024-W41.md", "team/2099-W01.md"))
    with pytest.raises(DatasetError, match=r"questions.yaml:10: report not found .*team/2099-W01.md"):
        load_datasets(tiny_root / "evals/datasets", tiny_root)


def test_invalid_yaml_names_line(tmp_path: Path) -> None:
    path = write(tmp_path / "slips.yaml", "- project: [unclosed\n")
    with pytest.raises(DatasetError, match=r"slips.yaml:2: invalid YAML"):
        load_entries(path, QuestionCase, base=tmp_path)
