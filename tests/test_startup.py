"""The command line's quick start and exit (lint/startup.py): same classes, same output, same exit codes."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lint import startup

ARTICLE = """# Council delays the bridge vote

The council delayed the vote on the new bridge until March, the mayor said on Tuesday.

Residents asked for more time to read the plans. TK
"""


def _make_classes(run_exec):  # type: ignore[no-untyped-def]
    """A frozen and a plain dataclass defined through `run_exec` in place of the built-in exec."""
    saved = vars(dataclasses).get("exec")
    dataclasses.exec = run_exec  # type: ignore[attr-defined]
    try:
        @dataclasses.dataclass(frozen=True)
        class Point:
            x: int
            label: str = "origin"
            tags: tuple[str, ...] = ()

        @dataclasses.dataclass
        class Box:
            items: list[int] = dataclasses.field(default_factory=list)
    finally:
        if saved is None:
            del dataclasses.exec  # type: ignore[attr-defined]
        else:
            dataclasses.exec = saved  # type: ignore[attr-defined]
    return Point, Box


def test_dataclass_methods_from_the_store_behave_as_compiled_ones(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSLINT_PATTERN_CACHE", str(tmp_path))
    first = startup.CodeStore(startup.store_path("dataclass-methods"))
    _make_classes(first.exec)
    assert first.added > 0
    first.save()
    (stored,) = tmp_path.glob("dataclass-methods-*.marshal")

    second = startup.CodeStore(startup.store_path("dataclass-methods"))
    point, box = _make_classes(second.exec)
    assert second.added == 0  # every method came from the file
    p = point(3, tags=("a",))
    assert repr(p).endswith("Point(x=3, label='origin', tags=('a',))")
    assert p == point(3, "origin", ("a",)) and p != point(4)
    assert hash(p) == hash(point(3, tags=("a",)))
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 5  # type: ignore[misc]
    assert box().items == [] and box().items is not box().items
    with pytest.raises(TypeError):
        point()  # type: ignore[call-arg]
    assert [f.name for f in dataclasses.fields(point)] == ["x", "label", "tags"]

    stored.write_bytes(b"\x00damaged")
    damaged = startup.CodeStore(startup.store_path("dataclass-methods"))
    point, _ = _make_classes(damaged.exec)
    assert point(1).label == "origin"

    monkeypatch.setenv("NEWSLINT_PATTERN_CACHE", "off")
    assert startup.store_path("dataclass-methods") is None
    off = startup.CodeStore(None)
    _make_classes(off.exec)
    off.save()
    assert off.added == 0 and [p.name for p in tmp_path.iterdir()] == [stored.name]


def _newslint(args: list[str], cwd: Path, store: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEWSLINT_PATTERN_CACHE": str(store), "NO_COLOR": "1"}
    code = "import sys; from lint.cli import main; sys.exit(main())"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def test_a_whole_process_gives_the_same_report_and_exit_codes_cold_and_warm(tmp_path: Path) -> None:
    article = tmp_path / "story.md"
    article.write_text(ARTICLE, encoding="utf-8")
    clean = tmp_path / "clean.md"
    clean.write_text("# Bridge vote\n\nThe council approved the bridge on Tuesday.\n", encoding="utf-8")
    store = tmp_path / "store"
    cold = _newslint(["check", "--no-cache", "--format", "json", "story.md"], tmp_path, store)
    assert list(store.glob("dataclass-methods-*.marshal")) and list(store.glob("regex-programs-*.marshal"))
    warm = _newslint(["check", "--no-cache", "--format", "json", "story.md"], tmp_path, store)
    assert cold.returncode == warm.returncode == 1  # a placeholder is an error
    assert cold.stdout == warm.stdout
    found = [(f["rule"], f["line"], f["column"]) for f in json.loads(warm.stdout)["findings"]]
    assert ("placeholder-text", 5, 50) in found

    assert _newslint(["check", "--no-cache", "-q", "clean.md"], tmp_path, store).returncode == 0
    missing = _newslint(["check", "--no-cache", "nowhere.md"], tmp_path, store)
    assert missing.returncode == 2 and "nowhere.md: error: no such file or folder" in missing.stderr
    bad_config = _newslint(["check", "--no-cache", "--config", "nope.yaml", "story.md"], tmp_path, store)
    assert bad_config.returncode == 2 and "nope.yaml" in bad_config.stderr
    rules = _newslint(["rules"], tmp_path, store)
    assert rules.returncode == 0 and "placeholder-text" in rules.stdout


def test_output_cut_short_by_a_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    article = tmp_path / "story.md"
    article.write_text(ARTICLE * 200, encoding="utf-8")
    env = {**os.environ, "NEWSLINT_PATTERN_CACHE": "off"}
    code = "import sys; from lint.cli import main; sys.exit(main())"
    shell = f"{sys.executable} -c '{code}' check --no-cache --format json story.md | head -c 10"
    done = subprocess.run(["bash", "-o", "pipefail", "-c", shell], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.stdout == '{\n  "schem'
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


_START_UP_PATTERNS = """
import re, sys
from lint import patterns, startup
startup.begin()
patterns.store_start_up_compiles()
before = re.compile(r"(?P<word>[a-z]+)-(\\d+)", re.I)
assert re.compile(rb"[a-z]+").match(b"abc")  # bytes patterns are compiled as before
startup.settled()
after = re.compile(r"late (pattern)")
print(before.pattern, before.flags, before.groupindex, before.findall("Ab-12 cd-3"), after.findall("late pattern"))
"""


def test_patterns_compiled_during_start_up_come_from_the_store_and_match_the_same(tmp_path: Path) -> None:
    env = {**os.environ, "NEWSLINT_PATTERN_CACHE": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", _START_UP_PATTERNS], env=env, capture_output=True, text=True,
                           timeout=60) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0], runs[0].stderr
    assert runs[0].stdout == runs[1].stdout
    assert runs[0].stdout.split("{")[0].strip() == r"(?P<word>[a-z]+)-(\d+) 34"
    assert "[('Ab', '12'), ('cd', '3')] ['pattern']" in runs[0].stdout
    import marshal

    (store,) = tmp_path.glob("regex-programs-*.marshal")
    _, stored, _ = marshal.loads(store.read_bytes())
    assert (r"(?P<word>[a-z]+)-(\d+)", int(re.I)) in stored  # start-up's own pattern was kept
    assert ("late (pattern)", 0) not in stored  # after start-up, re is itself again


_UNDOCUMENTED = """
import dataclasses
from lint import startup
startup.begin()

