from helpers import findings, snippet

RULE = ("shouted-text",)


def test_a_long_run_of_capitals_in_ordinary_text():
    text = (
        "The coach watches from the touchline in Leeds. PICTURE DESK NOTE: FOR EDITORIAL PURPOSES ONLY, "
        "NOT FOR SALE OR ARCHIVE.\n"
    )
    found = findings(text, select=RULE)
    assert [(f.line, f.column, snippet(text, f)) for f in found] == [
        (1, 48, "PICTURE DESK NOTE: FOR EDITORIAL PURPOSES ONLY, NOT FOR SALE OR ARCHIVE"),
    ]
    assert found[0].message.startswith("12 words in capitals in a row (“PICTURE DESK NOTE: FOR EDITORIAL")


def test_acronyms_headings_datelines_and_all_caps_paragraphs_are_left_alone():
    text = (
        "# BREAKING NEWS FROM THE CITY COUNCIL MEETING TONIGHT\n\n"
        "WASHINGTON (AP) — Officials from NATO, the EU, the UN, the WHO and the IMF met on Monday.\n\n"
        "ALL TEXT IN THIS NOTICE IS SET IN CAPITALS ON PURPOSE FOR THE BOARD\n"
    )
    assert findings(text, select=RULE) == []
