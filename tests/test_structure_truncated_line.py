from helpers import findings, snippet

RULE = ("truncated-line",)


def test_feed_truncation_marks_on_headlines_and_teasers():
    text = (
        "Leaders to meet in November, aides say, as the talks take...\n\n"
        "The striker signed for the club in a record deal..\n\n"
        "Crowds gather in the square on Friday. Thou ...\n\n"
        "The talks resumed on Monday in Geneva, officials said.\n"
    )
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, f.message.split(": restore")[0]) for f in found] == [
        (1, "This line is cut off (it ends in “...” in the middle of a sentence)"),
        (3, "This line is cut off (it ends in “..”, a feed's truncation mark)"),
        (5, "This line is cut off (it ends in “...”, a feed's truncation mark)"),
    ]


def test_paragraphs_that_stop_where_a_link_was():
    text = (
        "The governor met the Administrator of the\n\n"
        "Officials say the storm is about 50 miles (80\n\n"
        "The storm is expected to make landfall on Wednesday, forecasters said.\n"
    )
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, f.message.split(": restore")[0]) for f in found] == [
        (1, "This line is cut off (it stops on “the”)"),
        (3, "This line is cut off (it stops inside a parenthesis or quotation it opened)"),
    ]


def test_trailing_off_lists_code_and_the_last_line_are_left_alone():
    text = (
        "SMITH: And having...\n\n"
        "The options are to wait, or\n\n- to leave now\n\n"
        "She said the result was “a second class service”.\n\n"
        "Compare this code with\n\n    foo()\n\n"
        "The last paragraph of an excerpt may stop at the\n"
    )
    assert findings(text, name="story.txt", select=RULE) == []
    assert findings("Where to start, where to start...\n\nWe began with the forms.\n", select=RULE) == []


def test_a_feed_mark_at_the_end_of_a_line_inside_a_paragraph():
    text = (
        "Crowds gather in the main square of the capital on Friday, officials said. Thou ...\n"
        "Tens of thousands of people rally against the new tax in the capital\n"
        "By Jo Smith and Sam Lee of The Associated Press in the capital city\n"
    )
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, f.end_line, f.end_column) for f in found] == [(1, 1, 84)]


def test_a_sentence_that_lost_the_link_it_pointed_to():
    text = (
        "Send us your questions. You can also read our notes on the website at Later in the week we "
        "will answer them, and for tickets go to So far none are left.\n\nThe band starts at 8.\n"
    )
    found = findings(text, name="story.txt", select=("truncated-line",))
    assert [(f.line, f.column, snippet(text, f)) for f in found] == [(1, 68, "at Later"), (1, 129, "to So")]


def test_a_paragraph_stopping_on_a_preposition_or_an_auxiliary():
    text = (
        "The council said the new bus route would open on\n\n"
        "Drivers who spoke at the depot said the shifts were\n\n"
        "The lights stayed on.\n"
    )
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, f.message) for f in found] == [
        (1, "This line is cut off (it stops on “on”): restore the missing words or delete the fragment."),
        (3, "This line is cut off (it stops on “were”): restore the missing words or delete the fragment."),
    ]
