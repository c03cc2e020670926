"""--fix and --diff: safe fixes only, no overlaps, stable after one run, atomic writes keeping the form."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint.atomic import TEMP_SUFFIX
from lint.cli import cli
from lint.document.span import Span
from lint.findings import Fix
from lint.fix import apply_fixes

PLUGIN = Path(__file__).resolve().parent / "plugins" / "demo_fix.py"
ARTICLE = "# Budget\n\nWe recieve teh report today.\n\nWe utilize ABCD here.\n"
FIXED = "# Budget\n\nWe receive the report today.\n\nWe utilize XD here.\n"


def fx(start: int, end: int, text: str, safe: bool = True) -> Fix:
    return Fix(Span(start, end), text, safe)


def test_overlapping_fixes_keep_the_first_and_skip_the_other():
    assert apply_fixes("abcdef", [fx(1, 4, "X"), fx(2, 5, "Y"), fx(5, 6, "Z")]) == ("aXeZ", 2)


def test_two_fixes_at_one_point_are_not_applied_together():
    assert apply_fixes("ab", [fx(1, 1, "-"), fx(1, 1, "+")]) == ("a+b", 1)
    assert apply_fixes("ab", [fx(0, 1, "A"), fx(1, 1, "-")]) == ("Ab", 1)
    assert apply_fixes("abc", [fx(0, 1, "A"), fx(1, 2, "B")]) == ("ABc", 2)


def test_identical_and_no_op_fixes_count_once_or_not_at_all():
    assert apply_fixes("teh", [fx(0, 3, "the"), fx(0, 3, "the")]) == ("the", 1)
    assert apply_fixes("the", [fx(0, 3, "the")]) == ("the", 0)


def test_a_line_break_in_a_fix_follows_the_files_line_endings():
    assert apply_fixes("a\r\nb", [fx(1, 1, "\n")], newline="\r\n") == ("a\r\n\r\nb", 1)


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copy(PLUGIN, tmp_path / PLUGIN.name)  # plugin files must be inside the config's folder
    config = f"plugins: [{PLUGIN.name}]\nfiles:\n  encodings: [cp1252]\n"
    (tmp_path / ".newslint.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "story.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "clean.md").write_text("# Clean\n\nNothing to fix here.\n", encoding="utf-8")
    return tmp_path


def check(*args: str):
    return CliRunner().invoke(cli, ["check", "--no-cache", "--select", "demo-fix", *args])


def test_fix_then_a_second_run_finds_nothing_left_to_fix(newsroom: Path):
    clean_before = os.stat("clean.md")
    first = check("--fix", ".")
    assert "Applied 3 fixes to 1 file." in first.output
    assert Path("story.md").read_text(encoding="utf-8") == FIXED
    # What is left is reported as usual: the unsafe suggestion.
    assert "story.md:5:4: warning [demo-fix] write “use”" in first.output
    assert first.exit_code == 0  # warnings do not fail the run by default
    clean_after = os.stat("clean.md")
    assert (clean_after.st_ino, clean_after.st_mtime_ns) == (clean_before.st_ino, clean_before.st_mtime_ns)
    second = check("--fix", ".")
    assert "No safe fixes to apply." in second.output
    assert Path("story.md").read_text(encoding="utf-8") == FIXED


def test_diff_shows_the_fixes_and_writes_nothing(newsroom: Path):
    result = check("--diff", ".")
    assert result.exit_code == 1
    assert Path("story.md").read_text(encoding="utf-8") == ARTICLE
    changed = [
        line for line in result.output.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    # Only the lines the fixes named, and on them only the fixed words.
    assert changed == [
        "-We recieve teh report today.",
        "+We receive the report today.",
        "-We utilize ABCD here.",
        "+We utilize XD here.",
    ]
    assert "--- a/story.md\n+++ b/story.md\n" in result.output
    assert "Would apply 3 fixes to 1 file" in result.output


def test_encoding_bom_line_endings_and_permissions_are_kept(newsroom: Path):
    cases = {
        "latin.txt": ("Café owners recieve teh rent.\r\n".encode("cp1252"), "cp1252", b""),
        "bom.md": ("Café owners recieve teh rent.\r\n".encode(), "utf-8", b"\xef\xbb\xbf"),
        "wide.txt": ("Café owners recieve teh rent.\n".encode("utf-16-le"), "utf-16-le", b"\xff\xfe"),
    }
    for name, (body, _, bom) in cases.items():
        Path(name).write_bytes(bom + body)
        os.chmod(name, 0o640)
    os.symlink("bom.md", "link.md")
    result = check("--fix", "latin.txt", "bom.md", "wide.txt", "link.md")
    # link.md is bom.md by another name: linted and fixed once.
    assert "Applied 6 fixes to 3 files." in result.output, result.output
    for name, (body, encoding, bom) in cases.items():
        data = Path(name).read_bytes()
        assert data.startswith(bom)
        expected = body.decode(encoding).replace("recieve teh", "receive the")
        assert data[len(bom) :].decode(encoding) == expected
        assert stat.S_IMODE(os.stat(name).st_mode) == 0o640
    assert Path("link.md").is_symlink()


def test_unsafe_fixes_are_never_applied(newsroom: Path):
    Path("only.md").write_text("We utilize it.\n", encoding="utf-8")
    before = os.stat("only.md").st_mtime_ns
    assert "No safe fixes to apply." in check("--fix", "only.md").output
    assert os.stat("only.md").st_mtime_ns == before


# The process is killed by a patched function at a chosen point of the third file's write.
KILLER = """
import os, signal, sys
import lint.atomic
calls = {"n": 0}
point = sys.argv[1]

