"""Trust boundaries (issue 17): articles, configs and file names from a pull request.

Each section is one numbered point of the issue; every test reproduces the attack on a fixture
written here and asserts what newslint does instead. Runs go through the real command line in
a subprocess (as in CI or a pre-commit hook) wherever the process itself is part of the attack.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import findings, located
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.safe_yaml import YamlError, YamlLimits, load_yaml

CHECKOUT = Path(__file__).resolve().parent.parent
GUARD_SECONDS = 120  # not a timing assertion: only stops a hung run from hanging CI
MEMORY_CAP = 1_500_000_000  # bytes of address space for runs that used to grow without end


@dataclass
class Run:
    code: int
    out: str
    err: str


def newslint(cwd: Path, *args: str, env: dict[str, str] | None = None, command: str = "check",
             cap_memory: bool = False, stdin: bytes | None = None) -> Run:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))

    # The runner's own GITHUB_ACTIONS must not change what a test sees; tests that need it pass it.
    inherited = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NEWSLINT_NO_PLUGINS")}
    full_env = {**inherited, "NO_COLOR": "1", **(env or {})}
    extra = ("--no-cache", "--jobs", "1") if command == "check" else ()
    proc = subprocess.run(
        [sys.executable, "-m", "lint", command, *extra, *args], cwd=cwd, capture_output=True, env=full_env,
        timeout=GUARD_SECONDS, preexec_fn=limit if cap_memory else None, input=stdin,
    )
    return Run(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))


def no_traceback(run: Run) -> None:
    assert "Traceback" not in run.err and "Traceback" not in run.out, run.err


# -- 1. one safe YAML loader: front matter and configs ------------------------------------------

def alias_bomb(levels: int, key: str = "newslint: {disable: *%s}") -> str:
    """Each level lists the one before nine times: 9**levels values from a few hundred bytes."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    lines.append(key % f"a{levels - 1}")
    return "\n".join(lines) + "\n"


def test_front_matter_aliases_are_a_parse_error_at_their_line() -> None:
    text = "---\n" + alias_bomb(4) + "---\n\n# Vote\n\nThe council voted.\n"
    found = findings(text, select=("parse-error",))
    assert located(found) == [("parse-error", 3, 1, 3, 1)]
    assert found[0].message == (
        "front matter is not valid YAML: uses the alias *a0; aliases are not allowed (write the value out)"
    )


def test_front_matter_alias_bomb_does_not_exhaust_memory(tmp_path: Path) -> None:
    text = "---\n" + alias_bomb(9) + "---\n\n# Vote\n\nThe council voted.\n"
    assert len(text) < 600
    (tmp_path / "bomb.md").write_text(text, encoding="utf-8")
    (tmp_path / "good.md").write_text("# Vote\n\nThe council added TK dollars.\n", encoding="utf-8")
    run = newslint(tmp_path, "bomb.md", "good.md", cap_memory=True)
    no_traceback(run)
    assert run.code == 1
    assert "bomb.md:3:1: error [parse-error] front matter is not valid YAML: uses the alias *a0" in run.out
    assert "good.md:3:19: error [placeholder-text]" in run.out  # the run went on


def test_front_matter_nested_too_deep_or_too_big_is_a_parse_error() -> None:
    deep = "---\nx: " + "[" * 100 + "]" * 100 + "\n---\n\nText.\n"
    assert [f.message for f in findings(deep, select=("parse-error",))] == [
        "front matter is not valid YAML: is nested more than 64 levels deep"
    ]
    deeper = "---\nx: " + "[" * 20000 + "]" * 20000 + "\n---\n\nText.\n"  # libyaml itself stops this one
    assert [f.message for f in findings(deeper, select=("parse-error",))] == [
        "front matter is not valid YAML: exceeded maximum nesting depth"
    ]
    toml = "+++\nx = " + "[" * 5000 + "]" * 5000 + "\n+++\n\nText.\n"
    assert [f.message for f in findings(toml, select=("parse-error",))] == [
        "front matter is not valid TOML: nested too deeply"
    ]
    bad_date = "---\ndate: 2024-02-30\n---\n\nText.\n"
    assert [f.message for f in findings(bad_date, select=("parse-error",))] == [
        "front matter is not valid YAML: a value cannot be read (day is out of range for month)"
    ]


