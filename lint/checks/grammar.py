"""grammar: grammar, spelling and style through LanguageTool (off unless the config turns it on).

The article's prose (headings, paragraphs, list items, captions, quotes; never code, front
matter, tables or URLs) goes to LanguageTool as one request text per chunk, built from the
blocks' MappedText so every match maps back to its exact place in the source file.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lint.checks.base import Check, CheckUnavailable, HouseStyle, option
from lint.document.mapped import ATOM, MappedText, concat
from lint.document.model import Document
from lint.findings import Finding, Fix, Severity
from lint.languagetool_settings import Settings
from lint.patterns import lazy_re

if TYPE_CHECKING:
    from lint.languagetool import LTMatch

BLOCK_SEPARATOR = "\n\n"  # LanguageTool reads a blank line as a paragraph break

# Rules that other newslint checks already cover (quotes, dashes, spacing: typography) or that
# misfire on news copy with its markup removed: headings and list items end without a full
# stop, and a quote running over several paragraphs opens each one but closes only the last.
HOUSE_SKIPPED_RULES = (
    "WHITESPACE_RULE",
    "CONSECUTIVE_SPACES",
    "EN_QUOTES",
    "DASH_RULE",
    "PUNCTUATION_PARAGRAPH_END",
    "UNLIKELY_OPENING_PUNCTUATION",
    "EN_UNPAIRED_QUOTES",
)

# LanguageTool category ids and issue types -> severity; anything else is a warning.
DEFAULT_SEVERITIES = {
    "TYPOS": "warning",
    "GRAMMAR": "warning",
    "CONFUSED_WORDS": "warning",
    "STYLE": "info",
    "REDUNDANCY": "info",
    "PLAIN_ENGLISH": "info",
    "REPETITIONS_STYLE": "info",
    "TYPOGRAPHY": "info",
    "WIKIPEDIA": "info",
    "TEXT_ANALYSIS": "info",
    "misspelling": "warning",
    "grammar": "warning",
    "style": "info",
    "register": "info",
}


@dataclass(frozen=True)
class Options:
    skip_rules: tuple[str, ...] = option(
        HOUSE_SKIPPED_RULES,
        "LanguageTool rule ids never reported, on top of languagetool.disabled_rules.",
    )
    skip_capitalized_typos: bool = option(
        True,
        "Skip spelling matches on words that start with a capital letter: news copy is full of names LanguageTool's "
        "dictionary lacks (the glossary's words are always skipped).",
    )
    max_suggestions: int = option(3, "How many of LanguageTool's replacements a message offers.")
    default_severities: dict[str, str] = option(
        doc="Severity for each LanguageTool category id or issue type; languagetool.severities wins over these.",
        factory=lambda: dict(DEFAULT_SEVERITIES),
    )


# Bare URLs and e-mail addresses stay in prose text; LanguageTool must not spell-check them.
_URL = lazy_re(
    r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)[^\s<>\"“”‘’]*[^\s<>\"“”‘’.,;:!?)\]]|\b[\w.+-]+@[\w-]+\.[\w.-]*\w",
    re.I,
)
_SUGGESTION_TAG = lazy_re(r"</?suggestion>")
_NEWLINE = lazy_re(r"\r?\n|\r")


@dataclass(frozen=True)
class Chunk:
    """One request: the text sent and the mapping back to the source."""

    text: MappedText


def build_chunks(doc: Document, limit: int) -> list[Chunk]:
    """The article's prose as request texts of at most `limit` characters.

    URLs and template tags become ATOM placeholders (matches touching them are dropped), soft
    line breaks become spaces. Blocks are joined with blank lines; a block longer than the
    limit is split at sentence or word boundaries into chunks of its own. Each chunk is a
    MappedText, so offsets in it map straight back to the source, whichever chunk a match
    comes from.
    """
    from lint.languagetool import chunk_bounds  # the client: imported once LanguageTool is on

    chunks: list[Chunk] = []
    pending: list[MappedText] = []
    pending_size = 0

    def flush() -> None:
        nonlocal pending, pending_size
        if pending:
            chunks.append(Chunk(concat(pending, BLOCK_SEPARATOR)))
        pending, pending_size = [], 0

    for block in doc.prose_blocks:
        prose = _request_prose(block.text)
        if not prose.text.strip(ATOM + " \n\t"):
            continue
        if len(prose) > limit:
            flush()
            chunks.extend(Chunk(prose.slice(a, b)) for a, b in chunk_bounds(prose.text, limit))
            continue
        added = len(prose) + (len(BLOCK_SEPARATOR) if pending else 0)
        if pending and pending_size + added > limit:
            flush()
            added = len(prose)
        pending.append(prose)
        pending_size += added
    flush()
    return chunks


def _request_prose(text: MappedText) -> MappedText:
    """A block's prose as LanguageTool should read it, still mapped to the source."""
    hidden = text.substitute(_URL, lambda m: ATOM)
    # A lone newline inside a paragraph is a soft line break, not a paragraph break; a space
    # has the same length, so columns stay exact.
    return hidden.substitute(_NEWLINE, lambda m: " ")


def settings_for(house: HouseStyle, options: Options) -> Settings:
    """The outlet's languagetool section, with this check's skipped rules added."""
    settings = Settings.from_section(house.extra.get("languagetool", {}), house.language)
    disabled = tuple(sorted({*settings.disabled_rules, *options.skip_rules}))
    return dataclasses.replace(settings, disabled_rules=disabled)


