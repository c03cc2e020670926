"""A linted document leaves nothing for the garbage collector: the collector that runs after each
file (lint/engine.py's `_no_gc`) would otherwise read the whole document to free it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

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


# Run in a process of its own: a test of the Dask cluster leaves threads behind that may still make
# garbage of their own while this runs, which the count below would take for the document's.
CHECK = """
import gc, json, sys
sys.path.insert(0, sys.argv[1])
from helpers import make_config
from lint.engine import lint_source
from lint.results import Selection

article = sys.stdin.read()
resolved = make_config().for_file(None)
first = lint_source("article.md", article, resolved, Selection(), "markdown")  # first use loads tables
gc.collect()
gc.disable()
again = lint_source("article.md", article, resolved, Selection(), "markdown")
print(json.dumps({
    "collected": gc.collect(),
    "first": [[f.rule, f.line, f.column] for f in first.findings],
    "again": [[f.rule, f.line, f.column] for f in again.findings],
}))
"""


def test_a_linted_document_leaves_no_cycles_behind() -> None:
    done = subprocess.run([sys.executable, "-c", CHECK, str(Path(__file__).parent)], input=ARTICLE,
                          capture_output=True, text=True, timeout=120, check=True)
    result = json.loads(done.stdout)
    assert result["first"], "the article should give findings, so that the checks ran on it"
    assert result["collected"] == 0
    assert result["again"] == result["first"]
