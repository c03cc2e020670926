"""inner-capital: a capital letter where a word has none ("IPad", "THe", "MR Okafor").

Evidence: two capitals opening a word that the dictionary knows with one or none ("THe" is
"The", "IPad" is "iPad", "WHen" is "When"); names of their own ("GObject", "JUnit") are not
words once lowercased, and known camel-case names and the glossary are left alone; and the
titles "MR" and "MRS" in capitals before a name
in text that is not itself in capitals.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import cache

from lint.checks._names import lowercase_brands
from lint.checks._tokens import is_technical, mask_non_prose, token_bounds
from lint.checks.base import Check, HouseStyle
from lint.datafiles import data_lines
from lint.document.model import Document
from lint.findings import Finding, Fix, Severity
from lint.patterns import lazy_re
from lint.words import entry

# Two capitals, then lowercase letters that are not a plural "s" ("PCs") or a unit ("GHz").
_TWO_CAPITALS = lazy_re(r"(?<![\w’'\-.@#/])(?P<word>[A-Z](?P<rest>[A-Z](?!(?:s|z)\b)[a-z]+))(?![\w’'\-@#/])")
_TITLE = lazy_re(r"(?<![\w.])(?P<title>MRS?)(?P<dot>\.?) (?=[A-Z][a-z]+)")
# What either pattern needs among its own letters, which masking leaves as they are: a paragraph
# without it (nearly all) is neither masked nor searched.
# A capital first (the engine scans for it; an alternation would be tried at every position).
_MAYBE = lazy_re(r"[A-Z](?:(?<=M)R|[A-Z][a-z])")
_LETTERS = lazy_re(r"[^\W\d_]+")


@cache
def _camel_names() -> frozenset[str]:
    return frozenset(data_lines("camel_case_names.txt"))


class InnerCapital(Check):
    id = "inner-capital"
    category = "casing"
    severity = Severity.WARNING
    summary = 'A capital letter inside a word or a title in capitals ("IPad", "THe", "MR Okafor").'
    why = (
        "A second capital at the start of a word is a slip of the shift key or a brand written the wrong "
        "way (\"IPad\" for \"iPad\"); a title in capitals in ordinary text (\"MR Okafor\") is the same "
        "slip. Acronyms, words in capitals and camel-case names (YouTube, OAuth in the glossary) are left alone."
    )
    bad = "The new IPad was shown to MR Okafor. THe price was not given."
    good = "The new iPad was shown to Mr Okafor. The price was not given."

    def run(self, doc: Document, options: object, house: HouseStyle) -> Iterator[Finding]:
        texts = [
            (b.text, doc.shared(mask_non_prose, b.text.text)) for b in doc.prose_blocks if _MAYBE.search(b.text.text)
        ]
        if not texts:
            return
        brands = lowercase_brands(tuple(house.glossary))
        by_lower = {b.lower(): b for b in brands}
        allowed = _camel_names() | frozenset(house.glossary)
        counts = Counter(m.group("word") for _, prose in texts for m in _TWO_CAPITALS.finditer(prose))
        for text, prose in texts:
            for m in _TWO_CAPITALS.finditer(prose):
                word = m.group("word")
                if word in allowed or counts[word] > 2:
                    continue
                # The word itself is a known word once its second capital goes ("THe", "IPad" for
                # "iPhone"); "GObject", "JUnit", "CLion" are names of their own.
                known = entry(word)
                if known is None or known.zipf < 3.0 or known.upper:
                    continue
                start, end = token_bounds(prose, m.start())
                if is_technical(text.text[start:end]) or _shouting(prose, m.start(), m.end()):
                    continue
                right = by_lower.get(word.lower(), word[0] + word[1:].lower())
                span = text.span(m.start(), m.end())
                yield self.finding(
                    span,
                    f"“{word}” has a capital inside the word: write “{right}”.",
                    fix=Fix(span, right, safe=False) if doc.source[span.start : span.end] == word else None,
                )
            for m in _TITLE.finditer(prose):
                if _shouting(prose, m.start(), m.end("title")):
                    continue
                right = m.group("title").capitalize()
                span = text.span(m.start("title"), m.end("title"))
                yield self.finding(
                    span,
                    f"The title “{m.group('title')}” is in capitals in ordinary text: write “{right}”.",
                    fix=Fix(span, right, safe=True) if doc.source[span.start : span.end] == m.group("title") else None,
                )


def _shouting(prose: str, start: int, end: int) -> bool:
    """True when the words around are in capitals too: a headline or label set in capitals."""
    before = _LETTERS.findall(prose[max(0, start - 40) : start])[-2:]
    after = _LETTERS.findall(prose[end : end + 40])[:2]
    near = [w for w in before + after if len(w) > 1]
    return bool(near) and sum(1 for w in near if w.isupper()) * 2 >= len(near)
