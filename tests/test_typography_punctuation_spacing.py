from helpers import findings, snippet

RULE = ("punctuation-spacing",)


def test_space_before_punctuation_hyphen_for_dash_and_lone_quote():
    text = (
        "Crews at the Lakeside Depot , the mayor said, worked until Friday .\n\n"
        "Totally Unfair!- Coach Blasts Referees\n\n"
        "DENVER (AP) \" A storm closed roads on Sunday:\n"
    )
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, f.column, snippet(text, f)) for f in found] == [
        (1, 28, " ,"),
        (1, 66, " ."),
        (3, 16, "-"),
        (5, 13, '"'),
    ]
    assert found[0].message == "A space before the comma: write “Depot,”."
    assert found[0].fix.replacement == "," and found[0].fix.safe
    assert found[2].message == "A hyphen typed for a dash after “Unfair!”: write a spaced dash (“Unfair! – ”)."


def test_numbers_ellipses_domains_ranges_quotes_and_markup_are_left_alone():
    text = (
        "The rate rose to .5 per cent ... and then fell. Visit the site at example .com later.\n\n"
        "Pre- and post-war figures differ; the well- known result stands.\n\n"
        "He said \" we will win \" and left. Write to jo@example.gov .\n\n"
        "The form reads “As a <type of person>, I want it.”\n"
    )
    assert findings(text, select=RULE) == []


def test_doubled_punctuation_but_not_abbreviations_or_emoji_codes():
    text = "The council said,, after the vote,. that it would wait;; the end.\n"
    found = findings(text, select=RULE)
    assert [(f.column, snippet(text, f)) for f in found] == [(17, ",,"), (34, ",."), (55, ";;")]
    assert findings("Apples, pears, etc., and more. We use :tree:, :leaf: and so on.\n", select=RULE) == []


def test_a_space_inside_a_contraction_or_possessive():
    text = "Trump 's plan and don 't and it' s over, in the players' seats.\n"
    found = findings(text, select=RULE)
    assert [(f.column, snippet(text, f), f.fix.replacement) for f in found] == [
        (6, " '", "'"),
        (22, " '", "'"),
        (32, "' ", "'"),
    ]
    assert found[0].message == "A space inside “Trump 's”: join the apostrophe to its word."


def test_a_space_moved_from_after_the_mark_to_before_it():
    text = "Crews at the Lakeside Depot ,the mayor said, worked. It ended on Friday .The crew left .Net stays.\n"
    found = findings(text, select=RULE)
    assert [(f.column, snippet(text, f), f.fix.replacement) for f in found] == [
        (28, " ,", ", "),
        (72, " .", ". "),
    ]


def test_two_full_stops_are_doubled_punctuation_but_an_ellipsis_is_not():
    text = "The club agreed a fee in a deal.. The coach waited... and then left.\n"
    found = findings(text, select=("punctuation-spacing",))
    assert [(f.line, f.column, snippet(text, f)) for f in found] == [(1, 32, "..")]
    assert found[0].message == (
        "Doubled punctuation “..” after “deal”: keep one mark (or an ellipsis “…” if words were left out)."
    )
    assert found[0].fix.replacement == "." and not found[0].fix.safe


def test_a_lone_quote_before_any_white_space_and_slips_found_in_every_paragraph():
    # The quick pass over all the paragraphs finds each slip's pair of characters in the
    # paragraph that holds it: a quote before a thin space, a non-breaking space before a comma.
    text = (
        "The vote passed on Monday.\n\n"
        "LAGOS (AP) \u201d\u2009Floods closed the port.\n\n"
        "Crews worked at the depot\u00a0, the mayor said.\n"
    )
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, f.column, snippet(text, f)) for f in found] == [(3, 12, "\u201d"), (5, 26, "\u00a0,")]
