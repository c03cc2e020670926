"""glued-words: words run together with no space, or one word split by a stray space.

Each candidate is scored on evidence from an English vocabulary (`lint/words.py`: SCOWL words
with wordfreq frequencies) and from the article itself; it is reported when the evidence adds up:

- a lowercase word glued to the next ("briefingafter", "budgetwere", "Lagosas"): the run is no
  word at all, and it splits into two words that are, the second a common one;
- words glued at a capital ("Anna ReedThis week", "reportPhoto credit", "stormUpdates"): the
  run is no word or known camel-case name, the part after the capital is a common word, and the
  part before is a word or a name;
- capitals glued to a word ("NASAfunded", "signingNFL"), and a long number glued to a
  capitalised word ("post 4471203Maria");
- a word split by a stray space ("t he second"): a lone letter or non-word that joins its
  neighbour into a common word;
- a time run into a date ("12:1629/06/2023");
- a word broken by a hyphen where a printed line once ended ("infor- mation"): the joined word is
  common and the two parts are not both words ("well- known" and "pre- and post-war" stay).

A word the article uses more than once, writes as code, or that the glossary or
`lint/data/camel_case_names.txt` lists, is a name, not an accident.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, chain, compress
from operator import and_

from lint.checks._names import lowercase_brands, prose_tokens
from lint.checks._tokens import is_technical, mask_non_prose, prose_texts_in_blocks, token_bounds, words_in_code
from lint.checks.base import Check, HouseStyle, option
from lint.datafiles import data_lines
from lint.document.mapped import MappedText
from lint.document.model import Block, BlockKind, Document
from lint.document.span import Span
from lint.findings import Finding, Fix, Severity
from lint.patterns import lazy_re
from lint.words import Entry, entry, vocabulary

# A run of letters with inner apostrophes ("Reed'swere"), or digits glued to letters.
_RUN = lazy_re(r"(?<![\w’'\-.@#/])[^\W\d_]+(?:['’][^\W\d_]+)*(?![\w’'\-@#/]|\.\w)")
# Quick tests that tell whether a text can hold what a slower pattern below looks for.
_DIGIT = lazy_re(r"\d")
_LETTER_DOT_WORD = lazy_re(r"\.(?<=[a-z]\.)\w")  # "he.The"; the dot first, which is quick to scan for
_HYPHEN_SPACE = lazy_re(r"-(?<=[a-z]-)[ \t\n]")  # "infor- mation"
_DIGIT_WORD = lazy_re(r"\d[A-Z][a-z]")  # what _NUMBER_GLUE needs: "4471203Maria"
_MINUTES_DIGIT = lazy_re(r":(?<=\d:)[0-5]\d\d")  # what _TIME_DATE needs: "12:1629/06"; the colon first
_DOT_MINUTES = lazy_re(r"\. (?<=\d\. )[0-5]\d")  # what _BROKEN_TIME needs: "4. 15"; the full stop first
_LOWER_TO_UPPER = lazy_re(r"(?<=[a-z])(?=[A-Z])")
# A capitalised word after a word and a space: a name, not a sentence start ("Anna Reed said").
_ALONE = lazy_re(r"[A-Z](?<=[\w,] [A-Z])[a-z]+(?![\w’'])")  # the capital first: quicker to scan for
_NUMBER_GLUE = lazy_re(r"(?<![\w.,:/-])(?P<num>\d{3,})(?P<word>[A-Z][a-z]{2,})\b")
_TIME_DATE = lazy_re(r"(?<![\d:])(?P<time>(?:[01]?\d|2[0-3]):[0-5]\d)(?P<date>\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})\b")
# "4. 15 PM": a time whose colon became a full stop and a space.
_BROKEN_TIME = lazy_re(r"(?<![\d.])(?P<h>1[0-2]|0?[1-9])\. (?P<m>[0-5]\d) ?(?P<ampm>[AaPp]\.?[Mm]\b\.?)")
_TIME_AS_LIST = lazy_re(r"[ \t]*(?P<h>1[0-2]|0?[1-9])\. (?P<m>[0-5]\d) ?(?P<ampm>[AaPp]\.?[Mm]\b\.?)")
# A word broken by a hyphen where a line once ended: "infor- mation", "govern-\nment".
_BROKEN_HYPHEN = lazy_re(r"(?<![\w’'\-.@#/])(?P<a>[a-z]{2,})-[ \t]*\n?[ \t]*(?P<b>[a-z]{2,})(?![\w’'\-@#/])")
_SPLIT_PAIR = lazy_re(r"(?<![\w’'\-.@#/])(?P<a>[a-z]+) (?P<b>[a-z]+)(?![\w’'\-@#/])")
_HYPHEN_SPACE_RUN = lazy_re(r"-\s*")
_CAPS_THEN_LOWER = lazy_re(r"(?P<head>[a-z]?[A-Z]{2,})(?P<tail>[a-z]{5,})")  # "NASAfunded"
_LOWER_THEN_CAPS = lazy_re(r"(?P<head>[a-z]{6,})(?P<tail>[A-Z]{2,})")  # "signingNFL"
_POSSESSIVE_GLUE = lazy_re(r"(?P<head>[^\W\d_]{2,})'s(?P<tail>[a-z]{3,})")  # "Zealand'sdrinking"
# Name prefixes glued to a capital on purpose: McDonald, MacArthur, DeSantis, LaGuardia, O'Neill.
_NAME_PREFIXES = frozenset("mc mac de la le di da du van von der del dos des al el o st".split())
_LONE_WORD_LETTERS = frozenset("a i o".split())  # one-letter words
# Words that end compounds and names ("toolchain" no, but "runtimes", "ThinkUp", "Ashwell",
# "layoff", "PhaseOne"): after a break at one of these the run is more likely one word.
_COMPOUND_HEADS = frozenset(
    "up out off on in down over back away about along long way ways time times day days one ones body thing things "
    "where man men like less wide side work works line lines point base set book place house room start "
    "team teams week net gov hub lab labs box link bank care corps well more son field land wood ford "
    "worth stone ville burg dale mouth water hill ridge port view town stead shire horn brook gate".split()
)
# Beginnings of compounds and code identifiers ("subcommand", "openNASA", "lastModified").
_PREFIXES = frozenset(
    "sub pre inter over under super multi anti post micro mini self cross counter semi hyper meta "
    "open last beta prod time data user page file new old get set has max min web cyber auto".split()
)
# Two-letter words that may be glued to the end of a lowercase word ("Lagosas").
_GLUED_SHORT_WORDS = frozenset("of to by it he we be".split())  # not "as", "at": suffixes too
_FUNCTION_ZIPF = 5.8  # "before", "were", "said", "which": about once per 1,600 words or more


@cache
def _camel_names() -> frozenset[str]:
    return frozenset(data_lines("camel_case_names.txt"))


@cache
def _known_names(glossary: tuple[str, ...]) -> frozenset[str]:
    """Names whose inner capitals or glued look are right: shipped camel-case names, the glossary, brands."""
    return _camel_names() | frozenset(glossary) | lowercase_brands(glossary)


@dataclass(frozen=True)
class Options:
    min_zipf: float = option(
        4.0,
        "How common (wordfreq's Zipf scale: 3 is once per million words) the word after the glue must be, and the "
        "joined word of a split one.",
    )
    min_glued_length: int = option(
        6,
        "Glued lowercase runs shorter than this are left alone (too many short names and codes).",
    )


@dataclass(frozen=True)
class _Glue:
    start: int  # prose offsets of the whole run
    end: int
    at: int  # where the space belongs
    what: str  # what makes it glued, for the message


class GluedWords(Check):
    id = "glued-words"
    category = "typography"
    severity = Severity.WARNING
    Options = Options
    summary = 'Words run together with no space ("briefingafter", "Anna ReedThis") or split apart ("t he").'
    why = (
        "Text pasted from a page, a PDF or a feed often loses the space between two words, or between "
        "a caption and the text after it, and readers stumble over the result. Each run is checked "
        "against an English vocabulary: it must be no word itself and split into real words. Camel-case "
        "names (YouTube, iPhone, the glossary's) and words the article uses more than once are left alone."
    )
    bad = "The regulator spoke at a briefingafter the vote, and Anna ReedThis week met t he board."
    good = "The regulator spoke at a briefing after the vote, and Anna Reed this week met the board."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        names = _known_names(tuple(house.glossary))
        code_words = words_in_code(doc)
        in_blocks = list(prose_texts_in_blocks(doc))
        texts = [text for _, text in in_blocks]
        masked = [doc.shared(mask_non_prose, t.text) for t in texts]
        runs, lowered = _runs(doc, [block for block, _ in in_blocks], masked)
        counts = Counter(chain.from_iterable(lowered))
        nonwords = vocabulary().unknown(counts)  # lowercase runs that are no word of the vocabulary
        # Each distinct run as written, with its lowercase.
        distinct = dict(zip(chain.from_iterable(runs), chain.from_iterable(lowered), strict=True))
        glued = _glued_runs(distinct, counts, nonwords, masked, names, code_words, options)
        split_parts = _split_parts(counts, nonwords)
        for text, prose, words in zip(texts, masked, runs, strict=True):
            for glue in self._find(prose, text.text, words, glued, split_parts, options, counts):
                yield self._report(doc, text, glue)
        # "4. 15 PM: Markets" read as a numbered list item: the time's colon became "." and a space.
        previous: int | None = None
        for block in doc.blocks:
            if block.kind is not BlockKind.LIST_ITEM:
                previous = None
                continue
            number = _ordinal(block.ordinal)
            in_sequence = previous is not None and number == previous + 1
            previous = number
            if not in_sequence:  # "1. 30 people", "2. 10 pm is late" count on; "4. 15 PM", "4. 20PM" do not
                m = _TIME_AS_LIST.match(doc.source, block.span.start, block.span.end)
                if m:
                    span = Span(m.start("h"), m.end("ampm"))
                    right = f"{m.group('h')}:{m.group('m')} {m.group('ampm')}"
                    yield self.finding(
                        span,
                        f"“{doc.source[span.start : span.end]}” looks like a time broken by a full stop and "
                        f"a space: write “{right}”.",
                        fix=Fix(span, right, safe=False),
                    )

    def _find(
        self,
        prose: str,
        raw: str,
        words: list[str],
        glued: dict[str, tuple[int, str]],
        split_parts: set[str],
        options: Options,
        counts: Counter[str],
    ) -> Iterator[_Glue]:
        found: list[_Glue] = []
        if glued and not glued.keys().isdisjoint(words):  # most articles have no glued run at all
            for m in _RUN.finditer(prose):
                glue = glued.get(m.group())
                # Most words glue to nothing: the token around them is looked at only for those that do.
                if glue is not None and not _technical(prose, m.start()):
                    at, what = glue
                    found.append(_Glue(m.start(), m.end(), m.start() + at, what))
        # Numbers, times and dates need a digit (the prose's digits are the raw text's, less the
        # masked ones): most texts hold none, and one quick search tells, where the patterns
        # themselves try every position.
        # Each pattern then runs only where a quick search finds what it needs at its core.
        if _DIGIT.search(raw):
            for m in _NUMBER_GLUE.finditer(prose) if _DIGIT_WORD.search(prose) else ():
                if entry(m.group("word")) is not None:
                    found.append(_Glue(m.start(), m.end(), m.start("word"), "a number run into a word"))
            # Dates hold slashes, which the mask blanks: the raw text.
            for m in _TIME_DATE.finditer(raw) if ":" in raw and _MINUTES_DIGIT.search(raw) else ():
                found.append(_Glue(m.start(), m.end(), m.start("date"), "a time run into a date"))
            for m in _BROKEN_TIME.finditer(prose) if _DOT_MINUTES.search(prose) else ():
                found.append(_Glue(m.start(), m.end(), -1, "a time broken by a full stop and a space"))
        # A split word has a part that is no word. Such a part is one of the text's runs, except a
        # last part with a full stop and a letter glued on ("t he.The"), which _RUN does not take.
        if not split_parts.isdisjoint(words) or _LETTER_DOT_WORD.search(prose):
            # Most pairs are two words: a split needs a rare part that is no word (one of
            # split_parts), or a part the runs do not hold. Those pairs are few; the matches are
            # made (in the same order, so the same pairs) only when one of them is a split.
            pairs = _SPLIT_PAIR.findall(prose)
            splits = [
                (i, split)
                for i, (a, b) in enumerate(pairs)
                if (a in split_parts or b in split_parts or a not in counts or b not in counts)
                and counts[a] <= 2
                and counts[b] <= 2
                and (split := _split_word(a, b, options))
            ]
            if splits:
                matches = list(_SPLIT_PAIR.finditer(prose))
                for i, split in splits:
                    m = matches[i]
                    found.append(_Glue(m.start(), m.end(), -2, split))
        # An ordinary hyphenated word is no broken one: one needs a space or a line break after the hyphen.
        for m in _BROKEN_HYPHEN.finditer(raw) if _HYPHEN_SPACE.search(raw) else ():
            a, b = m.group("a"), m.group("b")
            if m.group() == f"{a}-{b}":
                continue  # an ordinary hyphenated word
            joined = entry(a + b)
            # The joined word is common and the parts are not both words ("well- known" stays).
            if joined is not None and joined.lower and joined.zipf >= 3.0 and not (entry(a) and entry(b)):
                found.append(_Glue(m.start(), m.end(), -3, "a word broken by a hyphen at an old line end"))
        found.sort(key=lambda g: g.start)
        last = -1
        for glue in found:
            if glue.start >= last:
                yield glue
                last = glue.end

    def _report(self, doc: Document, text: MappedText, glue: _Glue) -> Finding:
        prose = text.text
        written = prose[glue.start : glue.end]
        span = text.span(glue.start, glue.end)
        if glue.at == -1:  # "4. 15 PM"
            m = _BROKEN_TIME.match(written)
            assert m is not None
            right = f"{m.group('h')}:{m.group('m')} {m.group('ampm')}"
        elif glue.at == -2:  # "t he"
            right = written.replace(" ", "")
        elif glue.at == -3:  # "infor- mation"
            right = _HYPHEN_SPACE_RUN.sub("", written)
        else:
            right = prose[glue.start : glue.at] + " " + prose[glue.at : glue.end]
        message = f"“{written}” looks like {glue.what}: write “{right}”."
        fix = Fix(span, right, safe=False) if doc.source[span.start : span.end] == written else None
        return self.finding(span, message, fix=fix)


def _runs(doc: Document, blocks: list[Block], masked: list[str]) -> tuple[list[list[str]], list[list[str]]]:
    """`[_RUN.findall(m) for m in masked]`, the masked texts of these blocks (`prose_texts_in_blocks`),
    and the same runs in lowercase: the prose blocks' read from their runs of letters (split once
    for all of them and lowercased, shared with the casing checks), table cells' by the pattern."""
    tokens = prose_tokens(doc)
    in_prose = zip(*runs_by_text(tokens.parts, tokens.lowered, tokens.bounds[0], tokens.text_starts), strict=True)
    written: list[list[str]] = []
    lowered: list[list[str]] = []
    for block, text in zip(blocks, masked, strict=True):
        if block.is_prose:
            runs, runs_lowered = next(in_prose)
        else:
            runs = _RUN.findall(text)
            runs_lowered = list(map(str.lower, runs))
        written.append(runs)
        lowered.append(runs_lowered)
    return written, lowered


