"""The HTML report as markup: every finding highlighted at its span, nothing loaded from outside,
hostile article text inert, a folder run indexed worst first. (tests/test_report_html_browser.py
opens it in Chromium.)"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import lint

from lint.cli import cli
from lint.document.span import Span
from lint.findings import Finding, Severity
from lint.report.html_report import Article, render_articles
from lint.results import FileResult

STORY = (
    "# Harbor council approves budget\n"
    "\n"
    "The council met near the united states border,and voted.Then it left.\n"
    "\n"
    "Pro Tip: read the fine print before the vote.\n"
    "\n"
    "The mayor said TK dollars would go to schools.\n"
)

HOSTILE = (
    "# Budget <script>document.title='owned'</script>\n"
    "\n"
    "The council met near the united states border. <img src=x onerror=\"document.title='img'\">\n"
    "\n"
    "Read [more](javascript:document.title='link') and <a href=\"javascript:alert(1)\">this</a>.\n"
    "\n"
    "</style><style>body{display:none}</style></script><script>alert(2)</script> TK\n"
    "\n"
    "<iframe src=\"https://example.com/\"></iframe> <link rel=stylesheet href=\"https://example.com/x.css\">\n"
)


class Page(HTMLParser):
    """Collects every tag's attributes and, per finding id, the text of its highlight pieces."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.pieces: dict[str, list[dict[str, str]]] = defaultdict(list)
        self.text: dict[str, str] = defaultdict(str)
        self.open_marks: list[str] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._raw: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        self.tags.append((tag, found))
        if tag == "mark":
            self.open_marks.append(found.get("data-finding", ""))
            self.pieces[found.get("data-finding", "")].append(found)
        elif tag in ("script", "style"):
            self._raw = self.scripts if tag == "script" else self.styles
            self._raw.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.open_marks.pop()
        elif tag in ("script", "style"):
            self._raw = None

    def handle_data(self, data: str) -> None:
        if self._raw is not None:
            self._raw[-1] += data
        for fid in self.open_marks:
            self.text[fid] += data


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    return parser


def test_every_finding_has_a_highlight_at_its_span_and_an_item_in_the_list():
    result = lint(STORY, "story.md")
    assert len(result.findings) == 5
    page = parse(render_articles([Article(result, STORY)]))
    items = [a for tag, a in page.tags if tag == "li" and "item" in a.get("class", "")]
    assert len(items) == 5
    for n, f in enumerate(sorted(result.findings, key=lambda f: (f.span.start, -f.span.end)), 1):
        fid = f"a1-f{n}"
        assert {p["data-rule"] for p in page.pieces[fid]} == {f.rule}
        assert page.text[fid] == STORY[f.span.start : f.span.end].replace("\n", "")
        assert any(p.get("id") == fid for p in page.pieces[fid])  # the list links here
        assert any(a["data-finding"] == fid and a["data-rule"] == f.rule for a in items)


def test_overlapping_spans_across_lines_and_points_each_keep_their_pieces():
    text = "First line here.\nSecond line, longer.\nThird.\n"

    def at(rule: str, start: int, end: int, severity: Severity = Severity.WARNING) -> Finding:
        return Finding(rule, "structure", severity, Span(start, end), f"{rule} message")

    found = [
        at("outer", 6, 30),  # from "line here." across the break into "Second line"
        at("inner", 11, 15, Severity.ERROR),  # "here", inside outer
        at("crossing", 13, 40),  # starts inside inner, ends after outer
        at("point", 23, 23, Severity.INFO),  # an insertion point: an empty mark
        at("last", 38, 44),  # "Third." on the last line
    ]
    page = parse(render_articles([Article(FileResult("t.txt", words=8, findings=found), text)]))
    ordered = sorted(found, key=lambda f: (f.span.start, -f.span.end))
    for n, f in enumerate(ordered, 1):
        assert page.text[f"a1-f{n}"] == text[f.span.start : f.span.end].replace("\n", ""), f.rule
        assert {p["data-rule"] for p in page.pieces[f"a1-f{n}"]} == {f.rule}
    assert len(page.pieces["a1-f1"]) >= 2  # outer: reopened around "crossing" and on line 2


def test_no_outside_references_and_a_strict_policy():
    page_text = render_articles([Article(lint(HOSTILE, "hostile.md"), HOSTILE)])
    page = parse(page_text)
    for tag, attrs in page.tags:
        for name in ("src", "href", "action", "srcset", "xlink:href", "poster", "data"):
            if name in attrs:
                assert attrs[name].startswith("#"), (tag, name, attrs[name])
    metas = [a for tag, a in page.tags if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert len(metas) == 1
    policy = metas[0]["content"]
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy and "base-uri 'none'" in policy

    def digest(code: str) -> str:
        return "sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode()

    # Exactly one script and one style, ours, each allowed by its hash.
    assert len(page.scripts) == 1 and f"script-src '{digest(page.scripts[0])}'" in policy
    assert len(page.styles) == 1 and f"style-src '{digest(page.styles[0])}'" in policy
    assert page_text.index("Content-Security-Policy") < page_text.index("<style>")


def test_hostile_article_text_is_only_ever_text():
    result = lint(HOSTILE, "<b>hostile</b>.md")
    page_text = render_articles([Article(result, HOSTILE)])
    page = parse(page_text)
    tags = [tag for tag, _ in page.tags]
    assert tags.count("script") == 1 and tags.count("style") == 1
    assert not {"img", "iframe", "link", "a"} & {t for t in tags if t != "a"}
    for tag, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not any("javascript:" in value for name, value in attrs.items() if name in ("href", "src")), attrs
    # The words are all there, escaped, as text.
    assert "&lt;script&gt;document.title=&#x27;owned&#x27;&lt;/script&gt;" in page_text
    assert "&lt;/style&gt;&lt;style&gt;body{display:none}" in page_text
    assert "&lt;b&gt;hostile&lt;/b&gt;.md" in page_text


def test_a_folder_run_starts_with_an_index_worst_first_and_a_chart():
    clean = "# Budget vote\n\nThe council voted on Tuesday.\n"
    results = [Article(lint(clean, "clean.md"), clean), Article(lint(STORY, "story.md"), STORY),
               Article(FileResult("photo.txt", error="binary file (contains NUL bytes), not an article"))]
    page_text = render_articles(results)
    index = page_text[page_text.index('<section id="index"') : page_text.index('<section class="article"')]
    rows = re.findall(r'<tr[^>]*><td[^>]*>([^<]*)</td><td><a href="#(a\d)">([^<]*)</a>', index)
    assert rows == [("3", "a2", "story.md"), ("100", "a1", "clean.md"), ("–", "a3", "photo.txt")]
    bars = re.findall(r'<rect class="bar (\w+)"[^>]*><title>([^<]*)</title>', index)
    assert bars == [("warning", "typography: 2 warnings"), ("warning", "boilerplate: 1 warning"),
                    ("error", "casing: 1 error"), ("error", "placeholder: 1 error")]
    assert "not linted: binary file" in index


def test_cli_writes_the_html_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.md").write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--format", "html", "-o", "report.html", "story.md"])
    assert result.exit_code == 1
    assert result.stderr.strip() == "Found 5 findings (2 errors, 3 warnings) in 1 file."
    page = parse((tmp_path / "report.html").read_text(encoding="utf-8"))
    assert sorted(p[0]["data-rule"] for p in page.pieces.values()) == [
        "missing-space", "missing-space", "placeholder-text", "proper-noun-case", "template-callout"]
