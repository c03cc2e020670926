"""The grammar check against a LanguageTool-compatible test server, through language-tool-python."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import findings, lint, located, snippet
from lt_server import GRAMMAR, STYLE, TYPO, FakeLanguageTool, FakeRule, closed_port_url, utf16_len

from lint.checks.grammar import BLOCK_SEPARATOR
from lint.dedupe import one_finding_per_defect
from lint.document.span import Span
from lint.findings import Finding, Severity
from lint.languagetool import Settings, Utf16Index, chunk_bounds, connection, parse_answer

GRAMMAR_ONLY = ("grammar",)


@pytest.fixture(autouse=True)
def fresh_connections() -> Iterator[None]:
    """Each test gets its own clients: a failed server must not leak into the next test."""
    connection.cache_clear()
    yield
    connection.cache_clear()


@pytest.fixture
def lt() -> Iterator[FakeLanguageTool]:
    with FakeLanguageTool() as server:
        yield server


def remote(server_url: str, **extra: Any) -> dict[str, Any]:
    return {"languagetool": {"mode": "remote", "url": server_url, **extra}}


# -- mapping matches back to the source ------------------------------------------------------------

MARKDOWN = """---
title: teh headline in front matter
tags: [teh]
---

# Voters and teh budget

The council met on Monday and teh mayor spoke.

```python
teh = "code is never sent"
```

| Ward | Result teh |
|------|------------|
| teh  | 12         |

Run `teh --help` or see https://example.com/teh/page for teh details.

