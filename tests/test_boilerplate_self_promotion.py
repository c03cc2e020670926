from helpers import findings, located, snippet

from lint.findings import Severity

RULE = ("boilerplate-self-promotion",)


def test_generic_domain_and_name_promotion_without_outlet_config():
    text = (
        "Talks resume on Monday. examplewire.com is committed to bringing you the latest updates.\n\n"
        "Stay tuned to Examplewire for continuing coverage of this story.\n"
    )
    found = findings(text, select=RULE)
    assert located(found) == [
        ("boilerplate-self-promotion", 1, 25, 1, 69),
        ("boilerplate-self-promotion", 3, 1, 3, 50),
    ]
    assert snippet(text, found[1]) == "Stay tuned to Examplewire for continuing coverage"
    assert all(f.severity is Severity.WARNING for f in found)
    # The suggested fix deletes the whole sentence and the space after it; it is never automatic.
    fix = found[0].fix
    assert fix is not None and not fix.safe and fix.replacement == ""
    assert text[fix.span.start : fix.span.end] == (
        "examplewire.com is committed to bringing you the latest updates."
    )


def test_dedicated_section_and_comprehensive_coverage():
    text = "Explore more insights on trade policy in our dedicated section. Read our full coverage here.\n"
    found = findings(text, select=RULE)
    assert [snippet(text, f) for f in found] == [
        "Explore more insights on trade policy in our dedicated section",
        "Read our full coverage",
    ]


def test_configured_outlet_name_is_recognised():
    text = "The vote is on Friday. Follow Daily Ledger on Twitter for results.\n"
    settings = {"outlet": {"name": "Daily Ledger", "domains": ["dailyledger.example"]}}
    found = findings(text, settings=settings, select=RULE)
    assert located(found) == [("boilerplate-self-promotion", 1, 24, 1, 54)]
    # Without the outlet's name the same sentence is somebody else's account: quiet.
    assert findings(text, select=RULE) == []


def test_soft_promotion_is_only_a_hint_unless_it_names_the_outlet():
    text = "Stay tuned to DigitalDesk for more trends and tips.\n"
    found = findings(text, select=RULE)
    assert [(f.column, f.severity) for f in found] == [(1, Severity.INFO)]
    settings = {"outlet": {"name": "DigitalDesk"}}
    found = findings(text, settings=settings, select=RULE)
    assert [(f.column, f.severity) for f in found] == [(1, Severity.WARNING)]


def test_ordinary_reporting_is_quiet():
    text = (
        "The ministry is committed to bringing inflation down. Stay tuned, the coach told players.\n\n"
        "Officials will continue to monitor the river. Our reporters explored the section of the dam.\n\n"
        "The Pentagon will continue to monitor developments. "
        "The Red Cross is committed to providing you aid.\n"
    )
    assert findings(text, select=RULE) == []


def test_two_phrases_in_one_sentence_make_one_finding():
    text = "Talks resume. Stay tuned for further updates and explore our comprehensive coverage of the war.\n"
    found = findings(text, select=RULE)
    assert located(found) == [("boilerplate-self-promotion", 1, 15, 1, 84)]
