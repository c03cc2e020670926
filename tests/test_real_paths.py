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


def test_relative_paths_are_what_pathlib_says() -> None:
    from pathlib import PurePosixPath

    from lint.config import relative_path

    bases = ["/", "/srv", "/srv/site", "/srv/site/news", "/srv/sit", "//net/share", "/srv/site.d"]
    reals = ["/", "/srv", "/srv/site", "/srv/site/a.md", "/srv/site/news/b.md", "/srv/sites/a.md", "/srv/site.d/a.md",
             "/srv/sitea", "/other/site/a.md", "//net/share/a.md", "/srv/site/ü/ñ.md", "/srv/site/-x.md"]
    for base in bases:
        for real in reals:
            try:
                expected = PurePosixPath(Path(real).relative_to(base)).as_posix()
            except ValueError:
                expected = PurePosixPath(real).as_posix()
            assert relative_path(real, base) == expected, (real, base)


def test_globs_match_as_one_by_one_fnmatch_says() -> None:
    import fnmatch
    import random

    from lint.config import DEFAULT_EXCLUDE, DEFAULT_INCLUDE, matches_any

    def one_by_one(rel_path: str, globs: tuple[str, ...]) -> bool:  # the rules of matches_any, glob by glob
        parts = rel_path.split("/")
        tails = ["/".join(parts[i:]) for i in range(len(parts))]
        for pattern in globs:
            anchored = pattern.startswith("/")
            body = pattern.lstrip("/")
            candidates = tails[:1] if anchored else tails
            if body.endswith("/"):
                folder = body.rstrip("/")
                if "/" not in folder and not anchored:
                    if any(fnmatch.fnmatchcase(p, folder) for p in parts[:-1]):
                        return True
                elif any(fnmatch.fnmatchcase(tail, folder + "/*") for tail in candidates):
                    return True
            elif "/" not in body and not anchored:
                if fnmatch.fnmatchcase(parts[-1], body):
                    return True
            elif any(fnmatch.fnmatchcase(t, glob) for t in candidates for glob in (body, body.replace("**/", ""))):
                return True
        return False

    pool = [*DEFAULT_EXCLUDE, *DEFAULT_INCLUDE, "drafts/", "/opinion/**", "news/**/*.md", "a/b/", "*.md", "", "/",
            "//x/", "[ab]*/", "news/*", "**/*.txt", "x?y/", "/a/b/*.md", "opinion/**", "[!.]*.md"]
    words = ["news", "drafts", "public", "opinion", "a", "b", "x1y", "node_modules", ".git", "_site", "docs",
             "CHANGELOG.md", "a.md", "b.txt", "c.html", ".hidden.md", "x", ""]
    chance = random.Random(14)
    for _ in range(5000):
        globs = tuple(chance.sample(pool, chance.randint(1, 8)))
        path = "/".join(chance.choice(words) for _ in range(chance.randint(1, 5)))
        assert matches_any(path, globs) is one_by_one(path, globs), (path, globs)
