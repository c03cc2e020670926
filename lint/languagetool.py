"""Talking to LanguageTool: settings, one client per process, chunked requests, answers checked.

The `grammar` check (lint/checks/grammar.py) builds the prose; this module sends it. It knows
nothing about documents: it takes plain request texts and gives back `LTMatch`es whose offsets
are code-point offsets into the text that was sent (LanguageTool counts UTF-16 code units).

Failures (server down, slow, garbage answers) become `LanguageToolUnavailable` with one line
that names the server and says why. After the first failure the connection stays failed for
the rest of the process, so a dead server costs one timeout per worker, not one per file.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lint.languagetool_settings import Settings, server_root

LOCAL_START_ATTEMPTS = 3  # ports tried before a local server that will not start is given up

class LanguageToolUnavailable(Exception):
    """LanguageTool could not be used; the message is one line naming the server and why."""


@dataclass(frozen=True)
class LTMatch:
    """One LanguageTool match, offsets in code points of the text that was sent."""

    offset: int
    length: int
    message: str
    short_message: str
    replacements: tuple[str, ...]
    rule_id: str
    rule_description: str
    issue_type: str
    category_id: str
    category_name: str


# -- UTF-16 offsets ---------------------------------------------------------------------------------


class Utf16Index:
    """Turns UTF-16 code-unit offsets (what LanguageTool, a Java program, reports) into code points.

    Characters outside the Basic Multilingual Plane (most emoji) take two UTF-16 units but one
    Python character; everything else takes one of each.
    """

    def __init__(self, text: str) -> None:
        # UTF-16 offset at which each astral character starts.
        self._astral_starts: list[int] = []
        extra = 0
        for i, ch in enumerate(text):
            if ord(ch) > 0xFFFF:
                self._astral_starts.append(i + extra)
                extra += 1
        self._length = len(text)

    def to_code_points(self, utf16_offset: int) -> int:
        # Every astral character that starts before the offset took one unit more.
        before = bisect.bisect_left(self._astral_starts, utf16_offset)
        return min(max(utf16_offset - before, 0), self._length)


# -- chunking --------------------------------------------------------------------------------------


def chunk_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """Split `text` into [start, end) pieces of at most `limit` characters.

    Prefer paragraph breaks, then line breaks, then sentence ends, then spaces, so LanguageTool
    sees whole sentences; only a single word longer than the limit is cut mid-word.
    """
    bounds: list[tuple[int, int]] = []
    start, size = 0, len(text)
    while size - start > limit:
        window_end = start + limit
        cut = -1
        for sep in ("\n\n", "\n", ". ", "? ", "! ", " "):
            at = text.rfind(sep, start + 1, window_end)
            if at > start:
                cut = at + len(sep)
                break
        if cut <= start or cut > window_end:
            cut = window_end
        bounds.append((start, cut))
        start = cut
    if start < size:
        bounds.append((start, size))
    return bounds


# -- the client ------------------------------------------------------------------------------------


@functools.cache
def _client_class() -> type:
    """language-tool-python's LanguageTool with our timeout and a check that returns raw JSON.

    `check()` in language-tool-python fixes offsets for emoji through class-level state shared by
    all threads and leaves lengths in UTF-16 units, so we read the JSON and convert ourselves.
    """
    import urllib.parse

    from language_tool_python import LanguageTool
    from language_tool_python.exceptions import ServerError

    class TimedLanguageTool(LanguageTool):  # type: ignore[misc]
        def __init__(self, timeout: float, **kwargs: Any) -> None:
            # The library reads this class constant for every request (default 300 s).
            self._TIMEOUT = timeout  # type: ignore[misc]
            super().__init__(**kwargs)

        def _start_server_on_free_port(self) -> None:
            # The library tries some 900 ports, 15 s each, when a local server will not start
            # (too little memory, say): an hours-long hang. Try a few, then give up.
            for attempt in range(LOCAL_START_ATTEMPTS):
                try:
                    self._start_local_server()
                    return
                except ServerError:
                    if attempt + 1 == LOCAL_START_ATTEMPTS or not self._available_ports:
                        raise
                    self._port = self._available_ports.pop()
                    self._url = f"http://{self._host}:{self._port}/v2/"

        def check_json(self, text: str) -> Any:
            url = urllib.parse.urljoin(self._url, "check")
            return post_form(url, self._create_params(text), self._TIMEOUT)

    return TimedLanguageTool


class Deadline(TimeoutError):
    """A request that was not answered in full within its time (languagetool.timeout)."""


def post_form(url: str, form: Mapping[str, str], timeout: float) -> Any:
    """POST a form and read the JSON answer, all within `timeout` seconds.

    A socket timeout alone bounds each read, so a server that sends its answer a byte at a time
    would be waited on for ever. A timer shuts the connection down when the time is up, whatever
    the request is doing (connecting, sending, reading the headers or the body). Proxies set in
    the environment (HTTP_PROXY, HTTPS_PROXY, NO_PROXY) are used.
    """
    import http.client
    import json
    import socket
    import urllib.parse
    import urllib.request

    parts = urllib.parse.urlsplit(url)
    https = parts.scheme == "https"
    host, port = parts.hostname or "", parts.port or (443 if https else 80)
    proxy = urllib.request.getproxies().get(parts.scheme)
    if proxy and urllib.request.proxy_bypass(host):
        proxy = None
    connection_class = http.client.HTTPSConnection if https else http.client.HTTPConnection
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    if proxy:
        via = urllib.parse.urlsplit(proxy)
        conn = connection_class(via.hostname or "", via.port or 8080, timeout=timeout)
        if https:
            conn.set_tunnel(host, port)
        else:
            target = url
    else:
        conn = connection_class(host, port, timeout=timeout)
    expired = threading.Event()

    def cut() -> None:
        expired.set()
        sock = conn.sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    timer = threading.Timer(timeout, cut)
    timer.daemon = True
    timer.start()
    try:
        body = urllib.parse.urlencode(form).encode("utf-8")
        conn.request("POST", target, body, {"Content-Type": "application/x-www-form-urlencoded"})
        response = conn.getresponse()
        data = response.read()
    except (OSError, http.client.HTTPException) as err:
        # The socket's own timeout is the same length as the timer: on a busy machine it may go
        # off first, before the timer thread has run. Either way the server did not answer in time.
        if expired.is_set() or isinstance(err, TimeoutError):
            raise Deadline(f"no answer within {timeout:g} s") from None
        raise ConnectionError(str(err) or type(err).__name__) from err
    finally:
        timer.cancel()
        conn.close()
    if expired.is_set():
        raise Deadline(f"no answer within {timeout:g} s")
    text = data.decode("utf-8", "replace")
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:  # kept in the chain: _reason says "not JSON"
        if response.status == 426:
            raise ValueError("over the rate limit of the free LanguageTool API; try again later") from err
        raise ValueError(_first_line(text) or f"HTTP {response.status}") from err


@dataclass
class Connection:
    """One LanguageTool client for all files of a run in this process (made on first use)."""

    settings: Settings
    _client: Any = None
    _failure: str | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def _get_client(self) -> Any:
        with self._lock:
            if self._failure is not None:
                raise LanguageToolUnavailable(self._failure)
            if self._client is None:
                try:
                    self._client = self._connect()
                except LanguageToolUnavailable as err:
                    self._failure = str(err)
                    raise
            return self._client

    def _fail(self, reason: str) -> LanguageToolUnavailable:
        with self._lock:
            if self._failure is None:
                self._failure = reason
            return LanguageToolUnavailable(self._failure)

    def _connect(self) -> Any:
        s = self.settings
        if s.mode == "remote" and not s.url:
            raise LanguageToolUnavailable(
                "languagetool.mode is 'remote' but languagetool.url is not set (e.g. http://localhost:8010)"
            )
        try:
            client = self._make_client()
        except LanguageToolUnavailable:
            raise
        except (AttributeError, TypeError, KeyError):
            # /v2/languages answered, but not with a list of languages
            raise LanguageToolUnavailable(
                f"cannot use {s.server_name}: its list of languages is not LanguageTool's "
                "(is languagetool.url right?)"
            ) from None
        except Exception as err:  # the library raises many kinds; all mean "cannot use it"
            raise LanguageToolUnavailable(f"cannot use {s.server_name}: {_reason(err, s)}") from None
        client.disabled_rules = set(s.disabled_rules)
        client.disabled_categories = set(s.disabled_categories)
        if s.enabled_only:
            client.enabled_rules = set(s.enabled_only)
            client.enabled_rules_only = True
        client.picky = s.picky
        return client

    def _make_client(self) -> Any:
        s = self.settings
        cls = _client_class()
        if s.mode == "remote":
            return cls(s.timeout, language=s.language, remote_server=s.url)
        # Local: the workers of one run (--jobs N) share one server. Whoever takes the lock
        # first downloads LanguageTool if needed and starts the server; the others then find
        # it published and talk to it as a remote server.
        servers = LocalServers(_download_folder(s), _run_id())
        with servers.locked():
            url = servers.live_url(s.timeout)  # raises the failure another worker recorded
            if url:
                return cls(s.timeout, language=s.language, remote_server=url)
            try:
                _download_local(s)
                _stop_local_servers_at_exit()
                client = cls(s.timeout, language=s.language)
            except LanguageToolUnavailable as err:
                servers.publish_failure(str(err))
                raise
            except Exception as err:
                # Record it, so the run's other workers do not each wait for a failing start.
                message = f"cannot use {s.server_name}: {_reason(err, s)}"
                servers.publish_failure(message)
                raise LanguageToolUnavailable(message) from None
            servers.publish(client.url)
            return client

    def check(self, text: str) -> list[LTMatch]:
        """LanguageTool's matches for one request text (at most max_request_chars long)."""
        client = self._get_client()
        try:
            answer = client.check_json(text)
        except Exception as err:
            raise self._fail(f"{self.settings.server_name} failed: {_reason(err, self.settings)}") from None
        try:
            return parse_answer(answer, text)
        except ValueError as err:
            raise self._fail(
                f"{self.settings.server_name} sent an answer that is not LanguageTool's: {err}"
            ) from None

    def check_all(self, texts: Sequence[str]) -> list[list[LTMatch]]:
        """Matches for several request texts, sent concurrently; results in input order."""
        if len(texts) <= 1 or self.settings.concurrency <= 1:
            return [self.check(t) for t in texts]
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=min(self.settings.concurrency, len(texts))) as pool:
            return list(pool.map(self.check, texts))


