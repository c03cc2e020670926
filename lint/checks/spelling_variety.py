"""spelling-variety: British spellings in American copy and the reverse ("defence", "prioritise", "color")."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from typing import Any, Literal

from lint.checks._tokens import is_technical, prose_texts, token_bounds
from lint.checks.base import Check, HouseStyle, option
from lint.constants import SeverityName
from lint.datafiles import MadeOnLookup, data_lines
from lint.document.mapped import MappedText
from lint.document.model import Document
from lint.findings import Finding, Fix, Severity
from lint.patterns import lazy_re

_VARIETY_NAME = {"us": "American", "gb": "British"}
# Only lowercase words: a capitalised word is a name or starts a title ("Ministry of Defence",
# "Labour Party", "Centre for Policy Studies") and keeps its own spelling.
_WORD = lazy_re(r"(?<![^\W\d_])[a-z]+(?![^\W\d_])")
_QUOTED = lazy_re(r"“[^”]*”|\"[^\"\n]*\"|‘[^’\n]*’(?![a-z])")


@dataclass(frozen=True)
class Spelling:
    variety: str  # "us" | "gb": the variety this form belongs to
    other: str  # the same word in the other variety
    kind: str  # both | ize | in-us
    variant: bool  # the other variety's dictionaries accept this form as a variant


@cache
def spelling_pairs() -> Mapping[str, Spelling]:
    """Every listed form, American and British, with its counterpart (shared with official-name)."""
    forms: dict[str, tuple[str, str, str, bool]] = {}
    for line in data_lines("spelling/us_gb.tsv"):
        us, gb, kind, strength = line.split("\t")
        forms[us] = ("us", gb, kind, strength == "variant")
        forms[gb] = ("gb", us, kind, strength == "variant")
    return MadeOnLookup(forms, Spelling)


@cache
def _forms_anywhere() -> Any:
    """Every listed form, found anywhere in a text in one pass in C (Aho-Corasick); each gives
    its length."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for form in spelling_pairs():
        automaton.add_word(form, len(form))
    automaton.make_automaton()
    return automaton


@dataclass(frozen=True)
class Options:
    follow: Literal["outlet", "article"] = option(
        "outlet",
        "Which variety is right: outlet follows the outlet's language (outlet.language); article follows the variety "
        "most of the article uses, for outlets that run both (wire copy, syndicated columns). With no outlet language "
        "set, the article is followed either way.",
    )
    oxford_spelling: bool = option(False, "Accept -ize in British copy (Oxford spelling: \"organize\", \"realize\").")
    skip_quotes: bool = option(
        True,
        "Leave words in quotation marks alone: they are a speaker's or a title's own spelling.",
    )
    every_occurrence: bool = option(
        False,
        "Report every occurrence (true) or each word once per article with a count (false: less noise on syndicated "
        "copy).",
    )
    variant_severity: SeverityName = option(
        "info",
        "Severity for forms the other variety's dictionaries list as variants (\"judgement\", \"cancelled\" in "
        "American copy).",
    )
    consistent_severity: SeverityName = option(
        "info",
        "Severity for an article written in the other variety throughout (syndicated or guest copy), rather than a "
        "mix.",
    )


