"""Names the command line, the config and the reporters share, each defined once. No imports of
newslint's own: the CLI builds its options from these before anything heavy loads."""

from __future__ import annotations

from typing import Literal, get_args

# Severities as written in configs, check options and on the command line, most severe first.
SeverityName = Literal["error", "warning", "info"]
SEVERITY_NAMES: tuple[str, ...] = get_args(SeverityName)

# Output formats: each is the module lint/report/<name>_report.py.
FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab", "html")
# How the text report orders and groups findings.
SortName = Literal["position", "severity"]
GroupName = Literal["file", "category", "severity"]
SORTS: tuple[str, ...] = get_args(SortName)
GROUPS: tuple[str, ...] = get_args(GroupName)
