"""seo-leftover: notes for the writer, the SEO tool or the AI model published with the article.

Leftovers have a shape more than a wording: a label from the vocabulary of search optimisation
and meta-writing ("Keywords", "Meta description", "Slug", "Internal linking", "AI detection")
followed by a colon and a value about the article itself ("The article is optimized for ...",
"Included a link to ...") or in the form of a meta field (a keyword list, a word count, a
URL slug). They come as one line or as a block: an "SEO Notes:" line and its list of fields.
Articles that discuss SEO for readers use the same words in sentences and definitions, not in
this shape, and front matter (`keywords:`, `description:`) is metadata, never prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from functools import cache

from lint.checks._leftover_lines import Line, prose_lines, removal_span
from lint.checks.base import Check, HouseStyle, option
from lint.datafiles import data_lines
from lint.document.model import BlockKind, Document
from lint.document.span import Span
from lint.findings import Finding, Fix, Severity
from lint.patterns import compile_pattern, lazy_re

# "Label: value" with a short label that is not a sentence, a time or a URL scheme.
_FIELD = lazy_re(r"^(?P<label>[^\W\d][^:.!?\n]{0,58}?)\s*:(?!//)\s*(?P<value>.*)$", re.S)
# Words that make a label-only line the heading of a notes block ("SEO Notes:", "Meta data").
_HEADER_SUFFIX = (
    r"(?:\s+(?:notes?|checklist|details|information|info|data|elements|summary|breakdown|analysis|report"
    r"|considerations|optimi[sz]ations?|strategy|suggestions|recommendations|fields|metadata|section"
    r"|and meta(?:data)?|(?:&|and) (?:seo|metadata|keywords)))*"
)
# The value talks about the article as a piece of work ("The article is optimized for ...",
# "The piece answers ...").
_WORK_NOUN = (
    r"(?:news\s+|blog\s+|rewritten\s+|revised\s+)?(?:article|post|piece|story|text|content|copy|draft"
    r"|headline|title"
    r"|writing(?:\s+style)?|tone|framing|structure|intro(?:duction)?|conclusion|lede|paragraphs?|sections?"
    r"|rewrite"
    r"|version|subheadings?|headings?|word\s+count)"
)
_SELF_REFERENCE = lazy_re(
    r"^(?:the|this|our|my)\s+(?:news\s+|blog\s+|rewritten\s+)?(?:article|post|piece|story|draft"
    r"|rewrite)(?:['’]s)?"
    r"\s+(?!of\b|and\b|or\b|that\b|which\b)[a-z]"
    rf"|\b(?:the|this|our|my|your)\s+{_WORK_NOUN}(?:['’]s)?\s+(?:is|are|was|has|have|uses?|used|includes?"
    rf"|included"
    r"|aims?|follows?|targets?|avoids?|incorporates?|contains?|features?|provides?|reads?|remains?"
    r"|maintains?|stays?"
    r"|(?:\w+ly\s+)?(?:optimi[sz]ed|structured|written|dated|designed|framed|kept|tailored))\b",
    re.I,
)
# The value reports what the writer did, in the past tense and without a subject.
_WRITER_REPORT = lazy_re(
    r"^(?:included|includes|added|used|incorporated|integrated|inserted|placed|kept|maintained|avoided"
    r"|ensured|targeted|optimi[sz]ed|structured|wrote|written|utili[sz]ed|emphasi[sz]ed|highlighted"
    r"|naturally|strategically|sprinkled|woven|varied|linked|mentioned|embedded)\b",
    re.I,
)
# A definition, as an article about SEO writes it ("Meta description: a short summary ...").
_DEFINITION = lazy_re(
    r"^(?:an?|the (?:text|words?|part|summary|snippet|description|title|name|tag|page|url|address|phrase"
    r"|term)s?"
    r"|this is|these are|it|they|used|refers?|describes?|shows?|tells?|helps?|is|are|what|how"
    r"|when|where|why|words?|terms?|phrases?|text|short|brief|each|every|your|you|use|make|keep|write"
    r"|avoid|include|add|think|try|don['’]t|do|should|must)\b",
    re.I,
)
_NUMBER = lazy_re(
    r"^(?:about|approximately|approx\.?|around|roughly|~|under|over"
    r"|at least)?\s*\d[\d,.]*(?:\s*[-–]\s*\d[\d,.]*)?"
    r"\s*(?:words?|characters?|chars|minutes?|mins?)?\s*(?:\(.*\))?\.?$",
    re.I,
)
_SLUG = lazy_re(r"^[\"'“`]?/?[a-z0-9]+(?:-[a-z0-9]+){1,}/?[\"'”`]?\.?$")
_HASHTAGS = lazy_re(r"^#[^\W\d_]\w*(?:[\s,]+#[^\W\d_]\w*){2,}$")
_LIST_SPLIT = lazy_re(r"\s*[,;|]\s*|\s+[•·]\s+")
# Labels whose value is a keyword, keyphrase, title or description to paste into the CMS.
_PASTE_LABEL = lazy_re(
    r"key\s?words?|key\s?phrases?|meta|title tag|seo title|slug|og:|open graph|hashtags?|tags?$", re.I
)
_SLUG_LABEL = lazy_re(r"slug|url|permalink", re.I)
# Meta-writing terms anywhere in a line ("Keyword density is around 1.5 percent").
_SEO_TERM = lazy_re(
    r"\b(?:seo|key\s?words?|key\s?phrases?|meta (?:description|title|tags?)|title tags?|slug|internal links?"
    r"|internal linking|backlinks?|anchor text|schema markup|featured snippets?|search intent|serp"
    r"|keyword density"
    r"|readability score|flesch|ai detect(?:ion|ors?)|plagiarism|alt text|e-?e-?a-?t|word count"
    r"|search engines?)\b",
    re.I,
)
# A header that announces notes, not a topic: "SEO notes", "Key SEO elements used", "Headline options".
_EXPLICIT_HEADER = lazy_re(
    r"\b(?:notes?|checklist|details|data|information|info|elements|analysis|report|breakdown|options"
    r"|suggestions"
    r"|recommendations|used|applied|included|summary|fields|metadata)\b",
    re.I,
)
_ADVICE = lazy_re(
    r"(?:make|use|design|summari[sz]e|write|add|include|keep|avoid|follow|ensure|check|consider|try"
    r"|don['’]t|do|create"
    r"|choose|put|give|place|think|start|test|provide|optimi[sz]e|link|update|review|remember|find|let|be"
    r"|get|set"
    r"|limit|aim|focus|target|research|identify|monitor|measure|track|ask|plan|publish|share|tag|describe"
    r"|label)\b",
    re.I,
)
_META_LABEL = lazy_re(r"meta[\s-]?(?:description|title|keywords?|tags?)$", re.I)
_SEO_WORD = lazy_re(r"\bseo\b", re.I)  # "SEO-friendly title", "SEO score": any label naming SEO
_WORD_TOTAL = lazy_re(
    r"^(?:about |approx\.? |approximately |around |~)?\d[\d,]*\s*(?:words|characters)\b", re.I
)
# A label that starts after a sentence end, an opening parenthesis, or glued to a word
# ("expected.Keywords:", "rose. Word count: 800", "(Focus keyphrase: ...").
# (Each branch takes the character before the label, rather than looking back at it from every
# position: the engine scans for those characters. The label and the match's end are the same.)
_INLINE_LABEL = lazy_re(
    r"(?:[.!?…”\"]\s*|[a-z](?=[A-Z])|\(\s*)(?P<label>[A-Z][A-Za-z\- ]{1,40}?)\s*:\s+"
)
_VALUE_END = lazy_re(r"[.!?](?=\s+[A-Z]|[A-Z])|\)")
_PARENTHESIS = lazy_re(r"\s*\([^)]*\)")
_COUNT_LABEL = lazy_re(r"count|length|words|reading|time", re.I)
_KEYWORD_LABEL = lazy_re(r"key\s?words?|key\s?phrases?|tags?$|hashtags?", re.I)
_SERIES_END = lazy_re(r"\b(?:and|or)\s+\w+$")  # "... and Berlin"


@cache
def _vocabulary(name: str, extra: tuple[str, ...] = ()) -> re.Pattern[str]:
    """The label vocabulary of one data file as one regex that must match a whole label."""
    fragments = list(data_lines(f"seo/{name}.txt"))
    fragments += [re.escape(word) for word in extra]
    body = "|".join(f"(?:{f})" for f in fragments)
    qualifier = r"(?:(?:suggested|primary|secondary|main|additional|final|seo|recommended|proposed)\s+)?"
    return compile_pattern(rf"^{qualifier}(?:{body}){_HEADER_SUFFIX}$", re.I)


class Kind(Enum):
    HEADER = "header"  # "SEO Notes:": a label line that opens a block of notes
    CERTAIN = "certain"  # a meta field that no reader-facing copy has
    CANDIDATE = "candidate"  # meta-writing vocabulary that needs company to count
    WEAK = "weak"  # a field with a label from the vocabulary but no other sign; joins, never starts
    FIELD = "field"  # some other "Label: value" line, a note only under a header
    ITEM = "item"  # a list item or line without a label, a note only under a header


@dataclass(slots=True)
class Note:
    line: Line
    kind: Kind
    label: str
    about_article: bool = False  # the value talks about the article or what the writer did
    explicit: bool = False  # a header that says it opens notes ("SEO notes", "Headline options")


@dataclass(frozen=True)
class Options:
    extra_labels: tuple[str, ...] = option(
        (),
        "More labels (plain words) the outlet's writers or tools leave behind, \"Editor checklist\", say.",
    )
    edge_lines: int = option(
        4,
        "How many prose lines at the start and at the end of the article count as its edges, where a bare \"Meta "
        "description: ...\" line is a leftover even without other evidence.",
    )


class SeoLeftover(Check):
    """A leftover is reported once, as one finding spanning the whole block, with a fix that
    deletes it (safe when the block is exactly a notes heading and its list of fields)."""

    id = "seo-leftover"
    category = "seo"
    severity = Severity.ERROR
    Options = Options
    summary = "Notes for the writer, SEO tool or AI model left in the article (Keywords:, SEO Notes:, Slug:)."
    why = (
        "Keyword lists, meta descriptions and notes about how the article was optimized are written for "
        "the CMS or the writer. Published, they tell readers the story was made for search engines, "
        "and they read as an editing accident."
    )
    bad = (
        "The talks resume on Monday.\n\nKeywords: budget, council, vote, taxes\n\nSEO Notes:\n"
        "* Focus keyphrase: The article targets \"council budget vote\".\n"
        "* Internal linking: Added a link to last year's story."
    )
    good = "The talks resume on Monday."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        strong = _vocabulary("strong_labels", tuple(options.extra_labels))
        weak = _vocabulary("weak_labels")
        lines = prose_lines(doc)
        notes: list[Note | None] = [None] * len(lines)
        plain = []  # lines with no colon, no "#", not a heading: at most an item of a notes block
        for i, line in enumerate(lines):
            if ":" in line.text or "#" in line.text or line.block.kind is BlockKind.HEADING:
                notes[i] = _classify(line, i, len(lines), strong, weak, options.edge_lines)
            else:
                plain.append(i)
        # An item counts only under a header (see _groups): without one, plain lines are nothing.
        if any(note is not None and note.kind is Kind.HEADER for note in notes):
            for i in plain:
                notes[i] = _item(lines[i], _bare(lines[i]))
        reported: set[int] = set()
        for group in _groups(lines, notes):
            if _is_leftover(group):
                reported.update(id(n.line) for n in group)
                yield self._report(doc, group)
        for line in lines:
            if id(line) not in reported and ":" in line.text:
                yield from self._inline_fields(line, strong)

    def _inline_fields(self, line: Line, strong: re.Pattern[str]) -> Iterator[Finding]:
        """A meta field run into the end of a paragraph when line breaks were lost:
        "... are expected.Keywords: budget, council, vote"."""
        text = line.text
        for m in _INLINE_LABEL.finditer(text):
            label = m.group("label").strip()
            if m.start("label") == 0 or not strong.match(label):
                continue  # a field that opens the line is judged with its neighbours above
            end = _VALUE_END.search(text, m.end())
            value_end = end.start() if end else len(text)
            value = text[m.end() : value_end].strip().rstrip(".")
            about_article = _SELF_REFERENCE.search(value[:120]) or _WRITER_REPORT.match(value)
            if _field_value(label, value) or about_article:
                yield self.finding(
                    line.block.text.span(line.start + m.start("label"), line.start + value_end),
                    f"A “{label}” field for the writer or SEO tool is run into the text here: delete it.",
                )

    def _report(self, doc: Document, group: list[Note]) -> Finding:
        first, last = group[0].line, group[-1].line
        span = Span(first.span.start, last.span.end)
        labels = list(dict.fromkeys(n.label for n in group if n.label))
        named = ", ".join(f"“{label}”" for label in labels[:3]) + (", …" if len(labels) > 3 else "")
        a, b = doc.position(span.start).line, doc.position(span.end).line
        where = f"line {a}" if a == b else f"lines {a}–{b}"
        message = (
            f"Notes for the writer or SEO tool left in the article ({named}, {where}): "
            "readers should not see them; delete them."
        )
        safe = (
            group[0].kind is Kind.HEADER
            and len(group) > 1
            and all(n.kind is not Kind.HEADER and _FIELD.match(n.line.text.strip("*_ ")) for n in group[1:])
            and first.first_in_block
            and last.last_in_block
            and doc.format != "html"
        )
        return self.finding(span, message, fix=Fix(removal_span(doc, first, last), "", safe=safe))


def _classify(line: Line, index: int, count: int, strong: re.Pattern[str], weak: re.Pattern[str],
              edge_lines: int) -> Note | None:
    text = _bare(line)
    field = _FIELD.match(text) if ":" in text else None
    if field is None or not field.group("value").strip():
        # A label on a line of its own: "SEO Notes:", "## Keywords", "Key SEO elements used:".
        label = text.rstrip(":").strip().strip("*_").strip()
        if (text.endswith(":") or line.block.kind is BlockKind.HEADING) and len(label.split()) <= 6:
            if strong.match(label):
                return Note(line, Kind.HEADER, label, explicit=bool(_EXPLICIT_HEADER.search(label)))
            if _SEO_TERM.search(label) and _EXPLICIT_HEADER.search(label):
                return Note(line, Kind.HEADER, label, explicit=True)
        if _HASHTAGS.match(text):
            return Note(line, Kind.CERTAIN, "hashtags")  # "#Budget #Council #Vote": social copy
        return _item(line, text)
    # "SEO Title (60 characters)": the parenthesis says how to fill the field, not what it is.
    label = _PARENTHESIS.sub("", field.group("label")).strip().strip("*_").strip()
    value = field.group("value").strip().strip("*_").strip()
    if len(label.split()) > 6:
        return None
    self_ref = bool(_SELF_REFERENCE.search(value[:120]) or _WRITER_REPORT.match(value))
    if strong.match(label) or _SEO_WORD.search(label):
        at_edge = index < edge_lines or index >= count - edge_lines
        # The article's last lines are where notes are left: there any meta field counts.
        at_end = index >= count - 2
        pasted = (at_edge and _PASTE_LABEL.search(label)) or at_end
        # "SEO title: ...", "Meta description: ...": a field no reader-facing copy fills in.
        explicit = bool(_SEO_WORD.search(label) or _META_LABEL.match(label))
        if self_ref or _field_value(label, value) or ((pasted or explicit) and not _DEFINITION.match(value)):
            return Note(line, Kind.CERTAIN, label, self_ref)
        if not _DEFINITION.match(value):
            return Note(line, Kind.CANDIDATE, label, self_ref)
        return Note(line, Kind.WEAK, label, self_ref)
    if weak.match(label):
        if _WORD_TOTAL.match(value):
            return Note(line, Kind.CERTAIN, label)  # "Length: 750 words": a brief, not a story
        return Note(line, Kind.CANDIDATE if self_ref else Kind.WEAK, label, self_ref)
    return Note(line, Kind.FIELD, label, self_ref or bool(_SEO_TERM.search(value)))


def _bare(line: Line) -> str:
    text = line.text.strip().strip("*_").strip()
    if text[:1] in "([" and text[-1:] in ")]":
        text = text[1:-1].strip()  # "(Word count: 612)", "[Keywords: ...]"
    return text


def _item(line: Line, text: str) -> Note | None:
    """An unlabelled line (`text`: see _bare) may be an item of a notes block (see _joins_header).
    (Whether it talks about the article is asked only under a header, in _is_leftover.)"""
    return Note(line, Kind.ITEM, "") if len(text) <= 200 and len(text.split()) <= 25 else None


def _field_value(label: str, value: str) -> bool:
    """A value shaped like a CMS field: a keyword list, a count, a slug, a short keyphrase."""
    if _NUMBER.match(value) and _COUNT_LABEL.search(label):
        return True
    if _SLUG.match(value):
        return bool(_SLUG_LABEL.search(label) or _PASTE_LABEL.search(label))
    if _KEYWORD_LABEL.search(label):
        items = [item for item in _LIST_SPLIT.split(value.rstrip(".")) if item]
        if len(items) >= 3 and all(len(item.split()) <= 4 for item in items):
            return True
        if len(value.split()) <= 6 and not _DEFINITION.match(value) and not value.endswith(("?", "!")):
            return True
    return False


def _groups(lines: list[Line], notes: list[Note | None]) -> Iterator[list[Note]]:
    """Runs of neighbouring note lines. Plain fields and unlabelled lines join a run only after a
    header; weak fields join a run but do not start one."""
    group: list[Note] = []
    pending: list[Note] = []  # weak fields that may turn out to open a run
    previous: Line | None = None
    for line, note in zip(lines, notes, strict=True):
        adjacent = previous is not None and line.block_index - previous.block_index <= 1
        previous = line
        if group and not adjacent:
            yield group
            group = []
        if not adjacent:
            pending = []
        if note is not None and note.kind is Kind.ITEM and not _joins_header(note, group):
            note = None
        if note is None or (note.kind is Kind.FIELD and not _has_header(group)):
            if group:
                yield group
            group, pending = [], []
        elif note.kind is Kind.WEAK and not group:
            pending.append(note)
        else:
            if not group:
                group, pending = pending, []
            group.append(note)
    if group:
        yield group


def _joins_header(item: Note, group: list[Note]) -> bool:
    """An unlabelled line belongs to a notes block as a list item, as a further line of the
    block's paragraph, or when it talks about keywords or the article; a plain paragraph after
    a notes block is the story going on."""
    if not _has_header(group):
        return False
    line = item.line
    return (
        line.block.kind is BlockKind.LIST_ITEM or not line.first_in_block
        or _talks_about_article(line.text) or _term_list(line.text)
    )


def _term_list(text: str) -> bool:
    """A bare list of search terms: "Ukraine, NATO, peace talks, Berlin" or "#Budget #Council #Vote"."""
    text = text.strip().rstrip(".")
    if _HASHTAGS.match(text):
        return True
    items = [item for item in _LIST_SPLIT.split(text) if item]
    short_terms = all(1 <= len(item.split()) <= 3 and not item.endswith(("?", "!")) for item in items)
    # A sentence's own series ends "... and Berlin"; a keyword list does not.
    return len(items) >= 4 and short_terms and not _SERIES_END.search(items[-1])


def _talks_about_article(text: str) -> bool:
    return bool(_SEO_TERM.search(text) or _SELF_REFERENCE.search(text))


def _has_header(group: list[Note]) -> bool:
    return any(n.kind is Kind.HEADER for n in group)


def _is_leftover(group: list[Note]) -> bool:
    kinds = [n.kind for n in group]
    if Kind.CERTAIN in kinds:
        return True
    if Kind.HEADER in kinds:
        at = kinds.index(Kind.HEADER)
        # Advice to readers ("Use keywords your audience uses") under "SEO checklist:" is an article
        # about SEO; notes left behind describe this article instead.
        items = [
            n for n in group[at + 1 :]
            if n.kind is not Kind.HEADER and not _ADVICE.match(n.line.text.lstrip("*_ "))
        ]
        if items and (group[at].explicit or any(
            n.kind is Kind.CANDIDATE or n.about_article
            or (n.kind is Kind.ITEM and (_talks_about_article(n.line.text) or _term_list(n.line.text)))
            for n in items
        )):
            # A notes heading and its list, or a heading whose list is written about the article.
            return True
    return kinds.count(Kind.CANDIDATE) >= 2
