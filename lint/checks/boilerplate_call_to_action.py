"""boilerplate-call-to-action: "Subscribe to our newsletter", "Follow us on Twitter" in the article."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks._boilerplate import alternation
from lint.checks.base import Check, HouseStyle, option
from lint.document.mapped import ATOM
from lint.document.model import Document
from lint.findings import Finding, Severity
from lint.patterns import lazy_re

# What may surround a call to action in a block that holds nothing else: punctuation, links
# turned into atoms, white space.
_FILLER = lazy_re(rf"[\s{ATOM}.,:;!?()\[\]|–—-]*")


@dataclass(frozen=True)
class Options:
    extra_phrases: tuple[str, ...] = option(
        (),
        "The outlet's own calls to action, matched as whole words without regard to case.",
    )


class BoilerplateCallToAction(Check):
    id = "boilerplate-call-to-action"
    category = "boilerplate"
    supersedes = ("page-furniture",)  # the same line, said more exactly
    severity = Severity.INFO
    Options = Options
    summary = "Newsletter and social-media calls to action in the text (\"Subscribe to our newsletter\")."
    why = (
        "Site templates add these lines around the article; pasted into the body they repeat what the page "
        "already shows and read as advertising. A blog may use one on purpose at the end of a post, so this "
        "is a hint (info); a line that holds nothing but the call to action is reported as a warning."
    )
    bad = "The council meets again in May.\n\nFollow us on Facebook"
    good = "The council meets again in May."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        pattern = alternation("calls_to_action.txt", options.extra_phrases)
        for block in doc.prose_blocks:
            prose = block.text.text
            for m in pattern.finditer(prose):
                alone = _FILLER.fullmatch(prose[: m.start()]) and _FILLER.fullmatch(prose[m.end() :])
                yield self.finding(
                    block.text.span(m.start(), m.end()),
                    f"“{m.group()}” is a call to action from the site template, not article text: "
                    "delete it unless the outlet wants it here",
                    severity=Severity.WARNING if alone else None,
                )
