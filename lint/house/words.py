"""Name tokens and template lines, cut the same way when learning and when checking."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lint.checks._tokens import mask_non_prose
from lint.document.mapped import ATOM
from lint.document.model import Block, BlockKind

# A word as names are written: letters with inner apostrophes, hyphens or dots ("Login.gov"),
# then an optional possessive that is not part of the name ("GitHub's").
NAME_WORD = re.compile(r"([^\W\d_]+(?:['’.\-‑][^\W\d_]+)*?)(?:['’]s)?(?!\w|['’.\-‑][^\W\d_])")
_OPENERS = "\"'“‘«([*_"
_SPACE = re.compile(r"\s+")
# Lines shorter than this are too common to be a house's own ("Read more."); longer ones are copy.
LINE_MIN_WORDS, LINE_MAX_WORDS = 3, 60


@dataclass(slots=True)  # not frozen: one is made per word, and a frozen __init__ costs three times as much
class NameToken:
    text: str
    start: int  # offset in the block's prose
    end: int
    sentence_start: bool  # first word of a sentence, heading or list item (quotes and brackets aside)
    joined: bool  # a single space from the previous token: the two may belong to one name


def name_tokens(block: Block) -> list[NameToken]:
    """The words of a prose block as names are matched, with addresses and code left out."""
    text = block.text.text
    masked = mask_non_prose(text)
    # Headings follow the headline style: any word may be capitalised.
    heading = block.kind is BlockKind.HEADING
    starts = set() if heading else {s.start for s in block.sentences} | {0}
    tokens: list[NameToken] = []
    previous_end = -1
    for m in NAME_WORD.finditer(masked):
        start, end = m.span()
        at = start
        while at > 0 and text[at - 1] in _OPENERS:
            at -= 1
        joined = previous_end >= 0 and start - previous_end == 1 and text[previous_end] == " "
        previous_end = end
        if start and text[start - 1] == ".":
            continue  # a file extension (".md") or the tail of an address
        tokens.append(NameToken(m.group(1), start, m.end(1), heading or at in starts, joined))
    return tokens


def casing_allowed(written: list[str], form: list[str], sentence_start: bool, headline: bool = False) -> bool:
    """Whether a name written so follows the house form: a sentence start may capitalise its first
    word ("IPhone sales"), a headline any word, and capitals throughout are a label's."""
    if written == form:
        return True
    if all(len(w) > 1 and w.isupper() for w in written):
        return True
    for i, (w, f) in enumerate(zip(written, form, strict=True)):
        if w != f and not ((headline or (i == 0 and sentence_start)) and w == f[:1].upper() + f[1:]):
            return False
    return True


def normalise_line(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def block_lines(block: Block) -> list[str]:
    return [line for line, _, _ in line_spans(block)]


def line_spans(block: Block) -> list[tuple[str, int, int]]:
    """Template-line candidates of a prose block, normalised, with their prose offsets: the whole
    block and, past one sentence, each sentence."""
    text = block.text.text
    if ATOM in text:
        return []
    out = []
    whole = normalise_line(text)
    if _countable(whole):
        out.append((whole, 0, len(text)))
    if block.kind is not BlockKind.HEADING and len(block.sentences) > 1:
        for sentence in block.sentences:
            line = normalise_line(sentence.text)
            if _countable(line):
                out.append((line, sentence.start, sentence.end))
    return out


def _countable(line: str) -> bool:
    return LINE_MIN_WORDS <= line.count(" ") + 1 <= LINE_MAX_WORDS
