"""Fix labels in words, derived from what a fix replaces; fixes placed at their own line and column."""

from __future__ import annotations

import pytest
from helpers import findings

from lint.fix_labels import describe

ARTICLE = (
    "# Harbor council approves budget\n"
    "\n"
    "The council met near the united states border,and voted.Then it left.\n"
    "\n"
    "Pro Tip: read the fine print before the vote.\n"
    "\n"
    "The mayor spoke about the the schools.\n"
)


def test_labels_of_real_findings_say_what_the_fix_does():
    got = [(f.rule, f.line, f.column, f.fix.label, f.fix.safe) for f in findings(ARTICLE) if f.fix is not None]
    assert got == [
        ("proper-noun-case", 3, 26, "capitalise “united states”", True),
        ("missing-space", 3, 40, "insert a space after a comma", True),
        ("missing-space", 3, 51, "insert a space after a full stop", True),
        ("template-callout", 5, 1, "delete “Pro Tip:” and capitalise the next word", False),
        ("doubled-word", 7, 23, "delete “the”", False),
    ]


def test_a_fix_is_placed_at_its_own_span_not_the_findings():
    comma = next(f for f in findings(ARTICLE) if f.rule == "missing-space")
    # The finding quotes "border,and"; the fix replaces only the comma.
    assert (comma.line, comma.column, comma.end_column) == (3, 40, 50)
    assert (comma.fix.line, comma.fix.column, comma.fix.end_line, comma.fix.end_column) == (3, 46, 3, 47)
    assert comma.fix.replacement == ", "


def test_invisible_and_look_alike_characters_are_named():
    text = "The council met on Tues\u200bday in Kyiv\u2011based offices.\n"
    got = [(f.column, f.fix.label) for f in findings(text, name="a.txt", select=("invisible-character",))]
    assert got == [
        (24, "delete the zero width space (U+200B)"),
        (36, "replace the non-breaking hyphen (‑, U+2011) with a hyphen"),
    ]


@pytest.mark.parametrize(
    ("old", "new", "label"),
    [
        ("", "\n\n", "start a new paragraph here"),
        ("", "\n", "start a new line here"),
        ("", " ", "insert a space"),
        ("?", "? ", "insert a space after “?”"),
        ("  ", " ", "delete the extra space"),
        ("Keywords: budget\nSEO Notes: rank it\n", "", "delete these 2 lines (from “Keywords: budget”)"),
        ("ongoing Talks & Future outlook", "Ongoing talks & future outlook",
         "change the capitals: “Ongoing talks & future outlook”"),
        ("MAYOR", "mayor", "lowercase “MAYOR”"),
        ("'", "\u2019", "replace a straight apostrophe (') with the right single quotation mark (’, U+2019)"),
        ("defence", "defense", "replace “defence” with “defense”"),
        ("Did you know? the", "The", "delete “Did you know?” and capitalise the next word"),
        ("same", "same", "no change"),
        ("x" * 60, "", "delete “" + "x" * 39 + "…”"),
    ],
)
def test_describe(old: str, new: str, label: str):
    assert describe(old, new) == label
