"""Fixes in words: "delete “Pro Tip:” and capitalise the next word", "insert a space after “,”".

A label is derived from the text a fix replaces and its replacement, so no check has to write
one (a check may still set `Fix.label` itself). Characters that look alike or cannot be seen are
named ("the non-breaking hyphen (U+2011)"), because “‑” and “-” read the same on a screen.
"""

from __future__ import annotations

import unicodedata

_MAX_QUOTE = 40

# ASCII characters that read better as words than in quotation marks.
_ASCII_NAMES = {
    " ": "a space", "\n": "a line break", "\t": "a tab", "-": "a hyphen", ",": "a comma", ".": "a full stop",
    "'": "a straight apostrophe (')", '"': 'a straight quotation mark (")', ":": "a colon", ";": "a semicolon",
}


def describe(old: str, new: str) -> str:
    """What replacing `old` with `new` does, in a few plain words."""
    if old == new:
        return "no change"
    if not new:
        return _deletion(old)
    if not old:
        return _insertion(new)
    if old.lower() == new.lower() and len(old) == len(new):
        return _recase(old, new)
    if old.lower().endswith(new.lower()) and not old[: len(old) - len(new)].isspace():
        # A label and the word after it, replaced by that word: "Pro Tip: use" -> "Use".
        dropped, kept = old[: len(old) - len(new)], old[len(old) - len(new) :]
        label = _deletion(dropped.rstrip() or dropped)
        if kept != new and kept[:1].islower() and new[:1].isupper():
            label += " and capitalise the next word"
        return label
    start, end_old, end_new = _common(old, new)
    old_mid, new_mid = old[start:end_old], new[start:end_new]
    if not old_mid:
        where = f" after {_show(old[:start])}" if start else f" before {_show(old[end_old:])}"
        return _insertion(new_mid) + where if new_mid.strip() == "" else f"insert {_show(new_mid)}{where}"
    if not new_mid:
        return _deletion(old_mid)
    if len(old_mid) == 1 and len(new_mid) == 1 and not old_mid.isalnum() and not new_mid.isalnum():
        return f"replace {_show(old_mid)} with {_show(new_mid)}"
    return f"replace {_show(old)} with {_show(new)}"


def _deletion(old: str) -> str:
    if old.isspace():
        spaces = old.count(" ")
        if "\n" in old:
            return "delete the blank lines" if old.count("\n") > 1 else "join the lines"
        return "delete the extra space" if spaces == len(old) == 1 else f"delete {_show(old)}"
    lines = [line for line in old.splitlines() if line.strip()]
    if len(lines) > 1:
        return f"delete these {len(lines)} lines (from {_show(lines[0].strip())})"
    return f"delete {_show(old.strip())}"


def _insertion(new: str) -> str:
    if new.strip() == "" and "\n" in new:
        return "start a new paragraph here" if new.count("\n") > 1 else "start a new line here"
    if new == " ":
        return "insert a space"
    return f"insert {_show(new)}"


def _recase(old: str, new: str) -> str:
    changed = [(a, b) for a, b in zip(old.split(), new.split(), strict=False) if a != b]
    if changed and all(b == a[:1].upper() + a[1:] for a, b in changed):
        words = " ".join(a for a, _ in changed)
        return f"capitalise {_show(words)}"
    if changed and all(b == a.lower() for a, b in changed):
        return f"lowercase {_show(' '.join(a for a, _ in changed))}"
    return f"change the capitals: {_show(new)}"


def _common(old: str, new: str) -> tuple[int, int, int]:
    """Length of the common prefix, and where the common suffix starts in each string."""
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return start, end_old, end_new


def _show(text: str) -> str:
    """A quoted, shortened piece of text; a lone symbol by its name."""
    if len(text) == 1 and not text.isalnum():
        if text in _ASCII_NAMES:
            return _ASCII_NAMES[text]
        if text.isascii() and text.isprintable():
            return f"“{text}”"
        name = unicodedata.name(text, "").lower()
        code = f"U+{ord(text):04X}"
        if not _visible(text) or not name:
            return f"the {name or 'character'} ({code})"
        return f"the {name} ({text}, {code})"
    if text.strip() == "":
        return f"{len(text)} spaces" if set(text) == {" "} else "the white space"
    shown = "".join(ch if _visible(ch) or ch == " " else f"⟨U+{ord(ch):04X}⟩" for ch in text)
    if len(shown) > _MAX_QUOTE:
        shown = shown[: _MAX_QUOTE - 1].rstrip() + "…"
    return f"“{shown}”"


def _visible(ch: str) -> bool:
    return unicodedata.category(ch)[0] not in "CZ" and unicodedata.category(ch) != "Mn"
