"""Third-party checks: an installed distribution's entry point, and a local plugin file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
NEWSLINT = [sys.executable, "-m", "lint"]


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Install the demo plugin distribution (tests/plugin_dist) into a folder of its own."""
    target = tmp_path_factory.mktemp("site")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
         str(HERE / "plugin_dist")],
        capture_output=True, text=True,
    )
    if proc.returncode != 0:
        pytest.fail(f"could not install the demo plugin: {proc.stderr[-800:]}")
    return target


def run(
    args: list[str], cwd: Path, site: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if site is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), env.get("PYTHONPATH", "")]))
    return subprocess.run(NEWSLINT + args, cwd=cwd, env=env, capture_output=True, text=True, input=stdin)


def test_entry_point_plugin_is_listed_and_runs(plugin_site: Path, tmp_path: Path) -> None:
    rules = run(["rules"], tmp_path, plugin_site)
    assert rules.returncode == 0, rules.stderr
    assert any(line.startswith("demo-exclamation ") for line in rules.stdout.splitlines())
    article = tmp_path / "a.md"
    article.write_text("# Markets\n\nPrices fell!!! Then rose.\n", encoding="utf-8")
    args = ["check", "--no-cache", "--format", "json", "--select", "demo-exclamation", "a.md"]
    result = run(args, tmp_path, plugin_site)
    report = json.loads(result.stdout)
    got = [(f["rule"], f["line"], f["column"], f["end_column"], f["fix"]["replacement"]) for f in report["findings"]]
    assert got == [("demo-exclamation", 3, 12, 15, "!")]
    assert result.returncode == 0  # a warning does not fail the default --fail-on error


def test_plugin_options_are_validated_from_config(plugin_site: Path, tmp_path: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text("checks:\n  demo-exclamation:\n    max_marks: many\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("Hi!!\n", encoding="utf-8")
    result = run(["check", "--no-cache", "a.md"], tmp_path, plugin_site)
    assert result.returncode == 2
    assert result.stderr.strip().endswith("'demo-exclamation.max_marks' must be a whole number, not 'many'")


def test_local_plugin_file_from_config(tmp_path: Path) -> None:
    plugin = tmp_path / "house_checks.py"
    plugin.write_text((HERE / "plugin_dist" / "newslint_demo_plugin.py").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("plugins: [house_checks.py]\n", encoding="utf-8")
    result = run(["check", "--no-cache", "-", "--stdin-filename", "a.md"], tmp_path, stdin="Wow!!\n")
    assert "a.md:1:4: warning [demo-exclamation] too many exclamation marks" in result.stdout


def test_broken_plugin_file_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text("raise RuntimeError('boom')\n", encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("plugins: [bad.py]\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("Hi.\n", encoding="utf-8")
    result = run(["check", "--no-cache", "a.md"], tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "bad.py: cannot be loaded: RuntimeError: boom" in result.stderr


def test_the_built_in_check_modules_are_the_ones_pkgutil_lists() -> None:
    import pkgutil

    import lint.checks as package
    from lint.checks.registry import _builtin_names

    assert _builtin_names() == [info.name for info in pkgutil.iter_modules(package.__path__)]