@functools.cache
def connection(settings: Settings) -> Connection:
    """The per-process connection for these settings (several outlets' configs may differ)."""
    return Connection(settings)


def _download_folder(settings: Settings) -> Path:
    """Where language-tool-python keeps LanguageTool: $LTP_PATH, which cache_dir overrides."""
    import os

    if settings.cache_dir:
        os.environ["LTP_PATH"] = os.path.expanduser(settings.cache_dir)
    from language_tool_python.utils import get_language_tool_download_path

    try:
        return get_language_tool_download_path()  # creates it
    except OSError as err:
        raise LanguageToolUnavailable(
            f"cannot use {settings.cache_dir or '$LTP_PATH'} for LanguageTool: {err.strerror or err}"
        ) from None


def _download_local(settings: Settings) -> None:
    """Make sure LanguageTool is in the cache (downloading it once), so a failed download says so."""
    from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION, LocalLanguageTool

    try:
        LocalLanguageTool.from_version_name(LTP_DOWNLOAD_VERSION).download()
    except Exception as err:  # no Java, no internet, a bad checksum, a read-only folder...
        raise LanguageToolUnavailable(
            f"cannot download LanguageTool {LTP_DOWNLOAD_VERSION} into {settings.cache_dir or '$LTP_PATH'}: "
            f"{_reason(err, settings)}"
        ) from None


