"""official-name: wrong official names of organisations, treaties and institutions.

Two ways in: known wrong forms listed in `lint/data/terminology/official_names.yaml`
("North Atlantic Treaty Association"), and one-word near-misses of a listed multi-word name
("European Onion" for European Union), found by edit distance on capitalised phrases.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from pathlib import Path
from typing import Any

from lint.checks.base import Check, HouseStyle, option
from lint.checks.spelling_variety import spelling_pairs
from lint.datafiles import data_path, data_yaml
from lint.document.model import Block, Document
from lint.findings import Finding, Fix, Severity
from lint.patterns import PhraseMatcher, compile_pattern, lazy_re

_SMALL_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "de", "to", "a", "an", "without"})
_POSSESSIVE = lazy_re(r"['’]s?$")
_NAME_WORD = lazy_re(r"[^\W_](?:[\w'’\-]|\.(?=\w))*")


@dataclass(frozen=True)
class Names:
    wrong: dict[str, str]  # lowercased wrong form -> canonical name
    wrong_forms: PhraseMatcher[str]  # the wrong forms, whole words, any case -> canonical name
    valid: frozenset[str]  # lowercased canonical names, accepted variants and lookalikes
    # (length, index of the free word, the other words lowercased) -> (the name, its word there)
    near: dict[tuple[int, int, tuple[str, ...]], list[tuple[str, str]]] = field(default_factory=dict)
    lengths: tuple[int, ...] = ()
    words: frozenset[str] = frozenset()  # every word of every name, lowercased
    anywhere: Any = None  # the wrong forms lowercased, found anywhere in a text (word boundaries aside)


_NAMES_FILE = "terminology/official_names.yaml"  # under lint/data/


@cache
def _shipped() -> tuple[tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...], tuple[str, ...]]:
    data = data_yaml(_NAMES_FILE)
    entries = tuple(
        (item["name"], tuple(item.get("also", ())), tuple(item.get("wrong", ()))) for item in data["names"]
    )
    return entries, tuple(data.get("lookalikes", ()))


@cache
def _names(extra_names: tuple[str, ...], extra_wrong: tuple[tuple[str, str], ...]) -> Names:
    """The tables of the shipped names and the outlet's: worked out once, then kept between runs
    (lint/startup.py) under what they are made from (this module, the names file, the options),
    as working them out is a fiftieth of a one-article run. The automata are made afresh."""
    key = _tables_key(extra_names, extra_wrong)
    if key is None:
        tables = _tables(extra_names, extra_wrong)
    else:
        from lint.startup import kept_value

        tables = kept_value("official-names", key, lambda: _tables(extra_names, extra_wrong))
    wrong, valid, near, lengths, words = tables
    return Names(wrong, PhraseMatcher(wrong), valid, near, lengths, words, _automaton(wrong))


def _tables_key(extra_names: tuple[str, ...], extra_wrong: tuple[tuple[str, str], ...]) -> Any:
    try:
        files = [Path(__file__).stat(), data_path(_NAMES_FILE).stat()]
    except OSError:
        return None
    return (*((f.st_size, f.st_mtime_ns) for f in files), extra_names, extra_wrong)


def _tables(extra_names: tuple[str, ...], extra_wrong: tuple[tuple[str, str], ...]) -> tuple[Any, ...]:
    """The names' tables as plain values: wrong forms, valid forms, near misses, lengths, words."""
    entries, lookalikes = _shipped()
    wrong: dict[str, str] = {}
    valid: set[str] = {n.lower() for n in lookalikes}
    targets: list[str] = []  # names and accepted variants, matched loosely
    for canonical, also, bad in entries:
        valid.add(canonical.lower())
        valid.update(a.lower() for a in also)
        targets.append(canonical)
        targets.extend(also)
        wrong.update({b.lower(): canonical for b in bad})
    for name in extra_names:
        valid.add(name.lower())
        targets.append(name)
    wrong.update({w.lower(): right for w, right in extra_wrong})
    for form in list(wrong):
        valid.discard(form)
    near: dict[tuple[int, int, tuple[str, ...]], list[tuple[str, str]]] = {}
    for form in targets:
        words = form.split()
        if len(words) < 2:
            continue
        for i, word in enumerate(words):
            if word.lower() in _SMALL_WORDS or len(word) < 4 or not word[0].isupper():
                continue
            key = (len(words), i, tuple(w.lower() for j, w in enumerate(words) if j != i))
            near.setdefault(key, []).append((form, word))
    lengths = tuple(sorted({k[0] for k in near}))
    words = frozenset(w.lower() for form in targets for w in form.split())
    return wrong, frozenset(valid), near, lengths, words


