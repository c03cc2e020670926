"""Outlet configuration: find it, load it (with `extends`), validate it, resolve it per file.

Errors are `ConfigError`s whose message is one line naming the config file and line, what is
wrong and the valid choices; the CLI prints it and exits 2.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import functools
import math
import os
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Literal, get_args, get_origin

import yaml

from lint.checks.base import Check
from lint.checks.registry import PluginError, Registry, load_registry
from lint.constants import SEVERITY_NAMES, SeverityName
from lint.document.options import ParseOptions
from lint.findings import Severity
from lint.house.style import HouseStyle
from lint.languagetool_settings import LANGUAGETOOL_KEYS
from lint.safe_yaml import YamlError, load_yaml
from lint.score import SCORE_KEYS, ScoreSettingError, Scoring

if TYPE_CHECKING:
    from lint.house.profile import HouseProfile

CONFIG_NAMES = (".newslint.yaml", ".newslint.yml", "newslint.yaml", "newslint.yml")
PRESET_SUFFIX = ".yaml"
TOP_LEVEL_KEYS = (
    "extends", "outlet", "style", "glossary", "terminology", "checks", "files", "overrides", "html",
    "markdown", "languagetool", "plugins", "fail_on", "score", "profile",
)
MAX_EXTENDS_DEPTH = 32  # a chain of configs each extending the next; deeper is a mistake or an attack
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.html", "*.htm", "*.txt")
DEFAULT_EXCLUDE = (
    ".git/", ".hg/", ".svn/", "node_modules/", ".venv/", "venv/", "__pycache__/", ".newslint_cache/",
    # A site generator's repository holds more than articles: its built site, theme and templates
    # (Hugo, Jekyll, Eleventy), anchored to the config's folder so a section named like them stays.
    "/public/", "/_site/", "/resources/_gen/", "/themes/", "/layouts/", "/archetypes/", "/_layouts/",
    "/_includes/", "/_data/", "/static/", "/assets/",
    # ... and the repository's own documents.
    "README*", "CHANGELOG*", "LICENSE*", "CONTRIBUTING*", "CODE_OF_CONDUCT*", "SECURITY.md",
)


class ConfigError(Exception):
    """One line for the user: where in which config file, what is wrong, what would be valid."""


# -- where presets live --------------------------------------------------------------------------

def presets_dir() -> Path:
    """Presets ship inside the wheel as lint/configs; in a checkout they are the top-level configs/."""
    packaged = Path(__file__).resolve().parent / "configs"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "configs"


def preset_names() -> list[str]:
    return sorted(p.stem for p in presets_dir().glob(f"*{PRESET_SUFFIX}"))


NO_PLUGINS_ENV = "NEWSLINT_NO_PLUGINS"


def plugins_allowed() -> bool:
    """False when NEWSLINT_NO_PLUGINS is set (to anything but 0 or false): CI on pull requests."""
    return os.environ.get(NO_PLUGINS_ENV, "").strip().lower() in ("", "0", "false", "no")


class RealPaths:
    """`os.path.realpath` for the many files of a run, each folder resolved once.

    A file that is not itself a symbolic link has its folder's real path plus its own name, so
    each further file of a folder costs one `lstat` instead of one per folder on its path. A
    run asks about a file several times (discovery, the include and exclude globs, its
    settings); folders are remembered for the life of the object, at most `MAX_FOLDERS` of them.
    """

    MAX_FOLDERS = 4096

    def __init__(self) -> None:
        self._folders: dict[str, str] = {}

    def __call__(self, path: str | os.PathLike[str]) -> str:
        text = os.fspath(path)
        folder, name = os.path.split(text)
        if name in ("", ".", "..") or os.path.islink(text):
            return os.path.realpath(text)
        real = self._folders.get(folder)
        if real is None:
            if len(self._folders) >= self.MAX_FOLDERS:
                self._folders.clear()
            real = self._folders[folder] = os.path.realpath(folder)
        return os.path.join(real, name)

    def __reduce__(self) -> tuple[type[RealPaths], tuple[()]]:
        return RealPaths, ()  # sent to another process (a Dask worker): its own file system, its own answers


def repository_root(folder: Path) -> Path | None:
    """The top folder of the git work tree holding `folder` (the one with `.git`), if any."""
    folder = Path(os.path.realpath(folder))
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def search_boundary(folder: Path, given: Path | None = None) -> Path:
    """The highest folder a config search from `folder` may reach.

    The repository root; outside git, the working folder or the folder named on the command
    line when `folder` is inside it; else `folder` itself. Never a parent of all of those: a
    config (and its plugins) in /tmp or a home folder must not govern a checkout below it.
    """
    folder = Path(os.path.realpath(folder))
    root = repository_root(folder)
    if root is not None:
        return root
    for candidate in (Path.cwd(), given):
        if candidate is not None:
            real = Path(os.path.realpath(candidate))
            if folder.is_relative_to(real):
                return real
    return folder


def find_config(start: Path, stop: Path | None = None) -> Path | None:
    """The nearest config file in `start` (a folder) or a folder above it, up to `stop`
    (default: `search_boundary(start)`)."""
    folder = Path(os.path.realpath(start))
    stop = Path(os.path.realpath(stop)) if stop is not None else search_boundary(folder)
    if not folder.is_relative_to(stop):
        stop = folder
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file():
                return path
        if candidate == stop:
            break
    return None


# -- raw loading with line numbers ----------------------------------------------------------------

@dataclass
class RawConfig:
    data: dict[str, Any]
    # (key, path...) -> "file:line" for error messages, from the file that set the value last.
    where: dict[tuple[str, ...], str]
    files: list[Path]  # every file read, the outlet's own last
    base_dir: Path  # globs and plugin paths are relative to the outlet's own config file


def _read_yaml(path: Path) -> tuple[Any, dict[tuple[str, ...], str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise ConfigError(f"{path}: cannot read config: {err.strerror or err}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config is not UTF-8 text") from None
    try:
        data, node = load_yaml(text)
    except YamlError as err:
        line = f":{err.line}" if err.line is not None else ""
        raise ConfigError(f"{path}{line}: config is not valid YAML: {err.problem}") from None
    where: dict[tuple[str, ...], str] = {}
    if node is not None:
        _collect_marks(node, (), path, where)
    return data, where


def _collect_marks(node: yaml.Node, key: tuple[str, ...], path: Path, where: dict[tuple[str, ...], str]) -> None:
    where[key] = f"{path}:{node.start_mark.line + 1}"
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            name = str(k.value)
            where[(*key, name)] = f"{path}:{k.start_mark.line + 1}"
            _collect_marks(v, (*key, name), path, where)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _collect_marks(item, (*key, str(i)), path, where)


def _resolve_extends(name: str, relative_to: Path, where: str) -> Path:
    if name.endswith((".yaml", ".yml")) or "/" in name or "\\" in name:
        path = (relative_to / name).resolve()
        if not path.is_file():
            raise ConfigError(f"{where}: extends {name!r}, but there is no such file")
        return path
    path = presets_dir() / f"{name}{PRESET_SUFFIX}"
    if not path.is_file():
        raise ConfigError(f"{where}: extends unknown preset {name!r} (presets: {', '.join(preset_names())})")
    return path


def load_raw(path: Path, _chain: tuple[Path, ...] = ()) -> RawConfig:
    path = path.resolve()
    if path in _chain:
        cycle = " -> ".join(p.name for p in (*_chain, path))
        raise ConfigError(f"{_chain[-1]}: config extends itself ({cycle})")
    if len(_chain) >= MAX_EXTENDS_DEPTH:
        raise ConfigError(f"{_chain[-1]}: extends chain is more than {MAX_EXTENDS_DEPTH} files deep")
    data, where = _read_yaml(path)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: config must be a mapping of settings, not {type(data).__name__}")
    merged: dict[str, Any] = {}
    merged_where: dict[tuple[str, ...], str] = {}
    files: list[Path] = []
    extends = data.get("extends", [])
    for i, name in enumerate([extends] if isinstance(extends, str) else extends or []):
        if not isinstance(name, str):
            raise ConfigError(f"{where.get(('extends',), path)}: extends takes preset names or paths")
        at = where.get(("extends", str(i))) or where.get(("extends",)) or str(path)
        base = load_raw(_resolve_extends(name, path.parent, at), (*_chain, path))
        merged = deep_merge(merged, base.data)
        merged_where.update(base.where)
        files.extend(base.files)
    own = {k: v for k, v in data.items() if k != "extends"}
    merged = deep_merge(merged, own)
    merged_where.update(where)
    files.append(path)
    return RawConfig(merged, merged_where, files, path.parent)


def deep_merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """Mappings merge key by key; anything else in `override` replaces what `base` had."""
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = value
    return out


# -- validated configuration ----------------------------------------------------------------------

@dataclass(frozen=True)
class CheckSetting:
    enabled: bool
    severity: Severity | None
    options: Mapping[str, Any]


@dataclass(frozen=True)
class Override:
    globs: tuple[str, ...]
    checks: Mapping[str, Mapping[str, Any]]
    where: str


@dataclass(frozen=True)
class ResolvedCheck:
    check: type[Check]
    options: Any
    severity: Severity | None  # the outlet's override of the check's severity


@dataclass(frozen=True)
class Limits:
    """Bounds on one file's work (the config's `files` section): a hostile or broken file costs a
    clear error line, never the whole run. 0 turns a limit off."""

    max_size_mb: float = 5.0
    max_line_length: int = 200_000  # characters on one line
    # Words of prose, counted after parsing and before any check runs: the checks' work grows with
    # the words (13,000 to 20,000 a CPU second with the default preset), so a file at the limit
    # takes a few CPU seconds and stays under 10 s on a busy machine. Twice the longest magazine
    # piece; a file over it is an error line, not minutes of work.
    max_words: int = 50_000
    max_seconds: float = 60.0  # time to lint one file, after which it is reported and skipped


@dataclass(frozen=True)
class Resolved:
    """Everything needed to lint one file."""

    checks: tuple[ResolvedCheck, ...]
    house: HouseStyle
    parse: ParseOptions
    # Every check id the registry knows, enabled or not: suppressions naming others are typos.
    known_ids: frozenset[str] = frozenset()
    limits: Limits = Limits()

    @functools.cached_property
    def supersedes(self) -> dict[str, tuple[str, ...]]:
        """Each check's id -> the ids of the checks whose findings about the same words it replaces."""
        return {r.check.id: tuple(r.check.supersedes) for r in self.checks}

    @functools.cached_property
    def fingerprint(self) -> str:
        """Changes whenever anything that affects findings changes (the result cache's key).
        Worked out on first use: a run without the cache never needs it (nor hashlib)."""
        import hashlib
        import json

        settings = [
            [(r.check.id, repr(r.options), r.severity) for r in self.checks],
            repr(self.house),
            repr(self.parse),
        ]
        return hashlib.sha256(json.dumps(settings, default=str).encode()).hexdigest()