@dataclasses.dataclass(frozen=True)
class Plain:
    x: int
    y: str = "a"

@dataclasses.dataclass
class Documented:
    \"\"\"Kept as written.\"\"\"
    z: int = 0

print(repr(Plain.__doc__), repr(Documented.__doc__), Plain(1), Plain(1) == Plain(1, "a"))
"""


def test_start_up_skips_only_the_signature_docs_of_undocumented_dataclasses() -> None:
    run = subprocess.run([sys.executable, "-c", _UNDOCUMENTED], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "NEWSLINT_PATTERN_CACHE": "off"})
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "'Plain' 'Kept as written.' Plain(x=1, y='a') True"


_MARKDOWN_PREPARED = """
from lint import patterns, startup
from lint.document import prepare
startup.begin()
patterns.store_start_up_compiles()
prepare({"markdown"})
startup.settled()
print(patterns._STORE.added)
"""


def test_the_markdown_parser_is_imported_while_its_patterns_come_from_the_store(tmp_path: Path) -> None:
    env = {**os.environ, "NEWSLINT_PATTERN_CACHE": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", _MARKDOWN_PREPARED], env=env, capture_output=True, text=True,
                           timeout=60) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0], runs[0].stderr
    cold, warm = (int(r.stdout.split()[-1]) for r in runs)
    assert cold > 20 and warm == 0  # markdown-it's import-time patterns were stored, then reused


_DEFERRED = """
import sys
from lint import startup
startup.begin()
from lint.document import parse, prepare
prepare({"markdown"})
before = "inspect" in sys.modules
doc = parse("a.md", "# Title\\n\\nOne paragraph.\\n")
import dataclasses, markdown_it.renderer
after_parse = "inspect" in sys.modules
members = markdown_it.renderer.inspect.getmembers(doc, predicate=callable)  # the placeholder imports it
import inspect
print(before, after_parse, "inspect" in sys.modules, len(members) > 0, inspect.ismodule(dataclasses),
      markdown_it.renderer.inspect.isclass is inspect.isclass, [b.kind.name for b in doc.blocks])
"""


def test_inspect_is_imported_only_when_something_uses_it() -> None:
    run = subprocess.run([sys.executable, "-c", _DEFERRED], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "NEWSLINT_PATTERN_CACHE": "off"})
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["False", "False", "True", "True", "True", "True", "['HEADING',", "'PARAGRAPH']"]


_MODULE_STORE = """
import importlib.resources, sys
sys.path.insert(0, sys.argv[1])
sys.path[1:1] = sys.argv[2:]
from lint import module_store
from lint.startup import RecentStore, store_path
module_store.install(RecentStore(store_path(module_store.store_kind()), decode_each=True))  # as begin() does
import nlpkg.mod as mod
package = sys.modules["nlpkg"]
print(mod.VALUE, type(mod.__spec__.loader).__name__, type(package.__spec__.loader).__name__, mod.__file__,
      mod.__package__, package.__path__ == [sys.argv[1] + "/nlpkg"], mod.__cached__ is not None,
      importlib.resources.files("nlpkg").joinpath("words.txt").read_text().strip())
