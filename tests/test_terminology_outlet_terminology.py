from helpers import findings, located, snippet

RULE = ("outlet-terminology",)
SETTINGS = {
    "terminology": {
        "replace": {"Kiev": "Kyiv", "utilize": "use", "Internet": "internet", "e-mail": "email"},
        "banned": {"illegals": "dehumanising; write undocumented immigrants instead.", "very unique": ""},
    }
}


def test_replacements_keep_sentence_capitals_and_carry_a_safe_fix():
    text = "Officials in Kiev said\nUtilize the Internet and e-mail.\n"
    found = findings(text, select=RULE, settings=SETTINGS)
    assert located(found) == [
        ("outlet-terminology", 1, 14, 1, 18),
        ("outlet-terminology", 2, 1, 2, 8),
        ("outlet-terminology", 2, 13, 2, 21),
        ("outlet-terminology", 2, 26, 2, 32),
    ]
    assert [f.fix.replacement for f in found] == ["Kyiv", "Use", "internet", "email"]
    assert found[0].message == "The outlet writes “Kyiv”, not “Kiev”."


def test_banned_words_give_the_reason_and_a_suggested_fix():
    text = "Police detained illegals. It was very unique.\n"
    found = findings(text, select=RULE, settings=SETTINGS)
    assert [snippet(text, f) for f in found] == ["illegals", "very unique"]
    assert (
        found[0].message
        == "“illegals” is on the outlet's banned list: dehumanising; write undocumented immigrants instead."
    )
    assert (found[0].fix.replacement, found[0].fix.safe) == ("undocumented immigrants", False)
    assert found[1].fix is None


def test_no_settings_no_findings_and_words_inside_other_words_or_addresses():
    text = "Kievan Rus, the internet, kiev.example.com and `Kiev` in code; chicken-Kiev.\n"
    assert findings(text, select=RULE) == []
    assert findings(text, select=RULE, settings=SETTINGS) == []


def test_quotes_can_be_left_alone():
    text = "He said “we utilize it” and we utilize it.\n"
    settings = {
        **SETTINGS,
        "checks": {"outlet-terminology": {"skip_quotes": True, "prefer": {"towards": "toward"}}},
    }
    found = findings(text + "Walk towards it.\n", select=RULE, settings=settings)
    assert [(f.line, f.column, f.fix.replacement) for f in found] == [(1, 32, "use"), (2, 6, "toward")]
