"""glued-text: text from two places of a page run together into one line.

When a page is copied without its line breaks, the pieces that sat on lines of their own run into
the story: a photo caption's label ("Media captionCritics say ...", "Image caption A golf course
was flooded"), a live blog's time stamp ("... a sofa like Derek Mackay'spublished at 14:48"), a
breadcrumb trail ("HomeWorldAmericasThe possibility of ..."), a headline in capitals ahead of
the dateline ("POLICE STANDOFF ENDS WITH ARREST IN SF: SAN FRANCISCO (AP) — Police arrested"),
or a credit glued to the next sentence ("photograph copyright Lorelle VanFossenWhen we lived").
glued-heading reports title-case headings run into their text; this check reports the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from lint.checks._tokens import is_english_word
from lint.checks.base import Check, HouseStyle
from lint.datafiles import data_lines
from lint.document.model import BlockKind, Document
from lint.findings import Finding, Severity
from lint.patterns import lazy_re

# "Media caption", "Image source", "Photo credit" inside a line, or opening it with text glued on.
_CAPTION_LABEL = lazy_re(
    r"(?:(?<=[a-z])|(?<=\w\s)|^)(?P<label>(?:Media|Image|Video|Photo) (?:caption|source|credit))"
    r"(?:(?=[A-Z][a-z])|,? (?=[A-Z]))"
)
# "spublished at 14:48", "ago Updated on 3 May": a page's time stamp glued to the text before it.
_STAMP = lazy_re(
    r"(?<=[a-z’'])(?P<label>(?:published|updated|posted|last updated) (?:at|on) \d{1,2}[:.]?\d{0,2})", re.I
)
# Three or more capitalised words glued together, the last the first word of the story:
# "HomeWorldAmericasThe".
# (The first capital first, what may not stand before it looked behind after it: the engine
# scans for capitals instead of trying the look-behind at every position.)
_BREADCRUMB = lazy_re(r"(?P<label>[A-Z](?<![\w’'#@][A-Z])[a-z]+(?:[A-Z][a-z]+){2,}(?:[A-Z][a-z]*)?)(?![\w’'])")
# A word glued to the capitalised function word that opens the next sentence: "VanFossenWhen".
_SENTENCE_GLUE = lazy_re(
    r"(?<=[a-z]{2})(?P<label>(?:When|While|The|This|That|These|Those|After|Before|But|And|As|At|In|On|It|He|She"
    r"|They|We|There|However|Meanwhile))(?=\s+[a-z])"
)
# A headline in capitals (four words or more) running into mixed-case text in the same line.
_CAPS_HEADLINE = lazy_re(r"^(?P<label>(?:[A-Z][A-Z'’&.-]*[\s:,]+){4,}[A-Z][A-Z'’&.-]*)(?=[\s:,—–-]+.*[a-z]{3})")
_CAPS_WORD = lazy_re(r"[A-Z][A-Z'’&.-]*")
_CAPITALISED_PART = lazy_re(r"[A-Z][a-z]*")  # "Home" of "HomeWorld"
# What _STAMP needs: its verbs all end in "d" ("published at 14:48"); ASCII letters, which
# re.I matches only in their two cases.
_D_AT_ON = lazy_re(r"[dD] [aAoO][tTnN] ")
_LOWER_UPPER = lazy_re(r"[A-Z](?<=[a-z][A-Z])")  # the capital first: quicker to scan for


@dataclass(frozen=True)
class _Glue:
    start: int
    end: int
    what: str


class GluedText(Check):
    id = "glued-text"
    category = "readability"
    severity = Severity.WARNING
    summary = "Captions, time stamps, breadcrumbs or headlines run into the text when a page lost its line breaks."
    why = (
        "A caption label or a time stamp in the middle of a sentence makes the line unreadable and shows "
        "the copy was pasted from a page without an editor's eye."
    )
    bad = "Media captionCritics say cuts to the flood defence budget may have put homes at risk"
    good = "Critics say cuts to the flood defence budget may have put homes at risk"

    def run(self, doc: Document, options: object, house: HouseStyle) -> Iterator[Finding]:
        known = set(house.glossary)
        for block in doc.prose_blocks:
            if block.kind is BlockKind.HEADING and doc.format != "text":
                continue
            text = block.text.text
            last_end = -1
            for glue in sorted(_glues(text, known), key=lambda g: (g.start, -g.end)):
                if glue.start < last_end:
                    continue  # one glued spot, one finding
                last_end = glue.end
                found = text[glue.start : glue.end]
                yield self.finding(
                    block.text.span(glue.start, glue.end),
                    f"{glue.what} is run into the text (“{found}”): put it on a line of its own or delete it.",
                )


def _glues(text: str, known: set[str]) -> Iterator[_Glue]:
    # Quick tests first for what each pattern needs (a label's word, a digit, a lowercase letter
    # glued to a capital): most texts have none, and the patterns try every position.
    if ("caption" in text or "source" in text or "credit" in text) and (
        "Media" in text or "Image" in text or "Video" in text or "Photo" in text
    ):
        for m in _CAPTION_LABEL.finditer(text):
            yield _Glue(m.start("label"), m.end("label"), "A caption label")
    if _D_AT_ON.search(text):
        for m in _STAMP.finditer(text):
            yield _Glue(m.start("label"), m.end("label"), "A time stamp")
    if _LOWER_UPPER.search(text):
        yield from _glued_capitals(text, known)
    caps = _CAPS_HEADLINE.match(text)
    if caps and len(_CAPS_WORD.findall(caps.group("label"))) >= 4:
        yield _Glue(caps.start("label"), caps.end("label"), "A headline in capitals")


def _glued_capitals(text: str, known: set[str]) -> Iterator[_Glue]:
    """A breadcrumb trail ("HomeWorldAmericasThe"), a word glued to a sentence's first ("VanFossenWhen")."""
    for m in _BREADCRUMB.finditer(text):
        token = m.group("label")
        parts = _CAPITALISED_PART.findall(token)
        if token not in known and token not in _known_camel_names() and parts[-1] in _OPENERS:
            yield _Glue(m.start("label"), m.end("label"), "A breadcrumb trail")
    for m in _SENTENCE_GLUE.finditer(text):
        word_start = m.start()
        while word_start > 0 and not text[word_start - 1].isspace():
            word_start -= 1
        token = text[word_start : m.end("label")]
        # "LinkedIn", "#BackToTheFuture": a name or a tag, not two pieces glued.
        if token[:1] in "#@" or token in known or is_english_word(token) or token in _known_camel_names():
            continue
        yield _Glue(word_start, m.end("label"), "The end of one piece and the start of the next")


@cache
def _known_camel_names() -> frozenset[str]:
    return frozenset(data_lines("camel_case_names.txt"))


_OPENERS = frozenset("The A An In On At As But And When While This That It He She They We".split())
