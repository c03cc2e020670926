"""The `explain` examples of the casing and typography checks really fire and really pass."""

import pytest
from helpers import findings

from lint.checks.registry import load_registry

CHECKS = ("glued-words", "markup-debris")


@pytest.mark.parametrize("check_id", CHECKS)
def test_bad_example_fires_and_good_example_passes(check_id: str) -> None:
    check = load_registry(()).get(check_id)
    assert findings(check.bad, name="example.md", select=(check_id,)), check.bad
    assert findings(check.good, name="example.md", select=(check_id,)) == [], check.good
