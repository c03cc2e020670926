"""proper-noun-case: proper nouns written in lowercase ("United states", "in berlin").

Names come from the curated lists in `lint/data/names/` plus the outlet's glossary. A name is
flagged when a word that the canonical form capitalises is written lowercase. Names that are
also ordinary words ("turkey", "march", "polish") are flagged only where the context makes the
name certain (next to another place, before "government", as a date, or when the article writes
the name properly elsewhere), and "may" never; names made of ordinary words ("White House") when
written partly capitalised, or all lowercase in an article that also writes them properly.

Severity: error for names that are never ordinary words (the fix is safe); warning, with an
unsafe fix, where the verdict rests on context.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from lint.checks._names import PLACE_KINDS, TOKEN_RE, Match, NameLexicon, load_lexicon, prose_tokens
from lint.checks._tokens import mask_non_prose, masked_prose, reads_as_english
from lint.checks.base import Check, HouseStyle, option
from lint.document.mapped import MappedText
from lint.document.model import Block, BlockKind, Document
from lint.findings import Finding, Fix, Severity
from lint.patterns import lazy_re

# Words after a country or nationality that show it is the state or its people.
_STATE_WORD = lazy_re(
    r"(?:['’]s)?\s+(?:government|president|prime\s+minister|ministers?|ministry|officials?|authorities|army|"
    r"troops|forces|military|border|borders|embassy|ambassador|parliament|citizens|nationals|economy|capital|"
    r"leaders?|counterparts?|navy|police|elections?|territory|airspace|coast|currency|central\s+bank|"
    r"foreign\s+minister|prime|state|regime|population|diplomats?)\b",
    re.I,
)
# What may stand between two names of one list ("Syria, turkey and Iraq", "Ankara, turkey").
_LIST_GLUE = lazy_re(r"\s*(?:,|&|/|[-‑–—]|and|or|,\s*and|,\s*or)?\s*", re.I)
_DAY_OR_YEAR_AFTER = lazy_re(r"\s+(?:[0-3]?\d(?:st|nd|rd|th)?|\d{4})(?![\d:.,]\d)\b")
_DAY_BEFORE = lazy_re(r"\b[0-3]?\d(?:st|nd|rd|th)?\s+$")
_COLON_OR_DASH = lazy_re(r"[:–—]\s*")  # with the spaces after it
# "central Asia", "eastern Europe": many styles keep the direction word lowercase.
_DIRECTION_ADJECTIVES = frozenset(
    "central eastern western northern southern southeastern southwestern northeastern northwestern".split()
)
_OPENERS = "\"'“‘«([*_"


@dataclass(frozen=True)
class Options:
    check_tables: bool = option(False, "Also look at table cells (off: tables often hold identifiers and data values).")


class ProperNounCase(Check):
    id = "proper-noun-case"
    category = "casing"
    severity = Severity.ERROR
    Options = Options
    supersedes = ("house-name-case",)  # the archive's form of a name this check reports too
    summary = "Proper nouns written in lowercase (\u201cUnited states\u201d, \u201cin berlin\u201d)."
    why = (
        "Countries, cities, nationalities, months, organisations and the outlet's glossary names are "
        "capitalised; a lowercase name looks careless and can change meaning (\u201cturkey\u201d, "
        "\u201cpolish\u201d). Names that are also ordinary words are only flagged where the context "
        "makes the name certain, and \u201cmay\u201d never."
    )
    bad = "Talks in berlin with european partners and the United states resume on march 3."
    good = "Talks in Berlin with European partners and the United States resume on March 3."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        lexicon = load_lexicon(tuple(house.glossary))
        # The prose blocks' names are found in one pass over all their words (shared with
        # name-case-consistency); table cells, when asked for, one by one.
        in_prose = iter(zip(masked_prose(doc), lexicon.find_each(prose_tokens(doc)), strict=True))
        found: list[tuple[Block, MappedText, str, list[Match]]] = []
        for block in doc.blocks:
            if block.is_prose:
                found.append((block, block.text, *next(in_prose)))
            elif options.check_tables and block.kind is BlockKind.TABLE_ROW:
                for cell in block.cells:
                    masked = doc.shared(mask_non_prose, cell.text)
                    found.append((block, cell, masked, list(lexicon.find(masked))))
        # Names the article writes in their canonical form somewhere: then "white house" or a
        # lone "turkey" elsewhere in the same article is the name written carelessly.
        canonical = {
            match.name.key for *_, matches in found for match in matches if match.written == match.name.tokens
        }
        for block, mapped, masked, matches in found:
            if matches and any(m.name.kind == "places" for m in matches) and not reads_as_english(masked):
                # A passage in another language: "como", "miri" are words there, not the places.
                matches = [m for m in matches if m.name.kind != "places"]
            if matches:
                yield from self._check_text(doc, block, mapped, masked, matches, lexicon, canonical)

    def _check_text(
        self,
        doc: Document,
        block: Block,
        mapped: MappedText,
        text: str,
        matches: list[Match],
        lexicon: NameLexicon,
        canonical: set[tuple[str, ...]],
    ) -> Iterator[Finding]:
        starts = _sentence_starts(block, mapped.text) if mapped is block.text else {0}
        # The text's tokens, read only for a lowercased name (few texts hold one): built then, once.
        tokens = partial(doc.shared, _Tokens.of, text)
        for k, match in enumerate(matches):
            verdict = self._verdict(text, matches, k, starts, tokens, lexicon, match.name.key in canonical)
            if verdict is None:
                continue
            severity, safe = verdict
            written = mapped.text[match.start : match.end]
            if match.name.kind == "glossary":
                right = _glossary_form(match, mapped.text)
            else:
                right = match.corrected(mapped.text)
            if right == written:
                continue
            span = mapped.span(match.start, match.end)
            message = f"\u201c{written}\u201d should be \u201c{right}\u201d"
            if severity is Severity.WARNING and not match.number_slip:
                message += f" (here it is the name, not the ordinary word \u201c{written.lower()}\u201d)"
            # Markup inside the name ("United **states**") would be lost by rewriting the span.
            fix = Fix(span, right, safe=safe) if doc.source[span.start : span.end] == written else None
            yield self.finding(span, message, fix=fix, severity=severity)

    def _verdict(
        self,
        text: str,
        matches: list[Match],
        k: int,
        starts: set[int],
        tokens: Callable[[], _Tokens],
        lexicon: NameLexicon,
        written_canonically: bool,
    ) -> tuple[Severity, bool] | None:
        """(severity, fix is safe) when the match is a wrongly cased name, else None."""
        match = matches[k]
        name = match.name
        if name.kind == "glossary":
            return (Severity.ERROR, True) if _glossary_wrong(match, starts, text) else None
        lowered = match.lowercased_tokens()
        if not lowered:
            return None
        if text[match.start - 1 : match.start] in ("[", "-", "_") or text[match.end : match.end + 1] in ("-", "_"):
            return None  # "fog-google", "[youtube https://...]": a package name or a shortcode
        if _in_lowercase_phrase(match, tokens, lexicon):
            return None
        if lowered == [0] and len(name.tokens) > 1 and match.written[0] in _DIRECTION_ADJECTIVES:
            return None
        if name.generic:
            # "white house" may be a house painted white; "White house" is the name gone wrong.
            capitalised = [
                i for i, (w, c) in enumerate(zip(match.written, name.tokens, strict=False))
                if c[0].isupper()
                and w[0].isupper()
                and not _at_sentence_start(match.token_starts[i], starts, text)
            ]
            if capitalised:
                return Severity.ERROR, True
            return (Severity.WARNING, False) if written_canonically and not name.everyday else None
        if match.number_slip:
            return Severity.WARNING, False  # the name is near, but which number was meant is a guess
        if len(name.tokens) > 1 or not name.rule:
            return Severity.ERROR, True
        if name.rule == "never":
            return None
        if name.rule == "date":
            after, before = text[match.end : match.end + 12], text[max(0, match.start - 6) : match.start]
            is_date = _DAY_OR_YEAR_AFTER.match(after) or _DAY_BEFORE.search(before)
            return (Severity.WARNING, True) if is_date else None
        # "place" and "nation": next to another name of a list, or before a word about a state;
        # a place also when the article names it properly elsewhere ("polish" stays a verb).
        if _STATE_WORD.match(text, match.end) or _next_to_place(text, matches, k):
            return Severity.WARNING, False
        if name.rule == "place" and written_canonically:
            return Severity.WARNING, False
        return None


def _glossary_form(match: Match, text: str) -> str:
    if len(match.written) == len(match.name.tokens):
        return match.name.canonical
    return text[match.start : match.end]


def _glossary_wrong(match: Match, starts: set[int], text: str) -> bool:
    """A glossary name cased otherwise than the outlet writes it."""
    for i, (written, canon) in enumerate(zip(match.written, match.name.tokens, strict=False)):
        if written == canon or (len(written) > 1 and written.isupper()):
            continue
        # "EBay" at the start of a sentence or heading follows the sentence, not the brand.
        sentence_form = canon[0].upper() + canon[1:]
        if written == sentence_form and _at_sentence_start(match.token_starts[i], starts, text):
            continue
        return True
    return False


def _sentence_starts(block: Block, text: str) -> set[int]:
    starts = {s.start for s in block.sentences} | {0}
    if block.kind is BlockKind.HEADING:
        # Title-case headings capitalise every word; after a colon a new phrase starts too.
        starts |= {m.end() for m in _COLON_OR_DASH.finditer(text)}
    return starts


def _at_sentence_start(offset: int, starts: set[int], text: str) -> bool:
    """True when only quotes, brackets or emphasis marks stand between a sentence start and `offset`."""
    at = offset
    while at > 0 and text[at - 1] in _OPENERS:
        at -= 1
    return at in starts


@dataclass(frozen=True)
class _Tokens:
    """A text's lowercased tokens and each token's index by its start offset, built once per text
    (a scan per match was quadratic in a long paragraph of names)."""

    words: list[str]
    index: dict[int, int]

    @classmethod
    def of(cls, text: str) -> _Tokens:
        found = [(m.start(), m.group().lower()) for m in TOKEN_RE.finditer(text)]
        return cls([w for _, w in found], {start: i for i, (start, _) in enumerate(found)})


def _in_lowercase_phrase(match: Match, text_tokens: Callable[[], _Tokens], lexicon: NameLexicon) -> bool:
    """True inside a phrase where the lowercase form is standard ("french fries", "bone china")."""
    if not lexicon.lowercase_ok:
        return False
    tokens = text_tokens()
    first = tokens.index.get(match.start)
    if first is None:
        return False
    last = first + len(match.written) - 1
    words = tokens.words
    for lo in range(max(0, first - 3), first + 1):
        for hi in range(last + 1, min(len(words), last + 4) + 1):
            if tuple(words[lo:hi]) in lexicon.lowercase_ok:
                return True
    return False


def _next_to_place(text: str, matches: list[Match], k: int) -> bool:
    """True when a correctly cased place or nationality stands next to match k in a list."""
    match = matches[k]
    for j in (k - 1, k + 1):
        if not 0 <= j < len(matches):
            continue
        other = matches[j]
        if other.name.kind not in PLACE_KINDS or other.name.rule or other.lowercased_tokens():
            continue
        between = text[other.end : match.start] if j < k else text[match.end : other.start]
        if _LIST_GLUE.fullmatch(between):
            return True
    return False
