"""The paste page of `newslint serve` in headless Chromium: paste, check, see the marks; hostile
text runs nothing. Uses Debian's chromium through Playwright (no browser download); skipped
without it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("httpx")
pytest.importorskip("starlette")
sync_api = pytest.importorskip("playwright.sync_api")

from serve_helpers import Server, start, stop  # noqa: E402

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]

STORY = (
    "# Harbor vote\n\n"
    "🙂 “Great,” said the united states envoy. The budget is TK.\n\n"
    "<script>window.parent.__pwned = 1; document.title = 'pwned'</script>\n"
    "<img src=x onerror=\"document.title='pwned'\"> and [a link](javascript:alert(1)) and </style><b>bold</b>\n"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start(tmp_path_factory.mktemp("page"))
    yield running
    stop(running)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


def test_pasting_a_story_shows_its_problems_marked(server: Server, browser, tmp_path: Path):  # type: ignore[no-untyped-def]
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    outside: list[str] = []
    local = (server.url, "about:", "data:")
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(local) else None)

    page.goto(server.url + "/")
    page.fill("#text", STORY)
    page.fill("#filename", "story.md")
    with page.expect_response(lambda r: r.url.endswith("/report")) as answer:
        page.click("button[type=submit]")
    assert answer.value.status == 200
    frame = page.frame(name="report")
    assert frame is not None
    frame.wait_for_selector('mark[data-rule="proper-noun-case"]')

    marks = frame.eval_on_selector_all("mark[data-rule]", "els => els.map(e => [e.dataset.rule, e.textContent])")
    assert ["proper-noun-case", "united states"] in marks
    assert ["placeholder-text", "TK"] in marks
    # The hostile lines are shown as text; nothing of theirs ran, in the frame or the page.
    text = frame.inner_text(".text") if frame.query_selector(".text") else frame.inner_text("body")
    assert "<script>window.parent.__pwned = 1" in text and "onerror=" in text
    assert frame.evaluate("document.querySelectorAll('script[src], img, iframe, a[href^=javascript]').length") == 0
    assert page.evaluate("window.__pwned === undefined") and page.title() == "newslint"
    assert frame.evaluate("document.title") != "pwned"
    assert outside == [] and problems == []
    page.screenshot(path=str(tmp_path / "serve-page.png"), full_page=True)
    page.close()


def test_the_page_asks_for_the_token_when_the_server_needs_one(browser, tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "token").write_text("page-token\n", encoding="utf-8")
    running = start(tmp_path, "--token-file", "token")
    try:
        page = browser.new_page()
        page.goto(running.url + "/")
        page.fill("#text", "We met the united states team.")
        page.fill("#filename", "a.txt")
        page.fill("#token", "page-token")
        page.click("button[type=submit]")
        frame = page.frame(name="report")
        assert frame is not None
        frame.wait_for_selector('mark[data-rule="proper-noun-case"]')
        page.close()
    finally:
        stop(running)
