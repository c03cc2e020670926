import pytest
from helpers import findings, lint, located

RULE = ("readability-score",)
EASY = "The cat sat on the mat. The dog ran to the park. We had fun in the sun. "
HARD = (
    "Notwithstanding considerable institutional reticence, the administration's comprehensive "
    "reconceptualisation of intergovernmental procurement methodologies necessitated unprecedented "
    "interdepartmental coordination and extraordinarily sophisticated organisational restructuring. "
)


def _article(sentence: str, times: int) -> str:
    return "# Title Of The Piece\n\n" + (sentence * times).strip() + "\n"


def test_scores_appear_in_the_file_metrics():
    result = lint(_article(EASY, 10), select=RULE)
    assert set(result.metrics) == {"flesch_reading_ease", "flesch_kincaid_grade"}
    assert result.metrics["flesch_reading_ease"] > 90
    assert result.metrics["flesch_kincaid_grade"] < 3
    assert result.findings == []


def test_outlet_chooses_the_scores_shown():
    settings = {"checks": {"readability-score": {"scores": ["gunning_fog", "smog_index"]}}}
    result = lint(_article(EASY, 10), select=RULE, settings=settings)
    assert set(result.metrics) == {"gunning_fog", "smog_index"}


def test_hard_article_misses_the_default_targets():
    text = _article(HARD, 8)
    found = findings(text, select=RULE)
    messages = [f.message for f in found]
    assert len(found) == 2
    assert messages[0].startswith("Flesch reading ease is -") and "at least 0" in messages[0]
    assert messages[1].startswith("Flesch-Kincaid grade is ") and "at most 20" in messages[1]
    # Article-wide findings point at the start of the article's prose.
    assert located(found)[0] == ("readability-score", 1, 3, 1, 21)
    assert {f.severity.value for f in found} == {"info"}


def test_outlet_targets_and_extra_targets():
    settings = {"checks": {"readability-score": {"min_flesch_reading_ease": 150, "targets": {"max_gunning_fog": 1}}}}
    found = findings(_article(EASY, 10), select=RULE, settings=settings)
    assert ["Flesch reading ease" in f.message for f in found] == [True, False]
    assert "Gunning fog index" in found[1].message and "at most 1" in found[1].message


def test_unknown_target_stops_the_run_with_the_valid_names():
    from lint.checks.base import CheckUnavailable
    from lint.checks.readability_score import Options, _targets

    with pytest.raises(CheckUnavailable) as err:
        _targets(Options(targets={"max_fog": 10.0}))
    assert "max_gunning_fog" in err.value.message and err.value.required


def test_short_articles_are_not_scored():
    result = lint(_article(HARD, 3), select=RULE)  # under 100 words
    assert result.metrics == {} and result.findings == []


def test_scores_use_prose_only():
    code = "```\n" + HARD * 20 + "\n```\n\n| A |\n|---|\n| " + HARD * 5 + " |\n"
    front = "---\ntitle: " + HARD.strip() + "\n---\n\n"
    result = lint(front + _article(EASY, 10) + "\n" + code, select=RULE)
    plain = lint(_article(EASY, 10), select=RULE)
    assert result.metrics == plain.metrics


def test_urls_and_template_leftovers_do_not_count_as_hard_words():
    noisy = EASY + "See https://example.gov/a/very/long/path_name_here.html now. "
    plain = EASY + "See now. "
    assert lint(_article(noisy, 8), select=RULE).metrics == lint(_article(plain, 8), select=RULE).metrics


def test_json_report_carries_the_scores_in_the_file_entry(tmp_path, monkeypatch):
    import json

    from click.testing import CliRunner

    from lint.cli import cli

    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.md").write_text(_article(EASY, 10), encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["check", "--no-cache", "--format", "json", "--select", "readability-score", "story.md"]
    )
    entry = json.loads(result.output)["files"][0]
    assert entry["path"] == "story.md"
    assert set(entry["metrics"]) == {"flesch_reading_ease", "flesch_kincaid_grade"}
    assert entry["metrics"]["flesch_reading_ease"] > 90


def test_html_pages_are_scored_on_their_article_text():
    page = "<html><body><nav>" + HARD * 10 + "</nav><article><p>" + EASY * 10 + "</p></article></body></html>"
    result = lint(page, name="page.html", select=RULE)
    assert result.metrics["flesch_reading_ease"] > 90