def runs_by_text(
    parts: list[str], lowered: list[str], word_starts: list[int], text_starts: list[int]
) -> tuple[list[list[str]], list[list[str]]]:
    """What `_RUN.findall` finds in each of several texts, and the same in lowercase, from the
    texts joined (each starts at one of `text_starts`, and a separator holding a line break,
    which `_RUN` treats as the end of a text, stands between two) and split into `parts`:
    [separator, letters, separator, letters, ..., separator], the letters starting at
    `word_starts`, each also in `lowered` (`str.lower`).

    A run is a word of letters (or several joined by one apostrophe: "Reed's") after nothing that
    `_RUN` refuses before it and before nothing it refuses after it. Those are the separators'
    first and last characters; most separators recur (" ", ", "), so each distinct one is read
    once, and the words are kept or dropped in C. (The pattern tried every position: it was the
    costliest search of a run.) tests/test_glued_words.py compares the two on many texts."""
    seps, words = parts[0::2], parts[1::2]
    n = len(words)
    if not n:
        return [[] for _ in text_starts], [[] for _ in text_starts]
    distinct = set(seps)
    before = {sep: _may_precede(sep) for sep in distinct}
    after = {sep: _may_follow(sep, inner=True) for sep in distinct}
    # kept[k]: words[k], between seps[k] and seps[k + 1], is a run of its own.
    kept = list(map(and_, map(before.__getitem__, seps[:-1]), map(after.__getitem__, seps[1:])))
    kept[-1] = before[seps[-2]] and _may_follow(seps[-1], inner=False)
    if "'" in distinct or "’" in distinct:
        joins = [k for k in compress(range(n + 1), map(_APOSTROPHES.__contains__, seps)) if 0 < k < n]
        lowered = list(lowered)  # (the shared list stays as it is)
        at = 0
        while at < len(joins):
            head = end = joins[at] - 1  # words[head] ... words[end], each apostrophe joining two
            while at < len(joins) and joins[at] == end + 1:
                end += 1
                at += 1
            words[head] = "".join(parts[2 * head + 1 : 2 * end + 2])
            lowered[head] = words[head].lower()
            kept[head] = before[seps[head]] and _may_follow(seps[end + 1], inner=end + 1 < n)
            kept[head + 1 : end + 1] = [False] * (end - head)
    runs, runs_lowered = list(compress(words, kept)), list(compress(lowered, kept))
    done = [0, *accumulate(kept)]  # runs found before each word
    firsts = [bisect_left(word_starts, start) for start in text_starts]
    ranges = [(done[a], done[b]) for a, b in zip(firsts, [*firsts[1:], n], strict=True)]
    return [runs[a:b] for a, b in ranges], [runs_lowered[a:b] for a, b in ranges]


