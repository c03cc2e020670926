"""Human-facing text about checks and configs: `newslint explain` and `newslint init`."""

from __future__ import annotations

import dataclasses
import inspect
import textwrap
import typing

from lint.checks.base import Check, Example


@dataclasses.dataclass(frozen=True)
class OptionDoc:
    name: str
    allowed: str  # "a whole number", "one of 'error', 'warning', 'info'"
    default: str  # as it would be written in the YAML config
    doc: str


def type_name(hint: typing.Any) -> str:
    """A type hint in the words of the config: what a value may be."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Literal:
        return "one of " + ", ".join(repr(a) for a in args)
    if origin in (list, tuple):
        item = args[0] if args else str
        if typing.get_origin(item) is typing.Literal:
            return "a list, each " + type_name(item)
        return f"a list of {type_name(item)}s"
    if origin is dict:
        return f"a mapping of text to {type_name(args[1])}" if len(args) == 2 else "a mapping"
    return {bool: "true or false", int: "a whole number", float: "a number", str: "text"}.get(hint, str(hint))


def option_docs(check: type[Check]) -> list[OptionDoc]:
    """Each option of a check: its name, allowed values, default and meaning."""
    rows = []
    hints = typing.get_type_hints(check.Options) if check.option_fields() else {}
    for f in check.option_fields():
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        else:
            default = None
        rows.append(OptionDoc(f.name, type_name(hints[f.name]), yaml_value(default), f.metadata.get("doc", "")))
    return rows


def yaml_value(value: typing.Any) -> str:
    """A default as it would be written in the config: true, 65, 'info', ['()', '[]'], {}."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(yaml_value(v) for v in value) + "]"
    if isinstance(value, typing.Mapping):
        return "{" + ", ".join(f"{k}: {yaml_value(v)}" for k, v in value.items()) + "}"
    return repr(value)


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
    if check.needs_profile:
        parts += ["", "Needs a house profile: make one with 'newslint learn ARCHIVE --output house.json', then "
                      "use it with --profile or 'profile:' in the config. Without one this check reports nothing."]
    if check.why:
        parts += ["", "Why it matters:", textwrap.indent(textwrap.fill(check.why, 88), "  ")]
    options = option_docs(check)
    if options:
        parts += ["", f"Options (under checks: {check.id}: in the outlet config):"]
        for o in options:
            parts.append(textwrap.fill(f"{o.name}: {o.allowed} (default {o.default})", 88,
                                       initial_indent="  ", subsequent_indent="      "))
            if o.doc:
                parts.append(textwrap.fill(o.doc, 88, initial_indent="    ", subsequent_indent="    "))
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
