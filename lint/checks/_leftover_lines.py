"""Shared by the leftover checks: the article's prose as lines, and spans that delete lines.

Leftover notes come one per line in plain text, as list items in Markdown, or as several lines of
one Markdown paragraph; reading every prose block line by line treats them all alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from lint.checks._needles import Texts
from lint.document.model import Block, BlockKind, Document
from lint.document.span import Span
from lint.patterns import lazy_re

# Kinds that can hold a leftover note; code and tables never do.
NOTE_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.HEADING, BlockKind.QUOTE,
                        BlockKind.CAPTION})
# A list marker or bullet left in the prose (plain text keeps "•"; numbered notes keep "1.").
# A transcript's speaker: "MARY SMITH, HOST:" on a line of its own, or opening a turn.
_SPEAKER = r"^\s*[A-Z][A-Z.'’ -]{1,40}(?:, [A-Z][A-Z ]{1,20})?:"
SPEAKER_LABEL = lazy_re(_SPEAKER + r"$")
SPEAKER_TURN = lazy_re(_SPEAKER + r"\s")
_BULLET = lazy_re(r"^[\s*•·‣◦\-–—+>]*(?:\d{1,2}[.)]\s+)?")


@dataclass(slots=True)
class Line:
    block: Block
    block_index: int  # index of the block in doc.blocks
    start: int  # offset of the line's text (bullets skipped) in the block's prose
    end: int
    first_in_block: bool
    last_in_block: bool
    text: str  # the block's prose[start:end] (kept: every check reads it, many times)

    @property
    def span(self) -> Span:
        return self.block.text.span(self.start, self.end)


def prose_lines(doc: Document) -> list[Line]:
    """Every non-empty line of every block that can hold a note, in reading order.

    Several checks read the lines of one document: they are worked out once and shared (the
    list and its lines must not be changed)."""
    return doc.shared_whole(_prose_lines)


def paragraph_texts(doc: Document) -> Texts:
    """The texts of `doc.prose_blocks`, in order, for needle passes (shared by the checks)."""
    return doc.shared_whole(_paragraph_texts)


def line_texts(doc: Document) -> Texts:
    """The texts of `prose_lines(doc)`, in order, for needle passes (shared by the checks)."""
    return doc.shared_whole(_line_texts)


class _Gate(Protocol):
    def masks(self, texts: Texts) -> list[int]: ...


def masked_paragraphs(doc: Document, gate: _Gate) -> Iterator[tuple[Block, int]]:
    """The prose blocks in which some needle of `gate` is (most paragraphs: none), each with its
    mask, from one pass over all the paragraphs (shared with the other checks')."""
    for block, mask in zip(doc.prose_blocks, gate.masks(paragraph_texts(doc)), strict=True):
        if mask:
            yield block, mask


def _paragraph_texts(doc: Document) -> Texts:
    return Texts([block.text.text for block in doc.prose_blocks], family="paragraphs")


def _line_texts(doc: Document) -> Texts:
    return Texts([line.text for line in prose_lines(doc)])


def _prose_lines(doc: Document) -> list[Line]:
    lines: list[Line] = []
    for index, block in enumerate(doc.blocks):
        if block.kind not in NOTE_KINDS:
            continue
        text = block.text.text
        if "\n" not in text:  # (most blocks: one line)
            start = 0 if text[:1].isalpha() else _BULLET.match(text).end()  # type: ignore[union-attr]
            end = len(text.rstrip())
            if end > start:
                lines.append(Line(block, index, start, end, True, True, text[start:end]))
            continue
        pieces = []
        pos = 0
        for raw in text.split("\n"):
            # No bullet can start with a letter: the pattern is tried only when one may.
            start = pos if raw[:1].isalpha() else pos + _BULLET.match(raw).end()  # type: ignore[union-attr]
            end = pos + len(raw.rstrip())
            pos += len(raw) + 1
            if end > start:
                pieces.append((start, end))
        last = len(pieces) - 1
        for k, (start, end) in enumerate(pieces):
            lines.append(Line(block, index, start, end, k == 0, k == last, text[start:end]))
    return lines


def removal_span(doc: Document, first: Line, last: Line) -> Span:
    """The source to delete to remove the lines from `first` to `last`, with their markup and
    the line break after them, so no empty line or bullet is left behind."""
    source = doc.source
    start = first.block.span.start if first.first_in_block else first.span.start
    end = last.block.span.end if last.last_in_block else last.span.end
    line_start = source.rfind("\n", 0, start) + 1
    if not source[line_start:start].strip():
        start = line_start
    while end < len(source) and source[end] in " \t\r":
        end += 1
    if end < len(source) and source[end] == "\n":
        end += 1
        # Also take one blank line, so paragraphs around the removed block keep one blank line.
        if source.startswith("\n", end) and (start == 0 or source[start - 1] == "\n"):
            end += 1
    return Span(start, end)


def in_blockquote(doc: Document, block: Block) -> bool:
    """True for a block inside a Markdown block quote ("> ..."), whatever kind the parser gave it."""
    if block.kind is BlockKind.QUOTE:
        return True
    line_start = doc.source.rfind("\n", 0, block.span.start) + 1
    return doc.format == "markdown" and doc.source[line_start : block.span.start + 1].lstrip().startswith(">")
