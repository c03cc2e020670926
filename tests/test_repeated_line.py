from helpers import findings, located

RULE = ("repeated-line",)


def test_a_headline_printed_twice_above_the_story():
    text = (
        "Harbour ferry returns to winter timetable\n"
        "Harbour ferry returns to winter timetable\n\n"
        "The ferry runs hourly from Friday, the operator said on Monday.\n"
    )
    found = findings(text, name="story.txt", select=RULE)
    assert located(found) == [("repeated-line", 2, 1, 2, 42)]
    assert found[0].message == "This line repeats line 1: keep one version and delete the other."


def test_a_line_with_one_word_changed_and_a_line_cut_short():
    text = (
        "The harbour has the region's second-busiest ferry route after Dover.\n\n"
        "Seven sailings were cancelled on Monday because of high winds\n\n"
        "The harbour has the region's busiest ferry route after Dover.\n\n"
        "Seven sailings were cancelled on Monday because of high winds, the operator said.\n"
    )
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, f.message.split(":")[0]) for f in found] == [
        (5, "This line nearly repeats line 1"),
        (7, "This line repeats the beginning of line 3"),
    ]


def test_transcripts_and_short_lines_repeat_by_design():
    text = (
        "(SOUNDBITE OF ARCHIVED BROADCAST)\n\nHOST: Welcome back.\n\n(SOUNDBITE OF ARCHIVED BROADCAST)\n\n"
        "Read more\n\nRead more\n\n"
        "SMITH: We will see what the voters say on the day itself.\n\n"
        "SMITH: We will see what the voters say on the day itself.\n"
    )
    assert findings(text, name="story.txt", select=RULE) == []


def test_markdown_sections_may_close_with_the_same_line():
    text = (
        "## Rust\n\nSee the detailed release notes for more.\n\n"
        "## Cargo\n\nSee the detailed release notes for more.\n\n"
        "## Docs\n\nThe new guide is online now for everyone.\n\nThe new guide is online now for everyone.\n"
    )
    found = findings(text, select=RULE)
    assert [f.line for f in found] == [13]


def test_a_long_paragraph_repeated_under_another_heading():
    para = "The council approved the harbour budget on Monday after a long debate about roads and ferries."
    text = f"## One\n\n{para}\n\n## Two\n\n{para.replace('long', 'short')}\n"
    found = findings(text, select=RULE)
    assert [(f.line, f.message.split(':')[0]) for f in found] == [(7, "This line nearly repeats line 3")]
