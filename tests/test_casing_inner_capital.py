from helpers import findings, snippet

RULE = ("inner-capital",)


def test_capitals_inside_words_and_titles_in_capitals():
    text = "The new IPad was shown to MR Okafor. THe price was not given.\n"
    found = findings(text, select=RULE)
    assert [(f.line, f.column, snippet(text, f), f.fix.replacement) for f in found] == [
        (1, 9, "IPad", "iPad"),
        (1, 27, "MR", "Mr"),
        (1, 38, "THe", "The"),
    ]
    assert found[0].message == "“IPad” has a capital inside the word: write “iPad”."


def test_acronyms_units_names_and_capitals_are_left_alone():
    text = (
        "MPs bought PCs and TVs with their IDs; the 1.6 GHz chip runs GObject and JUnit tests.\n\n"
        "OAuth and XPath appear in the DR Congo report.\n\n"
        "BREAKING: MR SMITH RESIGNS\n"
    )
    assert findings(text, select=RULE) == []
