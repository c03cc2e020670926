from lint.document import BlockKind, Document, parse

# Shaped like a CMS export: one paragraph per line, headings as short lines, no blank lines.
EXPORT = """Harbor Town Braces for Storm
Contents
- 1. Harbor Town Braces for Storm
- 2. What Residents Should Know
Harbor Town, Maine – Officials ordered boats out of the bay on Friday as the storm approached. Crews stacked sandbags.
What Residents Should Know
Schools will close at noon. Shelters open at 4 p.m.
| Place | Opens |
|---|---|
| Gym | 4 p.m. |
| Library | 5
"""


def test_lines_become_blocks() -> None:
    doc = parse("a.txt", EXPORT)
    kinds = [(doc.position(b.span.start).line, b.kind, b.level) for b in doc.blocks]
    assert kinds == [
        (1, BlockKind.HEADING, 1),
        (2, BlockKind.HEADING, 2),
        (3, BlockKind.LIST_ITEM, 1),
        (4, BlockKind.LIST_ITEM, 1),
        (5, BlockKind.PARAGRAPH, 0),
        (6, BlockKind.HEADING, 2),
        (7, BlockKind.PARAGRAPH, 0),
        (8, BlockKind.TABLE_ROW, 0),
        (9, BlockKind.TABLE_ROW, 0),
        (10, BlockKind.TABLE_ROW, 0),
        (11, BlockKind.TABLE_ROW, 0),
    ]
    last = doc.blocks[-1]
    assert [c.text for c in last.cells] == ["Library", "5"]
    assert last.table is not None and last.table.header_cells == 2


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "The council met on Monday evening to discuss the plan for the\n"
        "new library, which has been delayed for more than two years now.\n"
        "\n"
        "Short line\n"
    )
    doc = parse("a.txt", text)
    assert [b.kind for b in doc.blocks] == [BlockKind.PARAGRAPH, BlockKind.HEADING]
    assert doc.blocks[0].text.text.endswith("two years now.")


def test_sentence_spans_point_at_source() -> None:
    doc = parse("a.txt", EXPORT)
    para = doc.blocks[4]
    second = para.sentences[1]
    assert second.text == "Crews stacked sandbags."
    pos = doc.position(second.span.start)
    assert EXPORT.split("\n")[pos.line - 1][pos.column - 1 :].startswith("Crews")


def test_shared_work_is_known_once_worked_out() -> None:
    doc = parse("a.txt", "The council met.\n")
    assert not doc.is_shared(str.upper, "council")
    assert doc.shared(str.upper, "council") == "COUNCIL"
    assert doc.is_shared(str.upper, "council") and not doc.is_shared(str.upper, "met")
    assert doc.shared_whole(_block_count) == 1 and doc.is_shared(_block_count)


def _block_count(doc: Document) -> int:
    return len(doc.blocks)
