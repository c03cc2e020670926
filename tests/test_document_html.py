from lint.document import BlockKind, ParseOptions, parse

PAGE = """<!DOCTYPE html>
<html><head><title>Storm Hits Coast | Daily</title><style>p{color:red}</style></head>
<body>
<nav><a href="/">Home</a></nav>
<header><h1>Site name</h1></header>
<article>
  <h2>Storm Hits Coast</h2>
  <p>Winds reached 90 mph &mdash; the highest since 2011.</p>
  <ul><li>Roads closed</li><li>Schools shut</li></ul>
  <figure><img src="wave.jpg" alt="A wave hits the pier"><figcaption>Waves on Friday.</figcaption></figure>
  <table><tr><th>Town</th><th>Rain</th></tr><tr><td>Dover</td><td>3 in</td></tr></table>
  <p>Run <code>tk-tool</code> now.<!-- an editor's comment --></p>
  <pre>lorem ipsum</pre>
  <img src="x.png">
</article>
<footer><p>Subscribe to our newsletter</p></footer>
<script>var s = "TK";</script>
</body></html>
"""


def test_only_the_article_is_prose() -> None:
    doc = parse("a.html", PAGE)
    texts = [(b.kind, b.text.text) for b in doc.blocks if b.kind is not BlockKind.TABLE_ROW]
    assert texts == [
        (BlockKind.HEADING, "Storm Hits Coast"),
        (BlockKind.PARAGRAPH, "Winds reached 90 mph — the highest since 2011."),
        (BlockKind.LIST_ITEM, "Roads closed"),
        (BlockKind.LIST_ITEM, "Schools shut"),
        (BlockKind.PARAGRAPH, "\ufffc"),  # the figure's image: an atom, not prose
        (BlockKind.CAPTION, "Waves on Friday."),
        (BlockKind.PARAGRAPH, "Run \ufffc now."),
        (BlockKind.CODE, ""),
        (BlockKind.PARAGRAPH, "\ufffc"),
    ]
    assert doc.title == "Storm Hits Coast | Daily"


def test_entities_and_positions_map_to_source() -> None:
    doc = parse("a.html", PAGE)
    para = doc.blocks[1]
    dash = para.text.text.index("—")
    span = para.text.span(dash, dash + 1)
    assert PAGE[span.start : span.end] == "&mdash;"
    word = para.text.text.index("highest")
    span = para.text.span(word, word + 7)
    assert PAGE[span.start : span.end] == "highest"
    pos = doc.position(span.start)
    assert (pos.line, pos.column) == (8, 39)


def test_tables_and_images() -> None:
    doc = parse("a.html", PAGE)
    rows = [b for b in doc.blocks if b.kind is BlockKind.TABLE_ROW]
    assert [[c.text for c in r.cells] for r in rows] == [["Town", "Rain"], ["Dover", "3 in"]]
    assert rows[0].table is not None and rows[0].table.is_header
    assert [(i.alt, i.src) for i in doc.images] == [("A wave hits the pier", "wave.jpg"), (None, "x.png")]


def test_article_selector_from_config() -> None:
    page = '<body><div class="side"><p>Ads here.</p></div><div class="story main"><p>Real text.</p></div></body>'
    doc = parse("a.html", page, ParseOptions(article_selector="div.story"))
    assert [b.text.text for b in doc.blocks] == ["Real text."]


def test_unclosed_tags_do_not_lose_text() -> None:
    doc = parse("a.html", "<p>One <b>two<p>Three")
    assert [b.text.text for b in doc.blocks] == ["One two", "Three"]
