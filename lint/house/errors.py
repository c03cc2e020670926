"""What goes wrong with a house profile or its index, said in one line."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class ProfileError(Exception):
    """One line for the user: which profile, what is wrong with it, what to do."""


def clean(text: object) -> str:
    """Text from a profile or an index goes into messages: no control characters (terminal escapes)."""
    return _CONTROL.sub("\ufffd", str(text))
