from helpers import findings, located, snippet

RULE = ("glued-heading",)


def test_heading_glued_to_the_first_word_of_the_text():
    text = "Markets calmed on Monday. Rising Prices and a Weakening Currency OutlookAnalysts expect the bank to act.\n"
    found = findings(text, name="story.txt", select=RULE)
    assert located(found) == [("glued-heading", 1, 66, 1, 81)]
    assert snippet(text, found[0]) == "OutlookAnalysts"
    assert "“Rising Prices and a Weakening Currency Outlook”" in found[0].message
    # The break belongs between the heading and the text; where the heading starts is a guess.
    assert found[0].fix is not None and not found[0].fix.safe
    assert found[0].fix.replacement == "\n\n" and found[0].fix.span.start == text.index("Analysts")


def test_title_line_glued_to_a_dateline():
    text = "Storm Hits Coast as Evacuations Begin – Live UpdatesHalifax – Winds of 150 km/h tore roofs off.\n"
    found = findings(text, name="story.txt", select=RULE)
    assert [snippet(text, f) for f in found] == ["UpdatesHalifax"]
    assert located(found)[0][1:3] == (1, 46)


def test_question_heading_glued_across_its_question_mark():
    text = "Prices rose again.\n\nWho Pays for the New Bridge?Under the plan, drivers pay a toll.\n"
    found = findings(text, select=RULE)
    assert [snippet(text, f) for f in found] == ["Bridge?Under"]
    assert located(found) == [("glued-heading", 3, 22, 3, 34)]


def test_faq_heading_glued_to_its_first_question():
    text = "Common Reader QuestionsQ: When does the toll start? A: In May.\n"
    found = findings(text, name="story.txt", select=RULE)
    assert [snippet(text, f) for f in found] == ["QuestionsQ"]
    assert located(found) == [("glued-heading", 1, 15, 1, 25)]


def test_camel_case_names_are_not_headings():
    text = (
        "Share It on WhatsApp or YouTube. The Big New PowerPoint template is out. "
        "Meet the Team Behind GitHub and JavaScript Tools. Watch Our New DevOps video now. "
        "The New FedRAMP rules apply. Read the Latest McDonald's menu. Buy the New iPhone today. "
        "She Earned a PhD in physics. Sign In With OAuth first. Update Your macOS now. "
        "Follow Us on LinkedIn for more.\n"
    )
    assert findings(text, select=RULE) == []


def test_glossary_names_are_not_headings():
    text = "Our Annual Media SummitBright hosts the event in May.\n"
    settings = {"glossary": ["SummitBright"]}
    assert findings(text, select=RULE, settings={}) != []
    assert findings(text, select=RULE, settings=settings) == []


def test_a_name_used_twice_is_not_an_accident():
    text = "The Annual Press TrustWorks event opened today.\n\nTrustWorks said the event sold out.\n"
    assert findings(text, select=RULE) == []


def test_running_prose_before_the_camel_word_is_not_a_heading():
    # Lowercase words before the glue: a sentence, not a heading (missing-space territory).
    text = "We asked for more assistance.By then the aid had stopped. He joined the SoundWorks team.\n"
    assert findings(text, select=RULE) == []


def test_full_stop_glue_is_left_to_missing_space():
    text = "Funding From the General Services Administration.This program ends in May.\n"
    assert findings(text, select=RULE) == []


def test_brand_followed_by_more_names_is_not_a_heading():
    text = "Try the Federal Mobile CrowdTesting Lab Program, which opened in May.\n"
    assert findings(text, select=RULE) == []


def test_real_heading_blocks_code_and_front_matter_are_not_searched():
    text = (
        "---\ntitle: Big Storm NewsToday the wind rose\n---\n\n"
        "## Big Storm NewsToday\n\n"
        "```\nBig Storm NewsToday the wind rose\n```\n\n"
        "Run `Big Storm NewsToday the wind` now.\n"
    )
    assert findings(text, select=RULE) == []


def test_twitter_handles_and_quoted_credits_are_not_headings():
    text = "— Jane Doe (@JaneDoe) said it well. Thanks to #HealthTalk and @HealthGov for the help.\n"
    assert findings(text, select=RULE) == []


def test_html_paragraph_points_at_the_source_characters_and_offers_no_fix():
    text = (
        "<html><body><article><p>Storm Warning Issued for the <b>Coast</b>Residents were told to leave.</p>"
        "</article></body></html>\n"
    )
    found = findings(text, name="page.html", select=RULE)
    assert len(found) == 1
    assert snippet(text, found[0]) == "Coast</b>Residents"
    assert (found[0].line, found[0].column) == (1, text.index("Coast") + 1)
    assert found[0].fix is None  # a blank line does not split an HTML paragraph


def test_heading_glued_inside_a_list_item():
    text = "- Key Dates for Voters AheadRegistration closes on Friday.\n"
    found = findings(text, select=RULE)
    assert located(found) == [("glued-heading", 1, 24, 1, 41)]
    assert snippet(text, found[0]) == "AheadRegistration"


def test_double_barrelled_surname_is_not_a_heading():
    # "Zwirko" is no English word, so "ZwirkoHart" reads as a name, not "...Heading" + "Text".
    text = "Award Winners Include Ana ZwirkoHart and her team.\n"
    assert findings(text, select=RULE) == []