@dataclass
class Config:
    registry: Registry
    raw: RawConfig | None
    house: HouseStyle
    parse: ParseOptions
    checks: dict[str, CheckSetting]
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    max_size_mb: float = 5.0
    encodings: tuple[str, ...] = ()  # tried in order when a file is not UTF-8
    overrides: tuple[Override, ...] = ()
    plugins: tuple[Path, ...] = ()
    skipped_plugins: tuple[str, ...] = ()  # named by the config but not loaded (--no-plugins)
    fail_on: Severity = Severity.ERROR
    scoring: Scoring = field(default_factory=Scoring)  # the quality score's weights and caps (lint/score.py)
    base_dir: Path = field(default_factory=Path.cwd)
    limits: Limits = Limits()
    _resolved: dict[tuple[int, ...], Resolved] = field(default_factory=dict, repr=False)
    _real_paths: RealPaths = field(default_factory=RealPaths, init=False, repr=False, compare=False)

    @property
    def source(self) -> str:
        return str(self.raw.files[-1]) if self.raw and self.raw.files else "(built-in defaults)"

    def relative(self, path: Path) -> str:
        """The file's path from the config's folder, "/"-separated, both real (links followed;
        os.path.realpath, unlike Path.resolve, does not raise on a loop of them); a file outside
        the folder keeps its whole real path."""
        return relative_path(self._real_paths(path), self._real_base)

    @functools.cached_property
    def _real_base(self) -> str:
        return self._real_paths(self.base_dir)

    def excluded(self, path: Path) -> bool:
        return matches_any(self.relative(path), self.exclude)

    def included(self, path: Path) -> bool:
        return matches_any(self.relative(path), self.include)

    def with_profile(self, profile: HouseProfile) -> Config:
        """This config with a house profile (`--profile`), replacing the one it names, if any."""
        return dataclasses.replace(self, house=_with_profile(self.house, profile), _resolved={})

    def for_file(self, path: Path | None) -> Resolved:
        rel = self.relative(path) if path is not None else ""
        active = tuple(i for i, o in enumerate(self.overrides) if rel and matches_any(rel, o.globs))
        if active not in self._resolved:
            self._resolved[active] = self._resolve([self.overrides[i] for i in active])
        return self._resolved[active]

    def _resolve(self, overrides: list[Override]) -> Resolved:
        settings = dict(self.checks)
        for override in overrides:
            for check_id, raw in override.checks.items():
                settings[check_id] = _check_setting(
                    self.registry, check_id, raw, override.where, base=settings.get(check_id)
                )
        resolved = []
        for check in self.registry:
            setting = settings.get(check.id)
            enabled = setting.enabled if setting else check.enabled_by_default
            if not enabled:
                continue
            options = check.Options(**(setting.options if setting else {}))
            resolved.append(ResolvedCheck(check, options, setting.severity if setting else None))
        return Resolved(tuple(resolved), self.house, self.parse, frozenset(self.registry.ids()), self.limits)


