from helpers import findings, located, snippet

RULE = ("truncated-ending",)


def test_article_ending_on_an_article_word():
    text = "# Talks\n\nMinisters met on Monday.\n\nThe plan will be discussed again by the\n"
    found = findings(text, select=RULE)
    assert located(found) == [("truncated-ending", 5, 15, 5, 40)]
    assert snippet(text, found[0]).endswith("by the")
    assert "“the”" in found[0].message


def test_article_ending_on_a_comma_or_a_cut_teaser():
    assert [f.line for f in findings("Ministers met on Monday, and,\n", select=RULE)] == [1]
    teaser = (
        "Ministers said on Monday that the government would consider a new set of measures to help "
        "families…\n"
    )
    assert [f.line for f in findings(teaser, select=RULE)] == [1]


def test_sign_offs_lists_and_complete_sentences_are_quiet():
    for text in (
        "The team met.\n\nThat's all for now...\n",
        "The team met.\n\n— The members of the team\n",
        "The team met.\n\nThanks to Alice, Bob and Carol\n",
        "The team met.\n\n- one\n- two of the\n",
        "Nobody knows what the new alloy is made of.\n",
    ):
        assert findings(text, select=RULE) == [], text
