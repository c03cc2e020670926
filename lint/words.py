"""English vocabulary for the typography and casing checks: is this a word, how common, how cased.

The data is `lint/data/spelling/vocabulary.txt`, an extract of SCOWL word lists with wordfreq
frequencies made by `tools/make_vocabulary.py`. It is read once per process, on first use.
"""

from __future__ import annotations

import mmap
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from lint.datafiles import data_path, kept_samples, mapped_file

VOCABULARY_FILE = "spelling/vocabulary.txt"  # under lint/data/


@dataclass(frozen=True, slots=True)
class Entry:
    zipf: float  # wordfreq's Zipf frequency: 3 is about once per million words, 6 once per thousand
    lower: bool  # the dictionary writes it lowercase ("nimbus", "google" the verb)
    capital: bool  # ... capitalised ("Viking", "Google")
    upper: bool  # ... in capitals ("BBC")


_MAX_REMEMBERED = 200_000
# Searches in the text before its lines are split once and searched by C bisection instead: a
# one-article run stays under it, an archive run (garbled-text alone looks up hundreds of
# near-miss spellings per article) passes it in its first articles.
_SPLIT_AFTER = 2_000
# Searches after which the file's words are put in a set too (some 30 ms): a word the file lacks
# is then answered at once, and `unknown` sorts an article's words by one set difference. A run
# of a few dozen articles passes it.
_SET_AFTER = 8_000
# Searches after which the lines become a dict from word to line (some 50 ms to build, then a
# search is one dict look-up instead of a bisection): a run of dozens of articles passes it.
_INDEX_AFTER = 40_000
# Characters between the lines `Vocabulary._samples` notes: a search before `_SPLIT_AFTER` bisects
# the noted lines in C, then looks for the word in the kilobyte after the one it falls in.
_SAMPLE_STEP = 1024


