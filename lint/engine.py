"""Files in, results out: discovery, reading, running the checks, parallel jobs and the cache."""

from __future__ import annotations

import dataclasses
import errno
import gc
import os
import signal
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from lint.checks.base import Check, CheckUnavailable
from lint.config import Config, ConfigError, Limits, RealPaths, Resolved, find_config, load_config, search_boundary
from lint.dedupe import fold_repeats, one_finding_per_defect
from lint.document import format_for, parse
from lint.document.model import Document
from lint.document.reader import InputError, decode
from lint.findings import CATEGORIES, Finding, Fix
from lint.results import FileResult, Selection
from lint.suppress import apply_suppressions

if TYPE_CHECKING:
    from lint.house.profile import HouseProfile

R = TypeVar("R")


@dataclass(frozen=True)
class Target:
    """A file to lint with the config that governs it."""

    path: Path
    display: str
    config: Config
    explicit: bool = False


class ConfigCache:
    """One loaded config per config file, found from each article's folder upward.

    A broken config is remembered as its error: the files it governs are reported once as
    not lintable, and the run goes on with the rest.
    """

    def __init__(
        self, explicit: Config | None, profile: HouseProfile | None = None, *, allow_plugins: bool | None = None
    ) -> None:
        self.profile = profile  # --profile: given to every config
        if explicit is not None and profile is not None:
            explicit = explicit.with_profile(profile)
        self.explicit = explicit
        self.allow_plugins = allow_plugins  # None: as NEWSLINT_NO_PLUGINS says
        self._by_file: dict[Path | None, Config | ConfigError] = {}
        self._by_dir: dict[tuple[Path, Path], Config | ConfigError] = {}
        # Each folder as asked about: the files of one folder share the search up the tree.
        self._by_query: dict[tuple[Path, Path | None], Config | ConfigError] = {}
        self.real_paths = RealPaths()

    def lookup(self, folder: Path, given: Path | None = None) -> Config | ConfigError:
        """The config governing `folder`: the nearest one up to the repository root (outside
        git: up to the working folder, or `given`, the folder named on the command line)."""
        if self.explicit is not None:
            return self.explicit
        found = self._by_query.get((folder, given))
        if found is None:
            found = self._by_query[(folder, given)] = self._search(folder, given)
        return found

    def _search(self, folder: Path, given: Path | None) -> Config | ConfigError:
        folder = Path(os.path.realpath(folder))
        stop = search_boundary(folder, given)
        if (folder, stop) not in self._by_dir:
            path = find_config(folder, stop)
            if path not in self._by_file:
                try:
                    config = load_config(path, allow_plugins=self.allow_plugins)
                    self._by_file[path] = config.with_profile(self.profile) if self.profile else config
                except ConfigError as err:
                    self._by_file[path] = err
            self._by_dir[(folder, stop)] = self._by_file[path]
        return self._by_dir[(folder, stop)]

    def loaded(self) -> list[Config]:
        """Every config loaded so far (not the broken ones)."""
        found = [self.explicit] if self.explicit is not None else []
        return found + [c for c in self._by_file.values() if isinstance(c, Config)]

    def for_dir(self, folder: Path) -> Config:
        """The config for a folder; raises the config's ConfigError if it is broken."""
        found = self.lookup(folder)
        if isinstance(found, ConfigError):
            raise found
        return found


