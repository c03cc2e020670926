"""markup-debris: markup that shows as text: Markdown in plain text or HTML, tags in plain text,
HTML entities left undecoded, doubled bullets and stray arrows or slashes at the end of a line.

Evidence is structural, not a phrase list: Markdown's own syntax (`**bold**`, `### heading`) where
the format does not render it; HTML element names from the HTML standard inside angle brackets in
plain text; entity references (`&amp;nbsp;`, `&#8217;`, or an entity name left without its `&`,
"nbsp;") in prose; a bullet character right after a list marker; a lone `>` or `/` ending a line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.checks._tokens import prose_texts
from lint.checks.base import Check, HouseStyle
from lint.document.mapped import MappedText
from lint.document.model import BlockKind, Document
from lint.findings import Finding, Fix, Severity
from lint.patterns import lazy_re

_BOLD = lazy_re(r"(?<![\w*])(?P<mark>\*\*|__)(?=[^\s*_])(?P<inner>[^*\n]{1,200}?)(?<=[^\s*_])(?P=mark)(?![\w*])")
_HEADING_MARK = lazy_re(r"^(?P<mark>#{1,6})[ \t]+(?=\S)")
# Element names of the HTML standard that turn up pasted into copy.
_TAGS = (
    "a abbr article aside audio b blockquote body br button caption cite code div em embed figcaption "
    "figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input label li link "
    "main meta nav noscript ol p picture pre script section small source span strong style sub sup "
    "table tbody td th thead tr u ul video"
).split()
_TAG = lazy_re(rf"</?(?:{'|'.join(_TAGS)})(?:\s+[a-zA-Z-]+(?:=(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s<>]+))?)*\s*/?>", re.I)
# A tag that lost its "<" on the way (its quotes often curled too): `p class=”byline”>`. Only the
# structure is evidence (an element name, attributes with quoted values, a closing ">"), so prose
# that mentions a tag by name is left alone.
_QUOTES = "\"'“”‘’"
_TAG_REMNANT = lazy_re(
    rf"(?<![\w<])(?:{'|'.join(_TAGS)})(?:\s+[a-zA-Z-]+=[{_QUOTES}][^{_QUOTES}<>\n]{{0,200}}[{_QUOTES}])+\s*/?>", re.I
)
# Entities: double-escaped anywhere; plain ones in text that is not decoded; names without "&".
_DOUBLE_ENTITY = lazy_re(r"&amp;(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")
_ENTITY = lazy_re(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")
_ENTITY_NAMES = "nbsp amp quot apos lt gt rsquo lsquo rdquo ldquo mdash ndash hellip laquo raquo copy reg trade"
_BARE_ENTITY = lazy_re(rf"(?<![&\w#])(?:{_ENTITY_NAMES.replace(' ', '|')});")
# Escapes left from JSON or a program's string ("He said \\"no\\"", "it\\u2019s", "line\\nline").
_ESCAPE = lazy_re(r"(?:\\[nrt])+(?=[A-Z\s]|$)|\\[\"'’]|\\u[0-9a-fA-F]{4}")
# A Markdown link in text that is not Markdown: "[the report](https://example.com/report)".
_MD_LINK = lazy_re(r"\[(?P<label>[^\[\]\n]{1,200})\]\((?P<url>(?:https?://|www\.|/)[^)\s]{1,500})\)")
_BULLETS = "•·◦▪‣●■"
_DOUBLED_BULLET = lazy_re(rf"^[{_BULLETS}*\-–](?=\s)|(?<=\s)[{_BULLETS}](?:\s+[{_BULLETS}])+(?=\s)")
_BULLET = lazy_re(rf"[{_BULLETS}]")
_LINE_END_MARK = lazy_re(r"(?<=\S)\s+(?P<mark>>|/|&gt;)\s*$")


class MarkupDebris(Check):
    id = "markup-debris"
    category = "typography"
    severity = Severity.WARNING
    summary = (
        "Markup showing as text: **Markdown** in plain text or HTML, <tags> in plain text, entities "
        "such as &amp;nbsp;, doubled bullets, a stray > or / at the end of a line."
    )
    why = (
        "Copy pasted between a CMS, a chat assistant and a web page carries its markup along; where "
        "the format does not render it, readers see asterisks, hash marks, tags and entity codes. "
        "Markdown in a Markdown file and entities that the HTML parser decodes are fine."
    )
    bad = "The council met on Monday&amp;nbsp; and approved the budget.\n\n- • Turnout was high."
    good = "The council met on Monday and approved the budget.\n\n- Turnout was high."

    def run(self, doc: Document, options: object, house: HouseStyle) -> Iterator[Finding]:
        plain = doc.format != "markdown"  # Markdown syntax shows as text only outside Markdown
        for block in doc.blocks:
            if block.kind is BlockKind.LIST_ITEM and block.is_prose:
                yield from self._bullets(doc, block.text, list_item=True)
            elif block.is_prose:
                yield from self._bullets(doc, block.text, list_item=False)
        # Each pattern below needs a character or two that most texts lack ("**", "](", a backslash,
        # "<", "=" and ">", ";"): a substring test first skips the pattern, which tries every position.
        for text in prose_texts(doc):
            prose = text.text
            if plain:
                for m in _BOLD.finditer(prose) if "**" in prose or "__" in prose else ():
                    inner = m.group("inner")
                    yield self._report(
                        doc, text, m.start(), m.end(),
                        f"Markdown bold marks “{m.group('mark')}” show as text around “{_short(inner)}”: "
                        "remove them (or make the text bold in the CMS).",
                        inner,
                    )
                m = _HEADING_MARK.match(prose)
                if m:
                    yield self._report(
                        doc, text, 0, m.end(),
                        f"Markdown heading marks “{m.group('mark')}” show as text: remove them and make "
                        "the line a heading.",
                        "",
                    )
            if plain and "](" in prose:
                for m in _MD_LINK.finditer(prose):
                    yield self._report(
                        doc, text, m.start(), m.end(),
                        f"A Markdown link shows as text: “{_short(m.group())}”. Make “{_short(m.group('label'))}” a "
                        "link in the CMS, or remove the markup.",
                        m.group("label"),
                    )
            for m in _ESCAPE.finditer(prose) if "\\" in prose else ():
                what = "break the line there" if m.group()[1] in "nrt" else "write the character itself"
                yield self._report(
                    doc, text, m.start(), m.end(),
                    f"An escape sequence shows as text: “{m.group()}” (left from a program or a feed): {what}.",
                    None,
                )
            if ">" in prose:  # every tag and tag remnant ends with ">"
                tags = list(_TAG.finditer(prose)) if doc.format == "text" else []
                if "=" in prose:  # a remnant is known by its attributes
                    tags += [m for m in _TAG_REMNANT.finditer(prose) if not _inside(m, [t.span() for t in tags])]
                for m in tags:
                    yield self._report(
                        doc, text, m.start(), m.end(),
                        f"An HTML tag shows as text: “{_short(m.group())}”. Remove it.", "",
                    )
            if ";" not in prose:
                continue  # every entity ends with ";"
            doubled = [(m.start(), m.end()) for m in _DOUBLE_ENTITY.finditer(prose)]
            for start, end in doubled:
                yield self._report(
                    doc, text, start, end,
                    f"An escaped HTML entity shows as text: “{prose[start:end]}”. Remove it or write the "
                    "character.",
                    None,
                )
            # Plain text is never decoded; in Markdown and HTML an entity left in the decoded prose
            # was escaped twice in the source ("&amp;nbsp;").
            for m in _ENTITY.finditer(prose):
                if not _inside(m, doubled):
                    yield self._report(
                        doc, text, m.start(), m.end(),
                        f"An HTML entity shows as text: “{m.group()}”. Write the character it stands for.",
                        None,
                    )
            for m in _BARE_ENTITY.finditer(prose):
                if not _inside(m, doubled):
                    yield self._report(
                        doc, text, m.start(), m.end(),
                        f"“{m.group()}” is an HTML entity that lost its “&”: remove it or write the character.",
                        None,
                    )
        for block in doc.prose_blocks:
            if block.kind is BlockKind.QUOTE:
                continue  # "> " marks a quotation in Markdown and e-mail
            prose = block.text.text
            if not prose.rstrip().endswith((">", "/", "&gt;")):
                continue  # the mark is the last thing in the text (and the pattern tries every position)
            m = _LINE_END_MARK.search(prose)
            if m is None or _TAG.search(prose[max(0, m.start() - 200) : m.end()]):
                continue
            span = block.text.span(m.start("mark"), m.end("mark"))
            line_start = doc.source.rfind("\n", 0, span.start) + 1
            if doc.source[span.start : span.end] != m.group("mark") or not doc.source[line_start : span.start].strip():
                continue  # the mark came from markup (a quotation's "> "), not from the text
            yield self._report(
                doc, block.text, m.start("mark"), m.end("mark"),
                f"A stray “{m.group('mark')}” ends this line (a link arrow or markup left behind): remove it.",
                "",
            )

    def _bullets(self, doc: Document, text: MappedText, list_item: bool) -> Iterator[Finding]:
        prose = text.text
        # A finding needs a bullet character (none is ASCII): a lone "*", "-" or "–" opening the text is none.
        if prose.isascii() or not _BULLET.search(prose):
            return
        for m in _DOUBLED_BULLET.finditer(prose):
            if m.start() == 0 and not list_item:
                continue
            if m.start() == 0 and m.group() in "*-–":
                continue  # "- - " is rare; "* note" after a bullet is a footnote marker
            start = m.start()
            yield self._report(
                doc, text, start, m.end(),
                "A doubled bullet (“• •”): the list marker is there twice. Keep one.",
                None if m.start() else "",
            )

    def _report(
        self, doc: Document, text: MappedText, start: int, end: int, message: str, replacement: str | None
    ) -> Finding:
        span = text.span(start, end)
        fix = None
        if replacement is not None and doc.source[span.start : span.end] == text.text[start:end]:
            fix = Fix(span, replacement, safe=False)
        return self.finding(span, message, fix=fix)


def _inside(m: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    return any(start <= m.start() < end for start, end in spans)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
