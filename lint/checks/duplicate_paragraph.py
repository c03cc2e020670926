"""duplicate-paragraph: a paragraph or a whole section that appears twice, exactly or nearly."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks._duplicates import (
    expanded_prose,
    group_runs,
    near_duplicates,
    normalize,
    shingles,
    word_count,
    words,
)
from lint.checks._leftover_lines import in_blockquote
from lint.checks.base import Check, HouseStyle, option
from lint.document.mapped import ATOM
from lint.document.model import Block, BlockKind, Document
from lint.document.span import Span
from lint.findings import Finding, Fix, Severity
from lint.patterns import lazy_re

# Paragraphs that repeat by design: interview questions and bold prompts asked of each person,
# fields of a structured report ("**Progress:** none yet"),
# attributions ("– Jane Doe, Director") under several quotes by the same person, and notes set
# wholly in italics or bold ("_This post first appeared on ..._", a bold pull quote).
TEMPLATE_LINE = lazy_re(
    r"^\s*(?:<p\b[^>]*>\s*)?(?:[–—―-]|\*\*|__|<(?:strong|b)>)|\?\W*$"
    r"|^\s*(?:<p\b[^>]*>\s*)?(?:([*_])|<(strong|b|em|i)\b[^>]*>).*(?:\1|</\2>)\s*(?:</p>)?\s*$",
    re.S,
)


@dataclass(frozen=True)
class Options:
    threshold: float = option(
        0.7,
        "How alike two paragraphs must be (0 to 1: the Jaccard similarity of their word 3-shingles) to count as the "
        "same text.",
    )
    min_words: int = option(
        12,
        "Paragraphs of fewer words are not compared: they repeat legitimately (\"Read more.\", a sign-off).",
    )
    min_words_across_sections: int = option(
        40,
        "A paragraph repeated under another heading is reported only from this many words: reports and catalogues "
        "repeat a short stock line (\"Progress: none yet.\") in each section.",
    )


def repeated_blocks(doc: Document, options: Options) -> list[tuple[list[Block], list[Block], float]]:
    """(first copies, second copies, similarity) for each repeated paragraph or section."""
    section = _sections(doc)
    # Paragraphs only: list items repeat across sections of release notes and checklists, and
    # pull quotes and captions repeat body text on purpose.
    blocks: list[Block] = []
    sets: list[frozenset[int]] = []
    for b in doc.blocks:
        if b.kind is not BlockKind.PARAGRAPH:
            continue
        tokens = doc.shared(words, b.text.text)  # repeated-line reads the same words
        if len(tokens) < options.min_words or in_blockquote(doc, b) or is_template_line(doc, b):
            continue
        blocks.append(b)
        # The prose with atoms expanded is the prose itself when it has no atom.
        sets.append(shingles(tokens if ATOM not in b.text.text else words(expanded_prose(doc.source, b.text))))
    pairs = near_duplicates(sets, options.threshold)
    # Text that comes three times or more is a template (a prompt, a recurring note), not a paste.
    copies = Counter(p.first for p in pairs)
    pairs = [p for p in pairs if copies[p.first] < 2]
    out = []
    for run in group_runs(pairs):
        firsts = [blocks[p.first] for p in run]
        seconds = [blocks[p.second] for p in run]
        if set(map(id, firsts)) & set(map(id, seconds)):
            continue  # a run that overlaps itself (A A A) is reported pair by pair below
        first_heading, second_heading = section[id(firsts[0])], section[id(seconds[0])]
        if first_heading != second_heading:
            if _heading_text(doc, first_heading) == _heading_text(doc, second_heading):
                continue  # parallel sections ("Looking forward" under each topic) share stock text
            if len(run) == 1 and word_count(seconds[0].text.text) < options.min_words_across_sections:
                continue  # a short stock paragraph under each of several headings
        out.append((firsts, seconds, min(p.similarity for p in run)))
    return out


def _sections(doc: Document) -> dict[int, int]:
    """For each block (by id), the index of the heading it sits under (-1 before any)."""
    out: dict[int, int] = {}
    current = -1
    for index, block in enumerate(doc.blocks):
        if block.kind is BlockKind.HEADING:
            current = index
        out[id(block)] = current
    return out


def is_template_line(doc: Document, block: Block) -> bool:
    """`TEMPLATE_LINE` on the block's source (asked once per block: repeated-line asks too)."""
    return doc.shared(_template_at, doc.source, block.span.start, block.span.end)


def _template_at(source: str, start: int, end: int) -> bool:
    text = source[source.rfind("\n", 0, start) + 1 : end]
    # `TEMPLATE_LINE.search(text)`, asked as match and one search: its branches but one are
    # anchored at the start, and the one that is not ("?" then no word character to the end)
    # matches somewhere exactly when it matches at the last "?" (searching for it from every
    # place costs more than the rest of the check).
    if TEMPLATE_LINE.match(text) is not None:
        return True
    question = text.rfind("?")
    return question != -1 and _WORD_CHAR.search(text, question + 1) is None


_WORD_CHAR = lazy_re(r"\w")


def _heading_text(doc: Document, index: int) -> str:
    return normalize(doc.blocks[index].text.text) if index >= 0 else ""


def _source_text(doc: Document, block: Block) -> str:
    return normalize(expanded_prose(doc.source, block.text))


class DuplicateParagraph(Check):
    """Paragraphs are compared by their word 3-shingles (Jaccard similarity) with a MinHash index,
    so an article of any length is checked in linear time. A run of repeated paragraphs that
    follow one another is one finding: a repeated section. The finding sits on the second copy and
    names the line of the first."""

    id = "duplicate-paragraph"
    category = "duplicate"
    supersedes = ("repeated-line", "repeated-sentence")
    severity = Severity.ERROR
    Options = Options
    summary = "A paragraph or section that appears twice in the article, word for word or nearly."
    why = (
        "A repeated paragraph is a paste or merge accident; readers notice it at once and stop trusting "
        "the rest. Near copies are worse: someone edited one version and the other went out too."
    )
    bad = (
        "The bridge reopens on Monday after six weeks of repairs, the council said.\n\n...\n\n"
        "The bridge reopens on Monday after six weeks of repairs, the council said."
    )
    good = "The bridge reopens on Monday after six weeks of repairs, the council said."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        for firsts, seconds, similarity in repeated_blocks(doc, options):
            line = doc.position(firsts[0].span.start).line
            span = Span(seconds[0].span.start, seconds[-1].span.end)
            copies = zip(firsts, seconds, strict=True)
            exact = all(_source_text(doc, a) == _source_text(doc, b) for a, b in copies)
            what = "paragraph" if len(seconds) == 1 else f"section of {len(seconds)} paragraphs"
            if exact:
                message = f"This {what} repeats line {line} word for word: delete this copy."
            else:
                how = "almost word for word" if similarity >= 0.995 else f"{similarity:.0%} the same"
                message = (f"This {what} is a near copy ({how}) of line {line}: "
                           "keep the better version and delete the other.")
            fix = Fix(_removal(doc, span), "", safe=False) if exact else None
            yield self.finding(span, message, fix=fix, severity=None if exact else Severity.WARNING)


def _removal(doc: Document, span: Span) -> Span:
    end = span.end
    while end < len(doc.source) and doc.source[end] in " \t\r\n":
        end += 1
    return Span(span.start, end)
