"""textstat's two Flesch scores for English, worked out the way textstat 0.7 does, without textstat.

The default readability targets need only Flesch reading ease and the Flesch-Kincaid grade.
Importing textstat costs a pre-commit run about 20 ms (and it compiles its patterns on every
count); here the same counts are made once per text: words are textstat's `list_words` (only
contraction apostrophes kept, other punctuation removed, split on white space), sentences its
`count_sentences` (runs ending in . ! or ?, those of two words or fewer not counted), syllables
the CMU dictionary's (`lint.syllables`), with the same vowel-group estimate for unknown words.
The arithmetic is textstat's, operation for operation, so the scores are identical to the bit;
the other scores still come from textstat itself.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from operator import not_

from lint.patterns import lazy_re

_NONCONTRACTION_APOSTROPHE = lazy_re(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION = lazy_re(r"[^\w\s\']")
_SENTENCE = lazy_re(r"\b[^.!?]+[.!?]*")
# Three white-space separated runs holding a word character (textstat's words of a sentence,
# `\w\S*`): found in a sentence of three words or more, the search stopping at the third. Tried
# only where a run starts, and never backing up into one, so it stays linear on any text.
_THREE_WORDS = lazy_re(
    r"(?<!\S)[^\w\s]*+\w\S*+\s++(?:[^\w\s]++\s++)*+[^\w\s]*+\w\S*+\s++(?:[^\w\s]++\s++)*+[^\w\s]*+\w"
)

FLESCH_SCORES = ("flesch_reading_ease", "flesch_kincaid_grade")


def _lowercase_words(text: str) -> list[str]:
    """textstat's words, lowercased: in one call where that is the same as word by word (only a
    capital sigma lowercases by its neighbours, and white space is no neighbour it reads)."""
    kept = _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text))
    return [word.lower() for word in kept.split()] if "Σ" in kept else kept.lower().split()


def _sentences(text: str) -> int:
    if not text:
        return 0
    found = _SENTENCE.findall(text)
    short = sum(map(not_, map(_THREE_WORDS.search, found)))  # of two words or fewer, counted in C
    return max(1, len(found) - short)


def flesch_scores(text: str, syllables: Callable[[Counter[str]], int]) -> dict[str, float]:
    """{"flesch_reading_ease": ..., "flesch_kincaid_grade": ...} as textstat gives them for en_US.

    `syllables` counts the syllables of words counted by how often each stands in the text."""
    words = _lowercase_words(text)
    word_count = len(words)
    sentence_count = _sentences(text)
    # Each distinct word is counted once: an article repeats most of its words.
    syllable_count = syllables(Counter(words))
    try:
        per_sentence = word_count / sentence_count
    except ZeroDivisionError:
        per_sentence = 0.0
    try:
        per_word = syllable_count / word_count
    except ZeroDivisionError:
        per_word = 0.0
    if per_sentence == 0 or per_word == 0:
        return dict.fromkeys(FLESCH_SCORES, 0.0)
    return {
        "flesch_reading_ease": 206.835 - 1.015 * per_sentence - 84.6 * per_word,
        "flesch_kincaid_grade": (0.39 * per_sentence) + (11.8 * per_word) - 15.59,
    }
