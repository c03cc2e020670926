"""Baselines: accept today's findings in a legacy archive, report only new ones from now on.

`--write-baseline FILE` records, per file and rule, a fingerprint of each finding's text: the
characters it points at plus a little context on the same line, white space normalised, with
how many times that fingerprint occurs. `--baseline FILE` then hides that many matching
findings per fingerprint. Line numbers play no part, so text added above a finding does not
bring it back; a second identical defect in the same file is new (the count is exceeded).

Paths are stored relative to the baseline file's folder, so the baseline works from any
working directory of the same repository.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lint.atomic import write_bytes_atomic
from lint.document.reader import InputError, decode
from lint.findings import Finding
from lint.results import FileResult

FORMAT_VERSION = 1
CONTEXT = 24  # characters of context on each side, within the finding's lines
_SPACE = re.compile(r"\s+")

SourceReader = Callable[[str], "str | None"]


class BaselineError(Exception):
    """A baseline file that cannot be read or written; one line for the user."""


@dataclass(frozen=True)
class Key:
    path: str  # relative to the baseline's folder, POSIX separators
    rule: str
    fingerprint: str


def _normal(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def fingerprint(source: str | None, finding: Finding) -> str:
    """Hash of the rule, the finding's own text and its context on the same line(s)."""
    if source is None:  # no text to look at (standard input): the message quotes the words
        material = finding.message
    else:
        start = min(max(finding.span.start, 0), len(source))
        end = min(max(finding.span.end, start), len(source))
        line_start = source.rfind("\n", 0, start) + 1
        line_end = source.find("\n", end)
        line_end = len(source) if line_end == -1 else line_end
        before = source[max(line_start, start - CONTEXT) : start]
        after = source[end : min(line_end, end + CONTEXT)]
        material = "\0".join((_normal(before), _normal(source[start:end]), _normal(after)))
    return hashlib.sha256(f"{finding.rule}\0{material}".encode("utf-8", "surrogatepass")).hexdigest()[:24]


def read_from_disk(path: str) -> str | None:
    try:
        return decode(Path(path).read_bytes()).text
    except (OSError, InputError):
        return None


def _relative(path: str, base_dir: Path) -> str:
    try:
        rel = os.path.relpath(os.path.abspath(path), base_dir.resolve())
    except ValueError:  # another drive on Windows
        rel = os.path.abspath(path)
    return PurePosixPath(Path(rel).as_posix()).as_posix()


def keys_of(
    results: Iterable[FileResult], base_dir: Path, read: SourceReader = read_from_disk
) -> list[list[Key]]:
    """For each result, the baseline key of each of its findings, in order."""
    out = []
    for result in results:
        source = read(result.path) if result.findings else None
        rel = _relative(result.path, base_dir)
        out.append([Key(rel, f.rule, fingerprint(source, f)) for f in result.findings])
    return out


def write_baseline(path: Path, results: list[FileResult], read: SourceReader = read_from_disk) -> int:
    """Record every finding of these results; returns how many were recorded."""
    base_dir = path.parent if str(path.parent) else Path(".")
    counts: Counter[Key] = Counter()
    messages: dict[Key, str] = {}
    for result, keys in zip(results, keys_of(results, base_dir, read), strict=True):
        for finding, key in zip(result.findings, keys, strict=True):
            counts[key] += 1
            messages.setdefault(key, finding.message)
    entries = [
        {"path": k.path, "rule": k.rule, "fingerprint": k.fingerprint, "count": n, "message": messages[k]}
        for k, n in sorted(counts.items(), key=lambda item: (item[0].path, item[0].rule, item[0].fingerprint))
    ]
    data = {"tool": "newslint", "version": FORMAT_VERSION, "findings": entries}
    text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    try:
        write_bytes_atomic(path, text.encode("utf-8"))
    except OSError as err:
        raise BaselineError(f"{path}: cannot write the baseline: {err.strerror or err}") from None
    return sum(counts.values())


def load_baseline(path: Path) -> Counter[Key]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"), parse_constant=_no_constant)
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (write one with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise BaselineError(f"{path}: not a newslint baseline: {getattr(err, 'strerror', None) or err}") from None
    except RecursionError:
        raise BaselineError(f"{path}: not a newslint baseline: nested too deeply") from None
    if (
        not isinstance(data, dict)
        or data.get("version") != FORMAT_VERSION
        or not isinstance(data.get("findings"), list)
    ):
        raise BaselineError(f"{path}: not a newslint baseline of version {FORMAT_VERSION}")
    counts: Counter[Key] = Counter()
    for number, entry in enumerate(data["findings"], 1):
        fields = [entry.get(name) if isinstance(entry, dict) else None for name in ("path", "rule", "fingerprint")]
        count = entry.get("count", 1) if isinstance(entry, dict) else None
        if not all(isinstance(v, str) for v in fields) or type(count) is not int or count < 0:
            raise BaselineError(f"{path}: damaged baseline entry (finding {number})")
        counts[Key(*fields)] += count
    return counts


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a count")


def filter_new(
    results: list[FileResult], path: Path, read: SourceReader = read_from_disk
) -> tuple[list[FileResult], int]:
    """Results with the baselined findings removed, and how many were removed."""
    remaining = load_baseline(path)
    base_dir = path.parent if str(path.parent) else Path(".")
    out: list[FileResult] = []
    hidden = 0
    for result, keys in zip(results, keys_of(results, base_dir, read), strict=True):
        new: list[Finding] = []
        for finding, key in zip(result.findings, keys, strict=True):
            if remaining[key] > 0:
                remaining[key] -= 1
                hidden += 1
            else:
                new.append(finding)
        out.append(dataclasses.replace(result, findings=new) if len(new) != len(result.findings) else result)
    return out, hidden
