"""title-repeated: the article's title repeated in the body as a heading."""

from __future__ import annotations

from collections.abc import Iterator

from lint.checks._duplicates import jaccard, normalize, shingles, word_count, words
from lint.checks._leftover_lines import in_blockquote
from lint.checks.base import Check, HouseStyle
from lint.document.mapped import ATOM
from lint.document.model import Block, BlockKind, Document
from lint.findings import Finding, Severity
from lint.patterns import lazy_re

_SITE_SUFFIX = lazy_re(r"\s+[|–—·:-]\s+[^|–—·]{1,60}$")


def title_forms(title: str) -> set[str]:
    """The title as written and without a trailing site name."""
    forms = {normalize(title)}
    forms.add(normalize(_SITE_SUFFIX.sub("", title)))
    return {f for f in forms if len(f.split()) >= 3}  # "News" or "Home" as a title says nothing


class TitleRepeated(Check):
    """The first heading of an article may restate its title: many outlets print the front-matter title
    as the page heading, and a plain-text article's first line is its title. Further down, the title
    is a pasted duplicate when it comes back as a second top-level heading, as a bare line of plain
    text, or followed by the story's opening paragraph again (the story pasted twice). A blog
    section named after the post ("How to merge two pages" in a post of that name) is fine. A page
    title's site suffix ("... | City Desk") is ignored."""

    id = "title-repeated"
    category = "duplicate"
    supersedes = ("repeated-line",)
    severity = Severity.WARNING
    summary = "The article's title appears again in the body as a heading."
    why = "A headline repeated inside the article is a paste accident; often the whole story follows twice."
    bad = (
        "# Bridge to close for repairs\n\n"
        "The county will close the Elm Street bridge for repairs from Monday, officials said.\n\n"
        "Work is expected to take six weeks.\n\n"
        "## Bridge to close for repairs\n\n"
        "The county will close the Elm Street bridge for repairs from Monday, officials said.\n"
    )
    good = (
        "# Bridge to close for repairs\n\n"
        "The county will close the Elm Street bridge for repairs from Monday, officials said.\n\n"
        "Work is expected to take six weeks.\n"
    )

    def run(self, doc: Document, options: object, house: HouseStyle) -> Iterator[Finding]:
        title = doc.title
        if not title:
            return
        forms = title_forms(title)
        if not forms:
            return
        longest = max(len(form) for form in forms)
        blocks = [b for b in doc.blocks if b.kind in (BlockKind.HEADING, BlockKind.PARAGRAPH)]
        opening: frozenset[int] | None = None  # the story's opening, read when a repeat needs it
        page_heading = next(iter(doc.headings), None)
        body_started = False
        for index, block in enumerate(blocks):
            if longer_than(block.text.text, longest) or normalize(block.text.text) not in forms:
                # Notes in block quotes ("Update: ...") may sit above the page heading.
                body_started = body_started or (
                    block.kind is BlockKind.PARAGRAPH and word_count(block.text.text) >= 8
                    and not in_blockquote(doc, block)
                )
                continue
            if block.kind is BlockKind.HEADING and not body_started and block is page_heading:
                continue  # the page heading that restates the title, above the story
            if block is page_heading and not doc.title_from_meta:
                continue  # the heading the title was taken from: it cannot repeat itself
            # A blog may name a section after its title ("How to merge two pages" in a post of that
            # name); it is a duplicate when it is a second top-level title, a bare line in plain
            # text, or when the story's opening follows it again.
            after = blocks[index + 1] if index + 1 < len(blocks) else None
            if opening is None:
                opening = _opening_words(blocks, forms)
            story_again = (
                after is not None and bool(opening)
                and jaccard(opening, shingles(words(after.text.text))) >= 0.5
            )
            if not (block.level == 1 or doc.format == "text" or story_again):
                continue
            yield self.finding(
                block.text.source_span,
                "The article's title is repeated here"
                + (" and the story starts again after it" if story_again else "")
                + ": delete the repeated part.",
            )


def longer_than(text: str, length: int) -> bool:
    """True when `normalize(text)` is surely longer than `length`, found without normalising (a
    paragraph is much longer than a title): normalising keeps every character but white space,
    markup atoms and the punctuation it strips at the end, and casefolding never shortens one."""
    if len(text) <= length:
        return False
    kept = "".join(text.split()).rstrip(_STRIPPED)
    return len(kept) - kept.count(ATOM) > length


_STRIPPED = ".:;!?," + ATOM  # what normalize strips at the end (atoms become spaces)


def _opening_words(blocks: list[Block], forms: set[str]) -> frozenset[int]:
    """Shingles of the article's first paragraph (not the title itself)."""
    for block in blocks:
        is_story = block.kind is BlockKind.PARAGRAPH and word_count(block.text.text) >= 8
        if is_story and normalize(block.text.text) not in forms:
            return shingles(words(block.text.text))
    return frozenset()
