"""sentence-start-case: a sentence, paragraph, heading or list item that starts lowercase.

Quiet where lowercase is right or cannot be told from a slip:
- the sentence goes on: after an ellipsis, a colon, a comma, a code block, an image or a list
  that cut it; after a quotation ("...a pilot.” reads the slide"); after an abbreviation, a
  number or an emphatic one-word sentence ("every. single. change.");
- the word is a name that starts lowercase: brands (iPhone, npm, the glossary), words the
  article also writes as code ("cargo"), words no dictionary knows ("rustfmt", a user name),
  words with an inner capital or a digit, addresses, handles and file names;
- quotes and brackets, which may open mid-sentence;
- lists of fragments ("- apples", "- fixed a crash"): a lowercase list item is flagged only
  when it reads as a full sentence ("- the tool now...") in a list that starts with capitals;
- the article's own style: when many headings (or paragraphs, or sentences) start lowercase.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from lint.checks._names import lowercase_brands
from lint.checks._tokens import is_english_word, mask_non_prose, words_in_code
from lint.checks.base import Check, HouseStyle, option
from lint.document.mapped import ATOM
from lint.document.model import WORD_RE, Block, BlockKind, Document, Sentence
from lint.findings import Finding, Fix, Severity
from lint.patterns import lazy_re

# Characters that may stand before the first word without changing where the sentence starts.
_LEAD = "*_~ \u00a0\t-–—•"
# A first "word": letters, with inner apostrophes or hyphens.
_FIRST_WORD = lazy_re(r"[^\W\d_]+(?:['’\-‑][^\W\d_]+)*")
# What right after the first word makes it an identifier, a label, a list letter or an address.
_CODE_AFTER = lazy_re(r"[.(/\\=_@<>\[{`]\S|[():]")
# Words before a full stop that do not end a sentence (the splitter knows the common ones).
_ABBREVIATION = lazy_re(
    r"\b(?:e\.g|i\.e|ie|eg|etc|vs|approx|incl|esp|min|max|avg|ca|cf|viz|resp|ibid|op|no|nos|pp|ex|misc|est|"
    r"fig|dept|vol|ch|sec|al|v|ver|ref|var|grad|grads|org|orgs|govt|univ|assoc|[a-z])\.$",
    re.I,
)
_CLOSING = "\"”’')]*_"
_QUOTES = "\"”’'"
# How a paragraph ends when the next one goes on with its sentence (after a colon, say).
_CONTINUES = lazy_re(r"(?:[:,;(\w\u00ad]|\.\.\.|…)[\"”’')\]*_\s]*$")
_NON_PROSE_BEFORE = frozenset(
    {BlockKind.CODE, BlockKind.HTML, BlockKind.IMAGE, BlockKind.TABLE_ROW, BlockKind.LIST_ITEM}
)
# Between two sentences in the source: the stop closed a link text or an image came in between.
_LINK_OR_IMAGE = lazy_re(r"</a>|\]\(|<img\b|!\[")
_VERSION_AFTER = lazy_re(r"\s+v?\d")  # " 1.36", " v54" after a word
_HYPHEN_OR_APOSTROPHE = lazy_re(r"[-‑'’]")
_BLOCK_PLACES = {BlockKind.HEADING: "heading", BlockKind.LIST_ITEM: "list item"}
_TOP_LEVEL_DOMAINS = frozenset({"com", "org", "net", "gov", "edu", "io", "mil"})
# Words that start a full sentence rather than a fragment ("- the tool now..." vs "- bump x").
_SENTENCE_OPENERS = frozenset(
    "the this that these those it its he she we they i you there here our their his her my a an "
    "since when while although because if after before in on at however".split()
)


@dataclass(frozen=True)
class Options:
    list_capital_share: float = option(
        0.75,
        "A lowercase list item is flagged when at least this share of its list starts with a capital.",
    )
    check_headings: bool = option(True, "Also check the first word of headings.")
    min_paragraph_words: int = option(
        4,
        "Paragraphs of fewer words are not checked: captions, stage directions or fragments (\"crickets chirping\").",
    )
    style_min_count: int = option(
        3,
        "When at least this many starts of one kind (headings, paragraphs, sentences) are lowercase, and at least "
        "style_share of them, lowercase is the article's style and none of them is reported.",
    )
    style_share: float = option(
        0.2,
        "The share (0 to 1) of one kind of start that must be lowercase, with style_min_count, for lowercase to count "
        "as the article's style.",
    )


@dataclass(frozen=True)
class _Start:
    """Where a sentence, paragraph, heading or list item starts, and its first word if lowercase."""

    block: Block
    index: int  # sentence index in the block
    place: str  # "heading", "list item", "paragraph" or "sentence"
    lowercase: bool  # starts with a lowercase letter at all (names included): style evidence
    word: tuple[int, int] | None  # the ordinary word to capitalise, when there is one


class SentenceStartCase(Check):
    id = "sentence-start-case"
    category = "casing"
    severity = Severity.WARNING
    Options = Options
    summary = "A sentence, paragraph, heading or list item that starts with a lowercase letter."
    why = (
        "A lowercase start usually means a sentence was cut, merged or pasted in a hurry. It is a "
        "warning rather than an error: names that start lowercase (iPhone, npm, a user name) and "
        "sentences that go on after a code block, an image or a quotation start lowercase on "
        "purpose; the check skips the cases it can recognise, and the glossary lists the rest."
    )
    bad = "The talks ended late. he said a deal was close."
    good = "The talks ended late. He said a deal was close."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        places = _lowercase_places(doc, options)
        if not places:
            return  # every sentence, heading and item starts with a capital (most articles)
        brands = lowercase_brands(tuple(house.glossary))
        lists = _list_verdicts(doc, options) if "list item" in places else {}
        starts: list[_Start] = []
        previous: Block | None = None
        for block in doc.blocks:
            if block.is_prose and (block.kind is not BlockKind.HEADING or options.check_headings):
                starts.extend(self._starts(doc, block, previous, lists, options, places))
            previous = block
        # A style is many decisions: a heading pasted three times is one lowercase heading, not three.
        distinct = {(s.place, _wording(s)): s for s in starts}.values()
        seen = Counter(s.place for s in distinct)
        lowercase = Counter(s.place for s in distinct if s.lowercase)
        code_words: frozenset[str] | None = None
        prose_words: Counter[str] = Counter()
        for start in starts:
            if start.word is None:
                continue
            # Many lowercase starts of one kind are the article's style (lowercase headings,
            # chat-like notes), not slips; a few among many capitals are slips.
            count = lowercase[start.place]
            # Sentences inside a paragraph are a style only when most start lowercase; a few
            # headings or items in lowercase already are one.
            share = max(options.style_share, 0.5) if start.place == "sentence" else options.style_share
            if count >= options.style_min_count and count >= share * seen[start.place]:
                continue
            text = start.block.text.text
            lo, hi = start.word
            written = text[lo:hi]
            if code_words is None:
                code_words = words_in_code(doc)
                # Word texts only: `block.words` would map every word back to the source, which costs.
                prose_words = Counter(w for b in doc.prose_blocks for w in b.word_texts if "-" in w)
            if not _ordinary_word(written, brands, code_words, prose_words):
                continue
            right = written[0].upper() + written[1:]
            span = start.block.text.span(lo, hi)
            fix = Fix(span, right, safe=True) if doc.source[span.start : span.end] == written else None
            yield self.finding(span, _message(start, written, right), fix=fix)

    def _starts(
        self,
        doc: Document,
        block: Block,
        previous: Block | None,
        lists: dict[int, bool],
        options: Options,
        places: set[str],
    ) -> Iterator[_Start]:
        text = block.text.text
        masked = doc.shared(mask_non_prose, text)
        for index, sentence in enumerate(block.sentences):
            if index == 0:
                place = _BLOCK_PLACES.get(block.kind, "paragraph")
                if place not in places:
                    continue
                if block.kind is BlockKind.LIST_ITEM and not lists.get(id(block)):
                    continue
                if place == "paragraph" and (
                    _continues_previous(doc, previous) or len(block.word_texts) < options.min_paragraph_words
                ):
                    continue
            else:
                place = "sentence"
                if place not in places:
                    break  # the sentences after the first are all of this place
            first = _first_letter(text, sentence)
            if first is None or (index > 0 and not _after_full_stop(doc, block, sentence)):
                continue
            word = _lowercase_word(text, masked, first, sentence)
            yield _Start(block, index, place, text[first].islower(), word)


def _lowercase_places(doc: Document, options: Options) -> set[str]:
    """The places (heading, list item, paragraph, sentence) where some start is written lowercase.

    Only a lowercase start is reported, and only against the other starts of its place (the
    article's style): the starts of other places need not be weighed at all."""
    places: set[str] = set()
    for block in doc.blocks:
        if block.is_prose and (block.kind is not BlockKind.HEADING or options.check_headings):
            text = block.text.text
            for index, sentence in enumerate(block.sentences):
                at = _first_letter(text, sentence)
                if at is not None and text[at].islower():
                    places.add(_BLOCK_PLACES.get(block.kind, "paragraph") if index == 0 else "sentence")
    return places


def _wording(start: _Start) -> str:
    text = start.block.text.text
    sentence = start.block.sentences[start.index]
    return " ".join(text[sentence.start : sentence.end].lower().split())


def _at_most_two_words(text: str) -> bool:
    return next(islice(WORD_RE.finditer(text), 2, None), None) is None  # no third word: stops there


def _message(start: _Start, written: str, right: str) -> str:
    if start.place == "list item":
        return (
            f"List item starts lowercase while the other items start with a capital: "
            f"write \u201c{right}\u201d for \u201c{written}\u201d"
        )
    return (
        f"{start.place.capitalize()} starts with a lowercase letter: "
        f"write \u201c{right}\u201d for \u201c{written}\u201d"
    )


def _first_letter(text: str, sentence: Sentence) -> int | None:
    """Offset of the sentence's first letter, None when it opens with a quote, digit or code."""
    at = sentence.start
    while at < sentence.end and text[at] in _LEAD:
        at += 1
    if at >= sentence.end or not text[at].isalpha():
        return None  # quotes and brackets may open mid-sentence; digits and atoms are not words
    return at


def _lowercase_word(text: str, masked: str, at: int, sentence: Sentence) -> tuple[int, int] | None:
    """The first word when it is written lowercase and is not code, an address or a label."""
    if not text[at].islower() or masked[at] != text[at]:
        return None
    m = _FIRST_WORD.match(text, at, sentence.end)
    if m is None:
        return None
    after = text[m.end() : m.end() + 2]
    if _CODE_AFTER.match(after) or after[:1].isdigit():
        return None  # "doi: 10.1", "a) first", "foo.bar", "x86"
    # "by @user in #12": a credit line in release notes, not a sentence.
    following = masked[m.end() : m.end() + 3]
    if following.strip() == "" and text[m.end() : m.end() + 3].strip():
        return None
    if sentence.block.kind is BlockKind.HEADING and _VERSION_AFTER.match(text[m.end() :]):
        return None  # a release-notes heading: "bosh-dns 1.36 to 1.37", "nats v54"
    return m.start(), m.end()


def _ordinary_word(
    word: str, brands: frozenset[str], code_words: frozenset[str], prose_words: Counter[str]
) -> bool:
    """True for a dictionary word that should be capitalised; false for names and identifiers."""
    if any(c.isupper() for c in word[1:]) or word in _TOP_LEVEL_DOMAINS:
        return False
    if word in brands or word.rstrip("s") in brands or word.split("-")[0] in brands or word in code_words:
        return False
    if "-" in word and prose_words[word] > 1:
        return False  # a hyphenated name the article keeps lowercase ("rust-analyzer")
    # Not a dictionary word: a lowercase name or tool ("rustfmt", a user name).
    return all(is_english_word(part) for part in _HYPHEN_OR_APOSTROPHE.split(word) if part)


_LOOK_BACK = 400  # characters before a sentence that are enough to read how the one before ended


def _after_full_stop(doc: Document, block: Block, sentence: Sentence) -> bool:
    """True when the sentence before ended with a full stop that really ends a sentence."""
    text = block.text.text
    # Only the end of the text before is read: slicing from 0 for every sentence made a
    # paragraph of thousands of sentences quadratic.
    window = max(0, sentence.start - _LOOK_BACK)
    raw = text[window : sentence.start].rstrip()
    before = raw.rstrip(_CLOSING)
    if any(c in _QUOTES for c in raw[len(before) :]):
        return False  # after a quotation the sentence often goes on: "...a pilot.” reads the slide
    if not before.endswith(".") or before.endswith("..") or before.endswith(". ."):
        return False  # "?" and "!" may close a quotation that the sentence goes on from
    last_word = before.rsplit(None, 1)[-1]  # `before` ends with its full stop
    stem = last_word[:-1]
    if _ABBREVIATION.search(last_word) or "." in stem or stem.isdigit():
        return False  # "approx.", "U.S.", "1. what we do, 2. what we expect"
    if stem.isupper() or any(c.isupper() for c in stem[1:]):
        return False  # "Minot, ND. photo by", "Robert Read, PhD. recently"
    sentences = block.sentences
    at = bisect.bisect_right(sentences, sentence.start, key=lambda s: s.end)  # those ending before
    previous = sentences[at - 1] if at else None
    if _at_most_two_words(sentence.text) or (previous is not None and _at_most_two_words(previous.text)):
        return False  # emphasis: "every. single. change."
    gap = doc.source[block.text.source_end(window + len(before)) : block.text.source_offset(sentence.start)]
    return not _LINK_OR_IMAGE.search(gap)


def _continues_previous(doc: Document, previous: Block | None) -> bool:
    """True when a paragraph goes on with a sentence that a code block, list or colon cut."""
    if previous is None or previous.kind is BlockKind.HEADING:
        return False
    if previous.kind in _NON_PROSE_BEFORE:
        return True
    prose = doc.shared(mask_non_prose, previous.text.text).replace(ATOM, " ")
    if not prose.strip():
        return True  # a paragraph holding only an image, a shortcode or a bare link
    return bool(_CONTINUES.search(previous.text.text))


def _list_verdicts(doc: Document, options: Options) -> dict[int, bool]:
    """For each list item: is its lowercase start a slip? Only a full sentence in a capitalised list."""
    verdicts: dict[int, bool] = {}
    run: list[Block] = []
    for block in [*doc.blocks, None]:
        if block is not None and block.kind is BlockKind.LIST_ITEM:
            run.append(block)
            continue
        by_level: dict[int, list[Block]] = {}
        for item in run:
            by_level.setdefault(item.level, []).append(item)
        for items in by_level.values():
            firsts = [_item_first_word(item) for item in items]
            capitals = sum(1 for w in firsts if w[:1].isupper())
            lowers = sum(1 for w in firsts if w[:1].islower())
            capitalised = capitals >= 2 and capitals >= options.list_capital_share * (capitals + lowers)
            for item, word in zip(items, firsts, strict=True):
                # "- bump x", "- apples", "- bors": fragments and names; "- the tool now...": a sentence.
                verdicts[id(item)] = capitalised and word in _SENTENCE_OPENERS
        run = []
    return verdicts


def _item_first_word(item: Block) -> str:
    if not item.sentences:
        return ""
    text = item.text.text
    at = _first_letter(text, item.sentences[0])
    if at is None:
        return ""
    m = _FIRST_WORD.match(text, at)
    return m.group() if m else ""
