"""mojibake: UTF-8 text decoded as Windows-1252 ("â€™" for ’, "Ã©" for é) and lost characters (�).

Detection and repair come from ftfy (a maintained detector): its badness measure says whether a
run of text is garbled, and its encoding fixer says what it stood for; each changed piece is
reported with its own span. ftfy is imported only when a text holds non-ASCII characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from lint.checks._tokens import is_technical, prose_texts, reads_as_english, token_bounds
from lint.checks.base import Check, HouseStyle, option
from lint.document.mapped import MappedText
from lint.document.model import Document
from lint.findings import Finding, Fix, Severity
from lint.patterns import lazy_re

# The shape every UTF-8 sequence takes when read as Windows-1252 or Latin-1: a lead byte (Â-ô)
# followed by a continuation byte (0x80-0xBF, shown as Latin-1 or as its cp1252 character). Text
# without one cannot hold mojibake, so ftfy is not even imported for it (curly quotes alone are fine).
_CONTINUATION = (
    "\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
    "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_MAYBE_GARBLED = lazy_re(f"[\u00c2-\u00f4][{_CONTINUATION}]")
# A run of non-space characters holding something outside ASCII: mojibake lives in such runs.
_RUN = lazy_re(r"\S*[^\x00-\x7f]\S*")
# An emoji (UTF-8 F0 9F xx xx) read in a single-byte code page other than Windows-1252, whose
# first byte then shows as "π" (Greek), "р" (Cyrillic) or "đ" (Central European) while the rest
# stay Windows-1252: "πŸ™„". "Ÿ" before two continuation bytes occurs in no language.
_CODE_PAGES = ("cp1252", "cp1253", "iso8859_7", "cp1251", "cp1250")
_EMOJI_BYTES = {  # a continuation byte as each code page shows it -> the byte
    shown: byte
    for page in reversed(_CODE_PAGES)
    for byte in range(0x80, 0xC0)
    for shown in [bytes([byte]).decode(page, errors="ignore") or chr(byte)]
}
_GARBLED_EMOJI = lazy_re(f"[^\\s\u00f0]\u0178[{re.escape(''.join(_EMOJI_BYTES))}]{{2}}")
# "â€" with its last byte lost (an invisible 0x9d dropped by an editor): most likely a closing
# quote, but not certainly, so it gets no automatic fix.
_LOST_BYTE = lazy_re(f"â€(?![{_CONTINUATION}])")


# "don?t", "Marshal?s": a question mark inside a word, before the ending an apostrophe takes.
_LOST_APOSTROPHE = lazy_re(r"(?<=[A-Za-z])\?(?=(?:s|t|re|ve|ll|d|m)\b)")
# "the vote ? which was close ? passed": a spaced question mark with the sentence going on.
_LOST_DASH = lazy_re(r"(?<=[a-z,]) (?P<mark>\?) (?=[a-z])")


@cache
def _ftfy() -> tuple[Callable[[str], str], Callable[[str], bool]]:
    """ftfy's encoding fixer and its badness test, imported on first use (most copy never needs them)."""
    import ftfy
    import ftfy.badness

    return ftfy.fix_encoding, ftfy.badness.is_bad


@dataclass(frozen=True)
class Options:
    replacement_character: bool = option(True, "Also report U+FFFD, the mark of a character lost for good.")


