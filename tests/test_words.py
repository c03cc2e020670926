"""The vocabulary gives the same answers searched in its text and, after many searches, in its lines
and in its index of words."""

from __future__ import annotations

import mmap

import pytest

from lint import words
from lint.words import Entry, Vocabulary

TEXT = """# a header line the search skips
# and a second one
a 74 cl
aardvark 21 l
bbc 45 u
council 52 l
councils 41 l
delhi 44 c
zulu 30 lc
"""

PROBES = ("a", "aardvark", "bbc", "council", "councils", "counci", "councilz", "delhi", "zulu", "zz", "", " ",
          "a a", "a\nb", "#", "0", "étude", "# a")


def test_searching_the_lines_answers_as_searching_the_text(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    in_text = Vocabulary(TEXT)
    expected = {probe: in_text._search(probe) for probe in PROBES}
    assert in_text._lines is None  # a handful of searches never split the text
    assert expected["council"] == Entry(5.2, True, False, False) and expected["zulu"] == Entry(3.0, True, True, False)
    assert expected["counci"] is None and expected["# a"] is None and expected["a a"] is None
    # A word is found through the sampled lines: as the plain bisection of the text finds it.
    assert expected == {probe: in_text._search_text(probe + " ") for probe in PROBES}
    monkeypatch.setattr(words, "_SAMPLE_STEP", 8)
    finely = Vocabulary(TEXT)
    assert {probe: finely._search(probe) for probe in PROBES} == expected and len(finely._samples()[0]) > 4
    monkeypatch.setattr(words, "_SAMPLE_STEP", 1024)

    monkeypatch.setattr(words, "_SPLIT_AFTER", 0)
    in_lines = Vocabulary(TEXT)
    assert {probe: in_lines._search(probe) for probe in PROBES} == expected
    assert in_lines._lines is not None and in_lines._lines[0] == "a 74 cl" and in_lines._lines[-1] == "zulu 30 lc"

    monkeypatch.setattr(words, "_INDEX_AFTER", 0)
    indexed = Vocabulary(TEXT)
    assert {probe: indexed._search(probe) for probe in PROBES} == expected
    assert indexed._index is not None and indexed._index["bbc"] == "45 u" and "# a" not in indexed._index
    assert indexed._search("a 74") == expected["a"]  # the text holds "a 74 " too: found as it always was


def test_entry_answers_for_the_word_in_any_case() -> None:
    vocabulary = Vocabulary(TEXT)
    assert vocabulary.get_any_case("BBC") == vocabulary.get_any_case("bbc") == Entry(4.5, False, False, True)
    assert vocabulary.get_any_case("Delhi") == Entry(4.4, False, True, False)
    assert vocabulary.get_any_case("Counci") is None


def test_the_words_written_lowercase_are_sorted_out_alike_when_asked_again(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    vocabulary = Vocabulary(TEXT)
    asked = {"council", "Council", "bbc", "delhi", "zulu", "aardvark", "counci", "a"}
    assert vocabulary.written_lowercase(asked) == {"council", "Council", "zulu", "aardvark", "a"}
    # Asked again, with new words among the old: the answers kept and the new ones agree.
    assert vocabulary.written_lowercase({"council", "bbc", "councils", "zz"}) == {"council", "councils"}
    # Past the bound on what is kept, the kept answers are dropped and the words asked again.
    monkeypatch.setattr(words, "_MAX_REMEMBERED", 3)
    assert vocabulary.written_lowercase({"delhi", "zulu", "a", "bbc"}) == {"zulu", "a"}
    assert len(vocabulary._lowercase_yes) + len(vocabulary._lowercase_no) == 4


def test_the_shipped_vocabulary_answers_alike_both_ways(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from lint.datafiles import data_path

    text = data_path(words.VOCABULARY_FILE).read_text(encoding="utf-8")
    probes = [line.split(" ")[0] for line in text.splitlines()[2::37]]
    probes += [p + "q" for p in probes] + [p[:-1] for p in probes] + ["zzzzzz", "~", "council", "councii", "a"]
    in_text = Vocabulary(text)
    expected = [in_text._search_text(p + " ") for p in probes]
    assert [in_text._search_sampled(p + " ") for p in probes] == expected
    with data_path(words.VOCABULARY_FILE).open("rb") as handle, \
            mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
        in_file = Vocabulary(mapped)  # as `vocabulary()` reads it: mapped, decoded only if a long run asks
        assert [in_file._search_sampled(p + " ") for p in probes] == expected and "_text" not in vars(in_file)
        assert in_file._search_text("a 74 ") == in_text._search_text("a 74 ")
    monkeypatch.setattr(words, "_SPLIT_AFTER", 0)
    in_lines = Vocabulary(text)
    assert [in_lines._search(p) for p in probes] == expected
    monkeypatch.setattr(words, "_INDEX_AFTER", 0)
    indexed = Vocabulary(text)
    assert [indexed._search(p) for p in probes] == expected
    assert sum(e is not None for e in expected) > len(probes) // 3


def test_the_samples_kept_between_runs_are_the_ones_worked_out(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from lint import startup

    monkeypatch.setenv("NEWSLINT_PATTERN_CACHE", str(tmp_path))
    monkeypatch.setattr(words, "_SAMPLE_STEP", 16)
    identity = ("test-vocabulary.txt", len(TEXT), 1)
    startup.marshal_store.cache_clear()
    try:
        worked_out = Vocabulary(TEXT, identity)
        assert worked_out.get("delhi") == Entry(4.4, False, True, False)
        assert startup.marshal_store("vocabulary-index").added == 1
        startup.marshal_store("vocabulary-index").save()
        startup.marshal_store.cache_clear()
        kept = Vocabulary(TEXT, identity)
        assert [kept.get(p) for p in PROBES] == [Vocabulary(TEXT).get(p) for p in PROBES]
        assert startup.marshal_store("vocabulary-index").added == 0  # read from the store
        assert kept._samples() == worked_out._samples() == Vocabulary(TEXT)._samples()
    finally:
        startup.marshal_store.cache_clear()


def test_a_table_made_on_lookup_makes_each_value_once_from_its_fields() -> None:
    from lint.checks.spelling_variety import Spelling, spelling_pairs
    from lint.datafiles import MadeOnLookup

    made: list[tuple[str, int]] = []

    def make(word: str, count: int) -> str:
        made.append((word, count))
        return word * count

    table = MadeOnLookup({"a": ("x", 2), "b": ("y", 3)}, make)
    assert table["a"] == "xx" and table.get("a") == "xx" and table.get("c", "none") == "none"
    assert made == [("x", 2)]  # "b" is not made until it is looked up, "a" once
    assert list(table) == ["a", "b"] and len(table) == 2 and "b" in table and "c" not in table
    assert dict(table.items()) == {"a": "xx", "b": "yyy"} and made == [("x", 2), ("y", 3)]
    with pytest.raises(KeyError):
        table["c"]
    pairs = spelling_pairs()
    assert pairs["colour"] == Spelling("gb", "color", "both", False) and pairs.get("colour") is pairs["colour"]