def relative_path(real: str, base: str) -> str:
    """What `PurePosixPath(Path(real).relative_to(base)).as_posix()` gives for two real paths (or
    `real` as posix when it is not under `base`), by comparing the texts where that says the same:
    a run asks it for every file three times."""
    if os.sep == "/" and not real.startswith("//") and not base.startswith("//"):
        # Real paths are absolute and normalised: under `base` means starting with it and a "/".
        if real == base:
            return "."
        inside = base if base.endswith("/") else base + "/"
        return real[len(inside):] if real.startswith(inside) else real
    try:
        return PurePosixPath(Path(real).relative_to(base)).as_posix()
    except ValueError:
        return PurePosixPath(real).as_posix()


def matches_any(rel_path: str, globs: tuple[str, ...]) -> bool:
    """Whether a path (relative to the config's folder, "/"-separated) matches one of the globs.

    "*.md" matches a file name anywhere; "drafts/" a folder anywhere; a glob with a "/" inside,
    such as "opinion/**" or "news/*.md", matches from any folder down ("content/opinion/x.md" in
    a Hugo site whose config is at the top); a leading "/" ties a glob to the config's folder
    ("/opinion/**" matches "opinion/x.md" only). "**/" stands for any number of folders.
    """
    return _glob_set(tuple(globs)).matches(rel_path)