class Mojibake(Check):
    id = "mojibake"
    supersedes = ("unbalanced-quotes",)  # a garbled "„" or "“" is no quotation mark
    category = "typography"
    severity = Severity.ERROR
    Options = Options
    summary = 'Garbled characters from a text-encoding mix-up ("â€™" for ’, "Ã©" for é).'
    why = (
        "Text saved as UTF-8 and read back as Windows-1252 turns every curly quote, dash and accent into "
        "two or three junk characters. Readers notice at once and it looks careless; the fix is certain."
    )
    bad = "The ministerâ€™s cafÃ© visit â€“ a â€œsurpriseâ€\x9d."
    good = "The minister’s café visit – a “surprise”."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        for text in prose_texts(doc):
            prose = text.text
            if "?" in prose:
                yield from self._lost_as_question_mark(text)
            if prose.isascii():
                continue  # mojibake and lost characters are never plain ASCII
            if options.replacement_character:
                at = prose.find("\ufffd")
                while at >= 0:
                    yield self.finding(
                        text.span(at, at + 1),
                        "A character was lost when this text was converted (shown as �): retype it.",
                    )
                    at = prose.find("\ufffd", at + 1)
            if "\u0178" in prose:  # every garbled emoji holds a "Ÿ"
                yield from self._garbled_emoji(text)
            if not _MAYBE_GARBLED.search(prose):
                continue
            fix_encoding, is_bad = _ftfy()
            if not is_bad(prose):
                continue
            for run in _RUN.finditer(prose):
                token = run.group()
                if not is_bad(token):
                    continue
                fixed = fix_encoding(token)
                from difflib import SequenceMatcher  # here: most articles have no garbled word

                changes = [
                    (run.start() + i1, run.start() + i2, fixed[j1:j2], True)
                    for op, i1, i2, j1, j2 in SequenceMatcher(None, token, fixed, autojunk=False).get_opcodes()
                    if op != "equal"
                ]
                for m in _LOST_BYTE.finditer(token):
                    at = run.start() + m.start()
                    if not any(a <= at < b for a, b, _, _ in changes):
                        changes.append((at, run.start() + m.end(), "”", False))
                changes.sort()
                for start, end, right, safe in changes:
                    garbled = prose[start:end]
                    if "\ufffd" in garbled:
                        continue  # reported above
                    span = text.span(start, end)
                    shown = garbled.translate(_VISIBLE)
                    if "\ufffd" in right:  # "ï¿½": a lost character, itself garbled
                        message = (
                            f"Garbled characters “{shown}” stand for a character lost in a conversion: retype it."
                        )
                        yield self.finding(span, message)
                        continue
                    if right:
                        message = f"Garbled characters “{shown}” (an encoding mix-up): write “{right}”."
                    else:
                        message = f"Garbled characters “{shown}” (an encoding mix-up): delete them."
                    yield self.finding(span, message, fix=Fix(span, right, safe=safe))


    def _garbled_emoji(self, text: MappedText) -> Iterator[Finding]:
        for m in _GARBLED_EMOJI.finditer(text.text):
            span = text.span(m.start(), m.end())
            emoji = _emoji_from(m.group()[2:])
            shown = m.group().translate(_VISIBLE)
            if emoji is None:
                yield self.finding(
                    span, f"Garbled characters “{shown}” (an emoji lost in an encoding mix-up): retype it."
                )
            else:
                yield self.finding(
                    span, f"Garbled characters “{shown}” (an encoding mix-up): write “{emoji}”.",
                    fix=Fix(span, emoji, safe=False),
                )

    def _lost_as_question_mark(self, text: MappedText) -> Iterator[Finding]:
        """A character the conversion could not write, shown as "?": "don?t", "the vote ? which"."""
        prose = text.text
        for m in _LOST_APOSTROPHE.finditer(prose):
            start, end = token_bounds(prose, m.start())
            if is_technical(prose[start:end]):
                continue  # "page?s=1" in an address
            span = text.span(m.start(), m.end())
            word = prose[start:end].strip(".,;:!\"”’)")
            yield self.finding(
                span,
                f"“{word}”: a “?” stands where an apostrophe was lost in a conversion: write “’”.",
                fix=Fix(span, "’", safe=False),
                severity=Severity.WARNING,  # a "?" may also be a typo
            )
        if " ? " in prose and reads_as_english(prose):  # French sets a space before "?"
            for m in _LOST_DASH.finditer(prose):
                span = text.span(m.start("mark"), m.end("mark"))
                yield self.finding(
                    span,
                    "A “?” between words where a dash was lost in a conversion: write “–”.",
                    fix=Fix(span, "–", safe=False),
                    severity=Severity.WARNING,  # the text may be about the "?" itself
                )


# Make invisible bytes in a message readable.
_VISIBLE = {0x81: "\\x81", 0x8D: "\\x8d", 0x8F: "\\x8f", 0x90: "\\x90", 0x9D: "\\x9d", 0xA0: "\\xa0"}


def _emoji_from(tail: str) -> str | None:
    """The emoji whose last two UTF-8 bytes show as `tail` in Windows-1252, if they make one."""
    try:
        return (b"\xf0\x9f" + bytes(_EMOJI_BYTES[c] for c in tail)).decode("utf-8")
    except (UnicodeError, KeyError):
        return None
