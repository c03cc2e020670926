"""wrong-quote-mark: curly quotes turned the wrong way, a double quote for an apostrophe, doubled quotes.

"ads for “Cheap Winter Tyres“" (an opening mark closing the quotation), "Marshal”s Office"
(a closing double quote where an apostrophe belongs), "left it there""." (a quote doubled).
The shape decides: which side of the mark has a letter and which has a space.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.checks._tokens import prose_texts
from lint.checks.base import Check, HouseStyle
from lint.document.model import Document
from lint.findings import Finding, Fix, Severity
from lint.patterns import lazy_re

# Each pattern starts with its mark, which the regex engine scans for quickly; what must stand
# before the mark is a look-behind after it: "“(?<=x“)" is "(?<=x)“".
_RULES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    # An opening mark after a word, before a space, punctuation or the end: it closes the quotation.
    (lazy_re(r"“(?<=[^\W_]“|[.,!?]“)(?=[\s,.;:!?)\]]|$)"), "”", "An opening quotation mark (“) closes this quotation"),
    (lazy_re(r"‘(?<=[^\W_]‘|[.,!?]‘)(?=[\s,.;:!?)\]]|$)"), "’", "An opening single quote (‘) closes this quotation"),
    # A closing mark after a space (or at the start) and before a word: it opens the quotation.
    (lazy_re(r"”(?<!\S”)(?=[^\W\d_])"), "“", "A closing quotation mark (”) opens this quotation"),
    # A double quote between a word and "s", "t", "re"...: an apostrophe was meant.
    (
        lazy_re(r"[”“](?<=[a-zA-Z][”“])(?=(?:s|t|re|ve|ll|d|m)\b)"),
        "’",
        "A double quotation mark stands for an apostrophe",
    ),
    # A reversed apostrophe inside a word: "don‘t".
    (lazy_re(r"‘(?<=[a-zA-Z]‘)(?=(?:s|t|re|ve|ll|d|m)\b)"), "’", "A reversed apostrophe (‘) inside the word"),
    # A backtick or an accent typed for an apostrophe: "don`t", "it´s".
    (
        lazy_re(r"[`´](?<=[a-zA-Z][`´])(?=(?:s|t|re|ve|ll|d|m)\b)"),
        "’",
        "An accent or backtick stands for an apostrophe",
    ),
    # Two apostrophes typed for a double quotation mark (a typewriter habit): "''I am sure.''".
    # The opening pair stands after a space, a bracket or at the start.
    (lazy_re(r"''(?<![^\s(\[]'')(?=[^\W\d_])"), "“", "Two apostrophes stand for an opening quotation mark"),
    (
        lazy_re(r"''(?<=[^\W_]''|[.,!?]'')(?=[\s,.;:!?)\]]|$)"),
        "”",
        "Two apostrophes stand for a closing quotation mark",
    ),
    # The same quotation mark twice after a word: 'around"".'
    (
        lazy_re(r"(?P<q>[\"”])(?P=q)(?<=[^\W_][\"”]{2}|[.,!?][\"”]{2})(?=[\s.,;:!?]|$)"),
        "",
        "A quotation mark is doubled",
    ),
)


class WrongQuoteMark(Check):
    id = "wrong-quote-mark"
    category = "typography"
    severity = Severity.WARNING
    summary = 'Curly quotes turned the wrong way (“Winter Tyres“), a double quote for an apostrophe (Marshal”s).'
    why = (
        "Smart-quote conversion and copy from other languages' keyboards leave quotation marks turned the "
        "wrong way or standing in for apostrophes; readers notice, and search misses \"Marshal”s\". "
        "The side of the mark that has a letter tells which mark was meant."
    )
    bad = "The Marshal”s Office ran ads for “Cheap Winter Tyres“ on Monday."
    good = "The Marshal’s Office ran ads for “Cheap Winter Tyres” on Monday."

    def run(self, doc: Document, options: object, house: HouseStyle) -> Iterator[Finding]:
        for text in prose_texts(doc):
            prose = text.text
            if not any(c in prose for c in "“”‘\"`´") and "''" not in prose:
                continue
            taken: set[int] = set()
            for pattern, right, what in _RULES:
                for m in pattern.finditer(prose):
                    if m.start() in taken:
                        continue
                    taken.update(range(m.start(), m.end()))
                    span = text.span(m.start(), m.end())
                    context = prose[max(0, m.start() - 12) : m.end() + 4].strip()
                    if right:
                        message = f"{what}: write “{right}” in “…{context}…”."
                    else:
                        message = f"{what} in “…{context}…”: keep one."
                    safe = doc.source[span.start : span.end] == m.group()
                    fix = Fix(span, right if right else m.group()[0], safe=False) if safe else None
                    yield self.finding(span, message, fix=fix)
