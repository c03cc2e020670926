"""glued-articles: several articles pasted into one file."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks.base import Check, HouseStyle
from lint.document.model import Block, Document
from lint.document.span import Span
from lint.findings import Finding, Severity
from lint.patterns import lazy_re

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_DATE = rf"{_WEEKDAY}{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
# Words are bounded ({0,60}): unbounded runs made each capital of a long run of letters rescan the
# rest of it (quadratic).
_WORD = r"[\w.'’-]{0,60}"
_PLACE = rf"[A-Z]{_WORD}(?:,?\s(?:[A-Z]{_WORD}|D\.C\.)){{0,3}}"
_AGENCY = r"\((?:AP|Reuters|AFP|UPI|dpa|Bloomberg|CNN|BBC|PA|ANSA|Xinhua|Kyodo)\)"
_DASH = r"[–—-]{1,2}"
_DATELINE = lazy_re(
    # "Berlin, Germany – December 14, 2025 –", "LONDON (Reuters) - March 3, 2024 -"
    rf"(?P<place>{_PLACE})\s*(?:{_AGENCY}\s*)?{_DASH}\s*{_DATE}\s*{_DASH}"
    # "WASHINGTON (AP) —": a place in capitals and a news agency
    rf"|(?P<wire>[A-Z][A-Z.'’-]{{2,60}}(?:,?\s[A-Z]{_WORD}){{0,2}})\s*{_AGENCY}\s*{_DASH}",
)
# A dateline without a date: "KYIV —" opening a paragraph, or "Kyiv –" run into a headline.
_BARE_DATELINE = lazy_re(
    rf"(?P<place>[A-Z]{_WORD}(?:,?\s[A-Z]{_WORD}){{0,2}})\s+[–—]\s+(?=[A-Z\"“‘])"
)
_YEAR = lazy_re(r"\d\d\d\d")
# What each of _DATELINE's patterns needs, found faster: a month (and a year), or an agency.
_MONTH_NAME = lazy_re(_MONTH)
_AGENCY_NAME = lazy_re(_AGENCY)
_CAPS_PLACE = lazy_re(r"[A-Z][A-Z.'’-]{3,}(?:\s[A-Z][A-Z.'’-]+)?(?:,\s[A-Z][a-z]+)?$")
# "AlliesWashington": a lowercase letter run into a capital, where a line break was lost.
_GLUE = lazy_re(r"(?<=[a-z])(?=[A-Z][a-z])")
_SENTENCE_END = lazy_re(r"[.!?…][”\"’)]?\s+")
_MAX_HEADLINE = 1000  # characters: longer text before a dateline is not a glued headline


@dataclass(frozen=True)
class Dateline:
    block: Block
    start: int  # offsets in the block's prose
    end: int
    headline_start: int  # where a headline glued in front starts (== start when none)


def find_datelines(doc: Document) -> list[Dateline]:
    found: list[Dateline] = []
    caps_only: list[Dateline] = []  # "ROME —": counted only next to a dated or agency dateline
    has_dated = False
    for block in doc.prose_blocks:
        text = block.text.text
        # Both patterns need a dash (the bare dateline an en or em dash): most paragraphs have none.
        long_dash = "–" in text or "—" in text
        if not long_dash and "-" not in text:
            continue
        ends = _SentenceEnds(text)
        dated: list[Dateline] = []  # this block's, in order: a bare dateline inside one is skipped
        # A dated dateline holds a year, a wire one its agency in brackets ("(AP)").
        maybe = _AGENCY_NAME.search(text) if "(" in text else None
        if maybe is None and _YEAR.search(text):
            maybe = _MONTH_NAME.search(text)
        for m in _DATELINE.finditer(text) if maybe else ():
            start = m.start()
            place = m.group("place") or m.group("wire")
            glue = list(_GLUE.finditer(text, m.start(), m.start() + len(place)))
            if glue:
                start = glue[-1].start()  # "AlliesWashington D.C." -> "Washington D.C."
            dated.append(Dateline(block, start, m.end(), _glued_headline(text, start, ends)))
            has_dated = True
        found += dated
        i = 0
        for m in _BARE_DATELINE.finditer(text) if long_dash else ():
            while i < len(dated) and dated[i].end <= m.start():
                i += 1
            if i < len(dated) and dated[i].start < m.end():
                continue
            glue = list(_GLUE.finditer(text, m.start(), m.start() + len(m.group("place"))))
            if glue:  # "... Urgent Breaking NewsKyiv – As the conflict ..."
                start = glue[-1].start()
                headline = _glued_headline(text, start, ends)
                if headline < start:
                    found.append(Dateline(block, start, m.end(), headline))
            elif m.start() == 0 and _CAPS_PLACE.match(m.group("place")):  # "KYIV — The ..."
                caps_only.append(Dateline(block, 0, m.end(), 0))
    if has_dated:
        found += caps_only
    found.sort(key=lambda d: d.block.span.start + d.start)
    return found


class _SentenceEnds:
    """Where sentences end in a block's prose, found once (not rescanned for every dateline)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._ends: list[int] | None = None

    def last_before(self, offset: int) -> int:
        """End of the last sentence end at or before `offset` (0 when none); `offset` must follow
        a character that is not a space, so no sentence end runs across it."""
        if self._ends is None:
            self._ends = [m.end() for m in _SENTENCE_END.finditer(self.text)]
        i = bisect.bisect_right(self._ends, offset)
        return self._ends[i - 1] if i else 0