def test_loader_limits() -> None:
    assert load_yaml("a: [1, 2]\nb: {c: d}\n")[0] == {"a": [1, 2], "b": {"c": "d"}}
    for text, limits, problem, line in (
        ("a: &x 1\nb: *x\n", YamlLimits(), "uses the alias *x; aliases are not allowed (write the value out)", 2),
        ("a: [1, 2, 3]\n", YamlLimits(max_nodes=3), "has more than 3 values", 1),
        ("a:\n  b:\n    c: 1\n", YamlLimits(max_depth=2), "is nested more than 2 levels deep", 3),
        ("a: 1\n", YamlLimits(max_chars=3), "is longer than the limit of 3 characters", None),
        ("n: " + "9" * 5000 + "\n", YamlLimits(), "a value cannot be read", None),
        ("a: !!python/object:os.system x\n", YamlLimits(), "could not determine a constructor", 1),
    ):
        try:
            load_yaml(text, limits)
        except YamlError as err:
            assert err.problem.startswith(problem), err.problem
            assert err.line == line
        else:
            raise AssertionError(f"{text!r} was accepted")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab -[]{}:?*&,!\n", max_size=24), st.integers(1, 12), st.integers(1, 5))
def test_texts_that_skip_the_event_check_break_no_limit(text: str, max_nodes: int, max_depth: int) -> None:
    import yaml

    from lint.safe_yaml import _check_events, _within_limits_by_its_characters

    limits = YamlLimits(max_nodes=max_nodes, max_depth=max_depth)
    if not _within_limits_by_its_characters(text, limits):
        return
    try:
        _check_events(text, limits)  # what the skipped check would have said: nothing
    except yaml.YAMLError:
        pass  # not YAML at all: building it fails the same way


def test_a_short_front_matter_is_read_without_the_event_check(monkeypatch: pytest.MonkeyPatch) -> None:
    from lint import safe_yaml

    def refuse(text: str, limits: YamlLimits) -> None:
        raise AssertionError("the events were checked")

    monkeypatch.setattr(safe_yaml, "_check_events", refuse)
    assert load_yaml("title: Council votes\ntags: [budget]\n")[0] == {"title": "Council votes", "tags": ["budget"]}
    with pytest.raises(AssertionError):
        load_yaml("a: &x 1\nb: *x\n")  # an alias may be there: checked


