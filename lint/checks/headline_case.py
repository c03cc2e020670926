"""headline-case: headings that break the outlet's headline style, or mix two styles.

`house.headline_case` is "title" (AP style: every word capitalised except a, an, and, as, at,
but, by, for, in, nor, of, on, or, so, the, to, up, yet, which stay lowercase unless first or
last), "sentence" (only the first word and names capitalised) or "any". With any style, a
heading is flagged only when it is clearly neither: it starts lowercase yet capitalises common
words ("ongoing Negotiations & Future outlook"), or it capitalises some common words and leaves
others lowercase.

A capitalised word counts as a name (fine in sentence case) when the curated names list or the
glossary knows it, when it is an acronym or has an inner capital (iPhone, GitHub), or when the
article also capitalises it in the middle of a sentence. It counts as a common word when the
article writes it lowercase elsewhere and never capitalised mid-sentence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter
from typing import Literal

from lint.checks._names import NameLexicon, load_lexicon, lowercase_brands
from lint.checks._tokens import is_english_word, mask_non_prose
from lint.checks.base import Check, HouseStyle, option
from lint.document.mapped import ATOM
from lint.document.model import WORD_RE, Block, BlockKind, Document
from lint.document.span import Span
from lint.findings import Finding, Fix, Severity
from lint.patterns import lazy_re

# AP style: these stay lowercase in title case unless they are the first or last word.
SMALL_WORDS = frozenset("a an and as at but by for in nor of on or so the to up yet vs via".split())
# Prepositions of four letters or more: AP capitalises them, other styles do not.
_LONG_PREPOSITIONS = frozenset(
    "with from into onto over upon about than that this what when your like near after before "
    "under until while within without across along among around behind below beside between "
    "beyond during except inside outside since through toward towards".split()
)
_WORD = lazy_re(r"[^\W\d_][\w'’.\-‑]*")
# What starts a new part of a heading, whose first word is capitalised in any style.
_AFTER_BREAK = lazy_re(r"(?:[:?!.–—|]|\s-)\s*$")
_AFTER_NUMBER = lazy_re(r"\d\s+$")
_WORD_PARTS = lazy_re(r"[-‑'’]")
_WORD_CHAR = lazy_re(r"\w")


@dataclass(frozen=True)
class Options:
    style: Literal["inherit", "sentence", "title", "any"] = option(
        "inherit",
        "The headline style to check against: sentence, title or any; inherit takes the outlet's style.headline_case.",
    )
    min_mixed_words: int = option(
        2,
        "With any style: how many capitalised common words and lowercase content words make a mix.",
    )
    max_mixed_heading_words: int = option(
        12,
        "With any style, headings of more words are not checked for a mix: they are sentences (an interview's "
        "questions) with the writer's own capitalised terms.",
    )


@dataclass(frozen=True)
class _Word:
    text: str
    start: int
    end: int
    first: bool  # first word of the heading or of a part after a colon
    last: bool
    skip: bool  # a name, acronym, identifier or number: its case says nothing about style


@dataclass
class _Usage:
    """How the article's prose writes each word, outside headings."""

    lower: set[str] = field(default_factory=set)  # seen lowercase
    capital_mid: set[str] = field(default_factory=set)  # seen capitalised mid-sentence


