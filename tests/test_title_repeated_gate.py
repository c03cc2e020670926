"""title-repeated skips normalising a paragraph that is surely longer than the title: the test
that says so must never be wrong, whatever `normalize` is given."""

from __future__ import annotations

import random

from lint.checks._duplicates import normalize
from lint.checks.title_repeated import longer_than
from lint.document.mapped import ATOM


def test_a_text_is_called_longer_only_when_its_normal_form_is() -> None:
    pieces = ["a", "Z", "ß", "ﬁ", "İ", "9", " ", "  ", "\t", "\n", "\u00a0", ATOM, "’", "“", "—", "-", ".", "!",
              "?", ",", ":", ";", "x.", "Bridge", "to", "close"]
    chance = random.Random(14)
    for _ in range(20_000):
        text = "".join(chance.choice(pieces) for _ in range(chance.randrange(0, 14)))
        length = len(normalize(text))
        for limit in range(max(0, length - 3), length + 3):
            assert not longer_than(text, limit) or length > limit, (text, limit)
    assert longer_than("The council approved the harbour budget on Monday.", 20)
    assert not longer_than("Bridge to close for repairs!!!", len("bridge to close for repairs"))
