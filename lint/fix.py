"""--fix and --diff: apply the checks' safe fixes, pass after pass, and write files atomically.

A pass applies every safe fix that does not overlap an earlier one (by position); the article is
then linted again, because one fix can make or unmake others, until nothing is left to fix or
MAX_PASSES is reached. A file is written only when its text changed, through a temporary file in
the same folder that is flushed to disk and then renamed over the original, so a crash leaves
either the old or the new article, never a cut one. The encoding, byte-order mark, line endings
and permission bits of the original are kept.
"""

from __future__ import annotations

import difflib
import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from lint.atomic import OwnerError, write_bytes_atomic
from lint.config import Resolved, search_boundary
from lint.document import format_for
from lint.document.reader import Decoded, InputError, decode
from lint.engine import Target, lint_text
from lint.findings import Finding, Fix
from lint.printable import printable, safe_line
from lint.results import FileResult, Selection

MAX_PASSES = 10


@dataclass(frozen=True)
class FixOutcome:
    display: str
    original: str
    fixed: str
    applied: int  # fixes applied over all passes
    result: FileResult  # the lint of the fixed text: what is left
    written: bool = False
    error: str | None = None
    warning: str | None = None  # written, with something the user should know (a split hard link)

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


def safe_fixes(findings: Iterable[Finding], unsafe: bool = False) -> list[Fix]:
    """The fixes --fix applies: the safe ones, or every fix with --unsafe-fixes (`unsafe`)."""
    return [
        fix for f in findings for fix in ((f.fix,) if f.fix is not None else ()) + f.more_fixes
        if fix.safe or unsafe
    ]


def choose_fixes(source: str, fixes: Iterable[Fix], newline: str = "\n") -> list[Fix]:
    """The fixes one pass applies, in order: those that do not overlap an earlier one.

    Two fixes overlap when their spans share a character, or when they meet at a point and one
    of them is an insertion (which goes first would be a guess). The later one waits for the
    next pass. A fix that changes nothing is left out.
    """
    chosen: list[Fix] = []
    last_start, last_end = -1, -1
    for fix in sorted(set(fixes), key=lambda x: (x.span.start, x.span.end, x.replacement)):
        start, end = fix.span.start, fix.span.end
        if not (0 <= start <= end <= len(source)):
            continue
        if source[start:end] == _with_newline(fix.replacement, newline):
            continue
        touching = start == last_end and (start == end or last_start == last_end)
        if start < last_end or touching:
            continue
        chosen.append(fix)
        last_start, last_end = start, end
    return chosen


def splice(source: str, chosen: list[Fix], newline: str = "\n") -> str:
    """Apply fixes chosen by `choose_fixes` (sorted, not overlapping)."""
    parts: list[str] = []
    pos = 0
    for fix in chosen:
        parts.append(source[pos : fix.span.start])
        parts.append(_with_newline(fix.replacement, newline))
        pos = fix.span.end
    parts.append(source[pos:])
    return "".join(parts)


def apply_fixes(source: str, fixes: Iterable[Fix], newline: str = "\n") -> tuple[str, int]:
    """Apply the fixes `choose_fixes` picks; returns the new text and how many applied."""
    chosen = choose_fixes(source, fixes, newline)
    return (splice(source, chosen, newline), len(chosen)) if chosen else (source, 0)


def _with_newline(text: str, newline: str) -> str:
    """A fix that adds a line break uses the file's own line ending."""
    if newline == "\n" or "\n" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\n", newline)


def fix_text(
    display: str,
    source: str,
    resolved: Resolved,
    selection: Selection,
    fmt: str,
    newline: str = "\n",
    max_passes: int = MAX_PASSES,
    log: list[tuple[int, Finding]] | None = None,
    unsafe: bool = False,
) -> tuple[str, int, FileResult]:
    """Fix in memory until stable: the new text, the fixes applied, the lint of the new text.

    `log`, when given, receives (pass number, finding) for every fix applied; the finding's
    position is in the text as that pass found it.
    """
    result = lint_text(display, source, resolved, selection, fmt)
    applied = 0
    for number in range(1, max_passes + 1):
        if result.error:
            break
        chosen = choose_fixes(source, safe_fixes(result.findings, unsafe), newline)
        if not chosen:
            break
        if log is not None:
            by_fix = {f.fix: f for f in result.findings if f.fix is not None}
            log.extend((number, by_fix[fix]) for fix in chosen)
        source = splice(source, chosen, newline)
        applied += len(chosen)
        result = lint_text(display, source, resolved, selection, fmt)
    return source, applied, result


class NotWritten(Exception):
    """Why fixes were left unwritten; one line for the user."""


