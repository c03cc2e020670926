"""What a new user ran into (issue 16): init, the outlet language, fixes from standard input,
`rules` with a config, and a mistyped --select. Each test failed before its fix."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint.cli import cli
from lint.config import ConfigError, load_config


def newslint(cwd: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lint", *args], cwd=cwd, input=stdin, capture_output=True, text=True,
        env={**os.environ, "NO_COLOR": "1"}, timeout=120,
    )


# -- init writes only what it was given ---------------------------------------------------------------

@pytest.mark.parametrize(("preset", "language", "headlines"), [("uk", "en-GB", "sentence"),
                                                               ("us-wire", "en-US", "sentence")])
def test_init_keeps_the_presets_language_and_headline_style(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             preset: str, language: str, headlines: str) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["init", "--outlet", "Harbor News", "--preset", preset])
    assert result.exit_code == 0, result.output
    config = load_config(tmp_path / ".newslint.yaml")
    assert config.house.language == language
    assert config.house.headline_case == headlines
    assert config.house.outlet_name == "Harbor News"


def test_init_writes_the_language_it_is_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["init", "--preset", "us-wire", "--language", "en_gb", "--domain", "x.co.uk"])
    assert result.exit_code == 0, result.output
    config = load_config(tmp_path / ".newslint.yaml")
    assert (config.house.language, config.house.domains) == ("en-GB", ("x.co.uk",))


def test_init_quotes_an_outlet_name_that_yaml_would_misread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["init", "--outlet", "Harbor: News #1 [daily]"])
    assert result.exit_code == 0, result.output
    assert load_config(tmp_path / ".newslint.yaml").house.outlet_name == "Harbor: News #1 [daily]"


def test_init_refuses_a_language_it_does_not_know(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["init", "--language", "British"])
    assert result.exit_code == 2
    assert "--language: unknown language 'British' (did you mean 'en-GB'?)" in result.output
    assert not (tmp_path / ".newslint.yaml").exists()


# -- outlet.language is validated --------------------------------------------------------------------

@pytest.mark.parametrize(("value", "hint"), [("British", " (did you mean 'en-GB'?)"), ("fr-FR", "")])
def test_an_unknown_outlet_language_is_a_config_error(tmp_path: Path, value: str, hint: str) -> None:
    path = tmp_path / ".newslint.yaml"
    path.write_text(f"outlet:\n  name: Harbor News\n  language: {value}\n")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert str(raised.value) == (
        f"{path}:3: unknown language {value!r}{hint}; newslint knows en-US, en-GB, en-AU, en-NZ, en-IE, en-CA"
    )


def test_outlet_language_is_read_in_any_usual_spelling(tmp_path: Path) -> None:
    path = tmp_path / ".newslint.yaml"
    path.write_text("outlet:\n  language: EN_gb\n")
    config = load_config(path)
    assert (config.house.language, config.house.spelling) == ("en-GB", "gb")


# -- --fix and --diff on standard input --------------------------------------------------------------

STORY = (
    "# Budget vote\n\n"
    "The united states and the european union met in berlin. he said the vote\u200b passed.\n\n"
    "Officials in paris agreed. the mayor in london was there.\n"
)
FIXED = (
    "# Budget vote\n\n"
    "The United States and the European Union met in Berlin. He said the vote passed.\n\n"
    "Officials in Paris agreed. The mayor in London was there.\n"
)


def test_diff_from_standard_input_shows_every_safe_fix(tmp_path: Path) -> None:
    run = newslint(tmp_path, "check", "--no-cache", "--diff", "-", "--stdin-filename", "story.md", stdin=STORY)
    assert run.returncode == 1, run.stderr
    assert run.stdout == (
        "--- a/story.md\n+++ b/story.md\n@@ -1,5 +1,5 @@\n # Budget vote\n \n"
        "-The united states and the european union met in berlin. he said the vote\u200b passed.\n"
        "+The United States and the European Union met in Berlin. He said the vote passed.\n"
        " \n"
        "-Officials in paris agreed. the mayor in london was there.\n"
        "+Officials in Paris agreed. The mayor in London was there.\n"
    )
    assert "Would apply 8 fixes to 1 file" in run.stderr


def test_fix_from_standard_input_prints_the_fixed_article(tmp_path: Path) -> None:
    run = newslint(tmp_path, "check", "--no-cache", "--fix", "-", "--stdin-filename", "story.md", stdin=STORY)
    assert run.returncode == 0, run.stderr
    assert run.stdout == FIXED  # the article, and nothing else: `newslint check --fix - < a > b` works
    assert "Applied 8 fixes to 1 file." in run.stderr
    assert "All clear: no findings in 1 file." in run.stderr


def test_fix_from_standard_input_with_nothing_to_fix_prints_it_unchanged(tmp_path: Path) -> None:
    run = newslint(tmp_path, "check", "--no-cache", "--fix", "-", "--stdin-filename", "story.md", stdin=FIXED)
    assert run.returncode == 0, run.stderr
    assert run.stdout == FIXED


# -- rules shows what the config sets --------------------------------------------------------------

def _rules(cwd: Path, *args: str) -> dict[str, dict[str, object]]:
    run = newslint(cwd, "rules", "--format", "json", *args)
    assert run.returncode == 0, run.stderr
    return {rule["id"]: rule for rule in json.loads(run.stdout)}


def test_rules_with_a_config_shows_its_severities_and_switches(tmp_path: Path) -> None:
    (tmp_path / "ci.yaml").write_text(
        "style:\n  quotes: curly\nchecks:\n  placeholder-text: warning\n  sentence-length: false\n"
    )
    rules = _rules(tmp_path, "--config", "ci.yaml")
    assert (rules["placeholder-text"]["severity"], rules["placeholder-text"]["enabled"]) == ("warning", True)
    assert rules["sentence-length"]["enabled"] is False
    assert rules["quote-style"]["active"] is True
    text = newslint(tmp_path, "rules", "--config", "ci.yaml").stdout.splitlines()
    assert [line.split()[:3] for line in text if line.startswith("placeholder-text ")] == [
        ["placeholder-text", "placeholder", "warning"]
    ]
    assert [line for line in text if line.startswith("sentence-length ")][0].endswith(" (off)")


def test_rules_says_which_checks_the_defaults_leave_idle(tmp_path: Path) -> None:
    rules = _rules(tmp_path)
    assert (rules["grammar"]["active"], rules["grammar"]["inactive_reason"]) == (False, "languagetool.mode is off")
    assert (rules["quote-style"]["active"], rules["quote-style"]["inactive_reason"]) == (False, "style.quotes is any")
    assert rules["placeholder-text"]["active"] is True
    text = newslint(tmp_path, "rules").stdout.splitlines()
    assert [line for line in text if line.startswith("grammar ")][0].endswith(" (idle: languagetool.mode is off)")


# -- a mistyped --select -------------------------------------------------------------------------------

def test_a_mistyped_select_gets_a_did_you_mean(tmp_path: Path) -> None:
    (tmp_path / "story.md").write_text("The talks resume.\n")
    run = newslint(tmp_path, "check", "--no-cache", "--select", "proper-noun-cas", "story.md")
    assert run.returncode == 2
    assert run.stderr.strip() == (
        "newslint: error: --select/--ignore: unknown check or category 'proper-noun-cas' "
        "(did you mean 'proper-noun-case'? see 'newslint rules')"
    )


# -- a Hugo or Jekyll repository, linted from its top folder ----------------------------------------

def _site(root: Path, config: str | None) -> None:
    files = {
        "README.md": "# Our site\n\nBuild it with TK.\n",
        "content/opinion/column.md": "The columnist wrote one long sentence that goes on and on for many words.\n",
        "content/news/vote.md": "The council added TK dollars to the budget.\n",
        "public/index.html": "<p>Built page with TK.</p>\n",
        "themes/paper/layouts/single.html": "<p>{{ .Title }} TK</p>\n",
        "layouts/partials/footer.html": "<p>Footer TK</p>\n",
        "_site/old.html": "<p>Jekyll output TK</p>\n",
        "archetypes/default.md": "---\ntitle: TK\n---\n\nTK\n",
        "scratch/notes.md": "Private TK notes.\n",
        ".gitignore": "scratch/\n",
    }
    if config is not None:
        files[".newslint.yaml"] = config
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    subprocess.run(["git", "init", "-q", str(root)], check=True)


def _linted(run: subprocess.CompletedProcess[str]) -> list[str]:
    return [f["path"] for f in json.loads(run.stdout)["files"]]


@pytest.mark.parametrize("config", [None, "fail_on: error\n"])
def test_a_site_repository_lints_its_articles_only(tmp_path: Path, config: str | None) -> None:
    _site(tmp_path, config)
    run = newslint(tmp_path, "check", "--no-cache", "--format", "json")
    assert run.returncode == 1, run.stderr
    assert _linted(run) == ["content/news/vote.md", "content/opinion/column.md"]


def test_an_override_folder_glob_matches_below_the_config(tmp_path: Path) -> None:
    _site(tmp_path, "checks:\n  sentence-length: {max_words: 8}\n"
                    "overrides:\n  - files: [\"opinion/**\"]\n    checks: {sentence-length: false}\n")
    run = newslint(tmp_path, "check", "--no-cache", "--format", "json", "--select", "sentence-length")
    assert json.loads(run.stdout)["findings"] == []


def test_a_leading_slash_ties_a_glob_to_the_config_folder(tmp_path: Path) -> None:
    _site(tmp_path, "checks:\n  sentence-length: {max_words: 8}\n"
                    "overrides:\n  - files: [\"/opinion/**\"]\n    checks: {sentence-length: false}\n")
    run = newslint(tmp_path, "check", "--no-cache", "--format", "json", "--select", "sentence-length")
    assert [(f["path"], f["rule"]) for f in json.loads(run.stdout)["findings"]] == [
        ("content/opinion/column.md", "sentence-length")
    ]


def test_glob_rules() -> None:
    from lint.config import matches_any

    assert matches_any("content/opinion/x.md", ("opinion/**",))
    assert matches_any("opinion/x.md", ("opinion/**",))
    assert not matches_any("content/opinion/x.md", ("/opinion/**",))
    assert matches_any("opinion/x.md", ("/opinion/**",))
    assert matches_any("a/drafts/b/x.md", ("drafts/",)) and not matches_any("drafts.md", ("drafts/",))
    assert matches_any("site/news/2024/x.md", ("news/**/*.md",))
    assert matches_any("x/y/story.md", ("*.md",)) and not matches_any("x/y/story.html", ("*.md",))
    assert matches_any("public/index.html", ("/public/",)) and not matches_any("news/public/a.md", ("/public/",))
