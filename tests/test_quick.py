"""The `newslint` program's quick way in (lint/quick.py): a plain `check` command line read without
click gives exactly what click gives, and anything else goes to click."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from lint import quick
from lint.cli import cli

ARTICLE = "# Council delays the bridge vote\n\nThe council delayed the vote until March. TK\n"


def _clicks_values(args: list[str]) -> dict[str, object]:
    """The values click calls `check` with for `args` (the words after `check`)."""
    command = cli.commands["check"]
    with command.make_context("check", list(args)) as ctx:
        return dict(ctx.params)


@pytest.fixture()
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "one.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("fail_on: warning\n", encoding="utf-8")
    (tmp_path / "locked.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "locked.md").chmod(0)
    return tmp_path


READ_HERE = [
    [],
    ["story.md"],
    ["--no-cache", "--quiet", "story.md", "site", "missing.md", ""],
    ["-q", "story.md", "--no-cache", "--quiet"],
    ["--format", "json", "--format", "sarif", "story.md"],
    ["--fail-on", "info", "--sort", "severity", "--group-by", "category", "--statistics", "--show-source"],
    ["--select", "casing,typography", "--select", "--quiet", "--ignore", "spelling-variety", "x.md"],
    ["--jobs", "0", "-j", "007", "--color", "--no-color", "--color"],
    ["--no-color", "--changed", "--changed-lines", "--report-unused-suppressions", "--fix", "--diff"],
    ["--unsafe-fixes", "--no-plugins", "--debug", "story.md"],
    ["--config", ".newslint.yaml", "story.md"],
    ["--config", "no-such.yaml", "site"],
]
LEFT_TO_CLICK = [
    ["--help"], ["-h"], ["--", "story.md"], ["-"], ["story.md", "-"], ["--format=json", "story.md"],
    ["--format", "xml"], ["--format"], ["--jobs", "-1"], ["--jobs", "two"], ["--jobs", "٣"], ["-j2"], ["-qj", "2"],
    ["--config", "site"], ["--config", "locked.md"], ["locked.md"], ["--quiet=1"], ["--quie"], ["-x"],
    ["--output", "report.json"], ["--cache-dir", "cache"], ["--min-score", "50"], ["--base", "main"],
    ["--stdin-filename", "a.md"], ["--shard", "1/2"], ["--dask", "tcp://x:1"], ["--profile", "p.json"],
    ["--baseline", "b.json"], ["--write-baseline", "b.json"], ["nul\0.md"],
]


@pytest.mark.parametrize("args", READ_HERE, ids=" ".join)
def test_a_plain_check_command_line_gives_what_click_gives(files: Path, args: list[str]) -> None:
    values = quick.check_arguments(["check", *args])
    assert values is not None
    expected = _clicks_values(args)
    assert values == expected
    assert {k: type(v) for k, v in values.items()} == {k: type(v) for k, v in expected.items()}


@pytest.mark.parametrize("args", LEFT_TO_CLICK, ids=" ".join)
def test_anything_else_is_left_to_click(files: Path, args: list[str]) -> None:
    if os.geteuid() == 0 and "locked.md" in args:
        pytest.skip("root reads any file")
    assert quick.check_arguments(["check", *args]) is None


def test_other_commands_and_shell_completion_go_to_click(monkeypatch: pytest.MonkeyPatch) -> None:
    for args in ([], ["--version"], ["rules"], ["--debug", "check", "a.md"], ["explain", "check"]):
        assert quick.check_arguments(args) is None
    monkeypatch.setenv("_NEWSLINT_COMPLETE", "bash_complete")
    assert quick.check_arguments(["check", "a.md"]) is None


def test_the_tables_name_options_of_click_s_check_as_click_reads_them() -> None:
    options = {opt: p for p in cli.commands["check"].params for opt in (*p.opts, *p.secondary_opts)}
    for token, (name, value) in quick.FLAGS.items():
        param = options[token]
        assert isinstance(param, click.Option) and param.is_flag
        assert (param.name if param.expose_value else None) == name
        assert value == (token not in param.secondary_opts)
    for token, (name, allowed) in quick.CHOICES.items():
        param = options[token]
        assert param.name == name and isinstance(param.type, click.Choice)
        assert tuple(param.type.choices) == allowed and not param.multiple
    for token, name in quick.REPEATED.items():
        assert options[token].name == name and options[token].multiple and options[token].type is click.STRING
    assert {options[t].name for t in quick.JOBS} == {"jobs"} and isinstance(options["--jobs"].type, click.IntRange)
    assert options["--jobs"].type.min == 0 and options["--jobs"].type.max is None
    config = options[quick.CONFIG].type
    assert isinstance(config, click.Path) and not config.exists and not config.dir_okay and config.readable
    paths = next(p for p in cli.commands["check"].params if isinstance(p, click.Argument))
    assert isinstance(paths.type, click.Path) and not paths.type.exists and not paths.type.allow_dash


_RUN = """
import sys
{patch}
if sys.argv[1] == "quick":
    from lint.__main__ import run
    sys.argv[1:] = sys.argv[2:]
    run()
