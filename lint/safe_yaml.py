"""The one YAML loader for text newslint does not trust: outlet configs and article front matter.

Both come from pull requests. Plain `yaml.safe_load` refuses Python objects but still expands
aliases (a few hundred bytes of nested `*refs` become gigabytes), recurses once per nesting
level (thousands of `[` end in RecursionError) and turns any digit string into an int. Here the
event stream is checked first, cheaply and without building anything: no aliases, a depth
limit and a node budget. Only then is the document built. Every failure is one `YamlError`
with the 1-based line where known; callers add the file name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

# libyaml's parser is about ten times faster than the pure-Python one, and as safe.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class YamlLimits:
    max_chars: int = 1_000_000
    max_depth: int = 64
    max_nodes: int = 100_000


DEFAULT_LIMITS = YamlLimits()


class YamlError(ValueError):
    """Why the text was refused, and where (1-based line, or None for the whole text)."""

    def __init__(self, problem: str, line: int | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line


def load_yaml(text: str, limits: YamlLimits = DEFAULT_LIMITS) -> tuple[Any, yaml.Node | None]:
    """The data and its node tree (for line numbers); raises YamlError."""
    if len(text) > limits.max_chars:
        raise YamlError(f"is longer than the limit of {limits.max_chars:,} characters")
    try:
        if not _within_limits_by_its_characters(text, limits):
            _check_events(text, limits)
        loader = _LOADER(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except YamlError:
        raise
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise YamlError(problem, mark.line + 1 if mark is not None else None) from None
    except (ValueError, OverflowError, RecursionError) as err:
        # A date like 2024-02-30 or an int of 5,000 digits fails while building, not parsing.
        raise YamlError(f"a value cannot be read ({str(err).splitlines()[0][:100]})") from None
    return data, node


def _within_limits_by_its_characters(text: str, limits: YamlLimits) -> bool:
    """True when the text cannot break a limit, whatever it holds, so that its events need no check
    (a front matter of a few lines, nearly always): it holds no alias (an alias is written `*name`),
    too few characters for `max_nodes` values (each value takes a character, or shares an indicator
    with one other), and too few of the characters a collection opens with ("-", "[", "{", ":",
    "?") to open `max_depth` of them."""
    return (
        "*" not in text
        and 2 * len(text) + 1 < limits.max_nodes
        and sum(map(text.count, "-[{:?")) < limits.max_depth
    )


def _check_events(text: str, limits: YamlLimits) -> None:
    depth = 0
    nodes = 0
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.AliasEvent):
            raise YamlError(
                f"uses the alias *{event.anchor}; aliases are not allowed (write the value out)",
                event.start_mark.line + 1,
            )
        if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
            nodes += 1
            if nodes > limits.max_nodes:
                raise YamlError(f"has more than {limits.max_nodes:,} values", event.start_mark.line + 1)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > limits.max_depth:
                raise YamlError(f"is nested more than {limits.max_depth} levels deep", event.start_mark.line + 1)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
