"""One self-contained HTML page for editors: each article with its problems marked, worst first.

Per article: a score card (quality score, words, readability, counts by severity and category),
the article text with every finding's span highlighted by severity (a `<mark>` carrying
`data-rule`; hover shows the message and fix, a click shows it below), and beside it the list of
findings, grouped by category with errors first, each linked to its highlight. A run over several
files starts with an index (articles by score, worst first) and a chart of findings per category.

Article text is untrusted. Every character of it is escaped; it only ever becomes text nodes and
attribute values, never markup, and the page's Content-Security-Policy allows no script and no
style but this module's own (by hash), and no loads at all (no images, fonts, frames or fetches).
The page works without its script; the script only adds click-to-focus and the filters.

`render_articles` is the reusable entry point (the CLI's `--format html` and any other caller
that has the text and the result of one or more articles); `render` adapts a RunReport.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lint.findings import CATEGORIES, Finding, Severity
from lint.report import RunReport
from lint.results import FileResult
from lint.score import Scoring, penalties, score_of

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
WIDE_SPAN = 300  # longer highlights (a whole paragraph) are underlined, not filled
_UNSAFE_CHARS = re.compile("[\x00\ud800-\udfff]")  # NUL and lone surrogates cannot go into the page


@dataclass(frozen=True)
class Article:
    """One article to show: its lint result and its source text ("" when the text is not at hand)."""

    result: FileResult
    text: str = ""


def render(report: RunReport) -> str:
    articles = [Article(r, report.sources.get(r.path, "")) for r in report.results]
    return render_articles(articles, scoring=report.scoring, version=report.version)


def render_articles(articles: Sequence[Article], *, scoring: Scoring | None = None, version: str = "",
                    title: str = "newslint report") -> str:
    """The whole page for these articles, as one string with no outside references."""
    scoring = scoring or Scoring()
    scored = [(a, score_of(a.result, scoring)) for a in articles]
    parts = [_head(title)]
    total = sum(len(a.result.findings) for a in articles)
    noun = "article" if len(articles) == 1 else "articles"
    parts.append(f'<header class="top"><h1>{_e(title)}</h1><p>{len(articles)} {noun}, {total} '
                 f'finding{"s" if total != 1 else ""} · newslint {_e(version)}</p></header>')
    parts.append(_filters(articles))
    parts.append("<main>")
    if len(articles) > 1:
        parts.append(_index(scored))
    for n, (article, score) in enumerate(scored, 1):
        parts.append(_article(f"a{n}", article, score, scoring))
    parts.append('</main><div id="detail" class="detail" hidden></div>')
    parts.append(f"<script>{SCRIPT}</script></body></html>")
    return "".join(parts)


# -- page frame ---------------------------------------------------------------------------------------

def _head(title: str) -> str:
    csp = (f"default-src 'none'; style-src '{_digest(STYLE)}'; script-src '{_digest(SCRIPT)}'; "
           "img-src 'none'; base-uri 'none'; form-action 'none'")
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
            '<meta name="referrer" content="no-referrer">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(title)}</title><style>{STYLE}</style></head><body>")


def _digest(code: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii")


def _filters(articles: Sequence[Article]) -> str:
    present = {f.category for a in articles for f in a.result.findings}
    boxes = [_box("severity", s.value, s.value) for s in SEVERITIES]
    boxes.append('<span class="sep"></span>')
    boxes += [_box("category", c, c) for c in _ordered_categories(present)]
    # Hidden until the script runs: without it the boxes would do nothing.
    return f'<nav class="filters" hidden aria-label="Filters">Show: {"".join(boxes)}</nav>'


def _box(kind: str, value: str, label: str) -> str:
    return (f'<label><input type="checkbox" checked data-filter="{kind}" value="{_e(value)}"> '
            f'{_e(label)}</label>')


def _ordered_categories(present: set[str]) -> list[str]:
    return [c for c in CATEGORIES if c in present] + sorted(present - set(CATEGORIES))


# -- the index of a folder run --------------------------------------------------------------------------

def _index(scored: list[tuple[Article, int | None]]) -> str:
    order = sorted(range(len(scored)), key=lambda i: (scored[i][1] is None, scored[i][1] or 0, i))
    rows = []
    for i in order:
        article, score = scored[i]
        r = article.result
        counts = _severity_counts(r.findings)
        link = f'<a href="#a{i + 1}">{_e(r.path)}</a>'
        if score is None:
            rows.append(f'<tr class="broken"><td>–</td><td>{link}</td><td colspan="4">not linted: '
                        f"{_e(r.error or '')}</td></tr>")
            continue
        cells = "".join(f'<td class="num">{counts[s]}</td>' for s in SEVERITIES)
        rows.append(f'<tr><td class="num score {_band(score)}">{score}</td><td>{link}</td>'
                    f'<td class="num">{r.words:,}</td>{cells}</tr>')
    by_category: dict[str, Counter[Severity]] = defaultdict(Counter)
    for article, _ in scored:
        for f in article.result.findings:
            by_category[f.category][f.severity] += 1
    return ('<section id="index" class="index"><h2>Articles, worst first</h2>'
            '<table><thead><tr><th class="num">score</th><th>article</th><th class="num">words</th>'
            '<th class="num">errors</th><th class="num">warnings</th>'
            f'<th class="num">infos</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
            f'<h3>Findings per category</h3>{_chart(by_category)}</section>')


def _chart(by_category: Mapping[str, Counter[Severity]], width: int = 520) -> str:
    """A horizontal bar per category, stacked by severity, as inline SVG."""
    if not by_category:
        return '<p class="muted">No findings.</p>'
    cats = sorted(by_category, key=lambda c: (-sum(by_category[c].values()), c))
    most = max(sum(by_category[c].values()) for c in cats)
    label_w, bar_w, row_h = 110, width - 160, 22
    out = [f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{row_h * len(cats) + 4}"'
           f' viewBox="0 0 {width} {row_h * len(cats) + 4}" role="img" aria-label="Findings per category">']
    for row, cat in enumerate(cats):
        y = row * row_h + 2
        out.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{_e(cat)}</text>')
        x = float(label_w)
        for sev in SEVERITIES:
            n = by_category[cat][sev]
            if n:
                w = max(1.0, bar_w * n / most)
                out.append(f'<rect class="bar {sev.value}" x="{x:.1f}" y="{y + 3}" width="{w:.1f}" '
                           f'height="{row_h - 6}"><title>{_e(cat)}: {n} {_plural(sev.value, n)}</title></rect>')
                x += w
        out.append(f'<text x="{x + 6:.1f}" y="{y + 15}">{sum(by_category[cat].values())}</text>')
    out.append("</svg>")
    return "".join(out)


# -- one article ------------------------------------------------------------------------------------------

def _article(aid: str, article: Article, score: int | None, scoring: Scoring) -> str:
    r = article.result
    head = f'<section class="article" id="{aid}"><h2 class="path">{_e(r.path)}</h2>'
    if r.error:
        return f'{head}<p class="broken">This file could not be linted: {_e(r.error)}</p></section>'
    findings = sorted(r.findings, key=lambda f: (f.span.start, -f.span.end, -f.severity.rank, f.rule))
    ids = {id(f): f"{aid}-f{n}" for n, f in enumerate(findings, 1)}
    card = _card(r, score, scoring)
    if article.text:
        text = f'<div class="text" lang="en">{_highlighted(article.text, findings, ids)}</div>'
    else:
        text = '<div class="text missing">The article text is not available; the findings are listed beside.</div>'
    return (f'{head}{card}<div class="columns">{text}'
            f'<aside class="findings">{_finding_list(findings, ids)}</aside></div></section>')


def _card(r: FileResult, score: int | None, scoring: Scoring) -> str:
    counts = _severity_counts(r.findings)
    facts = [f"<dt>words</dt><dd>{r.words:,}</dd>"]
    if "flesch_reading_ease" in r.metrics:
        facts.append(f"<dt>reading ease</dt><dd>{r.metrics['flesch_reading_ease']:.0f}</dd>")
    if "flesch_kincaid_grade" in r.metrics:
        facts.append(f"<dt>grade level</dt><dd>{r.metrics['flesch_kincaid_grade']:.1f}</dd>")
    for sev in SEVERITIES:
        facts.append(f'<dt>{sev.value}s</dt><dd class="{sev.value}">{counts[sev]}</dd>')
    by_category: dict[str, Counter[Severity]] = defaultdict(Counter)
    for f in r.findings:
        by_category[f.category][f.severity] += 1
    points = sorted(penalties(r.findings, scoring).items(), key=lambda kv: (-kv[1], kv[0]))[:6]
    why = "".join(f"<li><code>{_e(rule)}</code> −{p:g}</li>" for rule, p in points)
    explain = (f'<details class="why"><summary>How the score is made</summary><p>100 minus penalty points per '
               f"1,000 words: each error weighs {scoring.error:g}, each warning {scoring.warning:g}, each info "
               f"{scoring.info:g}; one check adds at most {scoring.max_per_check:g}; articles under "
               f"{scoring.min_words:,} words count as {scoring.min_words:,}.</p>"
               f"{'<p>Largest penalties:</p><ul>' + why + '</ul>' if why else ''}</details>")
    shown = "–" if score is None else str(score)
    band = "" if score is None else _band(score)
    return (f'<div class="card"><div class="score {band}"><span class="big">{shown}</span>'
            f'<span>quality score</span></div><dl>{"".join(facts)}</dl>'
            f'<div class="cats">{_chart(by_category, 420)}</div>{explain}</div>')


def _plural(word: str, n: int) -> str:
    return word if n == 1 else word + "s"


def _band(score: int) -> str:
    return "good" if score >= 90 else "fair" if score >= 70 else "poor"


def _severity_counts(findings: Sequence[Finding]) -> Counter[Severity]:
    return Counter(f.severity for f in findings)


def _finding_list(findings: list[Finding], ids: Mapping[int, str]) -> str:
    if not findings:
        return '<p class="clear">No findings.</p>'
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        groups[f.category].append(f)

    def weight(cat: str) -> tuple[int, ...]:
        counts = _severity_counts(groups[cat])
        return tuple(-counts[s] for s in SEVERITIES)

    out = [f"<h3>{len(findings)} finding{'s' if len(findings) != 1 else ''}</h3>"]
    for cat in sorted(groups, key=lambda c: (weight(c), c)):
        items = sorted(groups[cat], key=lambda f: (-f.severity.rank, f.line, f.column, f.rule))
        counts = _severity_counts(items)
        summary = ", ".join(f"{counts[s]} {s.value}{'s' if counts[s] != 1 else ''}" for s in SEVERITIES if counts[s])
        out.append(f'<section class="group" data-category="{_e(cat)}"><h4>{_e(cat)} <span class="muted">'
                   f"({summary})</span></h4><ol>")
        for f in items:
            out.append(_item(f, ids[id(f)]))
        out.append("</ol></section>")
    return "".join(out)


def _item(f: Finding, fid: str) -> str:
    fix = ""
    if f.fix is not None:
        kind = "safe fix" if f.fix.safe else "suggested fix"
        fix = f'<span class="fix {"safe" if f.fix.safe else "unsafe"}">{kind}: {_e(f.fix.label)}</span>'
    return (f'<li class="item {f.severity.value}" data-finding="{fid}" {_data(f)}>'
            f'<a class="pos" href="#{fid}">{f.line}:{f.column}</a> <span class="sev">{f.severity.value}</span> '
            f'<span class="msg">{_e(f.message)}</span> {fix} <code class="rule">{_e(f.rule)}</code></li>')


def _data(f: Finding) -> str:
    return f'data-rule="{_e(f.rule)}" data-severity="{f.severity.value}" data-category="{_e(f.category)}"'


def _tooltip(f: Finding) -> str:
    tip = f"{f.severity.value} [{f.rule}] {f.message}"
    if f.fix is not None:
        tip += f"\n{'safe fix' if f.fix.safe else 'suggested fix'}: {f.fix.label}"
    return tip


# -- the article text with its highlights ------------------------------------------------------------------

def _highlighted(text: str, findings: list[Finding], ids: Mapping[int, str]) -> str:
    """The text as numbered lines, each finding's span wrapped in `<mark>` pieces.

    Spans may overlap and cross lines, so a finding can need several pieces: at every boundary the
    marks that stay open are kept, the ones that end are closed and reopened marks continue the
    same finding. Every piece carries the finding's id and `data-rule`; the first has the id
    the finding list links to. One sweep over the boundaries: linear in text plus findings.
    """
    size = len(text)
    starts: dict[int, list[Finding]] = defaultdict(list)
    ends: dict[int, list[Finding]] = defaultdict(list)
    for f in findings:
        start = min(f.span.start, size)
        starts[start].append(f)
        ends[min(max(f.span.end, start), size)].append(f)
    cuts = sorted({0, size, *starts, *ends, *(m.start() for m in re.finditer("\n", text))})
    out: list[str] = []
    stack: list[Finding] = []  # open marks, outermost first
    active: set[int] = set()
    opened: set[int] = set()  # findings whose first piece was written (it has the anchor id)
    line = 1

    def open_mark(f: Finding) -> str:
        fid = ids[id(f)]
        anchor = "" if id(f) in opened else f' id="{fid}"'
        opened.add(id(f))
        length = f.span.end - f.span.start
        shape = " wide" if length > WIDE_SPAN else " point" if length <= 0 else ""
        return (f'<mark class="hl {f.severity.value}{shape}"{anchor} data-finding="{fid}" {_data(f)} '
                f'title="{_e(_tooltip(f))}">')

    out.append(_line_start(line))
    for n, pos in enumerate(cuts):
        for f in ends.get(pos, ()):
            active.discard(id(f))
        # Close down to the first mark that has ended, then reopen the ones still running.
        keep = next((i for i, f in enumerate(stack) if id(f) not in active), len(stack))
        reopen = [f for f in stack[keep:] if id(f) in active]
        out.append("</mark>" * (len(stack) - keep))
        del stack[keep:]
        for f in starts.get(pos, ()):
            if f.span.end <= f.span.start:  # a point: an empty mark where something is missing
                out.append(f"{open_mark(f)}</mark>")
        for f in reopen:
            out.append(open_mark(f))
            stack.append(f)
        new = sorted((f for f in starts.get(pos, ()) if f.span.end > f.span.start),
                     key=lambda f: (-f.span.end, -f.severity.rank, f.rule))
        for f in new:
            active.add(id(f))
            out.append(open_mark(f))
            stack.append(f)
        if n + 1 == len(cuts):
            break
        segment = text[pos : cuts[n + 1]]
        if segment.startswith("\n"):  # a line break: close every mark, start the next line, reopen
            out.append("</mark>" * len(stack))
            out.append(_line_end())
            line += 1
            out.append(_line_start(line))
            out.extend(open_mark(f) for f in stack)
            segment = segment[1:]
        out.append(_text(segment))
    out.append("</mark>" * len(stack))
    out.append(_line_end())
    return "".join(out)


def _line_start(line: int) -> str:
    return f'<div class="ln"><span class="no">{line}</span><span class="tx">'


def _line_end() -> str:
    return "</span></div>"


def _text(segment: str) -> str:
    if segment.endswith("\r"):
        segment = segment[:-1]
    return _e(_UNSAFE_CHARS.sub("\ufffd", segment))


def _e(value: Any) -> str:
    return html.escape(_UNSAFE_CHARS.sub("\ufffd", str(value)), quote=True)


STYLE = """
:root{--err:#c62828;--err-bg:#fde0e0;--warn:#a86400;--warn-bg:#fff1c7;--info:#1f5fa8;--info-bg:#e1ecfb;
--ink:#1d2330;--muted:#5c6575;--line:#e3e6ec;--paper:#fff;--page:#f5f6f8}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);
background:var(--page)}
header.top{padding:14px 24px;background:#1d2330;color:#fff}
header.top h1{margin:0;font-size:20px}header.top p{margin:2px 0 0;color:#c9ceda;font-size:13px}
nav.filters{position:sticky;top:0;z-index:3;padding:8px 24px;background:#fff;border-bottom:1px solid var(--line);
font-size:13px}
nav.filters label{margin-right:12px;white-space:nowrap}nav.filters .sep{display:inline-block;width:16px}
main{padding:16px 24px 80px}
section.article,section.index{background:var(--paper);border:1px solid var(--line);border-radius:8px;
padding:16px 20px;margin:0 0 24px}
h2.path{margin:0 0 12px;font-size:17px;word-break:break-all}
.muted{color:var(--muted)}
.card{display:flex;flex-wrap:wrap;gap:18px 28px;align-items:flex-start;padding-bottom:12px;
border-bottom:1px solid var(--line);margin-bottom:12px}
.card .score{display:flex;flex-direction:column;align-items:center;min-width:96px;padding:8px 12px;border-radius:8px;
font-size:12px;color:var(--muted);background:var(--page)}
.card .score .big{font-size:40px;font-weight:700;line-height:1.1}
.score.good .big,td.score.good{color:#1b7a3a}.score.fair .big,td.score.fair{color:var(--warn)}
.score.poor .big,td.score.poor{color:var(--err)}
.card dl{display:grid;grid-template-columns:auto auto;gap:2px 12px;margin:0;font-size:13px}
.card dt{color:var(--muted)}.card dd{margin:0;font-weight:600}
dd.error{color:var(--err)}dd.warning{color:var(--warn)}dd.info{color:var(--info)}
.why{flex-basis:100%;font-size:13px;color:var(--muted)}.why ul{margin:4px 0;padding-left:20px}
svg.chart text{font-size:12px;fill:var(--ink)}
rect.bar.error{fill:var(--err)}rect.bar.warning{fill:#e0a100}rect.bar.info{fill:#5b8fd6}
.columns{display:grid;grid-template-columns:minmax(0,3fr) minmax(280px,2fr);gap:20px}
@media (max-width:900px){.columns{grid-template-columns:1fr}}
.text{font:14px/1.6 Georgia,"Times New Roman",serif;overflow-wrap:anywhere}
.ln{display:flex;min-height:1.6em}
.ln .no{flex:0 0 3.2em;padding-right:10px;text-align:right;color:#9aa1ad;font:12px/2 ui-monospace,monospace;
user-select:none}
.ln .tx{flex:1;white-space:pre-wrap;min-width:0}
mark.hl{color:inherit;border-radius:2px;cursor:pointer;scroll-margin:90px}
mark.hl.error{background:var(--err-bg);border-bottom:2px solid var(--err)}
mark.hl.warning{background:var(--warn-bg);border-bottom:2px solid #e0a100}
mark.hl.info{background:var(--info-bg);border-bottom:2px dotted var(--info)}
mark.hl.wide{background:transparent;border-bottom-style:dotted}
mark.hl.point{display:inline-block;width:0;border:0;position:relative}
mark.hl.point::after{content:"\\2038";position:absolute;left:-4px;top:.6em;font-weight:700;color:var(--err)}
mark.hl.point.warning::after{color:var(--warn)}mark.hl.point.info::after{color:var(--info)}
mark.hl.active{outline:2px solid var(--ink);outline-offset:1px;background:#ffe08a}
mark.hl.off{background:transparent;border-bottom:0;cursor:text}mark.hl.point.off::after{content:none}
aside.findings{font-size:13px;max-height:80vh;overflow:auto;position:sticky;top:48px}
aside.findings h3{margin:0 0 6px;font-size:15px}aside.findings h4{margin:10px 0 4px;font-size:14px}
aside.findings ol{list-style:none;margin:0;padding:0}
.item{padding:5px 8px;margin:0 0 4px;border-left:3px solid var(--line);border-radius:3px;background:var(--page)}
.item.error{border-left-color:var(--err)}.item.warning{border-left-color:#e0a100}.item.info{border-left-color:var(--info)}
.item.active{background:#ffe08a}.item.off{display:none}
.item .pos{font:12px ui-monospace,monospace;margin-right:4px}
.item .sev{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.item.error .sev{color:var(--err)}.item .rule{font-size:11px;color:var(--muted)}
.fix{display:block;margin-top:2px;font-size:12px}.fix.safe{color:#1b7a3a}.fix.unsafe{color:var(--muted)}
.detail{position:fixed;left:0;right:0;bottom:0;z-index:4;padding:10px 24px;background:#1d2330;color:#fff;
font-size:14px;box-shadow:0 -2px 8px rgba(0,0,0,.2)}
.detail a{color:#9cc3ff}.detail .pos{font:12px ui-monospace,monospace;margin-right:4px}
.detail .sev{font-size:11px;text-transform:uppercase;letter-spacing:.04em}.detail .rule{font-size:11px}
.detail .sev,.detail .rule,.detail .fix.unsafe{color:#c9ceda}.detail .fix.safe{color:#8fe3a9}
table{border-collapse:collapse;font-size:14px}
th,td{padding:4px 10px;border-bottom:1px solid var(--line);text-align:left}
td.num,th.num{text-align:right}td.score{font-weight:700}
.broken{color:var(--err)}.clear{color:#1b7a3a}
@media print{nav.filters,.detail{display:none}aside.findings{max-height:none;position:static}}
"""

SCRIPT = """
(function () {
  "use strict";
  var detail = document.getElementById("detail");
  function pieces(fid) {
    return document.querySelectorAll('mark.hl[data-finding="' + fid + '"]');
  }
  function select(fid, scrollText, scrollList) {
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    var marks = pieces(fid);
    marks.forEach(function (el) { el.classList.add("active"); });
    var item = document.querySelector('li.item[data-finding="' + fid + '"]');
    if (item) {
      item.classList.add("active");
      if (scrollList) { item.scrollIntoView({block: "nearest"}); }
      // A copy of the item's words, without its data attributes: it is not a second finding.
      var copy = document.createElement("div");
      copy.className = "copy " + item.dataset.severity;
      item.childNodes.forEach(function (node) { copy.appendChild(node.cloneNode(true)); });
      detail.replaceChildren(copy);
      detail.hidden = false;
    }
    if (scrollText && marks.length) { marks[0].scrollIntoView({block: "center"}); }
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest("li.item a.pos");
    if (link) {
      event.preventDefault();
      select(link.closest("li.item").dataset.finding, true, false);
      return;
    }
    var mark = event.target.closest("mark.hl");
    if (mark && !mark.classList.contains("off")) { select(mark.dataset.finding, false, true); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      detail.hidden = true;
      document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    }
  });
  var filters = document.querySelector("nav.filters");
  function applyFilters() {
    var hidden = {severity: {}, category: {}};
    filters.querySelectorAll("input[data-filter]").forEach(function (box) {
      if (!box.checked) { hidden[box.dataset.filter][box.value] = true; }
    });
    document.querySelectorAll("[data-finding]").forEach(function (el) {
      var off = hidden.severity[el.dataset.severity] || hidden.category[el.dataset.category];
      el.classList.toggle("off", Boolean(off));
    });
  }
  if (filters) {
    filters.hidden = false;
    filters.addEventListener("change", applyFilters);
  }
})();
"""