def discover(paths: Iterable[str], configs: ConfigCache, errors: list[FileResult]) -> list[Target]:
    """Expand folders, respect include/exclude, keep the order given, drop duplicates."""
    targets: list[Target] = []
    seen: set[Path] = set()
    broken: set[str] = set()

    def config_for(folder: Path, given: Path) -> Config | None:
        found = configs.lookup(folder, given)
        if isinstance(found, ConfigError):
            if str(found) not in broken:
                broken.add(str(found))
                where = str(found).split(": ", 1)
                errors.append(FileResult(where[0], error=where[1] if len(where) > 1 else str(found)))
            return None
        return found

    def add(path: Path, explicit: bool, given: Path) -> None:
        try:
            _add(path, explicit, given)
        except OSError as err:  # a path too long for the system, say: reported, never skipped
            errors.append(FileResult(_display(path), error=_os_problem(err)))

    def _add(path: Path, explicit: bool, given: Path) -> None:
        # Path.resolve of an existing file: its real path (loops of links do not exist()).
        key = Path(configs.real_paths(path)) if path.exists() else path.absolute()
        if key in seen:
            return
        seen.add(key)
        if path.is_symlink() and not path.exists():
            errors.append(FileResult(_display(path), error=_dangling(path)))
            return
        config = config_for(path.parent, given)
        if config is None:
            return
        if config.excluded(path):
            return
        if not explicit and not config.included(path):
            return
        targets.append(Target(path, _display(path), config, explicit))

    for raw in paths:
        path = Path(raw)
        try:
            dangling, is_dir, exists = path.is_symlink() and not path.exists(), path.is_dir(), path.exists()
        except OSError as err:
            errors.append(FileResult(raw, error=_os_problem(err)))
            continue
        if dangling:
            errors.append(FileResult(raw, error=_dangling(path)))
        elif is_dir:
            config = config_for(path, path)
            if config is None:
                continue
            for child in _walk(path, config, errors):
                add(child, explicit=False, given=path)
        elif exists:
            add(path, explicit=True, given=path.parent)
        else:
            errors.append(FileResult(raw, error="no such file or folder"))
    return targets


def _os_problem(err: OSError) -> str:
    if err.errno == errno.ENAMETOOLONG:
        return "path too long for this system (over its PATH_MAX or NAME_MAX)"
    return err.strerror or str(err)


def _walk(root: Path, config: Config, errors: list[FileResult]) -> Iterator[Path]:
    """Files under `root`, sorted. A folder that cannot be listed (no permission, a path too
    long) is an error result: skipping it silently would report "All clear" for articles
    nobody read."""
    from lint.git import ignored

    def unreadable(err: OSError) -> None:
        errors.append(FileResult(_display(Path(err.filename)), error=f"cannot read this folder: {_os_problem(err)}"))

    skip = ignored(root)  # what git ignores is not an article (a built site, a cache)
    for folder, dirs, files in os.walk(root, onerror=unreadable):
        base = Path(folder)
        rel = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        dirs[:] = sorted(d for d in dirs if not config.excluded(base / d / "x") and not d.startswith(".")
                         and prefix + d not in skip)
        for name in sorted(files):
            if prefix + name not in skip:
                yield base / name


def _dangling(path: Path) -> str:
    """Why a symbolic link leads nowhere: a missing target or a loop of links."""
    try:
        os.stat(path)
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "symbolic link loop (the links point at each other)"
    return "broken symbolic link (its target does not exist)"


def _display(path: Path) -> str:
    text = str(path)
    return text[2:] if text.startswith("./") else text


# -- linting one document --------------------------------------------------------------------------

@dataclass
class CheckRun:
    """What running the checks on one document produced."""

    findings: list[Finding] = field(default_factory=list)
    metrics: dict[str, float] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)  # checks that crashed (a bug in the check)
    warnings: list[str] = field(default_factory=list)  # checks that could not run
    fatal: bool = False