- A list item with teh word
"""


def test_markdown_matches_land_on_the_exact_source_characters(lt: FakeLanguageTool) -> None:
    found = findings(MARKDOWN, settings=remote(lt.url), select=GRAMMAR_ONLY)
    assert located(found) == [
        ("grammar", 6, 14, 6, 17),
        ("grammar", 8, 31, 8, 34),
        ("grammar", 18, 58, 18, 61),
        ("grammar", 20, 20, 20, 23),
    ]
    assert {snippet(MARKDOWN, f) for f in found} == {"teh"}


def test_front_matter_code_tables_and_urls_are_never_sent(lt: FakeLanguageTool) -> None:
    findings(MARKDOWN, settings=remote(lt.url), select=GRAMMAR_ONLY)
    (sent,) = lt.texts
    for hidden in (
        "headline in front matter",
        "code is never sent",
        "Ward",
        "Result",
        "--help",
        "example.com",
    ):
        assert hidden not in sent
    assert sent.startswith("Voters and teh budget" + BLOCK_SEPARATOR + "The council met")


def test_html_article_positions_survive_entities_and_inline_tags(lt: FakeLanguageTool) -> None:
    text = (
        "<!doctype html>\n<html><head><title>teh page</title><script>var teh = 1;</script></head>\n"
        "<body><article>\n<h1>Budget &amp; teh vote</h1>\n"
        '<p>Caf&eacute; owners said <b>teh</b> plan <a href="https://x.org/teh">works teh</a>.</p>\n'
        "<pre><code>teh code</code></pre>\n<table><tr><td>teh cell</td></tr></table>\n"
        "</article></body></html>\n"
    )
    found = findings(text, name="story.html", settings=remote(lt.url), select=GRAMMAR_ONLY)
    assert located(found) == [
        ("grammar", 4, 18, 4, 21),
        ("grammar", 5, 31, 5, 34),
        ("grammar", 5, 78, 5, 81),
    ]
    assert {snippet(text, f) for f in found} == {"teh"}
    assert "teh page" not in lt.texts[0] and "teh code" not in lt.texts[0] and "teh cell" not in lt.texts[0]


def test_plain_text_article(lt: FakeLanguageTool) -> None:
    text = "Council votes on budget\n\nThe mayor said teh plan\ncould of worked in order to save money.\n"
    found = findings(text, name="story.txt", settings=remote(lt.url), select=GRAMMAR_ONLY)
    assert located(found) == [
        ("grammar", 3, 16, 3, 19),
        ("grammar", 4, 1, 4, 9),
        ("grammar", 4, 17, 4, 28),
    ]


def test_emoji_curly_quotes_and_non_breaking_hyphens_keep_columns_exact(lt: FakeLanguageTool) -> None:
    # 🎉 is two UTF-16 units in LanguageTool's offsets but one character (and one column) here.
    text = "# Party 🎉🎉 time\n\n“Well,” said the long‑time 🎉 mayor, “teh vote is over.” 🎉 Then teh end.\n"
    found = findings(text, settings=remote(lt.url), select=GRAMMAR_ONLY)
    assert located(found) == [("grammar", 3, 38, 3, 41), ("grammar", 3, 64, 3, 67)]
    assert [snippet(text, f) for f in found] == ["teh", "teh"]
    assert utf16_len(lt.texts[0]) == len(lt.texts[0]) + 4  # the server really counted in UTF-16


def test_a_match_that_contains_an_emoji_ends_after_it() -> None:
    party = FakeRule("party 🎉 time", "PARTY", "STYLE", "Style", "style", "Too festive.")
    text = "It was party 🎉 time 🎉 and party 🎉 time.\n"
    with FakeLanguageTool(rules=(party,)) as server:
        found = findings(text, name="a.txt", settings=remote(server.url), select=GRAMMAR_ONLY)
    assert [snippet(text, f) for f in found] == ["party 🎉 time", "party 🎉 time"]
    assert located(found) == [("grammar", 1, 8, 1, 20), ("grammar", 1, 27, 1, 39)]


def test_soft_line_breaks_are_spaces_and_matches_may_span_lines(lt: FakeLanguageTool) -> None:
    text = "The board could\nof voted sooner.\n"
    found = findings(text, settings=remote(lt.url), select=GRAMMAR_ONLY)
    assert located(found) == [("grammar", 1, 11, 2, 3)]
    assert lt.texts == ["The board could of voted sooner."]
    assert found[0].fix is None  # the source has a line break where the suggestion has a space


def test_message_and_suggestion_for_copy_editors(lt: FakeLanguageTool) -> None:
    text = "We could of won teh race.\n"
    could, teh = findings(text, settings=remote(lt.url), select=GRAMMAR_ONLY)
    assert could.message == "“could of”: Did you mean “could have”? [LanguageTool COULD_OF]"
    assert teh.message == (
        "“teh”: Possible spelling mistake found. Write “the” (or “ten”, “tea”). "
        "[LanguageTool MORFOLOGIK_RULE_EN_US]"
    )
    assert teh.fix is not None and teh.fix.replacement == "the" and not teh.fix.safe


def test_no_fix_when_markup_sits_inside_the_match(lt: FakeLanguageTool) -> None:
    text = "We could *of* won.\n"
    (found,) = findings(text, settings=remote(lt.url), select=GRAMMAR_ONLY)
    assert located([found]) == [("grammar", 1, 4, 1, 13)]
    assert found.fix is None


def test_code_spans_inside_a_match_drop_it(lt: FakeLanguageTool) -> None:
    # "could `x` of": the code span becomes a placeholder, so "could of" never matches
    text = "He could `of` go, and could of gone.\n"
    found = findings(text, settings=remote(lt.url), select=GRAMMAR_ONLY)
    assert located(found) == [("grammar", 1, 23, 1, 31)]


# -- chunks --------------------------------------------------------------------------------------


def test_long_articles_go_in_chunks_under_the_limit_with_exact_positions() -> None:
    paragraphs = [
        f"Paragraph {i} says teh council met and the mayor spoke at length again." for i in range(30)
    ]
    long_paragraph = " ".join(f"Sentence {i} mentions teh plan." for i in range(25))
    text = "# Title\n\n" + "\n\n".join(paragraphs) + "\n\n" + long_paragraph + "\n"
    with FakeLanguageTool(max_text_length=300) as server:
        found = findings(text, settings=remote(server.url, max_request_chars=300), select=GRAMMAR_ONLY)
        texts = server.texts
    assert len(texts) > 5 and all(len(t) <= 300 for t in texts)
    # The same slip 55 times is one finding with a count (lint/dedupe.py); each occurrence keeps
    # its fix, at its exact place.
    assert len(found) == 1 and found[0].message.endswith("(×55, lines 3–63)")
    fixes = [found[0].fix, *found[0].more_fixes]
    assert len(fixes) == 55 and {text[x.span.start : x.span.end] for x in fixes} == {"teh"}
    lines = text.split("\n")
    for x in fixes:
        assert lines[x.line - 1][x.column - 1 : x.end_column - 1] == "teh"
    assert (fixes[-1].line, fixes[-1].column, fixes[-1].end_column) == (
        63, 1 + long_paragraph.rindex("teh"), 4 + long_paragraph.rindex("teh")
    )


def test_chunk_bounds_cover_the_text_and_prefer_breaks() -> None:
    text = "One two three. Four five six.\n\nSeven eight nine ten. " * 20
    bounds = chunk_bounds(text, 100)
    assert "".join(text[a:b] for a, b in bounds) == text
    assert all(b - a <= 100 for a, b in bounds)
    assert all(text[b - 1] in " \n" for a, b in bounds[:-1])
    assert chunk_bounds("x" * 250, 100) == [(0, 100), (100, 200), (200, 250)]  # one huge word


def test_utf16_offsets_become_code_points() -> None:
    index = Utf16Index("a🎉b🎉🎉c")
    assert [index.to_code_points(u) for u in (0, 1, 3, 4, 6, 8, 9)] == [0, 1, 2, 3, 4, 5, 6]


def test_articles_without_prose_send_nothing(lt: FakeLanguageTool) -> None:
    text = "---\ntitle: teh\n---\n\n```\nteh\n```\n"
    assert findings(text, settings=remote(lt.url), select=GRAMMAR_ONLY) == []
    assert lt.texts == []


# -- settings ------------------------------------------------------------------------------------


def test_off_by_default_and_sends_nothing(lt: FakeLanguageTool) -> None:
    assert findings("We saw teh end.\n", select=GRAMMAR_ONLY) == []
    assert (
        findings("We saw teh end.\n", settings={"languagetool": {"url": lt.url}}, select=GRAMMAR_ONLY) == []
    )
    assert lt.texts == []


def test_severities_default_and_configured(lt: FakeLanguageTool) -> None:
    text = "We could of won teh race in order to win.\n"
    default = findings(text, settings=remote(lt.url), select=GRAMMAR_ONLY)
    assert [f.severity for f in default] == [Severity.WARNING, Severity.WARNING, Severity.INFO]
    configured = findings(
        text,
        settings=remote(lt.url, severities={"TYPOS": "info", "COULD_OF": "error", "style": "warning"}),
        select=GRAMMAR_ONLY,
    )
    assert [f.severity for f in configured] == [Severity.ERROR, Severity.INFO, Severity.WARNING]


def test_rule_and_category_settings_reach_the_server(lt: FakeLanguageTool) -> None:
    text = "We could of won teh race in order to win.\n"
    settings = remote(
        lt.url, disabled_rules=["COULD_OF"], disabled_categories=["STYLE"], picky=True, language="en-GB"
    )
    found = findings(text, settings=settings, select=GRAMMAR_ONLY)
    assert [snippet(text, f) for f in found] == ["teh"]
    params = lt.params[-1]
    assert params["language"] == "en-GB" and params["level"] == "picky"
    assert "COULD_OF" in params["disabledRules"].split(",") and "WHITESPACE_RULE" in params["disabledRules"]
    assert params["disabledCategories"] == "STYLE"

    only = findings(text, settings=remote(lt.url, enabled_only=["IN_ORDER_TO"]), select=GRAMMAR_ONLY)
    assert [snippet(text, f) for f in only] == ["in order to"]
    assert lt.params[-1]["enabledOnly"] == "true" and lt.params[-1]["enabledRules"] == "IN_ORDER_TO"


def test_language_follows_the_outlet_unless_set(lt: FakeLanguageTool) -> None:
    findings("Teh end.\n", settings={"outlet": {"language": "en-GB"}, **remote(lt.url)}, select=GRAMMAR_ONLY)
    assert lt.params[-1]["language"] == "en-GB"


def test_capitalised_names_and_glossary_words_are_not_typos() -> None:
    iphone = FakeRule("iPhone", "MORFOLOGIK_RULE_EN_US", "TYPOS", "Possible Typo", "misspelling", "Spelling.")
    text = "Zelenskyy bought an iPhone and teh case.\n"
    name = FakeRule(
        "Zelenskyy", "MORFOLOGIK_RULE_EN_US", "TYPOS", "Possible Typo", "misspelling", "Spelling."
    )
    with FakeLanguageTool(rules=(TYPO, GRAMMAR, STYLE, iphone, name)) as server:
        plain = findings(text, settings={**remote(server.url), "glossary": ["iPhone"]}, select=GRAMMAR_ONLY)
        assert [snippet(text, f) for f in plain] == ["teh"]
        strict = findings(
            text,
            settings={**remote(server.url), "checks": {"grammar": {"skip_capitalized_typos": False}}},
            select=GRAMMAR_ONLY,
        )
        assert [snippet(text, f) for f in strict] == ["Zelenskyy", "iPhone", "teh"]


def test_one_client_per_process_for_all_files(lt: FakeLanguageTool) -> None:
    settings = remote(lt.url)
    findings("Teh end.\n", name="a.md", settings=settings, select=GRAMMAR_ONLY)
    findings("And teh end.\n", name="b.md", settings=settings, select=GRAMMAR_ONLY)
    assert len(lt.texts) == 2 and lt.languages_requests == 1
    assert connection(Settings(mode="remote", url=lt.url)) is connection(Settings(mode="remote", url=lt.url))


# -- one defect, one finding -----------------------------------------------------------------------


def test_grammar_match_on_the_same_words_as_another_check_is_dropped() -> None:
    tk = FakeRule("TK", "UPPERCASE_TK", "TYPOS", "Possible Typo", "misspelling", "Spelling.")
    text = "Sales rose TK percent and teh rest.\n"
    with FakeLanguageTool(rules=(tk, TYPO)) as server:
        found = findings(
            text,
            settings={**remote(server.url), "checks": {"grammar": {"skip_capitalized_typos": False}}},
            select=("grammar", "placeholder-text"),
        )
    assert [(f.rule, snippet(text, f)) for f in found] == [("placeholder-text", "TK"), ("grammar", "teh")]


def test_findings_about_a_whole_sentence_do_not_hide_grammar_matches() -> None:
    def make(category: str, start: int, end: int) -> Finding:
        return Finding(category, category, Severity.WARNING, Span(start, end), "m")

    sentence, word, quote, typo = (
        make("readability", 0, 80),
        make("grammar", 10, 13),
        make("typography", 30, 31),
        make("grammar", 29, 35),
    )
    assert one_finding_per_defect([sentence, word, quote, typo], {}) == [sentence, word, quote]


# -- failures --------------------------------------------------------------------------------------


def test_server_down_is_one_warning_and_other_checks_still_report() -> None:
    text = "Sales rose TK percent and teh rest.\n"
    url = closed_port_url()
    result = lint(text, settings=remote(url), select=("grammar", "placeholder-text"))
    assert [f.rule for f in result.findings] == ["placeholder-text"]
    assert result.warnings == [
        f"grammar: cannot use LanguageTool server {url}: cannot connect "
        "(is the server running, and is languagetool.url right?)"
    ]
    assert not result.fatal_warning and result.error is None
    required = lint(text, settings=remote(url, required=True), select=("grammar", "placeholder-text"))
    assert required.fatal_warning and len(required.findings) == 1


def test_slow_server_times_out_once_then_fails_fast() -> None:
    # The language list answers at once; only /v2/check is slow. A generous timeout keeps a
    # loaded CI machine from timing out the fast request too.
    with FakeLanguageTool(behaviour="slow", delay=10) as server:
        settings = remote(server.url, timeout=4)
        first = lint("We saw teh end.\n", name="a.md", settings=settings, select=GRAMMAR_ONLY)
        second = lint("We saw teh start.\n", name="b.md", settings=settings, select=GRAMMAR_ONLY)
        sent = len(server.texts)
    assert first.warnings == [
        f"grammar: LanguageTool server {server.url} failed: no answer within 4 s (languagetool.timeout)"
    ]
    assert second.warnings == first.warnings and first.findings == second.findings == []
    assert sent == 1  # the second article did not wait for the dead server again


def test_slow_language_list_times_out_too() -> None:
    with FakeLanguageTool(behaviour="slow", delay=5, slow_languages=True) as server:
        result = lint("We saw teh end.\n", settings=remote(server.url, timeout=0.3), select=GRAMMAR_ONLY)
    assert result.warnings == [
        f"grammar: cannot use LanguageTool server {server.url}: no answer within 0.3 s (languagetool.timeout)"
    ]


@pytest.mark.parametrize(
    ("behaviour", "why"),
    [
        ("garbage", "failed: it answered with something that is not JSON: <html><body>Bad Gateway {"),
        ("wrong-shape", "sent an answer that is not LanguageTool's: no list of matches in it"),
        (
            "bad-match",
            "sent an answer that is not LanguageTool's: a match has no whole-number offset and length",
        ),
        ("error-500", "failed: it answered with something that is not JSON: Error: Internal Server Error"),
    ],
)
def test_garbage_answers_are_one_clear_warning(behaviour: str, why: str) -> None:
    with FakeLanguageTool(behaviour=behaviour) as server:  # type: ignore[arg-type]
        result = lint("We saw teh end.\n", settings=remote(server.url), select=GRAMMAR_ONLY)
    assert result.warnings == [f"grammar: LanguageTool server {server.url} {why}"]
    assert result.findings == [] and result.error is None


def test_unsupported_language_and_missing_url(lt: FakeLanguageTool) -> None:
    result = lint("Teh end.\n", settings=remote(lt.url, language="xx-YY"), select=GRAMMAR_ONLY)
    assert result.warnings == [
        f"grammar: cannot use LanguageTool server {lt.url}: unsupported language: 'xx-YY'"
    ]
    missing = lint("Teh end.\n", settings={"languagetool": {"mode": "remote"}}, select=GRAMMAR_ONLY)
    assert missing.warnings == [
        "grammar: languagetool.mode is 'remote' but languagetool.url is not set (e.g. http://localhost:8010)"
    ]


def test_parse_answer_rejects_what_is_not_a_check_result() -> None:
    good = {
        "matches": [{"offset": 2, "length": 3, "message": "m", "rule": {"id": "R", "category": {"id": "C"}}}]
    }
    (match,) = parse_answer(good, "a teh")
    assert (match.offset, match.length, match.rule_id, match.category_id, match.replacements) == (
        2,
        3,
        "R",
        "C",
        (),
    )
    for bad in (
        [],
        {"matches": None},
        {"matches": ["x"]},
        {"matches": [{"offset": 1, "length": 2}]},
        {"matches": [{"offset": -1, "length": 2, "rule": {"id": "R"}}]},
    ):
        with pytest.raises(ValueError):
            parse_answer(bad, "text")


def test_invalid_severity_in_config_is_a_config_error() -> None:
    from lint.config import ConfigError

    with pytest.raises(ConfigError, match="languagetool.severities"):
        findings("x\n", settings=remote("http://127.0.0.1:1", severities={"TYPOS": "loud"}))


def test_template_tags_left_in_raw_html_are_not_sent(lt: FakeLanguageTool) -> None:
    text = (
        '<div>\n<blockquote>\n“We said teh words.” - {{ "teh-person" | team_link }}\n</blockquote>\n</div>\n'
    )
    found = findings(text, settings=remote(lt.url), select=GRAMMAR_ONLY)
    assert located(found) == [("grammar", 3, 10, 3, 13)]
    assert all("team_link" not in sent for sent in lt.texts)


def test_server_url_may_end_in_v2(lt: FakeLanguageTool) -> None:
    for url in (lt.url + "/", lt.url + "/v2", lt.url + "/v2/"):
        connection.cache_clear()
        assert located(findings("Teh end and teh start.\n", settings=remote(url), select=GRAMMAR_ONLY)) == [
            ("grammar", 1, 13, 1, 16)
        ]


def test_a_server_limit_below_the_chunk_size_says_what_to_change() -> None:
    with FakeLanguageTool(max_text_length=20) as server:
        result = lint("We saw teh end of a long story.\n", settings=remote(server.url), select=GRAMMAR_ONLY)
    assert result.warnings == [
        f"grammar: LanguageTool server {server.url} failed: it answered with something that is not JSON: "
        "Error: Your text exceeds the limit of 20 characters (lower languagetool.max_request_chars)"
    ]


def test_an_empty_suggestion_means_delete() -> None:
    doubled = FakeRule(
        "the the",
        "ENGLISH_WORD_REPEAT_RULE",
        "MISC",
        "Miscellaneous",
        "duplication",
        "Possible typo: you repeated a word.",
        "",
        ("the", ""),
    )
    with FakeLanguageTool(rules=(doubled,)) as server:
        (found,) = findings("We saw the the end.\n", settings=remote(server.url), select=GRAMMAR_ONLY)
    assert found.message == (
        "“the the”: Possible typo: you repeated a word. Delete it, or write “the”. "
        "[LanguageTool ENGLISH_WORD_REPEAT_RULE]"
    )
    assert found.severity is Severity.WARNING


def test_capitalised_grammar_matches_are_kept_even_if_called_misspellings() -> None:
    a_vs_an = FakeRule(
        "An",
        "EN_A_VS_AN",
        "MISC",
        "Miscellaneous",
        "misspelling",
        "Use “A” instead of “An” if the following word doesn’t start with a vowel sound.",
        "",
        ("A",),
    )
    with FakeLanguageTool(rules=(a_vs_an,)) as server:
        found = findings("An budget was passed.\n", settings=remote(server.url), select=GRAMMAR_ONLY)
    assert located(found) == [("grammar", 1, 1, 1, 3)]


def test_a_local_server_that_will_not_start_is_given_up_after_a_few_ports() -> None:
    from types import SimpleNamespace

    from language_tool_python.exceptions import ServerError

    from lint.languagetool import LOCAL_START_ATTEMPTS, _client_class

    tried: list[int] = []

    def refuse() -> None:
        tried.append(fake._port)
        raise ServerError("LanguageTool server exited early with code 1")

    # Stands in for the client: the method only uses these attributes.
    fake = SimpleNamespace(
        _start_local_server=refuse,
        _available_ports=list(range(8100, 9000)),
        _host="127.0.0.1",
        _port=8081,
        _url="",
    )
    with pytest.raises(ServerError):
        _client_class()._start_server_on_free_port(fake)
    assert len(tried) == LOCAL_START_ATTEMPTS and len(set(tried)) == LOCAL_START_ATTEMPTS
    assert fake._url == f"http://127.0.0.1:{tried[-1]}/v2/"


# -- local mode: one server per run, shared by the --jobs workers ------------------------------------


def test_local_servers_publish_and_find_a_live_server(tmp_path: Path, lt: FakeLanguageTool) -> None:
    from lint.languagetool import LocalServers

    servers = LocalServers(tmp_path, run_id=12345)
    assert servers.live_url(timeout=2) is None
    servers.publish(lt.url + "/v2/")
    assert servers.live_url(timeout=2) == lt.url
    servers.state_file.write_text(f'{{"url": "{closed_port_url()}", "pid": {os.getpid()}}}')
    assert servers.live_url(timeout=2) is None  # nothing answers there any more
    servers.state_file.write_text(f'{{"url": "{lt.url}", "pid": 999999999}}')
    assert servers.live_url(timeout=2) is None  # its owner is gone
    servers.state_file.write_text("{not json")
    assert servers.live_url(timeout=2) is None


def test_local_mode_starts_one_server_for_all_workers_of_a_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    import lint.languagetool as lt_module

    started: list[FakeLanguageTool] = []
    attached: list[str] = []

    class FakeClient:
        """Stands in for language-tool-python: "starting a local server" starts a test server."""

        def __init__(self, timeout: float, language: str, remote_server: str | None = None) -> None:
            if remote_server is None:
                server = FakeLanguageTool().start()
                started.append(server)
                self.url = server.url + "/v2/"
            else:
                attached.append(remote_server)
                self.url = remote_server + "/v2/"

    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    monkeypatch.setattr(lt_module, "_client_class", lambda: FakeClient)
    monkeypatch.setattr(lt_module, "_download_local", lambda settings: None)
    monkeypatch.setattr(lt_module, "_stop_local_servers_at_exit", lambda: None)
    settings = Settings(mode="local", cache_dir=str(tmp_path))
    try:
        # Three "workers" at once: the lock lets one start the server, the others attach to it.
        clients: list[object] = []
        workers = [
            threading.Thread(target=lambda: clients.append(lt_module.Connection(settings)._make_client()))
            for _ in range(3)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        assert len(started) == 1 and attached == [started[0].url, started[0].url]
        assert len(clients) == 3
    finally:
        for server in started:
            server.stop()


def test_doubled_word_and_lowercase_start_are_reported_once_by_their_own_checks() -> None:
    repeat = FakeRule(
        "the the",
        "ENGLISH_WORD_REPEAT_RULE",
        "MISC",
        "Miscellaneous",
        "duplication",
        "Possible typo: you repeated a word.",
        "",
        ("the",),
    )
    lowercase = FakeRule(
        "we",
        "UPPERCASE_SENTENCE_START",
        "CASING",
        "Capitalization",
        "typographical",
        "This sentence does not start with an uppercase letter.",
        "",
        ("We",),
    )
    text = "The mayor read the the report.\n\nwe saw teh end.\n"
    with FakeLanguageTool(rules=(repeat, lowercase, TYPO)) as server:
        found = findings(
            text, settings=remote(server.url), select=("grammar", "doubled-word", "sentence-start-case")
        )
    assert [(f.rule, snippet(text, f)) for f in found if f.rule == "grammar"] == [("grammar", "teh")]
    assert {f.rule for f in found} == {"grammar", "doubled-word", "sentence-start-case"}


def test_a_failed_local_start_is_shared_so_other_workers_fail_fast(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from language_tool_python.exceptions import ServerError

    import lint.languagetool as lt_module
    from lint.languagetool import LanguageToolUnavailable

    attempts: list[int] = []

    class BrokenClient:
        def __init__(self, timeout: float, language: str, remote_server: str | None = None) -> None:
            attempts.append(1)
            raise ServerError("LanguageTool server did not become ready on 127.0.0.1:8123 within 15 seconds")

    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    monkeypatch.setattr(lt_module, "_client_class", lambda: BrokenClient)
    monkeypatch.setattr(lt_module, "_download_local", lambda settings: None)
    monkeypatch.setattr(lt_module, "_stop_local_servers_at_exit", lambda: None)
    settings = Settings(mode="local", cache_dir=str(tmp_path))
    messages: list[str] = []

    def worker() -> None:
        try:
            lt_module.Connection(settings)._get_client()
        except LanguageToolUnavailable as err:
            messages.append(str(err))

    workers = [threading.Thread(target=worker) for _ in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert len(attempts) == 1
    why = "LanguageTool server did not become ready on 127.0.0.1:8123 within 15 seconds"
    assert messages == [f"cannot use local LanguageTool: {why}"] * 3


def test_rules_other_checks_cover_are_skipped_unless_the_outlet_wants_them(lt: FakeLanguageTool) -> None:
    text = 'She said "yes" to teh plan.\n'
    default = findings(text, settings=remote(lt.url), select=GRAMMAR_ONLY)
    assert [snippet(text, f) for f in default] == ["teh"]
    assert "EN_QUOTES" in lt.params[-1]["disabledRules"].split(",")
    wanted = findings(
        text, settings={**remote(lt.url), "checks": {"grammar": {"skip_rules": []}}}, select=GRAMMAR_ONLY
    )
    assert [(snippet(text, f), f.severity) for f in wanted] == [
        ('"yes"', Severity.INFO),
        ("teh", Severity.WARNING),
    ]


def test_a_socket_timeout_that_beats_the_timer_is_still_a_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    # On a busy machine the socket's timeout can go off before the timer thread runs: the server
    # still did not answer in time, and must not be reported as one that cannot be reached.
    import http.client

    from lint.languagetool import Deadline, post_form

    def no_answer(self: http.client.HTTPConnection, *args: Any, **kwargs: Any) -> None:
        raise TimeoutError("timed out")

    monkeypatch.setattr(http.client.HTTPConnection, "request", no_answer)
    with pytest.raises(Deadline, match=r"no answer within 30 s"):
        post_form("http://127.0.0.1:9/v2/check", {"text": "x"}, timeout=30)
