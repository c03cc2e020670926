"""The contract every check meets: metadata, typed options, documentation and a pure `run`."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from lint.document.model import Document
from lint.document.span import Span
from lint.findings import Finding, Fix, Severity
from lint.house.style import HouseStyle  # where checks and plugins have always imported it from

__all__ = ["Check", "CheckUnavailable", "Example", "HouseStyle", "NoOptions", "option"]


def option(default: Any = dataclasses.MISSING, doc: str = "", *, factory: Callable[[], Any] | None = None) -> Any:
    """One field of a check's Options dataclass, with the sentence `newslint explain` shows for it:
    `max_words: int = option(65, "Longer sentences are reported.")`; `factory` for a mutable default."""
    if factory is not None:
        return field(default_factory=factory, metadata={"doc": doc})
    return field(default=default, metadata={"doc": doc})


@dataclass(frozen=True)
class NoOptions:
    """For checks without options."""


@dataclass(frozen=True)
class Example:
    """A documented example: `newslint explain` shows it and a test runs it (the bad one must raise
    a finding of its check, the good one none) on the default preset plus `settings`."""

    text: str
    name: str = "article.md"  # the file name decides the format: .md, .html or .txt
    settings: Mapping[str, Any] = field(default_factory=dict)  # config on top of the default preset


class CheckUnavailable(Exception):
    """Raised by a check that cannot run at all (its server is down, say).

    The engine reports `message` once per run as a warning line and goes on with the other
    checks; `required=True` makes the run fail with exit code 2.
    """

    def __init__(self, message: str, required: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.required = required


class Check:
    """Subclass this in one module per check under `lint/checks/` (or in a plugin).

    Set the class attributes, give `Options` a frozen dataclass with defaults, and implement
    `run`. `run` must be pure: it reads the document and options and yields findings made with
    `self.finding`.
    """

    id: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    Options: ClassVar[type] = NoOptions
    enabled_by_default: ClassVar[bool] = True
    # Checks this one is more specific than: where their findings overlap one of this check's,
    # theirs are dropped (one defect, one finding; lint/dedupe.py).
    supersedes: ClassVar[tuple[str, ...]] = ()
    summary: ClassVar[str] = ""
    why: ClassVar[str] = ""
    # Plain text (a Markdown article) or an Example; a plain `good` is read like the `bad` one.
    bad: ClassVar[str | Example] = ""
    good: ClassVar[str | Example] = ""
    # Reads the house profile (`newslint learn`): silent without one, and `explain` says so.
    needs_profile: ClassVar[bool] = False

    def run(self, doc: Document, options: Any, house: HouseStyle) -> Iterable[Finding]:
        raise NotImplementedError

    def metrics(self, doc: Document, options: Any, house: HouseStyle) -> dict[str, float]:
        """Figures to show in the report's file entry (readability scores, say)."""
        return {}

    @classmethod
    def inactive(cls, options: Any, house: HouseStyle) -> str:
        """Why the check, though enabled, says nothing with these settings ("" when it works):
        `newslint rules` shows it, so a list of checks "on" is not a list of checks at work."""
        return ""

    def finding(
        self,
        span: Span,
        message: str,
        fix: Fix | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        return Finding(self.id, self.category, severity or self.severity, span, message, fix)

    @classmethod
    def examples(cls) -> tuple[Example | None, Example | None]:
        """The bad and the good example, each with the file name and settings it is read with."""
        bad = Example(cls.bad) if isinstance(cls.bad, str) else cls.bad
        good = dataclasses.replace(bad, text=cls.good) if isinstance(cls.good, str) else cls.good
        return (bad if bad.text else None), (good if good.text else None)

    @classmethod
    def option_fields(cls) -> list[dataclasses.Field[Any]]:
        return list(dataclasses.fields(cls.Options)) if dataclasses.is_dataclass(cls.Options) else []
