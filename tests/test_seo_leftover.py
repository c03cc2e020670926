from helpers import findings, located, snippet

RULE = ("seo-leftover",)

STORY = "The harbour board voted on Tuesday to dredge the east channel.\n\nWork starts in March.\n"


def test_keyword_line_and_notes_block_are_one_finding_in_plain_text():
    text = (
        "Harbour Board Backs Dredging Plan\n"
        "The harbour board voted on Tuesday to dredge the east channel, ending a two-year dispute.\n"
        "Focus keywords: harbour dredging, east channel, port budget\n"
        "Writing notes:\n"
        "- Search intent: The piece answers what the dredging means for ferry users.\n"
        "- Freshness: Added the date of the vote in the first line.\n"
        "Ferries will run as normal during the work.\n"
    )
    found = findings(text, name="story.txt", select=RULE)
    assert located(found) == [("seo-leftover", 3, 1, 6, 59)]
    assert snippet(text, found[0]).startswith("Focus keywords:")
    assert "“Focus keywords”" in found[0].message and "lines 3–6" in found[0].message
    assert found[0].fix is not None and found[0].fix.safe is False  # a keyword line leads the block


def test_notes_heading_and_field_list_in_markdown_is_removed_safely():
    text = (
        STORY
        + "\n## SEO checklist\n\n* Meta title: Harbour board backs dredging\n* Slug: harbour-board-dredging\n"
    )
    found = findings(text, select=RULE)
    assert located(found) == [("seo-leftover", 5, 4, 8, 31)]
    fix = found[0].fix
    assert fix is not None and fix.safe
    assert text[: fix.span.start] + text[fix.span.end :] == STORY + "\n"


def test_single_meta_fields_of_several_kinds():
    cases = {
        "Word count: 812 words": "Word count",
        "URL slug: harbour-board-dredging": "URL slug",
        "Meta description: The harbour board backs a plan to dredge the east channel.": "Meta description",
        "Primary keyphrase: harbour dredging": "Primary keyphrase",
        "Internal links: Linked to our March story on ferry delays.": "Internal links",
    }
    for line, label in cases.items():
        found = findings(STORY + "\n" + line + "\n", select=RULE)
        assert len(found) == 1, line
        assert found[0].line == 5 and found[0].column == 1, line
        assert f"“{label}”" in found[0].message


def test_ai_checklist_without_heading_counts_when_it_talks_about_the_article():
    text = STORY + (
        "\nTone: The article keeps a neutral tone throughout.\n"
        "AI detector score: The text was varied to read as human writing.\n"
    )
    found = findings(text, select=RULE)
    assert located(found) == [("seo-leftover", 5, 1, 6, 65)]


def test_html_paragraphs():
    text = (
        "<html><body><article><h1>Dredging</h1><p>The board voted on Tuesday.</p>"
        "<p>Keywords: dredging, harbour, east channel, ferries</p></article></body></html>"
    )
    found = findings(text, name="page.html", select=RULE)
    assert len(found) == 1 and snippet(text, found[0]) == "Keywords: dredging, harbour, east channel, ferries"
    assert found[0].fix is not None and not found[0].fix.safe


def test_front_matter_keywords_and_description_are_metadata():
    text = (
        "---\ntitle: Dredging\nkeywords: [dredging, harbour]\n"
        "description: The board votes.\nslug: dredging-vote\n---\n\n"
        + STORY
    )
    assert findings(text, select=RULE) == []


def test_articles_that_explain_seo_to_readers_are_left_alone():
    text = (
        "# Writing for search\n\n"
        "Search engines read a page's title tag and meta description before anything else.\n\n"
        "## SEO tips\n\n"
        "- Keywords: Use the words your users type, not agency jargon.\n"
        "- Meta description: A short summary that appears under the link in results.\n"
        "- Title tag: The text shown in the browser tab; keep it under 60 characters.\n"
        "- Slug: the part of the address after the domain.\n\n"
        "Readability: the article you are reading was tested with users, and it shows in the results.\n\n"
        "We also reviewed keywords: agencies use many of them.\n"
    )
    assert findings(text, select=RULE) == []


def test_labels_that_are_ordinary_in_news_need_meta_shape():
    text = (
        STORY + "\nSources: Harbour board minutes and interviews with ferry operators.\n\n"
        "Structure: The new quay will be built of concrete.\n\n"
        "Tags: Ports\n"
    )
    assert findings(text, select=RULE) == []


def test_code_blocks_and_tables_are_not_notes():
    text = (
        STORY + "\n```\nKeywords: a, b, c, d\n```\n\n| Field | Value |\n|---|---|\n| Keywords: | a, b, c |\n"
    )
    assert findings(text, select=RULE) == []


