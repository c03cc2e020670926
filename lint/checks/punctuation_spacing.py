"""punctuation-spacing: a space before a comma or full stop, a hyphen typed for a dash, a stray quote.

"the Lakeside Depot , the mayor said", "on 03/02/2025 .", "Totally Unfair!- Coach Blasts",
"DENVER (AP) " A storm". Each is the shape of the slip, checked in prose only: numbers
(".5"), ellipses (" ..."), domain names (" .com"), ranges ("pre- and post-war") and code are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from lint.checks._leftover_lines import masked_paragraphs
from lint.checks._needles import WHITE_SPACE, Substrings
from lint.checks._tokens import is_technical, token_bounds
from lint.checks.base import Check, HouseStyle
from lint.document.mapped import MappedText
from lint.document.model import Document
from lint.document.span import Span
from lint.findings import Finding, Fix, Severity
from lint.patterns import lazy_re

# What each slip below needs, a pair of characters most paragraphs lack, found for all of an
# article's paragraphs in one needle pass (shared with other checks): a bit for each slip.
_SPACE_MARK, _APOSTROPHE_SPACE, _MARK_PAIR, _HYPHEN_SPACE, _QUOTE_SPACE = (1 << bit for bit in range(5))


@cache
def _pairs() -> Substrings:
    return Substrings([
        [space + mark for space in " \t\u00a0" for mark in ",;."],  # "Depot , the"
        [pair for mark in "'’" for pair in (" " + mark, mark + " ")],  # "Trump 's", "it' s"
        [first + second for first in ",;:." for second in ",;:."],  # "said,, the"
        ["- ", "-\t"],  # "Unfair!- Coach"
        [quote + space for quote in "\"“”" for space in WHITE_SPACE],  # "(AP) " The"
    ])

# A word, spaces, then a comma, semicolon or full stop that ends a clause (not ".5", ".com", "...").
_SPACE_BEFORE = lazy_re(
    r"(?<=[^\W_])(?P<space>[ \t\u00a0]+)(?P<punct>[,;]|\.(?![.\w]))(?=[\s\"”’)]|$)"
    # ... or moved to the next word: "Hospital ,filming", "Monday .The"
    r"|(?<=[^\W_])(?P<space2>[ \t\u00a0]+)(?P<punct2>,(?=[A-Za-z]{2})|\.(?=[A-Z][a-z]+\b(?!\.)))"
)
# A hyphen glued to the word or the !/? before it and spaced from a capitalised word after it:
# "Unfair!- Coach", "Than Us- Smith". ("pre- and post-war" has a lowercase word after.)
_HYPHEN_DASH = lazy_re(r"(?<=[^\W\d_]|[!?])(?P<hyphen>-)[ \t]+(?=[A-Z][a-z])")
# The same or clashing punctuation twice between words: "said,, the", "over,. Then", "a deal.."
# (not "etc.,", an ellipsis "...", nor ":tree:," emoji codes).
_DOUBLED = lazy_re(r"(?<=[^\W_])(?P<punct>,,|,\.|;;|::|,;|;,|\.\.(?!\.))(?=[\s\"”’)]|$)")
# A space inside a contraction or possessive: "Trump 's", "don 't", "it' s".
_SPACED_APOSTROPHE = lazy_re(r"(?<=[^\W\d_])(?: ['’](?=(?:s|t|re|ve|ll|d|m)\b)|['’] (?=(?:s|t|re|ve|ll)\b))")
# A quotation mark standing alone between spaces: "(AP) " The Latest", where a dash was lost.
# (The mark first, then what stands before it: the engine scans for the marks instead of trying
# the look-behind at every position. `(?<![\s\S]{2})`: the mark opens the text.)
_LONE_QUOTE = lazy_re(r"(?P<quote>[\"“”])(?=\s)(?:(?<=\s.)|(?<![\s\S]{2}))")
_DOT_NAME = lazy_re(r"\.(?:net|gov|com|org|edu|info|io|ai)\b", re.I)  # ".Net", ".Gov"


class PunctuationSpacing(Check):
    id = "punctuation-spacing"
    category = "typography"
    severity = Severity.WARNING
    summary = (
        'A space before a comma or full stop ("Depot , the"), doubled punctuation ("said,, the"), '
        'a hyphen typed for a dash ("Unfair!- Coach").'
    )
    why = (
        "A space before a comma or full stop, a hyphen glued to one word and spaced from the next, or a "
        "quotation mark standing alone between spaces are slips of typing or of a conversion (a dash "
        "turned into a quote). Numbers, ellipses, domain names and ranges such as \"pre- and post-war\" "
        "are left alone."
    )
    bad = "Crews at the Lakeside Depot , the mayor said, worked until Friday .\n\nTotally Unfair!- Coach Blasts Refs"
    good = "Crews at the Lakeside Depot, the mayor said, worked until Friday.\n\nTotally Unfair! – Coach Blasts Refs"

    def run(self, doc: Document, options: object, house: HouseStyle) -> Iterator[Finding]:
        for block, pairs in masked_paragraphs(doc, _pairs()):
            yield from self._check(doc, block.text, pairs)

    def _check(self, doc: Document, text: MappedText, pairs: int) -> Iterator[Finding]:
        # Each slip below has a telling pair of characters (a space then a mark, a hyphen then a
        # space, ...) that most texts lack (`pairs`: those the text holds): the slower pattern
        # is searched only for a slip whose pair is there.
        prose = text.text
        for m in _SPACE_BEFORE.finditer(prose) if pairs & _SPACE_MARK else ():
            group = "punct" if m.group("punct") else "punct2"
            space = "space" if m.group("punct") else "space2"
            start, end = token_bounds(prose, m.start(group))
            word_start, _ = token_bounds(prose, m.start() - 1)
            before = prose[word_start : m.start()]
            if is_technical(prose[start:end]) or any(mark in before for mark in ("@", "://", "www.")):
                continue
            if group == "punct2" and _DOT_NAME.match(prose[m.start(group) :]):
                continue  # ".Net", ".Gov": names with a dot, not a sentence
            span = text.span(m.start(space), m.end(group))
            if doc.source[span.start : span.end] != m.group():
                continue  # the space stands for markup taken out of the prose ("<img ...> ,")
            punct = m.group(group)
            name = {",": "comma", ";": "semicolon", ".": "full stop"}[punct]
            # Moved onto the next word ("Hospital ,filming"): the space goes after the mark.
            right = punct if group == "punct" else punct + " "
            yield self.finding(
                span,
                f"A space before the {name}: write “{_word_before(prose, m.start())}{punct}”.",
                fix=_fix(doc, text, m.start(space), m.end(group), right),
            )
        for m in _SPACED_APOSTROPHE.finditer(prose) if pairs & _APOSTROPHE_SPACE else ():
            span = text.span(m.start(), m.end())
            yield self.finding(
                span,
                f"A space inside “{_around(prose, m.start(), m.end())}”: join the apostrophe to its word.",
                fix=_plain_fix(doc, span, m.group(), m.group().strip()),
            )
        for m in _DOUBLED.finditer(prose) if pairs & _MARK_PAIR else ():
            span = text.span(m.start("punct"), m.end("punct"))
            if m.group("punct") == ".." and doc.source[span.start : span.end] != "..":
                continue  # "[on May 9.](link)." : a link's text ends the sentence, the page shows its own dot
            # Two dots are a doubled full stop or an ellipsis one dot short: either way not print.
            ellipsis = " (or an ellipsis “…” if words were left out)" if m.group("punct") == ".." else ""
            yield self.finding(
                span,
                f"Doubled punctuation “{m.group('punct')}” after “{_word_before(prose, m.start())}”: "
                f"keep one mark{ellipsis}.",
                fix=_plain_fix(doc, span, m.group(), m.group("punct")[0]),
            )
        for m in _HYPHEN_DASH.finditer(prose) if pairs & _HYPHEN_SPACE else ():
            span = text.span(m.start("hyphen"), m.end("hyphen"))
            before = _word_before(prose, m.start())
            yield self.finding(
                span,
                f"A hyphen typed for a dash after “{before}”: write a spaced dash (“{before} – ”).",
                fix=Fix(span, " –", safe=False) if doc.source[span.start : span.end] == "-" else None,
            )
        for m in _LONE_QUOTE.finditer(prose) if pairs & _QUOTE_SPACE else ():
            quote = m.group("quote")
            partner = {"\"": "\"", "“": "”", "”": "“"}[quote]
            if prose.count(partner) - (partner == quote) > 0:
                continue  # another mark pairs with it: a quotation with loose spacing
            span = text.span(m.start(), m.end())
            yield self.finding(
                span,
                f"A quotation mark ({quote}) stands alone between spaces: a dash or a quoted "
                "word was probably lost here.",
            )


def _around(prose: str, start: int, end: int) -> str:
    """The words joined by a slip at start:end, as written ("Trump 's")."""
    lo = start
    while lo > 0 and not prose[lo - 1].isspace():
        lo -= 1
    hi = end
    while hi < len(prose) and prose[hi].isalpha():
        hi += 1
    return prose[lo:hi]


def _word_before(prose: str, at: int) -> str:
    start = at
    while start > 0 and not prose[start - 1].isspace():
        start -= 1
    return prose[start:at]


def _plain_fix(doc: Document, span: Span, written: str, right: str) -> Fix | None:
    """An unsafe fix, unless markup inside the span would be lost by rewriting it."""
    return Fix(span, right, safe=False) if doc.source[span.start : span.end] == written else None


def _fix(doc: Document, text: MappedText, start: int, end: int, punct: str) -> Fix | None:
    span = text.span(start, end)
    if doc.source[span.start : span.end] != text.text[start:end]:
        return None
    return Fix(span, punct, safe=True)
