"""repeated-line: a headline, caption, teaser or short line printed twice.

duplicate-paragraph compares paragraphs of twelve words or more, and duplicate-heading compares
headings. Pages pasted from the web repeat shorter things: the headline again above the story,
a photo caption under itself, a teaser twice, a line rewritten with one word changed ("China has
the world's second-biggest economy" / "China has the world's biggest economy"), or cut short
("... in Berkshire and Surrey" / "... in Berkshire and Surrey, while two remain in Somerset").
Each line (a heading, paragraph, caption or, in plain text, list item) is compared with the
earlier ones: the same words, nearly the same words (word-set similarity), or the same words
and then more. Case, punctuation and spacing do not count. Markdown and HTML articles repeat
short lines by design (a "Back to top" link, a question asked of each guest), so there a line
said three times or more, or a question, is left alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks._duplicates import near_duplicates, shingles, words
from lint.checks._leftover_lines import SPEAKER_TURN, Line, in_blockquote, prose_lines
from lint.checks.base import Check, HouseStyle
from lint.checks.duplicate_paragraph import is_template_line, option
from lint.document.mapped import ATOM
from lint.document.model import Block, BlockKind, Document
from lint.document.span import Span
from lint.findings import Finding, Severity
from lint.patterns import lazy_re

_UNIT_KINDS = frozenset({BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.CAPTION})
_MAX_PREFIX_WORDS = 60
# A line this long repeated under another heading is a paste, not a section's stock closing line.
_ANY_SECTION_WORDS = 15
# "MICHEL MARTIN, BYLINE:" or "SMITH:" opening a transcript line.
_STAGE_DIRECTION = lazy_re(r"^\s*[(\[][^()\[\]]*[)\]]\W*$")


@dataclass(frozen=True)
class Options:
    min_words: int = option(5, "Lines shorter than this many words repeat naturally (\"Read more\", \"Updated\").")
    threshold: float = option(
        0.8,
        "Word-set similarity (Jaccard) from which two lines count as the same line rewritten.",
    )


@dataclass(frozen=True)
class _Unit:
    block: Block
    span: Span  # what a finding points at: the line, or the block's prose
    line: int
    key: str  # normalised text
    tokens: tuple[str, ...]
    section: int  # how many headings come before it (Markdown and HTML)


class RepeatedLine(Check):
    id = "repeated-line"
    category = "duplicate"
    severity = Severity.WARNING
    Options = Options
    summary = "A headline, caption, teaser or short line printed twice, or twice with a word changed."
    why = (
        "A line printed twice is a paste accident or a page template showing through: readers see the "
        "headline twice, or two versions of one sentence, and the copy looks unedited."
    )
    bad = (
        "Harbour ferry returns to winter timetable\n\n"
        "Harbour ferry returns to winter timetable\n\n"
        "The ferry runs hourly from Friday.\n"
    )
    good = "Harbour ferry returns to winter timetable\n\nThe ferry runs hourly from Friday.\n"

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        units = _units(doc, options)
        authored = doc.format != "text"
        by_key: dict[str, list[_Unit]] = defaultdict(list)
        for unit in units:
            by_key[unit.key].append(unit)
        reported: set[int] = set()
        for copies in by_key.values():
            if len(copies) < 2 or (authored and len(copies) > 2):
                continue  # three copies in an authored article are a template, not a paste
            for later in copies[1:]:
                if authored and later.section != copies[0].section and len(later.tokens) < _ANY_SECTION_WORDS:
                    continue  # "See the release notes for more." closes each section on purpose
                reported.add(id(later))
                yield self._report(doc, later, copies[0], "repeats")
        # Nearly the same words: one word changed, or one line the other cut short.
        distinct = [copies[0] for copies in by_key.values()]
        distinct.sort(key=lambda u: u.line)
        sets = [shingles(u.tokens, size=1) for u in distinct]
        for pair in near_duplicates(sets, options.threshold):
            later, earlier = distinct[pair.second], distinct[pair.first]
            if authored and later.section != earlier.section and len(later.tokens) < _ANY_SECTION_WORDS:
                continue
            if id(later) not in reported:
                reported.add(id(later))
                yield self._report(doc, later, earlier, "nearly repeats")
        yield from self._cut_short(doc, distinct, reported)

    def _cut_short(self, doc: Document, units: list[_Unit], reported: set[int]) -> Iterator[Finding]:
        """A line that is another line's beginning: the same words and then more (or fewer)."""
        by_text = {u.key: u for u in units}
        # Only a line of n words can be an n-word beginning: the lengths lines have, longest first.
        lengths = sorted({len(u.tokens) for u in units}, reverse=True)
        for unit in units:
            if id(unit) in reported:
                continue
            size = len(unit.tokens)
            for n in (n for n in lengths if 5 < n < size) if size <= _MAX_PREFIX_WORDS else ():
                shorter = by_text.get(" ".join(unit.tokens[:n]))
                if shorter is not None and shorter is not unit and shorter.section == unit.section:
                    later, earlier = (unit, shorter) if unit.line > shorter.line else (shorter, unit)
                    if id(later) not in reported:
                        reported.add(id(later))
                        yield self._report(doc, later, earlier, "repeats the beginning of")
                    break

    def _report(self, doc: Document, later: _Unit, earlier: _Unit, how: str) -> Finding:
        return self.finding(
            later.span,
            f"This line {how} line {earlier.line}: keep one version and delete the other.",
        )


def _units(doc: Document, options: Options) -> list[_Unit]:
    """Each line of a plain-text article (two lines of one paragraph may be the same line
    pasted twice); each heading, paragraph and caption of a Markdown or HTML one."""
    units = []
    section = 0
    if doc.format == "text":
        # Headings of plain text are guesses: the whole article is one section.
        pieces: list[tuple[Block, str, Line | None, int]] = [
            (line.block, line.text, line, 0) for line in prose_lines(doc)
        ]
    else:
        pieces = []
        for block in doc.blocks:
            if block.kind is BlockKind.HEADING:
                section += 1
            if block.kind in _UNIT_KINDS:
                pieces.append((block, block.text.text, None, section))
    for block, text, line, section_here in pieces:
        tokens = tuple(doc.shared(words, text))  # duplicate-paragraph reads the same words
        if len(tokens) < options.min_words or in_blockquote(doc, block):
            continue
        if doc.format != "text" and text.rstrip(" ”\"'’*_").endswith("?"):
            continue  # an interview asks each guest the same question
        if SPEAKER_TURN.match(text) or _STAGE_DIRECTION.match(text):
            continue  # a transcript replays a clip, and marks each one "(SOUNDBITE OF ...)"
        if ATOM in text and doc.format != "text":
            continue  # an image's caption repeats its alt text, a shortcode its title
        if doc.format != "text" and is_template_line(doc, block):
            continue  # "**Progress:** none yet" in each section, "– Jane Doe" under each quote
        # (The span is worked out for a unit only: a line's, or the block's prose.)
        span = line.span if line is not None else block.text.span(0, len(text))
        # Words only, so "News,United States" and "News, United States" are one line.
        units.append(_Unit(block, span, doc.position(span.start).line, " ".join(tokens), tokens, section_here))
    return units
