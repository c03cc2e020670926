"""`newslint serve`: an HTTP JSON service for a CMS, and a page where an editor pastes a story.

Routes (docs/serve.md has the contract):
  POST /v1/check   {"text", "filename"?, "select"?, "ignore"?, "fail_on"?} -> the CLI's JSON report
  POST /v1/fix     same request -> {"text", "changed", "applied", "report"}
  GET  /v1/rules   the checks and whether this server's config turns them on
  GET  /health     liveness
  GET  /           the paste page; its form posts to POST /report, which answers the HTML report

Safe by default: the server's own config applies and a request can only narrow select, ignore
and fail_on (it can never name a config or plugin); bodies over --max-bytes are 413; bad JSON
and bad fields are 400 with an error object; every request has a time limit; an optional bearer
token guards /v1/ and /report. Nothing a request sends is ever read from or written to disk.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from lint import __version__, api
from lint.constants import SEVERITY_NAMES
from lint.engine import valid_selectors
from lint.findings import Severity
from lint.serve import work
from lint.serve.page import PAGE_CSP, page_html
from lint.serve.pool import TimeLimit, WorkerLost, WorkerPool

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

REQUEST_FIELDS = ("text", "filename", "select", "ignore", "fail_on")
DEFAULT_FILENAME = "article.md"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


@dataclass(frozen=True)
class ServeSettings:
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None  # a bearer token that /v1/ and /report require
    max_bytes: int = 2 * 1024 * 1024
    timeout: float = 10.0  # seconds of linting per request
    workers: int = 2


class ApiError(Exception):
    """An answer with an error object: {"error": {"code": ..., "message": ...}}."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@dataclass(frozen=True)
class LintRequest:
    text: str
    filename: str
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    fail_on: Severity


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


def create_app(config: api.Config, config_path: str | None, settings: ServeSettings,
               log: Callable[[str], None] | None = None, pool: WorkerPool | None = None) -> ASGIApp:
    """The ASGI application; `config` is the server's (already validated), loaded by each worker
    from `config_path` (None: the default preset)."""
    workers = pool or WorkerPool(settings.workers, config_path, settings.timeout)
    known = config.registry.ids()
    write_log = log or _stderr

    def authorised(request: Request, form_token: str | None = None) -> None:
        if settings.token is None:
            return
        header = request.headers.get("authorization", "")
        given = header[7:].strip() if header[:7].lower() == "bearer " else (form_token or "")
        if not hmac.compare_digest(given.encode("utf-8", "replace"), settings.token.encode("utf-8")):
            raise ApiError(401, "unauthorized", "a bearer token is required (Authorization: Bearer TOKEN)")

    async def body(request: Request) -> bytes:
        declared = request.headers.get("content-length")
        if declared is not None:
            if not declared.isdigit():
                raise ApiError(400, "bad_request", "Content-Length is not a number")
            if int(declared) > settings.max_bytes:
                raise _too_large(settings.max_bytes)
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > settings.max_bytes:
                raise _too_large(settings.max_bytes)
            chunks.append(chunk)
        return b"".join(chunks)

    def lint_request(fields: dict[str, Any]) -> LintRequest:
        parsed = parse_fields(fields)
        unknown = valid_selectors((*parsed.select, *parsed.ignore), known)
        if unknown:
            raise ApiError(400, "bad_request", f"unknown check or category {unknown[0]!r} (GET /v1/rules lists them)")
        return parsed

    async def run(fn: Callable[..., Any], req: LintRequest) -> Any:
        try:
            return await workers.run(fn, config_path, req.text, req.filename, req.select, req.ignore)
        except TimeLimit:
            raise ApiError(503, "timeout",
                           f"linting took longer than {settings.timeout:g} s (the server's --timeout)") from None
        except WorkerLost:
            raise ApiError(503, "worker_lost", "the worker linting this text stopped; try again") from None

    async def check(request: Request) -> Response:
        authorised(request)
        req = lint_request(json_fields(await body(request)))
        result = await run(work.check, req)
        return Response(api.json_report([result], config), media_type="application/json",
                        headers={"X-Newslint-Exit-Code": str(api.exit_code([result], req.fail_on))})

    async def fix(request: Request) -> Response:
        authorised(request)
        req = lint_request(json_fields(await body(request)))
        fixed: api.FixResult = await run(work.fix, req)
        applied = [
            {"rule": a.finding.rule, "category": a.finding.category, "message": a.finding.message,
             "line": a.finding.line, "column": a.finding.column, "end_line": a.finding.end_line,
             "end_column": a.finding.end_column, "replacement": a.finding.fix.replacement if a.finding.fix else "",
             "pass": a.pass_number}
            for a in fixed.applied
        ]
        data = {"text": fixed.text, "changed": fixed.changed, "applied": applied,
                "report": json.loads(api.json_report([fixed.result], config))}
        return JSONResponse(data, headers={"X-Newslint-Exit-Code": str(api.exit_code([fixed.result], req.fail_on))})

    async def rules(request: Request) -> Response:
        authorised(request)
        return JSONResponse([
            {"id": c.id, "category": c.category, "severity": c.severity.value, "enabled": c.enabled,
             "enabled_by_default": c.enabled_by_default, "summary": c.summary}
            for c in api.checks(config)
        ])

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "version": __version__, "workers": settings.workers})

    async def page(request: Request) -> Response:
        return HTMLResponse(page_html(token_required=settings.token is not None),
                            headers={"Content-Security-Policy": PAGE_CSP})

    async def report(request: Request) -> Response:
        """The paste page's form: urlencoded text and filename in, the HTML report out."""
        raw = await body(request)
        try:
            form = {k: v[0] for k, v in parse_qs(raw.decode("utf-8"), keep_blank_values=True).items()}
        except UnicodeDecodeError:
            raise ApiError(400, "bad_request", "the form is not UTF-8") from None
        authorised(request, form.pop("token", None))
        req = lint_request({k: v for k, v in form.items() if k in ("text", "filename")})
        result = await run(work.check, req)
        return HTMLResponse(api.html_report([result], {result.path: req.text}, config), headers={
            # Shown in the page's sandboxed frame; opened on its own it is sandboxed too.
            "Content-Security-Policy": "sandbox allow-scripts; default-src 'none'; "
                                       "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:",
        })

    async def api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return error_response(exc.status, exc.code, exc.message, headers)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        codes = {404: ("not_found", "no such route"), 405: ("method_not_allowed", "method not allowed here")}
        code, message = codes.get(exc.status_code, ("error", str(exc.detail)))
        return error_response(exc.status_code, code, f"{message}: {request.method} {request.url.path}",
                              dict(exc.headers or {}))

    async def server_error(request: Request, exc: Exception) -> Response:
        write_log(f"newslint serve: error: {type(exc).__name__}: {exc}")
        return error_response(500, "internal", "the server failed on this request; see its log")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await workers.start()
        try:
            yield
        finally:
            await workers.close()

    app = Starlette(
        routes=[
            Route("/", page, methods=["GET"]),
            Route("/report", report, methods=["POST"]),
            Route("/health", health, methods=["GET"]),
            Route("/v1/rules", rules, methods=["GET"]),
            Route("/v1/check", check, methods=["POST"]),
            Route("/v1/fix", fix, methods=["POST"]),
        ],
        exception_handlers={ApiError: api_error, HTTPException: http_error, Exception: server_error},
        lifespan=lifespan,
    )
    guarded: ASGIApp = app
    if settings.host in LOOPBACK_HOSTS:
        guarded = LoopbackOnly(guarded)
    return AccessLog(guarded, write_log)


