"""table-cell-count: pipe-table rows whose cells do not match the header, or a last row cut off."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby

from lint.checks.base import Check, HouseStyle, option
from lint.document.model import Block, BlockKind, Document
from lint.findings import Finding, Severity


@dataclass(frozen=True)
class Options:
    report_short_rows: bool = option(
        True,
        "Report rows with fewer cells than the header. GitHub-style Markdown pads them with empty cells, so some "
        "outlets allow them; false reports only rows with too many cells or cut off.",
    )


class TableCellCount(Check):
    id = "table-cell-count"
    category = "structure"
    severity = Severity.WARNING
    Options = Options
    summary = "Table rows with a different number of cells from the header, or a last row cut off."
    why = (
        "A pipe table needs the same number of cells in every row. Extra cells are dropped when the "
        "page is built, missing ones leave holes, and a last row without its closing pipe is usually "
        "copy that was cut off when it was pasted."
    )
    bad = "| Date | Event | Outcome |\n|---|---|---|\n| Nov 2019 | Plan signed"
    good = "| Date | Event | Outcome |\n|---|---|---|\n| Nov 2019 | Plan signed | Adopted |"

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        rows = [b for b in doc.blocks if b.kind is BlockKind.TABLE_ROW and b.table is not None]
        for _, group in groupby(rows, key=lambda b: b.table.table if b.table else -1):
            table = list(group)
            # HTML tables span cells with colspan and rowspan: counting cells says nothing there.
            if not table or _is_html(doc, table[0]):
                continue
            header = table[0]
            expected = len(header.cells)
            header_closed = _closing_pipe(doc, header)
            for position, row in enumerate(table[1:], start=1):
                found = len(row.cells)
                source = doc.source[row.span.start : row.span.end]
                if "|" not in source:
                    yield self.finding(
                        row.span,
                        "this line is read as a row of the table above it: put a blank line between "
                        "the table and the text",
                    )
                elif found < expected and position == len(table) - 1 and header_closed and not _closing_pipe(
                    doc, row
                ):
                    yield self.finding(
                        row.span,
                        f"the last table row is cut off: it has {found} of the header's {expected} cells "
                        "and no closing pipe; complete the row or delete it",
                        severity=Severity.ERROR,
                    )
                elif found > expected:
                    yield self.finding(
                        row.span,
                        f"this table row has {found} cells but the header has {expected}: the extra "
                        "cells will not be shown; merge them or add header cells",
                    )
                elif found < expected and options.report_short_rows:
                    yield self.finding(
                        row.span,
                        f"this table row has {found} cells but the header has {expected}: add the "
                        "missing cells (leave them empty if there is nothing to say)",
                        # Renderers pad short rows with empty cells, so nothing is lost: a hint.
                        severity=Severity.INFO,
                    )


def _is_html(doc: Document, row: Block) -> bool:
    return doc.format == "html" or doc.source[row.span.start : row.span.end].lstrip().startswith("<")


def _closing_pipe(doc: Document, row: Block) -> bool:
    return doc.source[row.span.start : row.span.end].rstrip().endswith("|")
