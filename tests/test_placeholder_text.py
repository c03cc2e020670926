from helpers import findings, snippet


def test_tk_in_markdown_paragraph_points_at_the_characters():
    text = "---\ntitle: A story\n---\n\nSales rose **TK** percent last year.\n"
    found = findings(text, select=("placeholder-text",))
    assert [(f.line, f.column, f.end_column) for f in found] == [(5, 14, 16)]
    assert snippet(text, found[0]) == "TK"


def test_code_and_front_matter_are_not_prose():
    text = "---\ntitle: TK\n---\n\nRun `TK` now.\n\n```\nlorem ipsum\n```\n"
    assert findings(text, select=("placeholder-text",)) == []


RULE = ("placeholder-text",)


def _snippets(text, **kwargs):
    return [snippet(text, f) for f in findings(text, select=RULE, **kwargs)]


def test_markers_of_every_kind_with_positions():
    text = (
        "Turnout was TKTK, up from TK TK last year.\n\n"
        "The minister said: [Insert quote from the minister].\n\n"
        "Officials called it INSERT QUOTE HERE and moved on.\n\n"
        "The plan cost XX percent more [citation needed].\n"
    )
    found = findings(text, select=RULE)
    assert [(f.line, f.column, f.end_column) for f in found] == [
        (1, 13, 17),
        (1, 27, 32),
        (3, 20, 52),
        (5, 21, 38),
        (7, 15, 25),
        (7, 31, 48),
    ]


def test_slots_and_template_tokens_in_plain_text():
    text = "Dear {{ first_name }}, read more at [link] by [Your Name] on 20XX and pay $XX.\n"
    assert _snippets(text, name="note.txt") == ["{{ first_name }}", "[link]", "[Your Name]", "20XX", "$XX"]


def test_template_tokens_are_markup_when_the_outlet_uses_liquid():
    text = 'Read {{ page.title }} and {{< ref "x.md" >}} today.\n'
    assert _snippets(text) == []
    assert _snippets(text, settings={"markdown": {"template_syntax": ["hugo"]}}) == ["{{ page.title }}"]


def test_lorem_ipsum_filler_but_not_the_subject():
    filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n\nLorem Ipsum\n"
    assert _snippets(filler) == [
        "Lorem ipsum",
        "dolor sit amet",
        "consectetur adipiscing elit",
        "Lorem Ipsum",
    ]
    subject = "Designers fill mock-ups with Lorem Ipsum, the famous dummy text, instead of real copy.\n"
    assert _snippets(subject) == []


def test_tk_lookalikes_are_not_placeholders():
    text = (
        "The bout ended in a TKO. TK Maxx opened a store. The trooper TK-421 left. "
        "Python's Tk toolkit and tkinter draw windows. ATK and TKS are tickers.\n"
    )
    assert _snippets(text) == []
    assert _snippets("We met TK at noon.\n", settings={"glossary": ["TK"]}) == []


def test_slots_in_quoted_templates_are_examples():
    text = (
        "Send this: “Here's the link for today's session:[link]”.\n\n"
        "> For the week ending XX/XX/XX, we spent $XX.\n\n"
        "Mobile [phone] use grew. Pope Pius XX? No. The XX chromosome. The xx band.\n"
    )
    assert _snippets(text) == []
    # markers are still markers inside quotes
    assert _snippets("“We spent TK on it,” she said.\n") == ["TK"]


def test_extra_patterns_from_the_outlet_run_safely():
    text = "The fee is ##AMOUNT## this year.\n"
    assert _snippets(text, settings={"checks": {"placeholder-text": {"extra_patterns": ["##[A-Z]+##"]}}}) == [
        "##AMOUNT##"
    ]


def test_bracketed_requests_and_counted_slots():
    text = "The union objected. [Quote from union leader] About XXX people came, said [name of official].\n"
    assert _snippets(text) == ["[Quote from union leader]", "XXX people", "[name of official]"]
    assert _snippets("The XX chromosome and XXL shirts. [The mayor] said so.\n") == []
