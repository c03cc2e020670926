"""Tables of contents: a "Contents" heading followed by list items that name later headings."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from lint.document.model import Block, BlockKind, Document
from lint.patterns import lazy_re

TOC_TITLE = lazy_re(
    r"^\s*(table of contents|contents|in this (article|story|post)|on this page|jump to)\s*:?\s*$", re.I
)
_ENTRY_NUMBER = lazy_re(r"^\s*(\d{1,3}(\.\d{1,3})*[.)]?|[ivxlc]{1,5}[.)])\s+", re.I)
_LINKED_ENTRY = lazy_re(r"^\s*\[(.*)\]\(.*\)\s*$")  # "[Title](#title)"
_SPACES = lazy_re(r"\s+")


@dataclass(frozen=True)
class Toc:
    title: Block
    entries: list[Block]

    @property
    def last_index_block(self) -> Block:
        return self.entries[-1]


def entry_text(block: Block) -> str:
    """An entry's words without its numbering, for comparing with headings."""
    text = _ENTRY_NUMBER.sub("", block.text.text)
    text = _LINKED_ENTRY.sub(r"\1", text)
    return normalize(text)


def normalize(text: str) -> str:
    text = text.replace("\u2011", "-").replace("\u00a0", " ")
    return _SPACES.sub(" ", text).strip().casefold()


def document_toc(doc: Document) -> Toc | None:
    """`find_toc(doc.blocks)`, found once per document and shared by the checks that ask."""
    return doc.shared_whole(_blocks_toc)


def _blocks_toc(doc: Document) -> Toc | None:
    return find_toc(doc.blocks)


def find_toc(blocks: list[Block]) -> Toc | None:
    for i, block in enumerate(blocks):
        if block.kind not in (BlockKind.HEADING, BlockKind.PARAGRAPH) or not TOC_TITLE.match(block.text.text):
            continue
        entries = []
        for nxt in blocks[i + 1 :]:
            if nxt.kind is not BlockKind.LIST_ITEM:
                break
            entries.append(nxt)
        if len(entries) >= 2:
            return Toc(block, entries)
    return None


def promote_toc_headings(blocks: list[Block]) -> list[Block]:
    """In plain text, a line that repeats a contents entry is that section's heading."""
    toc = find_toc(blocks)
    if toc is None:
        return blocks
    names = {entry_text(e) for e in toc.entries}
    out = list(blocks)
    after = out.index(toc.entries[-1]) + 1
    for i in range(after, len(out)):
        block = out[i]
        if block.kind is BlockKind.PARAGRAPH and normalize(block.text.text) in names:
            out[i] = dataclasses.replace(block, kind=BlockKind.HEADING, level=2)
    if toc.title.kind is BlockKind.PARAGRAPH:
        out[out.index(toc.title)] = dataclasses.replace(toc.title, kind=BlockKind.HEADING, level=2)
    return out