_APOSTROPHES = frozenset("'’")
_NOT_BEFORE_RUN = "’'-.@#/_"  # and digits: `_RUN`'s look-behind, less the letters no separator holds
_NOT_AFTER_RUN = "’'-@#/_"  # and digits, and a full stop before a word character: its look-ahead


def _may_precede(sep: str) -> bool:
    return not sep or not (sep[-1] in _NOT_BEFORE_RUN or sep[-1].isdecimal())


def _may_follow(sep: str, inner: bool) -> bool:
    """Whether a run may end before `sep`; `inner`: a word of letters follows the separator."""
    if not sep:
        return True
    first = sep[0]
    if first in _NOT_AFTER_RUN or first.isdecimal():
        return False
    if first == ".":  # ".5", ".com": a full stop before a word character
        return not inner if len(sep) == 1 else not (sep[1] == "_" or sep[1].isdecimal())
    return True


def _glued_runs(
    distinct: dict[str, str],
    counts: Counter[str],
    nonwords: set[str],
    masked: list[str],
    names: frozenset[str],
    code_words: frozenset[str],
    options: Options,
) -> dict[str, tuple[int, str]]:
    """The article's runs of letters that are two words glued, each with where the space belongs.

    Worked out once per distinct run: only a run the article uses once (in any case) can be glued,
    so each such run stands at one place in the article. A word of the vocabulary is no glue (each
    test below starts by asking so; the vocabulary has no word with a curly apostrophe either)."""
    single = {lower for lower in nonwords if counts[lower] == 1} - code_words
    glued: dict[str, tuple[int, str]] = {}
    if not single:
        return glued
    alone: Counter[str] | None = None  # capitalised words standing alone mid-sentence, counted once needed
    # The one way each such run is written (used once in any case, so written one way).
    for word in compress(distinct, map(single.__contains__, distinct.values())):
        if len(word) < 4 or word in names:
            continue
        glue = None
        capital = _LOWER_TO_UPPER.search(word)
        if capital:
            if alone is None:
                alone = Counter(chain.from_iterable(_ALONE.findall(m) for m in masked))
            glue = _camel(word, alone[word[: capital.start()]], options)
        glue = glue or _caps_glue(word, options) or _lower_glue(word, options)
        if glue is not None:
            glued[word] = glue
    return glued


