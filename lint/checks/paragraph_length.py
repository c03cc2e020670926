"""paragraph-length: paragraphs too long to read on a phone (walls of text, lost paragraph breaks)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks.base import Check, Example, HouseStyle, option
from lint.document.model import BlockKind, Document
from lint.findings import Finding, Severity

# Headings have their own checks; a table row is not a paragraph.
_PARAGRAPH_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE, BlockKind.CAPTION})


@dataclass(frozen=True)
class Options:
    max_words: int = option(
        250,
        "A paragraph of more words is reported (a warning). In edited blog and news copy, 99.9 % of paragraphs have "
        "at most 183 words and 10 sentences.",
    )
    max_sentences: int = option(15, "A paragraph of more sentences is reported (a warning).")
    max_words_plain_text: int = option(
        150,
        "The word limit for plain-text articles. Markdown and HTML mark their paragraphs, so a long one there is the "
        "author's choice; plain text copied from a page loses paragraph marks first, and edited news paragraphs stay "
        "far below this (the longest in the shared clean news is 103 words).",
    )
    error_words: int = option(
        400,
        "A paragraph of more words is an error: it is almost always several paragraphs (or a whole article) whose "
        "breaks were lost.",
    )


class ParagraphLength(Check):
    id = "paragraph-length"
    category = "readability"
    severity = Severity.WARNING
    Options = Options
    summary = "Paragraphs with more words or sentences than the outlet's limit (walls of text)."
    why = (
        "News paragraphs are short: one idea, one to three sentences. A wall of text loses readers, "
        "above all on phones, and a paragraph of hundreds of words usually means the paragraph "
        "breaks were lost when the copy was pasted. Up to max_words words and max_sentences "
        "sentences pass; longer is a warning, and more than error_words words is an error."
    )
    # Shown with a low limit to stay short; the default limits are 250 words or 15 sentences.
    bad = Example(
        "The council met on Tuesday. It approved the budget. Libraries lose two staff. Parks keep theirs. "
        "A vote on fees comes in May. Residents can comment until April.",
        settings={"checks": {"paragraph-length": {"max_sentences": 4}}},
    )
    good = (
        "The council met on Tuesday and approved the budget.\n\n"
        "Libraries lose two staff; parks keep theirs.\n\n"
        "A vote on fees comes in May. Residents can comment until April."
    )

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        max_words = options.max_words_plain_text if doc.format == "text" else options.max_words
        for block in doc.blocks:
            if block.kind not in _PARAGRAPH_KINDS:
                continue
            words = len(block.word_texts)
            sentences = len(block.sentences)
            if words <= max_words and sentences <= options.max_sentences:
                continue
            severity = Severity.ERROR if words > options.error_words else None
            size = f"{words:,} words and {sentences} sentence{'s' if sentences != 1 else ''}"
            limits = f"{max_words:,} words or {options.max_sentences} sentences"
            text = block.text.text
            yield self.finding(
                block.text.span(0, len(text.rstrip())),
                f"paragraph of {size} (the limit is {limits}): break it into short paragraphs "
                "of one to three sentences, one idea each",
                severity=severity,
            )
