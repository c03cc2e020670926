"""Reading articles: bytes to text, text to a `Document` of blocks with exact source spans."""

from __future__ import annotations

import os

from lint.document.model import Block, BlockKind, Document, Image, Link, Sentence, Word
from lint.document.options import ParseOptions
from lint.document.span import Span

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


def format_for(path: str) -> str:
    # os.path, not PurePath: asked of every file of a run, and a PurePath costs ten times as much.
    suffix = os.path.splitext(path.rstrip("/"))[1].lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "text"


def parse(path: str, source: str, options: ParseOptions | None = None, fmt: str | None = None) -> Document:
    """Parse decoded article text into a Document; the format follows the file's suffix."""
    options = options or ParseOptions()
    fmt = fmt or format_for(path)
    if fmt == "markdown":
        from lint.document.markdown import parse_markdown

        return parse_markdown(path, source, options)
    if fmt == "html":
        from lint.document.html import parse_html

        return parse_html(path, source, options)
    from lint.document.text import parse_text

    return parse_text(path, source)


__all__ = ["Block", "BlockKind", "Document", "Image", "Link", "ParseOptions", "Sentence", "Span", "Word",
           "format_for", "parse"]


def prepare(formats: set[str]) -> None:
    """Import now the parser libraries that articles of these formats will need.

    The command line calls this during its start-up, while every regular expression a library
    compiles at import comes from the compiled-pattern store (lint/patterns.py); imported later,
    markdown-it would compile its forty-odd patterns afresh on every run. Its HTML renderer, which
    newslint never uses, imports `inspect`: that waits until something uses it.
    """
    if "markdown" in formats:
        from lint.startup import import_deferring

        import_deferring("markdown_it", "inspect")
