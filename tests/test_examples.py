"""Every check's documented examples do what `newslint explain` says: the bad one raises a finding
of that check, the good one none, read as the example says (file name, settings on top of the
default preset) with the check switched on."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from helpers import findings, make_config
from lt_server import FakeLanguageTool

from lint.checks.base import Check, Example
from lint.config import deep_merge
from lint.docs import explain_text

CHECKS = list(make_config().registry)


@pytest.fixture(scope="module")
def languagetool_url() -> Iterator[str]:
    # The grammar check's examples need a server; the test one flags "teh" like the real one would.
    with FakeLanguageTool() as server:
        yield server.url


def _settings(check: type[Check], example: Example, languagetool_url: str) -> dict[str, Any]:
    settings = deep_merge({"checks": {check.id: {"enabled": True}}}, dict(example.settings))
    if check.id == "grammar":
        settings = deep_merge(settings, {"languagetool": {"mode": "remote", "url": languagetool_url}})
    return settings


def _own(check: type[Check], example: Example, languagetool_url: str) -> list[str]:
    found = findings(example.text, name=example.name, settings=_settings(check, example, languagetool_url))
    return [f.message for f in found if f.rule == check.id]


@pytest.mark.parametrize("check", CHECKS, ids=[c.id for c in CHECKS])
def test_bad_example_is_caught(check: type[Check], languagetool_url: str) -> None:
    bad, _ = check.examples()
    assert bad is not None, f"{check.id} has no bad example"
    assert _own(check, bad, languagetool_url), f"{check.id}: its bad example raises no finding"


@pytest.mark.parametrize("check", CHECKS, ids=[c.id for c in CHECKS])
def test_good_example_passes(check: type[Check], languagetool_url: str) -> None:
    _, good = check.examples()
    assert good is not None, f"{check.id} has no good example"
    assert _own(check, good, languagetool_url) == []


def test_a_plain_good_example_is_read_like_the_bad_one() -> None:
    class Sample(Check):
        id = "sample"
        bad = Example("Bad text.", name="story.txt", settings={"style": {"quotes": "curly"}})
        good = "Good text."

    assert Sample.examples() == (bad := Sample.bad, Example("Good text.", "story.txt", bad.settings))


def test_explain_names_the_file_and_settings_an_example_needs() -> None:
    class Sample(Check):
        id = "sample"
        category = "typography"
        bad = Example('She said "no".', name="story.txt", settings={"style": {"quotes": "curly"}})
        good = "She said “no”."

    text = explain_text(Sample)
    assert 'Bad (in story.txt; with style.quotes: curly):\n  She said "no".\n' in text
    assert text.endswith("Good (in story.txt; with style.quotes: curly):\n  She said “no”.")
