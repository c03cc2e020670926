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


def test_double_encoding_and_stray_latin1_marks_found_by_ftfy():
    text = "The ministerÃ¢â‚¬â„¢s plan costs Â£5 in total.\n"
    found = findings(text, select=RULE)
    assert [(snippet(text, f), f.fix.replacement) for f in found] == [("Ã¢â‚¬â„¢", "’"), ("Â", "")]
    assert found[1].message == "Garbled characters “Â” (an encoding mix-up): delete them."


def test_characters_lost_as_question_marks():
    text = "The Marshal?s office didn?t say. The vote ? which was close ? passed. Is it? yes. See x.org/page?s=1.\n"
    found = findings(text, select=RULE)
    assert [(f.column, snippet(text, f), f.fix.replacement, f.severity.value) for f in found] == [
        (12, "?", "’", "warning"),
        (26, "?", "’", "warning"),
        (43, "?", "–", "warning"),
        (61, "?", "–", "warning"),
    ]
    assert found[0].message == "“Marshal?s”: a “?” stands where an apostrophe was lost in a conversion: write “’”."
    assert findings("Est-ce vrai ? oui, dit le maire de la ville et les gens de la rue ? non.\n", select=RULE) == []


def test_a_lost_character_garbled_again_has_no_fix():
    text = "The caf\u00ef\u00bf\u00bd opened on Monday.\n"
    found = findings(text, select=RULE)
    assert [(snippet(text, f), f.fix) for f in found] == [("\u00ef\u00bf\u00bd", None)]
    assert "lost in a conversion: retype it" in found[0].message


def test_an_emoji_garbled_through_a_greek_code_page_is_repaired():
    # F0 9F 99 84 (🙄) shown with a Greek first byte and Windows-1252 or ISO-8859-7 for the rest.
    text = "Oh well πŸ™„ we tried, and πŸ₯Ί it failed. In L'HAŸ-LES-ROSES, Ÿ is a letter.\n"
    found = findings(text, select=("mojibake", "unbalanced-quotes"))
    assert [(f.rule, snippet(text, f), f.fix.replacement, f.fix.safe) for f in found] == [
        ("mojibake", "πŸ™„", "🙄", False),
        ("mojibake", "πŸ₯Ί", "🥺", False),
    ]
    assert located(found)[0] == ("mojibake", 1, 9, 1, 13)
    assert found[0].message == "Garbled characters “πŸ™„” (an encoding mix-up): write “🙄”."
