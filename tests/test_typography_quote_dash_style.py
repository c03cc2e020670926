from helpers import findings, located, snippet

QUOTES = ("quote-style",)
DASHES = ("dash-style",)
TEXT = 'She said "it\'s over" and left.\n'


def test_quote_style_any_is_silent_by_default():
    assert findings(TEXT, select=QUOTES) == []
    assert findings("The talks — which—stalled -- again.\n", select=DASHES) == []


def test_curly_house_style_flags_straight_quotes_with_the_right_curly_mark():
    found = findings(TEXT, select=QUOTES, settings={"style": {"quotes": "curly"}})
    assert [(f.column, f.fix.replacement, f.fix.safe) for f in found] == [
        (10, "“", False),
        (13, "’", True),
        (20, "”", False),
    ]
    assert "Straight apostrophe ': this outlet uses curly ones (’)." == found[1].message


def test_curly_style_leaves_feet_inches_years_and_code_alone():
    text = 'He is 6\'2" tall and a 12" pizza. See `a = "b"` and https://example.com/?q=\'x\'.\n'
    assert findings(text, select=QUOTES, settings={"style": {"quotes": "curly"}}) == []
    found = findings("Back in the '90s.\n", select=QUOTES, settings={"style": {"quotes": "curly"}})
    assert [f.fix.replacement for f in found] == ["’"]


def test_straight_house_style_flags_curly_quotes():
    text = "She said “it’s over”.\n"
    found = findings(text, select=QUOTES, settings={"style": {"quotes": "straight"}})
    assert [snippet(text, f) for f in found] == ["“", "’", "”"]
    assert [f.fix.replacement for f in found] == ['"', "'", '"']


def test_closed_dash_style():
    text = "The talks – which began in May — stalled. Pages 10 – 12 and 2019–2020.\n"
    found = findings(text, select=DASHES, settings={"style": {"dashes": "closed"}})
    assert located(found) == [("dash-style", 1, 10, 1, 13), ("dash-style", 1, 31, 1, 34)]
    assert [f.fix.replacement for f in found] == ["—", "—"]


def test_spaced_dash_style_and_double_hyphens():
    text = "The talks—which began--stalled. It ran 2019–2020 in Baden-Baden.\n"
    found = findings(text, select=DASHES, settings={"style": {"dashes": "spaced"}})
    assert [snippet(text, f) for f in found] == ["—", "--"]
    assert [f.fix.replacement for f in found] == [" – ", " – "]