def die_on_third(real):
    def wrapper(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return wrapper

class HalfWriter:
    def __init__(self, handle):
        self.handle = handle
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        self.handle.close()
    def write(self, data):
        calls["n"] += 1
        if calls["n"] == 3:
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            os.kill(os.getpid(), signal.SIGKILL)
        return self.handle.write(data)
    def __getattr__(self, name):
        return getattr(self.handle, name)

if point == "replace":
    lint.atomic.os.replace = die_on_third(os.replace)
elif point == "write":
    real_fdopen = os.fdopen
    lint.atomic.os.fdopen = lambda *a, **k: HalfWriter(real_fdopen(*a, **k))
from lint.cli import cli
cli(["check", "--no-cache", "--jobs", "1", "--select", "demo-fix", "--fix", "."])
"""


@pytest.mark.parametrize("point", ["replace", "write"])
def test_killed_mid_write_every_file_is_old_or_new_never_cut(newsroom: Path, point: str):
    os.remove("clean.md")
    originals = {}
    for i in range(6):
        text = f"# Story {i}\n\n" + "We recieve teh report today. " * (200 + i) + "\n"
        Path(f"story{i}.md").write_text(text, encoding="utf-8")
        originals[f"story{i}.md"] = text
    originals["story.md"] = ARTICLE
    proc = subprocess.run([sys.executable, "-c", KILLER, point], capture_output=True, text=True)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    states = []
    for name, old in sorted(originals.items()):
        now = Path(name).read_text(encoding="utf-8")
        new = old.replace("recieve teh", "receive the").replace("ABCD", "XD")
        assert now in (old, new), f"{name} was cut"
        states.append(now == new)
    assert states.count(True) == 2  # two files were done before the kill, the rest untouched
    # What the kill left behind is a temporary file, which is never taken for an article.
    leftovers = [p.name for p in Path(".").iterdir() if p.name.endswith(TEMP_SUFFIX)]
    assert len(leftovers) == 1
    listed = CliRunner().invoke(cli, ["check", "--no-cache", "--select", "demo-fix", "--format", "json", "."])
    assert TEMP_SUFFIX not in listed.output


def test_the_seed_article_is_fixed_in_one_run_touching_only_what_the_fixes_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import difflib

    from helpers import make_config

    from lint.engine import lint_text
    from lint.fix import safe_fixes
    from lint.results import Selection

    seeds = sorted((Path(__file__).resolve().parents[2] / "shared" / "seed").glob("*.txt"))
    if not seeds:
        pytest.skip("no ../shared/seed")
    monkeypatch.chdir(tmp_path)
    original = seeds[0].read_text(encoding="utf-8")
    Path("seed.txt").write_text(original, encoding="utf-8")
    first = CliRunner().invoke(cli, ["check", "--no-cache", "--fix", "seed.txt"])
    if "No safe fixes to apply." in first.output:
        pytest.skip("no check with safe fixes fires on the seed yet")
    assert "Applied " in first.output
    second = CliRunner().invoke(cli, ["check", "--no-cache", "--fix", "seed.txt"])
    assert "No safe fixes to apply." in second.output
    fixed = Path("seed.txt").read_text(encoding="utf-8")
    # Replay the passes in memory: every character that changed lies inside a fix's span.
    resolved = make_config().for_file(Path("seed.txt"))
    text = original
    for _ in range(10):
        fixes = safe_fixes(lint_text("seed.txt", text, resolved, Selection()).findings)
        new, count = apply_fixes(text, fixes)
        if not count:
            break
        opcodes = difflib.SequenceMatcher(None, text, new, autojunk=False).get_opcodes()
        for op, i1, i2, _, _ in opcodes:
            if op != "equal":
                assert any(f.span.start <= i1 and i2 <= f.span.end for f in fixes), text[i1 - 20 : i2 + 20]
        text = new
    assert text == fixed
