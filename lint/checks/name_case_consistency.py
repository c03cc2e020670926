"""name-case-consistency: the same name cased two ways in one article.

Two kinds of slips, both reported at each minority form with the form the article uses most:
- a multi-word name written in full capitals somewhere and partly lowercase elsewhere
  ("Technology Transformation Services" and "Technology Transformation services");
- a word with an inner capital written two ways ("GitHub" and "Github", "eBay" and "Ebay"), or a
  name no dictionary knows written capitalised and lowercase ("Zelenskyy" and "zelenskyy").

A single word is also reported written lowercase where it is a name:
- a word the dictionary writes only in capitals, lowercase here and in capitals elsewhere in the
  article ("bbc" and "BBC");
- a word the dictionary knows only as a name ("yankees", "delhi": capitalised in every common
  word list), unless proper-noun-case's lists already cover it;
- a word the article writes capitalised mid-sentence at least twice, lowercase here next to the
  same word as a capitalised use ("the nimbus tablet" after "the Nimbus tablet"), or a word
  no dictionary knows written capitalised elsewhere ("zelenskyy" and "Zelenskyy"). A common
  lowercase word without that evidence ("cook", "apple") is never reported.

Words at the start of a sentence, headings (their case is the headline style's business),
all-caps words and addresses or code are not counted. A name from the curated list or the
glossary points at its canonical form ("European union" -> "European Union"); proper-noun-case
flags those too, so an outlet running both may turn `include_known_names` off.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate, chain, compress, count
from operator import itemgetter
from typing import TypeVar

from lint.checks._names import JOINER, NameLexicon, ProseTokens, load_lexicon, prose_tokens
from lint.checks._tokens import reads_as_english, words_in_code
from lint.checks.base import Check, HouseStyle, option
from lint.document.model import Block, BlockKind, Document
from lint.document.span import Span
from lint.findings import Finding, Fix, Severity
from lint.patterns import lazy_re
from lint.words import Entry, entry, vocabulary

T = TypeVar("T")

# A word as names are written: runs of letters joined by single apostrophes, hyphens or dots
# ("Login.gov", "don’t"): what may stand alone between two runs of a word.
_GLUE = frozenset("'’.-‑")
# Lowercase words that may stand inside a multi-word name ("Department of the Interior").
_CONNECTORS = frozenset("of the and for on de la du von van da di to at in".split())
_OPENERS = "\"'“‘«([*_"
# Capitalised words that open a run without being part of the name ("In Rust", "The Rust Book").
_FUNCTION_WORDS = frozenset(
    "the a an in on at to of by for from with as and or but if when this that these those it its "
    "it's it’s we we're we’re our their his her my your you they there here what how why".split()
)


@dataclass(frozen=True)
class Options:
    include_known_names: bool = option(
        True,
        "Also report names from the curated list and glossary (proper-noun-case flags them as well).",
    )
    min_name_words: int = option(2, "How many words, connectors aside, a multi-word name needs.")
    min_name_uses: int = option(
        2,
        "How many times a name must be written fully capitalised, and more often than partly lowercase, to count as a "
        "name (\"Rust Community\" once and \"Rust community\" twice is no name).",
    )
    single_words: bool = option(
        True, 'Also report single words written lowercase where they are names ("bbc", "yankees", "google").'
    )


class NameCaseConsistency(Check):
    id = "name-case-consistency"
    category = "casing"
    severity = Severity.WARNING
    Options = Options
    supersedes = ("house-name-case",)  # the archive's form of a name this check reports too
    summary = "The same name cased two ways in one article (\u201cGitHub\u201d and \u201cGithub\u201d)."
    why = (
        "A name spelled two ways in one article makes readers wonder whether two things are meant, "
        "and shows the copy was not read through. The form used most often is taken as intended."
    )
    bad = "The Open Data Council met. ... The Open Data Council agreed. ... a report by the Open Data council"
    good = (
        "The Open Data Council met. ... The Open Data Council agreed. ... a report by the Open Data Council"
    )

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        lexicon = load_lexicon(tuple(house.glossary))
        prose = _prose(doc)
        if not prose.words:
            return
        reported: set[tuple[int, int]] = set()
        for finding in self._multiword(doc.source, prose, lexicon, options):
            reported.add((finding.span.start, finding.span.end))
            yield finding
        for finding in self._words(doc.source, prose, lexicon, options):
            if not any(a <= finding.span.start < b for a, b in reported):
                reported.add((finding.span.start, finding.span.end))
                yield finding
        if options.single_words:
            for finding in self._lowercase_names(doc, prose, lexicon):
                if not any(a <= finding.span.start < b for a, b in reported):
                    yield finding

    def _lowercase_names(self, doc: Document, prose: _Prose, lexicon: NameLexicon) -> Iterator[Finding]:
        """Single words written lowercase where the dictionary or the article says they are names."""
        words, sentence_starts = prose.words, prose.sentence_starts
        lowercase: Counter[str] = Counter(filter(str.islower, words))
        upper: Counter[str] = Counter(w.lower() for w in filter(str.isupper, words) if len(w) > 1)  # "BBC"
        # Capitalised mid-sentence, between lowercase words; counted only for words also written
        # lowercase, the only ones weighed below.
        isolated: Counter[str] = Counter()
        for i in prose.capitalised:
            key = words[i].lower()
            if key in lowercase and i not in sentence_starts and prose.isolated(i):
                isolated[key] += 1
        # Whether a lowercase word is reported rests on the word (the dictionary, the counts
        # above), then on the place of each use: the words are weighed first, once each, and only
        # the uses of the few that may be reported are looked at.
        candidates = {}
        # Every rule of _candidate wants a word written lowercase twice at most.
        rare = set(compress(lowercase, map((3).__gt__, lowercase.values())))
        # An everyday word the article never capitalises alone has no evidence below: those (most
        # of the article's words) are passed over by set operations in C.
        everyday = vocabulary().written_lowercase(rare)
        everyday.difference_update(word for word, n in isolated.items() if n >= 2)
        for word in compress(lowercase, map(rare.difference(everyday).__contains__, lowercase)):
            if len(word) < 3 or not word.isalpha():
                continue
            found = entry(word)
            candidate = _candidate(word, found, isolated, lowercase, upper, lexicon)
            if candidate is not None:
                candidates[word] = candidate
        if not candidates:
            return
        code_words = words_in_code(doc)
        context: dict[str, set[tuple[str, str]]] = {}  # the neighbours of a word's capitalised uses
        for block, lo, hi in prose.blocks:
            if candidates.keys().isdisjoint(words[lo:hi]) or not reads_as_english(block.text.text):
                continue  # (or a foreign-language passage: "que", "las" are words there)
            for i in range(lo, hi):
                word = words[i]
                if word not in candidates or i in sentence_starts:
                    continue
                if word in code_words or prose.joined(i) or prose.next_to_number(i):
                    continue  # "15 jan 2021": an abbreviation in a date
                right, evidence, needs_neighbour = candidates[word]
                if needs_neighbour:
                    if word not in context:
                        uses = [j for j in prose.capitalised if words[j].lower() == word]
                        context[word] = set().union(*map(prose.neighbours, uses))
                    if not prose.neighbours(i) & context[word]:
                        continue
                span = prose.span(i, i)
                yield self.finding(
                    span,
                    f"“{word}” is {evidence}: write “{right}”.",
                    fix=_fix(doc.source, span, word, right),
                )

    def _multiword(
        self, source: str, prose: _Prose, lexicon: NameLexicon, options: Options
    ) -> Iterator[Finding]:
        full: Counter[tuple[str, ...]] = Counter()
        forms: dict[tuple[str, ...], str] = {}
        words, lowered = prose.words, prose.lowered
        for lo, hi in _capitalised_names(prose, options.min_name_words):
            name_run = words[lo:hi]
            lowered_run = lowered[lo:hi]
            for a, b in _sub_names(name_run, options.min_name_words):
                key = tuple(lowered_run[a:b])
                # Inside a longer run only known names count ("States and the European
                # Union" holds "European Union"); other parts are not names of their own.
                if b - a == len(name_run) or lexicon.get(key) is not None:
                    full[key] += 1
                    forms[key] = " ".join(name_run[a:b])
        if not full:
            return
        by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for key in sorted(full, key=len, reverse=True):  # longest first
            by_first[key[0]].append(key)
        variants: list[tuple[tuple[str, ...], int]] = []  # (name, index of its first word)
        partial: Counter[tuple[str, ...]] = Counter()
        after = 0  # words before it belong to a variant found already
        for i in compress(count(), map(by_first.__contains__, lowered)):
            if i < after:
                continue
            for key in by_first[lowered[i]]:
                if tuple(lowered[i : i + len(key)]) == key and _partly_lowercase(prose, i, forms[key]):
                    variants.append((key, i))
                    partial[key] += 1
                    after = i + len(key)
                    break
        for key, i in variants:
            known = lexicon.get(key)
            if known is not None and not options.include_known_names:
                continue
            window = words[i : i + len(key)]
            established = full[key] >= options.min_name_uses and full[key] > partial[key]
            if known is None and not (established and _established_prefix(window)):
                continue
            right = known.canonical if known is not None else forms[key]
            span = prose.span(i, i + len(key) - 1)
            written = " ".join(window)
            times = full[key]
            yield self.finding(
                span,
                f"\u201c{written}\u201d is written \u201c{right}\u201d elsewhere in this article "
                f"({times} time{'s' if times > 1 else ''}): use one form",
                fix=_fix(source, span, written, right),
            )

    def _words(
        self, source: str, prose: _Prose, lexicon: NameLexicon, options: Options
    ) -> Iterator[Finding]:
        # Only capitalised forms can be variants of one another (see _is_name_variation).
        words = prose.words
        written = set(map(words.__getitem__, prose.name_words))
        if len(set(map(str.lower, written))) == len(written):
            return  # each name word written one way only (most articles)
        groups: dict[str, list[int]] = defaultdict(list)
        first_form: dict[str, str] = {}
        varied: set[str] = set()
        for i in prose.name_words:
            word = words[i]
            key = word.lower()
            groups[key].append(i)
            if first_form.setdefault(key, word) != word:
                varied.add(key)
        for lower in sorted(varied):
            uses = groups[lower]
            counts = Counter(words[i] for i in uses)
            if len(counts) < 2:
                continue
            known = lexicon.get((lower,))
            if known is not None and not options.include_known_names:
                continue
            if not _is_name_variation(list(counts)):
                continue
            ranked = counts.most_common()
            majority, top = ranked[0]
            if known is not None and known.canonical in counts:
                majority, top = known.canonical, counts[known.canonical]
            elif len(ranked) > 1 and ranked[1][1] == top:
                continue  # a tie: nothing says which form is meant
            for i in uses:
                word = words[i]
                if word == majority:
                    continue
                span = prose.span(i, i)
                yield self.finding(
                    span,
                    f"\u201c{word}\u201d is written \u201c{majority}\u201d elsewhere in this article "
                    f"({top} time{'s' if top > 1 else ''}): use one form",
                    fix=_fix(source, span, word, majority),
                )


def _candidate(
    word: str,
    found: Entry | None,
    isolated: Counter[str],
    lowercase: Counter[str],
    upper: Counter[str],
    lexicon: NameLexicon,
) -> tuple[str, str, bool] | None:
    """(the right form, the evidence, whether a use must share a neighbour with a capitalised
    use) when a lowercase word may be reported, else None."""
    right = word[0].upper() + word[1:]
    if found is not None and found.upper and not found.lower and not found.capital:
        if upper[word] >= 2 and lowercase[word] <= 1:  # a slip, not the article's habit
            right = word.upper()
            return right, f"written “{right}” elsewhere in this article ({upper[word]} time{_s(upper[word])})", False
    elif found is not None and found.capital and not found.lower and not found.upper:
        # Known only as a name ("Vikings", "Delhi"); proper-noun-case's lists come first.
        known = lexicon.get((word,)) is not None or _plural_known(word, lexicon)
        # Rare names ("lang", "ala") are often jargon or foreign words; a common one, a
        # plural name ("yankees": a team, a people) or one capitalised elsewhere is not.
        plural = word.endswith("s") and _name_only(entry(word[:-1]))
        strong = found.zipf >= 4.2 or plural or isolated[word] > 0
        if not known and found.zipf >= 3.5 and lowercase[word] <= 2 and strong:
            return right, "a name", False
    elif lowercase[word] <= 1 and isolated[word] >= 2 and (found is None or found.zipf < 5.0):
        # A name the article writes capitalised on its own, slipped once. An ordinary
        # word also needs a neighbour shared with a capitalised use ("nimbus tablet").
        return right, f"written “{right}” elsewhere in this article ({isolated[word]} times)", found is not None
    return None


class _Prose:
    """The words of an article's prose blocks outside headings, as lists read by index (one object
    per article, not one per block or word: the check reads every word), with where sentences start.

    A word is a run of letters with inner apostrophes, hyphens or dots, found in the masked prose:
    the runs of letters (tokens) of all prose blocks, read as one text (`ProseTokens`, shared with
    proper-noun-case), each glued to the next where one such mark alone stands between them. No
    word spans two blocks, and no two words either side of a block's end are one space apart.
    """

    def __init__(self, blocks: list[Block], tokens: ProseTokens) -> None:
        self.text = JOINER.join(block.text.text for block in blocks)
        words, lowered, starts, ends = _glued(tokens)
        # The blocks outside headings, with where each starts in the whole text and its words.
        kept = [(b, at) for b, at in zip(blocks, tokens.text_starts, strict=True) if b.kind is not BlockKind.HEADING]
        ranges = [(bisect_left(starts, at), bisect_left(starts, at + len(b.text.text))) for b, at in kept]
        if len(kept) < len(blocks):  # the headings' words left out

            def kept_only(items: list[T]) -> list[T]:
                return list(chain.from_iterable(items[lo:hi] for lo, hi in ranges))

            words, lowered, starts, ends = kept_only(words), kept_only(lowered), kept_only(starts), kept_only(ends)
        self.words: list[str] = words
        self.lowered: list[str] = lowered  # (shared with other checks: not to be changed)
        self.starts: list[int] = starts  # where each word starts in the text
        self.ends: list[int] = ends
        self._offsets = [at for _, at in kept]
        self.blocks: list[tuple[Block, int, int]] = []  # each block with its words (lo to hi)
        lo = 0
        for (block, _), (first, end) in zip(kept, ranges, strict=True):
            self.blocks.append((block, lo, lo + end - first))
            lo += end - first
        # "Rust", not "rust" nor the acronym "NATO": of the words opening with a capital (found
        # without a loop in Python), those not all in capitals.
        upper_first = compress(count(), map(str.isupper, map(itemgetter(0), self.words)))
        self.capitalised = [i for i in upper_first if len(self.words[i]) == 1 or not self.words[i].isupper()]
        # A word starts a sentence when only quotes, brackets or emphasis marks stand between it
        # and the sentence's start; none of those is a letter, so one word at most per sentence.
        opening: set[int] = set()
        for block, offset in kept:
            block_text = block.text.text
            for start in {s.start for s in block.sentences} | {0}:
                if start > 0 and block_text[start - 1] in _OPENERS:
                    continue  # within a run of openers: the run's start is where this sentence's word looks back to
                while start < len(block_text) and block_text[start] in _OPENERS:
                    start += 1
                i = bisect_left(self.starts, offset + start)
                if i < len(self.starts) and self.starts[i] == offset + start:
                    opening.add(i)
        self.sentence_starts = opening
        # Capitalised words that do not start a sentence: what names are made of.
        self.name_words = [i for i in self.capitalised if i not in opening]

    def is_name_word(self, i: int) -> bool:
        """True for a capitalised word that does not start a sentence (one of `name_words`)."""
        word = self.words[i]
        return word[0].isupper() and not (len(word) > 1 and word.isupper()) and i not in self.sentence_starts

    def _block_at(self, i: int) -> int:
        """The index of the block holding word i."""
        return bisect_right(self._offsets, self.starts[i]) - 1

    def span(self, first: int, last: int) -> Span:
        """The source span of words first to last (of one block)."""
        k = self._block_at(first)
        offset = self._offsets[k]
        return self.blocks[k][0].text.span(self.starts[first] - offset, self.ends[last] - offset)

    def adjacent(self, i: int) -> bool:
        """True when word i and the next are one space apart."""
        return self.text[self.ends[i] : self.starts[i + 1]] == " "

    def neighbours(self, i: int) -> set[tuple[str, str]]:
        """The words right before and after word i in its sentence (function words do not count)."""
        words = self.words
        out: set[tuple[str, str]] = set()
        if i > 0 and self.adjacent(i - 1) and words[i - 1].lower() not in _FUNCTION_WORDS:
            out.add(("before", words[i - 1].lower()))
        if i + 1 < len(words) and self.adjacent(i) and i + 1 not in self.sentence_starts:
            if words[i + 1].lower() not in _FUNCTION_WORDS:
                out.add(("after", words[i + 1].lower()))
        return out

    def isolated(self, i: int) -> bool:
        """True when the words around word i are not capitalised: a name of one word, not part of
        a title-case run ("the Nimbus tablet", not "Open Source Initiative")."""
        for j in (i - 1, i + 1):
            if 0 <= j < len(self.words) and self.adjacent(min(i, j)):
                if self.words[j][0].isupper() and j not in self.sentence_starts:
                    return False
        return True

    def joined(self, i: int) -> bool:
        """True for a word glued to symbols or other words ("rust-lang", "x/y", "#tag")."""
        start, end = self.starts[i], self.ends[i]
        before = self.text[start - 1 : start]  # a line break between blocks: no symbol
        after = self.text[end : end + 1]
        return before in ("-", "/", "#", "@", "_", ".", "'", "’") or after in ("-", "/", "_", "@")

    def next_to_number(self, i: int) -> bool:
        # Three characters either side reach no digit of another block: JOINER, three characters
        # and none a digit, stands between blocks.
        start, end = self.starts[i], self.ends[i]
        return any(c.isdigit() for c in self.text[max(0, start - 3) : start] + self.text[end : end + 3])


def _name_only(found: object) -> bool:
    return found is not None and found.capital and not found.lower  # type: ignore[attr-defined]


def _plural_known(word: str, lexicon: NameLexicon) -> bool:
    return word.endswith("s") and lexicon.get((word[:-1],)) is not None


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def _fix(source: str, span: Span, written: str, right: str) -> Fix | None:
    """An unsafe fix, unless markup inside the name ("Open Data **council**") would be lost."""
    return Fix(span, right, safe=False) if source[span.start : span.end] == written else None


_HYPHEN_DOT_OR_CAPITALS = lazy_re(r"[-‑.]|[A-Z]{2}")  # a hyphen, a dot, or two capitals in a row


def _is_name_variation(forms: list[str]) -> bool:
    """True when capitalised forms differ inside the word ("GitHub" and "Github").

    A first letter alone says too little ("Rustfmt" the project and "rustfmt" the command,
    "Internet" and "internet"), all-lowercase forms are package and command names ("sqlite"),
    and runs of capitals are acronyms that may differ on purpose ("IaaS", "IAAs").
    """
    if any(not f[0].isupper() or _HYPHEN_DOT_OR_CAPITALS.search(f) for f in forms):
        return False
    return len({f[1:] for f in forms}) > 1


def _prose(doc: Document) -> _Prose:
    """The words of the prose blocks outside headings, with where each sentence starts."""
    return _Prose(doc.prose_blocks, prose_tokens(doc))


def _glued(tokens: ProseTokens) -> tuple[list[str], list[str], list[int], list[int]]:
    """The words of `tokens`, in lowercase too, with where each starts and ends: the tokens, each
    glued to the next where only an apostrophe, a dot or a hyphen stands between them ("don’t",
    "Login.gov")."""
    words, lowered, (starts, ends) = tokens.words, tokens.lowered, tokens.bounds
    between = tokens.parts[2:-1:2]  # between[m]: the text between tokens m and m + 1
    glue = list(compress(count(), map(_GLUE.__contains__, between)))
    if not glue:
        return words, lowered, starts, ends
    out_words: list[str] = []
    out_lowered: list[str] = []
    out_starts: list[int] = []
    out_ends: list[int] = []
    text = tokens.text
    done = 0  # tokens before it are in the output
    i = 0
    while i < len(glue):
        first = last = glue[i]  # tokens first to last + 1 make one word
        i += 1
        while i < len(glue) and glue[i] == last + 1:
            last += 1
            i += 1
        out_words += words[done:first]
        out_lowered += lowered[done:first]
        out_starts += starts[done:first]
        out_ends += ends[done:first]
        out_words.append(text[starts[first] : ends[last + 1]])
        out_lowered.append(out_words[-1].lower())
        out_starts.append(starts[first])
        out_ends.append(ends[last + 1])
        done = last + 2
    return out_words + words[done:], out_lowered + lowered[done:], out_starts + starts[done:], out_ends + ends[done:]


def _capitalised_names(prose: _Prose, min_words: int) -> Iterator[tuple[int, int]]:
    """Runs of capitalised words (with connectors inside) that are not sentence starts, as
    (first, end) word indexes: from each such word on, while the next is one space on and is
    another or a connector."""
    words = prose.words
    end = 0
    for first in prose.name_words:
        if first < end:
            continue  # inside the run before
        end = first + 1
        while end < len(words) and prose.adjacent(end - 1) and (prose.is_name_word(end) or words[end] in _CONNECTORS):
            end += 1
        lo, hi = first, end
        while hi > lo and words[hi - 1] in _CONNECTORS:
            hi -= 1
        while lo < hi and words[lo].lower() in _FUNCTION_WORDS:
            lo += 1
        if sum(1 for w in words[lo:hi] if w not in _CONNECTORS) >= min_words:
            yield lo, hi


def _sub_names(run: list[str], min_words: int, longest: int = 8) -> Iterator[tuple[int, int]]:
    """The run and the names inside it: "States and the European Union" holds "European Union"
    (as slices of the run's words)."""
    plain = [w not in _CONNECTORS for w in run]
    plain_before = [0, *accumulate(plain)]  # how many of the words before each index are no connector
    for i in range(len(run)):
        if not plain[i]:
            continue
        for j in range(i + 1, min(len(run), i + longest) + 1):
            if plain[j - 1] and plain_before[j] - plain_before[i] >= min_words:
                yield i, j


def _partly_lowercase(prose: _Prose, first: int, form: str) -> bool:
    """True when, in the words from `first` on written as `form`, some name words are lowercase and
    another is capitalised mid-sentence."""
    canon = form.split(" ")
    last = first + len(canon) - 1
    if last >= len(prose.words) or any(not prose.adjacent(i) for i in range(first, last)):
        return False
    words = [i for i, c in zip(range(first, last + 1), canon, strict=True) if c.lower() not in _CONNECTORS]
    return any(prose.words[i][0].islower() for i in words) and any(prose.is_name_word(i) for i in words)


def _established_prefix(window: list[str]) -> bool:
    """True when the name opens with two plain capitalised words before a lowercase one.

    "Technology Transformation services" is the name gone wrong; "Rust team", "DigitalGov team"
    or "async Rust" are a name with an ordinary word beside it.
    """
    prefix: list[str] = []
    for word in window:
        if word[0].islower() and word.lower() not in _CONNECTORS:
            break
        if word.lower() not in _CONNECTORS:
            prefix.append(word)
    return len(prefix) >= 2 and all(not any(c.isupper() for c in w[1:]) for w in prefix)
