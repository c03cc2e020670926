"""image-alt-missing: images without alt text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.checks.base import Check, HouseStyle
from lint.checks.placeholder_image import placeholder_source
from lint.document.model import Document
from lint.findings import Finding, Severity
from lint.patterns import lazy_re

_BARE_ALT = lazy_re(r"\salt(?=[\s/>])", re.I)


class ImageAltMissing(Check):
    """In HTML an `<img>` without an `alt` attribute is missing it, while `alt=""` marks a decorative
    image on purpose and is fine. Markdown has no way to say "decorative", so `![](photo.jpg)` is
    taken as alt text forgotten."""

    id = "image-alt-missing"
    category = "placeholder"
    severity = Severity.WARNING
    summary = "An image without alt text."
    why = (
        "Screen readers read the alt text aloud, search engines index it, and browsers show it when the "
        "picture does not load. Without it, readers who cannot see the image miss what it shows."
    )
    bad = "![](/images/flood.jpg)"
    good = "![Shops on the flooded high street in Tewkesbury](/images/flood.jpg)"

    def run(self, doc: Document, options: object, house: HouseStyle) -> Iterator[Finding]:
        for image in doc.images:
            if placeholder_source(image.src):
                continue  # the placeholder-image check reports the whole image
            markdown_syntax = doc.source.startswith("![", image.span.start)
            raw = doc.source[image.span.start : image.span.end]
            if image.alt is None and _BARE_ALT.search(raw):
                continue  # <img alt src=...>: an empty alt written without a value, decorative
            if image.alt is None or (markdown_syntax and not image.alt.strip()):
                yield self.finding(
                    image.span,
                    "This image has no alt text: describe what it shows for readers who cannot see it"
                    + (" (write alt=\"\" only if it is decorative)." if not markdown_syntax else "."),
                )
