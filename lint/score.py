"""The quality score: one number from 0 to 100 that says how far an article is from publishable.

    penalty(check) = min(max_per_check, sum of the weights of that check's findings)
    score          = max(0, 100 - sum of penalties * 1000 / max(words, min_words))

Each finding weighs by its severity (`weights`); one check adds at most `max_per_check` points,
so forty non-breaking hyphens cannot sink a story on their own; the sum is taken per 1,000
words, so a long feature is not punished for its length; articles shorter than `min_words`
count as that long, so a three-line brief with one slip is not scored 0. The score is rounded
down to a whole number: 100 means no findings. Weights and caps come from the config's `score:`
section (defaults below) and are validated like every other setting.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from lint.constants import SEVERITY_NAMES
from lint.findings import Finding

# The config's `score:` section: each key and its type (validated by lint/config.py).
SCORE_KEYS: dict[str, Any] = {"weights": dict[str, float], "max_per_check": float, "min_words": int}


class ScoreSettingError(ValueError):
    """A score setting that is out of range; the message names the setting."""

    def __init__(self, key: tuple[str, ...], message: str) -> None:
        super().__init__(message)
        self.key = key


@dataclass(frozen=True)
class Scoring:
    error: float = 10.0
    warning: float = 3.0
    info: float = 0.5
    max_per_check: float = 30.0
    min_words: int = 300

    def weight(self, severity: str) -> float:
        return float(getattr(self, severity))

    @classmethod
    def from_section(cls, section: Mapping[str, Any]) -> Scoring:
        """Settings from a type-checked `score:` section; ScoreSettingError for bad values."""
        weights = dict(section.get("weights", {}))
        for name, value in weights.items():
            if name not in SEVERITY_NAMES:
                raise ScoreSettingError(("weights", name),
                                        f"unknown severity 'score.weights.{name}' (valid: {', '.join(SEVERITY_NAMES)})")
            if not (math.isfinite(value) and value >= 0):
                raise ScoreSettingError(("weights", name), f"'score.weights.{name}' must be 0 or more, not {value!r}")
        cap = section.get("max_per_check", cls.max_per_check)
        if not (math.isfinite(cap) and cap > 0):
            raise ScoreSettingError(("max_per_check",), f"'score.max_per_check' must be more than 0, not {cap!r}")
        min_words = section.get("min_words", cls.min_words)
        if min_words < 1:
            raise ScoreSettingError(("min_words",), f"'score.min_words' must be 1 or more, not {min_words!r}")
        return cls(max_per_check=float(cap), min_words=int(min_words), **{k: float(v) for k, v in weights.items()})


def penalties(findings: Iterable[Finding], scoring: Scoring) -> dict[str, float]:
    """Penalty points per check id, each capped at `max_per_check`."""
    raw: dict[str, float] = defaultdict(float)
    for f in findings:
        raw[f.rule] += scoring.weight(f.severity.value)
    return {rule: min(points, scoring.max_per_check) for rule, points in raw.items()}


def quality_score(findings: Iterable[Finding], words: int, scoring: Scoring = Scoring()) -> int:
    """0 to 100; 100 means nothing was found."""
    total = sum(penalties(findings, scoring).values())
    per_thousand = total * 1000 / max(words, scoring.min_words)
    return max(0, math.floor(100 - per_thousand + 1e-9))


def score_of(result: Any, scoring: Scoring) -> int | None:
    """A FileResult's score; None for a file that could not be linted."""
    if result.error:
        return None
    return quality_score(result.findings, result.words, scoring)


def below(results: Iterable[Any], minimum: float, scoring: Scoring) -> list[tuple[str, int]]:
    """(path, score) of every linted file that scores under `minimum` (--min-score)."""
    out = []
    for r in results:
        value = score_of(r, scoring)
        if value is not None and value < minimum:
            out.append((r.path, value))
    return out
