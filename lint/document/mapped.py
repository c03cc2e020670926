"""Prose text that remembers where each of its characters came from in the source file.

Parsers strip markup (Markdown syntax, HTML tags, entities) from the source; checks read the
stripped prose but must report positions in the source. A `MappedText` keeps the prose string
and a compact list of segments, each mapping a run of prose characters back to a run of source
characters, so memory stays proportional to the number of edits, not to the text length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from itertools import accumulate
from typing import NamedTuple

from lint.document.span import Span

# Stands in for an inline atom that is not prose (a code span, an image, a template tag), so
# words on either side do not run together and checks can tell the atom is there.
ATOM = "\ufffc"


class Segment(NamedTuple):
    """`length` prose characters starting at `text_start` came from `source` in the file.

    When the prose run and the source run have the same length they map one to one; otherwise
    (an entity, an atom) every character of the run maps to the whole source run. (A named tuple:
    parsing makes one per run of text, and it is made several times quicker than a dataclass.)
    """

    text_start: int
    length: int
    source: Span

    @property
    def exact(self) -> bool:
        return self.length == self.source.end - self.source.start


# Segment((text_start, length, source)) without the keyword handling of Segment(...)
_new_segment = partial(tuple.__new__, Segment)


@dataclass(frozen=True)
class MappedText:
    text: str
    segments: tuple[Segment, ...] = ()
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @staticmethod
    def from_source(source: str, start: int, end: int) -> MappedText:
        """The source slice itself, mapped one to one."""
        text = source[start:end]
        return MappedText.join_pieces([text], [Span(start, end)]) if text else _EMPTY

    @staticmethod
    def build(pieces: Iterable[tuple[str, Span]]) -> MappedText:
        """Join pieces of prose, each with the source span it came from."""
        kept = [piece for piece in pieces if piece[0]]
        return MappedText.join_pieces([text for text, _ in kept], [src for _, src in kept])

    @staticmethod
    def join_pieces(texts: list[str], sources: list[Span]) -> MappedText:
        """`build` from its pieces' texts (none empty) and their source spans, side by side."""
        # Parsing builds tens of thousands of these: the running offsets and the segments are
        # made by C-level `accumulate`/`map` instead of a Python loop of appends.
        if len(texts) < 2:  # most paragraphs are one line of plain text: one piece
            if not texts:
                return _EMPTY
            text = texts[0]
            return MappedText(text, (_new_segment((0, len(text), sources[0])),), _FIRST)
        sizes = list(map(len, texts))
        starts = (0, *accumulate(sizes[:-1]))
        segments = tuple(map(_new_segment, zip(starts, sizes, sources, strict=True)))
        return MappedText("".join(texts), segments, starts)

    @staticmethod
    def build_stripped(pieces: list[tuple[str, Span]]) -> MappedText:
        """`build(pieces)` without the white space at either end, as its `slice` would cut it,
        made in one go (HTML text comes in pieces with line breaks and indents around them)."""
        joined = "".join([text for text, _ in pieces])
        lo = len(joined) - len(joined.lstrip())
        hi = len(joined.rstrip())
        if (lo, hi) == (0, len(joined)):
            return MappedText.build(pieces)
        kept: list[tuple[str, Span]] = []
        pos = 0
        for text, src in pieces:
            size = len(text)
            cut_start, cut_end = max(lo - pos, 0), min(hi - pos, size)
            if cut_start < cut_end:
                if cut_start == 0 and cut_end == size:
                    kept.append((text, src))
                elif size == src.end - src.start:  # exact: character for character
                    kept.append((text[cut_start:cut_end], Span(src.start + cut_start, src.start + cut_end)))
                else:
                    kept.append((text[cut_start:cut_end], src))
            pos += size
        return MappedText.build(kept)

    def __len__(self) -> int:
        return len(self.text)

    def _segment(self, index: int) -> Segment:
        i = bisect.bisect_right(self._starts, index) - 1
        return self.segments[max(i, 0)]

    def source_offset(self, index: int) -> int:
        """Source offset where prose character `index` starts."""
        if not self.segments:
            return 0
        if index >= len(self.text):
            return self.segments[-1].source.end
        seg = self._segment(index)
        if seg.exact:
            return seg.source.start + (index - seg.text_start)
        return seg.source.start

    def source_end(self, index: int) -> int:
        """Source offset just after prose character `index - 1` (an exclusive end)."""
        if not self.segments:
            return 0
        if index <= 0:
            return self.segments[0].source.start
        seg = self._segment(index - 1)
        if seg.exact:
            return seg.source.start + (index - seg.text_start)
        return seg.source.end

    def span(self, start: int, end: int) -> Span:
        """Source span of the prose slice [start, end)."""
        if end <= start:
            at = self.source_offset(start)
            return Span(at, at)
        return Span(self.source_offset(start), self.source_end(end))

    @property
    def source_span(self) -> Span:
        return self.span(0, len(self.text))

    def slice(self, start: int, end: int) -> MappedText:
        texts: list[str] = []
        sources: list[Span] = []
        self._take(start, end, max(bisect.bisect_right(self._starts, start) - 1, 0), texts, sources)
        return MappedText.join_pieces(texts, sources)

    def substitute(self, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]) -> MappedText:
        """Like `pattern.sub(replace, text)`, keeping the mapping.

        Characters outside the matches keep their mapping; a replacement maps to the source span
        of the whole match (an empty replacement simply drops the match).
        """
        texts: list[str] = []
        sources: list[Span] = []
        last = k = 0  # k: the segment that holds `last` (matches come in text order)
        for m in pattern.finditer(self.text):
            start, end = m.span()
            if start > last:
                k = self._take(last, start, k, texts, sources)
            new = replace(m)
            if new:
                texts.append(new)
                sources.append(self.span(start, end))
            last = end
        if last == 0 and not texts:  # no match, or only empty ones at 0 replaced by nothing
            return self
        self._take(last, len(self.text), k, texts, sources)
        return MappedText.join_pieces(texts, sources)

    def unwrap(self, pattern: re.Pattern[str], group: str | int, on_match=None) -> MappedText:
        """Replace each match by one of its groups, whose characters keep their own mapping.

        `on_match(match)` is called for every match first (parsers record links this way).
        """
        texts: list[str] = []
        sources: list[Span] = []
        last = k = 0
        for m in pattern.finditer(self.text):
            if on_match is not None:
                on_match(m)
            k = self._take(last, m.start(), k, texts, sources)
            k = self._take(m.start(group), m.end(group), k, texts, sources)
            last = m.end()
        if last == 0:
            return self
        self._take(last, len(self.text), k, texts, sources)
        return MappedText.join_pieces(texts, sources)

    def _take(self, start: int, end: int, k: int, texts: list[str], sources: list[Span]) -> int:
        """Append the prose slice [start, end) as pieces that keep each segment's own mapping;
        `k` is a segment at or before the one holding `start`. Returns the segment holding `end`
        (or the last one looked at), where the next, later slice can start looking."""
        if start >= end:
            return k
        text, segments = self.text, self.segments
        count = len(segments)
        while k + 1 < count and segments[k + 1].text_start <= start:
            k += 1
        while k < count:
            text_start, length, source = segments[k]
            if text_start >= end:
                break
            seg_end = text_start + length
            lo = start if start > text_start else text_start
            hi = end if end < seg_end else seg_end
            if lo < hi:
                texts.append(text[lo:hi])
                if length == source.end - source.start:  # exact: character for character
                    off = source.start - text_start
                    sources.append(Span(lo + off, hi + off))
                else:
                    sources.append(source)
            if seg_end > end:
                break
            k += 1
        return k if k < count else count - 1


_EMPTY = MappedText("", (), ())
_FIRST = (0,)  # the segment starts of a text of one piece


def concat(parts: Iterable[MappedText], separator: str = "") -> MappedText:
    """Join mapped texts; a separator maps to the empty span where the next part starts."""
    pieces: list[tuple[str, Span]] = []
    first = True
    for part in parts:
        if not part.text:
            continue
        if not first and separator:
            at = part.source_offset(0)
            pieces.append((separator, Span(at, at)))
        first = False
        for seg in part.segments:
            pieces.append((part.text[seg.text_start : seg.text_start + seg.length], seg.source))
    return MappedText.build(pieces)