def _too_large(limit: int) -> ApiError:
    return ApiError(413, "too_large", f"the body is over the server's limit of {limit} bytes (--max-bytes)")


def json_fields(raw: bytes) -> dict[str, Any]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ApiError(400, "bad_json", "the body is not UTF-8") from None
    except (ValueError, RecursionError) as err:
        raise ApiError(400, "bad_json", f"the body is not JSON ({str(err).splitlines()[0][:100]})") from None
    if not isinstance(data, dict):
        raise ApiError(400, "bad_json", 'the body must be a JSON object: {"text": "...", "filename": "story.md"}')
    return data


def parse_fields(data: dict[str, Any]) -> LintRequest:
    """Validate a request's fields; requests may only narrow the server's config, never load one."""
    unknown = [k for k in data if k not in REQUEST_FIELDS]
    if unknown:
        raise ApiError(400, "bad_request", f"unknown field {str(unknown[0])[:60]!r} (allowed: "
                       f"{', '.join(REQUEST_FIELDS)}); the server's own config applies")
    text = data.get("text")
    if not isinstance(text, str):
        raise ApiError(400, "bad_request", "missing field 'text' (the article, a string)" if text is None
                       else "'text' must be a string")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ApiError(400, "bad_request", "'text' contains a lone surrogate (\\ud800-\\udfff)") from None
    filename = data.get("filename", DEFAULT_FILENAME)
    if not isinstance(filename, str) or not filename or len(filename) > 255 or not filename.isprintable():
        raise ApiError(400, "bad_request", "'filename' must be a printable string of 1 to 255 characters")
    fail_on = data.get("fail_on", "error")
    if fail_on not in SEVERITY_NAMES:
        raise ApiError(400, "bad_request", f"'fail_on' must be one of {', '.join(SEVERITY_NAMES)}")
    return LintRequest(text, filename, _names(data, "select"), _names(data, "ignore"), Severity(fail_on))


def _names(data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ApiError(400, "bad_request", f"{key!r} must be a list of check ids or categories")
    return tuple(v.strip() for v in value if v.strip())


class LoopbackOnly:
    """On a loopback address, answer only requests addressed to it: a web page elsewhere cannot
    reach the service through a name that it re-points at 127.0.0.1 (DNS rebinding)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = dict(scope["headers"]).get(b"host", b"").decode("latin-1").lower()
            name = host[1:].split("]")[0] if host.startswith("[") else host.rsplit(":", 1)[0] if ":" in host else host
            if name not in LOOPBACK_HOSTS:
                response = error_response(400, "bad_host", "this server answers only for localhost")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class AccessLog:
    """One line per request: client, method and path, status, bytes sent, milliseconds."""

    def __init__(self, app: ASGIApp, log: Callable[[str], None]) -> None:
        self.app = app
        self.log = log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status, sent = 500, 0

        async def counting(message: Message) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, counting)
        finally:
            client = (scope.get("client") or ("-", 0))[0]
            path = _printable(scope.get("path", ""))
            ms = (time.perf_counter() - start) * 1000
            self.log(f'{time.strftime("%Y-%m-%dT%H:%M:%S")} {client} "{scope.get("method", "-")} {path}" '
                     f"{status} {sent} {ms:.1f}ms")


def _printable(text: str, limit: int = 200) -> str:
    """A request path as one safe log field: control characters escaped, quotes too, cut short."""
    out = "".join(c if c.isprintable() and c != '"' else f"\\x{ord(c):02x}" for c in text[:limit])
    return out + ("..." if len(text) > limit else "")


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
