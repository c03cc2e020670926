"""The command line: thin click commands over the config, engine and reporters."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from lint import __version__
from lint.constants import FORMATS, GROUPS, SEVERITY_NAMES, SORTS

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
DEBUG_ENV = "NEWSLINT_DEBUG"


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _say(line: str) -> None:
    """One line to stderr. Messages quote file names, config values and article text: escaped."""
    from lint.printable import safe_line

    click.echo(safe_line(line), err=True)


def _fail(message: str) -> NoReturn:
    _say(f"newslint: error: {message}")
    sys.exit(EXIT_ERROR)


# main() reads --debug itself: a crash can happen before or after click has parsed the options.
_debug_option = click.option("--debug", is_flag=True, expose_value=False,
                             help=f"Show the traceback of an internal error (or set {DEBUG_ENV}=1).")


_no_plugins_option = click.option(
    "--no-plugins", is_flag=True,
    help="Load no plugin files named in configs (also: NEWSLINT_NO_PLUGINS=1); for untrusted pull requests.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newslint")
@_debug_option
@click.pass_context
def cli(ctx: click.Context) -> None:
    """newslint: a content-quality linter for newsrooms."""
    if ctx.invoked_subcommand != "check":
        from lint.startup import settled

        settled()  # only `check` says when its start-up is over (lint/startup.py)


@cli.command()
@_debug_option
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--format", "fmt", default="text", show_default=True, help="Output format.",
              type=click.Choice(FORMATS))
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Config file to use instead of the nearest .newslint.yaml.")
@click.option("--select", multiple=True, help="Only these check ids or categories (comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these check ids or categories (comma-separated).")
@click.option("--fail-on", type=click.Choice(SEVERITY_NAMES), default=None,
              help="Lowest severity that makes the exit code 1 [default: the config's fail_on, else error].")
@click.option("--stdin-filename", default=None, help="Name (and so format) of the article read from '-'.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
              help="Worker processes [default: number of cores; at most twice the cores and one per file; "
                   "1 = no workers].")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Cache folder [default: $NEWSLINT_CACHE_DIR or .newslint_cache].")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only: no summary, no progress bar.")
@click.option("--color/--no-color", default=None, help="Colour the text output [default: on a terminal].")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the report to this file; the text summary still goes to the terminal.")
@click.option("--changed", is_flag=True,
              help="Lint only articles changed in git: against HEAD (uncommitted and new files), or --base.")
@click.option("--base", "base_ref", default=None, metavar="REF",
              help="With --changed: compare with where HEAD left REF (git merge-base), e.g. origin/main.")
@click.option("--changed-lines", is_flag=True, help="Report only findings on changed lines (implies --changed).")
@click.option("--report-unused-suppressions", is_flag=True,
              help="Report newslint-disable comments that hide no finding.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Report only findings not recorded in this baseline file.")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Record every finding of this run in FILE (a baseline) and exit 0.")
@click.option("--profile", "profile_path", type=click.Path(path_type=Path), default=None,
              help="House profile from 'newslint learn' (instead of the config's profile:).")
@click.option("--fix", "apply_fix", is_flag=True,
              help="Apply the safe fixes to the files, then report what is left.")
@click.option("--diff", "show_diff", is_flag=True,
              help="Show the safe fixes as a unified diff; change nothing.")
@click.option("--dask", "dask_address", default=None, metavar="ADDRESS",
              help="Lint on a Dask cluster: the scheduler's address (tcp://host:8786) or scheduler file.")
@click.option("--shard", "shard_spec", default=None, metavar="K/N",
              help="Lint only this job's share of the files: shard K of N (a stable split by path).")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff: apply the suggested (unsafe) fixes too.")
@click.option("--sort", type=click.Choice(SORTS), default="position", show_default=True,
              help="Text output: findings in file order, or errors first.")
@click.option("--group-by", type=click.Choice(GROUPS), default="file", show_default=True,
              help="Text output: one section per file, category or severity.")
@click.option("--statistics", is_flag=True, help="Text output: a count per check instead of each finding.")
@click.option("--show-source", is_flag=True, help="Text output: the line around each finding, with a caret.")
@click.option("--min-score", type=click.FloatRange(0, 100), default=None, metavar="N",
              help="Exit 1 when any article's quality score (0-100) is below N.")
@_no_plugins_option
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
            _say(f"newslint: warning: no articles found in {' '.join(paths)} (files.include: {includes})")
        if shard is not None:
            from lint.shard import shard_key

            targets = [t for t in targets if shard.owns(shard_key(t.path, t.config))]
    except ConfigError as err:
        _fail(str(err))
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
        _fail(f"--select/--ignore: unknown check or category {unknown[0]!r} ({hint}see 'newslint rules')")


def _lint_all(run: _Run, jobs: int | None, cache: Path | None, dask_address: str | None,
              quiet: bool) -> list[FileResult]:
    """Every article's result (standard input's first), then the paths that could not be read."""
    from lint.engine import lint_targets

    results = [run.stdin_result] if run.stdin_result is not None else []
    if jobs is None:
        jobs = os.cpu_count() or 1
    show_progress = not quiet and sys.stderr.isatty() and len(run.targets) > 5
    progress = _progress_bar() if show_progress else None
    if dask_address:
        results.extend(_lint_on_cluster(dask_address, run.targets, run.selection, cache, progress))
    else:
        results.extend(lint_targets(run.targets, run.selection, max(jobs, 1), cache, progress))
    if progress:
        click.echo("\r\033[K", nl=False, err=True)
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
        _fail(str(err))
    for broken in report.errors:
        _say(f"{broken.path}: error: {broken.error}")
    # A required check that could not run (a LanguageTool server that is down) makes the run
    # fail: its message is an error, not a warning.
    fatal = dict.fromkeys(w for r in results if r.fatal_warning for w in r.warnings)
    for warning in dict.fromkeys(w for r in results for w in r.warnings):
        _say(f"newslint: {'error' if warning in fatal else 'warning'}: {warning}")
    sys.stderr.flush()
    if output is not None:
        _write_report(output, text)
        if not view.quiet:
            from lint.report.text_report import summary

            click.echo(summary(report), err=True)
    elif text or fmt != "text":
        click.echo(text, err=to_stderr)
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
            _say(f"newslint: warning: {config.source}: plugins not loaded (--no-plugins or NEWSLINT_NO_PLUGINS): "
                 f"{', '.join(config.skipped_plugins)}")


def _shard(spec: str | None, paths: tuple[str, ...]) -> Shard | None:
    if spec is None:
        return None
    from lint.shard import Shard, ShardError

    if "-" in paths:
        _fail("--shard splits files; standard input ('-') cannot be split")
    try:
        return Shard.parse(spec)
    except ShardError as err:
        _fail(str(err))


def _below_min_score(report, min_score: float | None) -> bool:  # type: ignore[no-untyped-def]
    """--min-score: name each article that scores below it; True when there is one."""
    from lint.score import below

    low = below(report.results, min_score, report.scoring) if min_score is not None else []
    for path, value in low:
        _say(f"newslint: {path} scores {value}, below --min-score {min_score:g}")
    return bool(low)


def _lint_on_cluster(address: str, targets: list[Target], selection: Selection, cache: Path | None,
                     progress: Callable[[int, int], None] | None) -> list[FileResult]:
    from lint.cluster import ClusterError, lint_on_cluster

    try:
        return lint_on_cluster(address, targets, selection, cache, progress)
    except ClusterError as err:
        _fail(f"--dask: {err}")


def _profile_or_fail(path: Path):  # type: ignore[no-untyped-def]
    from lint.house.profile import ProfileError, load_profile

    try:
        return load_profile(path)
    except ProfileError as err:
        _fail(str(err))


def _git_changes(base_ref: str | None, with_lines: bool):  # type: ignore[no-untyped-def]
    from lint.git import GitError, changes

    try:
        return changes(base_ref, Path.cwd(), with_lines)
    except GitError as err:
        _fail(str(err))


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
            _say(f"{outcome.display}: error: {outcome.error}")
        if outcome.warning:
            _say(f"{outcome.display}: warning: {outcome.warning}")
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
        click.echo(diff, nl=False)
    if not quiet:
        click.echo(f"Would apply {counted} (--fix writes them).", err=True)
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
        click.echo(f"Applied {counted}." if done else nothing, err=True)
    return results, any(o.error for o in outcomes)


def _write_baseline(path: Path, results: list[FileResult]) -> int:
    """--write-baseline: record today's findings; the exit code says whether every file was read."""
    from lint.baseline import BaselineError, write_baseline

    try:
        count = write_baseline(path, [r for r in results if not r.error])
    except BaselineError as err:
        _fail(str(err))
    files = sum(1 for r in results if r.findings)
    _say(f"Wrote baseline {path}: {count} finding{'s' if count != 1 else ''} in {files} "
         f"file{'s' if files != 1 else ''}; check with --baseline {path} to see only new ones.")
    for broken in (r for r in results if r.error):
        _say(f"{broken.path}: error: {broken.error}")
    return EXIT_ERROR if any(r.error for r in results) else EXIT_OK


