"""garbled-text: a passage where many words are garbled by OCR or lost letters ("councii",
"builuing", "woulu"; "recieved" is not it: a misspelling here and there is not garbling).

Evidence, per paragraph: lowercase words that are no English word but one changed or missing
letter away from a common one ("saiu" -> "said" counts; three-letter words are too short to
tell). A paragraph is reported when several such words make up a good share of its words and the
rest reads as English (common function words are there), so foreign-language quotations,
names, numbers and code are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from lint.checks._names import prose_tokens
from lint.checks._tokens import masked_prose
from lint.checks.base import Check, HouseStyle, option
from lint.document.model import Document
from lint.findings import Finding, Severity
from lint.patterns import lazy_re
from lint.words import entry, vocabulary

_WORD = lazy_re(r"(?<![\w’'\-])[a-z]+(?![\w’'\-])")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_FUNCTION_WORDS = frozenset("the of and to in a is that for it on with as was at by are be this".split())
_MAX_LOOKUPS = 60  # unknown words examined per paragraph: keeps a paragraph of code-like text cheap


@dataclass(frozen=True)
class Options:
    min_garbled: int = option(4, "Distinct garbled words needed in one paragraph.")
    min_share: float = option(0.12, "Share of the paragraph's lowercase words that must be garbled.")
    min_function_share: float = option(
        0.12, "Share of English function words the paragraph needs to count as English prose."
    )


class GarbledText(Check):
    id = "garbled-text"
    category = "typography"
    severity = Severity.WARNING
    Options = Options
    summary = 'A passage garbled by OCR or dropped letters ("the mayoi saiu the builuing woulu open").'
    why = (
        "Text scanned from print or converted badly swaps letters (r for i, d for u) or drops them; "
        "a spell checker flags each word, but a paragraph full of them needs to be re-keyed from the "
        "source. Only words one letter away from a common English word count, in a paragraph that "
        "otherwise reads as English."
    )
    bad = (
        "The town councii met on Tuesday to uiscuss the new liorary, and the mayoi saiu the builuing "
        "woulu open in the spiing. Resiuents askeu about parking and the cost of the project."
    )
    good = (
        "The town council met on Tuesday to discuss the new library, and the mayor said the building "
        "would open in the spring. Residents asked about parking and the cost of the project."
    )

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        blocks = doc.prose_blocks
        masked = masked_prose(doc)
        # Only unknown words can be garbled, and a paragraph's are among the whole article's: when
        # those alone cannot reach the threshold, no paragraph can (most articles: one or two).
        # Each word `_WORD` finds is one of the runs of letters the casing checks split the prose
        # into (shared), all in lowercase ASCII: these runs' unknown ones hold every paragraph's.
        runs = set(prose_tokens(doc).words)
        unknown_in_article = vocabulary().unknown(w for w in runs if len(w) >= 4 and w.isascii() and w.islower())
        if len(unknown_in_article) < options.min_garbled:
            return
        for block, prose in zip(blocks, masked, strict=True):
            words = _WORD.findall(prose)
            if len(words) < 8:
                continue
            function = sum(map(_FUNCTION_WORDS.__contains__, words))
            if function < options.min_function_share * len(words):
                continue  # not English prose: a foreign quotation, a list of terms
            # When the unknown words alone cannot reach the thresholds no near-miss spelling needs
            # to be searched for (most paragraphs: few or no unknown words).
            misses = unknown_in_article.intersection(words)
            if len(misses) < options.min_garbled:
                continue
            unknown = list(islice((w for w in words if w in misses), _MAX_LOOKUPS))
            if len(set(unknown)) < options.min_garbled or len(unknown) < options.min_share * len(words):
                continue
            garbled: list[tuple[re.Match[str], str]] = []
            looked = 0
            for m in _WORD.finditer(prose):
                word = m.group()
                if word not in misses:  # all the paragraph's unknown words of four letters or more
                    continue
                looked += 1
                if looked > _MAX_LOOKUPS:
                    break
                meant = _one_letter_away(word)
                if meant:
                    garbled.append((m, meant))
            distinct = len({m.group() for m, _ in garbled})
            if distinct < options.min_garbled or len(garbled) < options.min_share * len(words):
                continue
            first, last = garbled[0][0], garbled[-1][0]
            examples = ", ".join(f"“{m.group()}” ({meant}?)" for m, meant in garbled[:4])
            yield self.finding(
                block.text.span(first.start(), last.end()),
                f"This passage looks garbled (OCR or lost letters): {len(garbled)} of its {len(words)} "
                f"lowercase words are one letter off a common word, such as {examples}. Re-key it from the source.",
            )


def _one_letter_away(word: str) -> str | None:
    """A common word one substituted or one missing letter away ("builuing" -> "building")."""
    best: tuple[float, str] | None = None
    for i in range(len(word) + 1):
        for c in _LETTERS:
            for candidate in (word[:i] + c + word[i + 1 :], word[:i] + c + word[i:]):
                if candidate == word:
                    continue
                found = entry(candidate)
                if found is not None and found.lower and found.zipf >= 3.0:
                    if best is None or found.zipf > best[0]:
                        best = (found.zipf, candidate)
    return best[1] if best else None
