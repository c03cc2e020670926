"""unbalanced-brackets: a parenthesis or bracket opened and never closed in a paragraph, or the reverse."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks.base import Check, HouseStyle, option
from lint.document.model import Document
from lint.findings import Finding, Severity
from lint.patterns import lazy_re

_PAIRS = {")": "(", "]": "[", "}": "{"}
_OPENERS = frozenset(_PAIRS.values())
# Brackets that are not grouping: smileys (":)", ";-("), half-open ranges ("[0, 1)") and arrows.
# (Each branch starts with its mark, what may not stand before a smiley looked behind after it:
# the engine scans for the marks instead of trying every position.)
_NOT_GROUPING = lazy_re(
    r"[:;=](?<![\w)\]][:;=])[-^o'’]?[()\[\]](?![\w(])"
    r"|[\[(]\s*[-+−]?[\w.∞]{1,12}\s*,\s*[-+−]?[\w.∞]{1,12}\s*[\])]"
    r"|<[-=]+\)|\(\s*[-=]+>"
)
# The ")" of a list enumerator ("1) first", "b) second", "“2) Improving"): fine when nothing opened it.
_ENUMERATOR = lazy_re(r"(?:^|(?<=[\s\"“‘'(\[]))(?:\d{1,3}|[A-Za-z]|[ivxIVX]{2,4})\)(?=\s|$)")
# A line of code or data quoted as text: a JSON key opening a list ("“tags”: ["), a lone "],".
_CODE_LINE = lazy_re(r"^[\s>]*(?:[\]\[{}(),]+[\s,;]*|.*:\s*[\[{(])$", re.MULTILINE)


@dataclass(frozen=True)
class Options:
    pairs: tuple[str, ...] = option(
        ("()", "[]"),
        "Which pairs to check; by default parentheses and square brackets (braces are mostly code).",
    )


class UnbalancedBrackets(Check):
    id = "unbalanced-brackets"
    category = "structure"
    severity = Severity.WARNING
    Options = Options
    summary = "A parenthesis or bracket opened and not closed in its paragraph, or closed and never opened."
    why = (
        "An unclosed parenthesis usually means text was cut or an edit went half-way: the reader cannot "
        "tell where the aside ends."
    )
    bad = "The ministers (who met in Berlin on Monday agreed to talk again."
    good = "The ministers (who met in Berlin on Monday) agreed to talk again."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        checked = {ch for pair in options.pairs if len(pair) == 2 for ch in pair}
        for block in doc.prose_blocks:
            if not any(ch in block.text.text for ch in checked):
                continue  # most paragraphs hold no bracket at all
            if _CODE_LINE.search(block.text.text):
                continue
            for index, message in unmatched(block.text.text, checked):
                yield self.finding(block.text.span(index, index + 1), message)


def unmatched(text: str, checked: set[str]) -> list[tuple[int, str]]:
    """(index, message) for every bracket in `text` without its partner."""
    masked = _NOT_GROUPING.sub(lambda m: " " * len(m.group()), text)
    enumerators: set[int] | None = None  # found the first time a closer has no opener (few paragraphs)
    stack: list[int] = []
    open_count = dict.fromkeys(_OPENERS, 0)  # so a closer with no opener of its kind costs O(1)
    problems: list[tuple[int, str]] = []
    for i in _positions(masked, checked):
        ch = masked[i]
        if ch in _OPENERS:
            stack.append(i)
            open_count[ch] += 1
            continue
        opener = _PAIRS[ch]
        match = None
        if open_count[opener]:
            match = next(k for k in range(len(stack) - 1, -1, -1) if masked[stack[k]] == opener)
        if match is None:
            if enumerators is None:
                enumerators = {m.end() - 1 for m in _ENUMERATOR.finditer(masked)}
            if i in enumerators:
                continue
            problems.append((i, f"“{ch}” closes a “{opener}” that was never opened in this paragraph: "
                                "add the missing “" + opener + "” or delete this one"))
            continue
        # Openers above the match were never closed: "(see [note)".
        for k in stack[match + 1 :]:
            problems.append((k, _unclosed(masked[k])))
        for k in stack[match:]:
            open_count[masked[k]] -= 1
        del stack[match:]
    problems.extend((k, _unclosed(masked[k])) for k in stack)
    return sorted(problems)


def _positions(text: str, chars: set[str]) -> list[int]:
    """Where any of `chars` stands in `text`, in order (found by `str.find`, not char by char)."""
    found: list[int] = []
    for ch in chars:
        i = text.find(ch)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1)
    found.sort()
    return found


def _unclosed(opener: str) -> str:
    closer = next(c for c, o in _PAIRS.items() if o == opener)
    return f"“{opener}” is never closed in this paragraph: add the missing “{closer}” where the aside ends"

