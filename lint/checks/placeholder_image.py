"""placeholder-image: image placeholders left where a picture should be."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from urllib.parse import urlsplit

from lint.checks._leftover_lines import masked_paragraphs
from lint.checks._needles import NeedleIndex
from lint.checks.base import Check, HouseStyle
from lint.datafiles import data_lines
from lint.document.model import Document
from lint.findings import Finding, Severity
from lint.patterns import lazy_re

_MEDIA = (
    r"(?:images?|photos?|photographs?|pictures?|pics?|maps?|charts?|graphs?|graphics?|infographics?|videos?"
    r"|illustrations?|diagrams?|screenshots?|visuals?|galler(?:y|ies)|gifs?|img)"
)
_IN_TEXT = lazy_re(
    # "Image Placeholder: [ ... ]" or "Photo placeholder - ..." up to the end of its bracket or line
    # (a label: a colon, a dash or a bracket follows)
    rf"(?i:\b{_MEDIA}\s+placeholder\b)(?:\s*[:\-–—]\s*|\s*(?=\[))(?:\[[^\]\n]*\]?|[^\n\[]*)"
    # "[Insert image of ...]", "[Add a relevant photo]", "[Embed video]"
    rf"|(?i:\[\s*(?:insert|add|include|place|put|embed|paste|upload"
    rf"|use)\s+(?:[\w-]+\s+){{0,3}}?{_MEDIA}\b[^\]\n]*\]?)"
    # "[IMAGE: ...]", "[PHOTO]", "[MAP of ...]": a media label in capitals
    r"|\[\s*(?:IMAGE|IMG|PHOTO|PICTURE|VIDEO|CHART|MAP|GRAPHIC|INFOGRAPHIC|EMBED|GALLERY)\b[^\]\n]*\]"
    # "[Image: ...]", "[Photo of the mayor]", "[image here]"
    rf"|(?i:\[\s*{_MEDIA}\s*(?::|of\b|showing\b|here\b|placeholder\b|to come\b|tk\b|tbd\b)[^\]\n]*\])"
    # "Alt text: ..." opening a line: alt text belongs in the image markup
    r"|(?im:^(?:suggested\s+|image\s+|photo\s+|featured\s+image\s+)?alt[\s-]?(?:text|tag)\s*:[^\n]*)",
)
_PLACEHOLDER_ALT = lazy_re(
    r"^\W*(?:(?:image|photo|picture|img)\s+)?placeholder(?:\s+(?:image|photo|picture|img))?\W*(?::.*)?$"
    r"|^\W*(?:insert|add)\s+(?:an?\s+|the\s+)?(?:image|photo|picture)\b.*"
    r"|^\W*(?:image|photo|picture)\s+(?:here|tk|tbd|to come|goes here)\W*$"
    r"|^\W*(?:alt(?:\s|-)?text(?:\s+here)?|your alt text|image description|description here|tk|todo"
    r"|lorem ipsum.*)\W*$",
    re.I,
)
_PLACEHOLDER_FILE = lazy_re(
    r"(?:^|/)(?:image[-_]?)?placeholder(?:[-_](?:image|img|photo))?\.\w+$|(?:^|/)(?:no[-_]?image"
    r"|dummy(?:[-_]image)?)\.\w+$",
    re.I,
)


@cache
def _needles() -> NeedleIndex:
    return NeedleIndex([_IN_TEXT])


@cache
def _placeholder_hosts() -> tuple[str, ...]:
    return tuple(line.lower() for line in data_lines("placeholders/image_hosts.txt"))


_HOST_AND_PATH = lazy_re(r"^[\w.-]+\.\w{2,}/")  # "example.com/...": an address without its scheme


def placeholder_source(src: str) -> str | None:
    """Why the image address is a placeholder, or None when it looks real."""
    src = src.strip()
    if not src or src in ("#", "about:blank") or src.startswith("data:,"):
        return "has no address (src)"
    parts = urlsplit(src if "//" in src else "//" + src if _HOST_AND_PATH.match(src) else src)
    host = (parts.hostname or "").lower()
    where = host + parts.path.lower()
    for service in _placeholder_hosts():
        name, _, path = service.partition("/")
        on_host = host == name or host.endswith("." + name)
        if on_host and where[len(host):].startswith("/" + path if path else ""):
            return f"comes from {name}, a placeholder-image service"
    if _PLACEHOLDER_FILE.search(parts.path):
        return "is a placeholder file"
    return None


class PlaceholderImage(Check):
    """In the text: "Image Placeholder: [Insert image of ...]", "[IMAGE: ...]", "[Insert map of ...]",
    "Alt text: ..." lines. In the markup: images whose address is a placeholder service
    (placehold.co, picsum.photos ...), an empty address, or alt text that is itself a placeholder
    ("placeholder", "image here"). Alt text that merely mentions placeholders ("Placeholder text in
    a search box") describes a real picture and is fine."""

    id = "placeholder-image"
    category = "placeholder"
    supersedes = ("placeholder-slot", "placeholder-text")
    severity = Severity.ERROR
    summary = (
        "An image placeholder instead of a picture "
        "([Insert image of ...], placehold.co, alt=\"placeholder\")."
    )
    why = (
        "A placeholder where a picture should be shows readers an unfinished page, and the instruction "
        "text in brackets reads as nonsense in the story."
    )
    bad = "Image Placeholder: [Insert image of the flooded high street. Alt text: Flooded high street.]"
    good = "![Shops on the flooded high street in Tewkesbury on Friday](/images/tewkesbury-flood.jpg)"

    def run(self, doc: Document, options: object, house: HouseStyle) -> Iterator[Finding]:
        # The pattern tries every position; most paragraphs hold none of its needles.
        for block, _ in masked_paragraphs(doc, _needles()):
            text = block.text.text
            for m in _IN_TEXT.finditer(text):
                found = " ".join(m.group().split())
                shown = found if len(found) <= 50 else found[:49].rstrip() + "…"
                yield self.finding(
                    block.text.span(m.start(), m.end()),
                    f"Image placeholder left in the copy (“{shown}”): "
                    "put in the picture with its alt text, or delete this.",
                )
        for image in doc.images:
            reason = placeholder_source(image.src)
            if reason:
                message = f"This image {reason}: put in the real picture or remove the image."
                yield self.finding(image.span, message)
            elif image.alt is not None and _PLACEHOLDER_ALT.match(image.alt.strip()) and image.alt.strip():
                yield self.finding(
                    image.span,
                    f"The alt text “{image.alt.strip()}” is a placeholder: "
                    "describe what the picture shows.",
                )
