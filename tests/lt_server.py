"""A LanguageTool-compatible HTTP server for tests: deterministic answers, on loopback, in a thread.

It speaks LanguageTool's documented HTTP API (`GET /v2/languages`, `GET|POST /v2/check` with
form fields `text`, `language`, `disabledRules`, `enabledRules`, `enabledOnly`,
`disabledCategories`, `level`) and flags every whole-word occurrence of its rules' phrases in
the text it receives. Like the real server (Java strings), it reports offsets and lengths in
UTF-16 code units. It can also misbehave on purpose: answer slowly, send garbage, send JSON
that is not a LanguageTool answer, fail with HTTP 500, reject texts over a length limit, or
send its answer a byte at a time, never finishing ("dribble": each byte well within any socket
timeout).

    with FakeLanguageTool() as lt:
        ... config {"languagetool": {"mode": "remote", "url": lt.url}} ...
        lt.texts  # every text /v2/check received
"""

from __future__ import annotations

import json
import re
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

Behaviour = Literal["ok", "slow", "garbage", "wrong-shape", "bad-match", "error-500", "dribble"]


@dataclass(frozen=True)
class FakeRule:
    phrase: str  # flagged wherever it occurs as whole words (case-sensitive)
    rule_id: str
    category_id: str
    category_name: str
    issue_type: str
    message: str
    short_message: str = ""
    replacements: tuple[str, ...] = ()


TYPO = FakeRule(
    "teh",
    "MORFOLOGIK_RULE_EN_US",
    "TYPOS",
    "Possible Typo",
    "misspelling",
    "Possible spelling mistake found.",
    "Spelling mistake",
    ("the", "ten", "tea"),
)
NAME_TYPO = FakeRule(
    "Zelenskyy",
    "MORFOLOGIK_RULE_EN_US",
    "TYPOS",
    "Possible Typo",
    "misspelling",
    "Possible spelling mistake found.",
    "Spelling mistake",
    ("Zelensky",),
)
GRAMMAR = FakeRule(
    "could of",
    "COULD_OF",
    "GRAMMAR",
    "Grammar",
    "grammar",
    "Did you mean <suggestion>could have</suggestion>?",
    "Grammatical error",
    ("could have",),
)
STYLE = FakeRule(
    "in order to",
    "IN_ORDER_TO",
    "STYLE",
    "Style",
    "style",
    "Consider a shorter phrase.",
    "Wordiness",
    ("to",),
)
QUOTES = FakeRule(
    '"yes"', "EN_QUOTES", "TYPOGRAPHY", "Typography", "typographical", "Use curly quotes.", "", ("“yes”",)
)
DEFAULT_RULES = (TYPO, NAME_TYPO, GRAMMAR, STYLE, QUOTES)

