"""missing-space: no space after a comma or sentence punctuation ("assistance.By", "2014,Ukraine")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks._tokens import is_technical, prose_texts, token_bounds
from lint.checks.base import Check, HouseStyle, option
from lint.constants import SeverityName
from lint.document.mapped import MappedText
from lint.document.model import Document
from lint.findings import Finding, Fix, Severity
from lint.patterns import lazy_re

# A comma between a word (or a number) and a word: "membership,as", "2014,Ukraine".
# Digits on both sides ("1,000") and a digit after ("May,2014" is rare next to "x,1") are left alone.
# Matches start only where a word starts, so the scan stays linear.
_COMMA = lazy_re(
    r"(?<![^\W_])(?P<before>[^\W_]+),"
    # a word, an opening quote and a capital ('stated,"Prices'), or a year after a word ("March,2024")
    r"(?P<after>[^\W\d_][^\W_]*|[\"“](?=[A-Z])[^\W\d_]+|(?<=[^\W\d_]{3},)(?:19|20)\d\d\b(?![.,:/]\d))"
)
# Sentence punctuation between a lowercase word (or an acronym) and a capitalised word:
# "assistance.By", "NATO.The", "said?According", "concern.”The".
_STOP = lazy_re(
    r"(?<![^\W_])(?P<before>(?:[^\W\d_]*[a-z][a-z]|[A-Z]{2,}|(?:19|20)\d\d))(?P<punct>[.!?][”’\"')\]]?)"
    r"(?P<after>[“‘\"(]?[A-Z](?:[a-z]*['’][a-z]+|[a-z]+|\b)(?![.\w]))"
)
# A colon or semicolon between a word and a capitalised word: "Updated:Monday", "rose;The".
_COLON = lazy_re(
    r"(?<![^\W_])(?P<before>[^\W\d_]{2,})(?:(?P<punct>[:;])(?P<after>[A-Z][a-z]+)"
    # a semicolon before a lowercase word too ("Monday;it voted"): a colon there may be a label or a scheme
    r"|(?P<semi>;)(?P<lower>[a-z]{2,}))\b(?![:/@\w]|\.\w)"
)
# A closing bracket or quotation mark glued to the next word: "(AP)The", "said.”The", "”he said".
# (The mark comes first and the look back after it, so a search skips quickly to each mark.)
_CLOSER = lazy_re(r"(?P<punct>\)|”)(?<=[^\W_][)”]|[.,!?][)”])(?P<after>[A-Za-z][a-z]+)\b")
# A full stop after a bracket glued to the next sentence: "Disease (AD).As a result". The bracket
# holds capitals or words ("(AD)", "(in May)"), not code ("init().Then").
_BRACKET_STOP = lazy_re(
    r"(?P<before>\((?<![\w.]\()(?:[A-Z][A-Z0-9&.-]{0,15}|[A-Za-z][A-Za-z .,'’-]{0,40} [A-Za-z.,'’-]+)\))"
    r"(?P<punct>[.!?])(?P<after>[A-Z][a-z]+)\b(?![.\w])"
)
# Punctuation with a letter or digit before it and a letter right after (or after a quote).
_GLUED = lazy_re(r"(?P<punct>[,.!?:;])(?<=[^\W_][,.!?:;])(?=[”’\"')\]]?[“‘\"(]?[^\W\d_]|(?<=,)(?:19|20)\d\d\b)")
# Dotted abbreviations whose first part looks like a lowercase word ("Ph.D", "Ed.D").
_LINE_BREAK_TAG = lazy_re(r"<(?:br|p|div|li|hr|h\d)\b", re.I)
_APOSTROPHE_ENDING = lazy_re(r"(?:s|t|re|ve|ll|d|m)\b")  # what follows an apostrophe: "s", "re", "ll"
_OPEN_BRACKET_WORDS = lazy_re(r"\(([A-Za-z][A-Za-z .,'’-]{0,40})$")  # "(AP" just before a closing bracket
_ADDRESS_MARK = lazy_re(r"[/@_]")  # a path, an address or a user name
_ABBREVIATIONS = frozenset({"ph.d", "ed.d", "ps.d", "th.d", "pharm.d", "mr.t", "mrs.t"})


@dataclass(frozen=True)
class Options:
    commas: bool = option(True, "Report a comma with no space after it (\"libraries,ending\").")
    sentence_punctuation: bool = option(
        True,
        "Report a full stop, question mark or exclamation mark with no space after it (\"ended.Then\").",
    )
    across_markup_severity: SeverityName = option(
        "info",
        "Severity for text joined across markup (\"park._**Ashley**\"): it often reads as two lines on the site "
        "rather than as a typing slip.",
    )


class MissingSpace(Check):
    id = "missing-space"
    category = "typography"
    severity = Severity.WARNING
    Options = Options
    summary = 'No space after a comma or sentence punctuation ("assistance.By", "2014,Ukraine").'
    why = (
        "Words glued across punctuation look like a typo and can break search and screen readers. "
        "Numbers (1,000; 3.7), abbreviations (U.S.), web addresses, file names, times and code "
        "are left alone."
    )
    bad = "Aid rose in 2014,Ukraine said. It asked for more assistance.By 2024 it had none."
    good = "Aid rose in 2014, Ukraine said. It asked for more assistance. By 2024 it had none."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        for text in prose_texts(doc):
            yield from self._check_text(doc, text, options)

    def _check_text(self, doc: Document, text: MappedText, options: Options) -> Iterator[Finding]:
        prose = text.text
        if options.sentence_punctuation and (")" in prose or "”" in prose):
            for m in _CLOSER.finditer(prose):
                if m.group("punct") == "”" and _APOSTROPHE_ENDING.match(m.group("after")):
                    continue  # "Marshal”s": a quote for an apostrophe (wrong-quote-mark)
                if prose[m.start() - 1 : m.start()] in (".", "!", "?") and m.group("after")[0].isupper():
                    continue  # "was.”Nobody": the sentence rule below reports it
                if m.group("punct") == ")":
                    inside = _OPEN_BRACKET_WORDS.search(prose[max(0, m.start() - 42) : m.start()])
                    if not inside or not (inside.group(1).isupper() or " " in inside.group(1)):
                        continue  # "1)first", "f(x)y", "(re)wrote": code or wordplay, not "(AP)The"
                elif _skip(prose, m.start("punct")):
                    continue
                found = self._report_closer(doc, text, m, options)
                if found:
                    yield found
        if options.sentence_punctuation and ")" in prose:
            for m in _BRACKET_STOP.finditer(prose):
                start, end = token_bounds(prose, m.start("punct"))
                # Not `_skip`: "(AD).As" reads as a domain (.as) to it; a bracket never starts one.
                found = None if _ADDRESS_MARK.search(prose[start:end]) else self._report(
                    doc, text, m, m.end("punct"), m.group("punct"), options
                )
                if found:
                    yield found
        # Glued punctuation is rare: find it with a cheap pattern, then match the full rules at
        # the start of the word before it.
        for candidate in _GLUED.finditer(prose):
            word_start = candidate.start()
            while word_start > 0 and (prose[word_start - 1].isalnum() and prose[word_start - 1] != "_"):
                word_start -= 1
            if candidate.group("punct") in ":;":
                m = _COLON.match(prose, word_start)
                group = "punct" if m and m.group("punct") else "semi"
                if options.sentence_punctuation and m and m.end(group) == candidate.end():
                    found = None if _skip(prose, m.start(group)) else self._report(
                        doc, text, m, m.end(group), m.group(group), options
                    )
                    if found:
                        yield found
            elif candidate.group("punct") == ",":
                m = _COMMA.match(prose, word_start)
                if options.commas and m:
                    found = self._check_comma(doc, text, m, options)
                    if found:
                        yield found
            else:
                m = _STOP.match(prose, word_start)
                if options.sentence_punctuation and m:
                    found = self._check_stop(doc, text, m, options)
                    if found:
                        yield found

    def _check_comma(
        self, doc: Document, text: MappedText, m: re.Match[str], options: Options
    ) -> Finding | None:
        prose = text.text
        before, after = m.group("before"), m.group("after")
        if len(before) == 1 and len(after) == 1:
            return None  # "x,y", "a,b": a list of symbols, not a sentence
        if _skip(prose, m.start("after") - 1):
            return None
        return self._report(doc, text, m, m.start("after"), ",", options)

    def _check_stop(
        self, doc: Document, text: MappedText, m: re.Match[str], options: Options
    ) -> Finding | None:
        prose = text.text
        if m.start() > 0 and prose[m.start() - 1] in ".…":
            return None  # the word started earlier: a dotted abbreviation or an ellipsis
        glued = f"{m.group('before')}.{m.group('after')}".lower()
        if any(glued.startswith(a) for a in _ABBREVIATIONS):
            return None
        if _skip(prose, m.start("punct")):
            return None
        return self._report(doc, text, m, m.end("punct"), m.group("punct"), options)

    def _report_closer(self, doc: Document, text: MappedText, m: re.Match[str], options: Options) -> Finding | None:
        prose = text.text
        start = m.start("punct")
        while start > 0 and not prose[start - 1].isspace():
            start -= 1
        glued = prose[start : m.end()]
        insert = text.span(m.start("punct"), m.end("punct"))
        if doc.source[insert.start : insert.end] != m.group("punct"):
            return None  # markup between: a line or a link ended there
        mark = "bracket" if m.group("punct") == ")" else "quotation mark"
        fixed = prose[start : m.end("punct")] + " " + m.group("after")
        return self.finding(
            text.span(start, m.end()),
            f"No space after the closing {mark} in “{glued}”: write “{fixed}”.",
            fix=Fix(insert, m.group("punct") + " ", safe=True),
        )

    def _report(
        self,
        doc: Document,
        text: MappedText,
        m: re.Match[str],
        punct_end: int,
        punct: str,
        options: Options,
    ) -> Finding | None:
        glued = m.group()
        fixed = glued[: punct_end - m.start()] + " " + glued[punct_end - m.start() :]
        insert = text.span(punct_end - 1, punct_end)
        fix = Fix(insert, doc.source[insert.start : insert.end] + " ", safe=True)
        mark = "comma" if punct == "," else f"“{punct.strip()[0]}”"
        message = f"No space after the {mark} in “{glued}”: write “{fixed}”."
        severity = None
        gap = doc.source[insert.end : text.source_offset(punct_end)]
        if _LINE_BREAK_TAG.search(gap):
            return None  # "me.<br>When": a line break in the page, not glued words
        if gap.strip("[("):
            # Emphasis between the punctuation and the next word ("park._**Ashley"): on the site
            # this usually sat on a line of its own, so a line break may be what is missing.
            severity = Severity(options.across_markup_severity)
            message += " (The words are joined across formatting; a line break may be missing.)"
        return self.finding(text.span(m.start(), m.end()), message, fix=fix, severity=severity)


def _skip(prose: str, at: int) -> bool:
    """True when the punctuation at `at` sits inside a URL, address, file name, number or code."""
    start, end = token_bounds(prose, at)
    return is_technical(prose[start:end])
