"""glued-heading: a heading run into the text after it because its line break was lost.

"Urgent Breaking NewsKyiv – As the conflict...", "Humanitarian CrisisRecent large-scale...",
"A Long Game at Ukraine's Expense?According to...", "Frequently Asked QuestionsQ: Will...".

The shape, not a word list: a run of title-case words that starts a sentence (the lost heading),
whose last word is glued to the next one either directly ("NewsKyiv": a real lowercase word,
then a capital starting another word) or across "?", "!" or "." ("Expense?According").
Camel-case names are kept out by the CMU dictionary (which knows YouTube, WhatsApp, PowerPoint,
iPhone...), a short list of others (`lint/data/camel_case_names.txt`), the outlet's glossary, and
by a name appearing more than once in the article (a lost line break happens once).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from lint.checks._tokens import is_english_word
from lint.checks.base import Check, HouseStyle, option
from lint.datafiles import data_lines
from lint.document.mapped import MappedText
from lint.document.model import BlockKind, Document
from lint.findings import Finding, Fix, Severity
from lint.patterns import lazy_re

# "NewsKyiv", "CrisisRecent", "QuestionsQ:" — the last word of the heading, then the first of
# the text. The first part needs 3+ lowercase letters, which keeps out McDonald, DiCaprio, LeBron.
# Both patterns start with the heading word's capital, what may not stand before it looked behind
# after it: the engine scans for capitals instead of trying the look-behind at every position.
_CAMEL_GLUE = lazy_re(
    r"(?P<last>[A-Z](?<![\w’'\-–—.@#][A-Z])[a-z]{3,})(?P<next>[A-Z][a-z]+|[QA](?=:))(?![\w’'\-]|\.\w)"
)
# "Expense?According": a question or exclamation ending the heading, then the text's first word.
# (A full stop glued to a capital is a missing space far more often: missing-space reports it.)
_PUNCT_GLUE = lazy_re(r"(?P<last>[A-Z](?<![\w’'\-–—.@#][A-Z])[a-z]+)(?P<punct>[?!])(?P<next>[A-Z][a-z]+)\b")
# Words a title-case heading may hold in lowercase.
_SMALL_WORDS = frozenset(
    "a an the and or but nor for of in on at to by as with from into onto over via vs per up "
    "is are be was how why what when where who than".split()
)
_HEADING_WORD = lazy_re(r"[^\s]+")
_NOT_IN_HEADING = lazy_re(r"[()\[\]@#/<>|=_*]")
_CAMEL_WORD = lazy_re(r"[a-z][A-Z]")
_LOWER_UPPER = lazy_re(r"[A-Z](?<=[a-z][A-Z])")  # the same, found faster by the capital
_DIGIT = lazy_re(r"\d")
_SENTENCE_END = lazy_re(r"[.!?…][”’\"')\]]*\s+")
_MAX_HEADING_WORDS = 20
_LOOKBACK = 240  # characters: a heading is short, and this keeps the check linear


@cache
def _known_names() -> frozenset[str]:
    return frozenset(data_lines("camel_case_names.txt"))


@dataclass(frozen=True)
class Options:
    min_heading_words: int = option(3, "How many words (the glued one included) the run-in heading must have at least.")
    punctuation: bool = option(
        True,
        "Also report a question or exclamation heading glued to its text (\"Expense?According\").",
    )


@dataclass(frozen=True)
class Glue:
    """Where a heading runs into its text."""

    heading_start: int  # prose offsets
    token_start: int
    last_end: int  # end of the heading's last word
    glue_at: int  # where the line break belongs
    token_end: int


class GluedHeading(Check):
    id = "glued-heading"
    category = "readability"
    supersedes = ("missing-space", "paragraph-length", "sentence-length")
    severity = Severity.WARNING
    Options = Options
    summary = "A heading run into the text after it because its line break was lost (\"Breaking NewsKyiv\")."
    why = (
        "When copy is pasted from a page or a PDF, the line break after a heading can vanish and "
        "the heading runs into the first sentence: \"Humanitarian CrisisRecent attacks...\". "
        "Readers see a garbled word and the section loses its heading. Camel-case names such as "
        "YouTube, PowerPoint or iPhone are not reported; add the outlet's own to the glossary."
    )
    bad = "Escalating Attacks and a Worsening Humanitarian CrisisRecent strikes hit the grid."
    good = "## Escalating Attacks and a Worsening Humanitarian Crisis\n\nRecent strikes hit the grid."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        allowed = _known_names() | frozenset(house.glossary)
        counts: Counter[str] | None = None
        for block in doc.prose_blocks:
            if block.kind is BlockKind.HEADING:
                continue  # a heading block kept its line break
            for glue in find_glued_headings(block.text.text, options):
                prose = block.text.text
                token = prose[glue.token_start : glue.token_end]
                if token in allowed or _is_dictionary_word(token):
                    continue
                if not _is_dictionary_word(prose[glue.token_start : glue.last_end]):
                    continue  # the heading's last word is not a real word: a name ("Kaur...")
                if counts is None:
                    counts = Counter(w for b in doc.prose_blocks for w in b.word_texts)
                if counts[token] > 1:
                    continue  # used twice: a name, not an accident
                yield self._report(doc, block.text, glue)

    def _report(self, doc: Document, text: MappedText, glue: Glue) -> Finding:
        prose = text.text
        heading = prose[glue.heading_start : glue.glue_at].strip()
        words = heading.split()
        if len(words) > 8:
            heading = "… " + " ".join(words[-6:])
        token = prose[glue.token_start : glue.token_end]
        fix = None
        if doc.format in ("markdown", "text"):
            # Unsafe: where the heading starts is a guess, so only suggest the break.
            fix = Fix(text.span(glue.glue_at, glue.glue_at), "\n\n", safe=False)
        return self.finding(
            text.span(glue.token_start, glue.token_end),
            f"the heading “{heading}” runs into the text (“{token}”): a line break was lost; "
            "put the heading on a line of its own",
            fix=fix,
        )


def find_glued_headings(prose: str, options: Options = Options()) -> Iterator[Glue]:
    """Every place in a paragraph's prose where a title-case run is glued to the next word."""
    # Quick tests for what each pattern needs (a lowercase letter glued to a capital; "?" or "!"):
    # most paragraphs have neither, and the patterns try every position.
    candidates: list[tuple[re.Match[str], int]] = []
    if _LOWER_UPPER.search(prose):
        candidates += [(m, m.start("next")) for m in _CAMEL_GLUE.finditer(prose)]
    if options.punctuation and ("?" in prose or "!" in prose):
        candidates += [(m, m.end("punct")) for m in _PUNCT_GLUE.finditer(prose)]
    for m, glue_at in sorted(candidates, key=lambda c: c[1]):
        start = _heading_start(prose, m.start("last"), options.min_heading_words)
        if start is not None and _starts_text(prose, m.group("next"), m.end()):
            yield Glue(start, m.start(), m.end("last"), glue_at, m.end())


