"""newslint learn and the checks that read its house profile, on small archives written here."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from lint.cli import cli
from lint.engine import ConfigCache, Selection, lint_text
from lint.house.learn import learn_archive, paragraphs_supported
from lint.house.profile import load_profile

TOWNS = ["Pellham", "Ashby", "Corrin", "Dunmore", "Eastwick", "Farrow", "Glenhaven", "Hollis"]
TOPICS = ["budget", "roads", "schools", "water", "parks", "housing", "transit", "library"]
SIGN_OFF = "Sign up for the Tollgate Weekly newsletter to get stories like this."


def article(i: int) -> str:
    """An archived article: house names mid-sentence, a template line, a paragraph of its own."""
    town, topic = TOWNS[i % len(TOWNS)], TOPICS[i % len(TOPICS)]
    own = " ".join(f"{topic}{i}word{k}" for k in range(30))
    return (
        f"# {town} talks about {topic}\n\n"
        f"Officials from the Quillon Labs office met residents near the Harrowgate Ferry on day {i}.\n\n"
        f"Later the council of {town} said the {topic} plan would be reviewed by Quillon Labs.\n\n"
        f"{own}.\n\n"
        f"{SIGN_OFF}\n"
    )


def write_archive(root: Path, count: int = 8) -> list[Path]:
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = root / f"story-{i:02d}.md"
        path.write_text(article(i), encoding="utf-8")
        paths.append(path)
    return paths


def learn(paths: list[str], output: Path, update: bool = False):  # type: ignore[no-untyped-def]
    return learn_archive(paths, output, update, ConfigCache(None), jobs=1)


def lint_with(profile_path: Path, text: str, name: str = "new.md", select: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    config = ConfigCache(None, load_profile(profile_path)).for_dir(Path.cwd())
    result = lint_text(name, text, config.for_file(Path(name)), Selection(select=select))
    assert result.error is None, result.error
    return result.findings


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write_archive(tmp_path / "archive")
    return tmp_path


def test_learn_writes_house_names_terms_and_template_lines(workdir: Path) -> None:
    result = learn(["archive"], workdir / "house.json")
    profile = load_profile(workdir / "house.json")
    forms = {n.form: (n.articles, n.other) for n in profile.names}
    assert forms["Quillon Labs"] == (8, 0)
    assert forms["Harrowgate Ferry"] == (8, 0)
    assert "Officials" not in forms  # a sentence start is no evidence
    assert [(t.text, t.articles, t.mark) for t in profile.templates] == [(SIGN_OFF, 8, "allow")]
    assert profile.articles == 8 and result.extracted == 8
    assert (workdir / "house.index").is_file()


def test_a_lowercase_house_name_is_a_casing_finding_with_the_house_form(workdir: Path) -> None:
    learn(["archive"], workdir / "house.json")
    text = "# New\n\nThe ferry at harrowgate ferry reopened, said quillon labs.\n"
    found = lint_with(workdir / "house.json", text, select=("house-name-case",))
    assert [(f.line, f.column, f.end_column) for f in found] == [(3, 14, 30), (3, 46, 58)]
    assert found[0].message == "“harrowgate ferry” is written “Harrowgate Ferry” in this outlet's archive (8 articles)"
    assert found[0].fix is not None and found[0].fix.replacement == "Harrowgate Ferry" and not found[0].fix.safe


def test_allowed_casings_are_not_flagged(workdir: Path) -> None:
    learn(["archive"], workdir / "house.json")
    text = ("# Harrowgate Ferry Reopens\n\nQuillon Labs opened. QUILLON LABS signs went up. The Quillon Labs "
            "team met at `quillon labs` and https://example.org/harrowgate-ferry today.\n")
    assert lint_with(workdir / "house.json", text, select=("house-name-case",)) == []


def test_checks_needing_a_profile_are_silent_without_one(workdir: Path) -> None:
    from helpers import findings

    text = f"# New\n\nThe harrowgate ferry reopened.\n\n{SIGN_OFF}\n"
    assert findings(text, select=("house-name-case", "archive-boilerplate", "archive-duplicate")) == []


def test_explain_says_the_check_needs_a_profile() -> None:
    result = CliRunner().invoke(cli, ["explain", "archive-duplicate"])
    assert result.exit_code == 0
    assert "Needs a house profile" in result.output and "reports nothing" in result.output


def test_a_shipped_name_is_reported_once(workdir: Path) -> None:
    for i in range(5):
        (workdir / "archive" / f"eu-{i}.md").write_text(
            f"# Trade {i}\n\nDelegates of the European Union met in round {i}.\n", encoding="utf-8")
    learn(["archive"], workdir / "house.json")
    assert "European Union" in {n.form for n in load_profile(workdir / "house.json").names}
    found = lint_with(workdir / "house.json", "# New\n\nThe European union met.\n")
    assert [(f.rule, f.line, f.column) for f in found if f.category == "casing"] == [("proper-noun-case", 3, 5)]


def test_flagged_template_lines_are_reported_and_marks_survive_a_new_learn(workdir: Path) -> None:
    learn(["archive"], workdir / "house.json")
    text = f"# New\n\nThe ferry reopened.\n\n{SIGN_OFF}\n"
    assert lint_with(workdir / "house.json", text, select=("archive-boilerplate",)) == []  # "allow"
    edited = (workdir / "house.json").read_text(encoding="utf-8").replace('"mark": "allow"', '"mark": "flag"')
    (workdir / "house.json").write_text(edited, encoding="utf-8")
    found = lint_with(workdir / "house.json", text, select=("archive-boilerplate",))
    assert [(f.line, f.column, f.end_column) for f in found] == [(5, 1, 1 + len(SIGN_OFF))]
    assert "template line of this outlet's archive (8 articles)" in found[0].message
    learn(["archive"], workdir / "house.json")
    assert [t.mark for t in load_profile(workdir / "house.json").templates] == ["flag"]


@pytest.mark.skipif(not paragraphs_supported(), reason="the paragraph index needs newslint[archive]")
def test_a_recycled_paragraph_names_the_archived_article_and_line(workdir: Path) -> None:
    learn(["archive"], workdir / "house.json")
    words = [f"schools2word{k}" for k in range(30)]
    words[10] = "changed"
    text = "# New\n\nA new opening paragraph.\n\n" + " ".join(words) + ".\n"
    found = lint_with(workdir / "house.json", text, select=("archive-duplicate",))
    assert [(f.line, f.column) for f in found] == [(5, 1)]
    assert found[0].message.startswith("This paragraph nearly repeats one in archive/story-02.md (line 7), ")
    # The archived article itself, linted again, is not its own duplicate.
    own = (workdir / "archive" / "story-02.md").read_text(encoding="utf-8")
    assert lint_with(workdir / "house.json", own, name="archive/story-02.md", select=("archive-duplicate",)) == []


def test_the_same_archive_gives_the_same_bytes(workdir: Path) -> None:
    learn(["archive"], workdir / "one.json")
    learn(["archive"], workdir / "two.json")
    one, two = (workdir / "one.json").read_text(), (workdir / "two.json").read_text()
    assert one.replace("one.index", "two.index") == two
    assert (workdir / "one.index").read_bytes() == (workdir / "two.index").read_bytes()


def test_update_equals_a_rebuild(workdir: Path) -> None:
    learn(["archive"], workdir / "house.json")
    extra = workdir / "archive" / "later"
    write_archive(extra, 3)
    changed = workdir / "archive" / "story-01.md"
    changed.write_text(article(1).replace("Officials", "Inspectors"), encoding="utf-8")
    (workdir / "archive" / "story-07.md").unlink()
    result = learn(["archive"], workdir / "house.json", update=True)
    assert (result.extracted, result.reused, result.dropped) == (4, 6, 1)
    learn(["archive"], workdir / "fresh.json")
    assert (workdir / "house.json").read_text() == (workdir / "fresh.json").read_text().replace("fresh.", "house.")
    assert (workdir / "house.index").read_bytes() == (workdir / "fresh.index").read_bytes()


def test_learn_command_summary_and_exit(workdir: Path) -> None:
    result = CliRunner().invoke(cli, ["learn", "archive", "--output", "house.json", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "Learned 8 articles" in result.output and "Wrote house.json and house.index." in result.output


def test_learn_into_a_missing_folder_is_one_line_before_any_reading(workdir: Path) -> None:
    result = CliRunner().invoke(cli, ["learn", "archive", "--output", "gone/house.json", "--jobs", "1"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "newslint: error: gone/house.json: cannot write the profile: the folder gone does not exist"]
    assert not (workdir / "gone").exists()


@pytest.mark.skipif(not paragraphs_supported(), reason="the paragraph index needs newslint[archive]")
def test_near_repeats_are_what_datasketch_lsh_would_find() -> None:
    """The numpy grouping in learn gives the candidates of datasketch's MinHashLSH query, filtered
    by signature agreement: checked on paragraphs made to share bands in chosen ways."""
    import numpy as np
    from datasketch import LeanMinHash, MinHashLSH

    from lint.house.learn import near_repeats
    from lint.house.minhash import NUM_PERM, SEED, shingles, signature

    base = [f"word{k}" for k in range(60)]
    texts = [base, base[:55] + ["other"] * 5, base[:40] + [f"x{k}" for k in range(20)],
             [f"y{k}" for k in range(60)], base[5:] + ["tail"] * 5, base]
    texts += [[f"w{i}n{k}" for k in range(40)] for i in range(30)]  # unrelated: share no band
    signatures = np.stack([signature(shingles(t, 1)) for t in texts])
    lsh = MinHashLSH(threshold=0.6, num_perm=NUM_PERM)
    sketches = [LeanMinHash(seed=SEED, hashvalues=s, scheme="affine32") for s in signatures]
    for pid, sketch in enumerate(sketches):
        lsh.insert(pid, sketch)
    found = near_repeats(signatures, lsh.b, lsh.r, 0.8)
    for pid, sketch in enumerate(sketches):
        want = sorted(c for c in lsh.query(sketch) if float(np.mean(signatures[c] == signatures[pid])) >= 0.8)
        got = [pid] if found[pid] is None else found[pid].tolist()
        assert got == want, pid
    assert found[0].tolist() == [0, 1, 4, 5] and found[10] is None


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "house.json: no such house profile (make one with 'newslint learn ARCHIVE --output house.json')"),
        ("", "house.json: the house profile is empty"),
        ('{"format": "newslint-house-profile", "version": 1, "names": [', "house.json:1: house profile is damaged"),
        ('{"format": "newslint-house-profile", "version": 1}', "house.json: house profile is damaged (KeyError"),
        ("[1, 2]", "house.json: not a newslint house profile"),
        ('{"format": "newslint-house-profile", "version": 99}', "house.json: house profile version 99"),
    ],
)
def test_a_bad_profile_gives_one_line_and_exit_2(workdir: Path, content: str | None, problem: str) -> None:
    if content is not None:
        (workdir / "house.json").write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--profile", "house.json", "archive/story-00.md"])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"newslint: error: {problem}"), result.output


def test_the_config_names_the_profile_relative_to_itself(workdir: Path) -> None:
    learn(["archive"], workdir / "archive" / "house.json")
    (workdir / "archive" / ".newslint.yaml").write_text("extends: default\nprofile: house.json\n", encoding="utf-8")
    (workdir / "archive" / "new.md").write_text("# New\n\nWe took the harrowgate ferry.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--select", "house-name-case", "archive/new.md"])
    assert result.exit_code == 0 and "archive/new.md:3:13: warning [house-name-case]" in result.output
    (workdir / "archive" / ".newslint.yaml").write_text("extends: default\nprofile: gone.json\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-cache", "archive/new.md"])
    assert result.exit_code == 2
    assert ".newslint.yaml:2: " in result.output and "gone.json: no such house profile" in result.output


def test_house_terms_and_variety_apply_where_the_config_is_silent(workdir: Path) -> None:
    for i in range(6):
        (workdir / "archive" / f"uk-{i}.md").write_text(
            f"# Note {i}\n\nSend an e-mail about the colour of the centre, the theatre and our favourite "
            f"neighbour {i}.\n",
            encoding="utf-8")
    learn(["archive"], workdir / "house.json")
    profile = load_profile(workdir / "house.json")
    assert profile.variety == "gb" and profile.replacements == {"email": "e-mail"}
    found = lint_with(workdir / "house.json", "# New\n\nPlease email us about the colour.\n")
    assert [(f.rule, f.column) for f in found] == [("outlet-terminology", 8)]
    assert found[0].message == "The outlet writes “e-mail”, not “email”."


def test_heavy_libraries_stay_out_of_help_and_check(workdir: Path) -> None:
    """--help and a one-file check never import datasketch (it loads scipy); numpy only with a profile."""
    import subprocess
    import sys

    learn(["archive"], workdir / "house.json")
    probe = ("import sys; from click.testing import CliRunner; from lint.cli import cli; "
             "CliRunner().invoke(cli, sys.argv[1:]); "
             "print(*[m in sys.modules for m in ('numpy', 'datasketch', 'scipy')])")

    def loaded(*args: str) -> str:
        done = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True)
        return done.stdout.strip()

    assert loaded("--help") == "False False False"
    assert loaded("check", "--no-cache", "archive/story-00.md") == "False False False"
    with_numpy = "True" if paragraphs_supported() else "False"
    with_profile = loaded("check", "--no-cache", "--profile", "house.json", "archive/story-00.md")
    assert with_profile == f"{with_numpy} False False"
