from helpers import findings, located, snippet

RULE = ("seo-editor-note",)


def test_bracketed_and_labelled_notes():
    text = (
        "The mayor rejected the plan. [Editor: add quote from the union]\n\n"
        "Note to editors: the figure in paragraph two is from 2023.\n\n"
        "Turnout rose (Desk - confirm spelling of Nkosazana).\n\n"
        "TODO: ask the council for the vote count\n"
    )
    found = findings(text, select=RULE)
    assert located(found) == [
        ("seo-editor-note", 1, 30, 1, 64),
        ("seo-editor-note", 3, 1, 3, 59),
        ("seo-editor-note", 5, 14, 5, 52),
        ("seo-editor-note", 7, 1, 7, 41),
    ]
    assert snippet(text, found[0]) == "[Editor: add quote from the union]"


def test_note_that_is_an_instruction():
    text = "Fares rise in May [note: check the date with the operator].\n"
    found = findings(text, select=RULE)
    assert [snippet(text, f) for f in found] == ["[note: check the date with the operator]"]


def test_published_notes_and_credits_are_left_alone():
    text = (
        "Editor's note: This story was updated to correct the date of the vote.\n\n"
        "[Editor's note: the interview has been edited for length.]\n\n"
        "Editor: Jane Smith\n\n"
        "(Note: the agency did not respond.)\n\n"
        "I will write about it later (note to self: eventually).\n\n"
        "We keep a TODO list for each sprint.\n"
    )
    assert findings(text, select=RULE) == []


def test_seo_note_in_brackets():
    text = "The reservoir will hold 40 billion litres. [SEO: use the keyword “reservoir” in a subheading]\n"
    found = findings(text, select=RULE)
    assert [snippet(text, f) for f in found] == ["[SEO: use the keyword “reservoir” in a subheading]"]
