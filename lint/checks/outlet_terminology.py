"""outlet-terminology: the outlet's own word choices (terminology.replace and terminology.banned)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from lint.checks._tokens import is_technical, prose_texts, token_bounds
from lint.checks.base import Check, Example, HouseStyle, option
from lint.document.model import Document
from lint.document.span import Span
from lint.findings import Finding, Fix, Severity
from lint.patterns import compile_pattern, lazy_re

# "use X", "write X", "say X instead", "prefer “X”": a banned word's reason that names a replacement.
_SUGGESTION = lazy_re(
    r"\b(?:use|write|say|prefer)\s+[\"“‘']?(?P<word>[^\"”’',.;:()]+?)[\"”’']?(?:\s+instead)?\s*(?:[.;,)]|$)",
    re.I,
)


@dataclass(frozen=True)
class Terms:
    pattern: re.Pattern[str] | None
    exact: re.Pattern[str] | None  # forms that differ from their replacement only in case
    replace: dict[str, str]  # lowercased wrong form -> preferred form
    banned: dict[str, str]  # lowercased banned word -> reason


@cache
def _terms(replace: tuple[tuple[str, str], ...], banned: tuple[tuple[str, str], ...]) -> Terms:
    loose = [w for w, right in replace if w.lower() != right.lower()] + [w for w, _ in banned]
    exact = [w for w, right in replace if w.lower() == right.lower() and w != right]

    def union(words: list[str], flags: int) -> re.Pattern[str] | None:
        if not words:
            return None
        body = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
        return compile_pattern(rf"(?<![\w-])(?:{body})(?![\w-])", flags)

    return Terms(
        union(loose, re.I),
        union(exact, 0),
        {w.lower(): right for w, right in replace},
        {w.lower(): reason for w, reason in banned},
    )


@dataclass(frozen=True)
class Options:
    prefer: dict[str, str] = option(
        doc="Extra preferred forms on top of terminology.replace (wrong -> preferred).",
        factory=dict,
    )
    skip_quotes: bool = option(False, "Leave direct quotations alone (a speaker's words stay as said).")


class OutletTerminology(Check):
    id = "outlet-terminology"
    category = "terminology"
    severity = Severity.WARNING
    Options = Options
    summary = "Words the outlet replaces or bans (terminology.replace, terminology.banned)."
    why = (
        "Every newsroom has its word list: place names it spells its own way (Kyiv, not Kiev), "
        "terms it prefers, "
        "words it bans. Applying it by hand is slow and uneven; this check applies it to every article."
    )
    bad = Example(
        "Officials in Kiev said the migrants were illegals.",
        settings={"terminology": {"replace": {"Kiev": "Kyiv"}, "banned": {"illegals": "say undocumented migrants"}}},
    )
    good = "Officials in Kyiv said the migrants were undocumented."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        replace = {**dict(house.replace), **dict(options.prefer)}
        if not replace and not house.banned:
            return
        terms = _terms(tuple(sorted(replace.items())), tuple(sorted(house.banned.items())))
        for text in prose_texts(doc):
            prose = text.text
            quoted = _quoted_ranges(prose) if options.skip_quotes else []
            for pattern in (terms.pattern, terms.exact):
                if pattern is None:
                    continue
                for m in pattern.finditer(prose):
                    if any(s <= m.start() < e for s, e in quoted):
                        continue
                    start, end = token_bounds(prose, m.start())
                    if is_technical(prose[start:end]):
                        continue
                    found = self._report(terms, text.span(m.start(), m.end()), m.group())
                    if found:
                        yield found

    def _report(self, terms: Terms, span: Span, seen: str) -> Finding | None:
        key = seen.lower()
        if key in terms.replace:
            preferred = terms.replace[key]
            # A form that differs only in case ("Internet" -> "internet") is about case itself.
            right = preferred if preferred.lower() == key else _match_case(seen, preferred)
            if right == seen:
                return None
            return self.finding(
                span, f"The outlet writes “{right}”, not “{seen}”.", fix=Fix(span, right, safe=True)
            )
        reason = terms.banned.get(key, "")
        suggestion = _SUGGESTION.search(reason) if reason else None
        fix = (
            Fix(span, _match_case(seen, suggestion.group("word").strip()), safe=False) if suggestion else None
        )
        because = f": {reason.rstrip('.')}." if reason else "."
        return self.finding(span, f"“{seen}” is on the outlet's banned list{because}", fix=fix)


def _match_case(seen: str, right: str) -> str:
    """Keep a capital at the start of a sentence: "Kiev" -> "Kyiv", "Utilize" -> "Use"."""
    if seen[:1].isupper() and right[:1].islower() and not seen.isupper():
        return right[0].upper() + right[1:]
    return right


_QUOTE = lazy_re(r"“[^”]*”|\"[^\"\n]*\"")


def _quoted_ranges(prose: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTE.finditer(prose)]