def _heading_start(prose: str, last_word: int, min_words: int) -> int | None:
    """Start of the title-case run that ends with the word at `last_word`, if it starts a sentence."""
    window_start = max(0, last_word - _LOOKBACK)
    start = window_start
    for m in _SENTENCE_END.finditer(prose, window_start, last_word):
        start = m.end()
    if start == window_start and window_start > 0:
        return None  # no sentence start within reach: not a heading
    words = _HEADING_WORD.findall(prose, start, last_word)
    if len(words) + 1 < min_words or len(words) >= _MAX_HEADING_WORDS:
        return None
    run = prose[start:last_word]
    if _NOT_IN_HEADING.search(run) or "," in run.partition(":")[0]:
        return None  # handles, tags, brackets, links, a list: not a heading
    capitalised = 1  # the glued word; the run's first word does not count
    for index, word in enumerate(words):
        core = word.strip("“”\"'‘’:,–—-")
        if not core or not any(c.isalnum() for c in core):
            continue  # a dash or other mark inside the heading
        if _CAMEL_WORD.search(core) or (_DIGIT.search(core) and not core.isdigit()):
            return None  # "EntryNotFound", "Breathe2Relax", "USN-5855": names or code
        if core[0].isupper():
            capitalised += index > 0  # the first word of a sentence is capitalised anyway
        elif not core[0].isdigit() and core.lower() not in _SMALL_WORDS:
            return None  # a lowercase word: running prose, not a heading
    return start if capitalised >= 2 else None


def _starts_text(prose: str, first_word: str, after: int) -> bool:
    """Whether the glued word starts running text: "Recent attacks", "Kyiv – As the", "Q: Will"."""
    if len(first_word) == 1:
        return True  # "Q:" / "A:" of a question-and-answer section
    following = prose[after : after + 80].split()[:3]
    if any(word in ("–", "—", "-") for word in following):
        return True  # a dateline: "Kyiv – As the conflict", "Washington D.C. – December 7"
    return any(word[:1].islower() for word in following[:2])


def _is_dictionary_word(token: str) -> bool:
    """A word the CMU dictionary knows: "news", or a camel-case name whole ("YouTube")."""
    return token.isalpha() and is_english_word(token)
