"""archive-boilerplate: template lines from the outlet's archive that an editor marked "flag".

`newslint learn` lists in the house profile the lines and sentences repeated across a large
share of archived articles (a sign-off, a newsletter plug, a widget caption), each with its
count and a mark. New lines start as "allow"; an editor changes the mark to "flag" for the ones
that should not appear in new copy, and this check reports them.

Needs a house profile (`--profile` or `profile:` in the config); without one it reports nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.checks.base import Check, Example, HouseStyle
from lint.document.model import Document
from lint.findings import Finding, Severity
from lint.house import EXAMPLE_PROFILE


class ArchiveBoilerplate(Check):
    id = "archive-boilerplate"
    category = "boilerplate"
    severity = Severity.WARNING
    needs_profile = True
    summary = "Template lines the house profile marks \u201cflag\u201d (needs a house profile)."
    why = (
        "Templates paste the same lines into story after story; some belong (a standard sign-off), "
        "others are leftovers of a widget or an old campaign. The house profile lists them with "
        "counts so an editor decides once, and every new article is held to that decision."
    )
    bad = Example("The council met on Monday.\n\nSign up for our Weekend Briefing newsletter.\n",
                  settings={"profile": EXAMPLE_PROFILE})
    good = Example("The council met on Monday.\n", settings={"profile": EXAMPLE_PROFILE})

    def run(self, doc: Document, options: object, house: HouseStyle) -> Iterator[Finding]:
        profile = house.profile
        if profile is None or not profile.flagged_lines:
            return
        from lint.house.words import line_spans

        flagged = profile.flagged_lines
        for block in doc.prose_blocks:
            for line, start, end in line_spans(block):
                template = flagged.get(line)
                if template is None:
                    continue
                shown = line if len(line) <= 60 else line[:57] + "..."
                yield self.finding(
                    block.text.span(start, end),
                    f"\u201c{shown}\u201d is a template line of this outlet's archive ({template.articles} "
                    f"articles) that the house profile marks to flag: remove it",
                )
                break  # the whole block, or its first flagged sentence: one finding per block
