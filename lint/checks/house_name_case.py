"""house-name-case: a name the outlet's archive always capitalises, written otherwise here.

The house profile (`newslint learn`) lists the names the archive writes one way: capitalised
mid-sentence in several articles and (almost) never otherwise ("GitHub", "Sangamon River",
"Login.gov"), whether or not any shipped list knows them. A lowercase or otherwise cased use in
new copy is reported with the house form as the fix. A sentence start may capitalise the first
word, a heading any word, and capitals throughout are a label's. Where proper-noun-case or
name-case-consistency reports the same words, their finding stands alone.

Needs a house profile (`--profile` or `profile:` in the config); without one it reports nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.checks.base import Check, Example, HouseStyle
from lint.document.model import BlockKind, Document
from lint.findings import Finding, Fix, Severity
from lint.house import EXAMPLE_PROFILE


class HouseNameCase(Check):
    id = "house-name-case"
    category = "casing"
    severity = Severity.WARNING
    needs_profile = True
    summary = "Names the outlet's archive always capitalises, written otherwise (needs a house profile)."
    why = (
        "Every outlet has names no shipped list holds: its columnists, its towns, the products and "
        "programmes it covers. The archive shows how the house writes them; a lowercase \u201csangamon "
        "river\u201d or a \u201cGithub\u201d in new copy breaks that and reads as a slip."
    )
    bad = Example("Flood warnings went up along the sangamon river on Tuesday.\n",
                  settings={"profile": EXAMPLE_PROFILE})
    good = Example("Flood warnings went up along the Sangamon River on Tuesday.\n",
                   settings={"profile": EXAMPLE_PROFILE})

    def run(self, doc: Document, options: object, house: HouseStyle) -> Iterator[Finding]:
        profile = house.profile
        if profile is None or not profile.names:
            return
        from lint.house.words import casing_allowed, name_tokens

        table, longest = profile.name_table, profile.longest_name
        for block in doc.prose_blocks:
            headline = block.kind is BlockKind.HEADING
            tokens = name_tokens(block)
            i = 0
            while i < len(tokens):
                size, name = 0, None
                for n in range(min(longest, len(tokens) - i), 0, -1):
                    window = tokens[i : i + n]
                    if all(t.joined for t in window[1:]):
                        name = table.get(tuple(t.text.lower() for t in window))
                        if name is not None:
                            size = n
                            break
                if name is None:
                    i += 1
                    continue
                window = tokens[i : i + size]
                written = [t.text for t in window]
                form = name.form.split(" ")
                if not casing_allowed(written, form, window[0].sentence_start, headline):
                    span = block.text.span(window[0].start, window[-1].end)
                    text = " ".join(written)
                    plural = "s" if name.articles != 1 else ""
                    message = (f"\u201c{text}\u201d is written \u201c{name.form}\u201d in this outlet's archive "
                               f"({name.articles} article{plural})")
                    fix = Fix(span, name.form, safe=False) if doc.source[span.start : span.end] == text else None
                    yield self.finding(span, message, fix=fix)
                i += size
