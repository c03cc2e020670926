"""Shared by the duplicate checks: text normal forms and near-duplicate search by MinHash.

Near-duplicates are found without comparing every pair of paragraphs: each paragraph's set of
word shingles gets a MinHash signature, the signature is cut into bands, and paragraphs that
share a band land in the same bucket. Only paragraphs that meet in a bucket are compared, so
the work grows with the article's length, not with its square. Hashes are CRC-32 based, not
Python's `hash`, so results are the same in every process.
"""

from __future__ import annotations

import heapq
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lint.document.mapped import ATOM, MappedText
from lint.patterns import lazy_re

_START_TAG = lazy_re(r"^<([A-Za-z][\w-]*)[^>]*>$")
_WORD = lazy_re(r"[^\W_]+(?:['’][^\W_]+)*")
_DASH = lazy_re(r"[\u2010-\u2015\u2212-]")
_BANDS, _ROWS = 16, 3  # 48 bins; pairs at Jaccard 0.5 share a band about 88% of the time
# Candidates compared per text at most: a text meeting hundreds of others in its buckets that are
# all too different from it is a crafted input, and comparing them all would be quadratic.
_MAX_COMPARED = 100


def normalize(text: str) -> str:
    """Case, quotes, dashes, markup atoms, spacing and end punctuation do not make text different."""
    if text.isascii():  # (no atom, curly quote or dash but "-" to replace: the steps that remain)
        return " ".join(text.split()).lower().rstrip(" .:;!?,")
    text = text.replace(ATOM, " ").replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = _DASH.sub("-", text)
    # White-space runs made single spaces, ends trimmed: what `re.sub(r"\s+", " ", text).strip()`
    # gives, as str.split and the pattern's \s know the same white space.
    text = " ".join(text.split()).casefold()
    return text.rstrip(" .:;!?,")


def expanded_prose(source: str, text: MappedText) -> str:
    """The prose with each atom (code span, image, template tag) replaced by its source text, so
    that "stable in `std::ffi`" and "stable in `core::ffi`" differ while link markup does not count."""
    if ATOM not in text.text:
        return text.text
    prose = text.text
    parts = []
    last = 0
    index = prose.find(ATOM)
    while index != -1:
        span = text.span(index, index + 1)
        raw = source[span.start : span.end]
        opening = _START_TAG.match(raw)
        if opening:  # an HTML atom maps to its start tag: take the element up to its end tag
            close = source.find(f"</{opening.group(1)}>", span.end, span.end + 500)
            raw = source[span.start : close] if close != -1 else raw
        parts.append(prose[last:index])
        parts.append(" " + raw + " ")
        last = index + 1
        index = prose.find(ATOM, last)
    parts.append(prose[last:])
    return "".join(parts)


def word_count(text: str) -> int:
    """Words in a text, counted without building `Word` objects (checks only need the number)."""
    return len(_WORD.findall(text))


# ASCII bytes that are neither letters, digits nor the apostrophe, made spaces (see `words`).
_NOT_WORD_BYTES = bytes(b if chr(b).isalnum() or b == ord("'") else ord(" ") for b in range(128)) + bytes(128)
# Characters common in prose that are never part of a word: made spaces, most texts are ASCII.
_NOT_WORD_CHARS = (ATOM, "“", "”", "‘", "—", "–", "…", "\u00a0")


def spaced_punctuation(text: str) -> str:
    """`text` with the non-ASCII characters common in prose that are never part of a word made
    spaces: most texts are ASCII then, and can be cut into words by byte translation."""
    for char in _NOT_WORD_CHARS:
        if char in text:
            text = text.replace(char, " ")
    return text
# An apostrophe that does not join two words: not after a word character, or not before one.
_LONE_APOSTROPHE = lazy_re(r"'(?:(?![a-z0-9])|(?<![a-z0-9]'))")


def words(text: str) -> list[str]:
    """The text's words, case-folded, with curly apostrophes made straight."""
    # `_WORD` treats both apostrophes alike, so straightening them first finds the same words.
    text = text.replace("’", "'")
    # The pattern is slow on every character (Unicode classes): an ASCII text, once the common
    # non-word characters are spaces, is cut into the same words by byte translation: letters,
    # digits and joining apostrophes kept, the rest spaces, then split.
    plain = spaced_punctuation(text)
    if plain.isascii():
        plain = plain.lower().encode().translate(_NOT_WORD_BYTES).decode()
        return (_LONE_APOSTROPHE.sub(" ", plain) if "'" in plain else plain).split()
    text = text.replace(ATOM, " ")
    folded = text.casefold()
    # When every character folds to one character (and none changes from a non-word character
    # into a word one, which only U+0345 does), folding first finds the same words at once.
    if len(folded) == len(text) and "\u0345" not in text:
        return _WORD.findall(folded)
    return [w.casefold() for w in _WORD.findall(text)]


