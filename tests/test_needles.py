"""Needles read from a pattern: strings one of which every match contains (checks/_needles.py)."""

from __future__ import annotations

import re

import pytest

from lint.checks._needles import NeedleIndex, fold, needles


@pytest.mark.parametrize(
    ("pattern", "flags", "folded", "expected"),
    [
        (r"required fields are marked", 0, False, {"required fields are marked"}),
        # An optional part is not needed; the longest literal run that is needed is taken.
        (r"(?:your )?email address will not be published", 0, False, {"email address will not be published"}),
        (r"\bskip to (?:main )?(?:content|navigation)\b", 0, False, {"skip to "}),
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
