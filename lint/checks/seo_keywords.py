"""seo-keywords: search keywords left in the copy without a label: keyword lists, URL slugs and a
search phrase stuffed at the start of line after line.

seo-leftover finds labelled notes ("Keywords: ..."). These leftovers carry no label; their shape
gives them away:
- a keyword list: a line of many comma-separated terms, mostly lowercase, with no sentence in it,
  whose terms repeat each other's words ("google, google pixel, google pixel reviews, ...");
- a URL slug on a line of its own ("council-approves-budget-after-long-debate");
- keyword stuffing: the same lowercase search phrase opening three or more lines.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks._leftover_lines import Line, prose_lines
from lint.checks._needles import fold
from lint.checks._tokens import DOMAIN_LIKE
from lint.checks.base import Check, HouseStyle, option
from lint.document.model import BlockKind, Document
from lint.findings import Finding, Severity
from lint.patterns import lazy_re

# A slug: five or more lowercase words joined by hyphens, nothing else in the block.
_SLUG = lazy_re(r"^/?[a-z0-9“”\"'’]+(?:-[a-z0-9“”\"'’]+){4,}/?$")
_TERM_WORD = lazy_re(r"[^\W\d_][\w'’.&+-]*|\d[\w.]*")
_LEADING_WORDS = lazy_re(r"[a-z]+(?:['’][a-z]+)?(?:\s+[a-z]+(?:['’][a-z]+)?){1,4}\b(?![\w-])")
# Words that open ordinary lines and phrases too often to count as a stuffed keyword.
_FUNCTION = frozenset(
    "a an the and or but of in on at to for by with from as is are was were be been it its this that these "
    "those he she they we you i his her their our your my there here what who when where how why not no".split()
)


@dataclass(frozen=True)
class Options:
    min_terms: int = option(5, "A keyword list has at least this many comma-separated terms.")
    min_stuffed_lines: int = option(3, "A phrase opening this many lines or more is keyword stuffing.")


class SeoKeywords(Check):
    id = "seo-keywords"
    category = "seo"
    severity = Severity.ERROR
    Options = Options
    summary = "Unlabelled search keywords left in the copy: keyword lists, URL slugs, a stuffed search phrase."
    why = (
        "Keyword lists and slugs are instructions for a search engine or a CMS field, pasted into the "
        "body by mistake; a phrase repeated at the start of every line is keyword stuffing, which "
        "readers notice and search engines penalise."
    )
    bad = (
        "Council approves budget\n\n"
        "council budget, council budget vote, budget 2025, city council news, local politics\n\n"
        "The council approved the budget on Monday."
    )
    good = "Council approves budget\n\nThe council approved the budget on Monday."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        lines = prose_lines(doc)
        for line in lines:
            text = line.text.strip()
            if line.first_in_block and line.last_in_block and _SLUG.match(text):
                yield self.finding(line.span, f"“{_cut(text)}” is a URL slug left in the copy: delete it.")
            elif _is_keyword_list(text, options.min_terms):
                yield self.finding(
                    line.span,
                    f"A list of search keywords is left in the copy (“{_cut(text)}”): delete it.",
                )
        for line in lines:
            clues = _meta_description_clues(line.text)
            if len(clues) >= 3:
                yield self.finding(
                    line.span,
                    "A search-result blurb (meta description) is left in the copy ("
                    + ", ".join(f"“{c}”" for c in clues[:3]) + "): delete it.",
                )
        yield from self._stuffing(lines, options)

    def _stuffing(self, lines: list[Line], options: Options) -> Iterator[Finding]:
        """One finding at each line that opens with a lowercase phrase many lines open with."""
        by_phrase: dict[str, list[tuple[Line, int]]] = defaultdict(list)
        for line in lines:
            # A paragraph opening in lowercase is odd already; wrapped lines inside one are not.
            # List items share openings by design ("- bump the version", "- bump the image").
            usable = line.first_in_block and line.block.kind is not BlockKind.LIST_ITEM
            m = _LEADING_WORDS.match(line.text) if usable else None
            if not m:
                continue
            words = m.group().split()
            # The longest opening of 2-5 words shared with other lines is found below; record each.
            for n in range(2, len(words) + 1):
                phrase = " ".join(words[:n])
                by_phrase[phrase].append((line, len(phrase)))
        reported: set[int] = set()
        # Longest phrases first, so "sack the manager" wins over "sack the".
        for phrase, uses in sorted(by_phrase.items(), key=lambda kv: -len(kv[0])):
            words = phrase.split()
            if len(uses) < options.min_stuffed_lines or all(w in _FUNCTION for w in words):
                continue
            if words[0] in _FUNCTION or len({id(line) for line, _ in uses}) < options.min_stuffed_lines:
                continue
            for line, length in uses:
                if id(line) in reported:
                    continue
                reported.add(id(line))
                yield self.finding(
                    line.block.text.span(line.start, line.start + length),
                    f"“{phrase}” opens {len(uses)} lines: a search phrase stuffed into the copy. Delete it "
                    "where it is not part of the sentence.",
                )


def _is_keyword_list(text: str, min_terms: int) -> bool:
    if text.count(",") < min_terms - 1 or text.endswith((".", "!", "?", ":")) or "  " in text:
        return False  # (too few commas for so many terms: most lines)
    terms = [t.strip() for t in text.split(",")]
    if len(terms) < min_terms or any(not t for t in terms):
        return False
    words_per_term = [len(_TERM_WORD.findall(t)) for t in terms]
    if max(words_per_term) > 5 or sum(words_per_term) / len(terms) > 3.5:
        return False
    lowercase = sum(1 for t in terms if t[:1].islower())
    if lowercase * 2 < len(terms):
        return False
    # Keyword lists repeat their head terms ("pixel", "pixel reviews", "pixel price").
    counts = Counter(w.lower() for t in terms for w in set(_TERM_WORD.findall(t)) if w.lower() not in _FUNCTION)
    return bool(counts) and counts.most_common(1)[0][1] >= 3


_IMPERATIVE = lazy_re(
    r"(?:^|[.!?]\s+)(?P<verb>(?:follow|get|catch|check out|watch|stay (?:tuned|updated)|keep track of|find out|"
    r"read|know|discover|explore|don['’]t miss)\b[^.!?]{0,60})",
    re.I,
)
_DOT_LETTER = lazy_re(r"\.[a-z]", re.I)
_DOMAIN = lazy_re(DOMAIN_LIKE, re.I)
_MUCH_MORE = lazy_re(r"\b(?:and (?:much|lots|a lot) more|and more only on|all the latest)\b", re.I)


def _meta_description_clues(text: str) -> list[str]:
    """What makes a line a search-result blurb: sentences that order the reader about ("Follow
    the live score", "Get ball by ball commentary"), a website named as the place to do it, and
    "and much more"."""
    # Without a website or "and much more" a line is no blurb: the imperatives are not read.
    # (A website's name holds a dot and the first letter of its domain: most lines hold neither.)
    domain = _DOMAIN.search(text) if _DOT_LETTER.search(text) else None
    # Every match of _MUCH_MORE holds "more" or "latest" in some case (see _needles.fold): most
    # lines hold neither, and the pattern tries every place.
    folded = fold(text)
    more = _MUCH_MORE.search(text) if "more" in folded or "latest" in folded else None
    if not domain and not more:
        return []
    clues = [_cut(m.group("verb"), 30) for m in _IMPERATIVE.finditer(text)][:2]
    if domain:
        clues.append(domain.group())
    if more:
        clues.append(more.group())
    return clues


def _cut(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
