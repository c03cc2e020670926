"""archive-duplicate: a paragraph that nearly repeats one the outlet has already published.

`newslint learn` fingerprints every archived paragraph of at least 20 words (MinHash of its
word shingles) into the paragraph index named by the house profile. A paragraph of new copy
whose shingle sets overlap an archived paragraph of another article by the threshold or more
(Jaccard similarity, 0.8 by default) is reported with that article's path and line. Paragraphs
the archive repeats in many articles are the house's templates and are not indexed.

Needs a house profile with its paragraph index and numpy (`pip install 'newslint[archive]'`);
without a profile it reports nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lint.checks.base import Check, CheckUnavailable, Example, HouseStyle, option
from lint.document.model import Block, Document
from lint.findings import Finding, Severity
from lint.house import EXAMPLE_PROFILE

if TYPE_CHECKING:
    from lint.house.index import Match


@dataclass(frozen=True)
class Options:
    threshold: float = option(
        0.8,
        "Estimated Jaccard similarity of the word-shingle sets at which a paragraph is a near repeat "
        "(the index gathers candidates down to 0.6: lower values miss some).",
    )
    min_words: int = option(
        20, "Shorter paragraphs are alike by chance too often (the index holds none below 20 words)."
    )


class ArchiveDuplicate(Check):
    id = "archive-duplicate"
    category = "duplicate"
    severity = Severity.WARNING
    Options = Options
    needs_profile = True
    summary = "Paragraphs that nearly repeat one already published in the archive (needs a house profile)."
    why = (
        "Recycled copy (a paragraph lifted from an earlier story with a word or two changed) reads as "
        "lazy at best and self-plagiarism at worst, and search engines rank near-duplicate pages "
        "down. Quote and link the earlier story instead, or write the paragraph anew."
    )
    bad = Example(
        "The county opened a new trail along the water this summer after years of planning, and volunteers "
        "from the historical society placed markers at each old mill site so walkers can read how the "
        "valley's factories once ran on river power.\n", settings={"profile": EXAMPLE_PROFILE})
    good = Example("The trail, opened last year, now draws hundreds of walkers every weekend (see our earlier "
                   "story on the mill markers).\n", settings={"profile": EXAMPLE_PROFILE})

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        profile = house.profile
        if profile is None:
            return
        from lint.house.minhash import numpy_available

        if not numpy_available():
            raise CheckUnavailable("needs numpy for the paragraph index: pip install 'newslint[archive]'")
        from lint.house.facts import paragraph_words
        from lint.house.profile import ProfileError

        try:
            index = profile.paragraph_index()
        except ProfileError as err:
            raise CheckUnavailable(str(err)) from None
        if index is None or index.params is None:
            return
        import numpy as np

        from lint.house.minhash import shingles, signature

        params = index.params
        blocks, signatures = [], []
        for block in doc.blocks:
            words = paragraph_words(block)
            if len(words) >= max(options.min_words, 1):
                blocks.append(block)
                signatures.append(signature(shingles(words, params.shingle_words), params.num_perm, params.seed))
        if not blocks:
            return
        matches = index.find(np.stack(signatures), options.threshold, profile.article_key(doc.path))
        # One finding per archived article: an article that reprints another gets one, at its first
        # repeated paragraph, naming the others' lines.
        by_article: dict[str, list[tuple[Block, Match]]] = {}
        for block, match in zip(blocks, matches, strict=True):
            if match is not None:
                by_article.setdefault(match.article, []).append((block, match))
        for article, pairs in by_article.items():
            block, match = pairs[0]
            more = ""
            if len(pairs) > 1:
                lines = ", ".join(str(doc.position(b.span.start).line) for b, _ in pairs[1:])
                more = f"; so do the paragraphs at line{'s' if len(pairs) > 2 else ''} {lines}"
            yield self.finding(
                block.text.span(0, len(block.text.text)),
                f"This paragraph nearly repeats one in {article} (line {match.line}), "
                f"{round(match.similarity * 100)}% alike{more}: write it anew, or quote and link that article",
            )
