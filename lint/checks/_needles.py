"""Needles: strings one of which every match of a regular expression contains, read from the
pattern itself, so a check skips a search in text that holds none of them.

Most lines of an article match none of a check's patterns, and a case-insensitive alternation
with no literal prefix tries every position of every line. One pass of an Aho-Corasick automaton
(pyahocorasick, in C) over the line finds the needles of all the patterns at once; only the
patterns whose needles are there are searched. The needles are an exact consequence of each
pattern (a literal run it must match, or one literal run of each branch of an alternation it
must match), so skipping a pattern without its needles never loses a match.

Reading a pattern costs what compiling it costs, which a one-article run would pay on every
start: the needles are kept between runs in a store beside the compiled patterns
(`lint/startup.MarshalStore`), keyed by the pattern and by `_METHOD` (raise it when `_required`
changes what it finds).
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache, cached_property
from itertools import accumulate
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

if TYPE_CHECKING:
    from lint.startup import MarshalStore

_METHOD = 4

# Under IGNORECASE the regex engine matches an ASCII letter with these characters too, which
# `str.lower` does not map to it ("İ" lowercases to two characters). Everything else an ASCII
# literal matches lowercases to it.
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


# The characters `\s` matches in a text pattern (tests/test_needles.py holds them equal): a
# pattern's "\s" as needles.
WHITE_SPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)


def fold(text: str) -> str:
    """`text` as the needles of case-insensitive patterns are searched in."""
    if not text.isascii() and ("İ" in text or "ı" in text or "ſ" in text):
        text = text.translate(_FOLD)  # (slow on non-ASCII text: only when it is needed)
    return text.lower()


class Source(NamedTuple):
    """A pattern's text and flags, for an index of patterns that are not compiled on their own."""

    pattern: str
    flags: int


class _Pattern(Protocol):
    @property
    def pattern(self) -> str: ...

    @property
    def flags(self) -> int: ...


