"""page-furniture: the web page around a story, pasted in with it: menus, widgets, comment forms,
share bars, donation appeals, counters, related-story teasers and copyright lines.

Each line is read for the evidence boilerplate-removal research uses (jusText's features among
them), each worth points:
- it speaks for the site, not the story: a comment form, a donation appeal, a reading-time or
  media widget, a copyright line (`lint/data/boilerplate/site_voice.txt`), or a teaser label
  ("Read more: ...", "Also read ...");
- it is short and made of interface words: the words on buttons, menus and widgets
  (`interface_words.txt`: "Sign in Subscribe", "Most Popular", "Leave a Reply");
- it is a counter or a lone symbol ("0:00", "737", "×"), or a date with nothing else;
- it is short, has no sentence punctuation and few stop words (jusText's stop-word density):
  a label or a headline, not prose; a link with nothing around it counts the same.
A line that is a real sentence (long enough, dense in stop words, ending in punctuation) scores
nothing unless the site speaks in it. Furniture comes in runs: a run of lines that each carry
some evidence is reported when one of them is clearly furniture and the run adds up; a headline
standing alone is never enough. Real headings of Markdown and HTML articles are the outlet's own
design ("Related posts" in a blog) and are left alone.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from lint.checks._boilerplate import SiteVoice, pattern_lines, site_voice
from lint.checks._duplicates import spaced_punctuation
from lint.checks._evidence import Clue, Signal, quote_clue
from lint.checks._leftover_lines import NOTE_KINDS, Line, line_texts, paragraph_texts, prose_lines
from lint.checks._needles import NeedleIndex
from lint.checks._tokens import LETTER_WORD
from lint.checks.base import Check, HouseStyle, option
from lint.document.model import BlockKind, Document, is_atom_only
from lint.document.span import Span
from lint.findings import Finding, Severity
from lint.patterns import lazy_re

# A counter, a timer or a symbol with nothing else: "0:00", "737", "×", "· · ·", "64°F", "6 C".
_COUNTER = lazy_re(r"^[\d\s:.,×x%+°·|/#()\-–—*•]*(?:[°º]?\s?[CF])?$", re.I)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?"
_DATE_ONLY = lazy_re(
    rf"^(?:{_DAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4})(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?$",
    re.I,
)
# A video player's caption: a news summary stamped with the day it was shot, "... to close. (Oct. 30)".
_VIDEO_STAMP = lazy_re(rf"[.!?][\"'”’]?\s+\({_MONTH}\s+\d{{1,2}}(?:,\s+\d{{4}})?\)$", re.I)
# A label of a few words pointing to other stories, a separator, then a headline: "Read next:
# Fares rise", "More on this story | ...", "Popular now » ...".
_TEASER = lazy_re(
    r"^(?:(?:also|up|what to|you may|you might|more|most)\s+)?(?:read|watch|listen|see|next|more|related|recommended"
    r"|must read|don['’]t miss|trending|suggested|popular|latest|top stories|also like)"
    r"(?:\s+(?:also|next|more|now|on this(?: story| topic)?|from us|stories|news|here|too|this))?"
    r"\s*(?::|\||>>?|»|-|–)\s*\S",
    re.I,
)
_SENTENCE_END = lazy_re(r"[.!?…][\"'”’)]*$")
_TRAILING_SEPARATOR = lazy_re(r"\w\s+\|$")
# The text of a button or link left in the middle of a sentence: "important races Click Here
# that voters", "a warning for read more torrential showers". Capitalised, or after a word it
# cannot follow, and followed by the rest of the sentence.
_CALLS = ("click here", "read more", "see details", "learn more", "find out more", "check it out", "explore now",
          "shop now", "sign up now")
_INLINE_ANCHOR = lazy_re(
    r"(?<=[a-z,] )(?P<title>" + "|".join(c.title() for c in _CALLS) + r")(?= [a-z])"
    r"|\b(?:for|of|in|on|at|with|the|a|an) (?P<lower>" + "|".join(_CALLS) + r")(?= [a-z])"
)


@cache
def _anchor_needles() -> NeedleIndex:
    return NeedleIndex([_INLINE_ANCHOR])


@dataclass(frozen=True)
class Options:
    line_threshold: int = option(
        3,
        "Points a line needs to count as clearly furniture (see `explain` for what scores).",
    )
    run_threshold: int = option(
        4,
        "Points a run of neighbouring lines needs, with one line clearly furniture among them.",
    )
    extra_phrases: tuple[str, ...] = option(
        (),
        "The outlet's own furniture phrases (whole words, any case): each scores as site voice.",
    )


@dataclass(slots=True)  # (one per line: not frozen, which makes building one slower)
class _Scored:
    line: Line
    points: int
    evidence: str  # what gave it away, for the message
    clue: str  # the words quoted


class PageFurniture(Check):
    id = "page-furniture"
    category = "boilerplate"
    severity = Severity.WARNING
    Options = Options
    summary = "The web page around the story pasted in: menus, widgets, comment forms, share bars, teasers."
    why = (
        "Copy scraped or pasted from a web page brings the page with it: \"Leave a Reply\", \"Sign in "
        "Subscribe\", \"0:00\", \"Read more: ...\". Readers see a broken page inside the article, and "
        "search engines see thin, duplicated content."
    )
    bad = (
        "Main menu\n\nSign in Subscribe\n\nCouncil approves the harbour budget\n\n"
        "The council approved the harbour budget on Monday after a long debate.\n\n"
        "Leave a Reply\n\nYour email address will not be published. Required fields are marked *\n"
    )
    good = (
        "Council approves the harbour budget\n\n"
        "The council approved the harbour budget on Monday after a long debate.\n"
    )

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        lines = prose_lines(doc) if doc.format == "text" else _block_lines(doc)
        voice = site_voice(options.extra_phrases)
        links = _LinkIndex(sorted((link.span.start, link.span.end) for link in doc.links))
        texts = [" ".join(line.text.split()) for line in lines]  # spacing made single
        if doc.format == "text":
            voiced = voice.masks(texts)
        else:
            voiced = _by_block(doc, lines, voice.paragraph_masks(paragraph_texts(doc)))
        scored = [
            _score(doc, line, text, voice, candidates, links)
            for line, text, candidates in zip(lines, texts, voiced, strict=True)
        ]
        # Menus and widgets sit at the top and bottom of a scraped page: a line there with
        # evidence of its own gains a point. (A Markdown or HTML article's ending is authored.)
        edges = {0, 1, len(scored) - 2, len(scored) - 1} if doc.format == "text" else set()
        for k in edges & set(range(len(scored))):
            if scored[k].points > 0:
                scored[k] = dataclasses.replace(scored[k], points=scored[k].points + 1)
        reported: set[int] = set()
        for first, last in _runs(scored, options, authored=doc.format != "text"):
            reported.update(range(first, last + 1))
            run = scored[first : last + 1]
            shown = sorted(run, key=lambda s: -s.points)[:2]
            quoted = ", ".join(f"“{s.clue}”" for s in shown)
            kinds = sorted({s.evidence for s in shown})
            where = "" if first == last else f" and the {last - first} line(s) around it"
            yield self.finding(
                Span(run[0].line.span.start, run[-1].line.span.end),
                f"Page furniture in the article: {quoted} ({', '.join(kinds)}){where}. "
                "It belongs to the web page, not the story: delete it.",
            )
        # The pattern tries every position; most lines hold none of the calls it looks for.
        if doc.format == "text":
            anchors = _anchor_needles().masks(line_texts(doc))
        else:
            anchors = _by_block(doc, lines, _anchor_needles().masks(paragraph_texts(doc)))
        for k, line in enumerate(lines):
            if k in reported or not anchors[k]:
                continue
            for m in _INLINE_ANCHOR.finditer(line.text):
                group = "title" if m.group("title") else "lower"
                yield self.finding(
                    line.block.text.span(line.start + m.start(group), line.start + m.end(group)),
                    f"“{m.group(group)}” is the text of a button or link left inside the sentence when the page "
                    "was copied: delete it.",
                )


def _by_block(doc: Document, lines: list[Line], masks: list[int]) -> list[int]:
    """Each line's mask, from `masks` of the paragraphs (found in the pass other checks share):
    in Markdown and HTML a line is its block's prose, trimmed (see _block_lines)."""
    by_block = dict(zip(map(id, doc.prose_blocks), masks, strict=True))
    return [by_block[id(line.block)] for line in lines]