def _glued_headline(text: str, start: int, ends: _SentenceEnds) -> int:
    """Start of a headline run into the dateline with no break, or `start` when there is none."""
    if start == 0 or text[start - 1].isspace():
        return start
    head_start = ends.last_before(start)
    if start - head_start > _MAX_HEADLINE:
        return start
    words = text[head_start:start].split()
    capitals = sum(1 for w in words if w[:1].isupper())
    if 3 <= len(words) <= 20 and capitals >= 0.6 * len(words):
        return head_start
    return start


class GluedArticles(Check):
    """A news story has one dateline ("WASHINGTON (AP) —", "KYIV —", "Berlin, Germany – December 14,
    2025 –").
    A second dateline further down means another story was pasted in, often glued to the end of the
    previous text together with its own headline ("...Divides AlliesWashington D.C. – December 7,
    2025 – A firestorm ..."). Each dateline after the first is reported, with the headline glued in
    front of it when there is one."""

    id = "glued-articles"
    category = "duplicate"
    severity = Severity.ERROR
    summary = "Several articles pasted into one file (a second dateline or headline in the body)."
    why = (
        "Two stories in one file publish as one confusing article, and the second often repeats or "
        "contradicts the first. Each story needs its own page."
    )
    bad = (
        "Berlin – December 14, 2025 – Talks resumed on Monday...\n\n"
        "Rail Strike Ends After Deal on PayLondon – December 7, 2025 – Train drivers ..."
    )
    good = "Berlin – December 14, 2025 – Talks resumed on Monday..."

    def run(self, doc: Document, options: object, house: HouseStyle) -> Iterator[Finding]:
        datelines = find_datelines(doc)
        if len(datelines) < 2:
            return
        first = datelines[0]
        first_line = doc.position(first.block.text.span(first.start, first.end).start).line
        for dateline in datelines[1:]:
            text = dateline.block.text.text
            end = dateline.end
            while end > dateline.start and text[end - 1].isspace():
                end -= 1
            span = dateline.block.text.span(dateline.headline_start, end)
            shown = " ".join(text[dateline.start : dateline.end].rstrip(" –—-").split())
            headline = text[dateline.headline_start : dateline.start].strip()
            glued = f" after the headline “{headline}”" if headline else ""
            yield self.finding(
                Span(span.start, span.end),
                f"Another dateline (“{shown}”){glued}: another article seems to be pasted in here "
                f"(the first dateline is on line {first_line}). Split the stories or delete the extra one.",
            )
