"""Markdown articles (CommonMark with pipe tables) through markdown-it-py, front matter first."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from lint.document.frontmatter import split_front_matter
from lint.document.inline import compile_templates, mapped_lines, strip_inline
from lint.document.mapped import MappedText
from lint.document.model import Block, BlockKind, Document
from lint.document.options import ParseOptions
from lint.document.span import Span
from lint.document.tables import table_blocks
from lint.patterns import lazy_re

_LONE_CR = lazy_re(r"\r(?!\n)")
_ATX = lazy_re(r"[ \t]{0,3}#{1,6}(?:[ \t]+|$)")
_ATX_CLOSING = lazy_re(r"(?:^|[ \t]+)#+[ \t]*$")  # the closing "##" of "## Title ##"


class _NoRenderer:
    """The renderer of newslint's parser, which never renders: markdown-it's HTML renderer would
    look through its own methods with `inspect` when the parser is made."""

    __output__ = "html"

    def __init__(self, parser: Any = None) -> None:
        self.rules: dict[str, Any] = {}

    def render(self, tokens: Any, options: Any, env: Any) -> str:
        raise NotImplementedError("newslint parses Markdown; it does not render it")


@functools.cache
def _parser() -> Any:
    """One CommonMark parser per process, block rules only.

    newslint strips inline markup itself (lint/document/inline.py, which keeps the source
    mapping), so markdown-it's own inline pass would be thrown away: it is switched off.
    """
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}, renderer_cls=_NoRenderer)
    md.enable(["table", "strikethrough"]).disable(["inline", "text_join"])
    _dispatch_block_rules(md.block.ruler)
    # The normalize step turns CRs into LFs and NULs into U+FFFD with two substitutions over the
    # whole text, which change nothing (and cost a tenth of tokenizing) in text without either.
    normalize = next(rule.fn for rule in md.core.ruler.__rules__ if rule.name == "normalize")

    def normalize_if_needed(state: Any) -> None:
        if "\r" in state.src or "\0" in state.src:
            normalize(state)

    md.core.ruler.at("normalize", normalize_if_needed)
    return md


# markdown-it tries its block rules in order at the start of each block, and a chain of them (as
# possible terminators) on every further line of a paragraph, list or quote; most give up at once
# on a line that does not start with their marker, after a call and a debug-log call each: that
# was half of tokenizing. Here each chain is one dispatcher that calls, in the chain's order, only
# the rules that can accept the line's first non-blank character: a rule listed below rejects
# every other character there, first thing and without side effects. (Past the end of the text
# every rule is tried, as before.)
_FIRST_CHARS = {
    "fence": "`~",
    "blockquote": ">",
    "hr": "*-_",
    "list": "*-+0123456789",
    "reference": "[",
    "html_block": "<",
    "heading": "#",
}


def _dispatch_block_rules(ruler: Any) -> None:
    """Make each of the ruler's chains (the main one, and the terminators of a paragraph,
    reference, quote and list) a single dispatcher; the same rules are tried in the same order."""
    names = {id(rule.fn): rule.name for rule in ruler.__rules__}
    chains = {""} | {chain for rule in ruler.__rules__ for chain in rule.alt}
    dispatchers = {
        chain: [_dispatcher([(names[id(fn)], fn) for fn in ruler.getRules(chain)])] for chain in chains
    }
    # Rules read their chains from `getRules` on every call; this parser's ruler answers with its
    # dispatchers (the rules themselves stay registered, so markdown-it still sees them enabled).
    ruler.getRules = lambda chainName="": dispatchers.get(chainName, [])


def _dispatcher(rules: list[tuple[str, Any]]) -> Any:
    rules = [(name, _GATES[name](fn) if name in _GATES else fn) for name, fn in rules]

    def applicable(ch: str) -> tuple[Any, ...]:
        return tuple(fn for name, fn in rules if not ch or name not in _FIRST_CHARS or ch in _FIRST_CHARS[name])

    by_first = {ch: applicable(ch) for ch in {"", *"".join(_FIRST_CHARS.values())}}
    others = applicable("a")  # a character none of those rules accepts

    def run(state: Any, line: int, end: int, silent: bool) -> bool:
        pos = state.bMarks[line] + state.tShift[line]
        for rule in by_first.get(state.src[pos : pos + 1], others):
            if rule(state, line, end, silent):
                return True
        return False

    return run


def _indented(rule: Any) -> Any:
    """The code rule accepts only a line indented four or more past the block's indent."""

    def gated(state: Any, line: int, end: int, silent: bool) -> bool:
        if state.sCount[line] - state.blkIndent < 4:
            return False
        return rule(state, line, end, silent)  # type: ignore[no-any-return]

    return gated


