"""The outlet's house style: the config's outlet-wide settings that several checks share, with
the house profile `newslint learn` made when the config names one (lint/config.py builds it)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lint.house.profile import HouseProfile


@dataclass(frozen=True)
class HouseStyle:
    """Outlet-wide settings from the config that several checks share."""

    outlet_name: str = ""
    domains: tuple[str, ...] = ()
    # "" when the config names no language: checks that depend on it read the article instead.
    language: str = ""
    headline_case: str = "any"  # sentence | title | any
    quotes: str = "any"  # curly | straight | any
    dashes: str = "any"  # spaced | closed | any
    # Canonical spellings of names the outlet uses ("iPhone", "Kyiv", "BBC News").
    glossary: tuple[str, ...] = ()
    # Terminology: wrong form -> preferred form; banned words with an optional reason.
    replace: Mapping[str, str] = field(default_factory=dict)
    banned: Mapping[str, str] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)  # sections such as languagetool
    # What `newslint learn` found in the outlet's archive (lint/house/); None: no profile.
    profile: HouseProfile | None = None

    @property
    def spelling(self) -> str:
        """"us" or "gb": the spelling variety the outlet's language asks for ("us" when none is set)."""
        british = ("en-gb", "en-uk", "en-au", "en-nz", "en-ie")
        return "gb" if self.language.lower().replace("_", "-") in british else "us"