def _automaton(phrases: Iterable[str]) -> Any:
    """An Aho-Corasick automaton of the phrases lowercased (as PhraseMatcher folds them), or None."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for phrase in phrases:
        if phrase.lower():
            automaton.add_word(phrase.lower(), None)
    if len(automaton) == 0:
        return None
    automaton.make_automaton()
    return automaton


def _may_hold_wrong_form(blocks: list[Block], names: Names) -> bool:
    """False when no block can hold a listed wrong form (nearly every article): the article's prose
    lowercased holds none of them even as a substring. Lowercasing the whole equals lowercasing
    each block when no letter's lowercase is longer (the blocks are joined at line breaks, which
    no rule of case reads across); otherwise each block is searched as before."""
    if names.anywhere is None:
        return False
    prose = "\n".join(block.text.text for block in blocks)
    folded = prose.lower()
    return len(folded) != len(prose) or next(names.anywhere.iter(folded), None) is not None



@dataclass(frozen=True)
class Options:
    wrong: dict[str, str] = option(
        doc="Extra wrong form -> right name for this outlet (\"Ukranian Parliament\": \"Verkhovna Rada\").",
        factory=dict,
    )
    near_misses: bool = option(True, "Look for one-word slips (\"European Onion\") as well as the listed wrong forms.")


class OfficialName(Check):
    id = "official-name"
    category = "terminology"
    supersedes = ("proper-noun-case", "name-case-consistency")
    severity = Severity.WARNING
    Options = Options
    summary = (
        "Wrong official names of organisations, treaties and institutions "
        '("North Atlantic Treaty Association").'
    )
    why = (
        "Getting an institution's name wrong is a factual error readers and the institution notice. "
        "The check knows well-known names and their common wrong forms, catches one-word slips such "
        'as "European Onion", '
        "and learns the outlet's own names from its glossary."
    )
    bad = "Ukraine wants to join the North Atlantic Treaty Association and the European Onion."
    good = "Ukraine wants to join the North Atlantic Treaty Organization and the European Union."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        extra_names = tuple(sorted(g for g in house.glossary if " " in g.strip()))
        names = _names(extra_names, tuple(sorted(options.wrong.items())))
        blocks = doc.prose_blocks
        wrong_forms = _may_hold_wrong_form(blocks, names)
        runs = _capitalised_runs_by_block(blocks) if options.near_misses else []
        for k, block in enumerate(blocks):
            prose = block.text.text
            reported: list[tuple[int, int]] = []
            for start, end, right in names.wrong_forms.finditer(prose) if wrong_forms else ():
                if _inside_longer_name(prose, start):
                    continue
                span = block.text.span(start, end)
                reported.append((start, end))
                yield self.finding(
                    span,
                    f"“{prose[start:end]}” is not the official name: write “{right}”.",
                    fix=Fix(span, right, safe=False),
                )
            if options.near_misses and runs[k]:
                for start, end, right in _near_misses(prose, runs[k], names):
                    if any(s < end and start < e for s, e in reported):
                        continue
                    span = block.text.span(start, end)
                    yield self.finding(
                        span,
                        f"“{prose[start:end]}” looks like a slip for “{right}”: check the name.",
                        fix=Fix(span, right, safe=False),
                    )


_WORD_BEFORE = lazy_re(r"([^\W\d_][\w'’\-]*) $")
_SENTENCE_WORDS = frozenset(
    "the a an in of and for at by on to with from as its their our his her this that new former".split()
)


def _inside_longer_name(prose: str, start: int) -> bool:
    """A capitalised word just before ("National Center for Disease Control", India's agency) makes
    the match part of another, longer name; "The" or "Ukraine’s" do not."""
    before = _WORD_BEFORE.search(prose, max(0, start - 40), start)
    if not before:
        return False
    word = before.group(1)
    return word[0].isupper() and word.lower() not in _SENTENCE_WORDS and not _POSSESSIVE.search(word)


def _near_misses(
    prose: str, runs: list[list[tuple[int, int, str]]], names: Names
) -> Iterator[tuple[int, int, str]]:
    """Capitalised phrases (of the prose's `runs`) that differ from a listed name in one near-miss word."""
    for run in runs:
        lowered_run = [_without_possessive(w[2]).lower() for w in run]
        known = [w in names.words for w in lowered_run]
        for n in names.lengths:
            if n > len(run):
                break
            for first in range(len(run) - n + 1):
                # All words but the slip must be words of some listed name.
                if n - sum(known[first : first + n]) > 1:
                    continue
                window = run[first : first + n]
                if not (window[0][2][0].isupper() and window[-1][2][0].isupper()):
                    continue
                lowered = lowered_run[first : first + n]
                for i in range(n):
                    key = (n, i, tuple(w for j, w in enumerate(lowered) if j != i))
                    for form, expected in names.near.get(key, ()):
                        seen = window[i][2]
                        if not _is_slip(seen, expected):
                            continue
                        phrase = prose[window[0][0] : window[-1][1]]
                        if phrase.lower() in names.valid or not _capitalised_like(window, form):
                            continue
                        slip_start, slip_end = window[i][0] - window[0][0], window[i][1] - window[0][0]
                        kept = _POSSESSIVE.search(seen)
                        right = (
                            phrase[:slip_start]
                            + expected
                            + (kept.group() if kept else "")
                            + phrase[slip_end:]
                        )
                        yield window[0][0], window[-1][1], right


def _without_possessive(word: str) -> str:
    """"Ukraine" for "Ukraine’s" (most words hold no apostrophe: nothing to take off)."""
    return _POSSESSIVE.sub("", word) if "'" in word or "’" in word else word


def _capitalised_runs_by_block(blocks: list[Block]) -> list[list[list[tuple[int, int, str]]]]:
    """Each block's `_capitalised_runs`, found in one pass over the plain blocks' texts and one over
    the others' (joined by line breaks, which no run spans: its words are one space apart)."""
    texts = [block.text.text for block in blocks]
    plain = [text.isascii() or _PLAIN.fullmatch(text) is not None for text in texts]
    found: list[list[list[tuple[int, int, str]]]] = [[] for _ in blocks]
    for kind in (True, False):
        chosen = [k for k, is_plain in enumerate(plain) if is_plain is kind]
        if not chosen:
            continue
        starts = [0, *accumulate(len(texts[k]) + 1 for k in chosen[:-1])]
        for run in _capitalised_runs("\n".join(texts[k] for k in chosen), kind):
            at = bisect_right(starts, run[0][0]) - 1
            offset = starts[at]
            found[chosen[at]].append([(start - offset, end - offset, word) for start, end, word in run])
    return found


def _capitalised_runs(prose: str, plain: bool) -> Iterator[list[tuple[int, int, str]]]:
    """Runs of two or more capitalised words, maybe joined by small words, one space apart
    (`plain`: the text is, see `_PLAIN`)."""
    for run in _run_pattern(plain).finditer(prose):
        text = run.group()
        if text.isascii():
            # One space between words, and each word one _NAME_WORD (ASCII has no marks or
            # curly apostrophes that could split one): the words are the run split at its spaces.
            words, at = [], run.start()
            for word in text.split(" "):
                words.append((at, at + len(word), word))
                at += len(word) + 1
            yield words
        else:
            yield [(m.start(), m.end(), m.group()) for m in _NAME_WORD.finditer(prose, run.start(), run.end())]


# Text whose only characters outside ASCII are common punctuation or the atom standing for a link
# or code in prose (U+FFFC, a symbol): neither letters nor marks nor digits in any engine, so for
# the run pattern \p{Lu} is [A-Z] and both engines read \w alike.
_PLAIN = lazy_re(r"[\x00-\x7f“”‘’—–…«»\u00a0\ufffc]*")


@cache
def _run_pattern(plain: bool) -> Any:
    r"""The pattern of a run of capitalised words: with `re` for plain text, else with `regex`
    (\p{Lu}: capitals in every script, so the scan skips lowercase text in C), which a run that
    meets only plain text never imports."""
    small = "|".join(sorted(_SMALL_WORDS))
    rest = r"(?:[\w'’\-]|\.(?=\w))*"
    # The run opens with a capital, then looks behind it: the engine skips to the next capital in
    # C instead of trying the look-behind at every character.
    first = r"(?<![\w'’\-.].)" + rest
    if plain:
        word = "[A-Z]" + rest
        return compile_pattern(rf"[A-Z]{first}(?: (?:(?:{small}) )*{word})+")
    import regex

    word = r"\p{Lu}" + rest
    return regex.compile(rf"\p{{Lu}}{first}(?: (?:(?:{small}) )*{word})+")


def _capitalised_like(window: list[tuple[int, int, str]], form: str) -> bool:
    """Every word starts with a capital where the name has one (casing is another check's job)."""
    expected = form.split()
    return all(seen[2][0].isupper() == want[0].isupper() for seen, want in zip(window, expected, strict=True))


def _is_slip(seen: str, expected: str) -> bool:
    """A near-miss spelling of `expected`: not the word itself, not its plural or possessive."""
    if not seen[0].isupper():
        return False
    base = _POSSESSIVE.sub("", seen)
    s, e = base.lower(), expected.lower()
    if s == e or s in (e + "s", e + "es") or e in (s + "s",):
        return False
    counterpart = spelling_pairs().get(s)
    if counterpart is not None and counterpart.other == e:
        return False  # "Department of Labour", "Ministry of Defense": the other variety's spelling
    limit = 1 if len(e) < 8 else 2
    return abs(len(s) - len(e)) <= limit and _distance(s, e, limit) <= limit


def _distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of neighbours counts once), stopping past `limit`."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]
