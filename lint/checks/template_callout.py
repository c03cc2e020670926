"""template-callout: "Pro Tip:", "Key Takeaway:", "Did you know?" boxes from content templates."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from lint.checks._leftover_lines import masked_paragraphs
from lint.checks._needles import needle_index
from lint.checks._structure import exact_source, is_explicit_heading, is_quoted
from lint.checks.base import Check, HouseStyle, option
from lint.document.model import Block, Document
from lint.findings import Finding, Fix, Severity
from lint.patterns import compile_pattern

# A call-out starts a block or a sentence: after sentence punctuation (and any closing quote).
_SENTENCE_START = r"(?:(?<=^)|(?<=[.!?…][\s\"”’')\]])|(?<=[.!?…]\s[\"”’')\]])|(?<=[.!?…][\"”’')\]]\s))"

_LABEL_ADVICE = "a template call-out: work the point into the story or delete the label"
_OPENER_ADVICE = "a formulaic opener: let the last paragraph make its point without it"


@dataclass(frozen=True)
class Options:
    labels: tuple[str, ...] = option(
        (
            "Did you know?", "Pro Tip:", "Quick Tip:", "Key Takeaway:", "Key Takeaways:", "Expert Insight:",
            "Expert Tip:",
        ),
        "Labels of template call-out boxes, reported as warnings when text follows them.",
    )
    openers: tuple[str, ...] = option(
        ("In conclusion,",),
        "Formulaic sentence openers, reported as info: a hint, not a rule, unless the outlet moves them to `labels`.",
    )


@cache
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    alternatives = [r"\s+".join(re.escape(w) for w in p.split()) for p in phrases if p.strip()]
    if not alternatives:
        return None
    # Text must follow in the same block: a bare "Key takeaways:" over a list is a list title.
    return compile_pattern(rf"{_SENTENCE_START}(?:{'|'.join(alternatives)})(?=\s*\S)", re.IGNORECASE)


class TemplateCallout(Check):
    id = "template-callout"
    category = "boilerplate"
    severity = Severity.WARNING
    Options = Options
    summary = "Template call-outs the outlet bans: \"Pro Tip:\", \"Key Takeaway:\", \"Did you know?\"."
    why = (
        "Boxed call-outs are a mark of SEO templates and generated copy. Run into the text of a news story "
        "they read as an advertisement or a study guide; the outlet lists the labels it bans."
    )
    bad = "Talks resume on Monday. Key Takeaway: The deal is close."
    good = "Talks resume on Monday, and officials say a deal is close."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        labels, openers = _pattern(options.labels), _pattern(options.openers)
        needles = needle_index(tuple(p for p in (labels, openers) if p is not None))
        # Only where a label or an opener can be (the patterns try every position): their
        # needles are in few paragraphs.
        for block, mask in masked_paragraphs(doc, needles):
            # Headings name sections; block quotes hold someone else's words.
            if is_explicit_heading(doc, block) or is_quoted(doc, block):
                continue
            may = needles.patterns_in(mask)
            if labels is not None and labels in may:
                for m in labels.finditer(block.text.text):
                    if not _in_parentheses(block.text.text, m.start()):
                        yield self._report(doc, block, m, _LABEL_ADVICE)
            if openers is not None and openers in may:
                for m in openers.finditer(block.text.text):
                    yield self._report(doc, block, m, _OPENER_ADVICE, severity=Severity.INFO)

    def _report(self, doc: Document, block: Block, m: re.Match[str], advice: str,
                severity: Severity | None = None) -> Finding:
        prose = block.text.text
        rest = len(prose) - len(prose[m.end() :].lstrip())
        fix = None
        # Dropping the label leaves the sentence after it; capitalise its first letter.
        if rest < len(prose) and exact_source(doc, block, m.start(), rest + 1):
            fix = Fix(block.text.span(m.start(), rest + 1), prose[rest].upper(), safe=False)
        return self.finding(block.text.span(m.start(), m.end()), f"“{m.group()}” is {advice}", fix=fix,
                            severity=severity)


def _in_parentheses(prose: str, index: int) -> bool:
    """A label right after "(" is an aside the writer wrote on purpose, not a template box."""
    return prose[:index].rstrip().endswith("(")
