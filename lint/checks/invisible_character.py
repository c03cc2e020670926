"""invisible-character: zero-width and control characters, soft and non-breaking hyphens in prose."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks._tokens import prose_texts
from lint.checks.base import Check, HouseStyle, option
from lint.constants import SeverityName
from lint.document.mapped import MappedText
from lint.document.model import Document
from lint.findings import Finding, Fix, Severity
from lint.patterns import lazy_re

# name shown to the editor, and what to put instead ("" deletes it)
_INVISIBLE: dict[str, tuple[str, str]] = {
    "\u200b": ("a zero-width space", ""),
    "\u200c": ("a zero-width non-joiner", ""),
    "\u200d": ("a zero-width joiner", ""),
    "\u2060": ("a word joiner", ""),
    "\ufeff": ("a byte-order mark", ""),
    "\u00ad": ("a soft hyphen", ""),
    "\u180e": ("a Mongolian vowel separator", ""),
    "\u2028": ("a line separator", " "),
    "\u2029": ("a paragraph separator", " "),
    "\u2011": ("a non-breaking hyphen", "-"),
}
_UNSEEN = frozenset("\u200b\u200c\u200d\u2060\u00ad\u180e\u2028\u2029")
_BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_SUSPECT = lazy_re(f"[{''.join(_INVISIBLE)}{_BIDI}{_CONTROL}]")
_RIGHT_TO_LEFT = lazy_re(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# Leading characters of UTF-8 read as Windows-1252 ("â€", "Ã"): the mojibake check reports those.
_MOJIBAKE_LEAD = "âÃÂÅÆ€"
_EDGE = '"“”‘’()[],.;:!?'


@dataclass(frozen=True)
class Options:
    bidi_marks: bool = option(
        True,
        "Report text-direction marks outside right-to-left text, where they are pasted debris (in right-to-left text "
        "they are needed and never reported).",
    )
    hidden_severity: SeverityName = option(
        "info",
        "Severity for characters that show as nothing or as a plain space (zero-width spaces and joiners, soft "
        "hyphens, line separators): readers do not see them, so they rank below visible slips.",
    )


class InvisibleCharacter(Check):
    id = "invisible-character"
    category = "typography"
    severity = Severity.WARNING
    Options = Options
    summary = (
        "Invisible or odd characters in the text: zero-width spaces, soft and non-breaking hyphens, "
        "control characters."
    )
    why = (
        "Characters pasted from word processors, chat apps and AI tools are invisible on screen but break "
        'search ("NATO‑Ukraine" with a non-breaking hyphen does not match "NATO-Ukraine"), spell checking, '
        "copy and paste and screen readers. Emoji sequences and scripts that need joiners are left alone."
    )
    bad = "The NATO\u2011Ukraine plan (with a non-breaking hyphen) and a hidden\u200bspace."
    good = "The NATO-Ukraine plan and a hidden space."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        for text in prose_texts(doc):
            prose = text.text
            if not _SUSPECT.search(prose):
                continue
            rtl = bool(_RIGHT_TO_LEFT.search(prose))
            for m in _SUSPECT.finditer(prose):
                found = self._check_char(doc, text, m.start(), rtl, options)
                if found:
                    yield found

    def _check_char(
        self, doc: Document, text: MappedText, at: int, rtl: bool, options: Options
    ) -> Finding | None:
        prose = text.text
        ch = prose[at]
        before = prose[at - 1] if at else " "
        after = prose[at + 1] if at + 1 < len(prose) else " "
        span = text.span(at, at + 1)
        if ch in _BIDI:
            if rtl or not options.bidi_marks:
                return None
            name, replacement = f"a hidden text-direction mark (U+{ord(ch):04X})", ""
        elif ch in _INVISIBLE:
            name, replacement = _INVISIBLE[ch]
            if ch in "\u200c\u200d" and (_joins_script(before) or _joins_script(after)):
                return None  # emoji sequences (👩‍💻) and scripts that need joiners
            if ch == "\ufeff" and span.start == 0:
                return None  # a byte-order mark at the very start of the file is harmless
            if ch == "\u2011" and not (before.isalnum() and after.isalnum()):
                return None
        else:
            if before in _MOJIBAKE_LEAD:
                return None
            name, replacement = f"a control character (U+{ord(ch):04X})", ""
        left, right = _word_around(prose, at)
        if ch == "\u2011":
            shown = (left + "-" + right).replace("\u2011", "-").strip(_EDGE)
            message = f"“{shown}” is written with {name} (U+2011): type an ordinary hyphen."
        elif left or right:
            visible = "".join("▯" if c == ch else c for c in f"{left}{ch}{right}").strip(_EDGE)
            message = f"Hidden {name.split(' ', 1)[1]} in “{visible}” (shown as ▯): {_advice(replacement)}."
        else:
            message = f"Hidden {name.split(' ', 1)[1]} on its own: {_advice(replacement)}."
        safe = ch not in "\u2028\u2029"  # a separator may have been meant as a line break
        severity = Severity(options.hidden_severity) if ch in _UNSEEN else None
        return self.finding(span, message, fix=Fix(span, replacement, safe=safe), severity=severity)


def _word_around(prose: str, at: int, limit: int = 40) -> tuple[str, str]:
    """The rest of the word around `at`, at most `limit` characters each side ("…" marks a cut):
    a long run of such characters must not make every finding read the whole run."""
    lo = at
    while lo > 0 and at - lo < limit and prose[lo - 1] not in " \t\n":
        lo -= 1
    hi = at + 1
    while hi < len(prose) and hi - at - 1 < limit and prose[hi] not in " \t\n":
        hi += 1
    left, right = prose[lo:at], prose[at + 1 : hi]
    if lo > 0 and prose[lo - 1] not in " \t\n":
        left = "…" + left
    if hi < len(prose) and prose[hi] not in " \t\n":
        right += "…"
    return left, right


def _advice(replacement: str) -> str:
    return "delete it" if not replacement else "replace it with a space"


def _joins_script(ch: str) -> bool:
    """True for characters that legitimately take a joiner: emoji, modifiers, non-Latin letters."""
    if ch in "\ufe0f\u20e3" or 0x1F3FB <= ord(ch) <= 0x1F3FF:
        return True
    category = unicodedata.category(ch)
    if category in ("So", "Sk", "Mn", "Mc"):
        return True
    return ch.isalpha() and ord(ch) >= 0x0370
