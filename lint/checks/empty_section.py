"""empty-section: a heading with nothing under it before the next heading of the same rank."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks.base import Check, HouseStyle, option
from lint.document.mapped import ATOM
from lint.document.model import BlockKind, Document
from lint.document.toc import document_toc, entry_text, normalize
from lint.findings import Finding, Severity
from lint.patterns import lazy_re

# Heading attributes of kramdown and Hugo ("## Title {#anchor}") are not part of the title.
_ATTRIBUTES = lazy_re(r"\{[#.][^}]*\}")


@dataclass(frozen=True)
class Options:
    max_level: int = option(
        4,
        "The deepest heading level checked (4: h1 to h4); deeper headings are often styled lines rather than section "
        "titles.",
    )


class EmptySection(Check):
    id = "empty-section"
    category = "structure"
    severity = Severity.WARNING
    Options = Options
    summary = "A heading with no text under it before the next heading of the same or a higher rank."
    why = (
        "An empty section is a leftover of a template or an outline, or a sign that the section's text "
        "was lost when the copy was pasted. Readers see a heading that promises something and delivers "
        "nothing."
    )
    bad = "## Background\n\n## What happens next\n\nTalks resume on Monday."
    good = "## Background\n\nThe talks began in May.\n\n## What happens next\n\nTalks resume on Monday."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        # In plain text a heading is only a guess (a short line: a byline, a dateline, a sign-off),
        # and two short lines in a row say nothing about a missing section.
        if doc.format == "text":
            return
        toc = document_toc(doc)
        # A heading that repeats a contents entry is the duplicate checks' business.
        toc_names = {entry_text(e) for e in toc.entries} if toc else set()
        blocks = doc.blocks
        for i, block in enumerate(blocks):
            if block.kind is not BlockKind.HEADING or not block.text.text.strip():
                continue
            # Minor headings (h5, h6) are used as styled lines: bylines, places, dates. A heading
            # holding an image or a template tag carries its own content.
            if block.level > options.max_level or ATOM in block.text.text:
                continue
            if toc is not None and (block is toc.title or normalize(block.text.text) in toc_names):
                continue
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            # A deeper heading opens a subsection: the section has content.
            closes_section = following is None or (
                following.kind is BlockKind.HEADING and following.level <= block.level
            )
            if not closes_section:
                continue
            title = " ".join(_ATTRIBUTES.sub("", block.text.text).split()) or "(untitled)"
            if following is None:
                yield self.finding(block.span, f"the section “{title}” has no text before the end of the "
                                   "article: write the section or delete the heading")
            elif following.level < block.level:
                yield self.finding(block.span, f"the section “{title}” has no text before the next, "
                                   "higher-ranking heading: write the section or delete the heading")
            else:
                # Writers often put a group title at the same rank as the sections it groups: a hint.
                yield self.finding(
                    block.span,
                    f"the section “{title}” has no text before the next heading of the same rank: write "
                    "the section, delete the heading, or make the sections it groups its subheadings",
                    severity=Severity.INFO,
                )