def fix_target(target: Target, selection: Selection, write: bool, max_passes: int = MAX_PASSES,
               unsafe: bool = False) -> FixOutcome:
    """Fix one file; write it (atomically) only when `write` and its text changed.

    Before writing: a symbolic link must lead inside the tree (the repository, or the working
    folder); the file must be writable; just before the replace, it must be the very file that
    was read (same size, modification time and content: an editor's save in between is kept,
    and the fixes are not written); the replacement keeps the owner and mode.
    """
    fmt = format_for(str(target.path))
    try:
        _inside_tree(target.path)
        data, read = _read(target.path)
        decoded = decode(data, target.config.encodings)
    except (OSError, InputError, NotWritten) as err:
        message = getattr(err, "strerror", None) or str(err)
        return FixOutcome(
            target.display, "", "", 0, FileResult(target.display, fmt, error=message), error=message
        )
    resolved = target.config.for_file(target.path)
    fixed, applied, result = fix_text(
        target.display, decoded.text, resolved, selection, fmt, decoded.newline, max_passes, unsafe=unsafe
    )
    outcome = FixOutcome(target.display, decoded.text, fixed, applied, result)
    if not write or not outcome.changed:
        return outcome
    digest = hashlib.sha256(data).digest()
    try:
        if read.st_mode & 0o222 == 0 or not os.access(target.path, os.W_OK):
            raise NotWritten("the file is read-only; fixes not written")
        write_atomic(target.path, fixed, decoded, lambda: _unchanged(target.path, read, digest))
    except NotWritten as err:
        return FixOutcome(target.display, decoded.text, fixed, 0, result, error=str(err))
    except (OSError, UnicodeEncodeError) as err:
        message = f"fixes not written: {getattr(err, 'strerror', None) or err}"
        return FixOutcome(target.display, decoded.text, fixed, 0, result, error=message)
    split = None
    if read.st_nlink > 1:
        split = (f"had {read.st_nlink - 1} other hard link{'s' if read.st_nlink > 2 else ''}: they keep the old "
                 "text (the fixed file is a new one)")
    return FixOutcome(target.display, decoded.text, fixed, applied, result, written=True, warning=split)


def _read(path: Path) -> tuple[bytes, os.stat_result]:
    """The file's bytes and its state at the moment they were read."""
    with open(path, "rb") as handle:
        return handle.read(), os.fstat(handle.fileno())


def _unchanged(path: Path, read: os.stat_result, digest: bytes) -> None:
    """NotWritten unless `path` is still the file that was read, byte for byte."""
    try:
        data, now = _read(path)
    except OSError:
        raise NotWritten("the file went away while it was being fixed; fixes not written") from None
    same = (now.st_dev, now.st_ino, now.st_size, now.st_mtime_ns) == (read.st_dev, read.st_ino, read.st_size,
                                                                     read.st_mtime_ns)
    if not same or hashlib.sha256(data).digest() != digest:
        raise NotWritten("the file changed while it was being fixed; fixes not written (run --fix again)")


def _inside_tree(path: Path) -> None:
    """A symbolic link is fixed only when it leads inside the tree it was found in."""
    link = Path(os.path.abspath(path))
    real = Path(os.path.realpath(link))
    if real == link:
        return
    root = search_boundary(link.parent)
    if not real.is_relative_to(root):
        raise NotWritten(f"is a symbolic link to {real}, outside {root}; not fixed")


def encode(text: str, decoded: Decoded) -> bytes:
    """Bytes in the file's own encoding, with its byte-order mark and line endings."""
    return decoded.encode(text)


def write_atomic(path: Path, text: str, decoded: Decoded, before_replace: Callable[[], None] | None = None) -> None:
    """Replace the article all at once, in its own encoding, keeping its permission bits and owner."""
    data = encode(text, decoded)  # fails before anything is touched when a character does not fit
    try:
        write_bytes_atomic(path, data, durable=True, keep_owner=True, before_replace=before_replace)
    except OwnerError as err:
        raise NotWritten(f"{err}; fixes not written") from None


def unified_diff(outcome: FixOutcome) -> str:
    """The change a fix makes, as `diff -u` shows it (a/ and b/ prefixes, like git).

    Lines end at "\n" only, as for diff and patch (str.splitlines would also end them at a
    lone CR, U+2028 or NEL and then call them the end of the file). The text shown is the
    article's, so each line is made safe to print (lint/printable.py); a CR before the line
    feed stays as it is, so the diff of a CRLF file still applies.
    """
    old, new = _lines(outcome.original), _lines(outcome.fixed)
    name = printable(outcome.display)
    lines = []
    for line in difflib.unified_diff(old, new, f"a/{name}", f"b/{name}"):
        body, end = (line[:-1], "\n") if line.endswith("\n") else (line, "\n\\ No newline at end of file\n")
        cr = "\r" if body.endswith("\r") else ""
        lines.append(safe_line(body[: len(body) - len(cr)]) + cr + end)
    return "".join(lines)


def _lines(text: str) -> list[str]:
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    return lines + [parts[-1]] if parts[-1] else lines


def fix_results(
    targets: list[Target], results: list[FileResult], selection: Selection, write: bool, unsafe: bool = False
) -> tuple[list[FileResult], list[FixOutcome]]:
    """Fix every target whose findings carry a fix to apply; its result becomes what is left after."""
    by_display = {t.display: t for t in targets}
    outcomes: list[FixOutcome] = []
    out: list[FileResult] = []
    for result in results:
        target = by_display.get(result.path)
        if target is None or result.error or not safe_fixes(result.findings, unsafe):
            out.append(result)
            continue
        outcome = fix_target(target, selection, write, unsafe=unsafe)
        outcomes.append(outcome)
        out.append(result if outcome.error else outcome.result)
    return out, outcomes
