"""mojibake: UTF-8 text decoded as Windows-1252 ("â€™" for ’, "Ã©" for é) and lost characters (�)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from lint.checks._tokens import prose_texts
from lint.checks.base import Check, HouseStyle, option
from lint.document.model import Document
from lint.findings import Finding, Fix, Severity
from lint.patterns import compile_pattern

# The characters whose garbled forms turn up in real copy: punctuation from word processors,
# Latin-1 letters, currency and common symbols.
_TARGETS = (
    "’‘“”–—…•·′″€£¥¢©®™°±×÷½¼¾²³µ§¶†‡‰«»‹›\u00a0"
    "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ"
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞß"
    "ąćęłńśźżčďěňřšťůžőűğışœšžŒŠŽ"
)


def _as_cp1252(ch: str) -> str:
    """How `ch` looks when its UTF-8 bytes are read as Windows-1252 (undefined bytes as Latin-1)."""
    out = []
    for byte in ch.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))  # 0x81, 0x8d, 0x8f, 0x90, 0x9d have no cp1252 character
    return "".join(out)


@cache
def _table() -> tuple[dict[str, str], re.Pattern[str]]:
    """Garbled sequence -> the character it stands for, and one regex over all sequences."""
    table: dict[str, str] = {}
    for ch in _TARGETS:
        garbled = _as_cp1252(ch)
        table[garbled] = ch
        if garbled[-1] in "\x81\x8d\x8f\x90\x9d":
            # Editors often drop the invisible last byte: "â€" alone is most likely a closing quote,
            # but not certainly, so it gets no automatic fix (see _UNCERTAIN).
            table.setdefault(garbled[:-1], ch)
    keys = sorted(table, key=len, reverse=True)
    return table, compile_pattern("|".join(re.escape(k) for k in keys) + "|\ufffd")


# Sequences that stand for more than one character once their last byte is lost.
_UNCERTAIN = frozenset({"â€"})


@dataclass(frozen=True)
class Options:
    replacement_character: bool = option(True, "Also report U+FFFD, the mark of a character lost for good.")


class Mojibake(Check):
    id = "mojibake"
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
        table, pattern = _table()
        for text in prose_texts(doc):
            prose = text.text
            for m in pattern.finditer(prose):
                garbled = m.group()
                span = text.span(m.start(), m.end())
                if garbled == "\ufffd":
                    if options.replacement_character:
                        yield self.finding(
                            span,
                            "A character was lost when this text was converted (shown as �): retype it.",
                        )
                    continue
                right = table[garbled]
                shown = garbled.translate(_VISIBLE)
                fix = Fix(span, right, safe=garbled not in _UNCERTAIN)
                yield self.finding(
                    span, f"Garbled characters “{shown}” (an encoding mix-up): write “{right}”.", fix=fix
                )


# Make invisible bytes in a message readable.
_VISIBLE = {0x81: "\\x81", 0x8D: "\\x8d", 0x8F: "\\x8f", 0x90: "\\x90", 0x9D: "\\x9d", 0xA0: "\\xa0"}
