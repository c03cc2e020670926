"""English vocabulary for the typography and casing checks: is this a word, how common, how cased.

The data is `lint/data/spelling/vocabulary.txt`, an extract of SCOWL word lists with wordfreq
frequencies made by `tools/make_vocabulary.py`. It is read once per process, on first use.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache

from lint.datafiles import data_lines

VOCABULARY_FILE = "spelling/vocabulary.txt"  # under lint/data/


@dataclass(frozen=True, slots=True)
class Entry:
    zipf: float  # wordfreq's Zipf frequency: 3 is about once per million words, 6 once per thousand
    lower: bool  # the dictionary writes it lowercase ("pixel", "google" the verb)
    capital: bool  # ... capitalised ("Viking", "Google")
    upper: bool  # ... in capitals ("BBC")


_MAX_REMEMBERED = 200_000


class Vocabulary:
    """The sorted lines of the data file, searched by bisection: nothing is parsed until asked."""

    def __init__(self, lines: tuple[str, ...]) -> None:
        self._lines = lines
        self._found: dict[str, Entry | None] = {}  # words already looked up: most come back often

    def __len__(self) -> int:
        return len(self._lines)

    def get(self, word: str) -> Entry | None:
        try:
            return self._found[word]
        except KeyError:
            if len(self._found) >= _MAX_REMEMBERED:
                self._found.clear()  # a bound on memory over an archive of any size
            found = self._found[word] = self._search(word)
            return found

    def _search(self, word: str) -> Entry | None:
        key = word + " "
        i = bisect.bisect_left(self._lines, key)
        if i == len(self._lines) or not self._lines[i].startswith(key):
            return None
        _, zipf, cases = self._lines[i].split(" ")
        return Entry(int(zipf) / 10, "l" in cases, "c" in cases, "u" in cases)

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None


@cache
def vocabulary() -> Vocabulary:
    return Vocabulary(data_lines(VOCABULARY_FILE))


def entry(word: str) -> Entry | None:
    return vocabulary().get(word.lower())


def is_word(word: str) -> bool:
    """True for an English word in any case ("conference", "Delhi", "BBC")."""
    return word.lower() in vocabulary()


def zipf(word: str) -> float:
    found = vocabulary().get(word.lower())
    return found.zipf if found else 0.0


def is_lowercase_word(word: str, min_zipf: float = 0.0) -> bool:
    """True for a word the dictionary writes lowercase, at least this common ("pixel", "cook")."""
    found = vocabulary().get(word.lower())
    return found is not None and found.lower and found.zipf >= min_zipf


def is_name_only(word: str) -> bool:
    """True for a word the dictionary writes only capitalised ("Delhi", "Viking" is not: also "viking")."""
    found = vocabulary().get(word.lower())
    return found is not None and not found.lower and found.capital