def needles(pattern: str, flags: int = 0, folded: bool = False) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` contains, or None when it has no literal it
    must match. With `folded` they are folded, to be searched in `fold(text)`; without, a
    pattern that ignores case has none."""
    key = ("needles", _METHOD, pattern, int(flags), folded)  # (a RegexFlag cannot be marshalled)
    store = _store()
    if key in store.entries():
        stored = store.entries()[key]
        return None if stored is None else frozenset(stored)
    parsed = _parser.parse(pattern, flags)
    found = _required(parsed, bool(parsed.state.flags & re.IGNORECASE), folded)
    result = None if found is None else frozenset(fold(n) if folded else n for n in found)
    if store.has_room():
        store.add(key, None if result is None else tuple(sorted(result)))
    return result


@cache
def _store() -> MarshalStore:
    from lint.startup import MarshalStore, store_path

    return MarshalStore(store_path("needles"))


def _required(parsed: Any, ignore_case: bool, folded: bool) -> set[str] | None:
    """The most selective set of strings one of which a match of this sequence must contain."""
    options: list[set[str]] = []
    run: list[str] = []
    def usable(char: int) -> bool:
        # A literal that ignores case is a needle only in folded text, and only if ASCII (see _FOLD).
        return not ignore_case or (folded and char < 128)

    for op, av in parsed:
        if op is sre.LITERAL and usable(av):
            run.append(chr(av))
            continue
        if run:  # anything else ends a literal run (a run may not span it)
            options.append({"".join(run)})
            run = []
        found: set[str] | None = None
        if op is sre.SUBPATTERN:
            _group, add_flags, del_flags, body = av
            inner = (ignore_case or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
            found = _required(body, inner, folded)
        elif op is sre.ATOMIC_GROUP:
            found = _required(av, ignore_case, folded)
        elif op is sre.BRANCH:
            branches = [_required(b, ignore_case, folded) for b in av[1]]
            if all(b is not None for b in branches):
                found = set().union(*branches)  # type: ignore[arg-type]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            found = _required(av[2], ignore_case, folded)
        elif op is sre.IN and len(av) <= 8 and all(o is sre.LITERAL and usable(c) for o, c in av):
            found = {chr(c) for _, c in av}  # a class of a few characters: "[\[(]"
        if found:
            options.append(found)
    if run:
        options.append({"".join(run)})
    return max(options, key=lambda o: min(_weight(n) for n in o)) if options else None


def _weight(needle: str) -> int:
    """How rare a needle is, roughly, to choose the set that rejects the most text: prose is
    mostly lowercase letters and spaces, so a capital counts two, punctuation three and a space
    nothing (" this ")."""
    return sum(1 if c.islower() or c.isdigit() else 2 if c.isalpha() else 0 if c == " " else 3 for c in needle)


class NeedleIndex:
    """The needles of several patterns: `mask(text)` sets bit i when pattern i can match in
    `text` (always for a pattern without needles). A pattern's needles are searched as they are
    when it matches case, else in the folded text: two automata, one pass each."""

    def __init__(self, patterns: Sequence[_Pattern]) -> None:
        self.patterns = tuple(patterns)
        self.always = 0
        exact: dict[str, int] = {}
        folded: dict[str, int] = {}
        for i, pattern in enumerate(self.patterns):
            found, table = needles(pattern.pattern, pattern.flags), exact
            if found is None:
                found, table = needles(pattern.pattern, pattern.flags, folded=True), folded
            if found is None:
                self.always |= 1 << i
                continue
            for needle in found:
                table[needle] = table.get(needle, 0) | 1 << i
        self._exact = _automaton(exact)
        self._folded = _automaton(folded)
        self._matchable: dict[int, frozenset[Any]] = {}

    def mask(self, text: str) -> int:
        bits = self.always
        if self._exact is not None:
            bits |= self._exact.mask(text)
        if self._folded is not None:
            bits |= self._folded.mask(fold(text))
        return bits

    def masks(self, texts: Texts | Sequence[str]) -> list[int]:
        """`[self.mask(text) for text in texts]` in one pass over the texts joined (the paragraphs
        or lines of an article: a call per text costs more than the search)."""
        return _masks(texts, self.always, (self._exact, False), (self._folded, True))

    def matchable(self, text: str) -> frozenset[Any]:
        """The patterns that can match in `text`."""
        return self.patterns_in(self.mask(text))

    def patterns_in(self, bits: int) -> frozenset[Any]:
        """The patterns whose bits are set."""
        found = self._matchable.get(bits)
        if found is None:  # a few masks recur: each set is made once
            found = self._matchable[bits] = frozenset(p for i, p in enumerate(self.patterns) if bits >> i & 1)
        return found


class Substrings:
    """Which of several groups of strings occur in a text, in one pass: `mask(text)` sets bit i
    when a string of group i is in the text, as written (hand-picked needles; case counts)."""

    def __init__(self, groups: Sequence[Sequence[str]]) -> None:
        bits: dict[str, int] = {}
        for i, group in enumerate(groups):
            for needle in group:
                bits[needle] = bits.get(needle, 0) | 1 << i
        self._automaton = _automaton(bits)

    def mask(self, text: str) -> int:
        return 0 if self._automaton is None else self._automaton.mask(text)

    def masks(self, texts: Texts | Sequence[str], folded: bool = False) -> list[int]:
        """`[self.mask(text) for text in texts]` (of `fold(text)` with `folded`, for needles in
        lowercase that patterns ignoring case must contain) in one pass over the texts joined."""
        return _masks(texts, 0, (self._automaton, folded))


def _masks(texts: Texts | Sequence[str], always: int, *searches: tuple[_Automaton | None, bool]) -> list[int]:
    """For each text, `always` and the bits of each automaton's needles found in it (searched
    in the folded texts where its flag says so)."""
    texts = texts if isinstance(texts, Texts) else Texts(texts)
    masks = [always] * len(texts.items)
    if texts.items:
        for automaton, folded in searches:
            if automaton is not None:
                automaton.spread(texts, folded, masks)
    return masks


class Texts:
    """Texts (the paragraphs or the lines of an article) joined by line breaks, for one needle
    pass over all of them; the joined forms and the offsets are worked out once, when needed,
    so several checks share them (see _leftover_lines.paragraph_texts). The texts of a `family`
    (the paragraphs of each article) are searched for the needles of every automaton that asks
    about that family in one pass (see _Pool)."""

    def __init__(self, items: Sequence[str], family: str | None = None) -> None:
        self.items = items
        self.family = family
        self.pooled: dict[bool, tuple[int, list[int]]] = {}  # by folded: the pass's width, its masks

    @cached_property
    def joined(self) -> str:
        return "\n".join(self.items)

    @cached_property
    def folded(self) -> str:
        return fold(self.joined)  # as long as the text (see _FOLD)

    @cached_property
    def bounds(self) -> list[int]:
        """Where each text ends in the joined text, with its line break."""
        return list(accumulate([len(text) + 1 for text in self.items]))


class _Automaton:
    """The needles of some patterns (each with the bits of its patterns), found in one text or in
    many texts joined."""

    def __init__(self, needles: dict[str, int]) -> None:
        import ahocorasick

        self.needles = list(needles.items())
        self.width = max(needles.values()).bit_length()
        self._automaton = ahocorasick.Automaton()
        for needle, bits in self.needles:
            self._automaton.add_word(needle, bits)
        self._automaton.make_automaton()

    def mask(self, text: str) -> int:
        bits = 0
        for _, found in self._automaton.iter(text):
            bits |= found
        return bits

    def spread(self, texts: Texts, folded: bool, masks: list[int]) -> None:
        """Add the bits of each needle found in `texts` (folded or not) to the mask of the text it
        ends in (see _spread)."""
        if texts.family is not None and _pooled(self, texts, folded, masks):
            return
        joined = texts.folded if folded else texts.joined
        if len(self.needles) > _FEW:
            _spread(self._automaton, joined, texts, masks)
            return
        # A few needles are found sooner one by one (str.find skips along the text far faster
        # than the automaton steps through it), each once per text it ends in.
        bounds: list[int] = []
        for needle, bits in self.needles:
            at = joined.find(needle)
            if at == -1:
                continue
            if not bounds:
                bounds = _bounds(texts, joined)
            back = len(needle) - 1
            while at != -1:
                k = bisect_right(bounds, at + back)
                masks[k] |= bits
                if k + 1 == len(bounds):
                    break
                # The next place it ends in a later text (it may start in this one).
                at = joined.find(needle, max(at + 1, bounds[k] - back))


class _Pool:
    """The needles of every automaton asked about one family of texts (folded or not), side by
    side in one automaton: each member's bits shifted to a place of their own. Several checks
    read an article's paragraphs, each with a few patterns: one pass over them finds every
    check's needles for less than two passes cost. Members join at their first question and
    stay for the process (the automata are built once per process too). The state is replaced
    whole, never changed in place: a check stopped by its time limit (a signal, between any two
    steps) leaves it as it was."""

    def __init__(self) -> None:
        self.state = _PoolState({}, 0, {}, None)
        # Joining reads the state and writes a new one: two threads linting in one process (an
        # API user's) must not both give their member the same place.
        self._joining = threading.Lock()

    def place(self, member: _Automaton) -> int:
        """Where the member's bits start (it joins the pool at its first question)."""
        place = self.state.places.get(member)
        if place is not None:
            return place
        with self._joining:
            state = self.state
            place = state.places.get(member)
            if place is None:
                place = state.width
                needles = dict(state.needles)
                for needle, bits in member.needles:
                    needles[needle] = needles.get(needle, 0) | bits << place
                self.state = _PoolState({**state.places, member: place}, place + member.width, needles, None)
            return place

    def masks(self, texts: Texts, folded: bool) -> tuple[int, list[int]]:
        """For each text, the bits of every member so far whose needles it holds, and how many
        bits that is."""
        state = self.state
        if state.combined is None:
            built = state._replace(combined=_Automaton(state.needles))
            with self._joining:
                if self.state is state:  # not if a member joined meanwhile: its place would be lost
                    self.state = built
            state = built
        assert state.combined is not None
        masks = [0] * len(texts.items)
        _spread(state.combined._automaton, texts.folded if folded else texts.joined, texts, masks)
        return state.width, masks


class _PoolState(NamedTuple):
    places: dict[_Automaton, int]  # member -> where its bits start
    width: int
    needles: dict[str, int]
    combined: _Automaton | None  # built at the first pass after a member joins


@cache
def _pool(family: str, folded: bool) -> _Pool:
    return _Pool()


def _pooled(member: _Automaton, texts: Texts, folded: bool, masks: list[int]) -> bool:
    """Add the member's bits from the pass over the texts' family, if there is one that covers
    it: the first member asking about a family's texts makes the pass, for every member so far.
    A member that joined after the pass (the first article a process reads) searches alone."""
    assert texts.family is not None
    pool = _pool(texts.family, folded)
    place = pool.place(member)
    done = texts.pooled.get(folded)
    if done is None:
        done = texts.pooled[folded] = pool.masks(texts, folded)
    if place + member.width > done[0]:
        return False
    width = (1 << member.width) - 1
    for k, bits in enumerate(done[1]):
        if bits:
            masks[k] |= bits >> place & width
    return True


# Up to so many needles, searching for each in turn beats one automaton pass (on this machine:
# 3 needles take 0.4 of the pass's time, 18 about 0.8, 24 as long).
_FEW = 18


def _bounds(texts: Texts, joined: str) -> list[int]:
    bounds = texts.bounds
    if bounds[-1] - 1 != len(joined):
        raise ValueError("offsets of the joined texts moved")
    return bounds


def _spread(automaton: Any, joined: str, texts: Texts, masks: list[int]) -> None:
    """Add the bits of each needle found in `joined` (the texts joined by line breaks, or that
    folded, which keeps offsets) to the mask of the text it ends in. A needle holds no line
    break, or only adds bits the regex then rejects, so no needle of a text is missed or moved."""
    bounds: list[int] = []  # (worked out at the first needle found: most articles have none)
    for end, bits in automaton.iter(joined):
        if not bounds:
            bounds = _bounds(texts, joined)
        masks[bisect_right(bounds, end)] |= bits


def _automaton(needles: dict[str, int]) -> _Automaton | None:
    """The needles (each with the bits of its patterns) to search for, or None."""
    return _Automaton(needles) if needles else None


@cache
def needle_index(patterns: tuple[re.Pattern[str], ...]) -> NeedleIndex:
    """The index of these patterns, built once per process (for patterns built from options)."""
    return NeedleIndex(patterns)