def _block_lines(doc: Document) -> list[Line]:
    """Markdown and HTML wrap a paragraph over several source lines: the block is the unit."""
    lines = []
    for index, block in enumerate(doc.blocks):
        if block.kind in NOTE_KINDS:
            text = block.text.text
            start = len(text) - len(text.lstrip())
            end = len(text.rstrip())
            if end > start:
                lines.append(Line(block, index, start, end, True, True, text[start:end]))
    return lines


def _runs(scored: list[_Scored], options: Options, authored: bool) -> Iterator[tuple[int, int]]:
    """Maximal runs of neighbouring lines with evidence, reported when one line is clearly
    furniture and the run adds up; trimmed to start and end at lines with evidence."""
    i = 0
    while i < len(scored):
        if scored[i].points <= 0:
            i += 1
            continue
        j = i
        while j + 1 < len(scored) and scored[j + 1].points > 0:
            j += 1
        run = scored[i : j + 1]
        strong = [s for s in run if s.points >= options.line_threshold]
        # Three counters or symbols in a row ("8", "×", "0:00") are a widget's values.
        counters = sum(1 for s in run if s.evidence == _KIND_NAMES["counter"])
        if (strong or counters >= 3) and sum(s.points for s in run) >= options.run_threshold:
            yield i, j
        elif len(run) == 1 and _alone_is_enough(run[0], scored[j + 1] if j + 1 < len(scored) else None, options,
                                                authored):
            yield i, j
        i = j + 1


