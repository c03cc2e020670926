from helpers import findings, located, snippet

RULE = ("seo-keywords",)


def test_an_unlabelled_keyword_list_is_found():
    text = (
        "Ferry returns\n\n"
        "harbour ferry, harbour ferry times, ferry timetable, winter ferry, ferry news today\n\n"
        "The harbour ferry returns to its winter timetable on Friday.\n"
    )
    found = findings(text, name="story.txt", select=RULE)
    assert located(found) == [("seo-keywords", 3, 1, 3, 84)]
    assert "list of search keywords" in found[0].message


def test_lists_of_names_and_ordinary_series_are_not_keyword_lists():
    text = (
        "Councils in Anglesey, Bridgend, Cardiff, Newport, Swansea and Wrexham raised taxes.\n\n"
        "apples, pears, plums, cherries, quinces\n\n"
        "The menu: soup, bread, cheese, fruit, wine.\n"
    )
    assert findings(text, name="story.txt", select=RULE) == []


def test_a_slug_on_a_line_of_its_own():
    text = "Ferry returns\n\nharbour-ferry-returns-to-winter-timetable\n\nThe ferry returns on Friday.\n"
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, snippet(text, f)) for f in found] == [(3, "harbour-ferry-returns-to-winter-timetable")]
    # Hyphenated words inside a sentence, and short hyphenated names, are prose.
    assert findings("A state-of-the-art, long-awaited ferry returns.\n\nwg-compiler-team\n", select=RULE) == []


def test_a_stuffed_search_phrase_opening_paragraph_after_paragraph():
    text = (
        "ferry strike news The harbour ferry crews walked out on Friday.\n\n"
        "ferry strike news Passengers were told to take the bus.\n\n"
        "ferry strike news Talks resume on Monday.\n"
    )
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, f.column, snippet(text, f)) for f in found] == [
        (1, 1, "ferry strike news"),
        (3, 1, "ferry strike news"),
        (5, 1, "ferry strike news"),
    ]


def test_parallel_list_items_and_wrapped_lines_are_not_stuffing():
    text = (
        "- bump the image to 1.2\n- bump the image to 1.3\n- bump the image to 1.4\n\n"
        "The team chose\nthe new design so that\nthe new design so that\nthe new design so that it works.\n"
    )
    assert findings(text, select=RULE) == []


def test_a_search_result_blurb_left_at_the_top():
    text = (
        "Follow the Rovers v United live score on Sports.example.com. After two overs, Rovers are 12/0. "
        "Get live score, ball by ball commentary and much more.\n\nThe match began on time.\n"
    )
    found = findings(text, name="story.txt", select=RULE)
    assert [f.line for f in found] == [1]
    assert found[0].message.startswith("A search-result blurb (meta description) is left in the copy (“Follow the")
    howto = "Follow these steps to file. Get the form from the office and read the notes first.\n"
    assert findings(howto, name="story.txt", select=RULE) == []
