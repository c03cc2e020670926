"""dangling-list-intro: a sentence that announces a list ("Key elements include:") with no list after it."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks._boilerplate import site_voice
from lint.checks._leftover_lines import SPEAKER_LABEL
from lint.checks._structure import is_placeholder_block, is_quoted
from lint.checks.base import Check, HouseStyle, option
from lint.document.mapped import ATOM
from lint.document.model import Block, BlockKind, Document
from lint.findings import Finding, Severity
from lint.patterns import lazy_re

_LIST_NOUNS = (
    "elements|trends|points|factors|steps|features|changes|takeaways|highlights|areas|reasons|ways|measures|"
    "provisions|components|developments|issues|questions|options|benefits|challenges|lessons|priorities|"
    "recommendations|things|tips|themes|goals|principles|scenarios|implications|items|examples|details"
)
# The end of a sentence that promises a list: "... include:", "the following ...:", "several key trends:".
_INTRO = lazy_re(
    r"(?:\b(?:include|includes|included|including|are as follows)"
    r"|\bthe following\b(?P<following>[^.!?:]{0,60})"
    r"|\b(?:key|main|major|several|these|two|three|four|five|six|seven|a few|some)\s+"
    rf"(?:[\w-]+\s+){{0,2}}(?:{_LIST_NOUNS})"
    r"(?:\s+(?:include|are|were|stand out|emerge|to watch))?"
    r")\s*:$",
    re.IGNORECASE,
)
# Blocks that carry the list in some form: list items, tables, code, block quotes, images.
_LIST_LIKE = frozenset({BlockKind.LIST_ITEM, BlockKind.TABLE_ROW, BlockKind.CODE, BlockKind.HTML,
                        BlockKind.IMAGE, BlockKind.QUOTE, BlockKind.CAPTION})
# How an item written as a paragraph starts: a number or letter, a bullet, a quotation, "First,".
_ITEM_START = lazy_re(
    r"^\s*(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s|[•·▪‣◦*–—-]\s?|[\"“‘']|(?:first|second|one|the first)\b)",
    re.IGNORECASE,
)
# A short label ending in a colon ("Employment outcomes: ..."); a lower-upper seam inside it
# ("QuestionsQ:") is a heading run into the text, not a label.
_LABEL = lazy_re(r"^[^.!?:\n]{1,40}:\s")
_GLUED = lazy_re(r"[a-z][A-Z]")
# A sentence that points at what follows: "Read our report here:", "You can watch it below:".
_POINTER = lazy_re(r"\b(?:here|below|at this link|this link|as follows)\s*:$", re.IGNORECASE)
_URL_START = lazy_re(r"^(?:https?://|www\.)", re.IGNORECASE)
# A bare label of a template: "Contact Us:", "Social Media:" (not a transcript's "SMITH:").
# A sentence of four words or more ending in a colon, the word before it a plain word.
_ANNOUNCES = lazy_re(r"^(?=(?:\S+\s+){3,}\S)[^:]*[a-z]\s*:$")
_QUOTE_INTRO = lazy_re(
    r"\b(?:said|says|say|wrote|writes|added|adds|stated|states|tweeted|posted|put it|explained|warned)"
    r"(?:\s+\S+){0,2}\s*:\s*$"
)
_EMPTY_LABEL = lazy_re(r"^(?-i:[A-Z][a-z]+)(?: [A-Za-z][a-z]+){0,3}:$")
_BOLD_START = lazy_re(r"\s*(?:\*\*|__|<(?:strong|b)\b)", re.IGNORECASE)
_BOLD_BEFORE = lazy_re(r"<(?:strong|b)>\s*$", re.IGNORECASE)
# "the following recommendation:" introduces one statement, "the following steps:" a list.
_PLURAL = lazy_re(r"^(?:\w+(?<!s)s|people|criteria|data|media)$", re.IGNORECASE)


@dataclass(frozen=True)
class Options:
    min_words_after: int = option(
        15,
        "A paragraph of fewer words after the intro may be the first item written as a paragraph, and the intro is "
        "not reported.",
    )
    min_title_words: int = option(
        10,
        "A first sentence of fewer words after the intro reads as the title of an item written as a paragraph, and "
        "the intro is not reported.",
    )


class DanglingListIntro(Check):
    id = "dangling-list-intro"
    category = "structure"
    severity = Severity.WARNING
    Options = Options
    summary = "A sentence announces a list (\"Key elements include:\") but no list follows."
    why = (
        "When copy is pasted from a web page or a CMS drops a block, the list goes missing and the "
        "announcing sentence is left hanging: readers are promised points they never get."
    )
    bad = (
        "The plan has three parts. Key elements include:\n\n"
        "While the proposal was welcomed by most members of the council, critics said it would take years "
        "to pay for and that the buffer zone was far too small to matter.\n"
    )
    good = "The plan has three parts. Key elements include:\n\n- a ceasefire\n- a buffer zone\n- elections"

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        blocks = doc.blocks
        link_starts = sorted(link.span.start for link in doc.links)
        for i, block in enumerate(blocks):
            if block.kind is not BlockKind.PARAGRAPH or not block.sentences:
                continue
            last = block.sentences[-1]
            # All that is reported here (a pointer, a bare label, a list intro) ends in a colon.
            if not last.text.rstrip().endswith(":") and not block.text.text.rstrip().endswith(":"):
                continue
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            pointer = _POINTER.search(last.text.rstrip())
            if pointer and not self._carries_pointer(doc, following, link_starts):
                yield self.finding(
                    last.span,
                    f"“{_tail(last.text)}” points to something that is not there (a link, a document or an "
                    "embed was lost): restore it or rewrite the sentence",
                )
                continue
            label = block.text.text.strip()
            if (_EMPTY_LABEL.match(label) or SPEAKER_LABEL.match(label)) and _ends_section(following):
                yield self.finding(
                    last.span,
                    f"The label “{label}” has nothing after it: fill it in or delete it",
                )
                continue
            m = _INTRO.search(last.text.rstrip())
            if m is not None and not _announces_several(m):
                continue  # "the following recommendation:" announces one statement
            # Any other sentence that ends in a colon announces something too ("Here is what
            # residents told us:"); a label ("Note:"), a clock time or a quotation's "said:" does not.
            if m is None and (not _ANNOUNCES.search(last.text.rstrip()) or _QUOTE_INTRO.search(last.text)):
                continue
            if following is not None and self._carries_list(doc, following, options):
                continue
            yield self.finding(
                last.span,
                f"“{_tail(last.text)}” announces a list, but no list follows: restore the missing items "
                "or rewrite the sentence so it does not end in a colon",
            )

    @staticmethod
    def _carries_pointer(doc: Document, block: Block | None, link_starts: list[int]) -> bool:
        """What "... here:" points to: a link, an image, an embed, a list, a quote or code."""
        if block is None:
            return False
        if block.kind is not BlockKind.PARAGRAPH or is_quoted(doc, block) or is_placeholder_block(block):
            return True
        text = block.text.text.strip()
        k = bisect.bisect_left(link_starts, block.span.start)
        has_link = k < len(link_starts) and link_starts[k] < block.span.end
        return bool(_URL_START.match(text)) or ATOM in text[:2] or has_link

    @staticmethod
    def _carries_list(doc: Document, block: Block, options: Options) -> bool:
        if block.kind in _LIST_LIKE or is_placeholder_block(block) or is_quoted(doc, block):
            return True
        if block.kind is BlockKind.HEADING:
            # Edited copy often makes each item a section of its own ("### 1. Identify your audience").
            return True
        text = block.text.text
        if _starts_bold(doc, block) or _ITEM_START.match(text):
            return True
        label = _LABEL.match(text)
        if label and not _GLUED.search(label.group()):
            return True
        # Items written as paragraphs are short, or open with a short title sentence.
        first = block.sentences[0] if block.sentences else None
        if first is not None and len(first.words) < options.min_title_words:
            return True
        return len(block.words) < options.min_words_after


def _ends_section(block: Block | None) -> bool:
    """After a label: nothing, a heading, another bare label, or the page's furniture (a
    copyright line, a share bar): the label's content is gone."""
    if block is None or block.kind is BlockKind.HEADING:
        return True
    text = block.text.text.strip()
    if block.kind is not BlockKind.PARAGRAPH:
        return False
    return bool(_EMPTY_LABEL.match(text) or SPEAKER_LABEL.match(text)) or site_voice(()).search(text) is not None


def _announces_several(m: re.Match[str]) -> bool:
    following = m.group("following")
    if following is None or not following.strip():
        return True
    return any(_PLURAL.match(word) for word in following.split()[:3])


def _starts_bold(doc: Document, block: Block) -> bool:
    """The block opens with bold text: "**Step one.**" or "<strong>Step one.</strong>"."""
    start = block.span.start
    source = doc.source
    return bool(_BOLD_START.match(source, start) or _BOLD_BEFORE.search(source, max(0, start - 12), start))


def _tail(sentence: str, limit: int = 60) -> str:
    """The end of a long sentence, for the message."""
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= limit else "…" + sentence[-limit:].lstrip()