class GlobSet:
    """The globs of `matches_any` by the part of a path each kind is tried on, each kind one
    alternation of what `fnmatch` makes of its globs: a run tries the include and the exclude
    globs on every file, a dozen or more each."""

    def __init__(self, globs: tuple[str, ...]) -> None:
        folders: list[str] = []  # "drafts/": a folder of that name anywhere
        names: list[str] = []  # "*.md": the file's name
        below: list[str] = []  # "opinion/**", "news/*.md", "a/b/": the path from any folder down
        top: list[str] = []  # "/opinion/**", "/public/": the path from the config's folder
        for pattern in globs:
            anchored = pattern.startswith("/")
            body = pattern.lstrip("/")
            if body.endswith("/"):
                folder = body.rstrip("/")
                if "/" not in folder and not anchored:
                    folders.append(folder)
                else:
                    (top if anchored else below).append(folder + "/*")
            elif "/" not in body and not anchored:
                names.append(body)
            else:
                (top if anchored else below).extend((body, body.replace("**/", "")))
        self._folder, self._name = _any_glob(folders), _any_glob(names)
        self._below, self._top = _any_glob(below), _any_glob(top)

    def matches(self, rel_path: str) -> bool:
        parts = rel_path.split("/")
        if self._name is not None and self._name(parts[-1]):
            return True
        if self._folder is not None and any(self._folder(part) for part in parts[:-1]):
            return True
        if self._top is not None and self._top(rel_path):
            return True
        # The path from each folder down: "a/b/c.md", "b/c.md", "c.md".
        return self._below is not None and any(self._below("/".join(parts[i:])) for i in range(len(parts)))


@functools.lru_cache(maxsize=256)
def _glob_set(globs: tuple[str, ...]) -> GlobSet:
    return GlobSet(globs)


def _any_glob(globs: list[str]) -> Callable[[str], object] | None:
    """A test that `fnmatch.fnmatchcase(text, glob)` holds for one of `globs` (None for none)."""
    if not globs:
        return None
    from lint.patterns import compile_pattern

    unique = dict.fromkeys(fnmatch.translate(glob) for glob in globs)
    return compile_pattern("|".join(f"(?:{pattern})" for pattern in unique)).match


