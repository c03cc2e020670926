"""boilerplate-chrome: website furniture pasted into the article (ad-blocker walls, cookie banners)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks._boilerplate import alternation
from lint.checks._leftover_lines import masked_paragraphs
from lint.checks.base import Check, HouseStyle, option
from lint.document.model import BlockKind, Document
from lint.findings import Finding, Severity


@dataclass(frozen=True)
class Options:
    extra_phrases: tuple[str, ...] = option(
        (),
        "The outlet's own furniture phrases, matched as whole words without regard to case.",
    )


class BoilerplateChrome(Check):
    id = "boilerplate-chrome"
    category = "boilerplate"
    supersedes = ("page-furniture",)  # the same line, said more exactly
    severity = Severity.WARNING
    Options = Options
    summary = "Website furniture in the text: ad-blocker notices, cookie banners, share and read-more links."
    why = (
        "Copy scraped or pasted from a web page brings the page's furniture with it. Readers see "
        "\"Adblock Detected\" or a cookie notice in the middle of the story, and the article looks unedited."
    )
    bad = "Talks resume on Monday. Adblock Detected"
    good = "Talks resume on Monday."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        pattern = alternation("chrome.txt", options.extra_phrases)
        # Only the paragraphs where some part can match, with the parts that can.
        for block, mask in masked_paragraphs(doc, pattern):
            prose = block.text.text
            # A Markdown or HTML heading "Read more" or "Related stories" titles an edited
            # reading list; in plain text a short line only looks like a heading.
            real_heading = block.kind is BlockKind.HEADING and doc.format != "text"
            for m in pattern.finditer(prose, mask):
                if m.end() == m.start() or (real_heading and not prose[: m.start()].strip()):
                    continue
                yield self.finding(
                    block.text.span(m.start(), m.end()),
                    f"“{m.group().strip()}” is website furniture (an ad-blocker, cookie, share or "
                    "read-more notice), not part of the article: delete it",
                )