def lint_document(doc: Document, resolved: Resolved, selection: Selection = Selection()) -> CheckRun:
    """Run every enabled, selected check on a parsed document."""
    out = CheckRun()
    findings = out.findings
    for rc in resolved.checks:
        check = rc.check
        if not selection.wants(check.id, check.category):
            continue
        instance = check()
        try:
            for finding in instance.run(doc, rc.options, resolved.house):
                if rc.severity is not None:
                    finding = dataclasses.replace(finding, severity=rc.severity)
                findings.append(finding)
            if check.metrics is not Check.metrics:  # (most checks have no figures to show)
                out.metrics.update(instance.metrics(doc, rc.options, resolved.house))
        except CheckUnavailable as err:
            out.warnings.append(f"{check.id}: {err.message}")
            out.fatal = out.fatal or err.required
        except Exception as err:  # one broken check must not hide the others' findings
            out.failures.append(f"check {check.id} failed: {type(err).__name__}: {err}")
    findings = one_finding_per_defect(findings, resolved.supersedes)
    out.findings = fold_repeats(doc.source, _place(doc, apply_suppressions(doc, findings, resolved, selection)))
    return out


def _place(doc: Document, findings: list[Finding]) -> list[Finding]:
    """Give findings their path, line and column; clamp spans to the file; drop duplicates."""
    placed: dict[tuple[str, int, int, str], Finding] = {}
    size = len(doc.source)
    for f in findings:
        start = min(max(f.span.start, 0), size)
        end = min(max(f.span.end, start), size)
        a, b = doc.position(start), doc.position(end)
        key = (f.rule, start, end, f.message)
        if key not in placed:
            placed[key] = dataclasses.replace(
                f, span=dataclasses.replace(f.span, start=start, end=end), path=doc.path,
                line=a.line, column=a.column, end_line=b.line, end_column=b.column,
                fix=None if f.fix is None else _place_fix(doc, f.fix),
            )
    return sorted(placed.values(), key=lambda f: (f.line, f.column, f.rule, f.end_line, f.end_column))


def _place_fix(doc: Document, fix: Fix) -> Fix:
    """The fix's own line and column (it may reach beyond the finding) and its label in words."""
    size = len(doc.source)
    start = min(max(fix.span.start, 0), size)
    end = min(max(fix.span.end, start), size)
    a, b = doc.position(start), doc.position(end)
    label = fix.label
    if not label:
        from lint.fix_labels import describe  # here: most articles have no fix to label

        label = describe(doc.source[start:end], fix.replacement)
    return dataclasses.replace(fix, span=dataclasses.replace(fix.span, start=start, end=end), label=label,
                               line=a.line, column=a.column, end_line=b.line, end_column=b.column)


def lint_text(display: str, source: str, resolved: Resolved, selection: Selection = Selection(),
              fmt: str | None = None) -> FileResult:
    return lint_parsed(parse(display, source, resolved.parse, fmt), resolved, selection)


def lint_parsed(doc: Document, resolved: Resolved, selection: Selection = Selection(),
                word_count: int | None = None) -> FileResult:
    display = doc.path
    run = lint_document(doc, resolved, selection)
    words = doc.word_count if word_count is None else word_count
    result = FileResult(display, doc.format, words, run.findings, metrics=run.metrics,
                        warnings=run.warnings, fatal_warning=run.fatal)
    if run.failures:
        result.error = "; ".join(run.failures)
        result.internal = True
    return result


def read_source(path: Path, max_size_mb: float, encodings: tuple[str, ...] = ()) -> str:
    """Read and decode an article, or raise InputError with a one-line reason."""
    try:
        size = path.stat().st_size
        if max_size_mb and size > max_size_mb * 1_000_000:
            raise InputError(
                f"file is {size / 1_000_000:.1f} MB, over the {max_size_mb:g} MB limit (files.max_size_mb)"
            )
        data = path.read_bytes()
    except PermissionError:
        raise InputError("permission denied") from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file") from None
    except OSError as err:
        raise InputError(err.strerror or str(err)) from None
    return decode(data, encodings).text


def _special_file(path: Path) -> bool:
    try:
        mode = path.stat().st_mode
    except OSError:
        return False  # read_source says what is wrong with it
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


@dataclass(frozen=True)
class Pending:
    """A file that was read and is not in the cache: everything linting it needs."""

    display: str
    source: str
    fmt: str
    resolved: Resolved
    cache_key: str | None = None


