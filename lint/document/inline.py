"""Inline Markdown to prose: markup removed, every character still mapped to the source.

markdown-it gives block structure with line numbers but no columns for inline content, so the
inline layer is stripped here with patterns over the block's mapped source text.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field

from lint.document.mapped import ATOM, MappedText
from lint.document.model import Image, Link
from lint.document.span import Span
from lint.patterns import compile_pattern, lazy_re

# A tag's inside never runs across another tag's opening: an unclosed "{{<" then stops at the
# next opening instead of scanning to the end of the text, which made long lines quadratic.
_NOT_OPENING = r"(?:[^{]|\{(?![{%#]))*?"
TEMPLATE_PATTERNS: dict[str, str] = {
    # Hugo shortcodes {{< x >}} and {{% x %}}
    "hugo": rf"\{{\{{[<%]{_NOT_OPENING}[%>]\}}\}}",
    # Liquid / Jinja / Nunjucks tags, expressions and comments
    "liquid": rf"\{{%-?{_NOT_OPENING}-?%\}}|\{{\{{-?{_NOT_OPENING}-?\}}\}}|\{{#{_NOT_OPENING}#\}}",
}
_TEMPLATE_ALL = tuple(TEMPLATE_PATTERNS)

_CODE_SPAN = lazy_re(r"(`(?<!``)`*)(?!`).+?(?<!`)\1(?!`)", re.S)
# Patterns start with a character, not a look-behind (a link's "[" is checked for a backslash
# before it once found), so that the engine searches for that character.
# Bracketed parts never run past the next opening bracket: each unclosed "[" or "<" would
# otherwise scan to the end of the text, and a long line full of them took quadratic time.
_IMAGE = lazy_re(
    r"!\[(?P<alt>(?:[^\[\]]|\[[^\[\]]*\])*)\]"
    r"\((?P<src><[^<>]*>|[^)\s\[]*)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
)
_IMAGE_REF = lazy_re(r"!\[(?P<alt>[^\[\]]*)\]\[[^\[\]]*\]")
_LINK = lazy_re(
    r"\[(?<!\\\[)(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]"
    r"(?:\((?P<href><[^<>]*>|[^()\s]*(?:\([^()]*\)[^()\s]*)*)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)|\[[^\[\]]*\])"
)
_AUTOLINK = lazy_re(r"<(?:https?|ftp|mailto):[^<>\s]+>|<[\w.+-]+@[\w-]+\.[\w.-]+>")
_HTML_COMMENT = lazy_re(r"<!--(?:[^<]|<(?!!--))*?-->")
_HTML_TAG = lazy_re(r"</?[A-Za-z][\w-]*(?:\s+[^<>]*?)?/?>", re.S)
_FOOTNOTE_REF = lazy_re(r"\[\^[^\[\]]+\]")
# Runs of two or more "*" or "_", "~~", or a single "*" or "_" that opens (no word character
# or the same mark before it, something after it) or closes (something before it, no word
# character after). Each branch starts with its mark and looks behind after it: the regex engine
# then skips ahead to the next mark instead of trying every branch at every character (thirty
# times quicker on a paragraph).
_EMPHASIS = lazy_re(r"\*(?:\*+|(?<![\w*]\*)(?=\S)|(?<=\S\*)(?![\w*]))|_(?:_+|(?<![\w\\]_)(?=\S)|(?<=\S_)(?!\w))|~~")
_ESCAPE = lazy_re(r"\\(?P<ch>[!-/:-@\[-`{-~])")
_ENTITY = lazy_re(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_HARD_BREAK = lazy_re(r"\\\n| {2,}\n")


@dataclass
class InlineResult:
    text: MappedText
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)


@functools.cache
def compile_templates(syntaxes: tuple[str, ...] = _TEMPLATE_ALL) -> re.Pattern[str] | None:
    patterns = [TEMPLATE_PATTERNS[s] for s in syntaxes if s in TEMPLATE_PATTERNS]
    return compile_pattern("|".join(patterns), re.S) if patterns else None


def strip_inline(raw: MappedText, templates: re.Pattern[str] | None) -> InlineResult:
    result = InlineResult(raw)
    text = raw
    # Each pass needs a character most lines lack: a substring test on the text as it is just
    # before the pass (far quicker than letting the pattern scan it) skips the pass.
    if templates is not None and "{" in text.text:
        text = text.substitute(templates, lambda m: ATOM)
    if "<!--" in text.text:
        text = text.substitute(_HTML_COMMENT, lambda m: "")
    if "`" in text.text:
        text = text.substitute(_CODE_SPAN, lambda m: ATOM)

    if "![" in text.text:

        def image(m: re.Match[str]) -> str:
            src = m.groupdict().get("src") or ""
            result.images.append(Image(m.group("alt"), src.strip("<>"), text.span(m.start(), m.end())))
            return ATOM

        text = text.substitute(_IMAGE, image)
        text = text.substitute(_IMAGE_REF, image)
    if "<" in text.text:
        text = text.substitute(_AUTOLINK, lambda m: ATOM)
    if "[" in text.text:

        def link(m: re.Match[str]) -> None:
            href = (m.group("href") or "").strip("<>") if m.group("href") is not None else "#ref"
            result.links.append(Link(m.group("text"), href, text.span(m.start(), m.end())))

        text = text.unwrap(_LINK, "text", on_match=link)
    if "[^" in text.text:
        text = text.substitute(_FOOTNOTE_REF, lambda m: "")
    if "<" in text.text:
        text = text.substitute(_HTML_TAG, lambda m: "")
    if "\\\n" in text.text or "  \n" in text.text:
        text = text.substitute(_HARD_BREAK, lambda m: "\n")
    if "*" in text.text or "_" in text.text or "~~" in text.text:
        text = text.substitute(_EMPHASIS, lambda m: "")
    if "\\" in text.text:
        text = text.unwrap(_ESCAPE, "ch")
    if "&" in text.text:
        text = decode_entities(text)
    result.text = text
    return result


def decode_entities(text: MappedText) -> MappedText:
    return text.substitute(_ENTITY, lambda m: html.unescape(m.group()))


def mapped_lines(source: str, line_spans: list[tuple[int, int]], content: str) -> MappedText:
    """Map markdown-it's block content (lines with container markup and indent removed) back
    onto the source lines it came from."""
    texts: list[str] = []
    sources: list[Span] = []
    for k, line in enumerate(content.split("\n")):
        if k >= len(line_spans):
            break
        start, end = line_spans[k]
        at = source.find(line, start, end) if line else -1
        if at == -1:
            src_line = source[start:end]
            at = start + len(src_line) - len(src_line.lstrip())
            line = source[at:end].rstrip()
        if k:
            texts.append("\n")
            sources.append(Span(start, start))
        if line:
            texts.append(line)
            sources.append(Span(at, at + len(line)))
    return MappedText.join_pieces(texts, sources)
