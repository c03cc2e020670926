"""Needles read from a pattern: strings one of which every match contains (checks/_needles.py)."""

from __future__ import annotations

import marshal
import re
from pathlib import Path

import pytest

from lint.checks import _boilerplate, _needles
from lint.checks._needles import NeedleIndex, Substrings, fold, needles


@pytest.mark.parametrize(
    ("pattern", "flags", "folded", "expected"),
    [
        (r"required fields are marked", 0, False, {"required fields are marked"}),
        # An optional part is not needed; the longest literal run that is needed is taken.
        (r"(?:your )?email address will not be published", 0, False, {"email address will not be published"}),
        (r"\bskip to (?:main )?(?:content|navigation)\b", 0, False, {"content", "navigation"}),
        (r"(?:TODO|FIXME)\s*[:-]", 0, False, {"TODO", "FIXME"}),
        (r"[\[(]\s*(?:ed|desk)\s*:", re.IGNORECASE, True, {"[", "("}),  # a class of a few characters
        # Every branch of an alternation the match must go through gives one needle.
        (r"(?:monthly|one-time) (?:donation|gift)", 0, False, {"monthly", "one-time"}),
        (r"(?:ab|cd)+x?", 0, False, {"ab", "cd"}),
        # Nothing is certain: an optional group, a branch that may be empty, character classes.
        (r"(?:abc)?\d+", 0, False, None),
        (r"(?:abc|\d)", 0, False, None),
        # Case: a pattern that ignores case has needles only in folded text, and ASCII ones only.
        (r"Click Here", re.IGNORECASE, False, None),
        (r"Click Here", re.IGNORECASE, True, {"click here"}),
        (r"(?i)Click Here", 0, False, None),
        (r"ab(?i:CD)", 0, False, {"ab"}),
        (r"ab(?i:CDE)", 0, True, {"cde"}),
        (r"x(?-i:YZ)w", re.IGNORECASE, False, {"YZ"}),
        (r"©\s*\d{4}|copyright ©", re.IGNORECASE, True, None),
        (r"©\s*\d{4}|copyright ©", 0, False, {"©", "copyright ©"}),
    ],
)
def test_needles_are_the_literals_every_match_holds(pattern: str, flags: int, folded: bool,
                                                    expected: set[str] | None) -> None:
    found = needles(pattern, flags, folded)
    assert (None if found is None else set(found)) == expected


def test_folding_keeps_every_match_of_a_case_insensitive_ascii_literal() -> None:
    """What an ASCII letter matches under IGNORECASE ("ſ" for s, "İ" and "ı" for i, "K" for k)
    folds to the letter's own fold, so a needle is never missed in folded text."""
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for char in set(re.findall(letter, everything, re.IGNORECASE)):
            assert fold(char) == letter, (letter, char)
    # Folding keeps offsets, so the needles of many texts are found in one pass over them joined.
    assert len(fold(everything)) == len(everything)
    assert fold("İSTANBUL ſtreet") == "istanbul street"


def test_an_index_names_the_patterns_that_can_match() -> None:
    index = NeedleIndex([re.compile(r"\bread more\b"), re.compile(r"sign (?:up|in)"), re.compile(r"\d+[a-z]*")])
    assert index.mask("the council met on monday") == 0b100  # the last pattern has no needle
    assert index.mask("please sign up and read more") == 0b111
    assert index.mask("readmore signal") == 0b100
    # A pattern that ignores case has its needles found in folded text; one that does not, as written.
    patterns = [re.compile(r"read more", re.IGNORECASE), re.compile(r"Sign Up")]
    folded = NeedleIndex(patterns)
    assert folded.mask("READ MORE, ſIGN UP") == 0b01
    assert folded.mask("Sign Up") == 0b10
    assert folded.matchable("Sign Up to read more") == set(patterns)
    # Every match of each pattern is in the text the index lets through.
    for text in ("Read More now", "SIGN UP", "rEaD mOrE"):
        for i, pattern in enumerate(patterns):
            if pattern.search(text):
                assert folded.mask(text) >> i & 1


