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

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks._names import NameLexicon, load_lexicon
from lint.checks._tokens import mask_non_prose, reads_as_english, words_in_code
from lint.checks.base import Check, HouseStyle, option
from lint.document.model import Block, BlockKind, Document
from lint.document.span import Span
from lint.findings import Finding, Fix, Severity
from lint.patterns import lazy_re

# A word as names are written: letters with inner apostrophes, hyphens or dots ("Login.gov").
_NAME_WORD = lazy_re(r"[^\W\d_]+(?:['’.\-‑][^\W\d_]+)*")
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


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    block: Block
    start: int  # offset in the block's prose
    end: int
    sentence_start: bool
    capitalised: bool  # "Rust", not "rust" nor the acronym "NATO"

    def span(self) -> Span:
        return self.block.text.span(self.start, self.end)


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
        runs = _token_runs(doc)
        reported: set[tuple[int, int]] = set()
        for finding in self._multiword(doc.source, runs, lexicon, options):
            reported.add((finding.span.start, finding.span.end))
            yield finding
        for finding in self._words(doc.source, runs, lexicon, options):
            if not any(a <= finding.span.start < b for a, b in reported):
                reported.add((finding.span.start, finding.span.end))
                yield finding
        if options.single_words:
            for finding in self._lowercase_names(doc, runs, lexicon):
                if not any(a <= finding.span.start < b for a, b in reported):
                    yield finding

    def _lowercase_names(self, doc: Document, runs: list[list[_Token]], lexicon: NameLexicon) -> Iterator[Finding]:
        """Single words written lowercase where the dictionary or the article says they are names."""
        from lint.words import entry

        isolated: Counter[str] = Counter()  # capitalised mid-sentence, between lowercase words
        lowercase: Counter[str] = Counter()
        upper: Counter[str] = Counter()  # uses in capitals ("BBC")
        context: dict[str, set[tuple[str, str]]] = defaultdict(set)  # neighbours of capitalised uses
        for tokens in runs:
            for i, token in enumerate(tokens):
                key = token.text.lower()
                if token.text[0].isupper() and token.capitalised:
                    context[key].update(_neighbours(tokens, i))
                    if not token.sentence_start and _isolated(tokens, i):
                        isolated[key] += 1
                elif len(token.text) > 1 and token.text.isupper():
                    upper[key] += 1
                elif token.text.islower():
                    lowercase[key] += 1
        code_words = words_in_code(doc)
        for tokens in runs:
            if tokens and not reads_as_english(tokens[0].block.text.text):
                continue  # a foreign-language passage: "que", "las" are words there
            for i, token in enumerate(tokens):
                word = token.text
                if token.sentence_start or len(word) < 3 or not word.isalpha() or not word.islower():
                    continue
                found = entry(word)
                if found is not None and found.lower and isolated[word] < 2:
                    continue  # an everyday word the article never capitalises alone: no evidence below
                if word in code_words or _joined(token) or _next_to_number(token):
                    continue  # "15 jan 2021": an abbreviation in a date
                right = word[0].upper() + word[1:]
                evidence = ""
                if found is not None and found.upper and not found.lower and not found.capital:
                    if upper[word] >= 2 and lowercase[word] <= 1:  # a slip, not the article's habit
                        right = word.upper()
                        evidence = f"written “{right}” elsewhere in this article ({upper[word]} time{_s(upper[word])})"
                elif found is not None and found.capital and not found.lower and not found.upper:
                    # Known only as a name ("Vikings", "Delhi"); proper-noun-case's lists come first.
                    known = lexicon.get((word,)) is not None or _plural_known(word, lexicon)
                    # Rare names ("lang", "ala") are often jargon or foreign words; a common one, a
                    # plural name ("yankees": a team, a people) or one capitalised elsewhere is not.
                    plural = word.endswith("s") and _name_only(entry(word[:-1]))
                    strong = found.zipf >= 4.2 or plural or isolated[word] > 0
                    if not known and found.zipf >= 3.5 and lowercase[word] <= 2 and strong:
                        evidence = "a name"
                elif lowercase[word] <= 1 and isolated[word] >= 2 and (found is None or found.zipf < 5.0):
                    # A name the article writes capitalised on its own, slipped once. An ordinary
                    # word also needs a neighbour shared with a capitalised use ("nimbus tablet").
                    if found is None or _neighbours(tokens, i) & context[word]:
                        evidence = f"written “{right}” elsewhere in this article ({isolated[word]} times)"
                if not evidence:
                    continue
                span = token.span()
                yield self.finding(
                    span,
                    f"“{word}” is {evidence}: write “{right}”.",
                    fix=_fix(doc.source, span, word, right),
                )

    def _multiword(
        self, source: str, runs: list[list[_Token]], lexicon: NameLexicon, options: Options
    ) -> Iterator[Finding]:
        full: Counter[tuple[str, ...]] = Counter()
        forms: dict[tuple[str, ...], str] = {}
        for tokens in runs:
            for run in _capitalised_names(tokens, options.min_name_words):
                for name in _sub_names(run, options.min_name_words):
                    key = tuple(t.text.lower() for t in name)
                    # Inside a longer run only known names count ("States and the European
                    # Union" holds "European Union"); other parts are not names of their own.
                    if len(name) == len(run) or lexicon.get(key) is not None:
                        full[key] += 1
                        forms[key] = " ".join(t.text for t in name)
        if not full:
            return
        by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for key in sorted(full, key=len, reverse=True):  # longest first
            by_first[key[0]].append(key)
        variants: list[tuple[tuple[str, ...], list[_Token]]] = []
        partial: Counter[tuple[str, ...]] = Counter()
        for tokens in runs:
            lowered = [t.text.lower() for t in tokens]
            i = 0
            while i < len(tokens):
                hit = None
                for key in by_first.get(lowered[i], ()):
                    window = tokens[i : i + len(key)]
                    if tuple(lowered[i : i + len(key)]) == key and _partly_lowercase(window, forms[key]):
                        hit = key
                        break
                if hit is None:
                    i += 1
                    continue
                variants.append((hit, tokens[i : i + len(hit)]))
                partial[hit] += 1
                i += len(hit)
        for key, window in variants:
            known = lexicon.get(key)
            if known is not None and not options.include_known_names:
                continue
            established = full[key] >= options.min_name_uses and full[key] > partial[key]
            if known is None and not (established and _established_prefix(window)):
                continue
            right = known.canonical if known is not None else forms[key]
            span = Span(window[0].span().start, window[-1].span().end)
            written = " ".join(t.text for t in window)
            times = full[key]
            yield self.finding(
                span,
                f"\u201c{written}\u201d is written \u201c{right}\u201d elsewhere in this article "
                f"({times} time{'s' if times > 1 else ''}): use one form",
                fix=_fix(source, span, written, right),
            )

    def _words(
        self, source: str, runs: list[list[_Token]], lexicon: NameLexicon, options: Options
    ) -> Iterator[Finding]:
        # Only capitalised forms can be variants of one another (see _is_name_variation).
        groups: dict[str, list[_Token]] = defaultdict(list)
        first_form: dict[str, str] = {}
        varied: set[str] = set()
        for tokens in runs:
            for token in tokens:
                if token.capitalised and not token.sentence_start:
                    key = token.text.lower()
                    groups[key].append(token)
                    if first_form.setdefault(key, token.text) != token.text:
                        varied.add(key)
        for lower in sorted(varied):
            tokens = groups[lower]
            counts = Counter(t.text for t in tokens)
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
            for token in tokens:
                if token.text == majority:
                    continue
                span = token.span()
                yield self.finding(
                    span,
                    f"\u201c{token.text}\u201d is written \u201c{majority}\u201d elsewhere in this article "
                    f"({top} time{'s' if top > 1 else ''}): use one form",
                    fix=_fix(source, span, token.text, majority),
                )


