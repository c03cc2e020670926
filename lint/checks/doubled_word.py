"""doubled-word: the same word twice in a row ("the the", "to to"), or twice around an auxiliary
("had largely been largely")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks.base import Check, HouseStyle, option
from lint.document.model import Document
from lint.findings import Finding, Fix, Severity
from lint.patterns import lazy_re

# A word, white space (no blank line), the same word again; not inside "we're re-" or "x-x".
# (The word is taken whole, "++": a shorter part of it is never followed by white space.)
_DOUBLED = lazy_re(
    r"(?<![\w'’\-.@/])(?P<word>[^\W\d_]++)(?P<gap>[ \t]*\n[ \t]*|[ \t]+)(?P<again>(?P=word))(?![\w\-'’])", re.I
)
# An adverb repeated around an auxiliary: "had largely been largely shunned", "has already been
# already": moved in a rewrite and left in its old place too. ("Conflict is conflict" is meant.)
_ADVERBS = ("already", "still", "just", "even", "only", "never", "always", "often")
_AROUND_AUXILIARY = lazy_re(
    rf"(?<![\w'’\-.@/])(?P<word>[a-z]{{2,}}ly|{'|'.join(_ADVERBS)})\s+"
    r"(?:been|be|being|is|was|are|were|has|have|had|will|would|can|could"
    r"|should|may|might|must|not|also)\s+(?P<again>(?P=word))(?![\w\-'’])"
)
_NOT_PLAIN_WORDS = lazy_re(r"[&\u00ad\u2011İΣ]")
# On words joined with NUL: a word the next one starts with; an adverb the word after next starts with.
_NEXT_WORD_AGAIN = lazy_re(r"\x00([^\x00]++)\x00\1")
# (A word ending in "ly" is taken whole, then its end looked at: no backing up letter by letter.)
_ADVERB_AGAIN = lazy_re(rf"\x00((?>[^\x00]*)(?<=ly)|{'|'.join(_ADVERBS)})\x00[^\x00]++\x00\1")
_EMPHASIS_MARKUP = lazy_re(r"[*_]|<(?:em|i|strong|b)\b", re.I)
_CLOSING_QUOTE = lazy_re(r"[.,!?]?[”\"’']")  # a closing quote mark, maybe after a stop or comma
# Words that are grammatical when doubled ("he had had enough", "that that rule", "what it is is")
# or are doubled on purpose ("ha ha", "very very", "bye bye").
_GRAMMATICAL = frozenset(
    """
    had that is do does did ha ah oh ho hee haha no bye so very far long really many much more
    yada blah tut tsk boo knock chop choo hush night well ta there now then yeah yes
    """.split()
)


@dataclass(frozen=True)
class Options:
    allow: tuple[str, ...] = option((), "Extra words that may stand twice in a row in this outlet's copy.")


class DoubledWord(Check):
    id = "doubled-word"
    category = "duplicate"
    severity = Severity.WARNING
    Options = Options
    summary = 'The same word twice in a row ("the the").'
    why = (
        "A doubled word is one of the commonest slips in edited copy and the eye skips over it, "
        'especially across a line break. Grammatical doubles ("had had", "that that") and '
        'deliberate repetition ("ha ha", "very, very") are left alone.'
    )
    bad = "The minister said the the talks would resume in in March."
    good = "The minister said the talks would resume in March."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        allowed = _GRAMMATICAL | {w.lower() for w in options.allow}
        for block in doc.prose_blocks:
            prose = block.text.text
            doubled, around = _may_repeat(prose, block.word_texts)
            for m in _DOUBLED.finditer(prose) if doubled else ():
                first, again = m.group("word"), m.group("again")
                if first.lower() in allowed or _deliberate(prose, m, first, again):
                    continue
                gap_start, gap_end = (
                    block.text.source_end(m.end("word")),
                    block.text.source_offset(m.start("again")),
                )
                if _EMPHASIS_MARKUP.search(doc.source, gap_start, gap_end):
                    continue  # "may actually *actually* work": repeated for emphasis
                start = m.end("word")
                fix = Fix(block.text.span(start, m.end()), "", safe=False)
                yield self.finding(
                    block.text.span(m.start(), m.end()),
                    f"“{first}” appears twice in a row: delete one (“{first}”).",
                    fix=fix,
                )
            for m in _AROUND_AUXILIARY.finditer(prose) if around else ():
                word = m.group("word")
                if word in allowed:
                    continue
                yield self.finding(
                    block.text.span(m.start(), m.end()),
                    f"“{word}” appears twice in “{m.group()}”: a rewrite left it in two places; keep one.",
                )


def _may_repeat(prose: str, words: list[str]) -> tuple[bool, bool]:
    """Whether each pattern can match: does a word start the next word again (in any case), or
    does an adverb start the word after the next?

    The block's words (shared by several checks) hold the patterns' runs of letters: the repeated
    run is a whole word, the repeat starts one ("the the.com"). Only joins across "&" or a soft or
    non-breaking hyphen ("AT&the") hide a run's start, and str.lower() cases "İ" and a final "Σ"
    unlike the patterns' letter-by-letter comparison: text with any of those takes the patterns.
    The words are joined with NUL (never in a word), so one search over them tells."""
    if _NOT_PLAIN_WORDS.search(prose):
        return True, True
    joined = "\x00" + "\x00".join(words)
    return _NEXT_WORD_AGAIN.search(joined.lower()) is not None, _ADVERB_AGAIN.search(joined) is not None


def _deliberate(prose: str, m: re.Match[str], first: str, again: str) -> bool:
    """Repetition that is a name, emphasis or a label rather than a slip."""
    # “done done”: a quoted double is a term on purpose.
    if m.start() and prose[m.start() - 1] in "“\"‘'" and _CLOSING_QUOTE.match(prose[m.end() :]):
        return True
    # "help help help", "long long long": three or more is on purpose.
    after = prose[m.end() :].lstrip()
    if after[: len(first)].lower() == first.lower() and not after[len(first) : len(first) + 1].isalnum():
        return True
    before = prose[: m.start()].rstrip()
    if before[-len(first) :].lower() == first.lower():
        return True
    # "very VERY", "GET get": a change of case style is deliberate.
    if first.isupper() != again.isupper() and len(first) > 1:
        return True
    # "Boing Boing", "Walla Walla", "Remote Work Work": names and title-case headings.
    if first[0].isupper() and again[0].isupper() and len(first) > 3:
        return True
    # A capitalised word ending a line, then the same word: a label then its description.
    return "\n" in m.group("gap") and first[0].isupper()
