from helpers import findings, located

RULE = ("repeated-sentence",)
S = "The county will close the old bridge on Monday so crews can replace the deck."


def test_repeated_sentence_in_the_same_section():
    text = f"{S} Drivers should use the ring road.\n\nShops expect fewer customers. {S}\n"
    found = findings(text, select=RULE)
    assert located(found) == [("repeated-sentence", 3, 31, 3, 31 + len(S))]
    assert "already appears on line 1" in found[0].message


def test_repeated_within_one_paragraph():
    found = findings(f"{S} Then it rained. {S}\n", select=RULE)
    assert [(f.column, "earlier in this paragraph" in f.message) for f in found] == [(len(S) + 18, True)]


def test_what_is_not_a_repeated_sentence():
    text = (
        f"## Summary\n\n{S}\n\n## Details\n\n"
        f"One.\n\nTwo.\n\nThree.\n\nFour.\n\n{S}\n\n"  # far apart, other heading
        "What did the council decide about the old bridge on Monday night?\n\n"
        "What did the council decide about the old bridge on Monday night?\n\n"  # questions
        "> The bridge is safe for now but will not last another winter, the engineer said.\n\n"
        "The bridge is safe for now but will not last another winter, the engineer said.\n\n"  # pull quote
        "- Upgraded the database driver to the latest supported version.\n"
        "- Upgraded the database driver to the latest supported version.\n\n"  # list items
        "Short ones repeat. Short ones repeat.\n"
    )
    assert findings(text, select=RULE) == []


def test_whole_duplicated_paragraphs_are_left_to_duplicate_paragraph():
    para = f"{S} Drivers should use the ring road during the works."
    assert findings(f"{para}\n\nMiddle.\n\n{para}\n", select=RULE) == []
