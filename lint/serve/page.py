"""The paste page of `newslint serve` and the HTML report it shows.

The page is a plain form (no script of its own): the story goes to POST /report, whose answer,
the HTML report, opens in a sandboxed frame below the form. The frame's document has an opaque
origin, so nothing in a report can reach the page, the token or the API.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Sequence

from lint.findings import Finding
from lint.results import FileResult

PAGE_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f6f3;color:#1d1d1b}
header{background:#1d1d1b;color:#fff;padding:.6rem 1.2rem}header h1{font-size:1.1rem;margin:0}
form{display:grid;gap:.5rem;padding:1rem 1.2rem;max-width:70rem}
label{font-weight:600;font-size:.9rem}
textarea{font:15px/1.5 ui-monospace,monospace;min-height:14rem;padding:.5rem}
input{font:inherit;padding:.3rem .5rem;max-width:24rem}
button{font:inherit;font-weight:600;padding:.4rem 1.4rem;justify-self:start;cursor:pointer}
iframe{display:block;width:calc(100% - 2.4rem);margin:0 1.2rem 1.2rem;height:75vh;border:1px solid #bbb;background:#fff}
""".strip()


def _digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


# The page itself: its own style, no script at all, and forms may only post to this server.
PAGE_CSP = (f"default-src 'none'; style-src '{_digest(PAGE_STYLE)}'; frame-src 'self'; form-action 'self'; "
            "base-uri 'none'; frame-ancestors 'none'")


def page_html(token_required: bool) -> str:
    token = (
        '<label for="token">Access token</label>'
        '<input id="token" name="token" type="password" autocomplete="current-password" required>'
        if token_required else ""
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>newslint</title><style>{PAGE_STYLE}</style></head><body>"
        "<header><h1>newslint: paste a story, see its problems</h1></header>"
        '<form method="post" action="/report" target="report" accept-charset="utf-8">'
        '<label for="text">Story</label>'
        '<textarea id="text" name="text" required placeholder="Paste the article here"></textarea>'
        '<label for="filename">File name (its ending picks the format: .md, .html or .txt)</label>'
        '<input id="filename" name="filename" value="story.md" required>'
        f'{token}<button type="submit">Check</button></form>'
        '<iframe name="report" title="Report" sandbox="allow-scripts"></iframe>'
        "</body></html>"
    )


# -- the report shown in the frame -------------------------------------------------------------------
# A small stand-in for the HTML report (lint/report/html_report.py): the article with each
# finding's span marked (a <mark> carrying data-rule) and the list of findings.

REPORT_STYLE = """
body{font:16px/1.6 Georgia,serif;margin:1rem 1.5rem;color:#1d1d1b}
.text{white-space:pre-wrap;overflow-wrap:anywhere;border:1px solid #ddd;padding:1rem}
mark{background:#fff3b0}mark.error{background:#ffc9c9}mark.info{background:#e3eefc}
ol{font:14px/1.5 system-ui,sans-serif}.sev{font-weight:700;text-transform:uppercase;font-size:.75rem}
""".strip()


def report_html(result: FileResult, text: str, version: str) -> str:
    """One article's report: the whole page as a string, nothing loaded from outside."""
    csp = f"default-src 'none'; style-src '{_digest(REPORT_STYLE)}'"
    findings = sorted(result.findings, key=lambda f: (-f.severity.rank, f.line, f.column))
    items = "".join(
        f'<li><span class="sev">{_e(f.severity.value)}</span> {f.line}:{f.column} [{_e(f.rule)}] {_e(f.message)}</li>'
        for f in findings
    )
    status = f'<p class="error">{_e(result.error)}</p>' if result.error else ""
    count = len(result.findings)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        f"<title>newslint report</title><style>{REPORT_STYLE}</style></head><body>"
        f"<h1>{_e(result.path)}: {count} finding{'s' if count != 1 else ''}</h1>{status}"
        f'<div class="text">{_marked(text, result.findings)}</div><ol>{items}</ol>'
        f"<p>newslint {_e(version)}</p></body></html>"
    )


def _marked(text: str, findings: Sequence[Finding]) -> str:
    """The text with a <mark> per finding around its span (nested where spans overlap)."""
    size = len(text)
    spans = [(min(max(f.span.start, 0), size), min(max(f.span.end, 0), size), f) for f in findings]
    bounds = sorted({0, size, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    starting: dict[int, list[tuple[int, int, Finding]]] = {}
    for item in spans:
        starting.setdefault(item[0], []).append(item)
    active: list[tuple[int, int, Finding]] = []
    out: list[str] = []
    for a, b in zip(bounds, bounds[1:] + [size], strict=True):
        active = [s for s in active if s[1] > a]
        for item in starting.get(a, []):
            if item[1] == item[0]:  # an insertion point: an empty mark
                out.append(_open(item[2]) + "</mark>")
            else:
                active.append(item)
        if b <= a:
            continue
        out.append("".join(_open(f) for _, _, f in active) + _e(text[a:b]) + "</mark>" * len(active))
    return "".join(out)


def _open(f: Finding) -> str:
    return f'<mark class="{_e(f.severity.value)}" data-rule="{_e(f.rule)}" title="{_e(f.message)}">'


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)
