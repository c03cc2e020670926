from helpers import findings, located, snippet

RULE = ("page-furniture",)

STORY = "The council approved the harbour budget on Monday after a long and heated debate.\n\n"


def test_a_comment_form_at_the_end_of_a_scraped_page():
    text = STORY + "Source link\n\nLeave a Reply\n\nYour email address will not be published.\n"
    found = findings(text, name="story.txt", select=RULE)
    assert located(found) == [("page-furniture", 3, 1, 7, 42)]
    assert "“Source link”" in found[0].message and "a comment form" in found[0].message


def test_menus_and_counters_at_the_top():
    text = "Main menu\n\nSign in Subscribe\n\n0:00\n\n" + STORY
    found = findings(text, name="story.txt", select=RULE)
    assert located(found) == [("page-furniture", 1, 1, 5, 5)]


def test_a_teaser_for_another_story_inside_the_text():
    text = STORY + "Read more: Ferry strike ends after two weeks\n\n" + STORY
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, snippet(text, f)) for f in found] == [(3, "Read more: Ferry strike ends after two weeks")]


def test_live_blog_times_transcript_labels_and_headlines_are_prose():
    text = (
        "Transcript\n\nSTEVE HOST, HOST:\n\nGood morning, and welcome to the programme on this cold day.\n\n"
        "11:15 p.m.\n\nThe storm weakened slightly overnight, forecasters said on Sunday.\n\n___\n\n"
        "Storm heads north\n\nThe storm is expected to reach the coast by Tuesday morning.\n"
    )
    assert findings(text, name="story.txt", select=RULE) == []


def test_authored_markdown_links_and_headings_are_the_outlets_design():
    text = (
        "# Council approves budget\n\n" + STORY + "## Related posts\n\n"
        "- [Ferry strike ends](/ferry)\n- [Back to top](#top)\n"
    )
    assert findings(text, select=RULE) == []


def test_a_donation_appeal_pasted_into_markdown():
    appeal = "Your support makes this reporting possible.\n\nGive today. A monthly donation of $5 helps.\n\n"
    text = STORY + appeal + STORY
    found = findings(text, select=RULE)
    assert [(f.line, f.end_line) for f in found] == [(3, 5)]


def test_button_text_left_inside_a_sentence():
    text = "Many races Click Here matter to voters, and a warning for read more torrential rain was issued.\n"
    found = findings(text, name="story.txt", select=RULE)
    assert [snippet(text, f) for f in found] == ["Click Here", "read more"]
    assert findings("You can read more about the races here.\n", name="story.txt", select=RULE) == []


def test_a_weather_widget_at_the_top():
    text = "6 C\nNew York\nThursday, February 13, 2025\n\n" + STORY
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, f.end_line) for f in found] == [(1, 3)]


def test_a_caption_cut_from_its_credit_at_the_top():
    text = " The minister addresses MPs |\n\n" + STORY
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, f.column) for f in found] == [(1, 2)]
    assert "a caption or byline cut from its credit" in found[0].message


def test_a_lone_widget_or_ad_label_pasted_into_markdown():
    text = (
        STORY + "Story continues below advertisement\n\n" + STORY
        + "Copyright 2024 Example Media. All rights reserved.\n"
    )
    found = findings(text, select=RULE)
    assert [f.line for f in found] == [3, 7]
    # A blog's own sign-up line and a label over its reading list are the author's.
    authored = STORY + "Sign up for our weekly newsletter.\n\n" + STORY + "Most read:\n\n- [Ferry news](/ferry)\n"
    assert findings(authored, select=RULE) == []


def test_a_video_caption_stamped_with_its_date():
    text = (
        "Floods close schools\n\nSchools shut on Tuesday after the river rose.\n\n"
        "Heavy rain swept across the valley early Monday, flooding roads and closing dozens of schools "
        "in the county. (Nov. 4)\n\nOfficials said the water was falling.\n"
    )
    found = findings(text, name="story.txt", select=("page-furniture",))
    assert [(f.line, f.column) for f in found] == [(5, 1)]
    assert "a video player's caption" in found[0].message


def _reported_lines(lines: list[str], name: str) -> list[tuple[int, int]]:
    """Each line set between two prose paragraphs (lines 5, 9, 13 ...): the lines reported."""
    prose = "\n\nThe crossing takes forty minutes and the fare stays the same this year.\n\n"
    text = "The ferry resumes on Friday after repairs." + prose + prose.join(lines) + prose
    return [(f.line, f.end_line) for f in findings(text, name=name, select=RULE)]


def test_lone_interface_labels_and_notes_in_markdown():
    lines = [
        "Popular now",
        "Up next: Harbour wall to be rebuilt",
        "(c) 2022 Coastline Media. Republication prohibited.",
        "This summary was generated automatically by a machine from agency data.",
        "Next steps",
    ]
    assert _reported_lines(lines, "story.md") == [(5, 5), (9, 9), (13, 13), (17, 17)]  # not "Next steps"


def test_site_furniture_in_other_wordings():
    lines = [
        "Continue reading below",
        "Everything here © Coastline Media 2020",
        "Posted in: Transport, Coast",
        "Last updated 5 hours ago",
        "Slideshow: 9 photos",
    ]
    assert _reported_lines(lines, "story.txt") == [(5, 5), (9, 9), (13, 13), (17, 17), (21, 21)]