class HeadlineCase(Check):
    id = "headline-case"
    category = "casing"
    supersedes = ("sentence-start-case",)
    severity = Severity.WARNING
    Options = Options
    summary = "Headings that break the outlet's headline case (sentence or title) or mix the two."
    why = (
        "Readers notice headings cased three different ways in one article; the outlet's style "
        "(house headline_case: sentence, title or any) keeps them uniform. A heading that starts "
        "lowercase and capitalises words at random is usually a pasted or half-edited one."
    )
    # The body writes "negotiations" and "future" lowercase: the evidence that they are not names.
    bad = (
        "## ongoing Negotiations & Future outlook\n\n"
        "The negotiations resumed on Monday, and the future of the port is still open.\n"
    )
    good = (
        "## Ongoing negotiations and future outlook\n\n"
        "The negotiations resumed on Monday, and the future of the port is still open.\n"
    )

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        style = house.headline_case if options.style == "inherit" else options.style
        headings = [b for b in doc.headings if b.text.text.strip()]
        if style not in ("title", "sentence"):
            # A mix needs `min_mixed_words` capitalised words: headings with fewer words opening with
            # a capital are passed over before any word (or the article's usage) is weighed.
            headings = [b for b in headings if _capitals(b.text.text) >= options.min_mixed_words]
        if not headings:
            return
        lexicon = load_lexicon(tuple(house.glossary))
        brands = lowercase_brands(tuple(house.glossary))
        usage = _usage(doc)
        for block in headings:
            words = _words(doc, block, lexicon, brands, usage)
            if len(words) < 2:
                continue
            if style == "title":
                yield from self._title(block, words)
            elif style == "sentence":
                yield from self._sentence(block, words, usage)
            else:
                yield from self._mixed(block, words, usage, options)

    def _title(self, block: Block, words: list[_Word]) -> Iterator[Finding]:
        wrong = [w for w in words if not w.skip and _title_form(w) != w.text]
        if wrong:
            yield self._rewritten(block, words, wrong, _title_form, "title case")

    def _sentence(self, block: Block, words: list[_Word], usage: _Usage) -> Iterator[Finding]:
        # Flag only on evidence (a word the article writes lowercase); then suggest lowercasing
        # every capitalised word that is not known as a name.
        if any(_sentence_form(w, usage) != w.text for w in words):
            def form(w: _Word) -> str:
                return _sentence_form(w, usage, eager=True)

            wrong = [w for w in words if form(w) != w.text]
            yield self._rewritten(block, words, wrong, form, "sentence case")

    def _rewritten(
        self, block: Block, words: list[_Word], wrong: list[_Word], form: Callable[[_Word], str], case: str
    ) -> Finding:
        """One finding for the heading, listing the words that break `case`, with the rewritten heading."""
        right = _rewrite(block.text.text, words, form)
        listed = ", ".join(f"\u201c{w.text}\u201d" for w in wrong[:4])
        span = block.text.span(0, len(block.text.text))
        message = f"Heading is not in {case} ({listed}): write \u201c{_shown(right)}\u201d"
        return self.finding(span, message, fix=_heading_fix(span, right))

    def _mixed(self, block: Block, words: list[_Word], usage: _Usage, options: Options) -> Iterator[Finding]:
        content = [w for w in words if not w.skip and w.text.lower() not in SMALL_WORDS]
        # Capitalised words side by side may be a name ("Change Log", "New Year"): not evidence.
        text = block.text.text
        paired = {
            id(w)
            for a, b in zip(words, words[1:], strict=False)
            if not a.first and a.text[0].isupper() and b.text[0].isupper() and text[a.end : b.start] == " "
            for w in (a, b)
        }
        capital_common = [
            w for w in content
            if not w.first and w.text[0].isupper() and id(w) not in paired and _is_common(w.text, usage)
        ]
        lower_content = [
            w for w in content
            if w.text[0].islower() and len(w.text) >= 4 and w.text.lower() not in _LONG_PREPOSITIONS
        ]
        first = words[0]
        starts_lower = not first.skip and first.text[0].islower()
        enough_capitals = len(capital_common) >= options.min_mixed_words
        # Title case capitalises the last word: "Ongoing Negotiations & Future outlook" is neither.
        ends_lower = words[-1] in lower_content
        mixed = enough_capitals and (
            starts_lower or ends_lower or len(lower_content) >= options.min_mixed_words
        )
        if not mixed or len(words) > options.max_mixed_heading_words:
            return
        sentence = _rewrite(block.text.text, words, lambda w: _sentence_form(w, usage))
        title = _rewrite(block.text.text, words, _title_form)
        span = block.text.span(0, len(block.text.text))
        yield self.finding(
            span,
            f"Heading mixes capitalised and lowercase words: write \u201c{_shown(sentence)}\u201d "
            f"(sentence case) or \u201c{_shown(title)}\u201d (title case)",
            fix=_heading_fix(span, sentence),
        )


def _shown(heading: str) -> str:
    """The heading for a message: code and template tags show as an ellipsis."""
    return heading.replace(ATOM, "\u2026")


def _heading_fix(span: Span, right: str) -> Fix | None:
    """An unsafe fix rewriting the heading; none when it holds code or a template tag."""
    return None if ATOM in right else Fix(span, right, safe=False)


