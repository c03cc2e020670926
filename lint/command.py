"""The `check` command's work: configs and files, linting, fixes, baselines, the report, the exit code.

lint/cli.py declares the command line with click and hands `check` its values. The `newslint`
program reads a plain `check` command line itself (lint/quick.py) and calls `check` without
importing click: click is imported only to print what needs it (`echo`: colour codes off a
terminal, an odd stream), so a pre-commit hook's usual run never loads it.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from lint import __version__

if TYPE_CHECKING:
    from collections.abc import Callable

    from lint.config import Config, Resolved
    from lint.document.reader import Decoded
    from lint.engine import ConfigCache, Target
    from lint.findings import Severity
    from lint.fix import FixOutcome
    from lint.git import Changes
    from lint.report import RunReport, View
    from lint.results import FileResult, Selection
    from lint.shard import Shard

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3


def echo(message: str, *, err: bool = False, nl: bool = True) -> None:
    """`click.echo` (its handling of encodings, colour codes and closed streams), imported only
    when there is something to print that needs it.

    Importing click costs a one-article run (a pre-commit hook's) over a tenth of its time, and
    most of what is printed needs nothing of it: while click is not loaded (the quick command
    line), a text with no colour codes to strip, for a standard stream that click would use as
    it is, is written the way click writes it."""
    if "click" not in sys.modules and _write_as_click_would(message, err, nl):
        return
    import click

    click.echo(message, nl=nl, err=err)


def _write_as_click_would(message: str, err: bool, nl: bool) -> bool:
    """Write `message` as `click.echo` does when it needs no work of click's, and say so; False
    (nothing written) otherwise. Click uses a standard text stream as it is unless it is
    Windows', it says it writes bytes, or its encoding is missing or ASCII (click re-wraps that
    one); it strips colour codes only, and a text without an escape character holds none."""
    stream = sys.stderr if err else sys.stdout
    if stream is None:
        return True  # no stream to write to (pythonw): click prints nothing either
    if sys.platform == "win32" or "\x1b" in message:
        return False
    encoding, errors = getattr(stream, "encoding", None), getattr(stream, "errors", None)
    if encoding is None or errors is None or _is_ascii(encoding) or _writes_bytes(stream):
        return False
    out = message + "\n" if nl else message
    if out:
        stream.write(out)
    stream.flush()
    return True


def _is_ascii(encoding: str) -> bool:
    import codecs

    try:
        return codecs.lookup(encoding).name == "ascii"
    except LookupError:
        return False


def _writes_bytes(stream: object) -> bool:
    """Whether the stream takes bytes (click's test: an empty write; a stream that takes neither
    counts as text, as click counts it)."""
    try:
        stream.write(b"")  # type: ignore[attr-defined]
    except Exception:
        return False
    return True


def say(line: str) -> None:
    """One line to stderr. Messages quote file names, config values and article text: escaped."""
    from lint.printable import safe_line

    echo(safe_line(line), err=True)


def fail(message: str) -> NoReturn:
    say(f"newslint: error: {message}")
    sys.exit(EXIT_ERROR)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def check(
    paths: tuple[str, ...], fmt: str, config_path: Path | None, select: tuple[str, ...],
    ignore: tuple[str, ...], fail_on: str | None, stdin_filename: str | None, jobs: int | None,
    no_cache: bool, cache_dir: Path | None, quiet: bool, color: bool | None, output: Path | None,
    changed: bool, base_ref: str | None, changed_lines: bool, report_unused_suppressions: bool,
    baseline_path: Path | None, write_baseline_path: Path | None, profile_path: Path | None, apply_fix: bool,
    show_diff: bool,
    shard_spec: str | None, dask_address: str | None,
    unsafe_fixes: bool, sort: str, group_by: str, statistics: bool, show_source: bool, min_score: float | None,
    no_plugins: bool,
) -> None:
    """Lint articles (files or folders; '-' reads standard input)."""
    from lint.findings import Severity
    from lint.report import View
    from lint.results import Selection

    if not paths:
        paths = (".",)
    shard = _shard(shard_spec, paths)
    selection = Selection(_split(select), _split(ignore), report_unused_suppressions)
    wants_changes = changed or changed_lines or bool(base_ref)
    run = _plan(paths, config_path, no_plugins, profile_path, selection, shard, stdin_filename, quiet,
                (base_ref, changed_lines) if wants_changes else None)
    from lint.document import format_for, prepare
    from lint.startup import settled

    prepare({format_for(str(t.path)) for t in run.targets})
    settled()  # configs read and checks imported: the garbage collector may run again
    cache = None if no_cache else (cache_dir or _default_cache())
    results = _lint_all(run, jobs, cache, dask_address, quiet)
    if show_diff:  # --diff wins over --fix: nothing is written
        sys.exit(_diff(run, results, quiet=quiet, unsafe=unsafe_fixes))
    fixes_refused = False  # a fix not written (link out of the tree, read-only, changed meanwhile)
    if apply_fix:
        results, fixes_refused = _fix(run, results, quiet=quiet, unsafe=unsafe_fixes)
    if run.changes is not None and changed_lines:
        from lint.git import only_changed_lines

        results = only_changed_lines(results, {t.display: t.path for t in run.targets}, run.changes)
    if write_baseline_path is not None:
        sys.exit(_write_baseline(write_baseline_path, results))
    if baseline_path is not None:
        results = _apply_baseline(baseline_path, results, quiet)
    view = View(sort, group_by, statistics, show_source, quiet)  # type: ignore[arg-type]
    # --fix on standard input prints the fixed article (a filter); the report goes to stderr.
    to_stderr = apply_fix and run.piped is not None and output is None
    report = _print_report(run, results, fmt, view, color, output, to_stderr)
    threshold = Severity(fail_on or run.base_config.fail_on.value)
    sys.exit(_exit_code(results, report, threshold, min_score, fixes_refused))


@dataclass
class _Run:
    """What one `check` run lints, settled before any article is read."""

    base_config: Config  # the explicit config, or the one for the current folder
    selection: Selection
    targets: list[Target]
    errors: list[FileResult]  # paths that are no article to read (missing, unreadable...)
    changes: Changes | None  # what git says changed, for --changed, --base and --changed-lines
    piped: _Piped | None  # the article read from standard input, for --fix and --diff
    stdin_result: FileResult | None  # that article's result: it is linted as it is read
    sources: dict[str, str]  # article texts, for the HTML report and --show-source


def _plan(paths: tuple[str, ...], config_path: Path | None, no_plugins: bool, profile_path: Path | None,
          selection: Selection, shard: Shard | None, stdin_filename: str | None, quiet: bool,
          git_base: tuple[str | None, bool] | None) -> _Run:
    """Configs, selection and the articles to lint (with `git_base`, (base ref, with lines), only
    those git says changed); a bad config, selector or git state fails the command."""
    from lint.config import ConfigError, load_config
    from lint.engine import ConfigCache, discover

    try:
        allow_plugins = False if no_plugins else None  # None: as NEWSLINT_NO_PLUGINS says
        explicit = load_config(config_path, allow_plugins=allow_plugins) if config_path else None
        profile = _profile_or_fail(profile_path) if profile_path else None
        configs = ConfigCache(explicit, profile, allow_plugins=allow_plugins)
        base_config = explicit or configs.for_dir(Path.cwd())
        _check_selectors(selection, base_config)
        errors: list[FileResult] = []
        changes = _git_changes(*git_base) if git_base is not None else None
        file_paths = [p for p in paths if p != "-"]
        if changes is not None:
            file_paths = changes.within(file_paths, Path.cwd())
        targets = discover(file_paths, configs, errors)
        _say_skipped_plugins(configs.loaded())
        if changes is not None:  # changed files were named one by one: keep the articles among them
            targets = [t for t in targets if t.config.included(t.path)]
        sources: dict[str, str] = {}
        stdin_result, piped = None, None
        if "-" in paths:
            stdin_result, piped = _lint_stdin(stdin_filename or "stdin.txt", configs, selection, sources)
        elif not targets and not errors and changes is None and not quiet:
            includes = ", ".join(base_config.include)
            say(f"newslint: warning: no articles found in {' '.join(paths)} (files.include: {includes})")
        if shard is not None:
            from lint.shard import shard_key

            targets = [t for t in targets if shard.owns(shard_key(t.path, t.config))]
    except ConfigError as err:
        fail(str(err))
    return _Run(base_config, selection, targets, errors, changes, piped, stdin_result, sources)


def _check_selectors(selection: Selection, config: Config) -> None:
    """--select and --ignore name known checks or categories, or the command fails saying which."""
    from lint.engine import valid_selectors

    unknown = valid_selectors((*selection.select, *selection.ignore), config.registry.ids())
    if unknown:
        import difflib

        from lint.findings import CATEGORIES

        close = difflib.get_close_matches(unknown[0], [*config.registry.ids(), *CATEGORIES], n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        fail(f"--select/--ignore: unknown check or category {unknown[0]!r} ({hint}see 'newslint rules')")


def _lint_all(run: _Run, jobs: int | None, cache: Path | None, dask_address: str | None,
              quiet: bool) -> list[FileResult]:
    """Every article's result (standard input's first), then the paths that could not be read."""
    from lint.engine import lint_targets

    results = [run.stdin_result] if run.stdin_result is not None else []
    if jobs is None:
        jobs = os.cpu_count() or 1
    show_progress = not quiet and sys.stderr.isatty() and len(run.targets) > 5
    progress = progress_bar() if show_progress else None
    if dask_address:
        results.extend(_lint_on_cluster(dask_address, run.targets, run.selection, cache, progress))
    else:
        results.extend(lint_targets(run.targets, run.selection, max(jobs, 1), cache, progress))
    if progress:
        echo("\r\033[K", nl=False, err=True)
    return results + run.errors


def _print_report(run: _Run, results: list[FileResult], fmt: str, view: View, color: bool | None,
                  output: Path | None, to_stderr: bool) -> RunReport:
    """Render the report in `fmt` to standard output (or `output`), with errors and warnings on stderr."""
    from lint.report import RunReport, renderer

    terminal = sys.stdout.isatty() and output is None and "NO_COLOR" not in os.environ
    use_color = color if color is not None else terminal
    if fmt == "html" or view.show_source:
        _read_sources(run.targets, run.sources)
    report = RunReport(results, __version__, color=use_color, rules=dict(run.base_config.registry.checks),
                       scoring=run.base_config.scoring, view=view, sources=run.sources)
    try:
        text = renderer(fmt)(report)
    except ValueError as err:
        fail(str(err))
    for broken in report.errors:
        say(f"{broken.path}: error: {broken.error}")
    # A required check that could not run (a LanguageTool server that is down) makes the run
    # fail: its message is an error, not a warning.
    fatal = dict.fromkeys(w for r in results if r.fatal_warning for w in r.warnings)
    for warning in dict.fromkeys(w for r in results for w in r.warnings):
        say(f"newslint: {'error' if warning in fatal else 'warning'}: {warning}")
    sys.stderr.flush()
    if output is not None:
        write_report(output, text)
        if not view.quiet:
            from lint.report.text_report import summary

            echo(summary(report), err=True)
    elif text or fmt != "text":
        echo(text, err=to_stderr)
    return report


def _exit_code(results: list[FileResult], report: RunReport, threshold: Severity, min_score: float | None,
               fixes_refused: bool) -> int:
    """3 for an internal error, 2 for files that could not be linted, fixes refused or a required
    check that could not run, 1 for findings at or above the threshold or an article below
    --min-score, else 0."""
    if any(r.internal for r in results):
        return EXIT_INTERNAL
    low = _below_min_score(report, min_score)
    if report.errors or fixes_refused or any(r.fatal_warning for r in results):
        return EXIT_ERROR
    if low or any(f.severity.rank >= threshold.rank for f in report.findings):
        return EXIT_FINDINGS
    return EXIT_OK


def _say_skipped_plugins(configs: list[Config]) -> None:
    for config in {id(c): c for c in configs}.values():
        if config.skipped_plugins:
            say(f"newslint: warning: {config.source}: plugins not loaded (--no-plugins or NEWSLINT_NO_PLUGINS): "
                 f"{', '.join(config.skipped_plugins)}")


def _shard(spec: str | None, paths: tuple[str, ...]) -> Shard | None:
    if spec is None:
        return None
    from lint.shard import Shard, ShardError

    if "-" in paths:
        fail("--shard splits files; standard input ('-') cannot be split")
    try:
        return Shard.parse(spec)
    except ShardError as err:
        fail(str(err))


def _below_min_score(report, min_score: float | None) -> bool:  # type: ignore[no-untyped-def]
    """--min-score: name each article that scores below it; True when there is one."""
    from lint.score import below

    low = below(report.results, min_score, report.scoring) if min_score is not None else []
    for path, value in low:
        say(f"newslint: {path} scores {value}, below --min-score {min_score:g}")
    return bool(low)


def _lint_on_cluster(address: str, targets: list[Target], selection: Selection, cache: Path | None,
                     progress: Callable[[int, int], None] | None) -> list[FileResult]:
    from lint.cluster import ClusterError, lint_on_cluster

    try:
        return lint_on_cluster(address, targets, selection, cache, progress)
    except ClusterError as err:
        fail(f"--dask: {err}")


def _profile_or_fail(path: Path):  # type: ignore[no-untyped-def]
    from lint.house.profile import ProfileError, load_profile

    try:
        return load_profile(path)
    except ProfileError as err:
        fail(str(err))


def _git_changes(base_ref: str | None, with_lines: bool):  # type: ignore[no-untyped-def]
    from lint.git import GitError, changes

    try:
        return changes(base_ref, Path.cwd(), with_lines)
    except GitError as err:
        fail(str(err))


def _fix_outcomes(run: _Run, results: list[FileResult], write: bool,
                  unsafe: bool) -> tuple[list[FileResult], list[FixOutcome]]:
    """The safe fixes worked out (and written with `write`), each file's problems said.

    An article from standard input is fixed in memory; with `write` the fixed article goes to
    standard output (a filter).
    """
    from lint.fix import FixOutcome, encode, fix_results, fix_text, safe_fixes

    results, outcomes = fix_results(run.targets, results, run.selection, write, unsafe)
    piped = run.piped
    if piped is not None:
        at = next((i for i, r in enumerate(results) if r.path == piped.name), None)
        fixed = piped.decoded.text
        if at is not None and not results[at].error and safe_fixes(results[at].findings, unsafe):
            fixed, applied, after = fix_text(piped.name, piped.decoded.text, piped.resolved, run.selection,
                                             piped.fmt, piped.decoded.newline, unsafe=unsafe)
            outcomes.append(FixOutcome(piped.name, piped.decoded.text, fixed, applied, after))
            results[at] = after
        if write:
            sys.stdout.buffer.write(encode(fixed, piped.decoded))
            sys.stdout.flush()
    for outcome in outcomes:
        if outcome.error:
            say(f"{outcome.display}: error: {outcome.error}")
        if outcome.warning:
            say(f"{outcome.display}: warning: {outcome.warning}")
    return results, outcomes


def _done(outcomes: list[FixOutcome]) -> tuple[list[FixOutcome], str]:
    """The outcomes that changed a file, and "N fixes to M files" for them."""
    done = [o for o in outcomes if o.changed and not o.error]
    count = sum(o.applied for o in done)
    return done, (f"{count} fix{'es' if count != 1 else ''} to "
                  f"{len(done)} file{'s' if len(done) != 1 else ''}")


def _diff(run: _Run, results: list[FileResult], quiet: bool, unsafe: bool) -> int:
    """--diff: print the safe fixes as a unified diff (standard input's article with the files');
    the exit code says whether there was anything to fix (2: a file's fixes were refused)."""
    from lint.fix import unified_diff

    _, outcomes = _fix_outcomes(run, results, write=False, unsafe=unsafe)
    done, counted = _done(outcomes)
    diff = "".join(unified_diff(o) for o in done)
    if diff:
        echo(diff, nl=False)
    if not quiet:
        echo(f"Would apply {counted} (--fix writes them).", err=True)
    return EXIT_ERROR if any(o.error for o in outcomes) else EXIT_FINDINGS if done else EXIT_OK


def _fix(run: _Run, results: list[FileResult], quiet: bool, unsafe: bool) -> tuple[list[FileResult], bool]:
    """--fix: write the safe fixes; the results of the fixed files are what is left to report, and
    True when a file's fixes were refused (an error line each, exit 2)."""
    results, outcomes = _fix_outcomes(run, results, write=True, unsafe=unsafe)
    if not quiet:
        done, counted = _done(outcomes)
        unwritten = sum(1 for o in outcomes if o.changed and o.error)
        nothing = f"No fixes written ({unwritten} file{'s' if unwritten != 1 else ''}: see above)." if unwritten \
            else "No safe fixes to apply."
        echo(f"Applied {counted}." if done else nothing, err=True)
    return results, any(o.error for o in outcomes)


def _write_baseline(path: Path, results: list[FileResult]) -> int:
    """--write-baseline: record today's findings; the exit code says whether every file was read."""
    from lint.baseline import BaselineError, write_baseline

    try:
        count = write_baseline(path, [r for r in results if not r.error])
    except BaselineError as err:
        fail(str(err))
    files = sum(1 for r in results if r.findings)
    say(f"Wrote baseline {path}: {count} finding{'s' if count != 1 else ''} in {files} "
         f"file{'s' if files != 1 else ''}; check with --baseline {path} to see only new ones.")
    for broken in (r for r in results if r.error):
        say(f"{broken.path}: error: {broken.error}")
    return EXIT_ERROR if any(r.error for r in results) else EXIT_OK


def _apply_baseline(path: Path, results, quiet: bool):  # type: ignore[no-untyped-def]
    from lint.baseline import BaselineError, filter_new

    try:
        results, hidden = filter_new(results, path)
    except BaselineError as err:
        fail(str(err))
    if hidden and not quiet:
        plural = "s" if hidden != 1 else ""
        say(f"newslint: {hidden} known finding{plural} hidden by the baseline {path}.")
    return results


def _default_cache() -> Path:
    from lint.cache import default_cache_dir

    return default_cache_dir()


@dataclass(frozen=True)
class _Piped:
    """The article read from standard input, as --fix and --diff need it."""

    name: str
    decoded: Decoded
    resolved: Resolved
    fmt: str


def _lint_stdin(name: str, configs: ConfigCache, selection: Selection,
                sources: dict[str, str]) -> tuple[FileResult, _Piped | None]:
    from lint.document import format_for
    from lint.document.reader import InputError, decode
    from lint.engine import lint_source
    from lint.results import FileResult

    config = configs.for_dir(Path(name).parent if Path(name).parent.exists() else Path.cwd())
    resolved = config.for_file(Path(name))
    limit = resolved.limits.max_size_mb
    # Read no more than the size limit allows: an endless pipe must not fill the memory.
    data = sys.stdin.buffer.read(int(limit * 1_000_000) + 1) if limit else sys.stdin.buffer.read()
    if limit and len(data) > limit * 1_000_000:
        return FileResult(name, error=f"standard input is over the {limit:g} MB limit (files.max_size_mb)"), None
    try:
        decoded = decode(data, config.encodings)
    except InputError as err:
        return FileResult(name, error=str(err)), None
    sources[name] = decoded.text
    fmt = format_for(name)
    return lint_source(name, decoded.text, resolved, selection, fmt), _Piped(name, decoded, resolved, fmt)


def _read_sources(targets, sources: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """The articles' texts for reports that show them; one that cannot be read is left out."""
    from lint.document.reader import InputError
    from lint.engine import read_source

    for t in targets:
        if t.display not in sources:
            try:
                sources[t.display] = read_source(t.path, t.config.max_size_mb, t.config.encodings)
            except InputError:
                pass


def write_report(path: Path, text: str) -> None:
    from lint.atomic import write_bytes_atomic

    try:
        write_bytes_atomic(path, (text + "\n").encode("utf-8"))
    except OSError as err:
        fail(f"{path}: cannot write report: {err.strerror or err}")


def progress_bar():  # type: ignore[no-untyped-def]
    width = 30

    def show(done: int, total: int) -> None:
        filled = width * done // total
        echo(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files", nl=False, err=True)

    return show