def test_the_masks_of_many_texts_are_found_in_one_pass() -> None:
    index = NeedleIndex([re.compile(r"read more", re.IGNORECASE), re.compile(r"Sign Up"), re.compile(r"\d+")])
    texts = ["READ MORE", "", "Sign Up\nnow", "İ read\nmore", "read", "more", "ſign up", "Sign", "Up"]
    assert index.masks(texts) == [index.mask(text) for text in texts] == [5, 4, 6, 4, 4, 4, 4, 4, 4]
    substrings = Substrings([("tk", "["), ("orem",)])
    texts = ["TK [", "lorem", "İ orem", "İ", "t", "k", "nothing"]
    assert substrings.masks(texts) == [substrings.mask(text) for text in texts] == [1, 2, 2, 0, 0, 0, 0]
    lowered = [substrings.mask(text.lower()) for text in texts]
    assert substrings.masks(texts, folded=True) == lowered == [1, 2, 2, 0, 0, 0, 0]
    assert substrings.masks(["İİ", "t", "k TK"], folded=True) == [0, 0, 1]  # "İ" folds to one "i": offsets kept
    # Folded as a pattern ignoring case matches: "ı" and "ſ" are found as "i" and "s".
    pronoun = Substrings([("is",)])
    assert pronoun.masks(["ıſ", "IS", "x"], folded=True) == [1, 1, 0]
    assert pronoun.masks(["ıſ", "IS", "x"]) == [0, 0, 0]


def test_an_alternation_of_the_parts_that_can_match_finds_what_the_whole_one_finds() -> None:
    texts = [
        "Adblock Detected", "We noticed you're using an ad blocker. Please whitelist us.",
        "This site uses cookies to improve your experience. By continuing to use this site, you agree.",
        "Accept all cookies", "Share this article on Facebook", "Read more", "Related stories",
        "Subscribe to our newsletter and follow us on Twitter!", "Don't forget to like and subscribe.",
        "The council met on Monday, using the old hall; readers may also like the new one.",
        "share this story with your friends. Copyright © 2024", "SKIP TO MAIN CONTENT", "",
    ]
    for name, extra in (("chrome.txt", ()), ("calls_to_action.txt", ("Join the Daily Brief",))):
        alternation = _boilerplate.alternation(name, extra)
        whole = re.compile("|".join(alternation.parts), alternation.flags)
        for text in [*texts, "\n".join(texts), " ".join(texts), "Join the daily  brief now"]:
            found = [(m.span(), m.group()) for m in alternation.finditer(text)]
            assert found == [(m.span(), m.group()) for m in whole.finditer(text)], text
            (kept,) = alternation.masks([text])
            assert found == [(m.span(), m.group()) for m in alternation.finditer(text, kept)]


def test_needles_are_kept_between_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSLINT_PATTERN_CACHE", str(tmp_path))
    _needles._store.cache_clear()
    try:
        # Flags combined are a RegexFlag, which marshal cannot write: the key holds an int.
        assert needles("Click Here", re.IGNORECASE | re.MULTILINE, folded=True) == {"click here"}
        _needles._store().save()
        (stored,) = tmp_path.glob("needles-*.marshal")
        assert [key[2:] for key in marshal.loads(stored.read_bytes())] == [
            ("Click Here", int(re.IGNORECASE | re.MULTILINE), True)
        ]
    finally:
        _needles._store.cache_clear()


def test_few_needles_are_found_one_by_one_as_the_automaton_finds_them() -> None:
    # Up to _FEW needles are searched with str.find: the same texts get the same bits, a needle
    # that runs over a line break counting for the text it ends in.
    few = Substrings([("ab",), ("b\nc",), ("zz",)])
    many = Substrings([("ab",), ("b\nc",), ("zz",)] + [(f"q{i}",) for i in range(_needles._FEW)])
    texts = ["abab", "xab", "b", "cab", "", "ab"]
    assert few.masks(texts) == [m & 7 for m in many.masks(texts)] == [1, 1, 0, 3, 0, 1]


def test_the_indexes_asked_about_one_family_of_texts_share_one_pass() -> None:
    # The paragraphs of each article are one family: every index asked about them is searched
    # in one pass (after the first article), with the same masks as alone.
    first = NeedleIndex([re.compile(r"read more", re.IGNORECASE), re.compile(r"\[TK\]")])
    second = Substrings([("dolor",), ("more",)])
    later = NeedleIndex([re.compile(r"sign up", re.IGNORECASE)])
    for items in (["Read MORE [TK]", "lorem dolor", "x"], ["sign UP", "more", "[TK]"], ["", "read more"]):
        alone = (first.masks(items), second.masks(items, folded=True), later.masks(items))
        family = _needles.Texts(items, family="test-family")
        assert first.masks(family) == alone[0]
        assert second.masks(family, folded=True) == alone[1]
        assert later.masks(family) == alone[2]  # (joined after the first article's pass: alone there)


def test_white_space_is_every_character_backslash_s_matches() -> None:
    matched = "".join(chr(c) for c in range(0x110000) if re.match(r"\s", chr(c)))
    assert _needles.WHITE_SPACE == matched
