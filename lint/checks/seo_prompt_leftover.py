"""seo-prompt-leftover: the chat around an AI-written draft, pasted in with the article."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from lint.checks._leftover_lines import prose_lines, removal_span
from lint.checks.base import Check, HouseStyle
from lint.document.model import Document
from lint.findings import Finding, Fix, Severity

_DATA = Path(__file__).resolve().parent.parent / "data" / "seo"

# What a model says it did to the text ("the rewritten article") and what it hands over.
_EDIT = (
    r"(?:re-?written|rewrite|revised|updated|edited|improved|polished|optimi[sz]ed|seo[- ]optimi[sz]ed"
    r"|seo[- ]friendly|expanded|shortened|condensed|humani[sz]ed|paraphrased|requested|reworked|refined"
    r"|proofread|corrected|unique|plagiarism[- ]free|human[- ]like|engaging)"
)
_WORK = (
    r"(?:article|version|draft|rewrite|text|story|piece|post|blog(?: post)?|content|copy|headlines?|titles?"
    r"|summary)"
)
_HANDING = (
    r"(?:here(?:['’]s| is| are)|below is"
    r"|i(?:['’]ve| have) (?:re-?written|revised|rewritten|updated|edited|created|written))"
)
# An opener that hands the text over; must start the line.
_OPENER = re.compile(
    rf"^(?:(?:sure|certainly|absolutely|of course|okay|ok|great|alright)\b[!,.]?\s*)?{_HANDING}\s+"
    rf"(?:(?:the|a|an|your|my)\s+)?(?:[\w-]+\s+){{0,3}}?"
    rf"(?:{_EDIT}\s+(?:[\w-]+\s+){{0,2}}?{_WORK}"
    rf"|{_WORK}\s+(?:you requested|as requested|rewritten|revised))\b"
    rf"|^(?:sure|certainly|absolutely|of course)\b[!,.]\s*(?:here|below|i(?:['’]ll| will| can))\b"
    # "Here is your news article, optimized for search engines:": handed to "you"
    rf"|^here(?:['’]s| is)\s+your\s+(?:[\w-]+\s+){{0,3}}?{_WORK}\b",
    re.I,
)


@cache
def _model_talk() -> re.Pattern[str]:
    """The model speaking about itself or offering more work, anywhere in a line (data file)."""
    lines = (_DATA / "model_talk.txt").read_text(encoding="utf-8").splitlines()
    fragments = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return re.compile("|".join(f"(?:{f})" for f in fragments), re.I)


_QUOTES = re.compile(r"[“\"«][^“”\"«»]*[”\"»]|‘[^‘’]*’")


class SeoPromptLeftover(Check):
    """What gives it away is the model talking to the person who asked for the text: an opener that
    hands the text over ("Sure! Here's the rewritten article:"), a disclaimer about being a model
    ("As an AI language model"), or a closing offer ("Let me know if you'd like any changes").
    Phrases inside quotation marks are left alone: an article about chatbots may quote them."""

    id = "seo-prompt-leftover"
    category = "seo"
    severity = Severity.ERROR
    summary = (
        "Chat with an AI model left in the copy (\"Sure! Here's the rewritten article:\", "
        "\"As an AI language model\")."
    )
    why = (
        "A model's reply to a prompt is not part of the story. Published, it tells readers the copy came "
        "out of a chatbot unchecked, which costs more trust than any typo."
    )
    bad = "Sure! Here's the rewritten article:\n\nThe council approved the budget on Monday."
    good = "The council approved the budget on Monday."

    def run(self, doc: Document, options: object, house: HouseStyle) -> Iterator[Finding]:
        for line in prose_lines(doc):
            text = line.text
            opener = _OPENER.match(text)
            if opener:
                whole = len(text.split()) <= 14 and text.rstrip().endswith((":", ".", "!"))
                fix = Fix(removal_span(doc, line, line), "", safe=whole) if whole else None
                span = line.span if whole else line.block.text.span(line.start, line.start + opener.end())
                yield self.finding(
                    span,
                    "The AI model's reply to the prompt is left in the article: "
                    "delete it and keep only the story.",
                    fix=fix,
                )
                continue
            quoted = [(m.start(), m.end()) for m in _QUOTES.finditer(text)]
            for m in _model_talk().finditer(text):
                if any(a <= m.start() < b for a, b in quoted):
                    continue
                yield self.finding(
                    line.block.text.span(line.start + m.start(), line.start + m.end()),
                    f"“{m.group().strip(' ,;')}” is the AI model talking to the writer, "
                    "not copy for readers: delete it.",
                )
