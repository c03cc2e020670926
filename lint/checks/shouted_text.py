"""shouted-text: a long run of words in capitals inside ordinary text.

Wire and picture-desk codes ("FOR EDITORIAL PURPOSES ONLY, NOT FOR SALE OR ARCHIVE") and text
pasted from a field set in capitals read as shouting in a story.
Evidence: at least `min_words` words in capitals in a row (punctuation between them allowed) in a
paragraph that is otherwise written in lower case. Headings, all-caps paragraphs (a style), and
short runs of acronyms ("NATO, EU and UN") are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks._tokens import mask_non_prose
from lint.checks.base import Check, HouseStyle, option
from lint.document.model import BlockKind, Document
from lint.findings import Finding, Severity
from lint.patterns import lazy_re

_CAPS_WORD = r"[A-Z][A-Z'’&-]*[A-Z]"
# The first capital first, what may not stand before it looked behind after it: the engine scans
# for capitals instead of trying the look-behind at every position.
_RUN = lazy_re(rf"[A-Z](?<![\w'’-][A-Z])[A-Z'’&-]*[A-Z](?:[\s,.:;()/\-–—]+{_CAPS_WORD})+(?![\w'’-])")
_LOWER_WORD = lazy_re(r"\b[a-z]{3,}\b")
# A word in capitals anywhere: masking writes only spaces, so the words of a run in the masked
# text stand in the text itself too, and a paragraph without one (most) holds no run.
_ANY_CAPS_WORD = lazy_re(_CAPS_WORD)


@dataclass(frozen=True)
class Options:
    min_words: int = option(6, "Words in capitals in a row that make a run.")
    min_letters: int = option(24, "Letters the run must hold at least (a short list of acronyms is not a run).")


class ShoutedText(Check):
    id = "shouted-text"
    category = "typography"
    severity = Severity.WARNING
    Options = Options
    summary = 'A long run of words in capitals inside a paragraph ("FOR EDITORIAL PURPOSES ONLY, NOT FOR ...").'
    why = (
        "Wire services and picture desks add codes and usage notes in capitals; pasted into a story "
        "they read as shouting and are not for readers. Headings and paragraphs set wholly in "
        "capitals, and short runs of acronyms, are left alone."
    )
    bad = (
        "The coach watches from the touchline in Leeds. PICTURE DESK NOTE: FOR EDITORIAL PURPOSES ONLY, "
        "NOT FOR SALE OR ARCHIVE."
    )
    good = "The coach watches from the touchline in Leeds. (Photo: picture desk)"

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        for block in doc.prose_blocks:
            if block.kind is BlockKind.HEADING:
                continue
            if _ANY_CAPS_WORD.search(block.text.text) is None:
                continue
            prose = doc.shared(mask_non_prose, block.text.text)
            runs = list(_RUN.finditer(prose))
            if not runs or len(_LOWER_WORD.findall(prose)) < 4:
                continue  # a paragraph in capitals throughout is a style or a label, not a slip
            for m in runs:
                words = _ANY_CAPS_WORD.findall(m.group())
                if len(words) < options.min_words or sum(len(w) for w in words) < options.min_letters:
                    continue
                shown = " ".join(m.group().split())
                if len(shown) > 70:
                    shown = shown[:69] + "…"
                yield self.finding(
                    block.text.span(m.start(), m.end()),
                    f"{len(words)} words in capitals in a row (“{shown}”): wire or picture-desk codes, "
                    "or text pasted in capitals. Remove them or write them in ordinary case.",
                )
