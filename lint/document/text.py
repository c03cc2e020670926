"""Plain-text articles: paragraphs, headings, list items and pipe tables from bare lines.

Text exported from a CMS often has one paragraph per line and no blank lines, with headings as
short lines of their own. Text typed by hand is hard-wrapped with blank lines between
paragraphs. A group of lines between blank lines is read as hard-wrapped prose when its lines
are of a similar, moderate width; otherwise every line is a block of its own.
"""

from __future__ import annotations

import statistics

from lint.document.directives import is_directive_line
from lint.document.mapped import MappedText
from lint.document.model import Block, BlockKind, Document
from lint.document.span import Span
from lint.document.tables import table_blocks
from lint.document.toc import promote_toc_headings
from lint.patterns import lazy_re

LIST_MARKER = lazy_re(r"[ \t]*(?P<marker>[-*•+‣◦]|\d{1,3}[.)])[ \t]+")
TABLE_LINE = lazy_re(r"^[ \t]*\|")
_HEADING_END_OK = lazy_re(r"[^.,;:!…\"”'’]$")
_WRAP_MIN, _WRAP_MAX = 30, 100


def parse_text(path: str, source: str) -> Document:
    doc = Document(path=path, source=source, format="text")
    lines = _lines(source)
    groups: list[list[tuple[int, int]]] = [[]]
    for start, end in lines:
        # A suppression directive line is not prose: it separates blocks like a blank line.
        if source[start:end].strip() and not is_directive_line(source[start:end]):
            groups[-1].append((start, end))
        elif groups[-1]:
            groups.append([])
    blocks: list[Block] = []
    tables = 0
    for group in groups:
        if not group:
            continue
        new = _group_blocks(source, group, tables)
        # Count only this group's new tables: recounting every block made long files quadratic.
        tables += sum(1 for b in new if b.table and b.table.row == 0)
        blocks.extend(new)
    _mark_title(blocks)
    doc.blocks = promote_toc_headings(blocks)
    return doc


def _lines(source: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in source.split("\n"):
        end = pos + len(line)
        trimmed = end - 1 if line.endswith("\r") else end
        out.append((pos, trimmed))
        pos = end + 1
    return out


def _group_blocks(source: str, group: list[tuple[int, int]], table_index: int) -> list[Block]:
    kinds = [_line_kind(source[s:e]) for s, e in group]
    prose_lengths = [len(source[s:e].strip()) for (s, e), k in zip(group, kinds, strict=True) if k == "prose"]
    wrapped = (
        len(prose_lengths) >= 2
        and max(prose_lengths) <= _WRAP_MAX
        and statistics.median(prose_lengths) >= _WRAP_MIN
    )
    blocks: list[Block] = []
    i = 0
    while i < len(group):
        kind = kinds[i]
        j = i + 1
        if kind == "table":
            while j < len(group) and kinds[j] == "table":
                j += 1
            blocks.extend(table_blocks(source, group[i:j], table_index))
            table_index += 1
        elif kind == "list":
            # Continuation lines of a wrapped list item are indented prose lines.
            while j < len(group) and kinds[j] == "prose" and source[group[j][0]] in " \t":
                j += 1
            blocks.append(_list_item(source, group[i][0], group[j - 1][1]))
        else:
            if wrapped:
                while j < len(group) and kinds[j] == "prose":
                    j += 1
            blocks.append(_prose_block(source, group[i][0], group[j - 1][1], single_line=j == i + 1))
        i = j
    return blocks


def _line_kind(line: str) -> str:
    if TABLE_LINE.match(line):
        return "table"
    if LIST_MARKER.match(line):
        return "list"
    return "prose"


def _trimmed(source: str, start: int, end: int) -> tuple[int, int]:
    while start < end and source[start].isspace():
        start += 1
    while end > start and source[end - 1].isspace():
        end -= 1
    return start, end


def _list_item(source: str, start: int, end: int) -> Block:
    m = LIST_MARKER.match(source, start, end)
    assert m is not None
    text_start, text_end = _trimmed(source, m.end(), end)
    indent = len(source[start : m.start("marker")].expandtabs(4))
    return Block(
        BlockKind.LIST_ITEM,
        Span(start, end),
        MappedText.from_source(source, text_start, text_end),
        level=indent // 2 + 1,
        ordinal=m.group("marker"),
    )


def _prose_block(source: str, start: int, end: int, single_line: bool) -> Block:
    start, end = _trimmed(source, start, end)
    text = MappedText.from_source(source, start, end)
    kind = BlockKind.HEADING if single_line and looks_like_heading(text.text) else BlockKind.PARAGRAPH
    return Block(kind, Span(start, end), text, level=2 if kind is BlockKind.HEADING else 0)


def looks_like_heading(line: str) -> bool:
    """A short line of its own without final punctuation reads as a heading."""
    words = line.split()
    if not words or len(words) > 15 or len(line) > 120:
        return False
    if not (line[0].isalnum() or line[0] in "“\"‘'"):
        return False
    if line.endswith("?"):
        return len(words) <= 12
    return bool(_HEADING_END_OK.search(line))


def _mark_title(blocks: list[Block]) -> None:
    """The first line of a plain-text article, when it reads as a heading, is the title (level 1)."""
    if blocks and blocks[0].kind is BlockKind.HEADING:
        first = blocks[0]
        blocks[0] = Block(first.kind, first.span, first.text, level=1)
