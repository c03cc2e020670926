"""A linted document leaves nothing for the garbage collector: the collector that runs after each
file (lint/engine.py's `_no_gc`) would otherwise read the whole document to free it."""

from __future__ import annotations

import gc

from helpers import make_config

from lint.engine import lint_source
from lint.results import Selection

ARTICLE = """---
title: Council delays the bridge vote
---

# Council delays the bridge vote

The council delayed the vote on the new bridge until March. The mayor said on Tuesday that
residents needed more time! Did anyone object? "Not yet," said Ana Ruiz of the Riverside group.

- Residents asked for more time to read the plans.
- The United states embassy was not involved.

| Item | Cost |
| --- | --- |
| Bridge | $4m |

Stay tuned to Example News for further updates. Keywords: bridge, council, vote
"""


def test_a_linted_document_leaves_no_cycles_behind() -> None:
    resolved = make_config().for_file(None)
    first = lint_source("article.md", ARTICLE, resolved, Selection(), "markdown")  # first use loads tables
    assert first.findings, "the article should give findings, so that the checks ran on it"
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        again = lint_source("article.md", ARTICLE, resolved, Selection(), "markdown")
        assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()
    assert [(f.rule, f.line, f.column) for f in again.findings] == [(f.rule, f.line, f.column) for f in first.findings]