def test_config_alias_bomb_is_one_error_line_exit_2(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text(alias_bomb(9, "glossary: *%s"), encoding="utf-8")
    (tmp_path / "a.md").write_text("# Vote\n\nThe council voted.\n", encoding="utf-8")
    run = newslint(tmp_path, "a.md", cap_memory=True)
    no_traceback(run)
    assert run.code == 2
    assert run.err.strip().splitlines() == [
        f"newslint: error: {tmp_path / '.newslint.yaml'}:2: config is not valid YAML: uses the alias *a0; "
        "aliases are not allowed (write the value out)"
    ]


def test_config_nested_thousands_deep_is_one_error_line(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text("glossary:\n" + "- " * 3000 + "x\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("# Vote\n\nThe council voted.\n", encoding="utf-8")
    run = newslint(tmp_path, "a.md")
    no_traceback(run)
    assert run.code == 2
    config = tmp_path / ".newslint.yaml"
    problem = "config is not valid YAML: is nested more than 64 levels deep"
    assert run.err.strip() == f"newslint: error: {config}:2: {problem}"


def test_long_extends_chain_is_one_error_line(tmp_path: Path) -> None:
    for i in range(1500):
        (tmp_path / f"c{i}.yaml").write_text(f"extends: c{i + 1}.yaml\n" if i < 1499 else "{}\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("# Vote\n\nThe council voted.\n", encoding="utf-8")
    run = newslint(tmp_path, "--config", "c0.yaml", "a.md")
    no_traceback(run)
    assert run.code == 2
    assert run.err.strip() == f"newslint: error: {tmp_path / 'c31.yaml'}: extends chain is more than 32 files deep"


# -- 7. crashes are exit 3 with one line, never "findings" ------------------------------------

GOOD = "# Vote\n\nThe council added TK dollars.\n"
GOOD_FINDING = "good.md:3:19: error [placeholder-text]"
_TK_FINDING = "error [placeholder-text] Placeholder “TK” left in the copy: put in the real text before publishing."


def test_symlink_loop_in_a_folder_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "a.md").symlink_to("b.md")
    (tmp_path / "b.md").symlink_to("a.md")
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    for args in ((".",), ("a.md", "good.md"), ("--fix", "."), ("--write-baseline", "base.json", ".")):
        run = newslint(tmp_path, *args)
        no_traceback(run)
        assert run.code == 2, args
        assert "a.md: error: symbolic link loop (the links point at each other)" in run.err.splitlines()
    assert GOOD_FINDING in newslint(tmp_path, ".").out


def _poison_cache(cache: Path, text: str) -> int:
    entries = list(cache.rglob("*.json"))
    for entry in entries:
        entry.write_text(text, encoding="utf-8")
    return len(entries)


def test_damaged_cache_entries_are_misses(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    cache = tmp_path / "cache"
    first = subprocess.run([sys.executable, "-m", "lint", "check", "--cache-dir", str(cache), "good.md"],
                           cwd=tmp_path, capture_output=True, text=True, timeout=GUARD_SECONDS)
    assert first.returncode == 1
    entry = {"path": "good.md", "format": "markdown", "words": 5, "metrics": {}, "findings": [
        {"rule": "placeholder-text", "category": "placeholder", "severity": "error", "span": [0, 1],
         "message": "m", "fix": None, "path": "good.md", "pos": "abcd"}]}
    import json

    for poison in ("[" * 100_000, json.dumps(entry), json.dumps({**entry, "words": "many"}),
                   json.dumps({**entry, "findings": [{**entry["findings"][0], "pos": [1, 1, 1, 1], "message": 7}]}),
                   '{"path": "good.md", "format": "markdown", "words": NaN, "metrics": {}, "findings": []}'):
        assert _poison_cache(cache, poison) == 1
        again = subprocess.run([sys.executable, "-m", "lint", "check", "--cache-dir", str(cache), "good.md"],
                               cwd=tmp_path, capture_output=True, text=True, timeout=GUARD_SECONDS)
        assert "Traceback" not in again.stderr, again.stderr
        assert again.returncode == 1, poison[:40]
        assert GOOD_FINDING in again.stdout


def test_damaged_baselines_are_one_line_exit_2(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    entry = '{"path": "good.md", "rule": "placeholder-text", "fingerprint": "x", "count": %s}'
    for body, problem in (
        ("[" * 100_000, "not a newslint baseline: nested too deeply"),
        ('{"tool": "newslint", "version": 1, "findings": [%s]}' % (entry % "Infinity"),
         "not a newslint baseline: Infinity is not a count"),
        ('{"tool": "newslint", "version": 1, "findings": [%s]}' % (entry % "1e400"),
         "damaged baseline entry (finding 1)"),
        ('{"tool": "newslint", "version": 1, "findings": [%s]}' % (entry % "-3"),
         "damaged baseline entry (finding 1)"),
        ('{"tool": "newslint", "version": 1, "findings": [7]}', "damaged baseline entry (finding 1)"),
    ):
        (tmp_path / "base.json").write_text(body, encoding="utf-8")
        run = newslint(tmp_path, "--baseline", "base.json", "good.md")
        no_traceback(run)
        assert run.code == 2, body[:60]
        assert run.err.strip() == f"newslint: error: base.json: {problem}"


def test_internal_error_is_one_line_exit_3_and_debug_shows_the_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import lint.engine
    from lint.cli import main

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(lint.engine, "lint_targets", broken)
    monkeypatch.delenv("NEWSLINT_DEBUG", raising=False)
    for args, traceback in ((["check", "--no-cache", "good.md"], False),
                            (["check", "--debug", "--no-cache", "good.md"], True),
                            (["--debug", "check", "--no-cache", "good.md"], True)):
        with pytest.raises(SystemExit) as stop:
            main(args)
        assert stop.value.code == 3
        err = capsys.readouterr().err
        assert err.splitlines()[-1] == (
            "newslint: internal error: ZeroDivisionError: division by zero "
            "(a bug in newslint; run again with --debug for the traceback and please report it)"
        )
        assert ("Traceback (most recent call last)" in err) is traceback


CRASHING_PLUGIN = '''
import multiprocessing, os, signal
from lint.checks.base import Check
from lint.findings import Severity

class Crash(Check):
    id = "crash-test"
    category = "structure"
    severity = Severity.ERROR
    summary = "crashes on purpose"

    def run(self, doc, options, house):
        if os.environ.get("CRASH_MODE") == "kill" and multiprocessing.parent_process() is not None:
            os.kill(os.getpid(), signal.SIGKILL)
        if os.environ.get("CRASH_MODE") == "raise":
            raise KeyError("boom")
        return iter(())
'''


def test_a_crashing_check_or_a_killed_worker_is_exit_3(tmp_path: Path) -> None:
    (tmp_path / "crash.py").write_text(CRASHING_PLUGIN, encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("plugins: [crash.py]\n", encoding="utf-8")
    for i in range(6):
        (tmp_path / f"a{i}.md").write_text(GOOD, encoding="utf-8")
    run = newslint(tmp_path, ".", env={"CRASH_MODE": "raise"})
    no_traceback(run)
    assert run.code == 3
    assert "a0.md: error: check crash-test failed: KeyError: 'boom'" in run.err.splitlines()
    proc = subprocess.run([sys.executable, "-m", "lint", "check", "--no-cache", "--jobs", "2", "."], cwd=tmp_path,
                          capture_output=True, text=True, env={**os.environ, "CRASH_MODE": "kill"},
                          timeout=GUARD_SECONDS)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 3


# -- 9. smaller gaps ------------------------------------------------------------------------------

def test_invalid_extra_pattern_is_a_config_error_at_its_line(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text(
        'checks:\n  placeholder-text:\n    extra_patterns: ["(unclosed"]\n', encoding="utf-8")
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    run = newslint(tmp_path, "good.md")
    assert run.code == 2
    assert run.err.strip() == (
        f"newslint: error: {tmp_path / '.newslint.yaml'}:3: check 'placeholder-text': extra_patterns: "
        "invalid regular expression '(unclosed': missing ) at position 9"
    )


def test_extra_patterns_share_one_time_budget_per_article(monkeypatch: pytest.MonkeyPatch) -> None:
    from helpers import lint as lint_one

    import lint.user_patterns

    clock = iter(range(0, 10_000))  # each reading of the clock is 0.2 s later: a slow pattern
    monkeypatch.setattr(lint.user_patterns, "monotonic", lambda: next(clock) * 0.2, raising=False)
    text = "# Title\n\n" + "".join(f"Paragraph {i} says FIXME.\n\n" for i in range(20))
    result = lint_one(text, settings={"checks": {"placeholder-text": {"extra_patterns": ["FIXME"]}}},
                  select=("placeholder-text",))
    assert result.warnings == [
        "placeholder-text: pattern 'FIXME' took over 0.5 s and was stopped "
        "(simplify the extra_patterns entry in the config)"
    ]
    assert [f.line for f in result.findings] == [3]  # found before the budget ran out


# -- 3. article text, file names and config values are printed escaped --------------------------

def test_control_characters_in_an_article_are_escaped_in_the_text_report(tmp_path: Path) -> None:
    (tmp_path / "inj.md").write_bytes(b"Vote \x1b[2J\x1b]0;PWNED\x07 results.\n")
    run = newslint(tmp_path, "--select", "invisible-character", "inj.md")
    assert "\x1b" not in run.out and "\x07" not in run.out
    assert run.out.splitlines()[0] == (
        "inj.md:1:6: warning [invisible-character] Hidden control character (U+001B) in "
        "“\u25af[2J\u25af]0;PWNED\\x07” (shown as \u25af): delete it. (safe fix: delete the character (U+001B))"
    )


def test_bidi_controls_are_shown_by_code_point() -> None:
    from lint.printable import printable

    assert printable("Paid \u202etnuocca\u202c now\u2066x\u2069") == "Paid U+202EtnuoccaU+202C nowU+2066xU+2069"
    assert printable("tab\tkept, line\nbroken, nel\x85, sep\u2028, del\x7f") == \
        "tab\tkept, line\\nbroken, nel\\x85, sepU+2028, del\\x7f"


def test_workflow_commands_in_articles_are_neutralised(tmp_path: Path) -> None:
    (tmp_path / "head.md").write_text("# Intro\n\nText here.\n\n## Budget ##[error]forged\n", encoding="utf-8")
    run = newslint(tmp_path, "--select", "empty-section", "head.md")
    assert "##[" not in run.out
    assert "“Budget ##\\[error]forged”" in run.out.splitlines()[0]
    (tmp_path / "diff.md").write_text("# T\n\n::error::forged\nThe vote in illinois ##[set-env]x passed.\n",
                                      encoding="utf-8")
    run = newslint(tmp_path, "--diff", "diff.md")
    assert run.out.splitlines()[3:] == [
        " # T",
        " ",
        " \\::error::forged",
        "-The vote in illinois ##\\[set-env]x passed.",
        "+The vote in Illinois ##\\[set-env]x passed.",
    ]


def test_file_names_are_escaped_in_findings_and_errors(tmp_path: Path) -> None:
    (tmp_path / "a\nb.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "::warning::x\x1b[2J.md").write_bytes(b"\x00binary")
    (tmp_path / "caf\xe9.md".encode("latin-1").decode("utf-8", "surrogateescape")).write_text(GOOD, encoding="utf-8")
    run = newslint(tmp_path, "--select", "placeholder-text", ".")
    assert run.code == 2
    escaped = "\\::warning::x\\x1b[2J.md: error: binary file (contains NUL bytes), not an article"
    assert run.err.splitlines() == [escaped]
    assert run.out.splitlines()[:2] == [
        f"a\\nb.md:3:19: {_TK_FINDING}",
        f"caf\\xe9.md:3:19: {_TK_FINDING}",
    ]


def test_github_annotations_escape_control_characters(tmp_path: Path) -> None:
    (tmp_path / "bidi.md").write_text("# Intro\n\nText here.\n\n## Budget \u202egnirps\x1b[2J\n", encoding="utf-8")
    run = newslint(tmp_path, "--select", "empty-section", "--format", "github", "bidi.md")
    assert "\u202e" not in run.out and "\x1b" not in run.out
    assert run.out.startswith(
        "::warning file=bidi.md,line=5,col=1,endLine=5,endColumn=22,title=newslint (empty-section)::"
        "the section “Budget U+202Egnirps\\x1b[2J” has no text"
    )


def test_diff_lines_end_at_line_feeds_only(tmp_path: Path) -> None:
    (tmp_path / "sep.md").write_text("# T\n\nA line\u2028with a separator, a NEL\x85 and a lone\rCR in illinois.\nEnd.",
                                     encoding="utf-8")
    run = newslint(tmp_path, "--diff", "sep.md")
    assert run.out.splitlines()[2:] == [
        "@@ -1,4 +1,4 @@",
        " # T",
        " ",
        "-A lineU+2028with a separator, a NEL\\x85 and a lone\\rCR in illinois.",
        "+A lineU+2028with a separator, a NEL and a lone\\rCR in Illinois.",  # and the NEL removed
        " End.",
        "\\ No newline at end of file",
    ]


def test_a_file_of_cr_line_endings_has_lines_and_keeps_them_when_fixed(tmp_path: Path) -> None:
    (tmp_path / "mac.md").write_bytes(b"# Title\r\rThe vote in illinois passed.\r\rSecond TK para.\r")
    run = newslint(tmp_path, "--select", "proper-noun-case,placeholder-text", "mac.md")
    assert [line.split(" ")[0] for line in run.out.splitlines()[:2]] == ["mac.md:3:13:", "mac.md:5:8:"]
    newslint(tmp_path, "--fix", "mac.md")
    assert (tmp_path / "mac.md").read_bytes() == b"# Title\r\rThe vote in Illinois passed.\r\rSecond TK para.\r"


def test_a_file_name_that_is_not_utf8_gives_valid_reports(tmp_path: Path) -> None:
    import json

    name = b"caf\xe9.md".decode("utf-8", "surrogateescape")
    (tmp_path / name).write_text(GOOD, encoding="utf-8")
    for fmt in ("json", "sarif", "gitlab"):
        proc = subprocess.run([sys.executable, "-m", "lint", "check", "--no-cache", "--format", fmt, "."],
                              cwd=tmp_path, capture_output=True, timeout=GUARD_SECONDS)
        assert proc.returncode == 1, proc.stderr
        data = json.loads(proc.stdout.decode("utf-8"))  # strict: the output is valid UTF-8
        if fmt == "json":
            assert data["findings"][0]["path"] == "caf\\xe9.md"
        elif fmt == "sarif":
            location = data["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
            assert location["uri"] == "caf%E9.md"  # the file's own bytes
        else:
            assert data[0]["location"]["path"] == "caf\\xe9.md"


# -- 2. configs cannot run code from anywhere ----------------------------------------------------

EVIL = '''
from pathlib import Path
Path(__file__).with_name("RAN").write_text("plugin code ran", encoding="utf-8")
from lint.checks.base import Check
from lint.findings import Severity

class Evil(Check):
    id = "evil"
    category = "structure"
    severity = Severity.ERROR
    summary = "runs code"

    def run(self, doc, options, house):
        return iter(())
'''


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "content" / "sub").mkdir(parents=True)
    (repo / "content" / "sub" / "a.md").write_text(GOOD, encoding="utf-8")
    return repo


def test_no_plugins_flag_and_environment_keep_plugin_files_from_running(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    sub = repo / "content" / "sub"
    (sub / "evil.py").write_text(EVIL, encoding="utf-8")
    (sub / ".newslint.yaml").write_text("plugins: [evil.py]\nchecks:\n  evil: {severity: warning}\n", encoding="utf-8")
    for args, env in ((("--no-plugins", "content"), None), (("content",), {"NEWSLINT_NO_PLUGINS": "1"})):
        run = newslint(repo, *args, env=env)
        no_traceback(run)
        assert not (sub / "RAN").exists()
        assert run.code == 1  # the article is linted as usual
        assert "content/sub/a.md:3:19: error [placeholder-text]" in run.out
        assert run.err.splitlines() == [
            f"newslint: warning: {sub / '.newslint.yaml'}: plugins not loaded (--no-plugins or NEWSLINT_NO_PLUGINS): "
            "evil.py"
        ]
    for command in ("rules", "explain placeholder-text"):
        run = newslint(sub, *command.split()[1:], "--no-plugins", command=command.split()[0])
        assert run.code == 0 and not (sub / "RAN").exists(), run.err
    run = newslint(repo, "content")  # trusted checkouts still load their plugins
    assert run.code == 1 and (sub / "RAN").exists()


def test_plugin_paths_must_stay_inside_the_repository(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "evil.py").write_text(EVIL, encoding="utf-8")
    (repo / "content" / "link.py").symlink_to(outside / "evil.py")
    for name in ("../../outside/evil.py", str(outside / "evil.py"), "link.py"):
        (repo / "content" / ".newslint.yaml").write_text(f"plugins: [{name!r}]\n", encoding="utf-8")
        run = newslint(repo, "content")
        no_traceback(run)
        assert not (outside / "RAN").exists(), name
        assert run.code == 2
        assert run.err.splitlines() == [
            f"{repo / 'content' / '.newslint.yaml'}:1: error: plugin {name!r} is outside {repo}; plugin files must be "
            "inside the config's repository (or its folder)"
        ]


def test_config_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (tmp_path / "evil.py").write_text(EVIL, encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("plugins: [evil.py]\nchecks:\n  placeholder-text: false\n",
                                             encoding="utf-8")
    run = newslint(repo, "content")
    assert not (tmp_path / "RAN").exists()
    assert run.code == 1 and "[placeholder-text]" in run.out  # the parent folder's config did not apply
    run = newslint(repo / "content", "sub/a.md")  # from inside: the same
    assert not (tmp_path / "RAN").exists() and run.code == 1


def test_outside_git_the_search_stops_at_the_working_folder(tmp_path: Path) -> None:
    work = tmp_path / "desk"
    (work / "news").mkdir(parents=True)
    (work / "news" / "a.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("checks:\n  placeholder-text: false\n", encoding="utf-8")
    assert newslint(work, "news").code == 1  # the config above the working folder is not used
    (work / ".newslint.yaml").write_text("checks:\n  placeholder-text: false\n", encoding="utf-8")
    assert newslint(work, "news").code == 0  # the working folder's own is


# -- 4. file names from git are paths, never options ---------------------------------------------

def test_precommit_hook_passes_staged_names_after_double_dash(tmp_path: Path) -> None:
    import yaml

    hook = yaml.safe_load((CHECKOUT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    (tmp_path / "README.md").write_text("# Readme\n", encoding="utf-8")
    (tmp_path / "--output=README.md").write_text(GOOD, encoding="utf-8")
    # As pre-commit runs a hook: entry, then args, then the staged file names.
    entry = hook["entry"].split()
    assert entry[0] == "newslint"
    argv = [sys.executable, "-m", "lint", *entry[1:], "--no-cache", *hook["args"], "--output=README.md", "README.md"]
    proc = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=GUARD_SECONDS)
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "# Readme\n"
    assert proc.returncode == 1
    assert "--output=README.md:3:19: error [placeholder-text]" in proc.stdout


def _action_step(name: str) -> dict[str, object]:
    import yaml

    action = yaml.safe_load((CHECKOUT / "action.yml").read_text(encoding="utf-8"))
    return next(step for step in action["runs"]["steps"] if step.get("name") == name)


def test_action_passes_each_path_line_as_one_argument_after_double_dash(tmp_path: Path) -> None:
    fake = tmp_path / "bin" / "newslint"
    fake.parent.mkdir()
    # Records each call's arguments, one per line, and a line "=" after each call.
    fake.write_text('#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done >> "$ARGV_FILE"\necho = >> "$ARGV_FILE"\n'
                    'exit "$FAKE_EXIT"\n', encoding="utf-8")
    fake.chmod(0o755)
    script = str(_action_step("Run newslint")["run"])
    paths = ["content/a b.md", "--output=README.md", "content/$(touch pwned).md"]
    for fake_exit, step_exit in (("0", 0), ("1", 0), ("2", 2), ("3", 3)):
        (tmp_path / "argv").unlink(missing_ok=True)
        env = {"PATH": f"{fake.parent}:{os.environ['PATH']}", "ARGV_FILE": str(tmp_path / "argv"),
               "FAKE_EXIT": fake_exit, "GITHUB_OUTPUT": str(tmp_path / "out"), "NEWSLINT_SARIF": "n.sarif",
               "NEWSLINT_UPLOAD_SARIF": "true", "NEWSLINT_FORK": "false", "RUNNER_TEMP": str(tmp_path),
               "NEWSLINT_ARGS": "--changed --base origin/main",
               "NEWSLINT_PATHS": "content/a b.md\n--output=README.md\n\ncontent/$(touch pwned).md\r\n"}
        proc = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=GUARD_SECONDS)
        assert proc.returncode == step_exit, (fake_exit, proc.stderr)
        calls = (tmp_path / "argv").read_text(encoding="utf-8").split("=\n")[:-1]
        assert len(calls) == 3  # the log, the annotations, the SARIF report
        for call in calls:
            argv = call.splitlines()
            assert argv[argv.index("--"):] == ["--", *paths]
            assert argv[argv.index("--") - 3: argv.index("--")] == ["--changed", "--base", "origin/main"]
    assert not (tmp_path / "pwned").exists()
    assert "NEWSLINT_NO_PLUGINS" in _action_step("Run newslint")["env"]  # plugins off unless asked for


# -- 5. the cache never hides articles from git ----------------------------------------------------

def test_cache_marker_only_in_folders_newslint_creates(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    for cache_dir in (".", "existing"):
        (tmp_path / "existing").mkdir(exist_ok=True)
        proc = subprocess.run([sys.executable, "-m", "lint", "check", "--cache-dir", cache_dir, "a.md"], cwd=tmp_path,
                              capture_output=True, text=True, timeout=GUARD_SECONDS)
        assert proc.returncode == 1
        assert not (tmp_path / cache_dir / ".gitignore").exists()
        assert (tmp_path / cache_dir / lint_version() / ".gitignore").read_text(encoding="utf-8").endswith("*\n")
    proc = subprocess.run([sys.executable, "-m", "lint", "check", "a.md"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=GUARD_SECONDS, env={**os.environ, "NEWSLINT_CACHE_DIR": "new/cache"})
    assert (tmp_path / "new" / "cache" / ".gitignore").exists()  # newslint made it: all of it is ignored
    assert not (tmp_path / "new" / ".gitignore").exists()


def lint_version() -> str:
    from lint import __version__

    return __version__


# -- 6. --fix writes only what it read, only inside the tree, as the file was -----------------------

FIXABLE = "# Vote\n\nThe vote in illinois passed.\n"
FIXED_TEXT = "# Vote\n\nThe vote in Illinois passed.\n"


def test_fix_keeps_an_edit_saved_while_it_ran(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    import lint.fix
    from lint.cli import main

    story = tmp_path / "story.md"
    story.write_text(FIXABLE, encoding="utf-8")
    real_fix_text = lint.fix.fix_text

    def slow_fix_text(*args: object, **kwargs: object) -> object:
        answer = real_fix_text(*args, **kwargs)
        with open(story, "a", encoding="utf-8") as handle:  # the editor saves meanwhile
            handle.write("A line the reporter added.\n")
        return answer

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(lint.fix, "fix_text", slow_fix_text)
    with pytest.raises(SystemExit) as exited:
        main(["check", "--no-cache", "--fix", "story.md"])
    assert exited.value.code == 2  # the fixes were not written: an input error, not just findings
    assert story.read_text(encoding="utf-8") == FIXABLE + "A line the reporter added.\n"
    assert "story.md: error: the file changed while it was being fixed; fixes not written (run --fix again)" in \
        capsys.readouterr().err.splitlines()


def test_fix_never_writes_through_a_link_leading_out_of_the_repository(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    outside = tmp_path / "outside.md"
    outside.write_text(FIXABLE, encoding="utf-8")
    inside = repo / "content" / "inside.md"
    inside.write_text(FIXABLE, encoding="utf-8")
    (repo / "content" / "out-link.md").symlink_to(outside)
    (repo / "content" / "in-link.md").symlink_to(inside)
    run = newslint(repo, "--fix", "content/out-link.md", "content/in-link.md")
    assert outside.read_text(encoding="utf-8") == FIXABLE
    assert inside.read_text(encoding="utf-8") == FIXED_TEXT and (repo / "content" / "in-link.md").is_symlink()
    refused = f"content/out-link.md: error: is a symbolic link to {outside}, outside {repo}; not fixed"
    assert refused in run.err.splitlines()
    assert run.code == 2
    # --diff shows what it would do and says the same, exit 2 too
    run = newslint(repo, "--diff", "content/out-link.md")
    assert run.code == 2 and outside.read_text(encoding="utf-8") == FIXABLE


def test_fix_refuses_a_read_only_file(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text(FIXABLE, encoding="utf-8")
    story.chmod(0o444)
    run = newslint(tmp_path, "--fix", "story.md")
    assert story.read_text(encoding="utf-8") == FIXABLE and oct(story.stat().st_mode & 0o777) == "0o444"
    assert "story.md: error: the file is read-only; fixes not written" in run.err.splitlines()
    assert run.code == 2


def test_fix_keeps_the_owner_or_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    from lint.cli import main

    story = tmp_path / "story.md"
    story.write_text(FIXABLE, encoding="utf-8")
    story.chmod(0o664)
    monkeypatch.chdir(tmp_path)
    if os.geteuid() == 0:  # root can give the fixed file back to its owner: it must
        os.chown(story, 4242, 4343)
        with pytest.raises(SystemExit):
            main(["check", "--no-cache", "--fix", "story.md"])
        assert story.read_text(encoding="utf-8") == FIXED_TEXT
        assert (story.stat().st_uid, story.stat().st_gid, story.stat().st_mode & 0o777) == (4242, 4343, 0o664)
        story.write_text(FIXABLE, encoding="utf-8")
        os.chown(story, 0, 0)
        capsys.readouterr()

    def refused(*args: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    # Anyone else cannot: the fix is refused rather than hand the file to whoever ran newslint.
    monkeypatch.setattr(os, "chown", refused)
    real_fstat = os.fstat
    monkeypatch.setattr(os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:4], 9999, *real_fstat(fd)[5:])))
    with pytest.raises(SystemExit):
        main(["check", "--no-cache", "--fix", "story.md"])
    assert story.read_text(encoding="utf-8") == FIXABLE
    assert ("story.md: error: the file belongs to another user or group, and the fixed copy would not; "
            "fixes not written") in capsys.readouterr().err.splitlines()


def test_fix_says_when_it_splits_a_hard_link(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text(FIXABLE, encoding="utf-8")
    os.link(story, tmp_path / "copy.txt")
    run = newslint(tmp_path, "--fix", "story.md")
    assert story.read_text(encoding="utf-8") == FIXED_TEXT
    assert (tmp_path / "copy.txt").read_text(encoding="utf-8") == FIXABLE
    assert "story.md: warning: had 1 other hard link: they keep the old text (the fixed file is a new one)" in \
        run.err.splitlines()


# -- 8. folders that cannot be read are errors, never a silent "All clear" -------------------------

def test_an_unreadable_folder_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    from lint.cli import main

    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.md").write_text("# Fine\n\nAll good here.\n", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.md").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:  # as for a folder without read permission (tests may run as root)
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(SystemExit) as stop:
        main(["check", "--no-cache", "--jobs", "1", "."])
    assert stop.value.code == 2
    out, err = capsys.readouterr()
    assert "locked: error: cannot read this folder: Permission denied" in err.splitlines()
    assert "All clear" not in out


def test_a_path_too_long_for_the_system_is_an_input_error(tmp_path: Path) -> None:
    deep = os.open(tmp_path, os.O_RDONLY)
    try:
        for _ in range(24):  # 24 x 201 characters: past PATH_MAX (4,096), each level made relative to the last
            os.mkdir("d" * 200, dir_fd=deep)
            inner = os.open("d" * 200, os.O_RDONLY, dir_fd=deep)
            os.close(deep)
            deep = inner
        with open(os.open("story.md", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=deep), "w", encoding="utf-8") as f:
            f.write(GOOD)
    finally:
        os.close(deep)
    run = newslint(tmp_path, ".")
    no_traceback(run)
    assert run.code == 2
    assert "All clear" not in run.out
    assert [line.split(": error: ")[1] for line in run.err.splitlines()] == [
        "cannot read this folder: path too long for this system (over its PATH_MAX or NAME_MAX)"
    ]
    run = newslint(tmp_path, "x/" * 2100 + "a.md")
    no_traceback(run)
    assert run.code == 2 and run.err.strip().endswith(
        ": error: path too long for this system (over its PATH_MAX or NAME_MAX)")


def test_negative_and_nan_settings_are_config_errors(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    cfg = tmp_path / ".newslint.yaml"
    for text, line, problem in (
        ("checks:\n  sentence-length: {max_words: -5}\n", 2, "'sentence-length.max_words' must be 0 or more, not -5"),
        ("files:\n  max_size_mb: .nan\n", 2, "'files.max_size_mb' must be a finite number, not nan"),
        ("files:\n  max_seconds: .inf\n", 2, "'files.max_seconds' must be a finite number, not inf"),
        ("files:\n  max_size_mb: -1\n", 2, "'files.max_size_mb' must be 0 (no limit) or more, not -1.0"),
    ):
        cfg.write_text(text, encoding="utf-8")
        run = newslint(tmp_path, "a.md")
        assert run.code == 2, text
        assert run.err.strip() == f"newslint: error: {cfg}:{line}: {problem}"


def test_standard_input_obeys_max_size_mb(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text("files:\n  max_size_mb: 0.001\n", encoding="utf-8")
    run = newslint(tmp_path, "--stdin-filename", "story.md", "-", stdin=b"The council met. " * 200)
    no_traceback(run)
    assert run.code == 2
    assert "over the 0.001 MB limit" in run.err


def test_init_writes_valid_yaml_whatever_the_names(tmp_path: Path) -> None:
    import yaml

    run = newslint(tmp_path, "--outlet", "News: Daily #1", "--domain", "news.example", command="init")
    assert run.code == 0, run.err
    data = yaml.safe_load((tmp_path / ".newslint.yaml").read_text(encoding="utf-8"))
    assert data["outlet"] == {"name": "News: Daily #1", "domains": ["news.example"]}
    run = newslint(tmp_path, "--force", "--language", "en-GB\nplugins: [evil.py]", command="init")
    assert run.code == 2
    assert "plugins" not in (tmp_path / ".newslint.yaml").read_text(encoding="utf-8")


def test_jobs_are_capped_by_files_and_cores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import concurrent.futures

    from lint.engine import ConfigCache, discover, lint_targets

    for i in range(30):
        (tmp_path / f"a{i}.md").write_text("# Vote\n\nThe council met.\n", encoding="utf-8")
    started: list[int] = []
    real_pool = concurrent.futures.ProcessPoolExecutor

    def pool(max_workers: int, **kwargs: object) -> object:
        started.append(max_workers)
        return real_pool(max_workers=max_workers, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", pool)
    monkeypatch.chdir(tmp_path)
    targets = discover(["."], ConfigCache(None), [])
    monkeypatch.setattr(os, "cpu_count", lambda: 100)
    assert len(lint_targets(targets[:8], jobs=200)) == 8
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert len(lint_targets(targets, jobs=200)) == 30
    assert started == [7, 4]  # one per file left after the first; at most twice the cores
