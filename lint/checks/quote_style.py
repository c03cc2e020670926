"""quote-style: quotation marks and apostrophes in the outlet's style (style.quotes: curly | straight)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks._tokens import is_technical, prose_texts, token_bounds
from lint.checks.base import Check, Example, HouseStyle, option
from lint.document.mapped import ATOM
from lint.document.model import Document
from lint.findings import Finding, Fix, Severity
from lint.patterns import lazy_re

_STRAIGHT = lazy_re(r"[\"']")
_CURLY = lazy_re(r"[‘’“”]")
# Feet and inches (6'2", 12"), minutes and seconds: primes, not quotation marks.
_PRIME = lazy_re(r"\d['\"]|\d'\d+\"")
_DECADE = lazy_re(r"\d\ds\b")  # "90s" of "'90s"
_OPENS_AFTER = set(" \t\n([{—–-/" + ATOM)


@dataclass(frozen=True)
class Options:
    apostrophes: bool = option(
        True,
        "Curly style: also ask for ’ in contractions and possessives (\"don't\" -> \"don’t\").",
    )


class QuoteStyle(Check):
    id = "quote-style"
    category = "typography"
    severity = Severity.WARNING
    Options = Options
    summary = "Quotation marks and apostrophes not in the outlet's style (style.quotes: curly or straight)."
    why = (
        "Mixing straight and curly quotes looks careless in print and on the web. The outlet picks one in "
        'style.quotes; with the default "any" this check says nothing. Feet and inches (6\'2") '
        "and code are left alone."
    )
    bad = Example('She said "it\'s over".', settings={"style": {"quotes": "curly"}})
    good = "She said “it’s over”."

    @classmethod
    def inactive(cls, options: Options, house: HouseStyle) -> str:
        return "" if house.quotes in ("curly", "straight") else "style.quotes is any"

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        if house.quotes not in ("curly", "straight"):
            return
        for text in prose_texts(doc):
            prose = text.text
            if house.quotes == "curly":
                for m in _STRAIGHT.finditer(prose):
                    at = m.start()
                    if _is_prime(prose, at) or _in_code(prose, at):
                        continue
                    right = _curly_for(prose, at)
                    if right == "’" and not options.apostrophes and _inside_word(prose, at):
                        continue
                    what = "apostrophe" if right == "’" and _inside_word(prose, at) else "quotation mark"
                    span = text.span(at, at + 1)
                    if doc.source[span.start : span.end] not in ("'", '"'):
                        continue  # an entity such as &quot; in HTML: its rendering is the template's business
                    yield self.finding(
                        span,
                        f"Straight {what} {m.group()}: this outlet uses curly ones ({right}).",
                        fix=Fix(span, right, safe=_inside_word(prose, at)),
                    )
            else:
                for m in _CURLY.finditer(prose):
                    span = text.span(m.start(), m.end())
                    straight = "'" if m.group() in "‘’" else '"'
                    yield self.finding(
                        span,
                        f"Curly quotation mark {m.group()}: this outlet uses straight ones ({straight}).",
                        fix=Fix(span, straight, safe=True),
                    )


def _inside_word(prose: str, at: int) -> bool:
    return 0 < at < len(prose) - 1 and prose[at - 1].isalnum() and prose[at + 1].isalpha()


def _curly_for(prose: str, at: int) -> str:
    """The curly mark a straight one stands for, from what comes before and after it."""
    mark = prose[at]
    before = prose[at - 1] if at else " "
    after = prose[at + 1] if at + 1 < len(prose) else " "
    if mark == "'":
        if before.isalnum() or _DECADE.match(prose[at + 1 : at + 5]):  # don't, James', '90s
            return "’"
        return "‘" if before in _OPENS_AFTER or before in '"“' else "’"
    if before in _OPENS_AFTER and not after.isspace():
        return "“"
    return "”"


def _is_prime(prose: str, at: int) -> bool:
    return bool(at and _PRIME.match(prose, at - 1))


def _in_code(prose: str, at: int) -> bool:
    start, end = token_bounds(prose, at)
    return is_technical(prose[start:end].replace("'", "").replace('"', ""))