def _neighbours(tokens: list[_Token], i: int) -> set[tuple[str, str]]:
    """The words right before and after token i in its sentence (function words do not count)."""
    out: set[tuple[str, str]] = set()
    if i > 0 and _adjacent(tokens[i - 1], tokens[i]) and tokens[i - 1].text.lower() not in _FUNCTION_WORDS:
        out.add(("before", tokens[i - 1].text.lower()))
    if i + 1 < len(tokens) and _adjacent(tokens[i], tokens[i + 1]) and not tokens[i + 1].sentence_start:
        if tokens[i + 1].text.lower() not in _FUNCTION_WORDS:
            out.add(("after", tokens[i + 1].text.lower()))
    return out


def _next_to_number(token: _Token) -> bool:
    text = token.block.text.text
    return any(c.isdigit() for c in text[max(0, token.start - 3) : token.start] + text[token.end : token.end + 3])


def _name_only(found: object) -> bool:
    return found is not None and found.capital and not found.lower  # type: ignore[attr-defined]


def _isolated(tokens: list[_Token], i: int) -> bool:
    """True when the words around token i are not capitalised: a name of one word, not part of a
    title-case run ("the Nimbus tablet", not "Open Source Initiative")."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(tokens) and _adjacent(tokens[min(i, j)], tokens[max(i, j)]):
            if tokens[j].text[0].isupper() and not tokens[j].sentence_start:
                return False
    return True


def _joined(token: _Token) -> bool:
    """True for a word glued to symbols or other words ("rust-lang", "x/y", "#tag")."""
    text = token.block.text.text
    before = text[token.start - 1 : token.start]
    after = text[token.end : token.end + 1]
    return before in ("-", "/", "#", "@", "_", ".", "'", "’") or after in ("-", "/", "_", "@")


def _plural_known(word: str, lexicon: NameLexicon) -> bool:
    return word.endswith("s") and lexicon.get((word[:-1],)) is not None


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def _fix(source: str, span: Span, written: str, right: str) -> Fix | None:
    """An unsafe fix, unless markup inside the name ("Open Data **council**") would be lost."""
    return Fix(span, right, safe=False) if source[span.start : span.end] == written else None


def _is_name_variation(forms: list[str]) -> bool:
    """True when capitalised forms differ inside the word ("GitHub" and "Github").

    A first letter alone says too little ("Rustfmt" the project and "rustfmt" the command,
    "Internet" and "internet"), all-lowercase forms are package and command names ("sqlite"),
    and runs of capitals are acronyms that may differ on purpose ("IaaS", "IAAs").
    """
    if any(not f[0].isupper() or re.search(r"[-‑.]|[A-Z]{2}", f) for f in forms):
        return False
    return len({f[1:] for f in forms}) > 1


def _token_runs(doc: Document) -> list[list[_Token]]:
    """The words of each prose block outside headings, with where each sentence starts."""
    runs: list[list[_Token]] = []
    for block in doc.prose_blocks:
        if block.kind is BlockKind.HEADING:
            continue
        text = block.text.text
        masked = doc.shared(mask_non_prose, text)
        starts = {s.start for s in block.sentences} | {0}
        tokens: list[_Token] = []
        for m in _NAME_WORD.finditer(masked):
            at = m.start()
            while at > 0 and text[at - 1] in _OPENERS:
                at -= 1
            word = m.group()
            capitalised = word[0].isupper() and not (len(word) > 1 and word.isupper())
            tokens.append(_Token(word, block, m.start(), m.end(), at in starts, capitalised))
        runs.append(tokens)
    return runs


def _capitalised_names(tokens: list[_Token], min_words: int) -> Iterator[list[_Token]]:
    """Runs of capitalised words (with connectors inside) that are not sentence starts."""
    run: list[_Token] = []
    for token in [*tokens, None]:
        joined = token is not None and (not run or _adjacent(run[-1], token))
        if token is not None and joined and token.capitalised and not token.sentence_start:
            run.append(token)
            continue
        if token is not None and joined and run and token.text in _CONNECTORS:
            run.append(token)
            continue
        while run and run[-1].text in _CONNECTORS:
            run.pop()
        while run and run[0].text.lower() in _FUNCTION_WORDS:
            run.pop(0)
        if sum(1 for t in run if t.text not in _CONNECTORS) >= min_words:
            yield run
        run = []
        if token is not None and token.capitalised and not token.sentence_start:
            run = [token]


def _sub_names(run: list[_Token], min_words: int, longest: int = 8) -> Iterator[list[_Token]]:
    """The run and the names inside it: "States and the European Union" holds "European Union"."""
    for i in range(len(run)):
        if run[i].text in _CONNECTORS:
            continue
        for j in range(i + 1, min(len(run), i + longest) + 1):
            part = run[i:j]
            if part[-1].text not in _CONNECTORS and sum(t.text not in _CONNECTORS for t in part) >= min_words:
                yield part


def _adjacent(a: _Token, b: _Token) -> bool:
    return a.block is b.block and a.block.text.text[a.end : b.start] == " "


def _partly_lowercase(window: list[_Token], form: str) -> bool:
    """True when some name words are lowercase and another is capitalised mid-sentence."""
    canon = form.split(" ")
    pairs = zip(window, window[1:], strict=False)
    if len(canon) != len(window) or any(not _adjacent(a, b) for a, b in pairs):
        return False
    words = [(t, c) for t, c in zip(window, canon, strict=False) if c.lower() not in _CONNECTORS]
    lowered = [t for t, c in words if t.text[0].islower()]
    capital = [t for t, c in words if t.capitalised and not t.sentence_start]
    return bool(lowered) and bool(capital)


def _established_prefix(window: list[_Token]) -> bool:
    """True when the name opens with two plain capitalised words before a lowercase one.

    "Technology Transformation services" is the name gone wrong; "Rust team", "DigitalGov team"
    or "async Rust" are a name with an ordinary word beside it.
    """
    prefix: list[_Token] = []
    for token in window:
        if token.text[0].islower() and token.text.lower() not in _CONNECTORS:
            break
        if token.text.lower() not in _CONNECTORS:
            prefix.append(token)
    return len(prefix) >= 2 and all(not any(c.isupper() for c in t.text[1:]) for t in prefix)


