"""Against a real LanguageTool: skipped unless one is available (see docs/grammar.md).

    NEWSLINT_LT_URL=http://localhost:8010 .venv/bin/python -m pytest tests/test_grammar_real.py
    NEWSLINT_LT_LOCAL=1 .venv/bin/python -m pytest tests/test_grammar_real.py   # downloads LanguageTool once

The first talks to a LanguageTool server (e.g. `docker run -p 8010:8010 erikvl87/languagetool`);
the second lets language-tool-python start its own (Java 17+, internet for the first download,
into $NEWSLINT_LT_CACHE or ~/.cache/language_tool_python).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from helpers import findings, located, snippet

from lint.languagetool import connection

LT_URL = os.environ.get("NEWSLINT_LT_URL", "")
LT_LOCAL = os.environ.get("NEWSLINT_LT_LOCAL", "") == "1"

pytestmark = pytest.mark.skipif(
    not (LT_URL or LT_LOCAL),
    reason="needs a real LanguageTool: set NEWSLINT_LT_URL=http://localhost:8010 or NEWSLINT_LT_LOCAL=1",
)


@pytest.fixture(autouse=True)
def fresh_connections() -> Iterator[None]:
    connection.cache_clear()
    yield
    connection.cache_clear()


def settings() -> dict[str, object]:
    if LT_URL:
        section: dict[str, object] = {"mode": "remote", "url": LT_URL, "required": True, "timeout": 60}
    else:
        section = {
            "mode": "local",
            "required": True,
            "timeout": 60,
            "cache_dir": os.environ.get("NEWSLINT_LT_CACHE", ""),
        }
    return {"languagetool": section}


def test_real_languagetool_finds_a_typo_and_a_wrong_article_at_exact_places() -> None:
    text = (
        "---\ntitle: Budget vote\n---\n\n"
        "The mayor 🎉 said “the budget passed”, but teh council disagreed.\n\n"
        "```\nteh code is not prose\n```\n\n"
        "This is an test of the system.\n"
    )
    found = findings(text, settings=settings(), select=("grammar",))
    assert ("grammar", 5, 43, 5, 46) in located(found)
    assert {snippet(text, f) for f in found} >= {"teh", "an"}
    assert all(f.line != 8 for f in found)  # the code block was never sent
