"""The paste page of `newslint serve`.

The page is a plain form (no script of its own): the story goes to POST /report, whose answer,
the HTML report of `newslint check --format html` (lint/report/html_report.py), opens in a
sandboxed frame below the form. The frame's document has an opaque
origin, so nothing in a report can reach the page, the token or the API.
"""

from __future__ import annotations

import base64
import hashlib

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