def _alone_is_enough(item: _Scored, following: _Scored | None, options: Options, authored: bool) -> bool:
    """A paragraph of its own that is nothing but a widget, a comment form, an ad label, a
    copyright line or a teaser is furniture even without neighbours. Sign-up and donation
    appeals are left to boilerplate-call-to-action (a blog may end on one on purpose), and a
    label followed by the list it introduces ("Most read:" and its links) is the author's."""
    # In Markdown and HTML a paragraph is the author's unit: a short one only ("to leave a
    # comment" inside a long paragraph is prose).
    spaces = item.line.block.text.text.count(" ")
    # Copyright and syndication notes are whole sentences: they may run longer.
    short = not authored or spaces < 12 or (item.evidence == _KIND_NAMES["legal"] and spaces < 20)
    alone = item.line.first_in_block and item.line.last_in_block and short
    if not alone:
        return False
    if item.points < options.line_threshold and not _lone_label(item):
        return False
    if item.evidence in (_KIND_NAMES["appeal"], _KIND_NAMES["newsletter"], _KIND_NAMES["counter"]):
        return False
    if item.evidence == _KIND_NAMES["interface"]:
        introduces = item.line.text.rstrip().endswith(":") or (
            following is not None and following.line.block.kind is BlockKind.LIST_ITEM
        )
        return not introduces
    return True


def _lone_label(item: _Scored) -> bool:
    """A paragraph of two to four words, all of them interface or function words, with no sentence
    punctuation or figures: "Trending now", "Recommended for you". A one-word paragraph may be a
    heading written as text ("Resources"); with two, the words are a button's or a menu's."""
    text = item.line.block.text.text.strip()
    words = [w.lower() for w in LETTER_WORD.findall(text)]
    content = [w for w in words if w not in _FUNCTION_WORDS]
    return (
        item.evidence == _KIND_NAMES["interface"] and 2 <= len(words) <= 4 and bool(content)
        and all(w in interface_words() for w in content)
        and not _SENTENCE_END.search(text) and not any(c.isdigit() for c in text)
    )


