"""seo-editor-note: notes between writer and desk left in the published copy."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.checks._leftover_lines import prose_lines
from lint.checks.base import Check, HouseStyle
from lint.document.model import Document
from lint.findings import Finding, Severity
from lint.patterns import lazy_re

_ADDRESSEE = (
    r"(?:the\s+)?(?:editors?|eds?\.?|desk|copy\s?desk|news\s?desk|subs?|sub-?editors?|producers?|web\s+team"
    r"|designers?"
    r"|layout|photo\s?desk|graphics)"
)
# An instruction: what a note asks a colleague to do.
_INSTRUCTION = (
    r"(?:please\s+)?(?:add|insert|check|confirm|verify|update|fix|find|get|need|needs|cut|trim|rewrite|link"
    r"|include"
    r"|call|ask|chase|source|replace|swap|double[- ]check|fact[- ]check|move|remove|delete|expand|shorten"
    r"|tk|tbd"
    r"|waiting|awaiting|pending|hold|embed|attach|put|use|do\s+not\s+publish|don['’]t\s+publish"
    r"|not\s+for\s+publication)\b"
)
_NOTE = lazy_re(
    # "Note to editor: ...", "Notes to the desk - ..."
    rf"\bnotes?\s+(?:to|for)\s+{_ADDRESSEE}\s*[:\-–—]\s*[^\n]*"
    # "[Editor: add quote]", "(Desk: confirm)", "[TODO: ...]": a bracketed note addressed to a colleague
    rf"|[\[(]\s*(?:{_ADDRESSEE}|todo|to\s?do|fixme|reporter|writer|fact[- ]?check(?:er)?"
    rf"|seo)\s*[:\-–—]\s*[^\])\n]*[\])]"
    # "[Note: check the figure]": a bracketed note that is an instruction
    rf"|[\[(]\s*(?:note|nb|n\.b\.)\s*[:\-–—]?\s*{_INSTRUCTION}[^\])\n]*[\])]",
    re.I,
)
# "TODO: ..." or "FIXME ..." opening a line, in capitals as writers type it.
_TODO = lazy_re(r"^(?:TODO|FIXME|TK)\s*[:\-–—]\s*\S[^\n]*")
# "Editor: please add ..." opening a line (not "Editor: Jane Smith", a credit).
_ADDRESSED_LINE = lazy_re(rf"^{_ADDRESSEE}\s*:\s*{_INSTRUCTION}[^\n]*", re.I)


class SeoEditorNote(Check):
    """"Note to editor: ...", "[Editor: add quote]", "(Desk: confirm spelling)", "TODO: ..." are
    instructions for colleagues. Published editor's notes ("Editor's note: this story was
    updated ...") are written for readers and are never flagged."""

    id = "seo-editor-note"
    category = "seo"
    severity = Severity.ERROR
    summary = "A note to the editor or desk left in the copy (\"Note to editor:\", \"[Editor: add quote]\")."
    why = (
        "Notes between the writer and the desk are instructions, not news. Published, they show the story "
        "went out unfinished; often the thing they ask for (a quote, a check) is missing too."
    )
    bad = "The mayor rejected the plan. [Editor: add quote from the union here]"
    good = "The mayor rejected the plan. “We will not sign it,” the union's leader said."

    def run(self, doc: Document, options: object, house: HouseStyle) -> Iterator[Finding]:
        for line in prose_lines(doc):
            text = line.text
            # Substrings each pattern's every match holds, tested before it runs: a bracket or
            # "note" (any case) for _NOTE, "TODO", "FIXME" or "TK" at the start for _TODO, a
            # colon for _ADDRESSED_LINE. Most lines hold none.
            todo = text.startswith(("TODO", "FIXME", "TK"))
            addressed = ":" in text
            note = "[" in text or "(" in text or "note" in text.lower()
            if not (todo or addressed or note):
                continue
            # A line that opens with "TODO:" or "Editor: please ..." is one note, reported once.
            opening = (todo and _TODO.match(text)) or (addressed and _ADDRESSED_LINE.match(text)) or None
            matches = (list(_NOTE.finditer(text)) if note else []) or ([opening] if opening else [])
            for m in matches:
                yield self.finding(
                    line.block.text.span(line.start + m.start(), line.start + m.end()),
                    f"Note for the desk left in the copy (“{_short(m.group())}”): "
                    "do what it asks, then delete it.",
                )


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
