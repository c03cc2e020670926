"""HTML articles through the standard library's HTML parser, which reports source positions.

Only the article is prose: page chrome (nav, header, footer, aside), scripts, styles and
comments are skipped, and when the page has an article container (the outlet's
`html.article_selector`, else the first of a few common ones) only its inside is read.
Entities are decoded with their characters mapped to the entity's place in the source.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from lint.document.mapped import ATOM, MappedText
from lint.document.model import Block, BlockKind, Document, Image, Link, TableInfo
from lint.document.options import ParseOptions
from lint.document.span import Span
from lint.patterns import lazy_re

SKIPPED = frozenset(
    {"script", "style", "nav", "header", "footer", "aside", "noscript", "svg", "template", "button",
     "select", "head", "iframe", "object", "canvas", "math", "form"}
)
VOID = frozenset({"img", "br", "hr", "input", "meta", "link", "source", "wbr", "area", "base", "col", "embed", "track"})
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
BLOCK_TAGS = frozenset(
    {"p", "li", "dt", "dd", "figcaption", "caption", "blockquote", "div", "section", "article", "main",
     "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "ul", "ol", "dl", "figure", "details",
     "summary", "address", "body", "html", "hr", "center"}
    | set(HEADINGS)
)
INLINE_ATOMS = frozenset({"code", "kbd", "samp", "var", "tt"})
# The kind of block an open tag makes of the text inside it (the innermost such tag decides).
_KIND_OF = {
    **dict.fromkeys(HEADINGS, BlockKind.HEADING),
    **dict.fromkeys(("li", "dt", "dd"), BlockKind.LIST_ITEM),
    **dict.fromkeys(("figcaption", "caption"), BlockKind.CAPTION),
    "pre": BlockKind.CODE,
    "blockquote": BlockKind.QUOTE,
}
# Tried in order when the outlet names no article selector.
DEFAULT_SELECTORS = ("article", "main", "[itemprop=articleBody]", ".post-content", ".entry-content",
                     ".article-body", ".post")
_COMMENT_CLOSE = lazy_re(r"--\s*>")  # as the standard parser ends comments
# A start tag without attributes ("<p>") and an end tag ("</p>") as the standard parser reads
# them (its tag-name characters), for the quick path in `_LinearParser`.
_PLAIN_START_TAG = lazy_re(r"<([a-zA-Z][^\t\n\r\f />\x00]*)>")
_PLAIN_END_TAG = lazy_re(r"</([a-zA-Z][-.a-zA-Z0-9:_]*)>")
_ENTITY_AT = lazy_re(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


@dataclass(frozen=True)
class Selector:
    tag: str = ""
    classes: tuple[str, ...] = ()
    ident: str = ""
    attr: tuple[str, str] | None = None

    @staticmethod
    def parse(text: str) -> Selector:
        m = re.fullmatch(r"\s*([a-zA-Z][\w-]*)?((?:[.#][\w-]+)*)(?:\[([\w-]+)=['\"]?([^'\"\]]*)['\"]?\])?\s*", text)
        if not m:
            raise ValueError(f"unsupported article selector {text!r} (use tag, .class, #id or [attr=value])")
        tag, rest, attr, value = m.groups()
        classes = tuple(p[1:] for p in re.findall(r"\.[\w-]+", rest or ""))
        ids = re.findall(r"#([\w-]+)", rest or "")
        return Selector((tag or "").lower(), classes, ids[0] if ids else "", (attr, value) if attr else None)

    def matches(self, tag: str, attrs: dict[str, str]) -> bool:
        if self.tag and tag != self.tag:
            return False
        if self.ident and attrs.get("id") != self.ident:
            return False
        if self.classes and not set(self.classes) <= set((attrs.get("class") or "").split()):
            return False
        return not (self.attr and attrs.get(self.attr[0]) != self.attr[1])

    def present_in(self, source: str) -> bool:
        """A cheap look for the selector before parsing, to choose among the defaults."""
        if self.tag and not self.classes and not self.ident and not self.attr:
            return re.search(rf"<{self.tag}[\s>]", source, re.I) is not None
        if self.classes:
            return re.search(rf"class=[\"'][^\"']*\b{re.escape(self.classes[0])}\b[^\"']*[\"']", source) is not None
        if self.ident:
            return re.search(rf"id=[\"']{re.escape(self.ident)}[\"']", source) is not None
        if self.attr:
            return re.search(rf"{re.escape(self.attr[0])}=[\"']?{re.escape(self.attr[1])}", source) is not None
        return False


@dataclass
class _Row:
    start: int
    cells: list[MappedText] = field(default_factory=list)
    header: bool = False


class _LinearParser(HTMLParser):
    """The standard parser, with source offsets and without its quadratic case.

    After the last ">" no tag, comment or declaration can close. The standard parser still scans
    to the end of the text for each "<" there, which is quadratic on a long run of unclosed tags;
    `_unclosable` answers those at once, as the text they end up as.

    Where the parser stands is kept as a source offset (`at`) rather than the standard line and
    column, which it counts line breaks for on every step. Tags without attributes, most of a
    page's tags, are read by one pattern each, to the same events the standard parser gives.
    """

    def __init__(self, source: str, base: int) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.base = base  # where the text fed starts in `source`
        self.at = base  # the source offset of what the parser is looking at
        self._consumed = 0  # how much of the text earlier passes took off the front of `rawdata`
        self._text_length = 0
        self._last_gt = self._last_comment_close = -1

    def run(self, text: str) -> None:
        self._text_length = len(text)
        self._last_gt = text.rfind(">")
        self._last_comment_close = -1
        for m in _COMMENT_CLOSE.finditer(text):
            self._last_comment_close = m.start()
        try:
            self.feed(text)
            self.close()
        except _Finished:
            pass
        self.finish(self.at)

    def finish(self, end: int) -> None:
        """Called once the whole text is parsed; `end` is its end in the source."""

    def goahead(self, end: bool) -> None:
        # `rawdata` is the unparsed rest of the text, so its positions are shifted by what the
        # parser has already consumed; the text fed is always the whole text at once.
        self._consumed = self._text_length - len(self.rawdata)
        super().goahead(end)

    def updatepos(self, i: int, j: int) -> int:
        if i < j:
            self.at = self.base + self._consumed + j
        return j

    def _unclosable(self, i: int, closer: str = ">") -> bool:
        last = self._last_comment_close if closer == "--" else self._last_gt
        return self._consumed + i > last

    def parse_starttag(self, i: int) -> int:
        if self._unclosable(i):
            return -1
        plain = _PLAIN_START_TAG.match(self.rawdata, i)
        if plain is None:
            return super().parse_starttag(i)
        # What the standard parser does with a start tag that has no attributes.
        self._HTMLParser__starttag_text = plain.group()  # what get_starttag_text() returns
        self.lasttag = tag = plain.group(1).lower()
        self.handle_starttag(tag, [])
        if tag in self.CDATA_CONTENT_ELEMENTS:
            self.set_cdata_mode(tag)
        return plain.end()

    def parse_endtag(self, i: int) -> int:
        if self._unclosable(i):
            return -1
        plain = _PLAIN_END_TAG.match(self.rawdata, i) if self.cdata_elem is None else None
        if plain is None:
            return super().parse_endtag(i)
        # What the standard parser does with an end tag outside a script or style.
        self.handle_endtag(plain.group(1).lower())
        self.clear_cdata_mode()
        return plain.end()

    def parse_comment(self, i: int, report: bool = True) -> int:
        return -1 if self._unclosable(i, "--") else super().parse_comment(i, report)

    def parse_pi(self, i: int) -> int:
        return -1 if self._unclosable(i) else super().parse_pi(i)

    def parse_html_declaration(self, i: int) -> int:
        return -1 if self._unclosable(i) else super().parse_html_declaration(i)


class _Finished(Exception):
    """Raised once the rest of the page can change nothing that was read (see `_Extractor`)."""


@dataclass
class _Tables:
    """The table row and cell being read, and where it stands among the article's tables."""

    row: _Row | None = None
    cell_pieces: list[tuple[str, Span]] | None = None  # the open cell's text, None outside cells
    table_no: int = -1
    row_no: int = 0
    header_cells: int = 0

    def end_cell(self) -> None:
        assert self.cell_pieces is not None
        cell = MappedText.build_stripped(self.cell_pieces)
        self.cell_pieces = None
        if self.row is not None:
            self.row.cells.append(cell)

    def end_row(self, end: int) -> Block:
        assert self.row is not None
        row, self.row = self.row, None
        if self.row_no == 0:
            self.table_no += 1
            self.header_cells = len(row.cells)
        block = Block(
            BlockKind.TABLE_ROW, Span(row.start, end), MappedText.build([]), cells=tuple(row.cells),
            table=TableInfo(self.table_no, self.row_no, self.header_cells, row.header or self.row_no == 0),
        )
        self.row_no += 1
        return block


