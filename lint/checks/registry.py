"""Finding checks: the built-in modules of this package, entry points, and plugin files."""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from lint.checks.base import Check
from lint.findings import CATEGORIES
from lint.patterns import lazy_re

ENTRY_POINT_GROUP = "newslint.checks"
_NOT_CHECK_MODULES = frozenset({"base", "registry"})
_KEBAB_CASE = lazy_re(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")


class PluginError(Exception):
    """A plugin that cannot be loaded or breaks the check contract; one line for the user."""


@dataclass
class Registry:
    checks: dict[str, type[Check]] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)

    def add(self, check: type[Check], origin: str) -> None:
        _validate(check, origin)
        if check.id in self.checks and self.checks[check.id] is not check:
            raise PluginError(f"{origin}: check id {check.id!r} is already defined by {self.origin[check.id]}")
        self.checks[check.id] = check
        self.origin[check.id] = origin

    def get(self, check_id: str) -> type[Check] | None:
        return self.checks.get(check_id)

    def __iter__(self) -> Iterator[type[Check]]:
        return iter(sorted(self.checks.values(), key=lambda c: (c.category, c.id)))

    def ids(self) -> list[str]:
        return sorted(self.checks)


def checks_in(module: ModuleType) -> list[type[Check]]:
    """Check classes defined in a module (not those it imports), in the order of their names."""
    return [
        obj
        for _, obj in sorted(vars(module).items())
        if isinstance(obj, type) and issubclass(obj, Check) and obj is not Check
        and obj.__module__ == module.__name__ and "id" in vars(obj)
    ]


def _validate(check: type[Check], origin: str) -> None:
    if not _KEBAB_CASE.fullmatch(getattr(check, "id", "") or ""):
        raise PluginError(f"{origin}: check {check.__name__} needs a kebab-case id")
    if check.category not in CATEGORIES:
        raise PluginError(f"{origin}: check {check.id} has unknown category {check.category!r}")


def builtin_modules() -> Iterable[ModuleType]:
    for name in _builtin_names():
        if name not in _NOT_CHECK_MODULES and not name.startswith("_"):
            yield importlib.import_module(f"lint.checks.{name}")


def _builtin_names() -> list[str]:
    """The modules of this package, in name order: its .py files (pkgutil, which also reads zips
    and compiled-only installs, takes a millisecond more of every run to import and ask)."""
    import lint.checks as package

    folder = os.path.dirname(package.__file__ or "")
    try:
        files = os.listdir(folder)
    except OSError:
        files = []
    names = sorted(name[:-3] for name in files if name.endswith(".py") and name[:-3].isidentifier())
    if "__init__" in names:
        return [name for name in names if name != "__init__"]
    import pkgutil

    return [info.name for info in pkgutil.iter_modules(package.__path__)]


def load_registry(plugin_files: Iterable[Path] = (), entry_points: bool = True) -> Registry:
    registry = Registry()
    for module in builtin_modules():
        for check in checks_in(module):
            registry.add(check, f"built-in {module.__name__}")
    if entry_points:
        for check, origin in _entry_point_checks():
            registry.add(check, origin)
    for path in plugin_files:
        for check in _file_checks(path):
            registry.add(check, str(path))
    return registry


def _may_have_plugins() -> bool:
    """A cheap look for an installed distribution that declares newslint checks.

    Importing importlib.metadata and scanning with it costs about 0.1 s, a third of the time a
    pre-commit run on one article may take; reading the entry_points.txt files on sys.path
    takes under a millisecond. Anything unusual on the path (a zip, an egg) gets the full scan.
    """
    marker = f"[{ENTRY_POINT_GROUP}]"
    for entry in sys.path:
        folder = entry or "."
        if not os.path.isdir(folder):
            if os.path.exists(folder):
                return True
            continue
        try:
            names = [d.path for d in os.scandir(folder) if d.name.endswith((".dist-info", ".egg-info"))]
        except OSError:
            continue
        for meta in names:
            try:
                with open(os.path.join(meta, "entry_points.txt"), encoding="utf-8") as handle:
                    if marker in handle.read():
                        return True
            except (OSError, UnicodeDecodeError):
                continue
    return False


def _entry_point_checks() -> Iterator[tuple[type[Check], str]]:
    if not _may_have_plugins():
        return
    from importlib.metadata import entry_points

    for ep in entry_points(group=ENTRY_POINT_GROUP):
        origin = f"entry point {ep.name} ({ep.value})"
        try:
            obj = ep.load()
        except Exception as err:  # a broken plugin must not take the run down with a traceback
            raise PluginError(f"{origin}: cannot be loaded: {type(err).__name__}: {err}") from None
        if isinstance(obj, ModuleType):
            for check in checks_in(obj):
                yield check, origin
        elif isinstance(obj, type) and issubclass(obj, Check):
            yield obj, origin
        else:
            raise PluginError(f"{origin}: is neither a Check subclass nor a module of checks")


def _file_checks(path: Path) -> list[type[Check]]:
    name = f"newslint_plugin_{abs(hash(str(path.resolve())))}"
    if name in sys.modules:
        return checks_in(sys.modules[name])
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise PluginError(f"{path}: not a Python file that can be imported")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as err:
        del sys.modules[name]
        raise PluginError(f"{path}: cannot be loaded: {type(err).__name__}: {err}") from None
    found = checks_in(module)
    if not found:
        raise PluginError(f"{path}: defines no Check subclass")
    return found
