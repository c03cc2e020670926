"""placeholder-slot: a slot in a template that describes content instead of being content.

placeholder-text knows the newsroom's own markers (TK, lorem ipsum, "[Insert quote]"). Templates,
content farms and AI drafts leave slots of many more shapes; what they share is that they name
a kind of content where the content should be:
- a bracketed, parenthesised or braced slot that names a kind of content and asks for it:
  "[candidate's name]", "(Insert Specific Race 1)", "[insert team name here]", "{{::tile.title}}",
  "[position]";
- spun text, where a tool was to pick one of several words: "{great|good|fine}",
  "thrilled/excited/delighted", "John/Mary/Sarah";
- a directive in capitals: "INSERT COMMUNITY", "IDENTIFY LOCAL ASSET(S)";
- a template line: "Headline goes here", "by Your Name", a byline or date line with nothing in
  it ("By | "), "Placeholder Image", an ad slot's size on a line of its own ("728x90"), a date
  with XX for the day ("July XX, 2015"), a shortcode left unrendered ("[ad_1]"), a stock
  company name ("ABC Company");
- the standard filler paragraphs that follow lorem ipsum ("It is a long established fact that a
  reader will be distracted...").
Quoted passages and block quotes are left alone: an article may show a template to readers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from lint.checks._evidence import quoted_ranges
from lint.checks._leftover_lines import in_blockquote, paragraph_texts
from lint.checks._needles import NeedleIndex
from lint.checks.base import Check, HouseStyle
from lint.document.model import Block, Document
from lint.findings import Finding, Severity
from lint.patterns import lazy_re

# Words that name a kind of content a writer is to supply.
_CONTENT_NOUNS = (
    r"name|names|title|headline|subheadline|date|time|day|year|place|location|venue|city|town|state|country"
    r"|region|area|community|neighbou?rhood|address|position|role|job title|quote|quotes|quotation|source"
    r"|website|url|link|email|phone|number|figure|amount|price|percentage|statistic|stat|company|business"
    r"|organi[sz]ation|agency|brand|product|team|player|candidate|person|official|author|event|race|topic"
    r"|keyword|impact|issue|detail|details|description|logo|seal|asset|assets|resource|resources|group"
    r"|party|school|district|score|result|results|winner|opponent|photo|image|picture|caption|credit|byline"
)
_INSTRUCTION = r"insert|add|enter|include|fill in|put|replace|specify|choose|select|type|paste|provide|mention"
_SLOT_BODY = lazy_re(
    rf"^(?:(?:{_INSTRUCTION})\b.{{0,80}}"  # [insert team name here], (Insert Specific Race 1)
    rf"|(?:[\w-]+['’]s?\s+)?(?:[\w-]+\s+)?(?:{_CONTENT_NOUNS})(?:\s+(?:here|tbd|tk|to come|goes here))?"
    rf"|(?:your|specific|relevant)\s+(?:[\w-]+\s+){{0,2}}(?:{_CONTENT_NOUNS})(?:\s+\d{{1,2}})?"
    rf"|name of (?:the )?[\w -]{{1,40}})$",
    re.I,
)
# Brackets, parentheses and braces with a short inside.
_BRACKETED = lazy_re(r"\[\s*([^\[\]\n]{1,80}?)\s*\]|\(\s*([^()\n]{1,80}?)\s*\)|\{\{?\s*([^{}\n]{1,80}?)\s*\}\}?")
_DETERMINERS = lazy_re(r"^(?:the|a|an|his|her|their|its|our|my|this|that|these|those|sic)\b", re.I)
_TEMPLATE_VARIABLE = lazy_re(r"\{\{\s*:{0,2}\s*[\w.]+(?:\s*\|[^{}\n]{0,40})?\s*\}\}")
_SHORTCODE = lazy_re(r"\[\[?[a-z]+_?\d*(?::[^\]\n]{0,40})?\]\]?")
# Spintax: {a|b|c}, and spun alternatives joined by slashes or bars: thrilled/excited/delighted.
_SPINTAX = lazy_re(r"\{[^{}|\n]{1,40}(?:\|[^{}|\n]{1,40}){1,8}\}")
_SPUN = lazy_re(
    r"(?<![\w/.:|@-])[A-Za-z][a-z’']+(?:[/|][\"“]?[A-Za-z][\w’' ]{0,30}?[\"”]?){2,8}(?![\w/.|@-])"
)
_PRONOUNS = frozenset("he she they him her them his hers their theirs s he/she it".split())
_CAPS_DIRECTIVE = lazy_re(
    r"\b(?:INSERT|ADD|IDENTIFY|DESCRIBE|INCLUDE|ENTER|SPECIFY|REPLACE|FILL IN|LIST)"
    r"(?:\s+(?:[A-Z][A-Z’'()/&-]+|\([A-Z]+\)))+"
)
_TEMPLATE_LINE = lazy_re(
    r"^(?:(?:headline|title|subtitle|subheading|caption|text|copy|body|content|summary|intro|name|quote)"
    r"(?: text)? (?:goes )?here|by your name|your name here|(?:image|photo|picture) goes here"
    r"|placeholder(?: (?:image|photo|text|title|headline|caption))?|(?:image|photo|text) placeholder)\W*$",
    re.I,
)
# A line that names a kind of content and says "here": "By Staff Writer Name Here", "IMAGE CAPTION HERE".
_HERE_LINE = lazy_re(
    rf"^(?!(?:click|tap|read|see|find|visit|go|learn|watch|listen|sign|log|more)\b)(?:by\s+)?(?:[\w'’-]+\s+){{0,4}}"
    rf"(?:{_CONTENT_NOUNS}|text|copy)(?: text)? (?:goes )?here\W*$", re.I
)
# A slot in angle brackets, in capitals: "<QUOTE>", "<TOWN NAME>" (HTML tags are lowercase words or parsed).
_ANGLE_SLOT = lazy_re(r"<\s*([A-Z][A-Z _'’-]{2,40}?)\s*>")
# A blank to fill in: "About ___ people attended" (after a word: a line of "___" is a separator).
_BLANK = lazy_re(r"(?<=[^\W_] )_{3,}(?=[ .,;:!?)]|$)")
# X for a figure: "£X million", "$XX", "XX percent".
_XX_FIGURE = lazy_re(
    r"[$£€]\s?X{1,3}(?:[.,]X+)?(?![\w])|(?<![\w.])X{2,}(?:[.,]X+)?\s?(?:%|percent\b|per cent\b|million\b|billion\b)"
)
_EMPTY_META = lazy_re(
    r"^(?:by|posted by|written by|author|published(?: on)?|posted(?: on)?|updated(?: on)?|date|dateline"
    r"|photo|credit|source|filed under|tags)\s*[:|,–—-]?\s*[|:]?\s*$",
    re.I,
)
_AD_SIZE = lazy_re(r"^\s*\d{2,4}\s?[x×]\s?\d{2,4}\s*$")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_XX_DATE = lazy_re(rf"\b{_MONTH}\s+X{{1,2}}\b|\bX{{1,2}}\s+{_MONTH}\s+\d{{4}}\b")
_STOCK_COMPANY = lazy_re(
    r"\b(?:ABC|XYZ|Acme)\s+(?:Business|Company|Corp(?:oration)?|Inc|Ltd|Store|Shop|Group|Organi[sz]ation|Agency"
    r"|Enterprises?|Industries)\b"
)
_STOCK_NAME = "A stock placeholder name"  # flagged even in quotes: no one is quoted naming "ABC Company"
# Markdown image syntax with nothing in it, left as text: "![]()".
_EMPTY_IMAGE = lazy_re(r"!\[\s*\]\(\s*\)")
_FILLER = lazy_re(
    r"\bit is a long established fact that a reader wil|\blorem ipsum is simply dummy text\b"
    r"|\bdummy text of the printing and typesetting\b|\bcontrary to popular belief, lorem ipsum\b"
    r"|\bthere are many variations of passages of lorem ipsum\b",
    re.I,
)


@dataclass(frozen=True)
class _Slot:
    start: int
    end: int
    what: str  # the kind of placeholder, for the message
    sure: bool = True  # False: a shape human writers also use now and then (reported as a warning)


class PlaceholderSlot(Check):
    id = "placeholder-slot"
    category = "placeholder"
    severity = Severity.ERROR
    summary = "Template slots left unfilled: [candidate's name], {great|good}, INSERT TOWN, \"Headline goes here\"."
    why = (
        "A slot that names a kind of content (a name, a place, a quote) where the content should be shows "
        "readers an unfinished template; spun alternatives show the copy came from a content farm."
    )
    bad = "The winner was [candidate's name], residents were thrilled/excited/delighted."
    good = "The winner was Maria Lopez, and residents were delighted."

    def run(self, doc: Document, options: object, house: HouseStyle) -> Iterator[Finding]:
        blocks = doc.prose_blocks
        needles = _needles()
        # Most paragraphs hold none of the strings these patterns need (a bracket, "X", "___",
        # "ABC", "here"): only the patterns whose needles are in a paragraph are run on it.
        masks = needles.masks(paragraph_texts(doc))
        for block, mask in zip(blocks, masks, strict=True):
            text = block.text.text
            if not mask and not _unmasked_slot_possible(doc, text):
                continue  # (most paragraphs: `_slots` would find nothing)
            if in_blockquote(doc, block):
                continue
            slots = sorted(_slots(doc, block, text, needles.patterns_in(mask)), key=lambda s: (s.start, -s.end))
            if not slots:
                continue
            quoted = quoted_ranges(text)
            last_end = -1
            for slot in slots:
                in_quotes = slot.what != _STOCK_NAME and any(a < slot.start and slot.end < b for a, b in quoted)
                if slot.start < last_end or in_quotes:
                    continue
                last_end = slot.end
                found = " ".join(text[slot.start : slot.end].split())
                yield self.finding(
                    block.text.span(slot.start, slot.end),
                    f"{slot.what} left in the copy: “{_cut(found)}”. Put in the real text before publishing.",
                    severity=None if slot.sure else Severity.WARNING,
                )


@cache
def _needles() -> NeedleIndex:
    return NeedleIndex(
        [_BRACKETED, _ANGLE_SLOT, _TEMPLATE_VARIABLE, _SHORTCODE, _SPINTAX, _CAPS_DIRECTIVE, _XX_DATE, _XX_FIGURE,
         _BLANK, _STOCK_COMPANY, _EMPTY_IMAGE, _FILLER, _TEMPLATE_LINE, _HERE_LINE]
    )


def _unmasked_slot_possible(doc: Document, text: str) -> bool:
    """Whether `_slots` can find anything in a text where no pattern of `_needles` can match:
    spun text (which needs a "/" or a "|"), and the whole-line patterns it tries always."""
    if "/" in text or "|" in text or doc.format == "text":
        return True
    return _AD_SIZE.match(text.strip()) is not None


def _slots(doc: Document, block: Block, text: str, may: frozenset[re.Pattern[str]]) -> Iterator[_Slot]:
    """The slots in a block's text; `may` are the patterns of `_needles` that can match in it."""
    for m in _BRACKETED.finditer(text) if _BRACKETED in may else ():
        inner = next(g for g in m.groups() if g is not None)
        verdict = _describes_content(inner, parenthesis=m.group().startswith("("))
        if verdict:
            yield _Slot(m.start(), m.end(), "A template slot", sure=verdict == "sure")
    for m in _ANGLE_SLOT.finditer(text) if _ANGLE_SLOT in may else ():
        if _SLOT_BODY.match(m.group(1)):
            yield _Slot(m.start(), m.end(), "A template slot")
    for m in _TEMPLATE_VARIABLE.finditer(text) if _TEMPLATE_VARIABLE in may else ():
        yield _Slot(m.start(), m.end(), "A template variable")
    if doc.format == "text" and _SHORTCODE in may:
        for m in _SHORTCODE.finditer(text):
            if "_" in m.group() or m.group().startswith("[["):
                yield _Slot(m.start(), m.end(), "An unrendered shortcode")
    for m in _SPINTAX.finditer(text) if _SPINTAX in may else ():
        yield _Slot(m.start(), m.end(), "Spun text (alternatives for a tool to pick from)")
    # One list of alternatives ("days/weeks/months") is a writer's shorthand; spun text has several.
    # (Spun alternatives are joined by "/" or "|": without either there are none.)
    spun = [m for m in _SPUN.finditer(text) if _spun(m.group())] if "/" in text or "|" in text else []
    if len(spun) >= 2 or any("|" in m.group() and "/" in m.group() for m in spun):
        for m in spun:
            yield _Slot(m.start(), m.end(), "Spun text (alternatives for a tool to pick from)")
    for m in _CAPS_DIRECTIVE.finditer(text) if _CAPS_DIRECTIVE in may else ():
        yield _Slot(m.start(), m.end(), "A directive to the writer")
    for pattern, what in (
        (_XX_DATE, "A date with XX for the day"),
        (_XX_FIGURE, "A figure written as X"),
        (_BLANK, "A blank to fill in"),
        (_STOCK_COMPANY, _STOCK_NAME),
        (_EMPTY_IMAGE, "An image with neither address nor description"),
        (_FILLER, "Filler text"),
    ):
        for m in pattern.finditer(text) if pattern in may else ():
            yield _Slot(m.start(), m.end(), what)
    line = text.strip()
    lead = len(text) - len(text.lstrip())
    if (_TEMPLATE_LINE in may and _TEMPLATE_LINE.match(line)) or (_HERE_LINE in may and _HERE_LINE.match(line)):
        yield _Slot(lead, lead + len(line), "A template line")
    elif doc.format == "text" and _EMPTY_META.match(line):
        yield _Slot(lead, lead + len(line), "An empty byline or date line")
    elif _AD_SIZE.match(line):
        yield _Slot(lead, lead + len(line), "An ad slot's size")


