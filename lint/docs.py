"""Human-facing text about checks and configs: `newslint explain` and `newslint init`."""

from __future__ import annotations

import dataclasses
import inspect
import textwrap
import typing

from lint.checks.base import Check, Example


def option_rows(check: type[Check]) -> list[tuple[str, str, str]]:
    """(name, type, default) for each option of a check."""
    rows = []
    hints = typing.get_type_hints(check.Options) if check.option_fields() else {}
    for f in check.option_fields():
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        else:
            default = None
        type_name = getattr(hints[f.name], "__name__", None) or str(hints[f.name]).replace("typing.", "")
        rows.append((f.name, type_name, repr(default)))
    return rows


def _dotted(settings: typing.Mapping[str, typing.Any], prefix: str = "") -> list[str]:
    """{"style": {"quotes": "curly"}} -> ["style.quotes: curly"]"""
    lines = []
    for key, value in settings.items():
        if isinstance(value, typing.Mapping) and value:
            lines += _dotted(value, f"{prefix}{key}.")
        else:
            lines.append(f"{prefix}{key}: {value}")
    return lines


def example_label(label: str, example: Example) -> str:
    """ "Bad", or "Bad (in article.txt; with style.quotes: curly)" when the example needs a format or settings."""
    notes = [] if example.name.endswith(".md") else [f"in {example.name}"]
    if example.settings:
        notes.append("with " + ", ".join(_dotted(example.settings)))
    return f"{label} ({'; '.join(notes)})" if notes else label


def explain_text(check: type[Check]) -> str:
    doc = inspect.cleandoc(typing.cast(str, check.__doc__ or ""))
    parts = [
        f"{check.id}  ({check.category}, {check.severity.value}{'' if check.enabled_by_default else ', off by default'})",  # noqa: E501
        "",
        check.summary,
    ]
    if doc and doc != check.summary:
        parts += ["", textwrap.dedent(doc)]
    if check.why:
        parts += ["", "Why it matters:", textwrap.indent(textwrap.fill(check.why, 88), "  ")]
    rows = option_rows(check)
    if rows:
        parts += ["", f"Options (under checks: {check.id}: in the outlet config):"]
        parts += [f"  {name}: {type_name} = {default}" for name, type_name, default in rows]
    for label, example in zip(("Bad", "Good"), check.examples(), strict=True):
        if example is not None:
            parts += ["", f"{example_label(label, example)}:", textwrap.indent(example.text.strip(), "  ")]
    return "\n".join(parts)


def starter_config(outlet: str, domains: list[str], preset: str, language: str) -> str:
    domain_list = ", ".join(domains) if domains else ""
    return f"""# newslint configuration for {outlet}. Docs: 'newslint rules', 'newslint explain ID'.
extends: {preset}

outlet:
  name: {outlet}
  domains: [{domain_list}]
  language: {language}          # en-US or en-GB: which spelling variety is right

style:
  headline_case: any          # sentence | title | any

# Names as the outlet writes them; newslint suggests these spellings.
glossary: []

terminology:
  replace: {{}}                # wrong: right, e.g. Kiev: Kyiv
  banned: {{}}                 # word: reason

checks: {{}}                   # per check id: enabled, severity and options

files:
  exclude: []                 # globs, e.g. drafts/
"""