def _apply_baseline(path: Path, results, quiet: bool):  # type: ignore[no-untyped-def]
    from lint.baseline import BaselineError, filter_new

    try:
        results, hidden = filter_new(results, path)
    except BaselineError as err:
        _fail(str(err))
    if hidden and not quiet:
        plural = "s" if hidden != 1 else ""
        _say(f"newslint: {hidden} known finding{plural} hidden by the baseline {path}.")
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


def _write_report(path: Path, text: str) -> None:
    from lint.atomic import write_bytes_atomic

    try:
        write_bytes_atomic(path, (text + "\n").encode("utf-8"))
    except OSError as err:
        _fail(f"{path}: cannot write report: {err.strerror or err}")


def _progress_bar():  # type: ignore[no-untyped-def]
    width = 30

    def show(done: int, total: int) -> None:
        filled = width * done // total
        click.echo(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files", nl=False, err=True)

    return show


@cli.command()
@_debug_option
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The house profile to write (JSON); the paragraph index goes beside it (.index).")
@click.option("--update", is_flag=True,
              help="Learn only new or changed articles, reusing the rest from the existing profile's index.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Config file to use instead of the nearest .newslint.yaml.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
              help="Worker processes [default: number of cores; 1 = no workers].")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
def learn(paths: tuple[str, ...], output: Path, update: bool, config_path: Path | None, jobs: int | None,
          quiet: bool) -> None:
    """Learn the house profile from an archive: names, terms, template lines, paragraphs."""
    from lint.config import ConfigError, load_config
    from lint.engine import ConfigCache
    from lint.house.learn import LearnError, learn_archive
    from lint.house.profile import ProfileError

    try:
        configs = ConfigCache(load_config(config_path) if config_path else None)
        progress = _progress_bar() if not quiet and sys.stderr.isatty() else None
        result = learn_archive(list(paths), output, update, configs, jobs or os.cpu_count() or 1, progress)
    except (ConfigError, LearnError, ProfileError) as err:
        _fail(str(err))
        return
    if progress:
        click.echo("\r\033[K", nl=False, err=True)
    for path, problem in result.errors:
        click.echo(f"{path}: error: {problem}", err=True)
    for note in result.notes:
        click.echo(f"newslint: warning: {note}", err=True)
    if not quiet:
        p = result.profile
        reused = f", {result.reused} unchanged" if update else ""
        click.echo(
            f"Learned {p.articles} articles ({p.words:,} words; {result.extracted} read{reused}): "
            f"{len(p.names)} house names, {len(p.terms)} terms, {len(p.templates)} template lines"
            f"{', variety ' + p.variety if p.variety else ''}. Wrote {output} and {result.index_path}.",
            err=True,
        )
    sys.exit(EXIT_ERROR if result.errors else EXIT_OK)


@cli.command()
@_debug_option
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@_no_plugins_option
def rules(config_path: Path | None, fmt: str, no_plugins: bool) -> None:
    """List every check as the config sets it: id, category, severity, summary; off or idle ones say so."""
    config = _config_or_fail(config_path, no_plugins)
    checks = list(config.registry)
    resolved = config.for_file(None)  # the config's own settings, before any override
    active = {rc.check.id: rc for rc in resolved.checks}
    rows = []
    for c in checks:
        rc = active.get(c.id)
        severity = (rc.severity or c.severity).value if rc else c.severity.value
        idle = c.inactive(rc.options, resolved.house) if rc else ""
        state = "on" if rc and not idle else "idle" if rc else "off"
        note = "" if state == "on" else f" (idle: {idle})" if idle else " (off)"
        rows.append((c, severity, state, idle, note))
    if fmt == "json":
        import json

        click.echo(json.dumps([
            {"id": c.id, "category": c.category, "severity": severity, "enabled": state != "off",
             "active": state == "on", "inactive_reason": idle, "summary": c.summary,
             "origin": config.registry.origin[c.id]} for c, severity, state, idle, _ in rows
        ], indent=2))
        return
    width = max(len(c.id) for c in checks)
    for c, severity, _, _, note in rows:
        click.echo(f"{c.id:<{width}}  {c.category:<12} {severity:<8} {c.summary}{note}")


@cli.command()
@_debug_option
@click.argument("check_id")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_no_plugins_option
def explain(check_id: str, config_path: Path | None, no_plugins: bool) -> None:
    """Show a check's documentation: what, why, options, a bad and a good example."""
    from lint.docs import explain_text

    config = _config_or_fail(config_path, no_plugins)
    check = config.registry.get(check_id)
    if check is None:
        import difflib

        close = difflib.get_close_matches(check_id, config.registry.ids(), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        _fail(f"unknown check {check_id!r}{hint}; 'newslint rules' lists them")
        return
    click.echo(explain_text(check))


@cli.command()
@_debug_option
@click.option("--outlet", default="My Outlet", show_default=True, help="The outlet's name.")
@click.option("--domain", "domains", multiple=True, help="The outlet's web domain (repeatable).")
@click.option("--preset", default="default", show_default=True, help="Preset to extend.")
@click.option("--language", default=None, help="en-US or en-GB [default: the preset's, or none].")
@click.option("--path", "target", type=click.Path(dir_okay=False, path_type=Path), default=Path(".newslint.yaml"),
              show_default=True)
@click.option("--force", is_flag=True, help="Overwrite an existing config.")
def init(outlet: str, domains: tuple[str, ...], preset: str, language: str | None, target: Path,
         force: bool) -> None:
    """Write a starter config for an outlet: only what is given here; the rest comes from the preset."""
    from lint.config import ConfigError, check_language, preset_names

    if preset not in preset_names():
        _fail(f"unknown preset {preset!r} (presets: {', '.join(preset_names())})")
    if language is not None:
        try:
            language = check_language(language, "--language")
        except ConfigError as err:
            _fail(str(err))
    if target.exists() and not force:
        _fail(f"{target} already exists (use --force to overwrite)")
    from lint.docs import starter_config

    _write_report(target, starter_config(outlet, list(domains), preset, language).rstrip("\n"))
    from lint.printable import safe_line

    click.echo(safe_line(f"Wrote {target}: extends the {preset!r} preset for {outlet}. Run 'newslint check' next."))


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="0 picks a free port.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="The server's config [default: the nearest .newslint.yaml from here]. Requests cannot change it.")
@click.option("--token-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Require 'Authorization: Bearer TOKEN' with the token in this file.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=2 * 1024 * 1024, show_default=True,
              help="Largest request body; larger is 413.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
              help="Seconds of linting per request; longer is 503.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes [default: cores].")
def serve(host: str, port: int, config_path: Path | None, token_file: Path | None, max_bytes: int,
          timeout: float, workers: int | None) -> None:
    """Serve the JSON API and a paste page over HTTP (needs newslint[serve]; docs/serve.md)."""
    _need_extra("serve", "starlette", "uvicorn")
    from lint.serve.run import ServeError
    from lint.serve.run import serve as run_server

    try:
        run_server(host, port, config_path, token_file, max_bytes, timeout, workers)
    except ServeError as err:
        _fail(str(err))


@cli.command()
def lsp() -> None:
    """Run the language server over stdio for editors (needs newslint[lsp]; docs/editors.md)."""
    _need_extra("lsp", "pygls", "lsprotocol")
    from lint.lsp.server import main as run_language_server

    run_language_server()


def _need_extra(extra: str, *modules: str) -> None:
    """One line, not a traceback, when an optional extra is not installed."""
    import importlib.util

    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        _fail(f"'newslint {extra}' needs the {extra} extra: pip install 'newslint[{extra}]' (missing: {missing[0]})")


def _config_or_fail(config_path: Path | None, no_plugins: bool = False):  # type: ignore[no-untyped-def]
    from lint.config import ConfigError, load_config
    from lint.engine import ConfigCache

    allow = False if no_plugins else None
    try:
        if config_path:
            return load_config(config_path, allow_plugins=allow)
        return ConfigCache(None, allow_plugins=allow).for_dir(Path.cwd())
    except ConfigError as err:
        _fail(str(err))


def main(argv: list[str] | None = None) -> None:
    """The `newslint` command; called without `argv` it is the process's own entry point, which may
    start and end the interpreter the quick way (lint/startup.py)."""
    if argv is not None:
        _main(argv)
        return
    from lint import startup

    startup.begin()
    try:
        _main(sys.argv[1:])
    except SystemExit as done:
        if done.code is None or isinstance(done.code, int):
            startup.exit_now(done.code or 0)
        raise


def _main(args: list[str]) -> None:
    try:
        cli.main(args, prog_name="newslint")
    except KeyboardInterrupt:
        click.echo("newslint: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(EXIT_OK)
    except Exception as err:  # a bug in newslint: one line, exit 3 (findings are 1, bad input 2)
        if _debug_wanted(args):
            import traceback

            traceback.print_exc()
        detail = str(err).splitlines()[0] if str(err) else ""
        _say(
            f"newslint: internal error: {type(err).__name__}{': ' + detail if detail else ''} "
            f"(a bug in newslint; run again with --debug for the traceback and please report it)"
        )
        sys.exit(EXIT_INTERNAL)


def _debug_wanted(args: list[str]) -> bool:
    options = args[: args.index("--")] if "--" in args else args
    return "--debug" in options or os.environ.get(DEBUG_ENV, "") not in ("", "0")
