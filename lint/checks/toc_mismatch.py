"""toc-mismatch: a table of contents whose entries do not match the article's headings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks.base import Check, HouseStyle, option
from lint.document.model import Block, Document
from lint.document.toc import Toc, document_toc, entry_text, normalize
from lint.findings import Finding, Severity
from lint.patterns import lazy_re

# Chapter lists of a video or a podcast ("2:34 – What happens") name times, not headings.
_TIMESTAMP = lazy_re(r"^\s*\d{1,2}:\d{2}")
_LIST_NUMBER = lazy_re(r"^\s*\d{1,3}[.)]\s+")  # "1. ", "2) "
_WORD = lazy_re(r"\w+")


@dataclass(frozen=True)
class Options:
    similar: float = option(
        0.8,
        "How alike an entry and a heading must be (0 to 1) to be reported as a wording mismatch rather than as an "
        "entry with no heading at all.",
    )
    report_missing_headings: bool = option(
        True,
        "Also report headings at the contents' level that the contents leave out.",
    )


class TocMismatch(Check):
    id = "toc-mismatch"
    category = "structure"
    severity = Severity.WARNING
    Options = Options
    summary = "Table of contents entries that name no heading in the article, or headings it leaves out."
    why = (
        "Readers use the contents to jump to a section. An entry for a section that was renamed or cut "
        "leads nowhere, and a section missing from the contents is hard to find."
    )
    bad = "Contents\n- Background\n- What happens next\n\n## Background\n...\n## Next steps\n..."
    good = "Contents\n- Background\n- Next steps\n\n## Background\n...\n## Next steps\n..."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        toc = document_toc(doc)
        if toc is None:
            return
        entries = [e for e in toc.entries if not _TIMESTAMP.match(_without_number(e))]
        headings = [h for h in doc.headings if h is not toc.title and h.text.text.strip()]
        by_name = {_key(h.text.text): h for h in headings}
        matched: dict[int, Block] = {}  # entry index -> heading
        unmatched: list[int] = []
        for i, entry in enumerate(entries):
            heading = by_name.get(_key(entry_text(entry)))
            if heading is not None:
                matched[i] = heading
            else:
                unmatched.append(i)
        # A list under "Contents" that names no heading at all is a list of something else.
        if not matched:
            return
        import difflib  # here: most articles have no table of contents

        for i in unmatched:
            entry = entries[i]
            name = entry_text(entry)
            close = difflib.get_close_matches(_key(name), list(by_name), n=1, cutoff=options.similar)
            if close:
                heading = by_name[close[0]]
                matched[i] = heading
                yield self.finding(
                    entry.span,
                    f"the contents entry “{_shown(entry)}” does not match the heading “{_plain(heading)}”: "
                    "use the heading's exact wording",
                )
            else:
                yield self.finding(
                    entry.span,
                    f"the contents entry “{_shown(entry)}” names no heading in the article: rename it after "
                    "its section, or delete it if the section was cut",
                )
        if options.report_missing_headings:
            yield from self._missing(toc, headings, list(matched.values()))

    def _missing(self, toc: Toc, headings: list[Block], listed: list[Block]) -> Iterator[Finding]:
        """Headings after the contents, at a level the contents cover, that no entry names."""
        levels = {h.level for h in listed}
        listed_ids = {id(h) for h in listed}
        after_toc = toc.last_index_block.span.end
        for heading in headings:
            if heading.span.start < after_toc or id(heading) in listed_ids or heading.level not in levels:
                continue
            yield self.finding(
                heading.span,
                f"the heading “{_plain(heading)}” is missing from the table of contents: add an entry for it",
                severity=Severity.INFO,
            )


def _without_number(entry: Block) -> str:
    return _LIST_NUMBER.sub("", entry.text.text)


def _key(text: str) -> str:
    """Compare names without case, punctuation or "&"/"and" differences."""
    text = normalize(text).replace("&", " and ")
    return " ".join(_WORD.findall(text))


def _plain(block: Block) -> str:
    return " ".join(block.text.text.split())


def _shown(entry: Block) -> str:
    return " ".join(_without_number(entry).split())
