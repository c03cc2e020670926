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


def starter_config(outlet: str, domains: list[str], preset: str, language: str | None = None) -> str:
    """A config that sets only what `newslint init` was given; everything else is a comment, so
    the preset's own settings (a British preset's language, say) stay in force."""
    import json

    def quoted(text: str) -> str:  # a JSON string is a YAML scalar: names with ":" or "#" stay names
        return json.dumps(text, ensure_ascii=False)

    title = " ".join(outlet.split())
    lines = [
        f"# newslint configuration for {title}. Docs: 'newslint rules', 'newslint explain ID'.",
        f"# Settings not made here come from the {preset!r} preset; uncomment a line to change one.",
        f"extends: {quoted(preset)}",
        "",
        "outlet:",
        f"  name: {quoted(outlet)}",
    ]
    if domains:
        lines.append(f"  domains: [{', '.join(quoted(d) for d in domains)}]")
    else:
        lines.append("  # domains: [example.com]    # the outlet's web domains")
    if language:
        lines.append(f"  language: {quoted(language)}    # which spelling variety is right")
    else:
        lines.append("  # language: en-GB           # en-US or en-GB: which spelling variety is right")
    lines += [
        "",
        "# style:",
        "#   headline_case: sentence   # sentence | title | any",
        "#   quotes: curly             # curly | straight | any",
        "",
        "# Names as the outlet writes them; newslint suggests these spellings.",
        "# glossary: [iPhone, WhatsApp]",
        "",
        "# terminology:",
        "#   replace: {Kiev: Kyiv}     # wrong: right",
        "#   banned: {utilize: 'write \"use\"'}",
        "",
        "# checks:                     # per check id: true, false, a severity or options",
        "#   sentence-length: {max_words: 35}",
        "",
        "# files:",
        "#   exclude: [drafts/]        # globs",
    ]
    return "\n".join(lines) + "\n"
