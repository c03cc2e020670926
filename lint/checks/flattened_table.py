"""flattened-table: a table that lost its markup and became a column of single cells.

Copied from a web page into plain text, a table turns into one cell per line: "Team", "P", "W",
then "1", "15", "10", "4" and so on, or rows that kept only their closing pipes ("31 | 19 | 8 |").
What gives it away is the run: many short lines in a row, most of them figures or one-word
labels, with at most one longer cell (a notes column) between them. Plain text only: Markdown
and HTML keep their tables as tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks.base import Check, Example, HouseStyle, option
from lint.document.model import Block, Document
from lint.document.span import Span
from lint.findings import Finding, Severity
from lint.patterns import lazy_re

# A figure: 15, 3.1, -24, 29:9, 4.6%, £24m, 1-0, W W L D.
_FIGURE = lazy_re(r"^[-+−£$€]?\d[\d.,:/-]*\s?(?:%|[mkb]n?|bn)?$|^(?:[WDL]\s){2,}[WDL]$", re.I)
_PIPES = lazy_re(r"\|\s*$")


@dataclass(frozen=True)
class Options:
    min_cells: int = option(8, "Short lines in a row (at most one longer line between two) that make a run.")
    min_figures: int = option(3, "How many of a run's lines must be figures (15, 3.1, 29:9, -24, 4.6%).")


class FlattenedTable(Check):
    id = "flattened-table"
    category = "structure"
    severity = Severity.WARNING
    Options = Options
    summary = "A table flattened into a column of single cells, one per line, or rows left with stray pipes."
    why = (
        "A table pasted without its markup becomes a list of numbers no reader can match to their "
        "columns: the figures are there, their meaning is lost."
    )
    bad = Example("Team\nP\nW\nPts\nRovers\n15\n10\n34\nUnited\n15\n8\n29\n", name="story.txt")
    good = "| Team | P | W | Pts |\n|---|---|---|---|\n| Rovers | 15 | 10 | 34 |\n| United | 15 | 8 | 29 |\n"

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        if doc.format != "text":
            return
        blocks = [b for b in doc.blocks if b.text.text.strip() or b.table is not None]
        cells: list[tuple[int, Block, bool]] = []  # (block index, block, is a figure)
        for index, block in enumerate(blocks):
            kind = _cell(doc, block)
            if kind is not None:
                cells.append((index, block, kind))
        start = 0
        for k in range(1, len(cells) + 1):
            # A run ends where two cells are more than one block apart.
            if k == len(cells) or cells[k][0] - cells[k - 1][0] > 2:
                run = cells[start:k]
                figures = sum(1 for _, _, figure in run if figure)
                if len(run) >= options.min_cells and figures >= options.min_figures:
                    first, last = run[0][1], run[-1][1]
                    yield self.finding(
                        Span(first.span.start, last.span.end),
                        f"A table was flattened into {len(run)} lines of single cells ({figures} of them "
                        "figures): restore it as a table so readers can tell the columns apart.",
                    )
                start = k


def _cell(doc: Document, block: Block) -> bool | None:
    """True for a figure cell, False for a short label cell, None for anything else."""
    raw = doc.source[block.span.start : block.span.end].strip()
    if "\n" in raw:
        return None
    if _PIPES.search(raw):
        return True  # a row that kept only its closing pipes
    text = block.text.text.strip()
    if not text or len(text) > 25 or len(text.split()) > 3:
        return None
    if _FIGURE.match(text):
        return True
    return False if text[-1:] not in ".!?" else None
