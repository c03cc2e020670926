"""boilerplate-call-to-action: "Subscribe to our newsletter", "Follow us on Twitter" in the article.

Two kinds of evidence: the outlet's and the shipped list of calls (`calls_to_action.txt`), and,
for wordings no list holds, the shape of a call: a sentence that tells the reader to act (it
starts with a site action: "Get", "Like", "Tap", "Become") or speaks to them ("your inbox"), names
one of the site's channels or products (a newsletter, an app, a Facebook page, a membership)
and promises to keep them informed ("stay in the loop", "straight to your inbox"). Each counts a
point, the promise two; a sentence with 5 points is a call, and a short paragraph that is only
an action and a channel ("Tap here to watch the video") is one too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from lint.checks._boilerplate import alternation
from lint.checks._leftover_lines import paragraph_texts
from lint.checks._needles import NeedleIndex
from lint.checks.base import Check, HouseStyle, option
from lint.document.mapped import ATOM
from lint.document.model import Block, BlockKind, Document
from lint.findings import Finding, Severity
from lint.patterns import lazy_re

# Verbs a site uses to send the reader somewhere, at the start of a sentence.
_ACTIONS = frozenset(
    "get like follow join become download tap click share tweet subscribe sign support donate watch listen visit "
    "register install enable turn bookmark pin upgrade unlock claim grab receive stay keep hit press want".split()
)
# The site's channels and products.
_CHANNELS = frozenset(
    "newsletter newsletters briefing briefings digest inbox email emails e-mail alerts notifications app podcast "
    "podcasts page feed channel account membership member members subscription subscriber subscribers facebook "
    "twitter instagram youtube tiktok linkedin whatsapp telegram bluesky threads pinterest reddit rss video videos "
    "gallery website homepage updates headlines edition".split()
)
_PROMISE = lazy_re(
    r"\b(?:stay|keep) (?:in the loop|up to date|up-to-date|informed|posted|connected)\b|\bnever miss\b"
    r"|\b(?:straight|right|directly) to your\b|\bdelivered to your\b|\bin your inbox\b"
    r"|\bfor (?:the )?latest (?:news|updates|stories|headlines)\b|\bget notified\b|\bturn on notifications\b"
    r"|\bmore (?:stories|news|articles) like this\b",
    re.I,
)
# A channel named anywhere in the text (only its needles are used: see run).
_CHANNEL_NAMED = lazy_re("|".join(sorted(_CHANNELS)), re.I)
_LEAD_INS = frozenset("please now just and so".split())
_CALL_POINTS = 5  # a call inside a paragraph; a paragraph of only a call needs an action and a channel
_LONE_CALL_WORDS = 12
_SHORT_BLOCK_WORDS = 15
# What may surround a call to action in a block that holds nothing else: punctuation, links
# turned into atoms, white space.
_WORD = lazy_re(r"[A-Za-z][A-Za-z'’-]*")
_FILLER = lazy_re(rf"[\s{ATOM}.,:;!?()\[\]|–—-]*")


@cache
def _shape_needles() -> NeedleIndex:
    return NeedleIndex([_PROMISE, _CHANNEL_NAMED])


@dataclass(frozen=True)
class Options:
    extra_phrases: tuple[str, ...] = option(
        (),
        "The outlet's own calls to action, matched as whole words without regard to case.",
    )


class BoilerplateCallToAction(Check):
    id = "boilerplate-call-to-action"
    category = "boilerplate"
    supersedes = ("page-furniture",)  # the same line, said more exactly
    severity = Severity.INFO
    Options = Options
    summary = "Newsletter and social-media calls to action in the text (\"Subscribe to our newsletter\")."
    why = (
        "Site templates add these lines around the article; pasted into the body they repeat what the page "
        "already shows and read as advertising. A blog may use one on purpose at the end of a post, so this "
        "is a hint (info); a line that holds nothing but the call to action is reported as a warning."
    )
    bad = "The council meets again in May.\n\nFollow us on Facebook"
    good = "The council meets again in May."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        pattern = alternation("calls_to_action.txt", options.extra_phrases)
        blocks = doc.prose_blocks
        texts = paragraph_texts(doc)
        # What each paragraph can hold, found in one pass per kind: most hold no listed call,
        # and a sentence with neither a channel nor a promise is no call.
        listable, shapeable = pattern.masks(texts), _shape_needles().masks(texts)
        for block, listing, shaping in zip(blocks, listable, shapeable, strict=True):
            if not listing and not shaping:
                continue
            prose = block.text.text
            listed = list(pattern.finditer(prose, listing))
            for m in listed:
                alone = _FILLER.fullmatch(prose[: m.start()]) and _FILLER.fullmatch(prose[m.end() :])
                yield self.finding(
                    block.text.span(m.start(), m.end()),
                    f"“{m.group()}” is a call to action from the site template, not article text: "
                    "delete it unless the outlet wants it here",
                    severity=Severity.WARNING if alone else None,
                )
            if shaping:
                yield from self._shaped_calls(block, [m.span() for m in listed])

    def _shaped_calls(self, block: Block, listed: list[tuple[int, int]]) -> Iterator[Finding]:
        prose = block.text.text
        # A short paragraph is read as one call ("Want more stories like this? Join our channel.").
        # (More words than that in the first characters settle it without reading the rest.)
        short_block = (
            len(_WORD.findall(prose, 0, 200)) <= _SHORT_BLOCK_WORDS and len(_WORD.findall(prose)) <= _SHORT_BLOCK_WORDS
        )
        spans = [(0, len(prose.rstrip()))] if short_block else [(s.start, s.end) for s in block.sentences]
        for start, end in spans:
            if any(a < end and start < b for a, b in listed):
                continue  # the list's finding says it already
            text = prose[start:end].strip()
            if len(spans) > 1 and not _shape_needles().mask(text):
                continue  # (neither a channel nor a promise can be named in this sentence: see below)
            # (An ASCII text lowercased first has the same words: one call instead of one per word.)
            words = _WORD.findall(text.lower()) if text.isascii() else [w.lower() for w in _WORD.findall(text)]
            if not words or len(words) > 25:
                continue
            lead = 1 if words[0] in _LEAD_INS and len(words) > 1 else 0
            action = words[lead] in _ACTIONS
            rest = words[lead + 1 :] if action else words
            channel = next((w for w in rest if w in _CHANNELS), None)
            promise = _PROMISE.search(text)
            if channel is None and promise is None:
                continue
            points = action + ("you" in words or "your" in words) + ("our" in words or "us" in words)
            points += (channel is not None) + 2 * (promise is not None)
            whole = short_block or len(block.sentences) == 1  # the paragraph is nothing but this call
            # A list item is the author's structure ("Join the Slack channel" among the ways to help).
            short = (
                whole and block.kind is not BlockKind.LIST_ITEM and len(words) <= _LONE_CALL_WORDS
                and not text.endswith(":")
            )
            if points >= _CALL_POINTS or (short and action and (channel is not None or promise is not None)):
                yield self.finding(
                    block.text.span(start, end),
                    f"“{text}” is a call to action from the site template, not article text: it sends the "
                    "reader to the site's own channels. Delete it unless the outlet wants it here",
                    severity=Severity.WARNING if whole else None,
                )
