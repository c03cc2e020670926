"""boilerplate-self-promotion: the outlet promoting itself in the story ("Stay tuned to X for updates")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks._boilerplate import best_per_span, literal_phrase, self_promotion_patterns
from lint.checks._leftover_lines import masked_paragraphs
from lint.checks._needles import needle_index
from lint.checks._structure import exact_source
from lint.checks.base import Check, HouseStyle, option
from lint.document.model import Block, Document
from lint.findings import Finding, Fix, Severity
from lint.patterns import compile_pattern


@dataclass(frozen=True)
class Options:
    extra_phrases: tuple[str, ...] = option(
        (),
        "More self-promotion phrases of the outlet, matched as whole words without regard to case.",
    )


class BoilerplateSelfPromotion(Check):
    id = "boilerplate-self-promotion"
    category = "boilerplate"
    severity = Severity.WARNING
    Options = Options
    summary = "The outlet advertising itself in the story: \"Stay tuned to X for further updates\"."
    why = (
        "Promotional sign-offs are template text, often generated with the article: they add no news, "
        "and when copy moves between sites they name the wrong outlet. The check knows the outlet's name "
        "and domains from the config, and recognises the usual phrasings around any site name."
    )
    bad = "Talks resume on Monday. Stay tuned to Example News for further updates."
    good = "Talks resume on Monday."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        patterns = self_promotion_patterns(house.outlet_name, house.domains)
        extra = _extra(options.extra_phrases)
        needles = needle_index(tuple(p.regex for p in patterns) + ((extra,) if extra is not None else ()))
        # Only the patterns whose needles ("stay tuned", "coverage", ...) are in a paragraph run
        # on it (most paragraphs: none).
        for block, mask in masked_paragraphs(doc, needles):
            prose = block.text.text
            may = needles.patterns_in(mask)
            matches = [
                (m.start(), m.end(), p.severity)
                for p in patterns
                if p.regex in may
                for m in p.regex.finditer(prose)
                if m.end() > m.start()
            ]
            if extra is not None and extra in may:
                matches += [(m.start(), m.end(), self.severity) for m in extra.finditer(prose)]
            # One finding per sentence: "Stay tuned for further updates and explore our coverage".
            by_sentence: dict[int, list[tuple[int, int, Severity]]] = {}
            for match in best_per_span(matches):
                by_sentence.setdefault(_sentence_index(block, match[0]), []).append(match)
            for group in by_sentence.values():
                start, end = group[0][0], group[-1][1]
                severity = max((m[2] for m in group), key=lambda sev: sev.rank)
                yield self.finding(
                    block.text.span(start, end),
                    f"“{prose[group[0][0] : group[0][1]]}” is the outlet promoting itself, not news: "
                    "delete the sentence",
                    fix=_delete_sentence(doc, block, start),
                    severity=severity,
                )


def _sentence_index(block: Block, index: int) -> int:
    found = block.sentence_index_at(index)
    return -1 - index if found is None else found


def _delete_sentence(doc: Document, block: Block, index: int) -> Fix | None:
    """A suggested fix that deletes the sentence holding prose[index], with the space after it.

    Only offered when the sentence is written in the source exactly as in the prose (no markup
    inside that a deletion could break), and never applied automatically: the editor decides.
    """
    found = block.sentence_index_at(index)
    if found is None:
        return None
    sentence = block.sentences[found]
    if not exact_source(doc, block, sentence.start, sentence.end):
        return None
    prose = block.text.text
    end = sentence.end
    while end < len(prose) and prose[end] in " \t":
        end += 1
    if not exact_source(doc, block, sentence.start, end):
        end = sentence.end
    return Fix(block.text.span(sentence.start, end), "", safe=False)


def _extra(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    parts = [literal_phrase(p) for p in phrases if p.strip()]
    return compile_pattern("|".join(parts), re.IGNORECASE) if parts else None