def load_config(path: Path | None, extra_plugins: tuple[Path, ...] = (), allow_plugins: bool | None = None) -> Config:
    """Load and validate a config file; None means the built-in `default` preset.

    `allow_plugins` False (default: from NEWSLINT_NO_PLUGINS) loads none of the config's plugin
    files; settings for checks it does not know are then ignored (they may be the plugins').
    """
    if path is None:
        # With no config file, paths are read from where newslint runs (the site's top folder).
        raw = dataclasses.replace(load_raw(presets_dir() / f"default{PRESET_SUFFIX}"), base_dir=Path.cwd())
    else:
        raw = load_raw(path)
    return build_config(raw, extra_plugins, allow_plugins)


def _plugin_files(raw: RawConfig, names: list[str], where: str) -> tuple[Path, ...]:
    """Plugin files are code: they must resolve (symbolic links followed) inside the config's
    repository, or its folder outside git; no absolute path or `..` may lead elsewhere."""
    root = repository_root(raw.base_dir) or Path(os.path.realpath(raw.base_dir))
    found = []
    for name in names:
        path = Path(os.path.realpath(raw.base_dir / name))
        if not path.is_relative_to(root):
            raise ConfigError(
                f"{where}: plugin {name!r} is outside {root}; plugin files must be inside the config's "
                "repository (or its folder)"
            )
        if not path.is_file():
            raise ConfigError(f"{where}: plugin file {path} does not exist")
        found.append(path)
    return tuple(found)


def build_config(raw: RawConfig, extra_plugins: tuple[Path, ...] = (), allow_plugins: bool | None = None) -> Config:
    """Validate a loaded config, section by section, into a Config; the first problem is a ConfigError."""
    data, at = raw.data, _locator(raw)
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            raise ConfigError(f"{at(key)}: unknown setting {key!r} (valid: {', '.join(TOP_LEVEL_KEYS)})")
    plugins, skipped, registry = _plugins(raw, extra_plugins, allow_plugins, at)
    house = _house_style(data, at)
    files, limits = _files(data, at)
    parse = _parse_options(data, at)
    if data.get("profile") is not None:
        house = _with_profile(house, _profile(raw, at))
    return Config(
        registry=registry,
        raw=raw,
        house=house,
        parse=parse,
        checks=_checks(data, registry, bool(skipped), at),
        include=tuple(files.get("include", DEFAULT_INCLUDE)),
        exclude=tuple(DEFAULT_EXCLUDE) + tuple(files.get("exclude", ())),
        max_size_mb=limits.max_size_mb,
        encodings=tuple(files.get("encodings", ())),
        overrides=_overrides(data, registry, bool(skipped), at),
        plugins=plugins,
        skipped_plugins=skipped,
        fail_on=_fail_on(data, at),
        scoring=_scoring(data, at),
        base_dir=raw.base_dir,
        limits=limits,
    )


Locate = Callable[..., str]  # at("checks", "sentence-length") -> "path/.newslint.yaml:12"


def _locator(raw: RawConfig) -> Locate:
    """Where a key was set, as "file:line" for messages: the key itself, else its nearest parent."""

    def at(*key: str) -> str:
        for n in range(len(key), -1, -1):
            if key[:n] in raw.where:
                return raw.where[key[:n]]
        return str(raw.files[-1])

    return at


def _plugins(
    raw: RawConfig, extra: tuple[Path, ...], allow: bool | None, at: Locate
) -> tuple[tuple[Path, ...], tuple[str, ...], Registry]:
    """The plugin files to load (the config's own only when plugins are allowed), the names of
    those skipped, and the registry of checks they add to the built-in ones."""
    if allow is None:
        allow = plugins_allowed()
    names = _typed(raw.data.get("plugins", []), list[str], at("plugins"), "plugins")
    skipped = tuple(names) if not allow else ()
    plugins = (_plugin_files(raw, names, at("plugins")) if allow else ()) + extra
    for plugin in extra:
        if not plugin.is_file():
            raise ConfigError(f"plugin file {plugin} does not exist")
    try:
        return plugins, skipped, load_registry(plugins)
    except PluginError as err:
        raise ConfigError(str(err)) from None


