from helpers import findings, snippet

RULE = ("wrong-quote-mark",)


def test_quotes_turned_the_wrong_way_used_as_apostrophes_or_doubled():
    text = (
        "The Marshal”s Office ran ads for “Cheap Winter Tyres“ on Monday.\n\n"
        "She replied, ”Not today.” It was Okoro‘s turn. He said it was \"done\"\".\n"
    )
    found = findings(text, select=RULE)
    assert [(f.line, f.column, snippet(text, f)) for f in found] == [
        (1, 12, "”"),
        (1, 53, "“"),
        (3, 14, "”"),
        (3, 39, "‘"),
        (3, 68, '""'),
    ]
    assert found[0].fix.replacement == "’"
    assert found[1].message == "An opening quotation mark (“) closes this quotation: write “”” in “…Winter Tyres“ on…”."
    assert found[4].fix.replacement == '"'


def test_well_formed_quotes_and_apostrophes_are_left_alone():
    text = (
        "“Yes,” she said. ‘Fine’ is what he wrote, and the ’90s were over. It’s the Marshal’s call.\n\n"
        'He said "no" and left; the sign read "open" and 5" pipes.\n'
    )
    assert findings(text, select=RULE) == []


def test_backtick_or_accent_for_an_apostrophe():
    text = "He don`t care, it´s fine; the `code` and café stay.\n"
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.column, snippet(text, f)) for f in found] == [(7, "`"), (18, "´")]


def test_two_apostrophes_typed_for_double_quotation_marks():
    text = "The mayor said: ''We will rebuild the pier.'' Then he left. It isn't over.\n"
    found = findings(text, select=("wrong-quote-mark",))
    assert [(f.column, snippet(text, f), f.fix.replacement) for f in found] == [(17, "''", "“"), (44, "''", "”")]
