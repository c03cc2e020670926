"""newslint's shipped data (word, name and phrase lists under lint/data/): where it is and how a
list file is read. Checks name their files relative to lint/data/, never by a path of their own."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_path(relative: str) -> Path:
    """The file `relative` ("names/cities.txt") under lint/data/."""
    return DATA_DIR / relative


@cache
def data_yaml(relative: str) -> Any:
    """A YAML data file under lint/data/, read once per process with libyaml where it is there.

    Shipped data is trusted (unlike configs and front matter, see lint/safe_yaml.py), and the
    C loader reads it ten times faster than the pure-Python one a one-article run would wait for.
    """
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(data_path(relative).read_text(encoding="utf-8"), Loader=loader)


@cache
def data_lines(relative: str) -> tuple[str, ...]:
    """The entries of a list file under lint/data/: its lines stripped, without blank lines and
    # comment lines. Read once per process."""
    text = data_path(relative).read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))
