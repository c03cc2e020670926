from helpers import findings, located

RULE = ("unbalanced-quotes",)


def test_quotation_never_closed():
    text = "“We will not give up, the minister said on Monday.\n\nTalks resume in May.\n\n## Next\n"
    found = findings(text, select=RULE)
    assert located(found) == [("unbalanced-quotes", 1, 1, 1, 2)]
    assert "never closed" in found[0].message


def test_straight_and_stray_closing_quotes():
    text = 'He called it a "victory and left.\n\n## Later\n\nShe said it was over.” Then she left.\n'
    found = findings(text, select=RULE)
    assert [(f.line, f.column) for f in found] == [(1, 16), (5, 22)]
    assert "no opening" in found[1].message


def test_long_quotations_nested_quotes_measures_and_apostrophes_are_quiet():
    text = (
        "“The first part of the statement runs on.\n\n“The second part ends here,” she said.\n\n"
        "“A quotation whose writer forgot the mark on the next paragraph.\n\n"
        "It ends here,” he said.\n\n"
        "“She told me ‘no’ twice,” he said. The 27\" screen isn’t Joe’s.\n\n"
        'Use <link rel="canonical"> and {{< img alt="a "quoted" name" >}} here.\n'
    )
    assert findings(text, select=RULE) == []