def _capitals(text: str) -> int:
    """How many words of the text open with a capital (counted in C)."""
    return sum(map(str.isupper, map(itemgetter(0), _WORD.findall(text))))


def _usage(doc: Document) -> _Usage:
    # Sentences split at white space, so a block's words are its sentences' words in turn: a
    # word is somewhere mid-sentence when it is written more often than it opens a sentence.
    written: Counter[str] = Counter()
    opening: Counter[str] = Counter()
    for block in doc.prose_blocks:
        if block.kind is BlockKind.HEADING:
            continue
        written.update(block.word_texts)
        for sentence in block.sentences:
            first = WORD_RE.search(sentence.text)
            if first is not None:
                opening[first.group()] += 1
    # Each written word sorted by its first letter without a loop in Python.
    words = list(written)
    first_letters = list(map(itemgetter(0), words))
    usage = _Usage()
    usage.lower.update(compress(words, map(str.islower, first_letters)))
    capitalised = compress(words, map(str.isupper, first_letters))
    usage.capital_mid.update(w.lower() for w in capitalised if written[w] > opening[w])
    return usage


def _is_common(word: str, usage: _Usage) -> bool:
    """A capitalised heading word the article otherwise writes lowercase: not a name."""
    lower = word.lower()
    return lower in usage.lower and lower not in usage.capital_mid


def _words(doc: Document, block: Block, lexicon: NameLexicon, brands: frozenset[str], usage: _Usage) -> list[_Word]:
    text = block.text.text
    masked = doc.shared(mask_non_prose, text)
    found = [m for m in _WORD.finditer(text)]
    names = _name_offsets(text, lexicon)
    out: list[_Word] = []
    for i, m in enumerate(found):
        word = m.group().rstrip(".’'")
        previous_end = found[i - 1].start() + len(found[i - 1].group().rstrip(".’'")) if i else 0
        before = text[previous_end : m.start()]
        # "7:00 pm update": after a number the word goes on; "1. Plans": a list number opens.
        first = bool(_AFTER_BREAK.search(before)) if i else not _AFTER_NUMBER.search(before)
        skip = (
            masked[m.start() : m.end()] != m.group()
            or any(map(str.isdigit, word))
            or (len(word) > 1 and word.isupper())
            or any(map(str.isupper, word[1:]))
            or "." in word
            or word in brands
            or word.split("'")[0].split("’")[0] == "I"
            or m.start() in names
            or (word[0].isupper() and word.lower() in usage.capital_mid and word.lower() not in SMALL_WORDS)
            or (word[0].islower() and not all(is_english_word(p) for p in _WORD_PARTS.split(word) if p))
        )
        last = not _WORD_CHAR.search(text, m.end())  # "... in 2024": the number is last, not "in"
        out.append(_Word(word, m.start(), m.start() + len(word), first, last, skip))
    return out


def _name_offsets(text: str, lexicon: NameLexicon) -> set[int]:
    """Start offsets of heading words that belong to a known name (any case)."""
    from lint.checks._names import TOKEN_RE

    offsets: set[int] = set()
    for match in lexicon.find(text):
        if match.name.rule == "never" or (match.name.rule and match.written[0][0].islower()):
            continue
        offsets.update(m.start() for m in TOKEN_RE.finditer(text, match.start, match.end))
    return offsets


def _title_form(w: _Word) -> str:
    if w.skip:
        return w.text
    if w.text.lower() in SMALL_WORDS and not w.first and not w.last:
        return w.text.lower()
    return w.text[0].upper() + w.text[1:]


def _sentence_form(w: _Word, usage: _Usage, eager: bool = False) -> str:
    """The word in sentence case; `eager` lowercases capitalised words that have no evidence either way."""
    if w.skip:
        return w.text
    if w.first:
        return w.text[0].upper() + w.text[1:]
    if w.text[0].isupper() and (eager or w.text.lower() in SMALL_WORDS or _is_common(w.text, usage)):
        return w.text.lower()
    return w.text


def _rewrite(text: str, words: list[_Word], form: Callable[[_Word], str]) -> str:
    parts = []
    last = 0
    for w in words:
        parts.append(text[last : w.start])
        parts.append(form(w))
        last = w.end
    parts.append(text[last:])
    return "".join(parts).strip()