else:
    from lint.cli import main
    sys.argv[1:] = sys.argv[2:]
    main()
"""
_NO_CLICK = """
import atexit
atexit.register(lambda: print("click imported" if "click" in sys.modules else "no click", file=sys.stderr))
"""
_BUG = """
import lint.command
def _broken(*args, **kwargs):
    raise {error}
lint.command._lint_all = _broken
"""


def _both(args: list[str], cwd: Path, patch: str = "") -> tuple[subprocess.CompletedProcess[str], ...]:
    env = {**os.environ, "NEWSLINT_PATTERN_CACHE": "off", "NO_COLOR": "1"}
    return tuple(subprocess.run([sys.executable, "-c", _RUN.format(patch=patch), way, *args], cwd=cwd, env=env,
                                capture_output=True, text=True, timeout=120) for way in ("quick", "click"))


def test_the_quick_way_prints_and_exits_as_click_does(files: Path) -> None:
    for args in (["check", "--no-cache", "story.md", "site"], ["check", "--no-cache", "-q", "--format", "json", "site"],
                 ["check", "--no-cache", "missing.md"], ["check", "--no-cache", "--config", "bad.yaml", "story.md"],
                 ["check", "--help"], ["check", "--no-cache", "--select", "casing", "--fail-on", "info", "story.md"]):
        fast, slow = _both(args, files)
        assert (fast.returncode, fast.stdout, fast.stderr) == (slow.returncode, slow.stdout, slow.stderr), args
    (files / "clean.md").write_text("# Bridge vote\n\nThe council approved the bridge on Tuesday.\n", encoding="utf-8")
    fast, slow = _both(["check", "--no-cache", "-q", "clean.md"], files, _NO_CLICK)
    assert fast.returncode == slow.returncode == 0
    assert fast.stderr == "no click\n" and slow.stderr == "click imported\n"


@pytest.mark.parametrize("error", ['RuntimeError("boom")', "KeyboardInterrupt()", "BrokenPipeError(32, 'Broken pipe')"])
def test_what_the_run_raises_is_answered_as_click_answers_it(files: Path, error: str) -> None:
    fast, slow = _both(["check", "--no-cache", "story.md"], files, _BUG.format(error=error))
    assert (fast.returncode, fast.stdout, fast.stderr) == (slow.returncode, slow.stdout, slow.stderr)
    assert fast.returncode in (1, 3) and "Traceback" not in fast.stderr


def test_the_quick_way_prints_findings_and_the_all_clear_without_click(files: Path) -> None:
    (files / "clean.md").write_text("# Bridge vote\n\nThe council approved the bridge on Tuesday.\n", encoding="utf-8")
    for args in (["check", "--no-cache", "story.md"], ["check", "--no-cache", "clean.md"]):
        fast, slow = _both(args, files, _NO_CLICK)
        assert (fast.returncode, fast.stdout) == (slow.returncode, slow.stdout), args
        assert fast.stdout.strip() and fast.stderr.endswith("no click\n") and slow.stderr.endswith("click imported\n")


def _text_stream(encoding: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding=encoding)


def test_text_is_written_as_click_writes_it_or_left_to_click(monkeypatch: pytest.MonkeyPatch) -> None:
    from lint.command import _write_as_click_would

    stream = _text_stream("utf-8")
    monkeypatch.setattr(sys, "stdout", stream)
    assert _write_as_click_would("Café “vote”", err=False, nl=True)
    assert _write_as_click_would("no newline", err=False, nl=False)
    assert stream.buffer.getvalue() == "Café “vote”\nno newline".encode()
    # What click would change is left to it: colour codes (stripped off a terminal), an ASCII
    # stream (re-wrapped), a stream that takes bytes; nothing is written then.
    assert not _write_as_click_would("\x1b[31mred\x1b[0m", err=False, nl=True)
    ascii_stream = _text_stream("ascii")
    monkeypatch.setattr(sys, "stderr", ascii_stream)
    assert not _write_as_click_would("plain", err=True, nl=True)
    assert ascii_stream.buffer.getvalue() == b""
    monkeypatch.setattr(sys, "stdout", io.BytesIO())
    assert not _write_as_click_would("plain", err=False, nl=True)
    monkeypatch.setattr(sys, "stdout", None)  # no stream at all: nothing to print, as with click
    assert _write_as_click_would("plain", err=False, nl=True)
