from helpers import findings, located, snippet

RULE = ("seo-prompt-leftover",)


def test_opener_line_is_removed_safely():
    text = "Certainly! Here is a revised version of the article:\n\nThe council approved the budget.\n"
    found = findings(text, select=RULE)
    assert located(found) == [("seo-prompt-leftover", 1, 1, 1, 53)]
    fix = found[0].fix
    assert fix is not None and fix.safe
    assert text[: fix.span.start] + text[fix.span.end :] == "The council approved the budget.\n"


def test_opener_variants_in_plain_text():
    for opener in (
        "Here's the SEO-optimized news article you requested:",
        "I have rewritten the story as requested.",
        "Sure, here's a more engaging headline:",
    ):
        found = findings(opener + "\nThe council approved the budget.\n", name="a.txt", select=RULE)
        assert [(f.line, f.column) for f in found] == [(1, 1)], opener


def test_model_talk_inside_a_paragraph():
    text = "The council approved the budget. As an AI language model, I cannot verify the figures.\n"
    found = findings(text, select=RULE)
    assert located(found) == [("seo-prompt-leftover", 1, 34, 1, 87)]
    closing = "The council approved the budget.\n\nLet me know if you'd like any changes to the tone.\n"
    found = findings(closing, select=RULE)
    assert [(f.line, f.column, snippet(closing, f)) for f in found] == [
        (3, 1, "Let me know if you'd like any changes to the tone.")
    ]


def test_quoted_and_reader_facing_phrases_are_left_alone():
    text = (
        "The chatbot replied, “As an AI language model, I cannot give legal advice.”\n\n"
        "Here is the full text of the mayor's speech:\n\n"
        "Here are the results of the survey.\n\n"
        "Let me know if you have questions, the clerk told residents.\n\n"
        "Feel free to bring a chair.\n"
    )
    assert findings(text, select=RULE) == []


def test_text_handed_to_the_user():
    text = "Here is your news article, optimized for search engines:\n\nThe council approved the budget.\n"
    found = findings(text, select=RULE)
    assert located(found) == [("seo-prompt-leftover", 1, 1, 1, 57)]


def test_fiction_disclaimers_and_requests():
    text = "The board met.\n\nNote: The above article is a fictional news report written as you requested.\n"
    found = findings(text, select=RULE)
    assert [snippet(text, f) for f in found] == [
        "Note: The above article is a fictional news report written as you requested."
    ]
    assert findings("The data was released as requested by the committee.\n", select=RULE) == []


def test_a_request_for_the_material_takes_the_promised_list_with_it():
    text = (
        "Please send me the article you want me to shorten, and I will trim it.\n"
        "Once you send it, I will:\n"
        "1. **Cut the repeated quotes.**\n"
        "2. **Tighten the opening paragraph.**\n"
        "\n"
        "The ferry service resumes on Friday.\n"
    )
    found = findings(text, name="draft.txt", select=RULE)
    assert located(found) == [("seo-prompt-leftover", 1, 1, 4, 38)]
    assert "“Please send me the article you want me to shorten, and I will trim it.”" in found[0].message


def test_weak_clues_need_corroboration_from_the_same_article():
    hedged = (
        "Voters in the county (or city, or ward, depending on the race) head to the polls today.\n\n"
        "Turnout is expected to be high (or low, depending on the weather) across the region.\n\n"
        "This article will serve as your guide to the count as results come in overnight.\n"
    )
    found = findings(hedged, name="live.txt", select=RULE)
    assert [(f.line, f.end_line) for f in found] == [(1, 5)]
    # One such clue alone is how many human writers introduce a post.
    blog = "In this post, we will explore how the team moved its forms online.\n\nIt took a year.\n"
    assert findings(blog, select=RULE) == []


def test_answer_labels_and_generator_credits():
    text = (
        "Title: Harbour ferry returns\n\n"
        "The harbour ferry returns to its winter timetable on Friday, the operator said.\n\n"
        "* Sam helped WriteBot to generate this content.\n"
    )
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, snippet(text, f)) for f in found] == [
        (1, "Title: Harbour ferry returns"),
        (5, "Sam helped WriteBot to generate this content."),
    ]
    assert findings("The title: a novel in three parts, was published in May.\n", select=RULE) == []


def test_a_labelled_list_explaining_parts_of_a_story_is_not_an_answer_label():
    text = "A story has parts:\n\n1. Headline: a short title.\n2. Lede: the first paragraph.\n"
    assert findings(text, name="guide.txt", select=RULE) == []


def test_more_of_the_assistants_voice():
    for line in (
        "I can't browse the internet, so the figures above may be out of date.",
        "Let me know if you want a shorter version or a different tone.",
        "Note: This draft is fictional and written for illustration only.",
        "I hope this revised version works for your newsletter!",
    ):
        text = "The council met on Monday to approve the new budget for the harbour.\n\n" + line + "\n"
        assert [f.line for f in findings(text, select=RULE)] == [3], line
    human = "As requested by the committee, the report was published on Friday.\n"
    assert findings(human, select=RULE) == []


def test_the_assistant_reporting_its_work_in_new_wordings():
    story = "The board met on Monday and voted on the plan after a debate.\n\n"
    lines = [
        "I have tightened the second paragraph and cut the jargon, as you asked.",
        "Note: the names above are made up placeholders, for the editor to replace.",
        "Updated story follows, with shorter sentences:",
    ]
    for line in lines:
        text = story + line + "\n\nThe board voted again on Tuesday.\n"
        assert [(f.line, f.column) for f in findings(text, select=RULE)] == [(3, 1)], line


def test_the_assistants_offers_limits_and_labels_in_other_wordings():
    story = "The board met on Monday and voted on the plan after a debate.\n\n"
    lines = [
        "Alright, here's the story rewritten in a plainer style:",
        "I could not verify the vote totals because I lack web access.",
        "If you want, I can also turn this into a short radio script.",
        "In this draft I cut the second quote, per your brief.",
        "Target audience: commuters in the valley",
    ]
    for line in lines:
        text = story + line + "\n\nThe board voted again on Tuesday.\n"
        assert [(f.line, f.column) for f in findings(text, name="story.txt", select=RULE)] == [(3, 1)], line
