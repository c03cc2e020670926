"""truncated-ending: the article stops in the middle of a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks._structure import is_placeholder_block
from lint.checks.base import Check, HouseStyle, option
from lint.document.model import Block, BlockKind, Document
from lint.findings import Finding, Severity
from lint.patterns import lazy_re

# Words that cannot end an English sentence: articles, conjunctions, most prepositions,
# auxiliaries, determiners. Sign-offs, credits and contact lines often lack a final full stop,
# so a missing stop alone proves nothing; a last word like these does.
_DANGLING_WORDS = frozenset(
    """
    the a an and or but nor of to for from with into onto than that which who whose whom whether if
    because while although though when where as is are was were be been being will would can could
    should may might must shall has have had its their his her our your my this these those such
    very also including between among during about against toward towards via per
    """.split()
)
# Punctuation that leaves a sentence open: a comma, a semicolon, an opening bracket or quote, a dash.
_OPEN_END = lazy_re(r"(?:[,;(\[{“‘]|\s[–—-])$")
# An ellipsis ends teasers cut from longer copy ("… would consider new measures to…"), but also
# a casual sign-off ("That's all for now..."): only a long sentence before it counts.
_ELLIPSIS_END = lazy_re(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])$")
_LAST_WORD = lazy_re(r"([A-Za-z]+)\W*$")


@dataclass(frozen=True)
class Options:
    min_words_before_ellipsis: int = option(
        15,
        "How many words the last sentence needs before a final ellipsis reads as a cut.",
    )


class TruncatedEnding(Check):
    id = "truncated-ending"
    category = "structure"
    severity = Severity.WARNING
    Options = Options
    summary = "The article ends in the middle of a sentence (\"... will be discussed by the\")."
    why = (
        "Copy that was cut off when it was pasted, exported or trimmed for a teaser ends in mid-air. "
        "It is easy to miss on screen, and readers notice it at once."
    )
    bad = "Ministers will meet again on Monday, and the plan will be discussed by the"
    good = "Ministers will meet again on Monday to discuss the plan."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        block = _last_paragraph(doc)
        if block is None:
            return
        text = block.text.text.rstrip()
        reason = _open_ending(block, text, options)
        if reason is None:
            return
        # Point at the last few words, from a word boundary.
        start = max(0, text.rfind(" ", 0, max(0, len(text) - 25)) + 1)
        yield self.finding(
            block.text.span(start, len(text)),
            f"the article seems to stop in the middle of a sentence ({reason}): "
            "restore the rest of the text or finish the sentence",
        )


def _last_paragraph(doc: Document) -> Block | None:
    """The article's last block when it is a paragraph or a quote; None when it is anything else."""
    last = next((b for b in reversed(doc.blocks) if not is_placeholder_block(b) and b.kind is not BlockKind.HTML), None)
    # Lists, tables and code routinely end without a full stop; only prose can be cut off here.
    if last is None or last.kind not in (BlockKind.PARAGRAPH, BlockKind.QUOTE):
        return None
    return last


def _last_word(text: str) -> re.Match[str] | None:
    """`_LAST_WORD.search(text)`, tried near the end first. Its match is the letters before the
    text's closing run of non-word characters; a match found at the very start of the window (or
    none found there) may begin further back, so the whole text is searched then."""
    start = max(0, len(text) - 80)
    m = _LAST_WORD.search(text, start)
    if start and (m is None or m.start() == start):
        m = _LAST_WORD.search(text)
    return m


def _open_ending(block: Block, text: str, options: Options) -> str | None:
    if not text:
        return None
    # The patterns are anchored at the end: tried there only (their matches are 2 and 5
    # characters at most; the last word's is found near the end unless its tail is long).
    m = _OPEN_END.search(text, max(0, len(text) - 2))
    if m:
        return f"it ends with “{m.group().strip()}”"
    ellipsis = _ELLIPSIS_END.search(text, max(0, len(text) - 5))
    word = _last_word(text)
    dangling = word is not None and word.group(1) in _DANGLING_WORDS
    if ellipsis:
        last_words = len(block.sentences[-1].words) if block.sentences else 0
        long_sentence = last_words >= options.min_words_before_ellipsis
        return f"it ends with “{ellipsis.group()}”" if dangling or long_sentence else None
    if dangling and word is not None and word.end(1) == len(text):
        return f"its last word is “{word.group(1)}”"
    return None
