from helpers import findings, snippet

RULE = ("garbled-text",)

GARBLED = (
    "Resiuents of the town packeu the hall on Tuesday. The councii met to uiscuss the new liorary, and "
    "the mayoi saiu the builuing woulu open in the spring at the eailiest.\n"
)


def test_a_paragraph_garbled_by_ocr_is_reported_once_with_examples():
    found = findings(GARBLED, select=RULE)
    assert [(f.line, f.column, snippet(GARBLED, f)[:6]) for f in found] == [(1, 23, "packeu")]
    assert snippet(GARBLED, found[0]).endswith("eailiest")
    assert "Resiuents" not in found[0].message  # capitalised words may be names: not counted
    assert "9 of its 28 lowercase words" in found[0].message
    assert "“councii” (council?)" in found[0].message


def test_clean_prose_foreign_quotes_names_and_a_misspelling_are_left_alone():
    text = (
        "The council recieved the report on Tuesday and the mayor, Ms Okonkwo-Dlamini, welcomed it.\n\n"
        "El alcalde dijo que los problemas de la ciudad son graves y que las obras seguirán.\n\n"
        "The musl target and the rustc flags changed; see the cargo docs for the new toml keys.\n"
    )
    assert findings(text, select=RULE) == []
