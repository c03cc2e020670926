"""What the outlet tells the parsers: template syntax in use and where the article sits in HTML."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ParseOptions:
    # Template syntaxes whose tags are markup, not prose: "hugo" ({{< >}}), "liquid" ({% %}, {{ }}).
    template_syntax: tuple[str, ...] = ("hugo", "liquid")
    # CSS-like selector of the element holding the article in an HTML page ("article", "div.post",
    # "#content"); empty: the first <article>, else <main>, else the <body>.
    article_selector: str = ""