def _split_parts(counts: Counter[str], nonwords: set[str]) -> set[str]:
    """The article's lowercase runs that may be part of a split word: rare, and no word alone
    (a letter alone, "t", is none even when the vocabulary has it)."""
    letters = (word for word in counts if len(word) == 1)
    return {word for word in nonwords.union(letters) if counts[word] <= 2 and word not in _LONE_WORD_LETTERS}


def _ordinal(marker: object) -> int | None:
    digits = "".join(c for c in str(marker or "") if c.isdigit())
    return int(digits) if digits else None


def _technical(prose: str, at: int) -> bool:
    start, end = token_bounds(prose, at)
    return is_technical(prose[start:end])


def _common(part: str, min_zipf: float) -> Entry | None:
    found = entry(part)
    return found if found is not None and found.zipf >= min_zipf else None


def _camel(word: str, left_alone: int, options: Options) -> tuple[int, str] | None:
    """"ReedThis", "reportPhoto", "OkaforPhoto": a word, then a capitalised common word.

    `left_alone` counts the article's other uses of the left part as a capitalised word of its own
    ("Anna Reed" elsewhere makes "ReedThis" a name with the next word glued on)."""
    cut = [m.start() for m in _LOWER_TO_UPPER.finditer(word)]
    # "VanFossenWhen": a name with its prefix ("Van", "Mc") is one part; the glue is the last capital.
    prefixed_name = len(cut) == 2 and word[: cut[0]].lower() in _NAME_PREFIXES and word[0].isupper()
    if len(cut) != 1 and not prefixed_name:
        return None  # "iPhoneXs", "DevSecOps": names
    at = cut[-1]
    left, right = word[:at], word[at:]
    if entry(word) is not None or left.lower() in _NAME_PREFIXES or len(left) < 2:
        return None
    if not right[1:].islower() or len(right) < 2 or right.lower() in _COMPOUND_HEADS:
        return None  # "ThinkUp", "PhaseOne", "GovStart": brands end in such words
    right_entry = entry(right)
    left_entry = Entry(0.0, lower=False, capital=True, upper=False) if prefixed_name else entry(left)
    if right_entry is None or left_entry is None:
        return None
    if prefixed_name and right_entry.zipf < 5.5:
        return None  # only a sentence's function word ("When", "The") is glue after such a name
    if left[0].islower():
        # "reportPhoto", "stormUpdates": a whole lowercase word before the capital; code identifiers
        # ("lastModified", "openData") start with short words or prefixes.
        if len(left) < 5 or not left_entry.lower or left_entry.zipf < 3.5 or left.lower() in _PREFIXES:
            return None
        return (at, "two words run together") if right_entry.zipf >= 3.0 else None
    score = 0
    if right_entry.zipf >= 5.5:
        score += 2  # a function word starting the next sentence: "This", "The", "He"
    elif right_entry.zipf >= options.min_zipf:
        score += 1
    if left_entry.capital and not left_entry.lower:
        score += 2  # a name glued to the next word: "OkaforPhoto"
    else:
        score += 1  # "ReedThis"; "PowerPoint", two common words, stays below the bar
    if left_alone:
        score += 1
    return (at, "two words run together") if score >= 4 else None


