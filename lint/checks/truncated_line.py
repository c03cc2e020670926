"""truncated-line: a headline, teaser or paragraph cut off in the published copy.

truncated-ending looks at the end of the article; this check looks at every line before it.
What gives a cut away:
- a feed's truncation mark: two full stops ("... in a deal.."), or an ellipsis after a space or
  on a line with no other stop ("... meeting in November takes...", "Thou ...");
- a sentence that loses the link it pointed to ("join us on our blog at Later in the program");
- a paragraph that stops on a word no sentence ends on ("... and the Administrator of the",
  "Trump says he spoke with"), or inside an opened parenthesis or quotation ("about 50 miles (80").
The words of a transcript ("KRAYER: And having...") trail off on purpose and are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks._leftover_lines import SPEAKER_TURN
from lint.checks._tokens import LETTER_WORD
from lint.checks.base import Check, HouseStyle, option
from lint.document.model import Block, BlockKind, Document
from lint.findings import Finding, Severity
from lint.patterns import lazy_re

_DOUBLE_STOP = lazy_re(r"[^\W\d_]\.\.$")
_SPACED_ELLIPSIS = lazy_re(r"\s(?:\.\.\.|…)$")
_WORD_ELLIPSIS = lazy_re(r"[^\W\d_](?:\.\.\.|…)$")
_SENTENCE_STOP = lazy_re(r"[.!?](?:\s|$)")
# An opened parenthesis, or an opening quotation mark with next to nothing after it ("as a \"").
_OPEN_GROUP = lazy_re(r"(?:\([^()]{0,30}|(?:^|\s)\"[^\"]{0,3}|“[^“”]{0,3})$")
# Words no sentence ends on: a paragraph stopping on one was cut (often where a link was).
_DANGLING = frozenset(
    "a an the of to with at for from by and or but nor as than into onto about between including "
    "his her their its our your my this these those whose whom which that "
    # prepositions, auxiliaries and reporting verbs wait for what follows them
    "on in over under after before during since until upon via toward towards against among "
    "were was is are will would could should may might must has have had been being said says told "
    "because while if whether".split()  # not "can", "where": "as soon as you can", "what and where"
)
# A preposition that needs an object, then the next sentence's first word: the object was a link
# or an address the page dropped ("join us on our blog at Later in the program", "go to But").
_LOST_OBJECT = lazy_re(
    r"(?<=[a-z,] )(?P<gap>(?:at|to|visit|via) (?P<next>But|And|So|Later|Then|However|Meanwhile|Also|Or))(?= [a-z])"
)
_LOST_OBJECT_HINT = lazy_re(r" (?:at|to|visit|via) [A-Z]")  # what the pattern needs, found faster
_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM, BlockKind.CAPTION})


@dataclass(frozen=True)
class Options:
    min_words: int = option(
        3,
        "A line stopping on a word no sentence ends on (\"the\", \"with\") is reported from this many words "
        "(\"Photos by\" is a label, not a cut sentence).",
    )
    max_teaser_words: int = option(
        40, "Truncation marks (\"..\", \"...\") count on lines up to this many words: headlines, teasers, summaries."
    )


class TruncatedLine(Check):
    id = "truncated-line"
    category = "structure"
    severity = Severity.WARNING
    Options = Options
    summary = "A headline, teaser or paragraph cut off in the copy (\"... in a deal..\", \"... spoke with\")."
    why = (
        "Feeds and scrapers cut text at a character count and mark it with dots; pages lose the words "
        "that were links. Readers get half a sentence and no way to the rest."
    )
    bad = "Trump says he spoke with\n\nThe storm is expected to make landfall on Wednesday.\n"
    good = "Trump says he spoke with the governor.\n\nThe storm is expected to make landfall on Wednesday.\n"

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        blocks = [b for b in doc.blocks if (b.text.text and not b.text.text.isspace()) or b.kind is BlockKind.CODE]
        for index, block in enumerate(blocks):
            if block.kind not in _KINDS or (block.kind is BlockKind.HEADING and doc.format != "text"):
                continue
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            plain = doc.format == "text"
            # Plain text may join short lines into one paragraph: a feed's mark ends a line there.
            ends = _line_ends(block) if plain else [len(block.text.text.rstrip())]
            if block.kind is BlockKind.PARAGRAPH and _LOST_OBJECT_HINT.search(block.text.text):
                for m in _LOST_OBJECT.finditer(block.text.text):
                    yield self.finding(
                        block.text.span(m.start("gap"), m.end("gap")),
                        f"Words are missing before “{m.group('next')}”: the sentence lost what followed "
                        f"“{m.group('gap').split()[0]}” (a link or an address on the page?). Restore it.",
                    )
            for end in ends:
                last_line = end == ends[-1]
                why = _cut(block, block.text.text[:end], following if last_line else None, options, plain)
                if why:
                    yield self.finding(
                        block.text.span(max(0, end - 40), end),
                        f"This line is cut off ({why}): restore the missing words or delete the fragment.",
                    )


def _line_ends(block: Block) -> list[int]:
    """Where each line of the block's prose ends (trailing spaces left out)."""
    text = block.text.text
    ends = []
    start = 0
    for line in text.split("\n"):
        stripped = len(line.rstrip())
        if stripped:
            ends.append(start + stripped)
        start += len(line) + 1
    return ends or [len(text.rstrip())]


def _cut(block: Block, upto: str, following: Block | None, options: Options, plain: bool) -> str | None:
    """Why the prose up to here reads as cut off; `following` is None for a line inside a block
    (only a feed's marks count there) and for the article's last block."""
    line = upto[upto.rfind("\n") + 1 :]
    text = " ".join(line.split())
    if SPEAKER_TURN.match(text):
        return None
    if text.endswith(("..", "…")):  # each feed's mark ends the line: the words are counted only then
        words = LETTER_WORD.findall(text)
        # Feeds cut headlines, teasers and summaries; a long paragraph ending in dots is a writer's
        # own trailing off (or a typo).
        teaser = len(words) <= options.max_teaser_words
        if teaser and _DOUBLE_STOP.search(text):
            return "it ends in “..”, a feed's truncation mark"
        if teaser and _SPACED_ELLIPSIS.search(text):
            return "it ends in “...”, a feed's truncation mark"
        # Writers trail off with "..." in their own posts; in copy taken from a feed it is the cut.
        quoted = '"' in text or "“" in text
        if plain and teaser and _WORD_ELLIPSIS.search(text) and not _SENTENCE_STOP.search(text[:-3]) and not quoted:
            return "it ends in “...” in the middle of a sentence"
    if following is None:
        return None  # inside a block, or the article's end (truncated-ending's)
    # A sentence may run on into a list, a code block or a lowercase continuation (split-sentence
    # reports the last); a cut one is followed by a new sentence.
    if following.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING) or block.kind is BlockKind.LIST_ITEM:
        return None
    if not following.text.text.lstrip(" “\"‘'(").startswith(tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ")):
        return None
    # The opened group ends the line (at most 31 characters from its end): the search starts
    # near there, and the words are counted only for a line that may be reported.
    if _OPEN_GROUP.search(text, max(0, len(text) - 40)) and len(LETTER_WORD.findall(text)) >= options.min_words:
        return "it stops inside a parenthesis or quotation it opened"
    if text[-1:].isalpha():
        words = LETTER_WORD.findall(text)
        if len(words) >= options.min_words and words[-1].lower() in _DANGLING:
            return f"it stops on “{words[-1]}”"
    return None
