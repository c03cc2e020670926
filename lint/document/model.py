"""The parsed article every check reads: blocks of prose with exact source spans."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Generic, TypeVar

from lint.document.mapped import ATOM, MappedText
from lint.document.sentences import split_sentences
from lint.document.span import LineIndex, Position, Span
from lint.patterns import lazy_re

T = TypeVar("T")
R = TypeVar("R")


class cached_property(Generic[T, R]):  # noqa: N801 (named as the functools one it stands for)
    """`functools.cached_property` without its lock: worked out on first read, then stored in
    the instance's `__dict__`, which shadows this (non-data) descriptor from then on.

    Python 3.11's version takes a class-wide lock on every first read; parsing reads tens of
    thousands of these per run (blocks, sentences), and the lock cost more than some of the
    values. Documents are parsed and read by one thread at a time.
    """

    def __init__(self, func: Callable[[T], R]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: T | None, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


class BlockKind(str, Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_ROW = "table_row"
    IMAGE = "image"
    CAPTION = "caption"
    QUOTE = "quote"
    CODE = "code"
    HTML = "html"


PROSE_KINDS = frozenset(
    {BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.CAPTION, BlockKind.QUOTE}
)


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    block_offset: int  # where the word starts in its block's prose
    mapped: MappedText = field(repr=False, compare=False)  # the block's prose, for the span

    @property
    def span(self) -> Span:
        # Mapped on demand: most words are counted or read, few are reported.
        return self.mapped.span(self.block_offset, self.block_offset + len(self.text))


@dataclass(frozen=True)
class Sentence:
    text: str
    block: Block
    start: int  # offset of the sentence in the block's prose
    end: int

    @cached_property
    def span(self) -> Span:
        # Mapped on demand: every sentence is read, few are reported.
        return self.block.text.span(self.start, self.end)

    @cached_property
    def words(self) -> list[Word]:
        return self.block.words_between(self.start, self.end)


@dataclass(frozen=True)
class TableInfo:
    """Where a table row sits: which table, which row, and the header's cell count."""

    table: int
    row: int
    header_cells: int
    is_header: bool
    is_delimiter: bool = False


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    span: Span  # the whole block in the source, markup included
    text: MappedText  # the prose, markup removed (empty for code)
    level: int = 0  # heading level; list nesting depth for list items
    cells: tuple[MappedText, ...] = ()  # table rows
    table: TableInfo | None = None
    attrs: tuple[tuple[str, str], ...] = ()  # images: alt, src; code: info string
    ordinal: str = ""  # list items: the marker as written ("-", "*", "1.")

    @cached_property
    def is_prose(self) -> bool:
        # Cached: checks ask it of every block, about a million times over a corpus.
        return self.kind in PROSE_KINDS

    @cached_property
    def sentences(self) -> list[Sentence]:
        prose = self.text.text
        return [Sentence(prose[start:end], self, start, end) for start, end in split_sentences(prose)]

    @cached_property
    def words(self) -> list[Word]:
        return _words_of(self.text, 0, len(self.text))

    @cached_property
    def word_texts(self) -> list[str]:
        """The words' texts alone, for counting and reading: ten times cheaper than `words`."""
        return WORD_RE.findall(self.text.text)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_index_at(self, offset: int) -> int | None:
        """Index of the sentence holding prose[offset], or None (found by bisection: checks ask
        once per match, and a scan of all sentences each time was quadratic)."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return i
        return None

    @cached_property
    def _word_starts(self) -> list[int]:
        return [w.block_offset for w in self.words]

    def words_between(self, start: int, end: int) -> list[Word]:
        """The words of the prose slice [start, end), taken from the block's own words.

        Sentences end and start at white space, so their words are a run of the block's: the
        words are found once per block instead of once more per sentence. A range that cuts
        through a word is matched afresh, as before.
        """
        words, starts = self.words, self._word_starts
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        cut_before = lo > 0 and starts[lo - 1] + len(words[lo - 1].text) > start
        cut_after = hi > lo and starts[hi - 1] + len(words[hi - 1].text) > end
        if cut_before or cut_after:
            return _words_of(self.text, start, end)
        return words[lo:hi]


# A word: a letter or digit, then word characters, with an apostrophe, hyphen, full stop or
# ampersand inside it when a letter or digit follows ("don't", "U.S", "AT&T"). Written as runs
# of one character class, which the regex engine scans twice as fast as a repeated alternation.
WORD_RE = lazy_re(r"[^\W_][\w\u00ad]*(?:[’'\-‑.&][^\W_][\w\u00ad]*)*")


def _words_of(text: MappedText, start: int, end: int) -> list[Word]:
    return [Word(m.group(), m.start(), text) for m in WORD_RE.finditer(text.text, start, end)]


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    span: Span  # the whole link in the source


@dataclass(frozen=True)
class Image:
    alt: str | None  # None: no alt attribute at all
    src: str
    span: Span


@dataclass(frozen=True)
class Problem:
    """Something the parser could not make sense of (broken front matter, say)."""

    span: Span
    message: str


@dataclass
class Document:
    path: str
    source: str
    format: str  # "markdown" | "html" | "text"
    blocks: list[Block] = field(default_factory=list)
    front_matter: dict[str, Any] = field(default_factory=dict)
    front_matter_span: Span | None = None
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    title_from_meta: str | None = None  # <title> or front matter title
    _shared: dict[tuple[Any, ...], Any] = field(default_factory=dict, repr=False, compare=False)

    def shared(self, compute: Callable[..., T], *args: Hashable) -> T:
        """`compute(*args)`, worked out once per document and shared by every check that asks.

        For work several checks repeat on the same text (masking non-prose, lowercasing,
        tokenising): `doc.shared(mask_non_prose, block.text.text)`. `compute` must be pure.
        """
        key = (compute, *args)
        try:
            return self._shared[key]  # type: ignore[no-any-return]
        except KeyError:
            value = self._shared[key] = compute(*args)
            return value

    def is_shared(self, compute: Callable[..., Any], *args: Hashable) -> bool:
        """True when `shared(compute, *args)` (or `shared_whole(compute)`) is worked out already."""
        return (compute, *args) in self._shared

    def release(self) -> None:
        """Drop the blocks' sentences, worked out while linting: a sentence refers back to its
        block, a cycle that, left in place, only the garbage collector frees (reading the whole
        document to do it). The engine calls this when the document's result is made."""
        for block in self.blocks:
            block.__dict__.pop("sentences", None)

    def shared_whole(self, compute: Callable[[Document], T]) -> T:
        """`compute(doc)`, worked out once per document and shared, like `shared`. The key holds
        no reference to the document, whose cache would otherwise hold it in a cycle: a document
        left in a cycle is freed only by the garbage collector, which then reads all of it."""
        key = (compute,)
        try:
            return self._shared[key]  # type: ignore[no-any-return]
        except KeyError:
            value = self._shared[key] = compute(self)
            return value

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.source)

    def position(self, offset: int) -> Position:
        return self.lines.position(offset)

    @cached_property
    def prose_blocks(self) -> tuple[Block, ...]:
        # Cached (checks ask for it about 30 times a document): read only once parsing is done.
        return tuple(b for b in self.blocks if b.is_prose)

    @property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind is BlockKind.HEADING]

    @cached_property
    def sentences(self) -> list[Sentence]:
        return [s for b in self.blocks if b.is_prose for s in b.sentences]

    @cached_property
    def word_count(self) -> int:
        count = 0
        for block in self.blocks:
            if block.is_prose:
                # Counting needs no spans; building a Word per word here cost a third of a run.
                count += len(block.word_texts)  # found once, shared with the checks
            elif block.kind is BlockKind.TABLE_ROW:
                count += sum(len(WORD_RE.findall(c.text)) for c in block.cells)
        return count

    @property
    def title(self) -> str | None:
        """The article's title: from metadata, else its first heading."""
        if self.title_from_meta:
            return self.title_from_meta
        for block in self.blocks:
            if block.kind is BlockKind.HEADING:
                return block.text.text.strip()
        return None


def is_atom_only(text: str) -> bool:
    """True when the text holds nothing but atoms and white space (a lone shortcode, say)."""
    return not text.replace(ATOM, "").strip()
