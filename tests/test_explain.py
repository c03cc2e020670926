"""`newslint explain`: every option with its meaning, allowed values and default."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pytest
from click.testing import CliRunner
from helpers import make_config

from lint.checks.base import Check, option
from lint.cli import cli
from lint.docs import explain_text, option_docs

CHECKS = list(make_config().registry)


def test_explain_shows_each_option_with_its_allowed_values_default_and_meaning() -> None:
    result = CliRunner().invoke(cli, ["explain", "doubled-space"])
    assert result.exit_code == 0
    assert (
        "  nbsp_severity: one of 'error', 'warning', 'info' (default 'info')\n"
        "    Severity for a no-break space beside a space: it shows as a wide gap on the page;\n"
        "    often pasted from a word processor.\n"
    ) in result.output
    assert "  markup_plain_spaces: true or false (default false)\n" in result.output
    assert "Literal" not in result.output


@pytest.mark.parametrize("check", CHECKS, ids=[c.id for c in CHECKS])
def test_every_option_says_what_it_means(check: type[Check]) -> None:
    for doc in option_docs(check):
        assert doc.doc.strip(), f"{check.id}.{doc.name} has no documentation (option(default, doc))"
        assert "typing" not in doc.allowed and "Literal" not in doc.allowed


def test_lists_mappings_and_undocumented_plugin_options() -> None:
    @dataclass(frozen=True)
    class Options:
        words: tuple[str, ...] = option(("TK", "XX"), "Words to report.")
        levels: tuple[Literal["a", "b"], ...] = ("a",)
        limits: dict[str, float] = option(doc="Per-section limits.", factory=dict)

    class Sample(Check):
        id = "sample"
        category = "structure"

    Sample.Options = Options
    text = explain_text(Sample)
    assert "  words: a list of texts (default ['TK', 'XX'])\n    Words to report.\n" in text
    assert "  levels: a list, each one of 'a', 'b' (default ['a'])\n  limits:" in text
    assert "  limits: a mapping of text to a number (default {})\n    Per-section limits." in text