def _run_id() -> int:
    """The process id of this run's main process (the parent of --jobs workers)."""
    import multiprocessing
    import os

    parent = multiprocessing.parent_process()
    return parent.pid if parent is not None and parent.pid else os.getpid()


@dataclass(frozen=True)
class LocalServers:
    """Where the processes of one run find the local LanguageTool server one of them started.

    A lock file serialises downloading and starting; a small JSON file per run names the
    server's URL and the process that owns it (the server stops when that process ends, and
    the workers of a run all end together, after the last file).
    """

    folder: Path
    run_id: int

    @property
    def state_file(self) -> Path:
        return self.folder / f".newslint-server-{self.run_id}.json"

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        try:
            import fcntl
        except ImportError:  # Windows: no sharing; each process starts its own server
            yield
            return
        with open(self.folder / ".newslint-server.lock", "a+") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def live_url(self, timeout: float) -> str | None:
        """The URL this run's server answers on, or None if there is none (or it died).

        Raises LanguageToolUnavailable if another worker of this run already failed to start it.
        """
        import json
        import os

        import requests

        try:
            state = json.loads(self.state_file.read_text(encoding="utf-8"))
            os.kill(int(state["pid"]), 0)  # raises if the owner (and so its server) is gone
            if "error" in state:
                raise LanguageToolUnavailable(str(state["error"]))
            url = str(state["url"])
            requests.get(url.rstrip("/") + "/v2/languages", timeout=timeout).raise_for_status()
        except (OSError, ValueError, KeyError, TypeError, requests.RequestException):
            return None
        return url

    def publish(self, client_url: str) -> None:
        """Name this process's server for the run's other workers."""
        self._write({"url": server_root(client_url)})

    def publish_failure(self, message: str) -> None:
        """Tell the run's other workers that starting the server failed, and why."""
        self._write({"error": message})

    def _write(self, state: dict[str, str]) -> None:
        """Write the run's state, owned by this process; it is removed when this process ends."""
        import json
        import os
        from multiprocessing import util

        try:
            self.state_file.write_text(json.dumps({**state, "pid": os.getpid()}), encoding="utf-8")
        except OSError:
            return  # a read-only cache: the other workers start their own servers
        util.Finalize(None, self.state_file.unlink, kwargs={"missing_ok": True}, exitpriority=20)


