"""What one archived article contributes to the house profile.

Facts are extracted once per article (in worker processes), kept in the index file, and merged by
`learn.py`. `--update` re-extracts only new or changed articles and merges all facts again, so it
gives the same profile as a rebuild.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lint.document.model import WORD_RE, Block, BlockKind, Document
from lint.house.words import block_lines, name_tokens

# Paragraphs shorter than this are too often alike by chance to count as recycled copy.
PARAGRAPH_MIN_WORDS = 20
SHINGLE_WORDS = 1
PARAGRAPH_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.LIST_ITEM})
BREAK, START = "|", "^"


@dataclass
class ArticleFacts:
    path: str  # POSIX, relative to the profile's folder when inside it
    digest: str  # sha256 of the decoded source: a changed article is learned again
    words: int
    # Prose words outside headings: "^" marks a sentence start, "|" a gap that no name spans.
    stream: str
    lines: list[str]  # template-line candidates, each once
    paragraph_lines: list[int]  # the line of each indexed paragraph
    signatures: Any = field(default=None, repr=False)  # numpy uint32 (paragraphs x NUM_PERM), or None

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "digest": self.digest, "words": self.words, "stream": self.stream,
                "lines": self.lines, "paragraph_lines": self.paragraph_lines}

    @classmethod
    def from_json(cls, data: dict[str, Any], signatures: Any = None) -> ArticleFacts:
        return cls(str(data["path"]), str(data["digest"]), int(data["words"]), str(data["stream"]),
                   [str(x) for x in data["lines"]], [int(x) for x in data["paragraph_lines"]], signatures)


def extract(doc: Document, path: str, digest: str, with_signatures: bool) -> ArticleFacts:
    pieces: list[str] = []
    lines: dict[str, None] = {}
    paragraph_lines: list[int] = []
    shingle_sets: list[list[bytes]] = []
    for block in doc.prose_blocks:
        lines.update(dict.fromkeys(block_lines(block)))
        if block.kind is BlockKind.HEADING:
            continue
        pieces.append(BREAK)
        for token in name_tokens(block):
            if not token.joined:
                pieces.append(BREAK)
            pieces.append(START + token.text if token.sentence_start else token.text)
        words = paragraph_words(block) if with_signatures else []
        if len(words) >= PARAGRAPH_MIN_WORDS:
            from lint.house.minhash import shingles

            paragraph_lines.append(doc.position(block.span.start).line)
            shingle_sets.append(shingles(words, SHINGLE_WORDS))
    signatures = None
    if with_signatures:
        import numpy as np

        from lint.house.minhash import NUM_PERM, signature

        signatures = np.zeros((len(shingle_sets), NUM_PERM), dtype=np.uint32)
        for i, items in enumerate(shingle_sets):
            signatures[i] = signature(items)
    stream = " ".join(_collapse(pieces))
    return ArticleFacts(path, digest, doc.word_count, stream, list(lines), paragraph_lines, signatures)


def paragraph_words(block: Block) -> list[str]:
    """The words a paragraph is fingerprinted by (no spans needed: cheaper than block.words)."""
    return WORD_RE.findall(block.text.text) if block.kind in PARAGRAPH_KINDS else []


def _collapse(pieces: list[str]) -> list[str]:
    out: list[str] = []
    for piece in pieces:
        if piece == BREAK and (not out or out[-1] == BREAK):
            continue
        out.append(piece)
    if out and out[-1] == BREAK:
        out.pop()
    return out
