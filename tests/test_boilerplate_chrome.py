from helpers import findings, located, snippet

RULE = ("boilerplate-chrome",)


def test_adblock_notice_at_the_end_of_a_paragraph():
    text = "Talks resume on Monday in Geneva. Adblock Detected |\n"
    found = findings(text, name="story.txt", select=RULE)
    assert located(found) == [("boilerplate-chrome", 1, 35, 1, 51)]
    assert snippet(text, found[0]) == "Adblock Detected"
    assert "delete it" in found[0].message


def test_cookie_banner_and_share_line_in_markdown():
    text = (
        "# Budget vote\n\nThe council approved the budget.\n\n"
        "We use cookies to improve your experience on our site.\n\nShare this article\n"
    )
    found = findings(text, select=RULE)
    assert [(f.line, f.column) for f in found] == [(5, 1), (7, 1)]
    assert snippet(text, found[1]) == "Share this article"


def test_editorial_uses_of_the_same_words_are_quiet():
    text = (
        "# Read more\n\n- [Guide to budgets](https://example.org/guide)\n\n"
        "Readers asked us to share this article's data, so we published it.\n\n"
        "The site stores a cookie named session for each visitor.\n\n"
        "Users who accept all cookies are tracked, and few turn off ad blockers. "
        "She decided to share the story on Facebook.\n"
    )
    assert findings(text, select=RULE) == []


def test_outlet_phrases_come_from_options():
    text = "Rates rose again.\n\nDownload the Example app for alerts.\n"
    settings = {"checks": {"boilerplate-chrome": {"extra_phrases": ["download the example app"]}}}
    found = findings(text, settings=settings, select=RULE)
    assert located(found) == [("boilerplate-chrome", 3, 1, 3, 25)]