class Grammar(Check):
    id = "grammar"
    category = "grammar"
    severity = Severity.WARNING
    Options = Options
    enabled_by_default = True  # still does nothing until languagetool.mode is local or remote
    summary = "Grammar, spelling and style problems found by LanguageTool (set languagetool.mode to use it)."
    why = (
        "Agreement errors, wrong words (their/there, affect/effect), doubled words and typos slip past tired "
        "eyes and cost a newsroom its credibility. LanguageTool knows thousands of such patterns. It needs a "
        "LanguageTool server: `languagetool: {mode: remote, url: http://localhost:8010}` or `mode: local`."
    )
    bad = "The mayor have said their going to vote on teh budget."
    good = "The mayor has said they are going to vote on the budget."

    @classmethod
    def inactive(cls, options: Options, house: HouseStyle) -> str:
        return "languagetool.mode is off" if settings_for(house, options).mode == "off" else ""

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        settings = settings_for(house, options)
        if settings.mode == "off":
            return
        chunks = build_chunks(doc, settings.max_request_chars)
        if not chunks:
            return
        from lint.languagetool import LanguageToolUnavailable, connection

        try:
            answers = connection(settings).check_all([c.text.text for c in chunks])
        except LanguageToolUnavailable as err:
            raise CheckUnavailable(str(err), required=settings.required) from None
        configured_severities = dict(settings.severities)
        skipped_rules = set(settings.disabled_rules)
        skipped_categories = set(settings.disabled_categories)
        glossary = _glossary_words(house.glossary)
        for chunk, matches in zip(chunks, answers, strict=True):
            prose = chunk.text.text
            for match in matches:
                start, end = match.offset, match.offset + match.length
                if end <= start or end > len(prose) or ATOM in prose[start:end]:
                    continue  # empty, outside the text, or touching code/URLs we hid
                if match.rule_id in skipped_rules or match.category_id in skipped_categories:
                    continue  # the server ignored disabledRules (or the check's own list)
                flagged = prose[start:end]
                if _is_typo(match) and _is_name(flagged, glossary, options.skip_capitalized_typos):
                    continue
                span = chunk.text.span(start, end)
                exact = doc.source[span.start : span.end] == flagged
                fix = None
                if match.replacements and exact:
                    fix = Fix(span, match.replacements[0], safe=False)  # a suggestion, never applied blindly
                yield self.finding(
                    span,
                    _message(match, flagged, options.max_suggestions),
                    fix=fix,
                    severity=_severity(match, configured_severities, options.default_severities),
                )


def _is_typo(match: LTMatch) -> bool:
    # The spelling rules (MORFOLOGIK_RULE_*, HUNSPELL_*) live in TYPOS; other rules with the
    # issue type "misspelling" (EN_A_VS_AN) are about grammar, capitalised or not.
    return match.category_id == "TYPOS"


def _is_name(word: str, glossary: frozenset[str], skip_capitalized: bool) -> bool:
    if word in glossary or word.lower() in glossary:
        return True
    return skip_capitalized and word[:1].isupper()


@functools.cache
def _glossary_words(glossary: tuple[str, ...]) -> frozenset[str]:
    """Every word of the outlet's glossary, as written and lower-cased."""
    words = {w for entry in glossary for w in re.findall(r"[^\W_][\w’'\-]*", entry)}
    return frozenset(words | {w.lower() for w in words})


def _severity(match: LTMatch, configured: Mapping[str, str], defaults: Mapping[str, str]) -> Severity:
    """The outlet's `languagetool.severities` first (rule id, then category, then issue type), then ours."""
    from lint.languagetool import iter_severity_keys

    for table in (configured, defaults):
        for key in iter_severity_keys(match):
            if key in table:
                try:
                    return Severity(table[key])
                except ValueError:
                    break
    return Severity.WARNING


def _message(match: LTMatch, flagged: str, max_suggestions: int) -> str:
    """“teh”: Possible spelling mistake found. Write “the” (or “ten”). [LanguageTool MORFOLOGIK_RULE_EN_US]"""
    shown = " ".join(flagged.split())
    if len(shown) > 40:
        shown = shown[:37] + "..."
    text = match.message or match.short_message or match.rule_description
    text = _SUGGESTION_TAG.sub(lambda m: "”" if m.group().startswith("</") else "“", text).strip()
    text = (text or "LanguageTool flags this").rstrip()
    if text[-1:] not in ".?!":
        text += "."
    out = f"“{shown}”: {text}"
    suggestions = list(match.replacements[: max(max_suggestions, 1)])
    if suggestions and f"“{suggestions[0]}”" in text:
        suggestions = []  # LanguageTool's message already names the fix ("Did you mean “could have”?")
    words = [f"“{r}”" for r in suggestions if r]
    if "" in suggestions:  # an empty replacement means: delete the flagged text
        out += " Delete it" + (f", or write {' or '.join(words)}" if words else "") + "."
    elif words:
        out += f" Write {words[0]}" + (f" (or {', '.join(words[1:])})" if len(words) > 1 else "") + "."
    return f"{out} [LanguageTool {match.rule_id}]"
