"""readability-score: textstat readability scores per article, against the outlet's targets.

The scores are computed on the article's prose only (headings, paragraphs, list items,
captions, quotes; never code, tables or front matter) and shown in the JSON report's file
entry under "metrics". Syllables come from the offline CMU dictionary (`lint.syllables`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal, get_args

from lint.checks.base import Check, CheckUnavailable, Example, HouseStyle, option
from lint.document.mapped import ATOM
from lint.document.model import Document
from lint.findings import Finding, Severity
from lint.patterns import lazy_re

ScoreName = Literal[
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
    "linsear_write_formula",
]
SCORES: tuple[str, ...] = get_args(ScoreName)
# Plain names for messages.
_LABELS = {
    "flesch_reading_ease": "Flesch reading ease",
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "gunning_fog": "Gunning fog index",
    "smog_index": "SMOG index",
    "coleman_liau_index": "Coleman-Liau index",
    "automated_readability_index": "automated readability index",
    "dale_chall_readability_score": "Dale-Chall score",
    "linsear_write_formula": "Linsear Write score",
}
# A block without final punctuation (a heading, a list item) still ends a sentence: textstat
# counts sentences by punctuation, and would otherwise run a heading into the next paragraph.
_CLOSERS = "”’\"')]"  # after a sentence's last mark: "...said.”"
_SENTENCE_ENDS = ".!?:;…"
# Web addresses, file paths, e-mail addresses, handles and template leftovers are not words a
# reader reads; their length would count as long, hard words.
# Anchored at the start of a run: unanchored, every position of a long run without any of these
# characters scanned to its end again (50,000 brackets in a row took a minute).
_NOT_PROSE = lazy_re(r"(?<!\S)\S*?[/\\=<>{}_@|]\S*")
_NOT_PROSE_MARK = lazy_re(r"[/\\=<>{}_@|]")  # what `_NOT_PROSE` needs: most blocks have none


@dataclass(frozen=True)
class Options:
    scores: tuple[ScoreName, ...] = option(
        ("flesch_reading_ease", "flesch_kincaid_grade"),
        "Scores to compute and show in the JSON report's file entry (a score with a target is computed as well).",
    )
    min_flesch_reading_ease: float = option(
        0.0,
        "The lowest Flesch reading ease allowed (higher is easier). The default catches only prose off the bottom of "
        "the scale; edited blog copy scores 14 to 72, and news outlets aim for 50 or more.",
    )
    max_flesch_kincaid_grade: float = option(
        20.0,
        "The highest Flesch-Kincaid grade allowed. The default catches only prose above postgraduate level; edited "
        "blog copy scores grade 6 to 18, and news outlets aim for 10 or less.",
    )
    targets: dict[str, float] = option(
        doc="More targets, named min_<score> or max_<score>: {max_gunning_fog: 12}.",
        factory=dict,
    )
    min_words: int = option(100, "Articles of fewer words are not scored: scores on short texts mean little.")


class ReadabilityScore(Check):
    id = "readability-score"
    category = "readability"
    severity = Severity.INFO
    Options = Options
    summary = "Readability scores (Flesch reading ease, Flesch-Kincaid grade...) against the outlet's targets."
    why = (
        "Readability formulas estimate how hard prose is from sentence length and word length. "
        "They are rough, but an article far off the outlet's target (long sentences, long words) "
        "loses readers. The scores appear in the JSON report for every article of 100 words or "
        "more; a finding names the score that misses its target. The default targets only catch "
        "prose off the scale (reading ease below 0, grade above 20); news outlets usually aim for "
        "min_flesch_reading_ease 50 to 60 and max_flesch_kincaid_grade 8 to 10. Other scores take "
        "targets as min_<score> or max_<score> under targets; a target nobody reaches (max 100) "
        "switches one off."
    )
    # Shown on one sentence; by default a text needs min_words (100) words to be scored.
    bad = Example(
        "Notwithstanding considerable institutional reticence, the administration's comprehensive "
        "reconceptualisation of intergovernmental procurement methodologies necessitated unprecedented "
        "interdepartmental coordination.",
        settings={"checks": {"readability-score": {"min_words": 10}}},
    )
    good = (
        "Officials were wary. Still, the government changed how its departments buy things, "
        "and they had to work together."
    )

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        targets = _targets(options)
        scores = self._scores(doc, options, targets)
        if not scores:
            return
        span = _article_span(doc)
        for key, target in targets.items():
            bound, name = key.split("_", 1)
            value = scores[name]
            missed = value < target if bound == "min" else value > target
            if not missed:
                continue
            wanted = "at least" if bound == "min" else "at most"
            advice = "raise it" if bound == "min" else "lower it"
            yield self.finding(
                span,
                f"{_LABELS[name]} is {value:.1f}; the target is {wanted} {target:g}: "
                f"{advice} with shorter sentences and plainer, shorter words",
            )

    def metrics(self, doc: Document, options: Options, house: HouseStyle) -> dict[str, float]:
        scores = self._scores(doc, options, _targets(options))
        return {name: round(value, 2) for name, value in scores.items() if name in options.scores}

    def _scores(self, doc: Document, options: Options, targets: dict[str, float]) -> dict[str, float]:
        # The engine calls `run` and `metrics` on one instance per document: score it once.
        memo = self.__dict__.get("_memo")
        if memo is not None and memo[0] is doc:
            return memo[1]
        scores = self._compute(doc, options, targets)
        self._memo = (doc, scores)
        return scores

    def _compute(self, doc: Document, options: Options, targets: dict[str, float]) -> dict[str, float]:
        text, words = prose_for_scoring(doc)
        if words < options.min_words:
            return {}
        wanted = dict.fromkeys([*options.scores, *(key.split("_", 1)[1] for key in targets)])
        return compute_scores(text, tuple(wanted))


def _targets(options: Options) -> dict[str, float]:
    """Every target as {"min_<score>" | "max_<score>": value}; unknown names stop the run."""
    targets = {
        "min_flesch_reading_ease": options.min_flesch_reading_ease,
        "max_flesch_kincaid_grade": options.max_flesch_kincaid_grade,
        **options.targets,
    }
    for key in targets:
        bound, _, name = key.partition("_")
        if bound not in ("min", "max") or name not in SCORES:
            valid = ", ".join(f"max_{s}" for s in SCORES if s != "flesch_reading_ease")
            raise CheckUnavailable(
                f"unknown target {key!r} (valid targets: "
                f"min_flesch_reading_ease, {valid})",
                required=True,
            )
    return targets


def prose_for_scoring(doc: Document) -> tuple[str, int]:
    """The article's prose as one text, one block per line, and its word count."""
    parts: list[str] = []
    words = 0
    for block in doc.prose_blocks:
        text = block.text.text.replace(ATOM, " ")
        if _NOT_PROSE_MARK.search(text):
            text = _NOT_PROSE.sub(" ", text)
        text = text.strip()
        if not text:
            continue
        words += len(block.word_texts)
        last = text.rstrip(_CLOSERS)[-1:]
        parts.append(text if last and last in _SENTENCE_ENDS else text + ".")
    return "\n".join(parts), words


def compute_scores(text: str, names: tuple[str, ...]) -> dict[str, float]:
    """textstat's scores of `text`, with syllables from the offline dictionary.

    The two Flesch scores (the defaults) are computed here as textstat computes them, so a run
    with the default targets never imports textstat; any other score asks textstat itself.
    """
    from lint.checks._flesch import FLESCH_SCORES, flesch_scores
    from lint.syllables import cmu_dict

    scores: dict[str, float] = {}
    if any(name in FLESCH_SCORES for name in names):
        flesch = flesch_scores(text, cmu_dict().syllable_total)
        scores.update((name, flesch[name]) for name in names if name in FLESCH_SCORES)
    others = [name for name in names if name not in FLESCH_SCORES]
    if others:
        from lint.syllables import offline_textstat

        textstat = offline_textstat()
        scores.update((name, float(getattr(textstat, name)(text))) for name in others)
    return {name: scores[name] for name in names}


def _article_span(doc: Document) -> Any:
    """Where an article-wide finding points: the first line of the article's prose."""
    first = doc.prose_blocks[0]
    text = first.text.text
    return first.text.span(0, len(text.rstrip()))
