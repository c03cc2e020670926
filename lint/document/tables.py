"""Pipe-table rows, shared by the Markdown and plain-text parsers."""

from __future__ import annotations

from lint.document.mapped import MappedText
from lint.document.model import Block, BlockKind, TableInfo
from lint.document.span import Span
from lint.patterns import lazy_re

_DELIMITER_CELL = lazy_re(r"^\s*:?-{1,}:?\s*$")


def cell_spans(source: str, start: int, end: int) -> list[Span]:
    """Cells of the row source[start:end], split at unescaped pipes outside code spans."""
    line = source[start:end]
    stripped_start = len(line) - len(line.lstrip())
    stripped_end = len(line.rstrip())
    bounds: list[int] = []
    in_code = False
    i = stripped_start
    while i < stripped_end:
        ch = line[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "`":
            in_code = not in_code
        elif ch == "|" and not in_code:
            bounds.append(i)
        i += 1
    edges = [stripped_start - 1, *bounds, stripped_end]
    if bounds and bounds[0] == stripped_start:
        edges = edges[1:]
    if bounds and bounds[-1] == stripped_end - 1:
        edges = edges[:-1]
    spans = []
    for a, b in zip(edges, edges[1:], strict=False):
        lo, hi = a + 1, b
        while lo < hi and line[lo].isspace():
            lo += 1
        while hi > lo and line[hi - 1].isspace():
            hi -= 1
        spans.append(Span(start + lo, start + hi))
    return spans


def is_delimiter_row(cells: list[str]) -> bool:
    return bool(cells) and all(_DELIMITER_CELL.match(c) for c in cells)


def table_blocks(source: str, rows: list[tuple[int, int]], table_index: int, prose=None) -> list[Block]:
    """Blocks for consecutive table rows given as (start, end) source offsets.

    `prose` turns a cell's mapped source into prose (Markdown strips inline markup); by default
    the cell text is used as written.
    """
    blocks: list[Block] = []
    header_cells = 0
    for row_no, (start, end) in enumerate(rows):
        spans = cell_spans(source, start, end)
        texts = [source[s.start : s.end] for s in spans]
        delimiter = is_delimiter_row(texts)
        if row_no == 0:
            header_cells = len(spans)
        cells = tuple(
            (prose or (lambda m: m))(MappedText.from_source(source, s.start, s.end)) for s in spans
        )
        blocks.append(
            Block(
                BlockKind.TABLE_ROW,
                Span(start, end),
                MappedText.build([]),
                cells=cells,
                table=TableInfo(table_index, row_no, header_cells, row_no == 0, delimiter),
            )
        )
    return blocks
