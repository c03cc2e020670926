"""The command line: thin click commands over the config, engine and reporters.

`check`'s work is lint/command.py; the `newslint` program reads a plain `check` command line
without click (lint/quick.py), whose option tables must follow the options declared here
(tests/test_quick.py compares them)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from lint import __version__
from lint.command import EXIT_ERROR, EXIT_INTERNAL, EXIT_OK, fail, progress_bar, say, write_report
from lint.constants import FORMATS, GROUPS, SEVERITY_NAMES, SORTS

DEBUG_ENV = "NEWSLINT_DEBUG"


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
@click.pass_context
def check(ctx: click.Context, **values: Any) -> None:
    """Lint articles (files or folders; '-' reads standard input)."""
    if isinstance(ctx.obj, BaseException):
        raise ctx.obj  # raised by a run outside click (lint/quick.py): handled as if raised here
    from lint.command import check as run_check

    run_check(**values)


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
        progress = progress_bar() if not quiet and sys.stderr.isatty() else None
        result = learn_archive(list(paths), output, update, configs, jobs or os.cpu_count() or 1, progress)
    except (ConfigError, LearnError, ProfileError) as err:
        fail(str(err))
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
        fail(f"unknown check {check_id!r}{hint}; 'newslint rules' lists them")
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
        fail(f"unknown preset {preset!r} (presets: {', '.join(preset_names())})")
    if language is not None:
        try:
            language = check_language(language, "--language")
        except ConfigError as err:
            fail(str(err))
    if target.exists() and not force:
        fail(f"{target} already exists (use --force to overwrite)")
    from lint.docs import starter_config

    write_report(target, starter_config(outlet, list(domains), preset, language).rstrip("\n"))
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
        fail(str(err))


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
        fail(f"'newslint {extra}' needs the {extra} extra: pip install 'newslint[{extra}]' (missing: {missing[0]})")


def _config_or_fail(config_path: Path | None, no_plugins: bool = False):  # type: ignore[no-untyped-def]
    from lint.config import ConfigError, load_config
    from lint.engine import ConfigCache

    allow = False if no_plugins else None
    try:
        if config_path:
            return load_config(config_path, allow_plugins=allow)
        return ConfigCache(None, allow_plugins=allow).for_dir(Path.cwd())
    except ConfigError as err:
        fail(str(err))


def main(argv: list[str] | None = None) -> None:
    """The `newslint` command; called without `argv` it is the process's own entry point, which may
    start and end the interpreter the quick way (lint/startup.py)."""
    if argv is not None:
        _main(argv)
        return
    from lint import startup

    startup.begin()
    startup.run_to_exit(lambda: _main(sys.argv[1:]))


def replay(args: list[str], error: BaseException) -> None:
    """Handle `error`, raised by `check` run outside click with `args`, as a run inside click would
    have: click reads `args` again, its `check` raises `error`, and click and `_main` answer it
    (an interrupt, a closed pipe, a bug) as they answer anything raised there."""
    _main(args, error)


def _main(args: list[str], replaying: BaseException | None = None) -> None:
    try:
        cli.main(args, prog_name="newslint", obj=replaying)
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
        say(
            f"newslint: internal error: {type(err).__name__}{': ' + detail if detail else ''} "
            f"(a bug in newslint; run again with --debug for the traceback and please report it)"
        )
        sys.exit(EXIT_INTERNAL)


def _debug_wanted(args: list[str]) -> bool:
    options = args[: args.index("--")] if "--" in args else args
    return "--debug" in options or os.environ.get(DEBUG_ENV, "") not in ("", "0")
