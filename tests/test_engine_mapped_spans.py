"""Sentences and words keep the source spans of their text, through entities and markup."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.document.span import Span


def test_a_sentence_maps_its_span_through_entities_and_markup() -> None:
    from lint.document import parse

    doc = parse("a.md", "Intro line.\n\nTom &amp; Ann *met* today. They left.\n")
    first, second = doc.blocks[1].sentences
    assert (first.text, first.span) == ("Tom & Ann met today.", Span(13, 39))
    assert doc.source[first.span.start : first.span.end] == "Tom &amp; Ann *met* today."
    assert (second.text, second.span) == ("They left.", Span(40, 50))


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
