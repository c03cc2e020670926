from helpers import findings, located, snippet

RULE = ("invisible-character",)


def test_non_breaking_hyphen_inside_words_gets_an_ordinary_hyphen():
    text = "The 2019 Alliance\u2011Ukraine plan was a long\u2011term aim.\n"
    found = findings(text, select=RULE)
    assert located(found) == [("invisible-character", 1, 18, 1, 19), ("invisible-character", 1, 42, 1, 43)]
    assert [f.fix.replacement for f in found] == ["-", "-"]
    assert "“Alliance-Ukraine” is written with a non-breaking hyphen" in found[0].message


def test_zero_width_soft_hyphen_bom_and_control_characters_are_deleted():
    text = "A hidden\u200bspace, a soft\u00adhyphen,\n\na stray \ufeffmark and a bell\x07 here.\n"
    found = findings(text, select=RULE)
    assert [(f.line, f.column) for f in found] == [(1, 9), (1, 23), (3, 9), (3, 25)]
    assert all(f.fix.replacement == "" and f.fix.safe for f in found)
    assert [f.severity.value for f in found] == ["info", "info", "warning", "warning"]
    assert "Hidden zero-width space in “hidden▯space”" in found[0].message


def test_emoji_sequences_scripts_and_leading_bom_are_left_alone():
    text = (
        "\ufeffTeam 👩\u200d💻 and 👨\u200d👩\u200d👧 are here.\n\n"
        "The Persian word می\u200cخواهم is fine.\n\n"
        "A range 1\u2011 or \u2011alone.\n"
    )
    assert findings(text, select=RULE) == []


def test_line_separator_fix_is_not_automatic_and_code_is_skipped():
    text = "It runs\u2028on Go.\n\n```\nzero\u200bwidth in code\n```\n"
    found = findings(text, select=RULE)
    assert [(f.line, f.fix.replacement, f.fix.safe) for f in found] == [(1, " ", False)]


def test_table_cells_and_bidi_marks():
    text = "| a | b |\n|---|---|\n| x\u200by | left\u200eto right |\n"
    found = findings(text, select=RULE)
    assert [snippet(text, f) for f in found] == ["\u200b", "\u200e"]
    rtl = "The name \u200eשלום\u200f is Hebrew.\n"
    assert findings(rtl, select=RULE) == []


def test_characters_written_as_entities_are_found_once_decoded():
    text = "<html><body><p>The plan&#8203; and a hidden&shy;space.</p></body></html>"
    found = findings(text, name="page.html", select=("invisible-character",))
    assert [f.message.split(" (")[0] for f in found] == [
        "Hidden zero-width space in “plan▯”",
        "Hidden soft hyphen in “hidden▯space”",
    ]
