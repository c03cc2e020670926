"""unbalanced-quotes: a quotation opened and never closed, or closed and never opened."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks.base import Check, HouseStyle, option
from lint.document.model import Block, BlockKind, Document
from lint.findings import Finding, Severity
from lint.patterns import lazy_re

_QUOTES = '"“”„'
# Kramdown attribute lists reach the prose as text with their own straight quotes:
# {:target="_blank"}. (Template tags are atoms already: the parsers turn them into ATOM.)
_TEMPLATE = lazy_re(r"\{:[^}\n]{0,200}\}")
_QUOTE_MARK = lazy_re(f"[{_QUOTES}]")
_OPEN_BEFORE = set("([{—–-/=")
_CLOSE_AFTER = set(".,;:!?)]}—–-…")


@dataclass(frozen=True)
class Options:
    max_paragraphs: int = option(
        4,
        "How many paragraphs a quotation may run before its closing mark (writers do not always repeat the opening "
        "mark on each paragraph of a long quotation).",
    )


@dataclass(frozen=True)
class QuoteMark:
    block: Block
    index: int  # in the block's prose
    opening: bool


class UnbalancedQuotes(Check):
    id = "unbalanced-quotes"
    category = "structure"
    severity = Severity.WARNING
    Options = Options
    summary = "A double quotation mark opened and never closed, or closed and never opened."
    why = (
        "A quotation without its end leaves readers unsure where the speaker's words stop and the "
        "reporter's begin, which matters for accuracy and for libel. A quotation may run over several "
        "paragraphs: each paragraph opens with a quotation mark and only the last one closes."
    )
    bad = "“We will not give up, the minister said on Monday."
    good = "“We will not give up,” the minister said on Monday."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        for mark in unmatched_in_document(doc, options.max_paragraphs):
            glyph = mark.block.text.text[mark.index]
            message = (
                f"the quotation opened here with {glyph} is never closed: add the closing quotation mark "
                "where the quoted words end"
                if mark.opening
                else f"this closing {glyph} has no opening quotation mark: add the opening mark where the "
                "quoted words begin, or delete this one"
            )
            yield self.finding(mark.block.text.span(mark.index, mark.index + 1), message)


def unmatched_in_document(doc: Document, max_paragraphs: int) -> list[QuoteMark]:
    """Quotation marks without partners, pairing across the paragraphs of a long quotation."""
    problems: list[QuoteMark] = []
    pending: list[QuoteMark] = []  # opened in an earlier paragraph, not closed yet
    age = 0
    for block in doc.prose_blocks:
        if block.kind is BlockKind.HEADING:
            problems += pending
            pending, age = [], 0
            problems += [QuoteMark(block, i, o) for i, o in unmatched_quotes(block.text.text)]
            continue
        marks = unmatched_quotes(block.text.text)
        for index, opening in marks:
            if not opening:
                if pending:
                    pending.pop()  # closes a quotation from an earlier paragraph
                else:
                    problems.append(QuoteMark(block, index, False))
        # A paragraph that opens with a quotation mark continues the quotation left open before.
        if pending and _opens_with_quote(block.text.text):
            pending, age = [], 0
        # A quoted list runs over several items; paragraphs are what count.
        if block.kind is not BlockKind.LIST_ITEM:
            age += 1
        if pending and age > max_paragraphs:
            problems += pending
            pending, age = [], 0
        opened = [QuoteMark(block, i, True) for i, o in marks if o]
        if opened:
            pending += opened
            age = 0
    problems += pending
    return sorted(problems, key=lambda m: (m.block.span.start, m.index))


def _opens_with_quote(text: str) -> bool:
    stripped = text.lstrip(" \t\n_*")
    return stripped[:1] in ('"', "“", "„")


def unmatched_quotes(text: str) -> list[tuple[int, bool]]:
    """(index, is_opening) for each double quotation mark in one paragraph without its partner."""
    if not _QUOTE_MARK.search(text):
        return []  # most paragraphs quote no one
    if "{" in text or "}}" in text:
        text = _TEMPLATE.sub(lambda m: " " * len(m.group()), text)
    open_at: list[int] = []
    problems: list[tuple[int, bool]] = []
    for m in _QUOTE_MARK.finditer(text):
        i, ch = m.start(), m.group()
        role = _role(text, i)
        if role == "close" or (role == "" and open_at):
            if open_at:
                open_at.pop()
            elif not (ch == '"' and i > 0 and text[i - 1].isdigit()):  # 27" is a measure
                problems.append((i, False))
        else:
            open_at.append(i)
    problems.extend((i, True) for i in open_at)
    return sorted(problems)


def _role(text: str, i: int) -> str:
    """Open or close, by the characters around the mark ("” word" opens, whatever the glyph);
    by the glyph when the surroundings do not tell; "" for a straight quote that could be either."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() != after.isspace():
        # Space on one side only: “Yes,” and "... what" are clear whatever the glyph.
        return "open" if before.isspace() else "close"
    if not before.isspace():
        opens, closes = before in _OPEN_BEFORE, after in _CLOSE_AFTER
        if opens != closes:
            return "open" if opens else "close"
    glyph = text[i]
    if glyph == '"' and after.isalnum() != before.isalnum():
        # A straight quote run together with a word on one side only: and,"next or said:"Yes".
        return "open" if after.isalnum() else "close"
    return "open" if glyph in "“„" else "close" if glyph == "”" else ""
