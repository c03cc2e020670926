from helpers import findings, located

RULE = ("split-sentence",)


def test_a_paragraph_break_inside_a_sentence():
    text = (
        "The letters angered delegates at the Association of Head Teachers'\n\n"
        "conference in Harrogate this week.\n\n"
        "Savings of £24,000 are planned, and a further\n\n"
        "£10,000 could come from parking.\n"
    )
    found = findings(text, name="story.txt", select=RULE)
    assert located(found) == [("split-sentence", 1, 1, 3, 35), ("split-sentence", 5, 1, 7, 33)]
    assert found[0].fix is not None and not found[0].fix.safe
    joined = text[: found[0].fix.span.start] + " " + text[found[0].fix.span.end :]
    assert joined.startswith("The letters angered delegates at the Association of Head Teachers' conference in")


def test_a_drop_capital_on_its_own_line():
    text = "Award for baker\n\nA\n\nlocal baker has won a national prize for her sourdough.\n"
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, f.end_line) for f in found] == [(3, 5)]


def test_narrow_hard_wrapped_text():
    text = (
        "Approaching week six in\nthe league, the town's\nfootball teams are set\nfor a close finish as\n"
        "the home side hosts the\nleaders on Friday night.\n"
    )
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, f.end_line) for f in found] == [(1, 6)]
    assert "across these 6 lines" in found[0].message


def test_headings_lists_names_and_images_are_not_splits():
    text = (
        "Council news\n\nthe council met on Monday.\n\n"
        "The platform is run by\n\n"
        "- a small team\n\n"
        "Our partner is\n\ncloud.gov and its team.\n\n"
        "Poem lines stay.\nThey end in stops.\nEach one does.\nSo they pass.\n"
    )
    assert findings(text, name="story.txt", select=RULE) == []
    markdown = "The new logo:\n\n![The logo](logo.png)\n\nwas introduced in 1975.\n"
    assert findings(markdown, select=RULE) == []