class Vocabulary:
    """The data file's sorted lines, searched by bisection in the file itself.

    Nothing is read, split or parsed up front: the file is mapped into memory, and each lookup
    bisects lines sampled every kilobyte, then reads the kilobyte it falls in (UTF-8 sorts as the
    text does); words already looked up are remembered (most come back often). A process that
    looks up many words splits the text into its lines once (a few milliseconds, a list the size
    of the file) and bisects that list with `bisect`, ten times faster per search: the same first
    line not sorting before the word, so the same answers. One that looks up very many words
    indexes the lines by their word (the file's words are unique), faster again."""

    def __init__(self, text: str | bytes | mmap.mmap, identity: tuple[Any, ...] | None = None) -> None:
        if isinstance(text, str):
            self.__dict__["_text"] = text  # (the cached `_text`: a text given as text is not decoded again)
            text = text.encode("utf-8")
        self._data = text  # the file's UTF-8
        self._data_start = _after_comments(text, b"#", b"\n")
        self._found: dict[str, Entry | None] = {}
        self._missing: set[str] = set()  # the words of `_found` that are not in the file
        self._as_written: dict[str, Entry | None] = {}  # entry() by the word as the caller wrote it
        # Words asked of `written_lowercase`, by its answer.
        self._lowercase_yes: set[str] = set()
        self._lowercase_no: set[str] = set()
        self._searches = 0
        self._lines: list[str] | None = None
        self._words: frozenset[str] | None = None  # the file's words, once there were _SET_AFTER searches
        self._index: dict[str, str] | None = None  # word -> the rest of its line ("52 l")
        # The file's (path, size, modification time), when known: the samples are kept under it
        # between runs (`_samples`).
        self._identity = identity
        self._sampled: tuple[list[int], list[bytes]] | None = None

    @cached_property
    def _text(self) -> str:
        """The file as text: for the searches of a long run (`_split_lines`), read once."""
        return bytes(self._data).decode("utf-8")

    @cached_property
    def _start(self) -> int:
        return _after_comments(self._text, "#", "\n")

    def get(self, word: str) -> Entry | None:
        try:
            return self._found[word]
        except KeyError:
            if len(self._found) >= _MAX_REMEMBERED:
                self._found.clear()  # a bound on memory over an archive of any size
                self._missing.clear()
            found = self._found[word] = self._search(word)
            if found is None:
                self._missing.add(word)
            return found

    def unknown(self, words: Iterable[str]) -> set[str]:
        """The distinct words of `words` that are not in the file: `{w for w in words if get(w) is None}`.

        An article's words were mostly looked up for an earlier article: those are sorted by set
        operations in C, and only the new ones are searched."""
        distinct = set(words)
        if self._words is not None:  # the few words the file lacks are asked (and remembered) one by one
            return {word for word in distinct.difference(self._words) if self.get(word) is None}
        missing = distinct & self._missing
        for word in distinct.difference(self._found):
            if self.get(word) is None:
                missing.add(word)
        return missing

    def get_any_case(self, word: str) -> Entry | None:
        """`get(word.lower())`, remembered by `word` itself (the checks ask for the same few
        thousand words as written over and over: the lowercasing is done once per word)."""
        try:
            return self._as_written[word]
        except KeyError:
            if len(self._as_written) >= _MAX_REMEMBERED:
                self._as_written.clear()
            found = self._as_written[word] = self.get(word.lower())
            return found

    def written_lowercase(self, words: set[str]) -> set[str]:
        """The words of `words` the dictionary writes lowercase: `{w for w in words if
        get_any_case(w) and get_any_case(w).lower}`.

        Sorted by set operations in C: an archive's articles ask for the same everyday words over
        and over, and only the words not asked before are looked up."""
        yes, no = self._lowercase_yes, self._lowercase_no
        new = words.difference(yes, no)
        if len(yes) + len(no) + len(new) > _MAX_REMEMBERED:
            yes.clear()  # a bound on memory over an archive of any size
            no.clear()
            new = words
        for word in new:
            found = self.get_any_case(word)
            (yes if found is not None and found.lower else no).add(word)
        return words & yes

    def _search(self, word: str) -> Entry | None:
        key = word + " "
        if "\n" in word or " " in word:
            # Not a word of the file, but the text may still hold it across fields or lines
            # ("a 74" starts the line of "a"): searched in the text, which answers as it always has.
            return self._search_text(key)
        self._searches += 1
        words = self._words
        if words is None and self._searches > _SET_AFTER:
            words = self._words = frozenset(line.split(" ", 1)[0] for line in self._split_lines())
        if words is not None and word not in words:
            return None
        index = self._index
        if index is None and self._searches > _INDEX_AFTER:
            index = self._index = dict(line.split(" ", 1) for line in self._split_lines())
            self._lines = None
        if index is not None:
            fields = index.get(word)
            return None if fields is None else _entry(fields)
        lines = self._lines
        if lines is None and self._searches > _SPLIT_AFTER:
            lines = self._split_lines()
        if lines is None:
            return self._search_sampled(key)
        at = bisect_left(lines, key)
        if at == len(lines) or not lines[at].startswith(key):
            return None
        return _line_entry(lines[at])

    def _split_lines(self) -> list[str]:
        if self._lines is None:
            lines = self._lines = self._text[self._start :].split("\n")
            while lines and not lines[-1]:
                lines.pop()
        return self._lines

    def _search_sampled(self, key: str) -> Entry | None:
        """`_search_text` for a word: the first line not sorting before `key` lies after the last
        sampled line that sorts before it, at most at the next sampled line; a line that starts
        with `key` is the first such line (the file is sorted), so the word's line, if any, is the
        one `str.find` meets first between the two."""
        offsets, lines = self._samples()
        data = self._data
        target = key.encode("utf-8", "surrogatepass")  # (a lone surrogate is in no line)
        i = bisect_left(lines, target)
        if i == 0:
            at = offsets[0] if data[offsets[0] : offsets[0] + len(target)] == target else -1
        else:
            end = offsets[i] + len(target) if i < len(offsets) else len(data)
            found = data.find(b"\n" + target, offsets[i - 1], end)
            at = found + 1 if found >= 0 else -1
        if at < 0:
            return None
        line_end = data.find(b"\n", at)
        return _line_entry(data[at : line_end if line_end >= 0 else len(data)].decode("utf-8"))

    def _samples(self) -> tuple[list[int], list[bytes]]:
        """Where every `_SAMPLE_STEP` bytes the next line starts, and that line."""
        if self._sampled is None:
            self._sampled = kept_samples("vocabulary-index", self._identity, self._data, self._data_start, _SAMPLE_STEP)
        return self._sampled

    def _search_text(self, key: str) -> Entry | None:
        text = self._text
        lo, hi = self._start, len(text)
        while lo < hi:  # find the first line not sorting before `key`
            mid = (lo + hi) // 2
            line_start = max(lo, text.rfind("\n", lo, mid) + 1)
            line_end = text.find("\n", line_start)
            if line_end < 0:
                line_end = len(text)
            if text[line_start:line_end] < key:
                lo = line_end + 1
            else:
                hi = line_start
        if not text.startswith(key, lo):
            return None
        line_end = text.find("\n", lo)
        return _line_entry(text[lo : line_end if line_end >= 0 else len(text)])

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None


def _after_comments(text: Any, mark: Any, newline: Any) -> int:
    """Where the lines after the file's leading comment lines start (str or bytes alike)."""
    start = 0
    while text[start : start + 1] == mark:
        end = text.find(newline, start)
        if end < 0:
            return len(text)
        start = end + 1
    return start


def _line_entry(line: str) -> Entry:
    return _entry(line[line.index(" ") + 1 :])


@cache
def _entry(fields: str) -> Entry:
    """The entry a line's fields after the word give ("52 l"): a few hundred kinds, made once each."""
    zipf, cases = fields.split(" ")
    return Entry(int(zipf) / 10, "l" in cases, "c" in cases, "u" in cases)


@cache
def vocabulary() -> Vocabulary:
    # The text itself, not data_lines(): splitting 100,000 lines costs more than the lookups save.
    return Vocabulary(*mapped_file(data_path(VOCABULARY_FILE)))


def entry(word: str) -> Entry | None:
    """The entry of a word in any case ("Council", "council"), or None."""
    return vocabulary().get_any_case(word)


def is_word(word: str) -> bool:
    """True for an English word in any case ("conference", "Delhi", "BBC")."""
    return entry(word) is not None


def zipf(word: str) -> float:
    found = entry(word)
    return found.zipf if found else 0.0


def is_name_only(word: str) -> bool:
    """True for a word the dictionary writes only capitalised ("Delhi", "Viking" is not: also "viking")."""
    found = entry(word)
    return found is not None and not found.lower and found.capital