class SpellingVariety(Check):
    id = "spelling-variety"
    category = "terminology"
    severity = Severity.WARNING
    Options = Options
    summary = (
        'American and British spellings mixed in one article ("color" and "neighbourhood"), or the '
        "other variety in an outlet that sets its language."
    )
    why = (
        'An outlet writes one variety of English; a stray "colour" in American copy or "color" in '
        "British copy reads as a slip, and an article that mixes both looks unedited. With no "
        "`outlet.language` in the config the article's own majority variety is taken as intended and "
        "only the minority forms are flagged, so a British article is never told to write American. "
        'Names keep their spelling ("Ministry of Defence", "Labour Party"): capitalised words, '
        "quotations and code are left alone."
    )
    bad = "The colour of the neighbourhood and the flavour of the centre changed, and the color faded."
    good = "The colour of the neighbourhood and the flavour of the centre changed, and the colour faded."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        forms = spelling_pairs()
        any_form = _forms_anywhere()
        seen: list[tuple[MappedText, re.Match[str], Spelling]] = []
        links = sorted((link.span.start, link.span.end) for link in doc.links)
        # The listed forms anywhere in the prose, in order, found in one pass over all its texts
        # (joined by line breaks: a form is all letters a-z, and none spans two texts). A form is
        # a word of its own when `_WORD`, read in its own text, matches it where it starts (most are
        # inside longer words).
        texts = list(prose_texts(doc))
        text_starts = [0, *accumulate(len(text.text) + 1 for text in texts[:-1])]
        quoted: dict[int, list[tuple[int, int]]] = {}  # by text, when a form is found in it
        joined = "\n".join(text.text for text in texts)
        for last, size in any_form.iter(joined):
            k = bisect.bisect_right(text_starts, last) - 1
            text = texts[k]
            prose = text.text
            end = last + 1 - text_starts[k]
            m = _WORD.match(prose, end - size)
            if m is None or m.end() != end:
                continue  # inside a longer word ("colorful", "decolor")
            spelling = forms[m.group()]
            if k not in quoted:
                quoted[k] = [(q.start(), q.end()) for q in _QUOTED.finditer(prose)] if options.skip_quotes else []
            if any(s < m.start() < e for s, e in quoted[k]):
                continue
            start, end = token_bounds(prose, m.start())
            if is_technical(prose[start:end]) or _inside(links, text.source_offset(m.start())):
                continue
            seen.append((text, m, spelling))
        if not seen:
            return
        # Evidence of a variety: firm forms the other variety rejects ("color", not "program").
        counts = {"us": 0, "gb": 0}
        for _, _, spelling in seen:
            other_variety = "gb" if spelling.variety == "us" else "us"
            if not spelling.variant and self._wrong_in(spelling, other_variety, options):
                counts[spelling.variety] += 1
        follow = options.follow if house.language else "article"
        target = house.spelling
        if follow == "article":
            if counts["us"] != counts["gb"]:
                target = max(counts, key=lambda v: counts[v])
            elif not house.language:
                return  # no majority and no outlet language: nothing says which variety is meant
        # An article written in the other variety throughout is syndicated or guest copy: converting
        # it is an editor's call. An article that mixes both is a slip.
        consistent = counts[target] == 0
        wrong = [
            (text, m, sp)
            for text, m, sp in seen
            if sp.variety != target and self._wrong_in(sp, target, options)
        ]
        times: dict[str, int] = {}
        for _, m, _ in wrong:
            times[m.group()] = times.get(m.group(), 0) + 1
        reported: set[str] = set()
        for text, m, spelling in wrong:
            word, right = m.group(), spelling.other
            if not options.every_occurrence:
                if word in reported:
                    continue
                reported.add(word)
            wrong_name, right_name = _VARIETY_NAME[spelling.variety], _VARIETY_NAME[target]
            if follow == "article":
                context = f"; the rest of the article uses {right_name} spelling"
            elif consistent:
                context = f", like the rest of this article; this outlet uses {right_name} spelling"
            else:
                context = f", but this outlet and the rest of the article use {right_name} spelling"
            message = f"“{word}” is {wrong_name} spelling{context}"
            message += f": write “{right}”."
            more = times[word] - 1
            if more and not options.every_occurrence:
                message += f" (“{word}” appears {more} more time{'s' if more > 1 else ''}.)"
            span = text.span(m.start(), m.end())
            severity = None
            if spelling.variant:
                severity = Severity(options.variant_severity)
            elif consistent and follow == "outlet":
                severity = Severity(options.consistent_severity)
            # Suggested, never applied by --fix: the word may sit in a name or a quotation the check missed.
            yield self.finding(span, message, fix=Fix(span, right, safe=False), severity=severity)

    @staticmethod
    def _wrong_in(spelling: Spelling, target: str, options: Options) -> bool:
        """Whether this form is wrong in copy of the `target` variety."""
        if spelling.kind == "in-us":
            return target == "us"  # British English uses the American form too ("program", "meter")
        if spelling.kind == "ize" and target == "gb" and options.oxford_spelling:
            return False
        return True


def _inside(ranges: list[tuple[int, int]], offset: int) -> bool:
    """True when `offset` falls in one of the sorted, non-overlapping `ranges`.

    Link text keeps its source's spelling."""
    i = bisect.bisect_right(ranges, (offset, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= offset < ranges[i][1]
