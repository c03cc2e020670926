"""Property-based tests: random and adversarial text through the whole pipeline, every format.

Parse plus every default check (lint.engine.lint_text with the default preset) must not raise,
every finding must lie inside the file with line and column that agree with its span, and the
same input must give the same output. Example counts stay modest so CI stays fast; set
NEWSLINT_PROPERTY_PROFILE=deep to search longer (random seeds, many more examples).
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

from helpers import make_config
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.engine import lint_text
from lint.results import FileResult

settings.register_profile(
    "newslint-ci", max_examples=60, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "newslint-deep", max_examples=1000, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = settings.get_profile(
    "newslint-deep" if os.environ.get("NEWSLINT_PROPERTY_PROFILE") == "deep" else "newslint-ci"
)

# Pieces that parsers treat specially, and characters that break naive line or width logic.
MARKUP = [
    "<div>", "</div>", "<p>", "</p>", "<b>", "<a href='x'>", "</a>", "<br>", "<img alt='a' src='b'>",
    "<script>", "</script>", "<table><tr><td>", "</td></tr></table>", "<h2>", "</h2>", "<article>", "<",
    ">", "<!--", "-->", "<!DOCTYPE html>", "&amp;", "&nbsp;", "&#x1F600;", "&#0;", "&bogus;", "&",
    "{{< figure >}}", "{{% note %}}", "{{", "}}", "{%", "%}", "{#", "#}", "[", "]", "(", ")", "![",
    "[link](http://x.y)", "[^1]", "`", "```", "~~~", "|", "| a | b |", "|---|---|", "---", "+++", "# ",
    "## ", "> ", "- ", "* ", "1. ", "*", "**", "_", "\\", "    ",
]
PROSE = [
    "TK", "TKTK", "lorem ipsum", "[Insert quote]", "Mr. Smith", "U.S.", "Jan. 5", "3.5", "...", "…",
    "“", "”", "‘", "’", '"', "'", "Hello world.", "the the", "The council voted.", "Click here",
    "Read more", "e.g.", "iPhone", "a.m.", "?", "!", ",", ";", ":", "—", "–",
]
TRICKY = [
    "\n", "\n\n", "\r", "\r\n", "\t", "\x00", "\x0b", "\x0c", "\u2028", "\u2029", "\u0085", "\ufeff",
    "\u0301", "e\u0301", "\u200b", "\u200d", "\u00ad", "\u202e", "\u200f", "שלום", "مرحبا", "😀",
    "👩‍👩‍👧", "🇺🇸", "\ufffc", "\ufffd", "ǅ", "ß", "İ", "ﬁ", "\U0001d400",
]

pieces = st.one_of(st.sampled_from(MARKUP), st.sampled_from(PROSE), st.sampled_from(TRICKY))
fragments = st.one_of(
    pieces, pieces, pieces,
    st.text(max_size=12),  # any code point except surrogates, which a decoded file cannot hold
    st.builds(lambda piece, times: piece * times, pieces, st.integers(2, 300)),  # runs: nesting, unclosed openers
)
documents = st.lists(fragments, max_size=80).map("".join)
front_matter = st.sampled_from(["", "---\ntitle: A title\n---\n", "---\n: [\n---\n", "---\n", "+++\nx = 1\n+++\n"])
articles = st.builds(lambda head, body: head + body, front_matter, documents)

FORMATS = {"markdown": "article.md", "html": "article.html", "text": "article.txt"}


@cache
def _resolved(name: str):  # type: ignore[no-untyped-def]
    return make_config({}).for_file(Path(name))


def _lint(name: str, source: str) -> FileResult:
    return lint_text(name, source, _resolved(name))


def _position(source: str, offset: int) -> tuple[int, int]:
    """1-based line and column counted the slow, obvious way: lines end at "\\n"."""
    line = source.count("\n", 0, offset) + 1
    column = offset - (source.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _assert_well_formed(source: str, result: FileResult) -> None:
    assert result.error is None, result.error
    for f in result.findings:
        assert 0 <= f.span.start <= f.span.end <= len(source), (f.rule, f.span, len(source))
        assert (f.line, f.column) == _position(source, f.span.start), (f.rule, f.span)
        assert (f.end_line, f.end_column) == _position(source, f.span.end), (f.rule, f.span)
        assert (f.end_line, f.end_column) >= (f.line, f.column)
        assert f.message.strip() and "\n" not in f.message, (f.rule, f.message)
        if f.fix is not None:
            assert 0 <= f.fix.span.start <= f.fix.span.end <= len(source), (f.rule, f.fix)


def _summary(result: FileResult) -> list[tuple[object, ...]]:
    return [(f.rule, f.span.start, f.span.end, f.line, f.column, f.message, f.severity, f.fix) for f in result.findings]


def _check_properties(name: str, source: str) -> None:
    first = _lint(name, source)
    _assert_well_formed(source, first)
    again = _lint(name, source)
    assert _summary(again) == _summary(first)
    assert again.words == first.words


@PROFILE
@given(articles)
def test_markdown_pipeline_properties(source: str) -> None:
    _check_properties(FORMATS["markdown"], source)


@PROFILE
@given(articles)
def test_html_pipeline_properties(source: str) -> None:
    _check_properties(FORMATS["html"], source)


@PROFILE
@given(articles)
def test_text_pipeline_properties(source: str) -> None:
    _check_properties(FORMATS["text"], source)


# -- findings point at the characters they name ------------------------------------------------

_QUOTED = re.compile(r"“([^”]+)”")
plain_words = st.lists(st.sampled_from(["The", "council", "voted", "on", "budget", "said", "Smith", "TK", "today"]),
                       min_size=1, max_size=12).map(" ".join)
paragraphs = st.lists(plain_words.map(lambda s: s + "."), min_size=1, max_size=6)
separators = st.sampled_from(["\n\n", "\r\n\r\n", "\n\n\n"])


@PROFILE
@given(paragraphs, separators, st.sampled_from(["markdown", "text"]))
def test_placeholder_findings_point_at_the_placeholder(paras: list[str], sep: str, fmt: str) -> None:
    source = "Title line\n\n" + sep.join(paras) + "\n"
    result = _lint(FORMATS[fmt], source)
    _assert_well_formed(source, result)
    placeholders = [f for f in result.findings if f.rule == "placeholder-text"]
    # Which TKs count is the check's business; where a finding points is the pipeline's.
    assert {f.span.start for f in placeholders} <= {m.start() for m in re.finditer(r"\bTK\b", source)}
    for f in placeholders:
        quoted = _QUOTED.search(f.message)
        assert quoted is not None
        snippet = source[f.span.start : f.span.end]
        if re.search(r"\(×\d+, lines? \d", f.message):
            # Repeats folded into one finding: it covers the first occurrence to the last.
            snippet = source[f.span.start : f.span.start + len(quoted.group(1))]
        assert re.fullmatch(r"TK(?:[ \t]+TK)*", snippet), snippet
        assert quoted.group(1) == snippet  # names what it points at
