"""placeholder-text: placeholder words left in copy (TK, lorem ipsum, [Insert ...], XX percent)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from lint.checks._leftover_lines import in_blockquote, paragraph_texts
from lint.checks._needles import Substrings
from lint.checks.base import Check, CheckUnavailable, HouseStyle, option
from lint.document.model import Block, Document
from lint.findings import Finding, Severity
from lint.patterns import lazy_re
from lint.user_patterns import Budget, PatternTimeout, compile_user_pattern, find_all

_MEDIA = (
    r"(?:images?|photos?|photographs?|pictures?|pics?|maps?|charts?|graphs?|graphics?|infographics?|videos?"
    r"|illustrations?|diagrams?|screenshots?|visuals?|galler(?:y|ies)|embeds?|img|tweets?|gifs?)"
)
_MARKERS = lazy_re(
    # TK, TKTK in capitals, as newsrooms type them; not TKO, TK-421 or TK Maxx.
    r"(?<![\w\-])(?P<tk>TK(?:\s?TK)*)(?![\w\-])(?!\s+[A-Z][a-z])"
    # [Insert ...], [Add quote], [placeholder], [TK], [TBD]: bracketed instructions (media are
    # the placeholder-image check's).
    rf"|(?i:\[\s*(?:(?:insert|add|include|paste|enter|fill in|put)\b"
    rf"(?!\s+(?:(?:an?|the|relevant|suitable)\s+)?{_MEDIA}\b)[^\]\n]{{0,120}}"
    r"|placeholder(?:\s+text)?|tk|tbd|tbc|to come|xx+|citation needed|source needed"
    r"|needs? (?:a )?(?:source|citation|quote|link)|(?:quote|link|update) (?:here|tk|to come)"
    # [Quote from the mayor], [Comment from the union], [Name of official]
    r"|(?:quote|comment|statement|response|reaction|remarks?)s?\s+(?:from|by)\b[^\]\n]{0,80}"
    r"|name of\b[^\]\n]{0,60})\s*\])"
    # INSERT QUOTE, ADD LINK HERE: capitals shouting at the editor.
    r"|\b(?:INSERT|ADD)\s+(?:A\s+|THE\s+)?(?:QUOTE|LINK|NAME|DATE|FIGURE|STAT|STATISTIC|URL|HEADLINE|TITLE"
    r"|CAPTION|SOURCE|NUMBER|AMOUNT|TEXT|COPY)(?:\s+HERE)?\b"
    r"|(?i:\binsert (?:quote|link|name|date|figure|url|text) here\b)"
    # {{ name }}: a template token the outlet's templates did not fill in.
    r"|\{\{\s*[\w.\- ]{1,40}?\s*\}\}",
)
_LOREM = lazy_re(
    r"\blorem\s+ipsum\b(?=[\s,.]+(?:dolor|sit|amet|consectetur|adipiscing|elit|sed|do\s+eiusmod)\b)"
    r"|\b(?:dolor\s+sit\s+amet|consectetur\s+adipiscing\s+elit)\b"
    r"|^\W*lorem\s+ipsum\W*$",
    re.I,
)
_SLOTS = lazy_re(
    # [link], [URL], [name], [date], and qualified ones: [company name], [your email address]
    r"\[\s*(?:(?:link|url|hyperlink|name|date|number|figure|amount|stat|statistic|citation|quote)"
    r"|(?:your|the|company|business|agency|person['’]s|first|last|full|event|product|insert)\s+"
    r"(?:link|url|name|date|time|number|figure|amount|location|city|title|quote|email(?: address)?"
    r"|phone(?: number)?"
    r"|address|website))(?:\s+(?:here|tk|tbd|to come))?\s*\]"
    # XX percent, $XX million, XX%, X,XXX people, 20XX, XX/XX/XX
    r"|(?<![\w$])(?:\$\s?)?X{2,}(?:[.,]X+)*\s?(?:%|percent\b|per cent\b|million\b|billion\b|trillion\b"
    r"|thousand\b|people\b|residents\b|workers\b|employees\b|jobs\b|cases\b|deaths\b|patients\b"
    r"|students\b|users\b|customers\b|votes\b|homes\b|years\b|months\b|days\b|hours\b|dollars\b|euros\b"
    r"|pounds\b|points\b|miles\b|kilometers\b|kilometres\b|acres\b|tons\b|tonnes\b)"
    r"|(?<![\w])\$\s?X+(?:[.,]X+)*\b|(?<![\w,])X{1,3}(?:,X{3})+\b|\b(?:19|20)XX\b|\bXX?/XX?/XX(?:XX)?\b",
    re.I,
)
_QUOTED = lazy_re(r"[“\"«][^“”\"«»]*[”\"»]")
_TK_WORD = lazy_re(r"\bTK\b")


@dataclass(frozen=True)
class Options:
    extra_patterns: tuple[str, ...] = option(
        (),
        "More placeholder patterns the outlet uses (regular expressions, run with a time limit).",
    )

    def __post_init__(self) -> None:
        for pattern in self.extra_patterns:  # a broken pattern is a config error, not one per file
            try:
                compile_user_pattern(pattern)
            except ValueError as err:
                raise ValueError(f"extra_patterns: {err}") from None


class PlaceholderText(Check):
    """Two kinds of placeholder are told apart. Markers ("TK", "[Insert quote]", "INSERT LINK",
    "[citation needed]", lorem ipsum filler, `{{name}}` tokens) never belong in published copy.
    Slots ("[link]", "[name]", "$XX", "XX/XX/XX") are also how an article shows readers a template
    to fill in, so inside quotation marks or a block quote they are taken as an example.

    Lorem ipsum is flagged as filler (the Latin runs on: "Lorem ipsum dolor sit amet", or it
    stands alone), not where an article names it as a subject ("designers use Lorem Ipsum").
    Image placeholders are the `placeholder-image` check's."""

    id = "placeholder-text"
    category = "placeholder"
    supersedes = ("placeholder-slot",)
    severity = Severity.ERROR
    Options = Options
    summary = "Placeholder text left in the copy (TK, lorem ipsum, [Insert ...], XX percent, {{name}})."
    why = "Readers see an unfinished article; placeholders are the clearest sign that copy was not edited."
    bad = "Sales rose TK percent. [Insert quote from CEO]"
    good = "Sales rose 4 percent, the company said."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        stopped: dict[str, str] = {}  # outlet patterns that ran out of time, and why
        budget = Budget()  # one for the whole article
        names_with_tk = tuple(name for name in house.glossary if _TK_WORD.search(name))
        blocks = doc.prose_blocks
        # Cheap substring tests first (one pass for all paragraphs and all three kinds): most
        # paragraphs hold none of the characters every placeholder needs, and the regexes below
        # try every position.
        masks = _gates().masks(paragraph_texts(doc))
        for block, found in zip(blocks, masks, strict=True):
            if not found and not options.extra_patterns:
                continue
            text = block.text.text
            may_mark, may_lorem, may_slot = bool(found & 1), bool(found & 2), bool(found & 4)
            for m in _MARKERS.finditer(text) if may_mark else ():
                if m.group("tk") and _in_name(text, m.start(), names_with_tk):
                    continue
                yield self._placeholder(block, m.start(), m.end(), m.group())
            for m in _LOREM.finditer(text) if may_lorem else ():
                yield self.finding(
                    block.text.span(m.start(), m.end()),
                    "Lorem ipsum filler left in the copy: replace it with the real text.",
                )
            quoted = may_slot and in_blockquote(doc, block)
            quotes = [] if quoted or not may_slot else [(q.start(), q.end()) for q in _QUOTED.finditer(text)]
            for m in _SLOTS.finditer(text) if may_slot else ():
                if "x" in m.group() and not m.group().startswith("["):
                    continue  # number slots are typed in capitals: "xx" can be a word
                if quoted or any(a < m.start() and m.end() < b for a, b in quotes):
                    continue  # a template shown to readers as an example
                yield self._placeholder(block, m.start(), m.end(), m.group())
            for pattern in options.extra_patterns:
                if pattern in stopped:
                    continue  # one time-out per article, not one per paragraph
                try:
                    for um in find_all(pattern, text, budget=budget):
                        yield self._placeholder(block, um.start, um.end, um.text)
                except PatternTimeout as err:
                    stopped[pattern] = str(err)
        if stopped:
            # Findings already yielded stay; the engine prints this once per run as a warning.
            raise CheckUnavailable(
                "; ".join(stopped.values()) + " (simplify the extra_patterns entry in the config)"
            )

    def _placeholder(self, block: Block, start: int, end: int, found: str) -> Finding:
        return self.finding(
            block.text.span(start, end),
            f"Placeholder “{found.strip()}” left in the copy: put in the real text before publishing.",
        )


@cache
def _gates() -> Substrings:
    return Substrings([
        ("TK", "[", "{{", "INSERT", "ADD", "nsert"),  # a marker
        ("orem", "OREM", "dolor", "adipiscing"),  # lorem ipsum
        ("[", "XX", "$X", "$ X", "X,", "X/"),  # a slot
    ])


def _in_name(text: str, start: int, names: tuple[str, ...]) -> bool:
    """True when the TK at `start` is part of a name from the outlet's glossary."""
    return any(
        text.find(name, max(0, start - len(name)), start + len(name)) != -1 for name in names
    )

