"""duplicate-heading: the same heading twice in one article."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks._duplicates import expanded_prose, normalize
from lint.checks.base import Check, HouseStyle, option
from lint.document.model import Block, BlockKind, Document, is_atom_only
from lint.document.toc import document_toc
from lint.findings import Finding, Severity


@dataclass(frozen=True)
class Options:
    distinctive_words: int = option(
        5,
        "Headings of at least this many words are duplicates even with other sections between the copies; shorter "
        "ones (\"Background\") recur in parallel sections of long guides.",
    )


def heading_parents(doc: Document) -> dict[int, str]:
    """For each heading (by id), the normalized text of the nearest higher-level heading above it."""
    parents: dict[int, str] = {}
    stack: list[Block] = []
    for block in doc.blocks:
        if block.kind is not BlockKind.HEADING:
            continue
        while stack and stack[-1].level >= block.level:
            stack.pop()
        parents[id(block)] = normalize(stack[-1].text.text) if stack else ""
        stack.append(block)
    return parents


class DuplicateHeading(Check):
    """Two sections with one name are a merge or paste accident. Headings that repeat under different
    parents are parallel structure, not duplicates ("Added" and "Fixed" under each release), and
    so are short stock headings with other sections between the copies ("Additional resources"
    after each step) and headings used three times or more. A table of contents names headings on
    purpose and is left alone. A heading equal to the article's title is the `title-repeated` check's."""

    id = "duplicate-heading"
    category = "duplicate"
    supersedes = ("repeated-line",)
    severity = Severity.WARNING
    Options = Options
    summary = "The same heading appears twice in the article."
    why = (
        "Two sections with the same name usually mean a section was pasted twice or two drafts were "
        "merged; readers and the page's navigation cannot tell them apart."
    )
    bad = (
        "# Library to close for repairs\n\nThe county library closes on Monday for six weeks.\n\n"
        "## What happens next\n\nBooks can be returned at the town hall.\n\n"
        "## What happens next\n\nThe library reopens in March.\n"
    )
    good = (
        "# Library to close for repairs\n\nThe county library closes on Monday for six weeks.\n\n"
        "## What happens next\n\nBooks can be returned at the town hall.\n\n"
        "## When it reopens\n\nThe library reopens in March.\n"
    )

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        toc = document_toc(doc)
        title = normalize(doc.title or "")
        parents = heading_parents(doc)
        groups: dict[tuple[str, int, str], list[int]] = defaultdict(list)  # key -> indexes in headings
        headings = doc.headings
        for index, block in enumerate(headings):
            if toc is not None and block is toc.title:
                continue
            text = normalize(expanded_prose(doc.source, block.text))
            if not text or is_atom_only(block.text.text) or text == title:
                continue
            groups[(text, block.level, parents[id(block)])].append(index)
        by_level: dict[int, list[int]] = defaultdict(list)  # level -> indexes in headings, in order
        for index, block in enumerate(headings):
            by_level[block.level].append(index)
        for (text, level, _), indexes in groups.items():
            if len(indexes) != 2:
                continue  # three or more: a pattern ("Additional resources" after every step)
            first, second = indexes
            same_level = by_level[level]
            after_first = bisect.bisect_right(same_level, first)
            between = after_first < len(same_level) and same_level[after_first] < second
            if between and len(text.split()) < options.distinctive_words:
                continue  # a short stock heading in parallel sections ("Web metrics" in part 1 and 2)
            block = headings[second]
            line = doc.position(headings[first].span.start).line
            yield self.finding(
                block.text.source_span,
                f"The heading “{block.text.text.strip()}” already appears on line {line}: "
                "merge the two sections or give one a different heading.",
            )
