"""The `languagetool:` config section and its settings, apart from the client (lint/languagetool.py).

The config validates the section and the `grammar` check reads it on every run; the client, with
its threads, HTTP and local servers, is imported only when LanguageTool is switched on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from lint.constants import SeverityName

Mode = Literal["local", "remote", "off"]

# The config's `languagetool:` section: each key and its type (validated by lint/config.py).
LANGUAGETOOL_KEYS: dict[str, Any] = {
    "mode": Mode,
    "url": str,
    "language": str,
    "disabled_rules": list[str],
    "disabled_categories": list[str],
    "enabled_only": list[str],
    "picky": bool,
    "required": bool,
    "timeout": float,
    "concurrency": int,
    "cache_dir": str,
    "severities": dict[str, SeverityName],
    "max_request_chars": int,
}

DEFAULT_TIMEOUT = 20.0  # seconds per request, all of it: connecting, sending, the whole answer
DEFAULT_CONCURRENCY = 4  # requests in flight at once for one article's chunks
# The public API takes 20,000 characters per request; stay well under it so a self-hosted
# server with a lower maxTextLength also copes.
DEFAULT_MAX_REQUEST_CHARS = 10_000
MIN_REQUEST_CHARS = 200


@dataclass(frozen=True)
class Settings:
    """The `languagetool:` config section, with defaults filled in. Hashable: it keys the client cache."""

    mode: Mode = "off"
    url: str = ""
    language: str = "en-US"
    disabled_rules: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    enabled_only: tuple[str, ...] = ()
    picky: bool = False
    required: bool = False
    timeout: float = DEFAULT_TIMEOUT
    concurrency: int = DEFAULT_CONCURRENCY
    cache_dir: str = ""
    severities: tuple[tuple[str, str], ...] = ()
    max_request_chars: int = DEFAULT_MAX_REQUEST_CHARS

    @staticmethod
    def from_section(section: Mapping[str, Any], house_language: str = "en-US") -> Settings:
        """Settings from the validated config section; the outlet's language is the default."""
        return Settings(
            mode=section.get("mode", "off"),
            url=server_root(str(section.get("url", ""))),
            language=section.get("language") or house_language or "en-US",
            disabled_rules=tuple(section.get("disabled_rules", ())),
            disabled_categories=tuple(section.get("disabled_categories", ())),
            enabled_only=tuple(section.get("enabled_only", ())),
            picky=bool(section.get("picky", False)),
            required=bool(section.get("required", False)),
            # A zero or negative timeout would mean "wait forever" to requests: never allow it.
            timeout=max(float(section.get("timeout", DEFAULT_TIMEOUT)), 0.1),
            concurrency=max(int(section.get("concurrency", DEFAULT_CONCURRENCY)), 1),
            cache_dir=str(section.get("cache_dir", "")),
            severities=tuple(sorted(dict(section.get("severities", {})).items())),
            max_request_chars=max(
                int(section.get("max_request_chars", DEFAULT_MAX_REQUEST_CHARS)), MIN_REQUEST_CHARS
            ),
        )

    @property
    def server_name(self) -> str:
        """How warnings name the server."""
        if self.mode == "remote":
            return f"LanguageTool server {self.url or '(no url set)'}"
        return "local LanguageTool"


def server_root(url: str) -> str:
    """The client adds /v2/ itself: accept "http://host:8010", ".../" and ".../v2/" alike."""
    url = url.strip().rstrip("/")
    return url[: -len("/v2")] if url.endswith("/v2") else url
