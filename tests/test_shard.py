"""--shard K/N: the shards of a run cover every file exactly once, and every job agrees on the split."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint.cli import cli
from lint.config import load_config
from lint.shard import Shard, ShardError, shard_key


def _article(n: int) -> str:
    lines = [f"# Council story {n}", "", f"The council added TK dollars to plan {n}."]
    if n % 4 == 0:
        lines += ["", "The mayor said [INSERT QUOTE]."]
    if n % 5 == 0:
        lines += ["", "It rained in illinois on Tuesday."]
    return "\n".join(lines) + "\n"


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for n in range(40):
        folder = tmp_path / "content" / ("news" if n % 2 else "opinion")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"story-{n:02}.md").write_text(_article(n), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _json_run(*args: str) -> dict:
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--jobs", "1", "--format", "json", *args],
                                catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)


def _finding_keys(report: dict) -> list[tuple[str, int, int, str, str]]:
    return sorted((f["path"], f["line"], f["column"], f["rule"], f["message"]) for f in report["findings"])


def test_three_shards_give_exactly_the_full_run(archive: Path) -> None:
    full = _json_run("content")
    shards = [_json_run("--shard", f"{k}/3", "content") for k in (1, 2, 3)]
    paths = [[f["path"] for f in s["files"]] for s in shards]
    assert all(paths), "40 files should not leave a shard empty"
    assert sorted(p for part in paths for p in part) == sorted(f["path"] for f in full["files"])
    assert len({p for part in paths for p in part}) == 40  # no file in two shards
    combined = sorted(k for s in shards for k in _finding_keys(s))
    assert combined == _finding_keys(full)
    assert len(combined) >= 50


def test_the_split_is_the_same_from_any_working_folder(archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A CI job runs in a git checkout: the config search reaches the repository root from any folder.
    subprocess.run(["git", "init", "-q", str(archive)], check=True)
    (archive / ".newslint.yaml").write_text("extends: default\n", encoding="utf-8")
    from_root = {f["path"] for f in _json_run("--shard", "2/3", "content")["files"]}
    monkeypatch.chdir(archive / "content")
    from_inside = {f["path"] for f in _json_run("--shard", "2/3", ".")["files"]}
    assert from_inside and {f"content/{p}" for p in from_inside} == from_root


def test_keys_are_paths_from_the_config_root(archive: Path) -> None:
    (archive / ".newslint.yaml").write_text("extends: default\n", encoding="utf-8")
    config = load_config(archive / ".newslint.yaml")
    assert shard_key(Path("content/news/story-01.md"), config) == "content/news/story-01.md"
    assert shard_key(archive / "content" / "news" / "story-01.md", config) == "content/news/story-01.md"


def test_the_hash_does_not_change_between_versions() -> None:
    # Jobs of one CI matrix may run different newslint versions during an upgrade; the split is
    # part of the contract, so these assignments are pinned.
    keys = ("a.md", "news/b.md", "c.md", "news/2024/budget.md")
    owners = [next(k for k in (1, 2, 3) if Shard(k, 3).owns(key)) for key in keys]
    assert owners == [1, 3, 2, 1]
    assert Shard(1, 1).owns("anything.md")


@pytest.mark.parametrize("spec", ["0/3", "4/3", "1/0", "x", "1-3", "", "1/3/5"])
def test_bad_specs_are_rejected(spec: str) -> None:
    with pytest.raises(ShardError):
        Shard.parse(spec)


def test_bad_spec_and_stdin_are_one_line_usage_errors(archive: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "--shard", "4/3", "content"])
    assert result.exit_code == 2
    assert result.output.strip() == "newslint: error: --shard 4/3: K must be between 1 and N (got K=4, N=3)"
    result = CliRunner().invoke(cli, ["check", "--shard", "1/2", "-"], input="Some text.\n")
    assert result.exit_code == 2
    assert "standard input" in result.output
