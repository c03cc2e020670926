from helpers import findings, snippet

RULE = ("placeholder-slot",)


def test_slots_that_name_and_ask_for_content():
    text = (
        "The winning side was [insert club name here], who led from the start.\n\n"
        "Turnout rose in (Insert Specific Ward 2), officials said.\n\n"
        "The new mayor is [candidate’s name], sworn in on Monday.\n"
    )
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, f.column, snippet(text, f), f.severity.value) for f in found] == [
        (1, 22, "[insert club name here]", "error"),
        (3, 17, "(Insert Specific Ward 2)", "error"),
        (5, 18, "[candidate’s name]", "warning"),
    ]


def test_brackets_that_are_editing_or_glosses_are_left_alone():
    text = (
        "“We will rebuild [the] harbour,” she said. The form asks for a link (URL) and a date.\n\n"
        "Open the menu (select Tools, then Options) to change it.\n\n"
        "He said “the winner is [name]” to show how the template works.\n"
    )
    assert findings(text, name="story.txt", select=RULE) == []


def test_spun_text_needs_more_than_one_set_of_alternatives():
    spun = "Residents were thrilled/excited/delighted as the Mayor/Governor/Senator cut the ribbon.\n"
    found = findings(spun, name="story.txt", select=RULE)
    assert [snippet(spun, f) for f in found] == ["thrilled/excited/delighted", "Mayor/Governor/Senator"]
    assert findings("Deploys happen in days/weeks/months, not years.\n", select=RULE) == []
    spintax = "The {great|fine|good} news came on Friday.\n"
    assert [snippet(spintax, f) for f in findings(spintax, select=RULE)] == ["{great|fine|good}"]


def test_directives_template_lines_and_empty_slots_in_plain_text():
    text = (
        "Headline goes here\n\n"
        "By | \n\n"
        "INSERT TOWN NAME, July XX, 2024 – The council met.\n\n"
        "728x90\n\n"
        "[ad_1]\n\n"
        "{{ story.byline }}\n\n"
        "![]()\n"
    )
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, snippet(text, f)) for f in found] == [
        (1, "Headline goes here"),
        (3, "By |"),
        (5, "INSERT TOWN NAME"),
        (5, "July XX"),
        (7, "728x90"),
        (9, "[ad_1]"),
        (11, "{{ story.byline }}"),
        (13, "![]()"),
    ]


def test_standard_filler_and_stock_names():
    text = (
        "It is a long established fact that a reader will be distracted by a page.\n\n"
        "“Thanks to ABC Company,” she said.\n"
    )
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, snippet(text, f)) for f in found] == [
        (1, "It is a long established fact that a reader wil"),
        (3, "ABC Company"),
    ]


def test_real_copy_with_dates_sizes_and_names_is_quiet():
    text = (
        "By Maria Lopez\n\n"
        "The screen is 1920 pixels wide and the ABC network aired it on July 4, 2024.\n\n"
        "Tickets cost $10 and/or a donation; he/she/they pronouns are on the form.\n"
    )
    assert findings(text, name="story.txt", select=RULE) == []


def test_form_field_slots():
    text = "By [Reporter Name]\n\nCall [phone number] to book a seat.\n"
    found = findings(text, name="story.txt", select=RULE)
    assert [snippet(text, f) for f in found] == ["[Reporter Name]", "[phone number]"]


def test_a_kind_of_content_in_capitals_in_parentheses_or_a_bare_credit_slot():
    text = (
        "The district expects (NUMBER) new pupils next year, the agency (FEMA) said.\n\n"
        "Photo: [credit]\n\nThe address (URL) is on the site.\n"
    )
    found = findings(text, select=("placeholder-slot",))
    assert [(f.line, f.column, snippet(text, f)) for f in found] == [(1, 22, "(NUMBER)"), (3, 8, "[credit]")]


def test_angle_slots_blanks_x_figures_and_here_lines():
    text = (
        "The minister said <QUOTE> before about ___ people, and the fund is worth £X million.\n\n"
        "By Reporter Name Here\n\nClick the link here\n\n___\n\nThe Xbox and the X Games sold XXL shirts.\n"
    )
    found = findings(text, name="story.txt", select=("placeholder-slot",))
    assert [(f.line, f.column, snippet(text, f)) for f in found] == [
        (1, 19, "<QUOTE>"),
        (1, 40, "___"),
        (1, 74, "£X"),
        (3, 1, "By Reporter Name Here"),
    ]