def _house_style(data: Mapping[str, Any], at: Locate) -> HouseStyle:
    """The outlet-wide settings several checks share: outlet, style, terminology, glossary, languagetool."""
    outlet = _section(data, "outlet", {"name": str, "domains": list[str], "language": str}, at)
    style = _section(
        data,
        "style",
        {
            "headline_case": Literal["sentence", "title", "any"],
            "quotes": Literal["curly", "straight", "any"],
            "dashes": Literal["spaced", "closed", "any"],
        },
        at,
    )
    terminology = _section(data, "terminology", {"replace": dict[str, str], "banned": dict[str, str]}, at)
    glossary = _typed(data.get("glossary", []), list[str], at("glossary"), "glossary")
    raw_lt = data.get("languagetool")
    if isinstance(raw_lt, dict) and raw_lt.get("mode") is False:
        data = {**data, "languagetool": {**raw_lt, "mode": "off"}}  # YAML 1.1 reads a bare `off` as false
    languagetool = _section(data, "languagetool", LANGUAGETOOL_KEYS, at)
    return HouseStyle(
        outlet_name=outlet.get("name", ""),
        domains=tuple(d.lower() for d in outlet.get("domains", [])),
        language=check_language(outlet["language"], at("outlet", "language")) if "language" in outlet else "",
        headline_case=style.get("headline_case", "any"),
        quotes=style.get("quotes", "any"),
        dashes=style.get("dashes", "any"),
        glossary=tuple(glossary),
        replace=dict(terminology.get("replace", {})),
        banned=dict(terminology.get("banned", {})),
        extra={"languagetool": languagetool} if languagetool else {},
    )


def _files(data: Mapping[str, Any], at: Locate) -> tuple[dict[str, Any], Limits]:
    """The `files:` section and the limits on one file's work it sets."""
    files = _section(
        data, "files",
        {"include": list[str], "exclude": list[str], "max_size_mb": float, "encodings": list[str],
         "max_line_length": int, "max_words": int, "max_seconds": float}, at,
    )
    for key in ("max_size_mb", "max_line_length", "max_words", "max_seconds"):
        if files.get(key, 0) < 0:
            raise ConfigError(f"{at('files', key)}: 'files.{key}' must be 0 (no limit) or more, not {files[key]!r}")
    for encoding in files.get("encodings", []):
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            raise ConfigError(f"{at('files', 'encodings')}: unknown encoding {encoding!r}") from None
    limits = Limits(
        max_size_mb=float(files.get("max_size_mb", Limits.max_size_mb)),
        max_line_length=files.get("max_line_length", Limits.max_line_length),
        max_words=files.get("max_words", Limits.max_words),
        max_seconds=float(files.get("max_seconds", Limits.max_seconds)),
    )
    return files, limits


def _parse_options(data: Mapping[str, Any], at: Locate) -> ParseOptions:
    """How articles are parsed: the `html:` and `markdown:` sections."""
    html = _section(data, "html", {"article_selector": str}, at)
    markdown = _section(data, "markdown", {"template_syntax": list[Literal["hugo", "liquid"]]}, at)
    if html.get("article_selector"):
        from lint.document.html import Selector

        try:
            Selector.parse(html["article_selector"])
        except ValueError as err:
            raise ConfigError(f"{at('html', 'article_selector')}: {err}") from None
    return ParseOptions(
        template_syntax=tuple(markdown.get("template_syntax", ParseOptions.template_syntax)),
        article_selector=html.get("article_selector", ""),
    )


def _profile(raw: RawConfig, at: Locate) -> HouseProfile:
    """The house profile `profile:` names, relative to the outlet's config file."""
    from lint.house.profile import ProfileError, load_profile

    relative = _typed(raw.data["profile"], str, at("profile"), "profile")
    try:
        return load_profile(raw.base_dir / relative)
    except ProfileError as err:
        raise ConfigError(f"{at('profile')}: {err}") from None


def _checks(data: Mapping[str, Any], registry: Registry, skipped: bool, at: Locate) -> dict[str, CheckSetting]:
    """The `checks:` section: each check's on/off, severity and options."""
    checks_raw = data.get("checks", {}) or {}
    if not isinstance(checks_raw, dict):
        raise ConfigError(f"{at('checks')}: 'checks' must map check ids to settings")
    if skipped:  # settings of checks nobody loaded: most likely the skipped plugins' own
        checks_raw = {k: v for k, v in checks_raw.items() if registry.get(k) is not None}
    return {
        check_id: _check_setting(
            registry, check_id, value, at("checks", check_id),
            option_at=lambda key, c=check_id: at("checks", c, key),
        )
        for check_id, value in checks_raw.items()
    }