def read_target(target: Target, selection: Selection, cache_dir: Path | None) -> FileResult | Pending:
    """Read a file and look it up in the cache: a finished result (an error, a hit) or the work left."""
    resolved = target.config.for_file(target.path)
    fmt = format_for(str(target.path))
    if not target.explicit and _special_file(target.path):
        # Reading a named pipe found in a folder would wait for a writer forever. One named on
        # the command line is read: the user may mean it ("newslint check <(cat story.md)").
        return FileResult(target.display, fmt, error="not a regular file (a named pipe, socket or device)")
    try:
        source = read_source(target.path, target.config.max_size_mb, target.config.encodings)
    except InputError as err:
        return FileResult(target.display, fmt, error=str(err))
    key = None
    if cache_dir is not None:
        from lint.cache import cache_key, load  # here: a run without the cache never imports it

        key = cache_key(source, target.display, resolved, selection)
        hit = load(cache_dir, key)
        if hit is not None:
            return hit
    return Pending(target.display, source, fmt, resolved, key)


def remember(pending: Pending, result: FileResult, cache_dir: Path | None) -> None:
    """Store a fresh result in the cache (only clean results: a check that could not run is retried)."""
    if cache_dir is not None and pending.cache_key is not None and result.error is None and not result.warnings:
        from lint.cache import store

        store(cache_dir, pending.cache_key, result)


def lint_target(target: Target, selection: Selection, cache_dir: Path | None) -> FileResult:
    item = read_target(target, selection, cache_dir)
    if isinstance(item, FileResult):
        return item
    result = lint_source(item.display, item.source, item.resolved, selection, item.fmt)
    remember(item, result, cache_dir)
    return result


def lint_source(display: str, source: str, resolved: Resolved, selection: Selection, fmt: str) -> FileResult:
    """lint_text for a file of a run, within the config's limits: a file over them, or a crash on
    one odd file, becomes that file's error line."""
    limits = resolved.limits
    over = over_limits(source, limits)
    if over:
        return FileResult(display, fmt, error=over)
    try:
        with time_budget(limits.max_seconds), _no_gc():
            return _parse_and_lint(display, source, resolved, selection, fmt)
    except OverTime:
        return FileResult(display, fmt, error=(
            f"gave up after {limits.max_seconds:g} s (files.max_seconds): the file is too large or too unusual "
            "to lint in time"))
    except RecursionError:
        return FileResult(display, fmt, error="too deeply nested to parse")
    except Exception as err:  # a parser bug on one odd file must not end the run for all the others
        return FileResult(display, fmt, internal=True,
                          error=f"newslint could not parse this file ({type(err).__name__}: {err}); please report it")


def _parse_and_lint(display: str, source: str, resolved: Resolved, selection: Selection, fmt: str) -> FileResult:
    # A function of its own: the document is freed when it returns (`Document.release` breaks its
    # one cycle), before the collector is back on (`_no_gc`), which then finds nothing of it to read.
    doc = parse(display, source, resolved.parse, fmt)
    words = doc.word_count
    limits = resolved.limits
    if limits.max_words and words > limits.max_words:
        return FileResult(display, doc.format, error=(
            f"article is {words:,} words long, over the {limits.max_words:,} limit (files.max_words)"))
    result = lint_parsed(doc, resolved, selection, words)
    doc.release()
    return result


def over_limits(source: str, limits: Limits) -> str | None:
    """One line saying which limit the text breaks (size, line length), or None."""
    if limits.max_size_mb and len(source) > limits.max_size_mb * 1_000_000:
        return (f"text is {len(source) / 1_000_000:.1f} million characters, over the {limits.max_size_mb:g} MB "
                "limit (files.max_size_mb)")
    if limits.max_line_length and len(source) > limits.max_line_length:
        longest = max(source.split("\n"), key=len)  # one pass in C; memory as much as the text
        if len(longest) > limits.max_line_length:
            line = source[: source.find(longest)].count("\n") + 1
            return (f"line {line} is {len(longest):,} characters long, over the {limits.max_line_length:,} "
                    "limit (files.max_line_length)")
    return None


