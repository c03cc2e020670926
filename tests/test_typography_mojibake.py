from helpers import findings, located, snippet

RULE = ("mojibake",)


def test_garbled_quotes_dashes_and_accents_get_the_right_character():
    text = "The ministerâ€™s cafÃ© visit â€“ a â€œsurpriseâ€\x9d.\n"
    found = findings(text, select=RULE)
    assert [snippet(text, f) for f in found] == ["â€™", "Ã©", "â€“", "â€œ", "â€\x9d"]
    assert [f.fix.replacement for f in found] == ["’", "é", "–", "“", "”"]
    assert all(f.fix.safe for f in found)
    assert located(found)[0] == ("mojibake", 1, 13, 1, 16)
    assert found[0].message == "Garbled characters “â€™” (an encoding mix-up): write “’”."
    assert found[0].severity.value == "error"


def test_a_lost_last_byte_is_reported_without_an_automatic_fix():
    text = "A â€œquoteâ€ ends here.\n"
    found = findings(text, select=RULE)
    assert [(snippet(text, f), f.fix.replacement, f.fix.safe) for f in found] == [
        ("â€œ", "“", True),
        ("â€", "”", False),
    ]


def test_replacement_character_and_html_entities():
    text = "<html><body><p>Caf&Atilde;&copy; and lost \ufffd here.</p></body></html>"
    found = findings(text, name="page.html", select=RULE)
    assert [snippet(text, f) for f in found] == ["&Atilde;&copy;", "\ufffd"]
    assert found[1].fix is None


def test_real_accents_symbols_and_foreign_words_are_fine():
    text = "São Paulo, ÅNGSTRÖM, the café’s “menu” costs £5 — 10° × 2 © 2024.\n\n`â€™` in code.\n"
    assert findings(text, select=RULE) == []
