"""MappedText.spans (one walk for many ranges) agrees with span (one lookup per range)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.document.mapped import MappedText
from lint.document.span import Span


@st.composite
def mapped_texts(draw: st.DrawFn) -> MappedText:
    """Pieces as parsers make them: exact runs, entities and atoms that map to a longer span."""
    pieces = []
    at = 0
    for text in draw(st.lists(st.text(alphabet="ab .\n", min_size=1, max_size=6), max_size=12)):
        source_length = draw(st.sampled_from([len(text), len(text), len(text) + 3, 1]))
        at += draw(st.integers(0, 4))  # markup skipped between pieces
        pieces.append((text, Span(at, at + source_length)))
        at += source_length
    return MappedText.build(pieces)


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(mapped_texts(), st.data())
def test_spans_agree_with_span(text: MappedText, data: st.DataObject) -> None:
    size = len(text.text)
    cuts = sorted(data.draw(st.lists(st.integers(0, size), max_size=10)))
    ranges = list(zip(cuts[::2], cuts[1::2], strict=False))  # in order and not overlapping, like words
    ranges += data.draw(st.lists(st.tuples(st.integers(0, size), st.integers(0, size)), max_size=3))  # any order
    assert text.spans(ranges) == [text.span(a, b) for a, b in ranges]


def test_words_keep_their_spans() -> None:
    text = MappedText.build([("Hello ", Span(2, 8)), ("&amp;", Span(8, 13)), (" world", Span(20, 26))])
    assert text.spans([(0, 5), (6, 11), (12, 17)]) == [Span(2, 7), Span(8, 13), Span(21, 26)]


prose_text = st.lists(
    st.sampled_from(
        ["The", "U.S.", "Dr.", "it's", "co-op", "3.5", "A.", "end.", "Why?", "“Yes,”", "x_y", "—", "…", "é"]
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(prose_text, st.integers(0, 60), st.integers(0, 60))
def test_sentence_words_are_the_words_matched_in_the_sentence(text: str, a: int, b: int) -> None:
    from lint.document import parse
    from lint.document.model import _words_of

    doc = parse("a.txt", text)
    for block in doc.blocks:
        for sentence in block.sentences:
            assert sentence.words == _words_of(block.text, sentence.start, sentence.end)
        start, end = sorted((min(a, len(block.text)), min(b, len(block.text))))
        assert block.words_between(start, end) == _words_of(block.text, start, end)  # any range, even mid-word