_KIND_NAMES = {
    "comments": "a comment form",
    "appeal": "a membership or donation appeal",
    "newsletter": "a newsletter sign-up",
    "widget": "a media or reading widget",
    "navigation": "navigation",
    "ads": "an ad slot",
    "legal": "a copyright or syndication line",
    "share": "a share bar",
    "aggregator": "an aggregator's note",
    "outlet": "the outlet's furniture",
    "interface": "interface labels",
    "teaser": "a link to another story",
    "counter": "a counter or widget value",
    "date": "a date line",
    "separator": "a caption or byline cut from its credit",
    "video": "a video player's caption, stamped with its date",
}


def _score(doc: Document, line: Line, text: str, voice: SiteVoice, candidates: int, links: _LinkIndex) -> _Scored:
    """`text` is the line's text with its spacing made single, `candidates` its site-voice mask."""
    if line.block.kind is BlockKind.HEADING and doc.format != "text":
        return _Scored(line, 0, "", "")
    scored = _evidence(doc, line, text, voice, candidates, links)
    # A link the author made on purpose (a "Read: ..." list, "Back to top") is not pasted chrome.
    # (Asked only of a line with evidence: a line's share in links takes its source span.)
    if scored.points > 0 and doc.format != "text" and links.share(line.span) >= 0.8:
        return _Scored(line, 0, "", "")
    return scored


def _evidence(doc: Document, line: Line, text: str, voice: SiteVoice, candidates: int, links: _LinkIndex) -> _Scored:
    """The line's score, but for links in Markdown and HTML (see _score)."""
    # In Markdown and HTML a line of more than 16 words scores only by what is searched before
    # that is asked (see below): its words need not be read.
    words = LETTER_WORD.findall(text) if doc.format == "text" else _words_unless_many(text)
    count = len(words) if words is not None else 17
    found = voice.search(text, candidates)
    if found is not None and found[1].end() > found[1].start():
        kind, m = found
        said = quote_clue(text, Clue(Signal(kind, 3, ""), m.start(), m.end(), m.group()))
        return _Scored(line, 3, _KIND_NAMES[kind], said)
    # (the stamp ends the text: a text that does not end in ")" is not searched)
    if line.block.kind is BlockKind.PARAGRAPH and count >= 12 and text.endswith(")") and _VIDEO_STAMP.search(text):
        return _Scored(line, 3, _KIND_NAMES["video"], _cut(text[text.rindex("(") :]))
    if doc.format == "text" and _TRAILING_SEPARATOR.search(text) and "|" not in text[:-1]:
        # "Mr Smith addresses MPs |", "online correspondent |": a caption or byline cut from the
        # credit that followed it on the page.
        return _Scored(line, 3, _KIND_NAMES["separator"], _cut(text))
    # In Markdown and HTML a "Watch: ..." item with its link, or in a list, is the author's own.
    if _TEASER.match(text) and count >= 3 and not _authored(doc, line, links):
        return _Scored(line, 3, _KIND_NAMES["teaser"], _cut(text))
    if not count or _COUNTER.match(text):
        # Numbers alone in Markdown or HTML are list or table content; atoms are images or code.
        counts = doc.format == "text" and not is_atom_only(text) and any(c.isdigit() or c in "×·|" for c in text)
        return _Scored(line, 2 if counts else 0, _KIND_NAMES["counter"], _cut(text))
    if _DATE_ONLY.match(text):
        return _Scored(line, 1, _KIND_NAMES["date"], _cut(text))
    if count > 16 and (doc.format != "text" or not links.spans):
        return _Scored(line, 0, "", "")  # too long for a label, and no line of links (see below)
    assert words is not None  # (None only for more than 16 words, outside plain text)
    lowered = " ".join(words).lower().split(" ")  # each word lowercased (words hold no spaces)
    stop = stopwords()
    sentence = len(words) >= 6 and _SENTENCE_END.search(text) and _share(lowered, stop) >= 0.3
    if sentence:
        return _Scored(line, 0, "", "")
    short = len(words) <= 8
    content = [w for w in lowered if w not in _FUNCTION_WORDS]
    ui = [w for w in content if w in interface_words()]
    points = 0
    if short and content and len(ui) == len(content):
        points = 2 + (len(ui) >= 2)
    elif short and content and len(ui) * 2 >= len(content):
        points = 1 + (len(ui) >= 2)
    if points >= 3:
        return _Scored(line, points, _KIND_NAMES["interface"], _cut(text))
    # A label or a headline (few stop words, no sentence punctuation; for four words or fewer
    # the stop-word share says little: "New York"): furniture only beside furniture.
    if len(words) <= 16 and not _SENTENCE_END.search(text) and (len(words) <= 4 or _share(lowered, stop) < 0.35):
        points = max(points, 1)
    if doc.format == "text" and links.spans and links.share(line.span) >= 0.8:
        points += 1  # a line of links
    return _Scored(line, points, _KIND_NAMES["interface"], _cut(text))