@dataclass
class _Title:
    """The page's <title>: read apart from the article's prose."""

    text: str | None = None
    reading: bool = False
    parts: list[str] = field(default_factory=list)

    def end(self) -> None:
        self.reading = False
        self.text = html.unescape("".join(self.parts)).strip()


class _Extractor(_LinearParser):
    """The article's blocks, links and images from the parser's events."""

    def __init__(self, source: str, base: int, selector: Selector | None) -> None:
        super().__init__(source, base)
        self.out = Fragment([], [], [])
        self.stack: list[str] = []  # the open tags
        self.skip_depth = 0  # inside page chrome, scripts, styles...
        self.atom_depth = 0  # inside inline code
        self.selector = selector
        self.selected_depth = 0 if selector is None else -1  # -1: not inside the article yet
        self.selected_done = False
        self.pieces: list[tuple[str, Span]] = []  # the open block's text
        self.block_start = -1
        self.open_links: list[tuple[int, str, int]] = []  # (start, href, pieces index)
        self.title = _Title()
        self.tables = _Tables()

    def finish(self, end: int) -> None:
        self._flush(end)

    # -- state ----------------------------------------------------------------------------
    @property
    def reading(self) -> bool:
        return self.skip_depth == 0 and self.selected_depth >= 0 and not self.title.reading

    def _kind(self) -> BlockKind:
        for tag in reversed(self.stack):
            kind = _KIND_OF.get(tag)
            if kind is not None:
                return kind
        return BlockKind.PARAGRAPH

    def _heading_level(self) -> int:
        for tag in reversed(self.stack):
            if tag in HEADINGS:
                return HEADINGS[tag]
        return 0

    def _list_depth(self) -> int:
        return sum(1 for tag in self.stack if tag in ("ul", "ol", "dl"))

    def _add(self, text: str, span: Span) -> None:
        if self.skip_depth or self.selected_depth < 0 or self.title.reading:  # not reading
            return
        in_cell = self.tables.cell_pieces is not None
        target = self.tables.cell_pieces if in_cell else self.pieces
        if not in_cell and self.block_start < 0:
            self.block_start = span.start
        assert target is not None
        target.append((text, span))

    def _flush(self, end: int) -> None:
        pieces, self.pieces = self.pieces, []
        start, self.block_start = self.block_start, -1
        if not pieces or (len(pieces) == 1 and pieces[0][0].isspace()):
            return  # nothing, or only the white space between two tags
        trimmed = MappedText.build_stripped(pieces)
        if not trimmed.text:
            return  # white space only
        kind = self._kind()
        if kind is BlockKind.CODE:
            self.out.blocks.append(Block(kind, Span(start, end), MappedText.build([])))
            return
        level = self._heading_level() if kind is BlockKind.HEADING else (
            self._list_depth() if kind is BlockKind.LIST_ITEM else 0)
        self.out.blocks.append(Block(kind, Span(start, max(end, start)), trimmed, level=level))

    # -- parser callbacks -----------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self.at
        if self.selected_depth < 0 and self.selector is not None and not self.selected_done:
            # (A selector naming another tag cannot match: its attributes need not be read.)
            wanted = self.selector.tag
            if (not wanted or tag == wanted) and self.selector.matches(tag, _attr_map(attrs)):
                self.selected_depth = 0
                if tag not in VOID:
                    self.stack.append(tag)
                    self.selected_depth = len(self.stack)
                return
        if tag == "title" and self.title.text is None:
            self.title.reading = True
            return
        if tag in VOID:
            if self.reading:
                self._void(tag, _attr_map(attrs), Span(start, start + len(self.get_starttag_text() or "")))
            return
        if tag in BLOCK_TAGS and self.skip_depth == 0:
            self._flush(start)
        self.stack.append(tag)
        if tag in SKIPPED:
            self.skip_depth += 1
        elif tag in INLINE_ATOMS and self._kind() is not BlockKind.CODE:
            if self.atom_depth == 0:
                self._add(ATOM, Span(start, start + len(self.get_starttag_text() or "")))
            self.atom_depth += 1
        elif tag == "a" and self.reading:
            self.open_links.append((start, _attr_map(attrs).get("href", ""), len(self.pieces)))
        elif tag == "tr" and self.reading:
            self.tables.row = _Row(start)
        elif tag in ("td", "th") and self.reading:
            self.tables.cell_pieces = []
            if self.tables.row is not None and tag == "th":
                self.tables.row.header = True

    def _void(self, tag: str, amap: dict[str, str], span: Span) -> None:
        if tag == "img":
            alt = amap.get("alt") if "alt" in amap else None
            self.out.images.append(Image(alt, amap.get("src", ""), span))
            self._add(ATOM, span)
        elif tag == "br":
            self._add("\n", span)
        elif tag == "hr":
            self._flush(span.start)

    def handle_endtag(self, tag: str) -> None:
        end = self.at + len(tag) + 3  # as long as "</tag>"
        if self.title.reading and tag == "title":
            self.title.end()
            return
        # Close up to the matching open tag; stray end tags are ignored.
        stack = self.stack
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth] == tag:
                break
        else:
            return
        while len(self.stack) > depth:
            self._close(self.stack[-1], end)
            if self.selected_depth > 0 and len(self.stack) == self.selected_depth:
                self._flush(end)
                self.stack.pop()
                self.selected_depth = -1
                self.selected_done = True
                # Past the article nothing more is read but a <title>, and parsing can only fail
                # on a "<![" section: without either, the rest of the page is left unparsed.
                rest = self.at - self.base - self._consumed  # where the rest begins in rawdata
                if self.title.text is not None and self.rawdata.find("<![", rest) < 0:
                    raise _Finished
                continue
            self.stack.pop()

    def _close(self, tag: str, end: int) -> None:
        if tag in SKIPPED:
            self.skip_depth -= 1
            return
        if tag in INLINE_ATOMS and self.atom_depth > 0:
            self.atom_depth -= 1
            return
        if tag == "a" and self.open_links and self.reading:
            start, href, index = self.open_links.pop()
            text = "".join(t for t, _ in self.pieces[index:])
            self.out.links.append(Link(text.strip(), href, Span(start, end)))
            return
        if tag in ("td", "th") and self.tables.cell_pieces is not None:
            self.tables.end_cell()
            return
        if tag == "tr" and self.tables.row is not None:
            self.out.blocks.append(self.tables.end_row(end))
            return
        if tag == "table":
            self.tables.row_no = 0
        if tag in BLOCK_TAGS and self.skip_depth == 0:
            self._flush(end)

    def handle_data(self, data: str) -> None:
        if self.title.reading:
            self.title.parts.append(data)
            return
        if self.atom_depth or not data or self.skip_depth or self.selected_depth < 0:
            return  # inside code, or not reading (page chrome, outside the article)
        # `_add`, inlined: text comes in tens of thousands of pieces.
        start = self.at
        piece = (data, Span(start, start + len(data)))
        if self.tables.cell_pieces is not None:
            self.tables.cell_pieces.append(piece)
            return
        if self.block_start < 0:
            self.block_start = start
        self.pieces.append(piece)

    def handle_entityref(self, name: str) -> None:
        self._entity()

    def handle_charref(self, name: str) -> None:
        self._entity()

    def _entity(self) -> None:
        start = self.at
        m = _ENTITY_AT.match(self.source, start)
        raw = m.group() if m else "&"
        if self.title.reading:
            self.title.parts.append(raw)
            return
        if self.atom_depth:
            return
        decoded = html.unescape(raw)
        self._add(decoded, Span(start, start + len(raw)))


