"""split-sentence: line breaks in the middle of a sentence.

Two shapes, both from copy moved between systems:
- a paragraph break inside a sentence: a paragraph that stops without closing punctuation and a
  next paragraph that carries on in lowercase ("... the National Association of Head Teachers'"
  / "conference in Harrogate this week."), or after a dangling word ("A further" / "£10,000 could
  also be raised"), or a drop capital left on a line of its own ("A" / "bright spotlight has been
  shone ...");
- text hard-wrapped at a narrow fixed width, as print columns and OCR output are: every line of a
  paragraph breaks mid-sentence after a few words.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks._tokens import LETTER_WORD
from lint.checks.base import Check, HouseStyle, option
from lint.document.mapped import ATOM
from lint.document.model import Block, BlockKind, Document
from lint.document.span import Span
from lint.findings import Finding, Fix, Severity
from lint.patterns import lazy_re

# Closing punctuation; a final apostrophe closes only after a stop ("... ended.'"), since
# "Head Teachers'" is a possessive.
_CLOSED = lazy_re(r"(?:[.!?…:;,)\]}>|*_`\"”»—–-]|[.!?,]['’])\s*$")
_OPENS_LOWER = lazy_re(r"^[\"“‘(]?[a-z]")
_OPENS_FIGURE = lazy_re(r"^[£$€]?\d")
# Words that cannot end a sentence: a paragraph ending on one was cut.
_DANGLING = frozenset(
    "a an the of to in on at by for from with and or but nor as than that which who whose whom if "
    "further more most less into onto about after before between during including like per via "
    "his her their its our your my this these those".split()
)
_NEVER_ENDS_HEADING = frozenset("a an the and or but nor of further than that whose".split())
_LINES_FOR_WRAP = 4


@dataclass(frozen=True)
class Options:
    max_wrap_width: int = option(
        45,
        "A plain-text paragraph whose lines are at most this wide on average is hard-wrapped text, not a paragraph "
        "typed with line breaks.",
    )


class SplitSentence(Check):
    id = "split-sentence"
    category = "structure"
    severity = Severity.WARNING
    Options = Options
    summary = "Line breaks in the middle of a sentence: a paragraph split mid-sentence, or narrow hard-wrapped text."
    why = (
        "A sentence broken across two paragraphs reads as two fragments; text hard-wrapped at a fixed "
        "width keeps its breaks on every screen. Both come from copy moved between systems."
    )
    bad = "The letters angered delegates at the Association of Head Teachers'\n\nconference in Harrogate this week.\n"
    good = "The letters angered delegates at the Association of Head Teachers' conference in Harrogate this week.\n"

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        chain: list[Block] = []  # paragraphs joined by split sentences, in order
        previous: Block | None = None
        for block in doc.blocks:
            if previous is not None and _split(doc, previous, block):
                chain = chain or [previous]
                chain.append(block)
            elif chain:
                yield from self._report(chain)
                chain = []
            if doc.format == "text" and block.kind is BlockKind.PARAGRAPH:
                width = _wrap_width(doc, block)
                if width is not None and width <= options.max_wrap_width:
                    yield self.finding(
                        block.span,
                        f"This text is hard-wrapped at about {width} characters: its line breaks fall in "
                        "the middle of sentences. Remove them so the text flows.",
                    )
            previous = block if block.is_prose or block.kind is BlockKind.CODE else None
        yield from self._report(chain)

    def _report(self, chain: list[Block]) -> Iterator[Finding]:
        if not chain:
            return
        first, last = chain[0], chain[-1]
        span = Span(first.text.span(0, len(first.text.text)).start, last.text.span(0, len(last.text.text)).end)
        if len(chain) == 2:
            yield self.finding(
                span,
                "A paragraph break splits this sentence: join the two lines into one paragraph.",
                fix=Fix(Span(first.span.end, last.span.start), " ", safe=False),
            )
        else:
            yield self.finding(
                span,
                f"Line breaks split sentences across these {len(chain)} lines: the text was broken at a "
                "fixed width. Join the lines into paragraphs.",
            )


def _split(doc: Document, first: Block, second: Block) -> bool:
    # Plain text guesses headings from short lines: a wrapped line may be taken for one.
    seconds = (BlockKind.PARAGRAPH, BlockKind.HEADING) if doc.format == "text" else (BlockKind.PARAGRAPH,)
    if first.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING) or second.kind not in seconds:
        return False
    head = first.text.text.strip()
    if not head or _closed(head):
        return False
    tail = second.text.text.strip()
    if not tail:
        return False
    words = LETTER_WORD.findall(head)
    if first.kind is BlockKind.HEADING:
        # A heading is followed by its text. A plain-text "heading" is only a guess, though: a
        # lone drop capital ("A"), a line far too long for a heading, one ending on a word no
        # heading ends on ("... and a further"), or one the next line carries on without a blank
        # line between is a paragraph cut in two.
        drop_capital = len(head) == 1 and head.isupper()
        guessed = doc.format == "text" and (
            len(words) >= 10
            or (bool(words) and words[-1].lower() in _NEVER_ENDS_HEADING)
            or "\n\n" not in doc.source[first.span.end : second.span.start]
        )
        if not (drop_capital or guessed):
            return False
    if head.endswith(ATOM) or tail.startswith(ATOM):
        return False  # an image or a shortcode stands between them
    opener = tail.split(None, 1)[0].strip("\"“‘(")
    if _OPENS_LOWER.match(tail):
        # "cloud.gov is ...", "eAPD represents ...": a name may start in lowercase.
        return opener.isalpha() and opener.islower() and (len(words) >= 3 or len(head) == 1)
    return bool(_OPENS_FIGURE.match(tail) and words and words[-1].lower() in _DANGLING)


def _closed(text: str) -> bool:
    """Whether `text` (stripped) ends with closing punctuation: the pattern is tried at its end only."""
    return _CLOSED.search(text, max(0, len(text) - 2)) is not None


def _wrap_width(doc: Document, block: Block) -> int | None:
    """The typical line width of a paragraph made of many short lines that break mid-sentence."""
    lines = [line.strip() for line in doc.source[block.span.start : block.span.end].split("\n")]
    lines = [line for line in lines if line]
    if len(lines) < _LINES_FOR_WRAP:
        return None
    open_ends = sum(1 for line in lines[:-1] if not _closed(line))
    if open_ends * 3 < (len(lines) - 1) * 2:
        return None  # most lines end a sentence or a clause: a list of short lines, a poem
    import statistics  # here: few articles are hard-wrapped, and it costs a one-article run 3 ms

    return round(statistics.median(len(line) for line in lines))
