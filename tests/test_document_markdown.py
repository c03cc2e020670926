from lint.document import BlockKind, ParseOptions, parse
from lint.document.mapped import ATOM

ARTICLE = """---
title: Port Reopens
keywords: [port, shipping]
---

# Port Reopens After Storm

The **harbor** reopened on [Tuesday](https://example.com/tue) at 9:30 a.m. &amp; crews cheered.

- First ships arrived
- Tugs *waited* offshore

| Ship | Tons |
|------|------|
| Aurora | 1,200 |

```python
print("TK")
```

{{< figure src="port.jpg" >}}

Use `make build` to run it. ![Dock at dawn](dock.jpg)

<p>Harbor <em>master</em> spoke.</p>
"""


def test_front_matter_is_metadata_not_prose() -> None:
    doc = parse("a.md", ARTICLE)
    assert doc.front_matter == {"title": "Port Reopens", "keywords": ["port", "shipping"]}
    assert doc.title == "Port Reopens"
    assert all("keywords" not in b.text.text for b in doc.blocks)


def test_blocks_kinds_and_positions() -> None:
    doc = parse("a.md", ARTICLE)
    summary = [(b.kind, doc.position(b.span.start).line, b.text.text) for b in doc.blocks]
    assert summary[0] == (BlockKind.HEADING, 6, "Port Reopens After Storm")
    assert summary[1][:2] == (BlockKind.PARAGRAPH, 8)
    assert summary[1][2] == "The harbor reopened on Tuesday at 9:30 a.m. & crews cheered."
    assert [s[:3] for s in summary[2:4]] == [
        (BlockKind.LIST_ITEM, 10, "First ships arrived"),
        (BlockKind.LIST_ITEM, 11, "Tugs waited offshore"),
    ]
    rows = [b for b in doc.blocks if b.kind is BlockKind.TABLE_ROW]
    assert [[c.text for c in r.cells] for r in rows] == [["Ship", "Tons"], ["------", "------"], ["Aurora", "1,200"]]
    assert rows[1].table is not None and rows[1].table.is_delimiter
    code = [b for b in doc.blocks if b.kind is BlockKind.CODE]
    assert len(code) == 1 and code[0].text.text == ""
    assert summary[-3][2] == ATOM  # a lone shortcode is an atom, not prose
    assert summary[-2][2] == f"Use {ATOM} to run it. {ATOM}"
    assert summary[-1][:3] == (BlockKind.PARAGRAPH, 25, "Harbor master spoke.")


def test_prose_maps_back_to_exact_source_characters() -> None:
    doc = parse("a.md", ARTICLE)
    para = doc.blocks[1]
    text = para.text.text
    for word in ("harbor", "Tuesday", "crews"):
        i = text.index(word)
        span = para.text.span(i, i + len(word))
        assert ARTICLE[span.start : span.end] == word
        pos = doc.position(span.start)
        assert ARTICLE.split("\n")[pos.line - 1][pos.column - 1 :].startswith(word)
    amp = text.index("&")
    span = para.text.span(amp, amp + 1)
    assert ARTICLE[span.start : span.end] == "&amp;"


def test_links_and_images_are_recorded() -> None:
    doc = parse("a.md", ARTICLE)
    assert [(link.text, link.href) for link in doc.links] == [("Tuesday", "https://example.com/tue")]
    assert [(i.alt, i.src) for i in doc.images] == [("Dock at dawn", "dock.jpg")]


def test_template_syntax_can_be_turned_off() -> None:
    doc = parse("a.md", "Hello {{ name }} there.\n", ParseOptions(template_syntax=()))
    assert doc.blocks[0].text.text == "Hello {{ name }} there."


def test_crlf_line_endings_keep_columns() -> None:
    source = "# Title\r\n\r\nOne two.\r\n"
    doc = parse("a.md", source)
    para = doc.blocks[1]
    assert para.text.text == "One two."
    assert doc.position(para.text.span(4, 7).start) == doc.position(source.index("two"))
    assert doc.position(source.index("two")).column == 5


def test_broken_front_matter_is_a_problem_not_a_crash() -> None:
    doc = parse("a.md", "---\ntitle: [unclosed\n---\n\nBody text.\n")
    assert doc.problems and "front matter" in doc.problems[0].message
    assert doc.blocks[-1].text.text == "Body text."


def test_template_tags_inside_raw_html_are_atoms_not_prose() -> None:
    source = 'Intro.\n\n<p>See <a href="{{< ref "team.md" >}}">the team</a> and {{ "x" | team_link }} today.</p>\n'
    doc = parse("a.md", source)
    html_block = doc.blocks[-1]
    assert html_block.text.text == f"See the team and {ATOM} today."
    i = html_block.text.text.index("today")
    span = html_block.text.span(i, i + 5)
    assert source[span.start : span.end] == "today"


# Every kind of block line, at the start of a block and inside paragraphs, lists and quotes
# (where markdown-it asks its rules whether the line ends the block): lines starting with each
# rule's marker, with markers that turn out not to open anything, indented, tabbed and lazy.
_BLOCK_RULES_ARTICLE = """\
# Heading one
Setext heading
==============
A paragraph line
- ends at a list item
1. and ordered ones
2) with either mark
> a quote
continued lazily
> - a list in a quote
>   1. nested ordered
    indented after a paragraph stays in it

    indented code block
\tcode after a tab
***
- - -
___
--
-notalist and *not emphasis
+ plus item

10. ten
1234567890. too long a number

| a | b |
|---|:-:|
| 1 | 2 |
no | table
--- | ---
text
```python
fenced *code*
```
~~~
tilde fence
~~~
<div>html block</div>
<!-- a comment -->
<?php echo 1; ?>
[ref]: https://example.com "Title"
[not a ref] here
#not a heading
####### seven hashes
  ## indented heading ##
paragraph
***
after a break
"""


def test_markdown_block_rules_give_markdown_its_own_tokens() -> None:
    # The parser skips calling a block rule on lines that cannot start with its marker; the
    # tokens must be those of a markdown-it parser that tries every rule everywhere.
    from markdown_it import MarkdownIt

    from lint.document.markdown import _parser

    plain = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).disable(["inline", "text_join"])
    for text in (_BLOCK_RULES_ARTICLE, _BLOCK_RULES_ARTICLE.replace("\n", "\r\n"), "- a\n  - b\n\n  c\n- d\n"):
        ours = [token.as_dict() for token in _parser().parse(text)]
        assert ours == [token.as_dict() for token in plain.parse(text)]
        kinds = {token["type"] for token in ours}
        if text.startswith("#"):
            assert {"heading_open", "bullet_list_open", "ordered_list_open", "blockquote_open", "code_block",
                    "hr", "table_open", "fence", "html_block", "paragraph_open"} <= kinds