def _attr_map(attrs: list[tuple[str, str | None]]) -> dict[str, str]:
    return {k: (v or "") for k, v in attrs}


def _selector_for(source: str, options: ParseOptions) -> Selector | None:
    if options.article_selector:
        chosen = Selector.parse(options.article_selector)
        return chosen if chosen.present_in(source) else None
    for candidate in DEFAULT_SELECTORS:
        selector = Selector.parse(candidate)
        if selector.present_in(source):
            return selector
    return None


def parse_html(path: str, source: str, options: ParseOptions) -> Document:
    doc = Document(path=path, source=source, format="html")
    extractor = _Extractor(source, 0, _selector_for(source, options))
    extractor.run(_mask_templates(source, options))
    doc.blocks, doc.links, doc.images = _unmask(extractor.out.blocks), extractor.out.links, extractor.out.images
    doc.title_from_meta = extractor.title.text or None
    return doc


@dataclass
class Fragment:
    blocks: list[Block]
    links: list[Link]
    images: list[Image]


def parse_fragment(source: str, span: Span, options: ParseOptions) -> Fragment:
    """An HTML block inside a Markdown article."""
    extractor = _Extractor(source, span.start, None)
    extractor.run(_mask_templates(source[span.start : span.end], options))
    return Fragment(_unmask(extractor.out.blocks), extractor.out.links, extractor.out.images)


# Template tags ({{< ref >}}, {% if %}, {{ var }}) can sit inside attributes, where their ">"
# would end the tag early. They are masked with a private-use character of the same length
# before parsing, so every offset stays right, and become atoms in the prose afterwards.
_MASK = "\ue000"
_MASKED_RUN = lazy_re(_MASK + "+")


def _mask_templates(text: str, options: ParseOptions) -> str:
    from lint.document.inline import compile_templates

    templates = compile_templates(options.template_syntax)
    if templates is None or "{" not in text:
        return text
    return templates.sub(lambda m: _MASK * len(m.group()), text)


def _unmask(blocks: list[Block]) -> list[Block]:
    import dataclasses

    def clean(text: MappedText) -> MappedText:
        return text.substitute(_MASKED_RUN, lambda m: ATOM) if _MASK in text.text else text

    return [
        dataclasses.replace(b, text=clean(b.text), cells=tuple(clean(c) for c in b.cells))
        if _MASK in b.text.text or any(_MASK in c.text for c in b.cells) else b
        for b in blocks
    ]
