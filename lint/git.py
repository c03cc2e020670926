"""What changed in the git working tree: for `--changed`, `--base REF` and `--changed-lines`.

- Without a base, "changed" means changed against HEAD: staged and unstaged edits plus new files
  git does not ignore (what you are about to commit). In a repository with no commit yet,
  every file is new.
- With `--base REF` (in CI: `--base origin/main`), it is everything that differs from the point
  where the branch left REF (`git merge-base REF HEAD`), committed or not, plus new files.
  That needs REF's history in the clone: check out with `fetch-depth: 0` in GitHub Actions,
  `GIT_DEPTH: 0` in GitLab CI.
- Deleted files are not "changed" (there is nothing to lint). A renamed file counts as changed;
  `--changed-lines` then sees only its edited lines.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lint.results import FileResult

_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_DIFF_FILTER = "--diff-filter=ACMRT"  # added, copied, modified, renamed, type changed


class GitError(Exception):
    """git is missing, this is not a repository, or the base cannot be found; one line for the user."""


def _git(args: list[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise GitError("git is not installed (needed for --changed)") from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {' '.join(args[:2])} failed: {message[-1] if message else proc.returncode}")
    return proc.stdout.decode("utf-8", "surrogateescape")


@dataclass
class Changes:
    """Changed files (absolute, resolved) and, when asked for, their changed line numbers.

    `lines[path]` is None for a new file (every line is changed).
    """

    root: Path
    files: set[Path] = field(default_factory=set)
    lines: dict[Path, set[int] | None] = field(default_factory=dict)

    def within(self, paths: Iterable[str], cwd: Path) -> list[str]:
        """The changed files at or under the given paths, sorted, relative to cwd where possible."""
        roots = [Path(p).resolve() for p in paths]
        here = cwd.resolve()
        found = sorted(f for f in self.files if any(f == r or r in f.parents for r in roots))
        return [str(f.relative_to(here)) if here in f.parents else str(f) for f in found]

    def touches(self, path: Path, first_line: int, last_line: int) -> bool:
        """Whether any line from first_line to last_line of the file was changed."""
        changed = self.lines.get(path.resolve(), set())
        if changed is None:
            return True
        return any(line in changed for line in range(first_line, max(first_line, last_line) + 1))


def ignored(folder: Path) -> set[str]:
    """Files and folders under `folder` that git ignores (.gitignore, .git/info/exclude and the
    user's excludes), as "/"-separated paths relative to `folder`; empty when git is missing or
    `folder` is not in a repository. A folder walk leaves them out: a site's build output and
    caches are not articles."""
    try:
        output = _git(["ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"], folder)
    except GitError:
        return set()
    return {name.rstrip("/") for name in output.split("\0") if name}


def repo_root(cwd: Path) -> Path:
    try:
        return Path(_git(["rev-parse", "--show-toplevel"], cwd).strip()).resolve()
    except GitError:
        raise GitError(f"{cwd.resolve()} is not inside a git repository (--changed needs one)") from None


def _has_head(root: Path) -> bool:
    try:
        _git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], root)
        return True
    except GitError:
        return False


def base_commit(base: str | None, root: Path) -> str | None:
    """The commit to compare with: HEAD, or where HEAD left `base`; None when there is no commit."""
    if base is None:
        return "HEAD" if _has_head(root) else None
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"], root)
    except GitError:
        raise GitError(f"--base {base}: no such branch, tag or commit here (in CI, fetch it first)") from None
    try:
        return _git(["merge-base", base, "HEAD"], root).strip()
    except GitError:
        raise GitError(
            f"--base {base}: no common history with HEAD (a shallow clone? fetch with fetch-depth: 0)"
        ) from None


def _names(output: str, root: Path) -> set[Path]:
    return {(root / name).resolve() for name in output.split("\0") if name}


def changes(base: str | None, cwd: Path, with_lines: bool = False) -> Changes:
    """Files (and, with_lines, line numbers) changed against `base` (None: against HEAD)."""
    root = repo_root(cwd)
    commit = base_commit(base, root)
    out = Changes(root)
    untracked = _names(_git(["ls-files", "-z", "--others", "--exclude-standard"], root), root)
    if commit is None:
        new = _names(_git(["ls-files", "-z", "--cached"], root), root) | untracked
        out.files = {p for p in new if p.is_file()}
        out.lines = {p: None for p in out.files}
        return out
    modified = _names(
        _git(["diff", "--name-only", "-z", "--no-ext-diff", _DIFF_FILTER, commit, "--"], root), root
    )
    out.files = {p for p in modified | untracked if p.is_file()}
    if with_lines:
        out.lines = {p: None for p in untracked}
        out.lines.update(
            _changed_lines(
                _git(
                    [
                        "diff",
                        "-U0",
                        "--no-color",
                        "--no-ext-diff",
                        _DIFF_FILTER,
                        "--src-prefix=a/",
                        "--dst-prefix=b/",
                        commit,
                        "--",
                    ],
                    root,
                ),
                root,
            )
        )
    return out


def parse_unified_diff(diff: str) -> dict[str, set[int] | None]:
    """Changed line numbers on the new side of a `git diff -U0`, by the new path as git prints it.

    A hunk that only deletes lines touches the lines on both sides of the cut. A file new in the
    diff (from /dev/null) is changed throughout (None).
    """
    result: dict[str, set[int] | None] = {}
    current: str | None = None
    new_file = False
    old_left = new_left = 0  # lines of the current hunk still to read: they are never headers
    for line in diff.split("\n"):
        if old_left or new_left:
            if line.startswith("-") and old_left:
                old_left -= 1
                continue
            if line.startswith("+") and new_left:
                new_left -= 1
                continue
            if line.startswith("\\"):
                continue
            old_left = new_left = 0  # a damaged hunk: read this line as a header
        if line.startswith("diff --git "):
            current, new_file = None, False
        elif line.startswith("--- "):
            new_file = line[4:].strip() == "/dev/null"
        elif line.startswith("+++ "):
            name = _unquote(line[4:].rstrip("\r\t"))
            current = name[2:] if name.startswith("b/") else None if name == "/dev/null" else name
            if current is not None:
                result[current] = None if new_file else result.get(current) or set()
        elif line.startswith("@@"):
            m = _HUNK.match(line)
            if not m:
                continue
            old_left, new_left = int(m.group(2) or 1), int(m.group(4) or 1)
            lines = result.get(current) if current is not None else None
            if lines is None:
                continue
            start, count = int(m.group(3)), new_left
            if count:
                lines.update(range(start, start + count))
            else:
                lines.update((max(start, 1), start + 1))
    return result


def _changed_lines(diff: str, root: Path) -> dict[Path, set[int] | None]:
    return {(root / name).resolve(): lines for name, lines in parse_unified_diff(diff).items()}


def _unquote(name: str) -> str:
    """git quotes unusual file names C-style ("a\\tb"); with quotepath off, UTF-8 stays as is."""
    if not (len(name) >= 2 and name.startswith('"') and name.endswith('"')):
        return name
    raw = name[1:-1].encode("utf-8", "surrogateescape").decode("unicode_escape").encode("latin-1")
    return raw.decode("utf-8", "surrogateescape")


def only_changed_lines(
    results: list[FileResult], paths: dict[str, Path], changes: Changes
) -> list[FileResult]:
    """Results keeping only findings on changed lines; `paths` maps a result's path to its file."""
    out = []
    for result in results:
        path = paths.get(result.path)
        if path is None or not result.findings:
            out.append(result)
            continue
        kept = [f for f in result.findings if changes.touches(path, f.line, f.end_line)]
        out.append(dataclasses.replace(result, findings=kept))
    return out
