"""The result cache must not answer for code that changed (a plugin file, a check in a checkout)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PLUGIN = '''
from lint.checks.base import Check


class Shout(Check):
    id = "house-shout"
    category = "typography"

    def run(self, doc, options, house):
        for block in doc.prose_blocks:
            i = block.text.text.find("Hello")
            if i >= 0:
                yield self.finding(block.text.span(i, i + 5), "MESSAGE")
'''


def messages(folder: Path) -> list[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--format", "json", "--cache-dir", "cache", "--select",
         "house-shout", "a.md"],
        cwd=folder, capture_output=True, text=True, timeout=60,
    )
    return [f["message"] for f in json.loads(proc.stdout)["findings"]]


def test_an_edited_plugin_is_not_answered_from_the_cache(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text("plugins: [house.py]\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("Hello there.\n", encoding="utf-8")
    plugin = tmp_path / "house.py"
    plugin.write_text(PLUGIN.replace("MESSAGE", "first wording"), encoding="utf-8")
    assert messages(tmp_path) == ["first wording"]
    assert any((tmp_path / "cache").rglob("*.json"))  # the result was cached
    plugin.write_text(PLUGIN.replace("MESSAGE", "second wording"), encoding="utf-8")
    stat = plugin.stat()
    os.utime(plugin, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert messages(tmp_path) == ["second wording"]