def _has_pipe(rule: Any) -> Any:
    """A table's first line holds a "|": the table rule returns False on every path otherwise."""

    def gated(state: Any, line: int, end: int, silent: bool) -> bool:
        if state.src.find("|", state.bMarks[line] + state.tShift[line], state.eMarks[line]) == -1:
            return False
        return rule(state, line, end, silent)  # type: ignore[no-any-return]

    return gated


def _only_marks(rule: Any) -> Any:
    """A thematic break is a line of one mark ("*", "-" or "_") and spaces or tabs: the hr rule
    rejects any other line (list items, above all) only after a scan of its own."""

    def gated(state: Any, line: int, end: int, silent: bool) -> bool:
        pos = state.bMarks[line] + state.tShift[line]
        rest = state.src[pos : state.eMarks[line]]
        if rest and rest.replace(rest[0], "").strip(" \t"):
            return False
        return rule(state, line, end, silent)  # type: ignore[no-any-return]

    return gated


# More rules with an exact early test of their own, checked before the call.
_GATES = {"table": _has_pipe, "code": _indented, "hr": _only_marks}


def parse_markdown(path: str, source: str, options: ParseOptions) -> Document:
    doc = Document(path=path, source=source, format="markdown")
    body_start = split_front_matter(source, doc)
    # Blank out the front matter so markdown-it's line numbers stay those of the file.
    text_for_parser = "\n" * source.count("\n", 0, body_start) + source[body_start:]
    # markdown-it also breaks lines at a lone "\r"; our line index does not (lines end at "\n"),
    # so a lone CR would shift every line number after it. Same length, so offsets stay.
    if "\r" in text_for_parser:
        text_for_parser = _LONE_CR.sub(" ", text_for_parser)
    tokens = _parser().parse(text_for_parser)
    starts = doc.lines.starts  # the document's own line index, built once here
    builder = _Blocks(doc, options, starts, _line_ends(source, starts), compile_templates(options.template_syntax))
    i, count = 0, len(tokens)
    while i < count:
        i = builder.read(tokens, i)
    if doc.front_matter.get("title") and isinstance(doc.front_matter["title"], str):
        doc.title_from_meta = doc.front_matter["title"]
    return doc


