"""RealPaths (lint/config.py): os.path.realpath for a run's many files, each folder resolved once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lint.config import RealPaths


def test_real_paths_are_what_realpath_gives_for_links_loops_and_plain_files(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "real"
    (real / "news").mkdir(parents=True)
    (real / "news" / "story.md").write_text("x", encoding="utf-8")
    (tmp_path / "site").symlink_to(real)  # a linked folder
    (real / "news" / "linked.md").symlink_to(real / "news" / "story.md")  # a linked file
    (real / "loop.md").symlink_to(real / "loop.md")  # a link to itself
    monkeypatch.chdir(real)
    asked = [tmp_path / "site" / "news" / "story.md", tmp_path / "site" / "news" / "linked.md",
             tmp_path / "site" / "news" / "missing.md", tmp_path / "site" / "news" / "..",
             tmp_path / "site" / "news" / ".", real / "loop.md", Path("news/story.md"), Path("story.md"),
             Path("news"), Path("."), Path("../site/news/story.md")]
    paths = RealPaths()
    for path in asked * 2:  # the second time from the remembered folders
        assert paths(path) == os.path.realpath(path), path
    assert paths(str(tmp_path / "site" / "news" / "story.md")) == str(real / "news" / "story.md")


def test_a_config_reports_files_relative_to_its_real_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lint.engine import ConfigCache

    (tmp_path / "site" / "opinion").mkdir(parents=True)
    (tmp_path / "site" / ".newslint.yaml").write_text("files:\n  exclude: ['drafts/']\n", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "site")
    monkeypatch.chdir(tmp_path)
    configs = ConfigCache(None)
    config = configs.for_dir(Path("link/opinion"))
    assert configs.for_dir(Path("link/opinion")) is config
    assert config.relative(Path("link/opinion/a.md")) == "opinion/a.md"
    assert config.relative(tmp_path / "site" / "opinion" / "a.md") == "opinion/a.md"
    assert config.excluded(Path("link/drafts/a.md")) and not config.excluded(Path("link/opinion/a.md"))
