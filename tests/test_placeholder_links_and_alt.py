from helpers import findings, located


def test_missing_alt_in_html_and_markdown():
    text = (
        '<p>The dam <img src="/dam.jpg"> broke. A rule <img src="/line.png" alt=""> here.</p>\n\n'
        "![](/images/levee.jpg)\n\n"
        "![Levee at dawn](/images/levee2.jpg)\n"
    )
    found = findings(text, select=("image-alt-missing",))
    assert located(found) == [("image-alt-missing", 1, 12, 1, 32), ("image-alt-missing", 3, 1, 3, 23)]
    assert all(f.severity.value == "warning" for f in found)


def test_missing_alt_in_html_page():
    text = (
        '<html><body><article><p>Look: <img src="a.jpg"> and <img src="b.jpg" alt="Boat"></p>'
        "</article></body></html>"
    )
    found = findings(text, name="page.html", select=("image-alt-missing",))
    assert [(f.line, f.column) for f in found] == [(1, 31)]


def test_empty_links():
    text = (
        "Read [the report]() and [the annex](<>) or [the memo](#).\n\n"
        '<p>See <a href="">the data</a> and <a name="top"></a> and <a href="#">menu</a>.</p>\n\n'
        "Fine: [the site](https://example.gov) and [a section](#budget).\n"
    )
    found = findings(text, select=("empty-link",))
    assert located(found) == [
        ("empty-link", 1, 6, 1, 20),
        ("empty-link", 1, 25, 1, 40),
        ("empty-link", 1, 44, 1, 57),
        ("empty-link", 3, 8, 3, 31),
    ]
    assert "“the report”" in found[0].message


def test_valueless_alt_attribute_is_decorative():
    text = '<p>A rule <img alt src="/line.png"> and <img src="/x.png" alt> here.</p>\n'
    assert findings(text, select=("image-alt-missing",)) == []
