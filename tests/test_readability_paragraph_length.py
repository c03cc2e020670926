from helpers import findings, located, snippet

RULE = ("paragraph-length",)
SENTENCE = "The council met on Tuesday and approved a new budget for the roads."  # 13 words


def _paragraph(sentences: int) -> str:
    return " ".join([SENTENCE] * sentences)


def test_wall_of_text_is_an_error_and_points_at_the_whole_paragraph():
    wall = _paragraph(35)  # 455 words
    text = f"# Budget\n\nA short opening.\n\n{wall}\n"
    found = findings(text, select=RULE)
    assert located(found) == [("paragraph-length", 5, 1, 5, len(wall) + 1)]
    assert snippet(text, found[0]) == wall
    assert found[0].severity.value == "error"
    assert "455 words and 35 sentences" in found[0].message


def test_long_paragraph_is_a_warning():
    text = _paragraph(20) + "\n"  # 260 words, 20 sentences
    found = findings(text, select=RULE)
    assert [(f.line, f.column, f.severity.value) for f in found] == [(1, 1, "warning")]
    assert "the limit is 250 words or 15 sentences" in found[0].message


def test_too_many_short_sentences_is_a_warning():
    text = " ".join(["Prices rose."] * 16) + "\n"
    found = findings(text, select=RULE)
    assert [(f.line, f.column, f.severity.value) for f in found] == [(1, 1, "warning")]
    assert "32 words and 16 sentences" in found[0].message


def test_paragraphs_within_the_limits_pass():
    text = _paragraph(15) + "\n\n" + _paragraph(3) + "\n"  # 195 words, 15 sentences
    assert findings(text, select=RULE) == []


def test_outlet_limits_apply():
    text = _paragraph(5) + "\n"  # 65 words
    settings = {"checks": {"paragraph-length": {"max_words": 60, "error_words": 100}}}
    found = findings(text, select=RULE, settings=settings)
    assert [(f.line, f.severity.value) for f in found] == [(1, "warning")]


def test_plain_text_lines_are_paragraphs():
    text = "Storm Warning\n\n" + _paragraph(40) + "\n"
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, f.column, f.severity.value) for f in found] == [(3, 1, "error")]


def test_list_item_counts_and_code_tables_do_not():
    item = "- " + _paragraph(21) + "\n"
    code = "```\n" + _paragraph(40) + "\n```\n"
    table = "| A |\n|---|\n| " + _paragraph(40) + " |\n"
    found = findings(item + "\n" + code + "\n" + table, select=RULE)
    assert located(found) == [("paragraph-length", 1, 3, 1, len(item))]


def test_plain_text_has_a_lower_word_limit_than_markup():
    sentence = "The council met on Tuesday to discuss the harbour budget and the new ferry timetable. "
    text = sentence * 11  # 165 words, 11 sentences
    plain = findings(text + "\n", name="story.txt", select=("paragraph-length",))
    assert [(f.line, f.column) for f in plain] == [(1, 1)]
    assert "the limit is 150 words" in plain[0].message
    assert findings(text + "\n", name="story.md", select=("paragraph-length",)) == []