def _overrides(data: Mapping[str, Any], registry: Registry, skipped: bool, at: Locate) -> tuple[Override, ...]:
    """The `overrides:` list: check settings for the files some globs match, validated now."""
    overrides = []
    for i, item in enumerate(_typed(data.get("overrides", []), list[dict], at("overrides"), "overrides")):
        where_item = at("overrides", str(i))
        unknown = set(item) - {"files", "checks"}
        if unknown:
            raise ConfigError(f"{where_item}: unknown override setting {sorted(unknown)[0]!r} (valid: files, checks)")
        globs = _typed(item.get("files", []), list[str], where_item, "overrides.files")
        if not globs:
            raise ConfigError(f"{where_item}: an override needs 'files' globs")
        checks_item = item.get("checks", {}) or {}
        if not isinstance(checks_item, dict):
            raise ConfigError(f"{where_item}: override 'checks' must map check ids to settings")
        if skipped:
            checks_item = {k: v for k, v in checks_item.items() if registry.get(k) is not None}
        for check_id, value in checks_item.items():
            _check_setting(
                registry, check_id, value, at("overrides", str(i), "checks", check_id),
                option_at=lambda key, c=check_id, n=str(i): at("overrides", n, "checks", c, key),
            )
        overrides.append(Override(tuple(globs), checks_item, where_item))
    return tuple(overrides)


def _fail_on(data: Mapping[str, Any], at: Locate) -> Severity:
    fail_on = data.get("fail_on", "error")
    if fail_on not in SEVERITY_NAMES:
        raise ConfigError(f"{at('fail_on')}: fail_on must be one of {', '.join(SEVERITY_NAMES)} (got {fail_on!r})")
    return Severity(fail_on)


def _scoring(data: Mapping[str, Any], at: Locate) -> Scoring:
    try:
        return Scoring.from_section(_section(data, "score", SCORE_KEYS, at))
    except ScoreSettingError as err:
        raise ConfigError(f"{at('score', *err.key)}: {err}") from None


def _with_profile(house: HouseStyle, profile: HouseProfile) -> HouseStyle:
    """The outlet's house style completed by its house profile: the config's own choices win."""
    language = house.language
    if not language and profile.variety:
        language = "en-GB" if profile.variety == "gb" else "en-US"
    replace = {**profile.replacements, **house.replace}
    return dataclasses.replace(house, profile=profile, language=language, replace=replace)


# The English varieties the spelling checks know (lint/house/style.py HouseStyle.spelling), as
# LanguageTool names them; "en-UK", a common slip, is read as en-GB.
LANGUAGES = ("en-US", "en-GB", "en-AU", "en-NZ", "en-IE", "en-CA")
_LANGUAGE_WORDS = {"british": "en-GB", "english": "en-GB", "uk": "en-GB", "gb": "en-GB", "american": "en-US",
                   "us": "en-US", "usa": "en-US", "australian": "en-AU", "irish": "en-IE", "canadian": "en-CA"}


def check_language(value: str, where: str) -> str:
    """The outlet's language in canonical form ("en_gb" -> "en-GB"), or a ConfigError naming the
    valid ones: an unknown value must not silently mean American English."""
    code = value.strip().replace("_", "-")
    canonical = {c.lower(): c for c in LANGUAGES} | {"en-uk": "en-GB"}
    if code.lower() in canonical:
        return canonical[code.lower()]
    hint = _LANGUAGE_WORDS.get(code.lower())
    close = f" (did you mean {hint!r}?)" if hint else ""
    raise ConfigError(f"{where}: unknown language {value!r}{close}; newslint knows {', '.join(LANGUAGES)}")


def _section(data: Mapping[str, Any], name: str, schema: Mapping[str, Any], at: Locate) -> dict[str, Any]:
    value = data.get(name) or {}
    if not isinstance(value, dict):
        raise ConfigError(f"{at(name)}: '{name}' must be a mapping")
    out = {}
    for key, item in value.items():
        if key not in schema:
            raise ConfigError(f"{at(name, key)}: unknown setting '{name}.{key}' (valid: {', '.join(schema)})")
        out[key] = _typed(item, schema[key], at(name, key), f"{name}.{key}")
    return out