def _caps_glue(word: str, options: Options) -> tuple[int, str] | None:
    """"NASAfunded", "signingNFL": a run of capitals glued to a lowercase word."""
    if entry(word) is not None:
        return None
    m = _CAPS_THEN_LOWER.fullmatch(word)
    if m:
        tail = entry(m.group("tail"))
        if tail is None or not tail.lower or tail.zipf < 3.5:
            return None
        if entry(m.group("head")[-1] + m.group("tail")) is not None:
            return None  # "HAProxy": capitals, then a capitalised word
        return m.start("tail"), "two words run together"
    m = _LOWER_THEN_CAPS.fullmatch(word)
    if m:
        head = entry(m.group("head"))
        if head is not None and head.lower and head.zipf >= 3.0 and m.group("head") not in _PREFIXES:
            return m.start("tail"), "two words run together"
    return None


def _lower_glue(word: str, options: Options) -> tuple[int, str] | None:
    """"briefingafter", "budgetwere", "Reed'swere": two words with the space lost.

    The part after the break must be a very common word (a function word or auxiliary: the kind a
    compound or a name does not end in), the part before a word or a name of four letters or more."""
    plain = word.replace("’", "'")
    if len(plain) < options.min_glued_length or not plain[1:].replace("'", "").islower():
        return None
    if entry(plain) is not None or (plain.endswith("'s") and entry(plain[:-2]) is not None):
        return None
    possessive = _POSSESSIVE_GLUE.fullmatch(plain)
    if possessive:
        # No English word goes on after a possessive "'s": "Zealand'sdrinking" lost its space.
        head, tail = entry(possessive.group("head")), entry(possessive.group("tail"))
        if head is not None and tail is not None and tail.lower and tail.zipf >= 3.0:
            return possessive.start("tail"), "two words run together"
    capitalised = plain[0].isupper()
    best: tuple[float, int] | None = None
    for at in range(4, len(plain) - 1):
        left, right = plain[:at], plain[at:]
        if "'" in right or right in _COMPOUND_HEADS:
            continue
        if len(right) <= 2 and (capitalised or right not in _GLUED_SHORT_WORDS):
            continue  # "Simonas", "implementor": names and suffixes end so
        if capitalised and len(right) < 4:
            continue  # "Halland", "Jewson"
        right_entry = entry(right)
        if right_entry is None or not right_entry.lower or right_entry.zipf < _FUNCTION_ZIPF:
            continue
        head = left[:-2] if left.endswith("'s") else left
        if "'" in head or len(head) < 4 or head.lower() in _PREFIXES:
            continue
        left_entry = entry(head)
        if left_entry is None:
            continue
        if left_entry.zipf < 3.0 and not (left_entry.capital and not left_entry.lower):
            continue
        score = min(left_entry.zipf, right_entry.zipf)
        if best is None or score > best[0]:
            best = (score, at)
    if best is None:
        return None
    return best[1], "two words run together"


def _split_word(a: str, b: str, options: Options) -> str | None:
    """"t he": a lone letter or a non-word that joins its neighbour into a common word."""
    # Two words are the usual case, and each is looked up often: that test goes first.
    a_word = a in _LONE_WORD_LETTERS if len(a) == 1 else entry(a) is not None
    b_word = b in _LONE_WORD_LETTERS if len(b) == 1 else entry(b) is not None
    if a_word and b_word:
        return None  # "a part" / "apart", "in to": both readings are words
    joined = entry(a + b)
    if joined is None or joined.zipf < options.min_zipf or not joined.lower:
        return None
    return "one word split by a space"