def test_outlet_labels_from_options():
    text = (
        STORY
        + "\nDesk checklist:\n- Angle: The story leads on the ferry delays.\n"
          "- Picture desk: The photo is agreed.\n"
    )
    assert findings(text, select=RULE) == []
    found = findings(
        text, select=RULE, settings={"checks": {"seo-leftover": {"extra_labels": ["desk checklist"]}}}
    )
    assert located(found) == [("seo-leftover", 5, 1, 7, 37)]


def test_bold_labels_with_size_hints_and_weak_fields_join_the_block():
    text = (
        STORY
        + "\n---\n\n"
          "**SEO Meta Description (155 characters):** The harbour board backs dredging the east channel.\n\n"
        "**Suggested URL:** /harbour-board-backs-dredging\n\n**Tags:** harbour, dredging, ferries\n"
    )
    found = findings(text, select=RULE)
    assert [(f.line, f.end_line) for f in found] == [(7, 11)]
    assert "“SEO Meta Description”, “Suggested URL”, “Tags”" in found[0].message


def test_notes_headers_with_unlabelled_items():
    cases = [
        "### Optimization notes\n\n- The headline includes the primary keyword.\n"
        "- Keyword density is about 1.5 percent.\n",
        "Headline options:\n1. Board Backs Channel Dredging\n2. East Channel Dredging Wins Approval\n",
        "Key SEO elements used:\n* Primary keyword used in the first paragraph\n"
        "* Internal link to our ferry coverage\n",
    ]
    for case, end_line in zip(cases, (8, 7, 7), strict=True):
        found = findings(STORY + "\n" + case, select=RULE)
        assert [(f.line, f.end_line) for f in found] == [(5, end_line)], case


def test_advice_under_an_seo_checklist_is_an_article_about_seo():
    text = (
        "## Provide good SEO\n\nSearch engines rank pages that answer questions clearly.\n\n"
        "SEO checklist:\n\n* Make sure search engines can crawl your site.\n"
        "* Use keywords your audience uses in your content and meta tags.\n"
        "* Summarize each page in its meta description.\n\nThe rest of the guide covers analytics.\n"
    )
    assert findings(text, select=RULE) == []


def test_field_in_parentheses_at_the_end():
    found = findings(STORY + "\n(Word count: 612)\n", select=RULE)
    assert located(found) == [("seo-leftover", 5, 1, 5, 18)]


def test_any_label_naming_seo_and_a_word_budget():
    text = STORY + "\nSEO-friendly title: Board Backs Channel Dredging\n\nLength: 750 words\n"
    found = findings(text, select=RULE)
    assert [(f.line, f.end_line) for f in found] == [(5, 7)]
    assert findings(STORY + "\nLength: 3 miles of new channel.\n", select=RULE) == []


def test_fields_run_into_the_end_of_a_paragraph():
    text = (
        "Work starts in March and ends in June.Keywords: harbour dredging, east channel, ferries\n\n"
        "Ferries keep running. (Word count: 640) The board meets again in May.\n\n"
        "Our keywords: the words readers use. The board said: Keywords: none were given.\n"
    )
    found = findings(text, select=RULE)
    assert [snippet(text, f) for f in found] == [
        "Keywords: harbour dredging, east channel, ferries",
        "Word count: 640",
    ]


def test_keyword_heading_with_a_bare_term_list_and_hashtag_lines():
    text = STORY + "\n## Keywords\n\nharbour, dredging, east channel, ferries, port budget\n"
    assert [(f.line, f.end_line) for f in findings(text, select=RULE)] == [(5, 7)]
    tags = STORY + "\n#Harbour #Dredging #EastChannel\n"
    assert [f.line for f in findings(tags, select=RULE)] == [5]
    prose = STORY + "\n## Keywords\n\nThe words people search for matter, the team found.\n\n#1 #2\n"
    assert findings(prose, select=RULE) == []


def test_any_meta_field_in_the_last_lines():
    text = STORY + "\nInternal links: our March ferry story, the port budget explainer\n"
    assert [f.line for f in findings(text, select=RULE)] == [5]
    middle = "Internal links: our March ferry story, the port budget explainer\n\n" + STORY
    middle += "\nMore.\n\nEven more.\n"
    assert findings("Intro.\n\nMore intro.\n\nAnd more.\n\nStill more.\n\n" + middle, select=RULE) == []


def test_an_explicit_seo_field_in_the_middle_of_an_article():
    body = "The council approved the budget on Monday after a long debate about the roads.\n\n"
    text = body * 4 + "Meta description: Council approves budget after long debate\n\n" + body * 4
    found = findings(text, select=("seo-leftover",))
    assert [f.line for f in found] == [9]
