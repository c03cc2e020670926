"""repeated-sentence: the same sentence twice in one article."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks._duplicates import expanded_prose, normalize, word_count
from lint.checks._leftover_lines import in_blockquote
from lint.checks.base import Check, HouseStyle, option
from lint.checks.duplicate_paragraph import Options as ParagraphOptions
from lint.checks.duplicate_paragraph import is_template_line, repeated_blocks
from lint.document.mapped import ATOM
from lint.document.model import BlockKind, Document, Sentence
from lint.findings import Finding, Severity


@dataclass(frozen=True)
class Options:
    min_words: int = option(
        10,
        "Sentences of fewer words are not compared: they repeat naturally (\"Registration is free.\").",
    )
    max_distance_across_sections: int = option(
        3,
        "How far apart (in blocks) two copies under different headings may be and still count: a report that restates "
        "its summary in a later section does so on purpose.",
    )


class RepeatedSentence(Check):
    """A sentence pasted twice, or kept in two places during a rewrite. Paragraphs repeated whole are
    the `duplicate-paragraph` check's and are not reported again here. Only paragraphs are read:
    list items (release notes, checklists), quotes, captions and headings repeat by design. Also
    left alone: questions (interviews ask each guest the same one), sentences said three times or
    more (a refrain, a template), and copies far apart under different headings (a summary that a
    later section restates)."""

    id = "repeated-sentence"
    category = "duplicate"
    severity = Severity.WARNING
    Options = Options
    summary = "The same sentence appears twice in the article."
    why = "A sentence said twice is a paste or rewrite accident; readers notice and it wastes their time."
    bad = (
        "The bridge over the river reopens to traffic on Monday morning. Repairs took six weeks.\n\n"
        "Drivers should expect delays at first. The bridge over the river reopens to traffic on Monday morning.\n"
    )
    good = (
        "The bridge over the river reopens to traffic on Monday morning. Repairs took six weeks.\n\n"
        "Drivers should expect delays at first.\n"
    )

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        seen: dict[str, list[Sentence]] = defaultdict(list)
        position: dict[int, tuple[int, int]] = {}  # block id -> (index, heading index above it)
        heading = -1
        for index, block in enumerate(doc.blocks):
            if block.kind is BlockKind.HEADING:
                heading = index
            position[id(block)] = (index, heading)
            # Paragraphs only: list items of release notes and checklists repeat by design.
            if (block.kind is not BlockKind.PARAGRAPH or in_blockquote(doc, block)
                    or is_template_line(doc, block)):
                continue  # a pull quote repeats a sentence of the body on purpose
            has_atoms = ATOM in block.text.text
            for sentence in block.sentences:
                if sentence.text.rstrip(" ”\"'’)").endswith("?"):
                    continue  # a question
                if not has_atoms:
                    key = normalize(sentence.text)
                elif word_count(sentence.text) >= options.min_words:  # (short: left out below)
                    # Atoms count by their source (see expanded_prose).
                    key = normalize(expanded_prose(doc.source, block.text.slice(sentence.start, sentence.end)))
                else:
                    continue
                seen[key].append(sentence)
        # Short sentences do not count: they are left out of the few texts said twice or more.
        pairs = [
            copies for copies in (
                [s for s in same if word_count(s.text) >= options.min_words]
                for same in seen.values() if len(same) >= 2
            ) if len(copies) == 2
        ]
        if not pairs:
            return
        reported = {id(b) for _, seconds, _ in repeated_blocks(doc, ParagraphOptions()) for b in seconds}
        for copies in pairs:
            if id(copies[1].block) in reported:
                continue
            first, second = copies
            (a, heading_a), (b, heading_b) = position[id(first.block)], position[id(second.block)]
            if heading_a != heading_b and b - a > options.max_distance_across_sections:
                continue
            line = doc.position(first.span.start).line
            where = "earlier in this paragraph" if first.block is second.block else f"on line {line}"
            yield self.finding(second.span, f"This sentence already appears {where}: delete one of them.")
