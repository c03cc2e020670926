"""Sentence splitting that survives abbreviations, decimals, initials, quotes and ellipses.

A boundary is sentence punctuation, optional closing quotes or brackets, white space, and then
something that can start a sentence. The word before the punctuation vetoes the boundary when it
is a known abbreviation ("Dr.", "Jan.", "U.S.") or a single initial ("J. R. R. Tolkien"); an
ellipsis only ends a sentence when a capital follows it.
"""

from __future__ import annotations

import re

from lint.patterns import lazy_re

# Abbreviations that do not end a sentence even before a capital letter.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon pres supt
    insp det
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    no nos vol vols pp fig figs ch sec art para ed eds est approx dept univ inc ltd co corp bros
    vs v cf al e.g i.e etc a.m p.m u.s u.k u.n d.c e.u n.y l.a u.s.a ph.d m.d b.a m.a
    """.split()
)
# Of those, the ones that usually end a sentence when they come last ("... and so on, etc. The").
ENDING_ABBREVIATIONS = frozenset({"etc", "a.m", "p.m", "u.s", "u.k", "d.c", "e.u", "u.n", "al"})

# Written to start with one character class (not alternatives), which lets the regex engine
# search for that class alone: three times quicker than `[.!?]+|…|\.\.\.`, same matches.
_BOUNDARY = lazy_re(
    r"""
    (?P<punct>[.!?…](?:(?<=[.!?])[.!?]*)?)  # a run of [.!?], or an ellipsis character
    (?P<close>["”’'»)\]]*)             # closing quotes or brackets
    (?P<space>\s+)                     # white space
    (?=(?P<next>[\w"“‘'«(\[¿¡\u2018\u201c$€£-]))
    """,
    re.VERBOSE,
)
# Abbreviations that are also everyday words ("no", "art", "sun"): abbreviations only before a
# number ("No. 5", "Art. 12", "Sun. 3 p.m."), sentence ends otherwise.
NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "vol", "vols", "pp", "fig", "figs", "ch", "sec", "art", "para",
                                  "sat", "sun", "wed", "mar", "est"})
_WORD_WINDOW = 64  # longer than any abbreviation or initial the veto looks for


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of each sentence in `text`, white space trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if not _is_boundary(text, m):
            continue
        end = m.start("space")
        _append(text, start, end, spans)
        start = m.end("space")
    _append(text, start, len(text), spans)
    return spans


def _append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _is_boundary(text: str, m: re.Match[str]) -> bool:
    punct = m.group("punct")
    nxt = m.group("next")
    if punct in ("…", "...") or (len(punct) > 1 and set(punct) == {"."}):
        return nxt.isupper()
    if not punct.endswith("."):
        return True
    if m.group("close"):
        return True
    # Look only at a window before the full stop: searching from 0 made long blocks quadratic.
    end = m.start("punct") + 1
    word = _word_before(text, end).rstrip(".").lstrip("’'").lower()
    if not word:
        return True
    if len(word) == 1 and word.isalpha():
        # A single initial ("J. Smith") or a list letter: not an end unless lowercase follows.
        return False
    if word in NUMBER_ABBREVIATIONS:
        return not nxt.isdigit()
    if word == "etc":
        return nxt.isupper()
    if word in ABBREVIATIONS:
        return word in ENDING_ABBREVIATIONS and _looks_like_sentence_start(text, m.end("space"))
    if "." in word and all(len(part) <= 2 for part in word.split(".")):
        # Dotted abbreviations we do not list ("U.S.C.", "B.C.").
        return _looks_like_sentence_start(text, m.end("space"))
    return True


def _word_before(text: str, end: int) -> str:
    r"""The run of word characters, full stops and apostrophes (`[\w.’']+`) that ends at `end`,
    looked for only within `_WORD_WINDOW` characters."""
    start, least = end, max(0, end - _WORD_WINDOW)
    # \w is a letter, digit or underscore: str.isalnum and "_".
    while start > least and (text[start - 1].isalnum() or text[start - 1] in "_.’'"):
        start -= 1
    return text[start:end]


_STARTERS = frozenset(
    "the a an this that these those it its he she they we i in on at but and as for if when while "
    "after before since there here his her their our what who how why some many most".split()
)


_WORD = lazy_re(r"[\w']+")


def _looks_like_sentence_start(text: str, at: int) -> bool:
    m = _WORD.match(text[at : at + 30])
    return bool(m) and m.group().lower() in _STARTERS and m.group()[0].isupper()
