"""lowercase-i: the pronoun "I" written lowercase ("i think", "i'm", "i was told").

Evidence: a lone "i" followed by a contraction ("i'm", "i've") or by a verb the pronoun takes
("i think", "i was"), in English prose. A lone "i" elsewhere is a list numeral ("i) first"), a
variable or a letter, and is left alone, as are quotations of code and other languages.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.checks._tokens import mask_non_prose, reads_as_english
from lint.checks.base import Check, HouseStyle
from lint.document.model import Document
from lint.findings import Finding, Fix, Severity
from lint.patterns import lazy_re

# Verbs and adverbs that follow the pronoun: a closed set of English grammar, not of any text.
_AFTER = (
    "am|was|have|had|think|thought|will|would|can|could|do|did|don't|don’t|didn't|didn’t|can't|can’t|"
    "said|say|want|wanted|know|knew|feel|felt|love|hope|believe|guess|mean|need|just|also|really|"
    "never|went|got|see|saw|told|asked|like|hate|wish|remember|found|made|must|should|might|may|"
    "shall|agree|tried|decided|started|saw|heard|get|go"
)
_LOWER_I = lazy_re(rf"(?<![\w'’.\-(/])i(?=['’](?:m|ve|ll|d)\b|\s+(?:{_AFTER})\b)")
# What a match needs in the unmasked text: a lone "i" before an apostrophe or a space. Masking
# writes spaces over whole runs of non-space characters (an "i" inside one goes with it); only a
# template tag ("{{ x }}") may end or start inside a run. So a paragraph with neither this nor a
# "{" holds no match, and most paragraphs are passed over without being masked.
# The "i" first, with what may not stand before it looked behind after it: the engine scans for
# the letter instead of trying the look-behind at every position.
_LONE_I = lazy_re(r"i(?<![\w'’.\-(/]i)['’\s]")


class LowercaseI(Check):
    id = "lowercase-i"
    category = "casing"
    severity = Severity.WARNING
    summary = 'The pronoun "I" written lowercase ("i think", "i\'m").'
    why = (
        "The pronoun is always a capital in English; a lowercase \"i\" reads as chat copy pasted in "
        "unedited. Only an \"i\" followed by a contraction or a verb counts, so list numerals and "
        "letters are left alone."
    )
    bad = "The mayor said: “Honestly, i think the plan works and i'm glad.”"
    good = "The mayor said: “Honestly, I think the plan works and I'm glad.”"

    def run(self, doc: Document, options: object, house: HouseStyle) -> Iterator[Finding]:
        for block in doc.prose_blocks:
            if _LONE_I.search(block.text.text) is None and "{" not in block.text.text:
                continue
            prose = doc.shared(mask_non_prose, block.text.text)
            if "i" not in prose or not reads_as_english(prose):
                continue
            for m in _LOWER_I.finditer(prose):
                span = block.text.span(m.start(), m.end())
                yield self.finding(
                    span,
                    "The pronoun “i” is written lowercase: write “I”.",
                    fix=Fix(span, "I", safe=True) if doc.source[span.start : span.end] == "i" else None,
                )
