from helpers import findings, located, snippet

RULE = ("dangling-list-intro",)

LONG = (
    "While the proposal was welcomed by many officials in the region, critics said it ignored the "
    "concerns of the families who had lost their homes, and they asked for more time to study it."
)


def test_intro_at_the_end_of_a_paragraph_followed_by_prose():
    text = f"The plan has three parts. Key elements include:\n\n{LONG}\n"
    found = findings(text, select=RULE)
    assert located(found) == [("dangling-list-intro", 1, 27, 1, 48)]
    assert snippet(text, found[0]) == "Key elements include:"


def test_intro_in_a_glued_plain_text_paragraph_and_at_the_end():
    text = (
        f"Markets moved. Analysts suggest several key trends:\n{LONG}\n"
        "Experts named the following risks:\n"
    )
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, f.column) for f in found] == [(1, 16), (3, 1)]


def test_lists_in_any_form_are_quiet():
    text = (
        "Key elements include:\n\n- a ceasefire\n- elections\n\n"
        "The figures include:\n\n| Year | Total |\n|---|---|\n| 2024 | 3 |\n\n"
        "Run the following commands:\n\n```\nmake\n```\n\n"
        "There are three main reasons:\n\n### 1. Cost\n\nIt is cheap.\n\n"
        "The benefits include:\n\n**Speed.** " + LONG + "\n\n"
        "Notable changes include:\n\nThe new parser. " + LONG + "\n\n"
        "In it we make the following recommendation:\n\n" + LONG + "\n\n"
        "The minister said:\n\n" + LONG + "\n"
    )
    assert findings(text, select=RULE) == []


def test_a_pointer_to_a_lost_link_or_embed():
    text = (
        "The figures are online.\n\nRead the county's full flu report here:\n\n"
        "Wash your hands often and stay at home when you are ill, health officials said on Monday.\n"
    )
    found = findings(text, name="story.txt", select=("dangling-list-intro",))
    assert [(f.line, f.column, f.message.split(" points")[0]) for f in found] == [
        (3, 1, "“Read the county's full flu report here:”")
    ]
    linked = "Read the county's full flu report here:\n\n[Flu report 2024](https://example.gov/flu.pdf)\n"
    assert findings(linked, select=("dangling-list-intro",)) == []


def test_template_labels_with_nothing_after_them():
    text = "Contact Us:\n\nSocial Media:\n\n## Archive\n\nThe ferry returns on Friday, the operator said.\n"
    found = findings(text, select=("dangling-list-intro",))
    assert [(f.line, f.message) for f in found] == [
        (1, "The label “Contact Us:” has nothing after it: fill it in or delete it"),
        (3, "The label “Social Media:” has nothing after it: fill it in or delete it"),
    ]
    transcript = "SMITH:\n\nThe ferry returns on Friday.\n\nThe Results:\n\nTurnout was high.\n"
    assert findings(transcript, name="t.txt", select=("dangling-list-intro",)) == []


def test_a_speaker_whose_words_were_replaced_by_page_furniture():
    text = (
        "JO SMITH, HOST:\n\nCopyright 2024 Radio. To see more, visit example.org.\n\n"
        "SAM LEE, HOST:\n\nGood morning.\n"
    )
    found = findings(text, name="t.txt", select=("dangling-list-intro",))
    assert [(f.line, f.message) for f in found] == [
        (1, "The label “JO SMITH, HOST:” has nothing after it: fill it in or delete it")
    ]


def test_any_sentence_announcing_with_a_colon():
    text = (
        "Residents packed the hall on Monday night.\n\nHere is what residents told the council:\n\n"
        "The council will vote on the proposal next month after a public hearing, and residents can "
        "comment online until then.\n"
    )
    found = findings(text, select=("dangling-list-intro",))
    assert [f.line for f in found] == [3]
    item = text.replace("The council will vote", "First, the council will vote")
    assert findings(item, select=("dangling-list-intro",)) == []