def shingles(tokens: Sequence[str], size: int = 3) -> frozenset[int]:
    """The CRC-32 of the UTF-8 of each run of `size` words joined by spaces."""
    if len(tokens) < size:
        return frozenset({zlib.crc32(" ".join(tokens).encode())}) if tokens else frozenset()
    if size == 1:
        return frozenset(map(zlib.crc32, map(str.encode, tokens)))
    # Run k is the k-th item of each of the lists shifted by 0..size-1 (the shorter ones end it).
    # (map and zip keep the loop in C: most of the duplicate checks' time went on it.)
    runs = zip(*[tokens[k:] for k in range(size)], strict=False)
    return frozenset(map(zlib.crc32, map(str.encode, map(" ".join, runs))))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def signature(items: frozenset[int]) -> tuple[int, ...]:
    """One-permutation MinHash: each shingle hash falls in one of the bins, each bin keeps its
    smallest value, and an empty bin borrows from the next full one (densification), so the
    signature costs one pass over the shingles instead of one pass per hash function."""
    size = _BANDS * _ROWS
    bins: list[int | None] = [None] * size
    for x in items:
        # CRC-32 spreads shingles evenly already: its low part picks the bin, the rest is the value.
        slot, value = x % size, x // size
        current = bins[slot]
        if current is None or value < current:
            bins[slot] = value
    if None not in bins:
        return tuple(bins)  # type: ignore[arg-type]
    if not items:
        return ()
    out = [0] * size
    # Walking back over the bins twice round, `full` is the nearest full bin at or after i.
    full = borrowed = 0
    for i in range(2 * size - 1, -1, -1):
        value = bins[i % size]
        if value is not None:
            full, borrowed = i, value
        if i < size:
            out[i] = borrowed + ((full - i) << 64)  # a borrowed value differs from an own one
    return tuple(out)


@dataclass(frozen=True)
class Pair:
    first: int  # index of the earlier text
    second: int
    similarity: float


def near_duplicates(texts: Sequence[frozenset[int]], threshold: float) -> list[Pair]:
    """For each text, the earliest earlier text it is at least `threshold` similar to.

    Candidates are visited in order, earliest first, so the search stops at the first good one.
    An exact copy gets its first occurrence's answer without a search and joins no bucket (the
    first occurrence stands for it), so a text repeated thousands of times costs no more than
    different texts.
    """
    if not _may_pair(texts, threshold):
        return []
    buckets: dict[tuple[int, tuple[int, ...]], list[int]] = defaultdict(list)
    best: dict[int, Pair] = {}
    first_copy: dict[frozenset[int], int] = {}
    for index, items in enumerate(texts):
        if not items:
            continue
        original = first_copy.setdefault(items, index)
        if original != index and threshold <= 1.0:
            earlier = best.get(original)
            best[index] = Pair(earlier.first, index, earlier.similarity) if earlier else Pair(original, index, 1.0)
            continue
        sig = signature(items)
        keys = [(band, sig[band * _ROWS : (band + 1) * _ROWS]) for band in range(_BANDS)]
        compared: set[int] = set()
        for other in heapq.merge(*(buckets[key] for key in keys)):
            if other in compared:
                continue
            if len(compared) == _MAX_COMPARED:
                break
            compared.add(other)
            score = jaccard(items, texts[other])
            if score >= threshold:
                best[index] = Pair(other, index, score)
                break
        for key in keys:
            buckets[key].append(index)
    return [best[i] for i in sorted(best)]


def _may_pair(texts: Sequence[frozenset[int]], threshold: float) -> bool:
    """False only when no two texts are `threshold` similar, so no signature need be made.

    Most articles repeat nothing, and this settles it exactly and cheaply (prefix filtering): with
    every set in one order, two sets that share at least k items share one among their first
    len - k + 1; k is at least threshold * len, taken a little low to be safe from rounding. The
    order puts the items that only one text holds first (in any order: no two sets share them),
    then the others by value, so the prefixes are mostly items no other text has. Set operations
    find the shared items without a loop in Python, and most articles have none in two texts'
    prefixes; otherwise only those are followed, and a text meeting many others this way is left
    to the full search.
    """
    if threshold <= 0:
        return True  # even texts with nothing in common are similar enough
    seen: set[int] = set()
    common: set[int] = set()  # items of two texts or more
    for items in texts:
        common.update(seen.intersection(items))
        seen.update(items)
    if not common:
        return False
    prefixes: list[list[int]] = []
    seen = set()
    shared: set[int] = set()  # items in the prefixes of two texts or more
    for items in texts:
        theirs = common.intersection(items)
        length = max(len(items) - int(threshold * len(items) * (1 - 1e-9)) + 1, 1)
        left = length - (len(items) - len(theirs))  # places the items only this text holds leave
        prefix = sorted(theirs)[:left] if left > 0 else []
        prefixes.append(prefix)
        shared.update(seen.intersection(prefix))
        seen.update(prefix)
    if not shared:
        return False
    holders: dict[int, list[int]] = {}  # shared item -> earlier texts with it in their prefix
    for index, prefix in enumerate(prefixes):
        candidates: set[int] = set()
        for x in shared.intersection(prefix):
            held = holders.setdefault(x, [])
            candidates.update(held)
            if len(candidates) > _MAX_COMPARED:
                return True
            held.append(index)
        if not candidates:
            continue
        items = texts[index]
        size = len(items)
        for other in candidates:
            other_size = len(texts[other])
            # The smaller set over the larger bounds the similarity: most candidates fail on it.
            if min(size, other_size) / max(size, other_size) >= threshold and (
                jaccard(items, texts[other]) >= threshold
            ):
                return True
    return False


def group_runs(pairs: Iterable[Pair]) -> list[list[Pair]]:
    """Consecutive pairs whose copies follow one another (i→j, i+1→j+1): a repeated section."""
    runs: list[list[Pair]] = []
    for pair in pairs:
        if runs and pair.second == runs[-1][-1].second + 1 and pair.first == runs[-1][-1].first + 1:
            runs[-1].append(pair)
        else:
            runs.append([pair])
    return runs
