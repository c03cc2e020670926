"""Parallel jobs and the result cache give exactly the results of a plain one-process run."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.engine import ConfigCache, discover, lint_targets
from lint.results import FileResult, Selection

ARTICLES = {
    f"story{n:02}.md":
        f"# Story {n}\n\nThe council added TK dollars.{' Again TK.' * (n % 3)}\n\nIt said [Insert quote].\n"
    for n in range(12)
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "page.html").write_text("<article><p>Lorem ipsum dolor sit amet TK.</p></article>", encoding="utf-8")
    (tmp_path / "broken.md").write_bytes(b"\xff\xfe\x00\x00binary")
    return tmp_path


def _run(folder: Path, jobs: int, cache_dir: Path | None = None) -> list[FileResult]:
    errors: list[FileResult] = []
    targets = discover([str(folder)], ConfigCache(None), errors)
    return lint_targets(targets, Selection(select=("placeholder",)), jobs=jobs, cache_dir=cache_dir)


def _comparable(results: list[FileResult]) -> list[tuple[object, ...]]:
    return [
        (r.path, r.format, r.words, r.error,
         [(f.rule, f.line, f.column, f.end_line, f.end_column, f.message) for f in r.findings])
        for r in results
    ]


def test_jobs_keep_input_order_and_results(corpus: Path) -> None:
    one = _run(corpus, jobs=1)
    two = _run(corpus, jobs=2)
    assert [r.path for r in one] == sorted(r.path for r in one)  # discovery order: sorted paths
    assert _comparable(two) == _comparable(one)
    assert sum(len(r.findings) for r in one) >= 25
    assert any(r.error for r in one)  # the unreadable file is reported in its place, not dropped


def test_second_run_comes_from_the_cache_unchanged(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    cache = tmp_path_factory.mktemp("cache")
    first = _run(corpus, jobs=1, cache_dir=cache)
    second = _run(corpus, jobs=2, cache_dir=cache)
    assert _comparable(second) == _comparable(first)
    assert not any(r.cached for r in first)
    assert [r.cached for r in second] == [r.error is None for r in second]  # errors are never cached


def test_an_edited_file_is_linted_again(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    cache = tmp_path_factory.mktemp("cache")
    _run(corpus, jobs=1, cache_dir=cache)
    (corpus / "story00.md").write_text("# Story\n\nAll fixed now.\n", encoding="utf-8")
    again = {r.path.rsplit("/", 1)[-1]: r for r in _run(corpus, jobs=1, cache_dir=cache)}
    assert not again["story00.md"].cached and again["story00.md"].findings == []
    assert again["story01.md"].cached


def test_damaged_cache_entries_are_misses(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    cache = tmp_path_factory.mktemp("cache")
    first = _run(corpus, jobs=1, cache_dir=cache)
    entries = list(cache.rglob("*.json"))
    assert entries
    for entry in entries:
        entry.write_text('{"path": "x", "findings": [', encoding="utf-8")  # cut short mid-write
    again = _run(corpus, jobs=1, cache_dir=cache)
    assert _comparable(again) == _comparable(first)
    assert not any(r.cached for r in again)


def test_a_cache_folder_that_cannot_be_made_is_not_used(corpus: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go\n", encoding="utf-8")
    first = _run(corpus, jobs=1)
    assert _comparable(_run(corpus, jobs=1, cache_dir=blocker)) == _comparable(first)
    assert blocker.read_text(encoding="utf-8") == "a file where the cache folder would go\n"
