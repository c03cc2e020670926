"""duplicate-toc-stub: a contents entry copied into the body as a heading with nothing under it."""

from __future__ import annotations

from collections.abc import Iterator

from lint.checks.base import Check, Example, HouseStyle
from lint.document.model import BlockKind, Document, is_atom_only
from lint.document.toc import document_toc, entry_text, normalize
from lint.findings import Finding, Severity


class DuplicateTocStub(Check):
    """When a table of contents names a section, the heading for it appears in the body, and the next
    thing after that heading is another heading of the same or a higher level (or the end of the
    article), the section was never written: only the contents line was copied down. The general
    empty-section check skips headings named by a contents entry and leaves them to this one."""

    id = "duplicate-toc-stub"
    category = "duplicate"
    severity = Severity.WARNING
    summary = "A table-of-contents entry repeated in the body as a heading with no section under it."
    why = (
        "The contents promise a section the article does not have: readers who jump to it find a bare "
        "heading. It usually means a draft's outline was pasted in and never filled."
    )
    bad = Example(
        "Contents\n- Background\n- What comes next\n\n"
        "Background\nThe council first debated the bridge in 2019.\n\nWhat comes next\n",
        name="article.txt",
    )
    good = (
        "Contents\n- Background\n- What comes next\n\n"
        "Background\nThe council first debated the bridge in 2019.\n\nWhat comes next\nA vote is due in May.\n"
    )

    def run(self, doc: Document, options: object, house: HouseStyle) -> Iterator[Finding]:
        toc = document_toc(doc)
        if toc is None:
            return
        entries = {entry_text(e): e for e in toc.entries}
        start = doc.blocks.index(toc.last_index_block) + 1
        body = doc.blocks[start:]
        for i, block in enumerate(body):
            if block.kind is not BlockKind.HEADING or normalize(block.text.text) not in entries:
                continue
            # The next block with content: a lone shortcode or image atom is not a section's text.
            with_content = (b for b in body[i + 1 :] if not (b.is_prose and is_atom_only(b.text.text)))
            following = next(with_content, None)
            if following is None or (following.kind is BlockKind.HEADING and following.level <= block.level):
                entry_line = doc.position(entries[normalize(block.text.text)].span.start).line
                name = " ".join(block.text.text.split())
                shown = name if len(name) <= 60 else name[:59].rstrip() + "…"
                yield self.finding(
                    block.text.source_span,
                    f"“{shown}” is listed in the table of contents (line {entry_line}) but has no text "
                    "under it here: write the section, or delete this heading and its contents entry.",
                )
