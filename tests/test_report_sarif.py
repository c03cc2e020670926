"""SARIF 2.1.0 output: valid against the OASIS schema, with rule metadata, code-point columns and fixes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import lint, make_config

from lint.cli import cli
from lint.report import RunReport, renderer

jsonschema = pytest.importorskip("jsonschema")

HERE = Path(__file__).resolve().parent
VENDORED_SCHEMA = HERE / "data" / "sarif-schema-2.1.0.json"
SHARED = HERE.parent.parent / "shared"
PLUGIN = str(HERE / "plugins" / "demo_fix.py")
SETTINGS = {"plugins": [PLUGIN]}
TEXT = "# Budget\n\nSales rose TK percent, said teh mayor.\n\nWe utilize “ABCD” here.\n"


def sarif_of(text: str = TEXT, name: str = "news/budget.md") -> dict:
    config = make_config(SETTINGS)
    result = lint(text, name=name, settings=SETTINGS, select=("placeholder-text", "demo-fix"))
    report = RunReport([result], "9.9.9", rules=dict(config.registry.checks))
    return json.loads(renderer("sarif")(report))


def validate(log: dict, schema_path: Path) -> None:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_valid_against_the_vendored_schema():
    validate(sarif_of(), VENDORED_SCHEMA)


def test_valid_against_the_shared_schema_when_present():
    shared = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    if not shared.exists():
        pytest.skip("no ../shared/schemas")
    validate(sarif_of(), shared)


def test_the_seed_article_gives_valid_sarif_from_the_command_line(tmp_path: Path):
    seed = sorted((SHARED / "seed").glob("*.txt")) if (SHARED / "seed").is_dir() else []
    if not seed:
        pytest.skip("no ../shared/seed")
    out = tmp_path / "seed.sarif"
    result = CliRunner().invoke(
        cli, ["check", "--no-cache", "--format", "sarif", "--output", str(out), str(seed[0])]
    )
    assert result.exit_code in (0, 1), result.output
    log = json.loads(out.read_text(encoding="utf-8"))
    assert log["runs"][0]["results"], "the seed article is full of defects"
    validate(log, VENDORED_SCHEMA)


def test_results_point_at_the_characters_in_code_points():
    run = sarif_of()["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    located = [
        (r["ruleId"], r["level"], r["locations"][0]["physicalLocation"]["region"]) for r in run["results"]
    ]
    assert located[0] == (
        "placeholder-text",
        "error",
        {"startLine": 3, "startColumn": 12, "endLine": 3, "endColumn": 14},
    )
    # “ABCD” starts after a curly quote: one code point, whatever its UTF-8 or UTF-16 length.
    abc = next(r for r in run["results"] if r["message"]["text"] == "ABC should be X")
    assert abc["locations"][0]["physicalLocation"]["region"]["startColumn"] == 13
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri == {"uri": "news/budget.md", "uriBaseId": "SRCROOT"}


def test_rules_carry_metadata_and_results_their_index():
    run = sarif_of()["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    placeholder = next(r for r in rules if r["id"] == "placeholder-text")
    assert placeholder["shortDescription"]["text"].startswith("Placeholder text")
    assert "Bad: Sales rose TK percent." in placeholder["help"]["text"]
    assert placeholder["defaultConfiguration"]["level"] == "error"
    assert placeholder["properties"]["category"] == "placeholder"


def test_fixes_become_replacements_of_the_same_region():
    run = sarif_of()["runs"][0]
    typo = next(r for r in run["results"] if "teh" in r["message"]["text"])
    change = typo["fixes"][0]["artifactChanges"][0]
    assert change["artifactLocation"]["uri"] == "news/budget.md"
    assert change["replacements"] == [
        {
            "deletedRegion": {"startLine": 3, "startColumn": 29, "endLine": 3, "endColumn": 32},
            "insertedContent": {"text": "the"},
        }
    ]
    assert typo["fixes"][0]["properties"]["safe"] is True
    assert typo["fixes"][0]["description"]["text"] == "replace “teh” with “the”"  # the fix in words
    suggested = next(r for r in run["results"] if "“use”" in r["message"]["text"])
    assert suggested["fixes"][0]["properties"]["safe"] is False
    placeholder = next(r for r in run["results"] if r["ruleId"] == "placeholder-text")
    assert "fixes" not in placeholder


def test_fingerprints_survive_lines_added_above():
    before = sarif_of()["runs"][0]["results"]
    after = sarif_of("Intro line.\n\n" + TEXT)["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]
    assert before[0]["locations"] != after[0]["locations"]


def test_output_file_gets_the_report_and_the_terminal_the_summary(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("story.md").write_text("Sales rose TK percent.\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        [
            "check",
            "--no-cache",
            "--select",
            "placeholder-text",
            "--format",
            "sarif",
            "-o",
            "out.sarif",
            "story.md",
        ],
    )
    assert result.exit_code == 1
    assert "Found 1 finding" in result.output
    log = json.loads(Path("out.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["placeholder-text"]


def test_files_that_could_not_be_linted_and_warnings_become_notifications():
    from lint.results import FileResult

    results = [
        FileResult("broken.md", error="binary file (contains NUL bytes), not an article"),
        FileResult("ok.md", warnings=["grammar: cannot use LanguageTool server"]),
    ]
    log = json.loads(renderer("sarif")(RunReport(results, "9.9.9")))
    validate(log, VENDORED_SCHEMA)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert [(n["level"], n["message"]["text"]) for n in invocation["toolExecutionNotifications"]] == [
        ("error", "broken.md: binary file (contains NUL bytes), not an article"),
        ("warning", "grammar: cannot use LanguageTool server"),
    ]