"""


def test_modules_come_from_the_store_until_their_source_changes(tmp_path: Path) -> None:
    packages = tmp_path / "packages"
    (packages / "nlpkg").mkdir(parents=True)
    (packages / "nlpkg" / "__init__.py").write_text("", encoding="utf-8")
    (packages / "nlpkg" / "words.txt").write_text("council\n", encoding="utf-8")
    source = packages / "nlpkg" / "mod.py"
    source.write_text("VALUE = 1\n", encoding="utf-8")
    env = {**os.environ, "NEWSLINT_PATTERN_CACHE": str(tmp_path / "store")}

    def run(*extra_path: str) -> list[str]:
        done = subprocess.run([sys.executable, "-c", _MODULE_STORE, str(packages), *extra_path], env=env,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stdout.split()

    usual = ["1", "SourceFileLoader", "SourceFileLoader", str(source), "nlpkg", "True", "True", "council"]
    stored = ["1", "_StoredLoader", "_StoredLoader", *usual[3:]]
    assert run() == usual  # imported the usual way, then stored at exit
    assert run() == stored
    assert run(str(tmp_path)) == usual  # another search path may find other modules: not answered
    source.write_text("VALUE = 22\n", encoding="utf-8")  # a changed source is imported afresh, then stored
    assert run() == ["22", "SourceFileLoader", "_StoredLoader", *usual[3:]]
    assert run() == ["22", "_StoredLoader", "_StoredLoader", *usual[3:]]
    for folder in range(10):  # each search path has a store of its own; the oldest are removed
        assert run(str(tmp_path / f"elsewhere-{folder}"))[1] == "SourceFileLoader"
    assert len(list((tmp_path / "store").glob("module-code-*.marshal"))) == 8
    assert run(str(tmp_path / "elsewhere-9"))[1] == "_StoredLoader"  # the newest are kept


def test_an_entry_marshal_cannot_write_is_refused_and_the_rest_are_saved(tmp_path: Path) -> None:
    store = startup.MarshalStore(tmp_path / "tables.marshal")
    store.add(("needles", r"\bsee also\b", re.IGNORECASE), ("see also",))  # an enum member in the key
    store.add(("needles", r"\bsee also\b", int(re.IGNORECASE)), ("see also",))
    assert store.added == 1
    store.save()
    again = startup.MarshalStore(tmp_path / "tables.marshal")
    assert again.entries() == {("needles", r"\bsee also\b", 2): ("see also",)}


@pytest.mark.parametrize("decode_each", [False, True])
def test_a_recent_store_keeps_what_recent_saving_runs_used(tmp_path: Path, decode_each: bool) -> None:
    path = tmp_path / "programs.marshal"

    def run(used: list[str], new: list[str]) -> startup.RecentStore:
        store = startup.RecentStore(path, decode_each)
        for key in used:
            assert store.get(key) == {"value": key}
        for key in new:
            store.put(key, {"value": key})
        store.put(("refused", re.IGNORECASE), 1)  # an enum member in the key: marshal cannot write it
        store.save()
        return store

    first = run([], ["old", "kept"])
    assert first.added == 0 and first.get("old") == {"value": "old"}
    for n in range(startup._KEEP_SAVES - 1):  # runs that use "kept" and add something each time
        run(["kept"], [f"new {n}"])
    assert startup.RecentStore(path, decode_each).get("old") == {"value": "old"}
    run(["kept"], ["one more"])  # "old" went unused through _KEEP_SAVES saves: left out
    again = startup.RecentStore(path, decode_each)
    assert again.get("old") is None and again.get("kept") == {"value": "kept"}
    assert again.get("new 0") == {"value": "new 0"} and again.get(("refused", 2)) is None
    reader = startup.RecentStore(path, decode_each)
    reader.get("kept")
    reader.save()  # nothing added: nothing written, nothing dropped
    assert startup.RecentStore(path, decode_each).get("new 0") == {"value": "new 0"}

    path.write_bytes(b"\x00damaged")
    damaged = startup.RecentStore(path, decode_each)
    assert damaged.get("kept") is None
    damaged.put("fresh", (1, 2))
    damaged.save()
    assert startup.RecentStore(path, decode_each).get("fresh") == (1, 2)


def test_a_store_that_decodes_each_value_reads_only_what_is_asked_for(tmp_path: Path) -> None:
    import marshal

    path = tmp_path / "modules.marshal"
    store = startup.RecentStore(path, decode_each=True)
    store.put("a", ("code", 1))
    store.put("b", ("code", 2))
    store.save()
    layout, generation, entries, _ = marshal.loads(path.read_bytes())
    assert (layout, generation) == (startup._EACH, 1)
    assert entries == {"a": marshal.dumps(("code", 1)), "b": marshal.dumps(("code", 2))}  # kept encoded
    # A damaged value is one missing entry; the others are read as before.
    entries["a"] = b"\x00damaged"
    path.write_bytes(marshal.dumps((layout, generation, entries, {"a": 1, "b": 1})))
    reader = startup.RecentStore(path, decode_each=True)
    assert reader.get("a") is None and reader.get("b") == ("code", 2)
    # A file of the other layout is not read (a store of that layout ignores this one too).
    assert startup.RecentStore(path).get("b") is None
    path.write_bytes(marshal.dumps((1, {"b": ("code", 2)}, {"b": 1})))
    assert startup.RecentStore(path, decode_each=True).get("b") is None