_NOUN = lazy_re(rf"\b(?:{_CONTENT_NOUNS})\b", re.I)


_ASKS = lazy_re(rf"(?:{_INSTRUCTION})\b", re.I)  # "insert ...", "fill in ..."
_TO_COME = lazy_re(r"\b(?:here|tbd|tk|to come)$", re.I)
_QUALIFIED = lazy_re(r"\b(?:specific|relevant|appropriate|your|here)\b|\d$", re.I)
_URL_WORD = lazy_re(r"\burl\b", re.I)
_POSSESSIVE = lazy_re(r"['’]s?\s")  # "candidate's name", "students’ names"
_QUALIFIER_FIRST = lazy_re(r"(?:your|specific|relevant)\b", re.I)
_SPIN_SEPARATOR = lazy_re(r"[/|]")
_SPUN_PART = lazy_re(r"[A-Za-z][A-Za-z’' ]*")


def _describes_content(inner: str, parenthesis: bool) -> str:
    """"sure", "likely" or "" for the inside of a bracket, parenthesis or brace.

    "(Insert Specific Race 1)" and "[insert team name here]" ask for a kind of content: sure.
    "[candidate's name]", "[position]" and "[your agency]" name one: likely, in square brackets
    (parentheses hold glosses like "(URL)" in running prose)."""
    inner = " ".join(inner.split())
    if len(inner.split()) > 8 or _DETERMINERS.match(inner) or inner.isdigit() or not _SLOT_BODY.match(inner):
        return ""
    asks = _ASKS.match(inner) or _TO_COME.search(inner)
    if asks:
        # The instruction must ask for content: a kind of content, or a qualified, numbered or
        # title-cased slot ("Insert Specific Ward 2"); "(fill in the blank)" in a how-to is prose.
        qualified = _QUALIFIED.search(inner)
        titled = all(w[:1].isupper() for w in inner.split()[1:]) and len(inner.split()) >= 2
        return "sure" if _NOUN.search(inner) or qualified or titled else ""
    if parenthesis:
        # "(NUMBER)", "(NAME OF SCHOOL)": a kind of content in capitals, as a form asks for it;
        # a gloss in parentheses is an acronym ("(URL)"), not a capitalised ordinary word.
        shouted = inner.isupper() and len(inner) >= 4 and all(len(w) >= 3 for w in inner.split())
        return "likely" if shouted and _NOUN.search(inner) and not _URL_WORD.search(inner) else ""
    words = inner.split()
    if len(words) == 1:
        return "likely" if inner.islower() or inner.isupper() else ""
    possessive = _POSSESSIVE.search(inner)
    # "[Reporter Name]", "[phone number]": a short slot ending on the kind of content, written
    # all in lowercase or all in title case like a form field.
    field = len(words) <= 3 and _NOUN.search(words[-1]) and (inner.islower() or inner.istitle())
    return "likely" if possessive or field or _QUALIFIER_FIRST.match(inner) else ""


def _spun(found: str) -> bool:
    parts = [p.strip(" \"“”") for p in _SPIN_SEPARATOR.split(found)]
    if len(parts) < 3 or any(not p for p in parts):
        return False
    if {p.lower() for p in parts} <= _PRONOUNS or all(len(p) <= 2 for p in parts):
        return False
    return all(_SPUN_PART.fullmatch(p) for p in parts)


def _cut(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