LANGUAGES = [
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, as Java counts it."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class FakeLanguageTool:
    rules: tuple[FakeRule, ...] = DEFAULT_RULES
    behaviour: Behaviour = "ok"
    delay: float = 0.0  # seconds "slow" waits before answering /v2/check
    slow_languages: bool = False  # "slow" also delays /v2/languages
    max_text_length: int | None = None  # like maxTextLength: longer texts get HTTP 413
    texts: list[str] = field(default_factory=list)  # every text /v2/check received
    params: list[dict[str, str]] = field(default_factory=list)  # their form fields
    languages_requests: int = 0  # how often a client asked for /v2/languages
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None
    _stopping: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        assert self._server is not None, "server not started"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> FakeLanguageTool:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:
                parsed = urllib.parse.urlsplit(self.path)
                self._route(parsed.path, urllib.parse.parse_qs(parsed.query))

            def do_POST(self) -> None:
                size = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(size).decode("utf-8")
                self._route(
                    urllib.parse.urlsplit(self.path).path, urllib.parse.parse_qs(body, keep_blank_values=True)
                )

            def _route(self, path: str, query: dict[str, list[str]]) -> None:
                form = {k: v[0] for k, v in query.items()}
                if path == "/v2/languages":
                    with fake._lock:
                        fake.languages_requests += 1
                    if fake.behaviour == "slow" and fake.slow_languages:
                        fake._stopping.wait(fake.delay)
                    self._send(200, json.dumps(LANGUAGES))
                elif path == "/v2/check" and fake.behaviour == "dribble":
                    self._dribble()
                elif path == "/v2/check":
                    self._send(*fake.answer(form))
                elif path == "/v2/healthcheck":
                    self._send(200, "OK", "text/plain")
                else:
                    self._send(404, "Error: unknown path", "text/plain")

            def _dribble(self) -> None:
                try:
                    for byte in b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n":
                        if fake._stopping.wait(0.05):
                            return
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                    while not fake._stopping.wait(0.05):  # a header that never ends
                        self.wfile.write(b"X")
                        self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up, as it should

            def _send(self, status: int, body: str, content_type: str = "application/json") -> None:
                data = body.encode("utf-8")
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", f"{content_type}; charset=utf-8")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # wake handlers that are being slow on purpose
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeLanguageTool:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- answers ----------------------------------------------------------------------------------

    def answer(self, form: dict[str, str]) -> tuple[int, str, str]:
        """(status, body, content type) for one /v2/check request."""
        text = form.get("text")
        if text is None:
            return 400, "Error: Missing 'text' or 'data' parameter", "text/plain"
        with self._lock:
            self.texts.append(text)
            self.params.append(dict(form))
        if self.behaviour == "slow":
            self._stopping.wait(self.delay)
        if self.behaviour == "garbage":
            return 200, "<html><body>Bad Gateway {", "application/json"
        if self.behaviour == "wrong-shape":
            return (
                200,
                json.dumps({"software": {"name": "LanguageTool"}, "result": "fine"}),
                "application/json",
            )
        if self.behaviour == "bad-match":
            return 200, json.dumps({"matches": [{"offset": "seven", "rule": {}}]}), "application/json"
        if self.behaviour == "error-500":
            return 500, "Error: Internal Server Error", "text/plain"
        if self.max_text_length is not None and len(text) > self.max_text_length:
            return (
                413,
                f"Error: Your text exceeds the limit of {self.max_text_length} characters",
                "text/plain",
            )
        return 200, json.dumps(self.check(text, form)), "application/json"

    def check(self, text: str, form: dict[str, str]) -> dict[str, Any]:
        disabled = set(filter(None, form.get("disabledRules", "").split(",")))
        disabled_categories = set(filter(None, form.get("disabledCategories", "").split(",")))
        enabled = set(filter(None, form.get("enabledRules", "").split(",")))
        only = form.get("enabledOnly") == "true"
        matches = []
        for rule in self.rules:
            if (
                rule.rule_id in disabled
                or rule.category_id in disabled_categories
                or (only and rule.rule_id not in enabled)
            ):
                continue
            for m in re.finditer(rf"(?<!\w){re.escape(rule.phrase)}(?!\w)", text):
                matches.append(self._match(text, m.start(), m.end(), rule))
        matches.sort(key=lambda item: item["offset"])
        language = form.get("language", "en-US")
        return {
            "software": {"name": "LanguageTool", "version": "6.6", "apiVersion": 1, "premium": False},
            "language": {"name": "English (US)", "code": language},
            "matches": matches,
        }

    @staticmethod
    def _match(text: str, start: int, end: int, rule: FakeRule) -> dict[str, Any]:
        before, flagged = text[max(0, start - 25) : start], text[start:end]
        context = (before + flagged + text[end : end + 25]).replace("\n", " ")
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        return {
            "message": rule.message,
            "shortMessage": rule.short_message,
            "replacements": [{"value": r} for r in rule.replacements],
            "offset": utf16_len(text[:start]),
            "length": utf16_len(flagged),
            "context": {"text": context, "offset": utf16_len(before), "length": utf16_len(flagged)},
            "sentence": text[line_start : line_end if line_end >= 0 else len(text)],
            "type": {"typeName": "Other"},
            "rule": {
                "id": rule.rule_id,
                "description": rule.short_message or rule.message,
                "issueType": rule.issue_type,
                "category": {"id": rule.category_id, "name": rule.category_name},
            },
            "ignoreForIncompleteSentence": False,
            "contextForSureMatch": 0,
        }


def closed_port_url() -> str:
    """A loopback URL where nothing listens (the server is down)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
