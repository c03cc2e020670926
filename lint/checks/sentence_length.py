"""sentence-length: sentences with more words or clauses than the outlet's limit."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from lint.checks.base import Check, Example, HouseStyle, option
from lint.document.model import WORD_RE, BlockKind, Document, Sentence
from lint.findings import Finding, Severity
from lint.patterns import compile_pattern

# Where a new clause starts: a dash, or a comma before a conjunction or relative word; and a
# semicolon, unless there are several (then they separate the items of a list). Colons mostly
# introduce lists, so they do not count. Rough, but it needs no parser and is linear.
_CLAUSE_WORDS = (
    "and but or so yet because although though while whereas which who whom whose where when "
    "if unless since until after before"
)


# The ASCII characters that are not word characters (letters, digits, "_").
_NOT_WORD_ASCII = bytes(c for c in range(128) if not (chr(c).isalnum() or chr(c) == "_"))


@cache
def _clause_break() -> re.Pattern[str]:
    words = "|".join(_CLAUSE_WORDS.split())
    return compile_pattern(rf"\s[—–]\s|(?<=\w)—(?=\w)|,\s+(?:{words})\b", re.IGNORECASE)


@cache
def _list_separator() -> re.Pattern[str]:
    return compile_pattern(r"[,;]")


@dataclass(frozen=True)
class Options:
    max_words: int = option(
        65,
        "A sentence of more words is reported. The default is above the 99.9th percentile (63 words) of edited blog "
        "and news copy; wire-style outlets set 40 or less.",
    )
    max_clauses: int = option(
        6,
        "A sentence of at least clause_min_words words with more clauses than this is reported even within max_words. "
        "0: no clause limit.",
    )
    clause_min_words: int = option(30, "How many words a sentence needs before max_clauses applies to it.")
    error_words: int = option(120, "A sentence of more words is an error: a run-on where sentence ends were lost.")


class SentenceLength(Check):
    id = "sentence-length"
    category = "readability"
    severity = Severity.WARNING
    Options = Options
    summary = "Sentences longer than the outlet's limit in words, or with too many clauses."
    why = (
        "Readers lose the thread of a long sentence, and a sentence that strings clause after "
        "clause makes them hold each one in mind until the end. Split it: one idea per sentence. "
        "The default limit, 65 words, only catches run-ons that any style would split; wire-style "
        "outlets set max_words to 40 or less. Lists of names or codes separated by commas are "
        "not counted as long sentences."
    )
    # Shown with a wire-style limit; the default (65 words) is quieter.
    bad = Example(
        "The council, which met on Tuesday after a delay that officials blamed on the storm, "
        "approved the budget, but members said that the cuts, which fall mostly on libraries, "
        "would be reviewed in the spring when revenue figures, delayed by the audit, arrive.",
        settings={"checks": {"sentence-length": {"max_words": 40}}},
    )
    good = (
        "The council approved the budget on Tuesday. The meeting was delayed by the storm. "
        "Members said they would review the cuts, which fall mostly on libraries, in the spring."
    )

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        least = min(options.max_words, options.clause_min_words)  # fewer words are never reported
        for block in doc.prose_blocks:
            if block.kind is BlockKind.HEADING:
                continue  # headings have their own length conventions
            # The block's words are its sentences' words (sentences split at white space), so
            # no sentence of a block of `least` words or fewer can have more.
            if len(block.word_texts) <= least:
                continue
            for sentence in block.sentences:
                # Words need a character between them: a shorter sentence has `least` or fewer.
                if sentence.end - sentence.start < 2 * least:
                    continue
                finding = self._check(sentence, options)
                if finding is not None:
                    yield finding

    def _check(self, sentence: Sentence, options: Options) -> Finding | None:
        least = min(options.max_words, options.clause_min_words)
        # Two words have a character between them that is no letter or digit: a sentence with
        # fewer than `least` characters other than ASCII letters, digits and "_" (counted in C)
        # has `least` words or fewer, and its words need not be found (most sentences).
        text = sentence.block.text.text[sentence.start : sentence.end]
        if len(text) - len(text.encode("ascii", "ignore").translate(None, _NOT_WORD_ASCII)) < least:
            return None
        # Counted, not built: `sentence.words` maps every word to the source, 10x the cost.
        words = len(WORD_RE.findall(sentence.block.text.text, sentence.start, sentence.end))
        if words <= least:
            return None
        if _is_list(sentence.text):
            return None
        if words > options.max_words:
            severity = Severity.ERROR if words > options.error_words else None
            return self.finding(
                sentence.span,
                f"sentence of {words} words (the limit is {options.max_words}): "
                "split it into shorter sentences, one idea each",
                severity=severity,
            )
        if options.max_clauses and words >= options.clause_min_words:
            semicolons = sentence.text.count(";")
            clauses = len(_clause_break().findall(sentence.text)) + 1 + (semicolons if semicolons < 2 else 0)
            if clauses > options.max_clauses:
                return self.finding(
                    sentence.span,
                    f"sentence of {clauses} clauses (the limit is {options.max_clauses}): "
                    "split it so each sentence makes one point",
                )
        return None


def _is_list(text: str) -> bool:
    """A series of names or codes ("Ann Lee, Bo Chan, CVE-2014-8354, ...") rather than prose.

    Many short items, most of them starting with a capital or a digit; clauses of prose are
    short too, but start with lowercase words ("which met", "but members said").
    """
    items = [item.strip() for item in _list_separator().split(text) if item.strip()]
    if len(items) < 8:
        return False
    sizes = sorted(len(item.split()) for item in items)
    named = sum(1 for item in items if item[0].isupper() or item[0].isdigit())
    return sizes[len(sizes) // 2] <= 4 and named >= 0.6 * len(items)
