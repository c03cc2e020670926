"""The quality score: the documented formula, its settings in the config, JSON and --min-score."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import make_config

from lint.cli import cli
from lint.config import ConfigError, load_config
from lint.document.span import Span
from lint.findings import Finding, Severity
from lint.score import Scoring, penalties, quality_score


def found(rule: str, severity: Severity, n: int = 1) -> list[Finding]:
    return [Finding(rule, "casing", severity, Span(i, i + 1), "m") for i in range(n)]


def test_formula_weights_per_thousand_words():
    items = found("a", Severity.ERROR, 2) + found("b", Severity.WARNING) + found("c", Severity.INFO, 2)
    # 2 x 10 + 3 + 2 x 0.5 = 24 points over 600 words = 40 per 1,000 words.
    assert quality_score(items, 600) == 60
    assert quality_score([], 600) == 100


def test_one_check_adds_at_most_its_cap():
    items = found("invisible-character", Severity.WARNING, 40) + found("b", Severity.ERROR)
    assert penalties(items, Scoring()) == {"invisible-character": 30.0, "b": 10.0}
    assert quality_score(items, 1000) == 60  # 100 - (30 + 10)


def test_short_articles_count_as_min_words_and_the_score_stops_at_zero():
    assert quality_score(found("a", Severity.WARNING), 40) == 90  # 3 points over 300 words, not 40
    assert quality_score(found("a", Severity.ERROR, 3) + found("b", Severity.ERROR, 3), 100) == 0


def test_weights_and_caps_come_from_the_config():
    config = make_config({"score": {"weights": {"error": 20, "info": 0}, "max_per_check": 50, "min_words": 100}})
    assert config.scoring == Scoring(error=20.0, warning=3.0, info=0.0, max_per_check=50.0, min_words=100)
    items = found("a", Severity.ERROR, 3) + found("b", Severity.INFO, 5)
    assert quality_score(items, 1000, config.scoring) == 50  # min(60, 50) + 0


@pytest.mark.parametrize(
    ("yaml", "message"),
    [
        ("score:\n  weights: {fatal: 3}\n", "unknown severity 'score.weights.fatal' (valid: error, warning, info)"),
        ("score:\n  weights: {error: -1}\n", "'score.weights.error' must be 0 or more, not -1.0"),
        ("score:\n  max_per_check: 0\n", "'score.max_per_check' must be more than 0, not 0.0"),
        ("score:\n  min_words: many\n", "'score.min_words' must be a whole number, not 'many'"),
        ("score:\n  weight: {error: 1}\n", "unknown setting 'score.weight' (valid: weights, max_per_check, min_words)"),
    ],
)
def test_bad_score_settings_are_one_line_errors(tmp_path: Path, yaml: str, message: str):
    path = tmp_path / "newslint.yaml"
    path.write_text(yaml, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(err.value).startswith(f"{path}:")
    assert str(err.value).endswith(message)


STORY = "# Budget vote\n\nThe council met near the united states border,and voted.\n\nIt passed 7-2.\n"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.md").write_text(STORY, encoding="utf-8")
    (tmp_path / "clean.md").write_text("# Budget vote\n\nThe council voted on Tuesday.\n", encoding="utf-8")
    return tmp_path


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["check", "--no-cache", *args], catch_exceptions=False)


def test_json_has_a_score_per_file_and_schema_version_2(workdir: Path):
    (workdir / "bin.txt").write_bytes(b"\x00\x01")
    report = json.loads(run("--format", "json", "story.md", "clean.md", "bin.txt").stdout)
    assert report["schema_version"] == 2
    # story.md: one error (10) and one warning (3) over 300 words (it has fewer) -> 100 - 43.3
    assert [(f["path"], f["score"]) for f in report["files"]] == [("story.md", 56), ("clean.md", 100),
                                                                  ("bin.txt", None)]
    fix = report["findings"][0]["fix"]
    assert fix == {"replacement": "United States", "range": {"line": 3, "column": 26, "end_line": 3, "end_column": 39},
                   "safe": True, "label": "capitalise “united states”"}


def test_min_score_fails_the_run_and_names_the_article(workdir: Path):
    # Only the warning is selected: --fail-on error alone would pass.
    ok = run("--select", "missing-space", "story.md", "clean.md")
    assert ok.exit_code == 0
    low = run("--select", "missing-space", "--min-score", "95", "story.md", "clean.md")
    assert low.exit_code == 1
    assert "newslint: story.md scores 90, below --min-score 95" in low.stderr
    assert "clean.md" not in low.stderr
    assert run("--select", "missing-space", "--min-score", "90", "story.md").exit_code == 0


def test_min_score_is_a_number_from_0_to_100(workdir: Path):
    result = run("--min-score", "120", "story.md")
    assert result.exit_code == 2 and "--min-score" in result.output
