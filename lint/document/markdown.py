"""Markdown articles (CommonMark with pipe tables) through markdown-it-py, front matter first."""

from __future__ import annotations

import functools
import re
from typing import Any

from lint.document.frontmatter import split_front_matter
from lint.document.inline import compile_templates, mapped_lines, strip_inline
from lint.document.mapped import MappedText
from lint.document.model import Block, BlockKind, Document
from lint.document.options import ParseOptions
from lint.document.span import LineIndex, Span
from lint.document.tables import table_blocks
from lint.patterns import lazy_re

_LONE_CR = lazy_re(r"\r(?!\n)")
_ATX = lazy_re(r"[ \t]{0,3}#{1,6}(?:[ \t]+|$)")


@functools.cache
def _parser() -> Any:
    """One CommonMark parser per process, block rules only.

    newslint strips inline markup itself (lint/document/inline.py, which keeps the source
    mapping), so markdown-it's own inline pass would be thrown away: it is switched off.
    """
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).disable(["inline", "text_join"])


def parse_markdown(path: str, source: str, options: ParseOptions) -> Document:
    doc = Document(path=path, source=source, format="markdown")
    body_start = split_front_matter(source, doc)
    # Blank out the front matter so markdown-it's line numbers stay those of the file.
    text_for_parser = "\n" * source.count("\n", 0, body_start) + source[body_start:]
    # markdown-it also breaks lines at a lone "\r"; our line index does not (lines end at "\n"),
    # so a lone CR would shift every line number after it. Same length, so offsets stay.
    text_for_parser = _LONE_CR.sub(" ", text_for_parser)
    tokens = _parser().parse(text_for_parser)
    lines = LineIndex(source)
    line_ends = _line_ends(source, lines)
    templates = compile_templates(options.template_syntax)

    def line_span(n: int) -> tuple[int, int]:
        return lines.line_start(n + 1), line_ends[n]

    def region(first: int, last: int) -> Span:
        return Span(lines.line_start(first + 1), line_ends[last - 1])

    list_depth = 0
    item_markers: list[str] = []
    pending_item = False
    tables = 0
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        kind = tok.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif kind == "list_item_open":
            pending_item = True
            item_markers.append(tok.info + tok.markup if tok.info else tok.markup)
        elif kind == "list_item_close":
            pending_item = False
            item_markers.pop()
        elif kind in ("heading_open", "paragraph_open") and tok.map:
            inline = tokens[i + 1]
            first, last = tok.map
            spans = [line_span(n) for n in range(first, last)]
            if kind == "heading_open" and _ATX.match(source, *spans[0]):
                raw = _atx_content(source, spans[0])
            else:
                raw = mapped_lines(source, spans, inline.content)
            stripped = strip_inline(raw, templates)
            doc.links.extend(stripped.links)
            doc.images.extend(stripped.images)
            if kind == "heading_open":
                block = Block(BlockKind.HEADING, region(first, last), stripped.text, level=int(tok.tag[1]))
            elif pending_item:
                block = Block(
                    BlockKind.LIST_ITEM, region(first, last), stripped.text, level=list_depth,
                    ordinal=item_markers[-1] if item_markers else "-",
                )
                pending_item = False
            else:
                block = Block(BlockKind.PARAGRAPH, region(first, last), stripped.text)
            doc.blocks.append(block)
            i += 2
            continue
        elif kind == "table_open" and tok.map:
            first, last = tok.map
            rows = [line_span(n) for n in range(first, last)]

            def prose(cell: MappedText) -> MappedText:
                return strip_inline(cell, templates).text

            doc.blocks.extend(table_blocks(source, rows, tables, prose))
            tables += 1
            while i < len(tokens) and tokens[i].type != "table_close":
                i += 1
        elif kind in ("fence", "code_block") and tok.map:
            first, last = tok.map
            doc.blocks.append(
                Block(BlockKind.CODE, region(first, last), MappedText.build([]), attrs=(("info", tok.info),))
            )
        elif kind == "html_block" and tok.map:
            from lint.document.html import parse_fragment

            first, last = tok.map
            span = region(first, last)
            fragment = parse_fragment(source, span, options)
            doc.blocks.extend(fragment.blocks)
            doc.links.extend(fragment.links)
            doc.images.extend(fragment.images)
        i += 1
    if doc.front_matter.get("title") and isinstance(doc.front_matter["title"], str):
        doc.title_from_meta = doc.front_matter["title"]
    return doc


def _line_ends(source: str, lines: LineIndex) -> list[int]:
    ends = []
    for n in range(lines.line_count):
        end = lines.line_start(n + 2) - 1 if n + 1 < lines.line_count else len(source)
        if end > 0 and end <= len(source) and source[end - 1 : end] == "\r":
            end -= 1
        ends.append(end)
    return ends


def _atx_content(source: str, line: tuple[int, int]) -> MappedText:
    start, end = line
    m = _ATX.match(source, start, end)
    assert m is not None
    lo, hi = m.end(), end
    text = source[lo:hi]
    closing = re.search(r"(?:^|[ \t]+)#+[ \t]*$", text)
    if closing:
        hi = lo + closing.start()
    while hi > lo and source[hi - 1] in " \t":
        hi -= 1
    return MappedText.from_source(source, lo, hi)