class OverTime(BaseException):
    """A file's time budget ran out. A BaseException, so that the `except Exception` that keeps one
    crashing check from hiding the others does not swallow it."""


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise OverTime in the code running here once `seconds` have passed (0: no limit).

    A timer signal interrupts Python code and the `re` engine alike, so a check stuck on one file
    is stopped instead of waited for. Only where Unix timer signals can be used: the main thread
    of a process (the command line and its worker processes).
    """
    usable = (seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise OverTime()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _no_gc() -> Iterator[None]:
    """No cyclic garbage collection while one file is linted: a large file makes hundreds of
    thousands of small objects, and the collector re-scanning them all cost a quarter of the run.
    What the file left behind is collected once it is done."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# -- many files --------------------------------------------------------------------------------------

def _worker(args: tuple[Target, Selection, Path | None]) -> FileResult:
    return lint_target(*args)


def lint_targets(
    targets: list[Target],
    selection: Selection = Selection(),
    jobs: int = 1,
    cache_dir: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[FileResult]:
    """Lint files in order; with jobs > 1 in worker processes, results still in input order."""
    return run_tasks(_worker, [(t, selection, cache_dir) for t in targets], jobs, progress)


def run_tasks(worker: Callable[[Any], R], tasks: list[Any], jobs: int = 1,
              progress: Callable[[int, int], None] | None = None) -> list[R]:
    """`worker` over `tasks` in order; with jobs > 1 in worker processes (`newslint learn` too)."""
    results: list[R] = []
    if jobs <= 1 or len(tasks) < 4:
        for i, task in enumerate(tasks, 1):
            results.append(worker(task))
            if progress:
                progress(i, len(tasks))
        return results
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    fork = sys.platform != "win32"
    context = multiprocessing.get_context("fork" if fork else "spawn")
    if fork:
        # Run the first task here: what the checks build on first use (compiled patterns,
        # word lists) is then inherited by every forked worker instead of built once in each.
        results.append(worker(tasks[0]))
        if progress:
            progress(1, len(tasks))
    rest = tasks[len(results):]
    # No idle workers for a handful of files, and no more than twice the cores: "--jobs 200"
    # would fork 200 processes for work that two cores do.
    workers = min(jobs, len(rest), MAX_WORKERS_PER_CORE * (os.cpu_count() or 1))
    chunk = max(1, min(16, len(rest) // (workers * 4)))
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=_follow_parent, initargs=(os.getpid(),))
    try:
        for result in pool.map(worker, rest, chunksize=chunk):
            results.append(result)
            if progress:
                progress(len(results), len(tasks))
    except BaseException:  # Ctrl-C, a broken pool: end the workers now, do not wait for them
        _kill_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return results


MAX_WORKERS_PER_CORE = 2


def _follow_parent(parent: int) -> None:
    """Worker start-up: end this worker when the run that started it is gone.

    A parent killed outright (SIGKILL, an out-of-memory kill, a cancelled CI job) cannot end its
    workers; they would wait for work for ever, holding the job's output pipes open. A thread
    notices the new parent and exits the worker.
    """
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.25)
        os._exit(1)

    threading.Thread(target=watch, name="newslint-parent-watch", daemon=True).start()


def _kill_workers(pool: object) -> None:
    kill = getattr(pool, "kill_workers", None)  # Python 3.14
    if kill is not None:
        kill()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.kill()


def valid_selectors(names: Iterable[str], known_ids: Iterable[str]) -> list[str]:
    """Names in --select/--ignore that are neither a check id nor a category."""
    known = set(known_ids) | set(CATEGORIES)
    return [n for n in names if n not in known]