# ASCII letters as "a", the apostrophe as itself, every other byte as a space: in these classes
# each " a" starts a word of `LETTER_WORD` (only an apostrophe joins letters into one word).
_LETTER_CLASSES = bytes(
    ord("a") if chr(b).isascii() and chr(b).isalpha() else b if b == ord("'") else ord(" ") for b in range(256)
)


def _words_unless_many(text: str) -> list[str] | None:
    """`LETTER_WORD.findall(text)`, or None when that finds more than 16 words. (The pattern tries
    every character against the Unicode letter classes: on an ASCII text (once common
    punctuation is made ASCII), counting where words start in its letter classes is many times
    faster; otherwise 18 words in the first 160 characters make at least 17 in the whole text,
    the last one perhaps cut.)"""
    plain = spaced_punctuation(text.replace("’", "'"))  # (both apostrophes join letters into one word)
    if plain.isascii():
        classes = plain.encode().translate(_LETTER_CLASSES)
        if classes.count(b" a") + classes.startswith(b"a") > 16:
            return None
    elif len(LETTER_WORD.findall(text, 0, 160)) > 17:
        return None
    return LETTER_WORD.findall(text)


def _authored(doc: Document, line: Line, links: _LinkIndex) -> bool:
    return doc.format != "text" and (line.block.kind is BlockKind.LIST_ITEM or links.share(line.span) > 0)


# Words that say nothing about what a line is ("Sign in", "Follow us", "Read it here").
_FUNCTION_WORDS = frozenset(
    "a an the and or of to in on at for by with from this that our your my all here now today up us you is are be "
    "it me we no not".split()
)


def _share(words: list[str], vocabulary: frozenset[str]) -> float:
    return sum(map(vocabulary.__contains__, words)) / len(words) if words else 0.0


@dataclass(frozen=True)
class _LinkIndex:
    """The document's links in source order, so a line finds its own links by bisection."""

    spans: list[tuple[int, int]]

    def share(self, span: Span) -> float:
        """How much of the span is inside links (HTML and Markdown keep their links)."""
        covered = 0
        i = bisect.bisect_left(self.spans, (span.start, -1))
        if i > 0 and self.spans[i - 1][1] > span.start:
            i -= 1  # a link that starts before the line and reaches into it
        while i < len(self.spans) and self.spans[i][0] < span.end:
            start, end = self.spans[i]
            covered += max(0, min(span.end, end) - max(span.start, start))
            i += 1
        return covered / max(1, span.end - span.start)


@cache
def stopwords() -> frozenset[str]:
    return frozenset(pattern_lines("stopwords_en.txt"))


@cache
def interface_words() -> frozenset[str]:
    return frozenset(pattern_lines("interface_words.txt"))


def _cut(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