@dataclass
class _Blocks:
    """Turns markdown-it's block tokens into the document's blocks, links and images, keeping
    track of the list an item belongs to."""

    doc: Document
    options: ParseOptions
    line_starts: list[int]  # per 0-based line, where it starts and where its text ends
    line_ends: list[int]
    templates: re.Pattern[str] | None
    list_depth: int = 0
    item_markers: list[str] = field(default_factory=list)
    pending_item: bool = False  # a list item opened whose first paragraph is still to come
    tables: int = 0

    def read(self, tokens: list[Any], i: int) -> int:
        """Read the token at `i`; the index of the next token to read."""
        tok = tokens[i]
        kind = tok.type
        if kind == "paragraph_open" or kind == "heading_open":  # the most common first
            if tok.map:
                self._text_block(tok, tokens[i + 1])
                return i + 3  # past its inline token and its closing token, which need nothing
        elif kind == "list_item_open":
            self.pending_item = True
            self.item_markers.append(tok.info + tok.markup if tok.info else tok.markup)
        elif kind == "list_item_close":
            self.pending_item = False
            self.item_markers.pop()
        elif kind == "bullet_list_open" or kind == "ordered_list_open":
            self.list_depth += 1
        elif kind == "bullet_list_close" or kind == "ordered_list_close":
            self.list_depth -= 1
        elif kind == "table_open" and tok.map:
            self._table(tok)
            while i < len(tokens) and tokens[i].type != "table_close":
                i += 1
        elif (kind == "fence" or kind == "code_block") and tok.map:
            first, last = tok.map
            self.doc.blocks.append(
                Block(BlockKind.CODE, self._region(first, last), MappedText.build([]), attrs=(("info", tok.info),))
            )
        elif kind == "html_block" and tok.map:
            self._html(tok)
        return i + 1

    def _line_spans(self, first: int, last: int) -> list[tuple[int, int]]:
        return list(zip(self.line_starts[first:last], self.line_ends[first:last], strict=True))

    def _region(self, first: int, last: int) -> Span:
        return Span(self.line_starts[first], self.line_ends[last - 1])

    def _text_block(self, tok: Any, inline: Any) -> None:
        """A heading, a list item's first paragraph or a paragraph."""
        source = self.doc.source
        first, last = tok.map
        line = (self.line_starts[first], self.line_ends[first])
        if tok.type == "heading_open" and _ATX.match(source, *line):
            raw = _atx_content(source, line)
        elif last == first + 1:  # one line: its content is all on it
            raw = mapped_lines(source, [line], inline.content)
        else:
            raw = mapped_lines(source, self._line_spans(first, last), inline.content)
        stripped = strip_inline(raw, self.templates)
        self.doc.links.extend(stripped.links)
        self.doc.images.extend(stripped.images)
        region = self._region(first, last)
        if tok.type == "heading_open":
            block = Block(BlockKind.HEADING, region, stripped.text, level=int(tok.tag[1]))
        elif self.pending_item:
            ordinal = self.item_markers[-1] if self.item_markers else "-"
            block = Block(BlockKind.LIST_ITEM, region, stripped.text, level=self.list_depth, ordinal=ordinal)
            self.pending_item = False
        else:
            block = Block(BlockKind.PARAGRAPH, region, stripped.text)
        self.doc.blocks.append(block)

    def _table(self, tok: Any) -> None:
        first, last = tok.map
        rows = self._line_spans(first, last)

        def prose(cell: MappedText) -> MappedText:
            return strip_inline(cell, self.templates).text

        self.doc.blocks.extend(table_blocks(self.doc.source, rows, self.tables, prose))
        self.tables += 1

    def _html(self, tok: Any) -> None:
        """An HTML block inside Markdown: parsed as HTML, its blocks, links and images taken in."""
        from lint.document.html import parse_fragment

        first, last = tok.map
        fragment = parse_fragment(self.doc.source, self._region(first, last), self.options)
        self.doc.blocks.extend(fragment.blocks)
        self.doc.links.extend(fragment.links)
        self.doc.images.extend(fragment.images)


def _line_ends(source: str, starts: list[int]) -> list[int]:
    # Each line ends where the next starts, less its "\n" (and a "\r" before that).
    ends = [start - 1 for start in starts[1:]]
    ends.append(len(source))
    if "\r" not in source:
        return ends
    return [end - 1 if end > 0 and source[end - 1] == "\r" else end for end in ends]


def _atx_content(source: str, line: tuple[int, int]) -> MappedText:
    start, end = line
    m = _ATX.match(source, start, end)
    assert m is not None
    lo, hi = m.end(), end
    text = source[lo:hi]
    closing = _ATX_CLOSING.search(text)
    if closing:
        hi = lo + closing.start()
    while hi > lo and source[hi - 1] in " \t":
        hi -= 1
    return MappedText.from_source(source, lo, hi)
