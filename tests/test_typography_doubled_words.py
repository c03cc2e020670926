from helpers import findings, located, snippet

RULE = ("doubled-word",)


def test_doubled_word_on_one_line_and_across_a_line_break():
    text = "The minister said the the talks\nwould resume in\nin March.\n"
    found = findings(text, select=RULE)
    assert located(found) == [("doubled-word", 1, 19, 1, 26), ("doubled-word", 2, 14, 3, 3)]
    assert [snippet(text, f) for f in found] == ["the the", "in\nin"]
    fix = found[0].fix
    assert fix.replacement == "" and text[fix.span.start : fix.span.end] == " the"
    assert "“the” appears twice" in found[0].message


def test_case_difference_at_sentence_start_is_still_a_slip():
    found = findings("It it is expected to pass.\n", select=RULE)
    assert [(f.line, f.column) for f in found] == [(1, 1)]


def test_grammatical_and_deliberate_doubles_are_left_alone():
    text = (
        "He had had enough. It turns out that that step was slow. Ha ha, she said.\n\n"
        "Help help help, meeting overload. It was very VERY welcome. They read Boing Boing daily.\n\n"
        "This is the concept of “done done” in agile. We're re-compiling.\n\n"
        "Papa came. A long long long time.\n\n"
        "[Kaggle\n](https://example.com) Kaggle is a community. Look for GET get requests.\n\n"
        "This may actually *actually* work.\n"
    )
    assert findings(text, select=RULE) == []


def test_outlet_allow_list_and_code():
    text = "Bora bora is lovely.\n\n```\nthe the\n```\n\nUse `x x` here.\n"
    assert findings(text, select=RULE, settings={"checks": {"doubled-word": {"allow": ["bora"]}}}) == []


def test_html_doubled_word_across_a_link():
    text = '<html><body><p>Post on the <a href="https://example.com">the forum</a> today.</p></body></html>'
    found = findings(text, name="page.html", select=RULE)
    assert [(f.line, snippet(text, f)) for f in found] == [(1, 'the <a href="https://example.com">the')]


def test_an_adverb_left_in_two_places_by_a_rewrite():
    text = "She had largely been largely shunned. Conflict is conflict, and which is which is clear.\n"
    found = findings(text, select=("doubled-word",))
    assert [(f.line, f.column, f.end_column) for f in found] == [(1, 9, 29)]
    assert found[0].message.startswith("“largely” appears twice in “largely been largely”")


def test_a_double_after_an_ampersand_or_before_a_dot_is_found():
    # The block's words join "AT&the" and "the.com": the quick test must not hide these doubles.
    text = "He works at AT&the the firm.\n\nVisit the the.com site today.\n"
    found = findings(text, select=RULE)
    assert located(found) == [("doubled-word", 1, 16, 1, 23), ("doubled-word", 3, 7, 3, 14)]
