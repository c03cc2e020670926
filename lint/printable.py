"""Untrusted text made safe to print: article words, file names and values from configs.

Article text reaches terminals and CI logs through the text report, `--diff` and error
messages. Raw, an escape sequence in an article clears the reader's screen or retitles the
window, a right-to-left override makes a line read differently from what it holds, a newline
in a file name forges a line of output, and in a GitHub Actions log a line that starts with
`::` (or holds `##[` anywhere) is run as a workflow command. Here control characters are shown
escaped (`\\x1b`), bidirectional controls by their code point (`U+202E`), bytes of a file name
that were not UTF-8 as `\\xff`, and workflow-command markers are broken with a backslash.
"""

from __future__ import annotations

import re

from lint.patterns import lazy_re

# C0 controls but tab, DEL, C1 controls; bidirectional marks, embeddings, overrides, isolates;
# the Unicode line and paragraph separators; lone surrogates (undecodable bytes of file names).
_UNSAFE = lazy_re(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_COMMAND_START = lazy_re(r"^(\s*)::")
_LEGACY_COMMAND = "##["


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x100:
        return {"\n": "\\n", "\r": "\\r"}.get(char, f"\\x{code:02x}")
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"U+{code:04X}"


def printable(text: str, keep_line_breaks: bool = False) -> str:
    """One line with no character a terminal or a log viewer would act on.

    `keep_line_breaks` leaves LF and CR alone, for formats that escape them their own way.
    """
    if not _UNSAFE.search(text):
        return text
    if keep_line_breaks:
        return _UNSAFE.sub(lambda m: m.group() if m.group() in "\r\n" else _escape(m), text)
    return _UNSAFE.sub(_escape, text)


_SURROGATE = lazy_re("[\ud800-\udfff]")


def json_text(dumped: str) -> str:
    """JSON from json.dumps(ensure_ascii=False) that is valid UTF-8 even when a file name was not:
    each undecodable byte (kept by surrogateescape, only ever inside a JSON string) becomes the
    text `\\xe9` there, escaped for JSON."""
    if not _SURROGATE.search(dumped):
        return dumped
    return _SURROGATE.sub(lambda m: _escape(m).replace("\\", "\\\\"), dumped)


def no_commands(line: str) -> str:
    """A line a GitHub Actions runner will not read as a workflow command."""
    if _LEGACY_COMMAND in line:
        line = line.replace(_LEGACY_COMMAND, "##\\[")
    return _COMMAND_START.sub(r"\1\\::", line) if "::" in line else line


def safe_line(text: str) -> str:
    """Both: what every human-readable line newslint prints goes through."""
    return no_commands(printable(text))
