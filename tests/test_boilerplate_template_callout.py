from helpers import findings, located, snippet

from lint.findings import Severity

RULE = ("template-callout",)


def test_callouts_run_into_a_paragraph():
    text = (
        "Prices fell in May. Key Takeaway: the slide may not last. Did you know? Rents rose too.\n\n"
        "Pro Tip: compare fixed and variable rates.\n"
    )
    found = findings(text, select=RULE)
    assert located(found) == [
        ("template-callout", 1, 21, 1, 34),
        ("template-callout", 1, 59, 1, 72),
        ("template-callout", 3, 1, 3, 9),
    ]
    # The suggested fix drops the label and capitalises what follows.
    fix = found[0].fix
    assert fix is not None and not fix.safe
    assert text[fix.span.start : fix.span.end] == "Key Takeaway: t" and fix.replacement == "T"


def test_in_conclusion_is_only_a_hint():
    text = "In conclusion, the plan works.\n"
    found = findings(text, select=RULE)
    assert [(f.column, f.severity) for f in found] == [(1, Severity.INFO)]


def test_labels_in_headings_quotes_asides_and_sentences_are_quiet():
    text = (
        "## Did you know?\n\nThe museum opens at nine.\n\n"
        "> **Pro tip:** keep your ticket.\n\n"
        "  > Key Takeaway: the quoted report says so.\n\n"
        "Save the file (Pro tip: use a short name.) and close it.\n\n"
        "Did you know that the museum is free? Key takeaways:\n\n- it is free\n"
    )
    assert findings(text, select=RULE) == []


def test_outlet_list_replaces_the_default():
    text = "Prices fell. Bottom line: wait.\n"
    settings = {"checks": {"template-callout": {"labels": ["Bottom line:"]}}}
    found = findings(text, settings=settings, select=RULE)
    assert [snippet(text, f) for f in found] == ["Bottom line:"]
    assert findings(text, select=RULE) == []


def test_no_fix_is_offered_across_markup():
    text = "Prices fell. **Pro Tip:** compare rates.\n"
    found = findings(text, select=RULE)
    assert [(f.column, f.fix) for f in found] == [(16, None)]
