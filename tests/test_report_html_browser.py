"""The HTML report in a real browser: Debian's Chromium, driven by Playwright (no browser download).

Skipped with the reason when Chromium or Playwright is missing; `.ci/run` installs both, so in CI
(CI set) a missing browser fails the tests instead of skipping them. Set NEWSLINT_SCREENSHOT_DIR
to keep the seed report's screenshot (the README's picture comes from
`NEWSLINT_SCREENSHOT_DIR=docs pytest tests/test_report_html_browser.py`).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint.cli import cli

CHROMIUM = os.environ.get("NEWSLINT_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-sync"]
# Resolved now, before the tests change folder.
KEEP_SCREENSHOT = Path(os.environ["NEWSLINT_SCREENSHOT_DIR"]).resolve() if os.environ.get("NEWSLINT_SCREENSHOT_DIR") \
    else None
SEEDS = sorted((Path(__file__).resolve().parents[2] / "shared" / "seed").glob("*.txt"))

STORY = (
    "# Harbor council approves budget\n"
    "\n"
    "The council met near the united states border,and voted.Then it left.\n"
    "\n"
    "Pro Tip: read the fine print before the vote.\n"
    "\n"
    "The mayor said TK dollars would go to schools.\n"
)

# Every way an article could try to run script or load something, if it were not escaped.
HOSTILE = (
    "# Budget <script>window.__pwned = (window.__pwned || 0) + 1</script>\n"
    "\n"
    "The council met near the united states border. <img src=x onerror=\"window.__pwned = 2\">\n"
    "\n"
    "<svg onload=\"window.__pwned = 3\"></svg> Read <a href=\"javascript:window.__pwned = 4\">this</a>"
    " and [that](javascript:window.__pwned=5).\n"
    "\n"
    "</style><style>body{display:none}</style></script><script>window.__pwned = 6</script> TK\n"
    "\n"
    "<iframe src=\"http://127.0.0.1:9/frame\"></iframe><link rel=stylesheet href=\"http://127.0.0.1:9/x.css\">\n"
    "<img src=\"http://127.0.0.1:9/pixel.png\"> <body onload=\"window.__pwned = 7\">"
    "<details open ontoggle=\"window.__pwned = 8\">x</details>\n"
    "\n"
    "<textarea></textarea><!-- <noscript><p title=\"</noscript><img src=x onerror=window.__pwned=9>\"> -->\n"
)


def _browser_or_skip() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[test]')"
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    return None


MISSING = _browser_or_skip()
pytestmark = pytest.mark.skipif(MISSING is not None and not os.environ.get("CI"), reason=MISSING or "")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if MISSING:
        pytest.fail(f"{MISSING}; .ci/run installs it, so CI must have it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


class Opened:
    """A report open in a page, with what the browser said and what it tried to fetch."""

    def __init__(self, browser: object, path: Path) -> None:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
        self.page = context.new_page()
        self.console: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")

    def pieces(self) -> dict[str, dict[str, object]]:
        """Per finding id: its rule and the text of all its highlight pieces, read from the DOM."""
        return self.page.evaluate("""() => {
            const out = {};
            for (const m of document.querySelectorAll('mark.hl[data-finding]')) {
                const f = out[m.dataset.finding] || (out[m.dataset.finding] = {rules: [], text: ''});
                f.rules.push(m.dataset.rule);
                f.text += m.textContent;  // pieces of one finding never nest, so this is its span
            }
            for (const k in out) out[k].rules = [...new Set(out[k].rules)];
            return out;
        }""")


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # reports name the article as "seed.txt", not a temporary path


def report(tmp_path: Path, name: str, text: str, *extra: str) -> tuple[Path, dict[str, object]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / (name + ".html")
    runner = CliRunner()
    result = runner.invoke(cli, ["check", "--no-cache", "--format", "html", "-o", str(out), *extra, name])
    assert result.exit_code in (0, 1), result.output
    data = json.loads(runner.invoke(cli, ["check", "--no-cache", "--format", "json", *extra, name]).stdout)
    return out, data


def spans_of(data: dict[str, object], text: str) -> list[tuple[str, str]]:
    """(rule, the text at its span) of every JSON finding, lines joined as the page shows them."""
    starts = [0]
    for n, ch in enumerate(text):
        if ch == "\n":
            starts.append(n + 1)
    out = []
    for f in data["findings"]:  # type: ignore[index]
        a = starts[f["line"] - 1] + f["column"] - 1
        b = starts[f["end_line"] - 1] + f["end_column"] - 1
        out.append((f["rule"], text[a:b].replace("\n", "")))
    return out


def test_seed_report_every_finding_highlighted_no_console_errors_and_a_screenshot(browser, tmp_path: Path):
    if not SEEDS:
        pytest.skip("no ../shared/seed")
    text = SEEDS[0].read_text(encoding="utf-8")
    path, data = report(tmp_path, "seed.txt", text)
    opened = Opened(browser, path)
    pieces = opened.pieces()
    assert len(data["findings"]) == len(pieces) > 50
    # Each JSON finding has its highlight: a mark (or marks) with its rule around exactly its span.
    want = sorted(spans_of(data, text))
    got = sorted((p["rules"][0], p["text"]) for p in pieces.values())
    assert all(len(p["rules"]) == 1 for p in pieces.values())
    assert got == want
    assert opened.console == []
    assert opened.requests == [path.as_uri()]  # the page itself, nothing else
    assert opened.page.evaluate("document.querySelectorAll('[src], link[href]').length") == 0
    shot = tmp_path / "seed-report.png"
    opened.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000
    if KEEP_SCREENSHOT:
        shutil.copy(shot, KEEP_SCREENSHOT / "seed-report.png")


def test_clicking_a_finding_marks_its_span_and_shows_it(browser, tmp_path: Path):
    path, data = report(tmp_path, "story.md", STORY)
    opened = Opened(browser, path)
    page = opened.page
    item = page.locator('li.item[data-rule="template-callout"]')
    item.locator("a.pos").click()
    fid = item.get_attribute("data-finding")
    active = page.locator("mark.hl.active")
    assert active.count() == 1
    assert active.first.get_attribute("data-finding") == fid
    assert active.first.inner_text() == "Pro Tip:"
    detail = page.locator("#detail")
    assert detail.is_visible()
    assert "suggested fix: delete “Pro Tip:” and capitalise the next word" in detail.inner_text()
    # Clicking a highlight in the text selects its finding in the list.
    page.locator('mark.hl[data-rule="placeholder-text"]').click()
    assert page.locator("li.item.active").get_attribute("data-rule") == "placeholder-text"
    assert "Placeholder “TK”" in detail.inner_text()
    # Hover text: the message and the fix.
    title = page.locator('mark.hl[data-rule="proper-noun-case"]').get_attribute("title")
    assert title == ("error [proper-noun-case] “united states” should be “United States”\n"
                     "safe fix: capitalise “united states”")
    # Filters: unticking "warning" hides the warnings in the list and unmarks them in the text.
    page.locator('nav.filters input[value="warning"]').uncheck()
    assert page.locator("li.item:visible").count() == 2
    assert page.locator('mark.hl.off[data-severity="warning"]').count() == 3
    assert opened.console == []


def test_hostile_article_runs_nothing_and_loads_nothing(browser, tmp_path: Path):
    path, data = report(tmp_path, "hostile.md", HOSTILE)
    opened = Opened(browser, path)
    page = opened.page
    page.wait_for_timeout(300)  # give any injected handler (onload, ontoggle) its chance
    assert page.evaluate("window.__pwned") is None
    assert opened.requests == [path.as_uri()]
    # Only the report's own elements exist: no img, iframe, svg from the article; one script.
    counts = page.evaluate("""() => ['script', 'img', 'iframe', 'link', 'textarea', 'details', 'a[href^="javascript"]']
        .map(s => document.querySelectorAll(s).length)""")
    assert counts == [1, 0, 0, 0, 0, 1, 0]  # the one <details> is the score card's explanation
    # The words are all on the page, as text, and the page is still visible.
    text = page.locator("div.text").inner_text()
    assert "<script>window.__pwned = (window.__pwned || 0) + 1</script>" in text
    assert "</style><style>body{display:none}</style>" in text
    assert page.locator("div.text").is_visible()
    # Every finding is still highlighted, with the CSP active and nothing blocked but what it must.
    assert len(opened.pieces()) == len(data["findings"])
    assert [m for m in opened.console if "Content Security Policy" not in m] == []