@functools.cache
def _stop_local_servers_at_exit() -> None:
    """Stop this process's local LanguageTool servers when it ends, --jobs workers included.

    Worker processes end with os._exit, which skips language-tool-python's atexit hook; a
    multiprocessing finalizer still runs there (and in the main process). Registered once.
    """
    from multiprocessing import util

    from language_tool_python.server import terminate_server

    util.Finalize(None, terminate_server, exitpriority=10)


def _reason(err: BaseException, settings: Settings) -> str:
    """One short line saying why a request failed."""
    import json

    import requests

    chain: list[BaseException] = []
    cur: BaseException | None = err
    while cur is not None and len(chain) < 5:
        chain.append(cur)
        cur = cur.__cause__ or cur.__context__
    if any(isinstance(e, (requests.Timeout, Deadline)) for e in chain):
        return f"no answer within {settings.timeout:g} s (languagetool.timeout)"
    if any(isinstance(e, (requests.ConnectionError, ConnectionError)) for e in chain):
        if settings.mode == "local":
            return (
                "cannot connect (no internet? run once where there is, or copy the download into cache_dir)"
            )
        return "cannot connect (is the server running, and is languagetool.url right?)"
    text = _first_line(str(err))
    if any(isinstance(e, json.JSONDecodeError) for e in chain):
        text = "it answered with something that is not JSON" + (f": {text}" if text else "")
    if "exceeds the limit" in text:  # the server's maxTextLength is below our chunk size
        text += " (lower languagetool.max_request_chars)"
    return text or type(err).__name__


def _first_line(text: str, limit: int = 160) -> str:
    """Server error pages can be long HTML: keep one short line."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


# -- reading answers -------------------------------------------------------------------------------


def parse_answer(answer: Any, text: str) -> list[LTMatch]:
    """LanguageTool's /v2/check JSON to matches with code-point offsets; ValueError if malformed."""
    if not isinstance(answer, dict) or not isinstance(answer.get("matches"), list):
        raise ValueError("no list of matches in it")
    index = Utf16Index(text)
    return [_match(raw, index) for raw in answer["matches"]]


def _match(raw: Any, index: Utf16Index) -> LTMatch:
    if not isinstance(raw, dict):
        raise ValueError("a match is not an object")
    offset, length = raw.get("offset"), raw.get("length")
    if not _is_int(offset) or not _is_int(length) or offset < 0 or length < 0:
        raise ValueError("a match has no whole-number offset and length")
    rule = raw.get("rule")
    if not isinstance(rule, dict) or not isinstance(rule.get("id"), str):
        raise ValueError("a match has no rule id")
    category = rule.get("category") if isinstance(rule.get("category"), dict) else {}
    replacements = tuple(
        r["value"]
        for r in raw.get("replacements") or ()
        if isinstance(r, dict) and isinstance(r.get("value"), str)
    )
    start = index.to_code_points(offset)
    end = index.to_code_points(offset + length)
    return LTMatch(
        offset=start,
        length=max(end - start, 0),
        message=_text(raw.get("message")),
        short_message=_text(raw.get("shortMessage")),
        replacements=replacements,
        rule_id=rule["id"],
        rule_description=_text(rule.get("description")),
        issue_type=_text(rule.get("issueType")),
        category_id=_text(category.get("id")),
        category_name=_text(category.get("name")),
    )


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def iter_severity_keys(match: LTMatch) -> Iterator[str]:
    """Keys a `severities:` mapping may use for a match, most specific first."""
    yield match.rule_id
    if match.category_id:
        yield match.category_id
    if match.issue_type:
        yield match.issue_type
