"""Shared by the structure and boilerplate checks: small facts about blocks."""

from __future__ import annotations

from lint.document.model import Block, BlockKind, Document, is_atom_only


def is_quoted(doc: Document, block: Block) -> bool:
    """A block quote (HTML <blockquote>, or a Markdown line starting with ">"): quoted material."""
    if block.kind is BlockKind.QUOTE:
        return True
    if doc.format != "markdown":
        return False
    source = doc.source
    line_start = source.rfind("\n", 0, block.span.start) + 1
    line_end = source.find("\n", block.span.start)
    line = source[line_start : line_end if line_end >= 0 else len(source)]
    return line.lstrip(" \t").startswith(">")


def is_explicit_heading(doc: Document, block: Block) -> bool:
    """A heading marked up as one; in plain text a short line is only guessed to be a heading."""
    return block.kind is BlockKind.HEADING and doc.format != "text"


def exact_source(doc: Document, block: Block, start: int, end: int) -> bool:
    """True when prose[start:end] is written in the source exactly so (no markup, no entities)."""
    span = block.text.span(start, end)
    return doc.source[span.start : span.end] == block.text.text[start:end]


def is_placeholder_block(block: Block) -> bool:
    """A block of nothing but template tags or images: content we cannot see."""
    return block.is_prose and is_atom_only(block.text.text)
