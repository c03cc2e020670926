"""Baselines: record today's findings, then report only new ones, whatever moved above them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint.cli import cli

ARTICLES = {
    "news/budget.md": "# Budget\n\nSales rose TK percent.\n\nThe council met on Monday.\n",
    "news/roads.md": "# Roads\n\nRepairs cost TK dollars.\n\nRepairs cost TK dollars.\n",
    "sport/final.md": "# Final\n\nThe team won 3-1.\n",
}


def check(*args: str):
    return CliRunner().invoke(
        cli, ["check", "--no-cache", "--select", "placeholder-text", "--format", "json", *args]
    )


def found(result) -> list[tuple[str, int, int]]:
    report = json.loads(result.stdout)
    return [(f["path"], f["line"], f["column"]) for f in report["findings"]]


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name, text in ARTICLES.items():
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(text, encoding="utf-8")
    written = CliRunner().invoke(
        cli, ["check", "--no-cache", "--select", "placeholder-text", "--write-baseline", "baseline.json", "."]
    )
    assert written.exit_code == 0, written.output
    assert "Wrote baseline baseline.json: 3 findings in 2 files" in written.output
    return tmp_path


def test_the_baseline_hides_every_recorded_finding(archive: Path):
    result = check("--baseline", "baseline.json", ".")
    assert result.exit_code == 0
    assert found(result) == []


def test_only_the_new_defect_is_reported_after_edits_above_the_old_ones(archive: Path):
    budget = Path("news/budget.md")
    # Text added above the old defect moves it down two lines; a new defect goes in below.
    budget.write_text(
        "# Budget\n\nA new opening paragraph.\n\nSales rose TK percent.\n\nThe council met on TK.\n",
        encoding="utf-8",
    )
    result = check("--baseline", "baseline.json", ".")
    assert result.exit_code == 1
    assert found(result) == [("news/budget.md", 7, 20)]


def test_counts_a_third_copy_of_a_twice_recorded_defect_is_new(archive: Path):
    roads = Path("news/roads.md")
    roads.write_text(roads.read_text(encoding="utf-8") + "\nRepairs cost TK dollars.\n", encoding="utf-8")
    assert found(check("--baseline", "baseline.json", ".")) == [("news/roads.md", 7, 14)]


def test_fixing_a_defect_does_not_resurrect_others_and_new_files_are_not_covered(archive: Path):
    Path("news/budget.md").write_text("# Budget\n\nSales rose 4 percent.\n", encoding="utf-8")
    Path("news/new.md").write_text("Sales rose TK percent.\n", encoding="utf-8")
    assert found(check("--baseline", "baseline.json", ".")) == [("news/new.md", 1, 12)]


def test_paths_are_relative_to_the_baseline_so_any_folder_works(
    archive: Path, monkeypatch: pytest.MonkeyPatch
):
    entries = json.loads(Path("baseline.json").read_text(encoding="utf-8"))["findings"]
    assert sorted({e["path"] for e in entries}) == ["news/budget.md", "news/roads.md"]
    assert [e["count"] for e in entries if e["path"] == "news/roads.md"] == [2]
    monkeypatch.chdir(archive / "news")
    assert found(check("--baseline", "../baseline.json", ".")) == []


def test_a_missing_or_damaged_baseline_is_an_error(archive: Path):
    missing = check("--baseline", "nope.json", ".")
    assert missing.exit_code == 2 and "no such baseline file" in missing.output
    Path("bad.json").write_text("{not json", encoding="utf-8")
    damaged = check("--baseline", "bad.json", ".")
    assert damaged.exit_code == 2 and "not a newslint baseline" in damaged.output