def _check_setting(
    registry: Registry, check_id: str, value: Any, where: str, base: CheckSetting | None = None,
    option_at: Callable[[str], str] | None = None,
) -> CheckSetting:
    """Validate one check's settings; `option_at(name)` locates an option for error messages."""
    def at(key: str) -> str:
        return option_at(key) if option_at else where

    check = registry.get(check_id)
    if check is None:
        close = _closest(check_id, registry.ids())
        hint = f"did you mean {close!r}? " if close else ""
        raise ConfigError(f"{where}: unknown check {check_id!r} ({hint}valid: {', '.join(registry.ids())})")
    enabled = base.enabled if base else check.enabled_by_default
    severity = base.severity if base else None
    options = dict(base.options) if base else {}
    if isinstance(value, bool):
        return CheckSetting(value, severity, options)
    if isinstance(value, str) and value in (*SEVERITY_NAMES, "off"):
        return CheckSetting(value != "off", Severity(value) if value != "off" else severity, options)
    if value is None:
        return CheckSetting(True, severity, options)
    if not isinstance(value, dict):
        raise ConfigError(
            f"{where}: check {check_id!r} takes true, false, a severity or a mapping of options, not {value!r}"
        )
    fields = {f.name: f for f in check.option_fields()}
    hints = typing.get_type_hints(check.Options) if fields else {}
    for key, item in value.items():
        if key == "enabled":
            enabled = _typed(item, bool, at(key), f"{check_id}.enabled")
        elif key == "severity":
            sev = _typed(item, SeverityName, at(key), f"{check_id}.severity")
            severity = Severity(sev)
        elif key in fields:
            options[key] = _to_field(_typed(item, hints[key], at(key), f"{check_id}.{key}"), hints[key])
        else:
            valid = ", ".join(["enabled", "severity", *fields]) if fields else "enabled, severity"
            raise ConfigError(f"{at(key)}: check {check_id!r} has no option {key!r} (valid: {valid})")
    if "enabled" not in value and not base:
        enabled = True
    try:  # an Options dataclass may check its values in __post_init__ ("name: what is wrong")
        check.Options(**options)
    except (ValueError, TypeError) as err:
        name = str(err).partition(": ")[0]
        place = at(name) if name in fields and name in value else where
        raise ConfigError(f"{place}: check {check_id!r}: {err}") from None
    return CheckSetting(enabled, severity, options)


def _to_field(value: Any, hint: Any) -> Any:
    """Lists become tuples and dicts stay dicts, so options dataclasses can be frozen."""
    if isinstance(value, list):
        return tuple(value)
    return value


def _typed(value: Any, hint: Any, where: str, name: str) -> Any:
    """Check a config value against a type hint; returns it (ints widened to floats)."""
    origin = get_origin(hint)
    ok = True
    if origin is Literal:
        ok = value in get_args(hint)
    elif origin in (list, tuple):
        if isinstance(value, str) and get_args(hint) and get_args(hint)[0] is str:
            value = [value]
        ok = isinstance(value, list)
        if ok:
            item_hint = get_args(hint)[0] if get_args(hint) else Any
            value = [_typed(v, item_hint, where, name) for v in value]
    elif origin is dict:
        if value is None:
            value = {}
        if isinstance(value, list) and get_args(hint)[1] is str:
            value = {str(v): "" for v in value}  # a list of banned words without reasons
        ok = isinstance(value, dict)
        if ok:
            value = {str(k): _typed("" if v is None else v, get_args(hint)[1], where, name) for k, v in value.items()}
    elif hint is bool:
        ok = isinstance(value, bool)
    elif hint is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        if ok and value < 0:  # every whole-number setting is a count or a limit
            raise ConfigError(f"{where}: '{name}' must be 0 or more, not {value!r}")
    elif hint is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        value = float(value) if ok else value
        if ok and not math.isfinite(value):  # .nan compares false with everything: a limit it sets is off
            raise ConfigError(f"{where}: '{name}' must be a finite number, not {value!r}")
    elif hint is str:
        ok = isinstance(value, str)
    elif hint is dict:
        ok = isinstance(value, dict)
    if not ok:
        from lint.docs import type_name  # here: only a wrong value needs its type in words

        raise ConfigError(f"{where}: '{name}' must be {type_name(hint)}, not {value!r}")
    return value


def _closest(name: str, choices: list[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    return found[0] if found else None
