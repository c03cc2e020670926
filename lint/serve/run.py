"""Start `newslint serve`: load the config, open the socket, run the app on uvicorn."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import click

from lint.config import ConfigError, find_config
from lint.serve.app import ServeSettings, create_app


class ServeError(Exception):
    """Why the server cannot start; one line for the user."""


def read_token(path: Path) -> str:
    try:
        token = path.read_text(encoding="utf-8").strip()
    except OSError as err:
        raise ServeError(f"{path}: cannot read the token file: {err.strerror or err}") from None
    except UnicodeDecodeError:
        raise ServeError(f"{path}: the token file is not UTF-8 text") from None
    if not token or any(c.isspace() for c in token):
        raise ServeError(f"{path}: the token file must hold one token (no spaces)")
    return token


def listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as err:
        sock.close()
        raise ServeError(f"cannot listen on {host}:{port}: {err.strerror or err}") from None
    except (socket.gaierror, UnicodeError) as err:
        sock.close()
        raise ServeError(f"cannot listen on {host}:{port}: {err}") from None
    sock.listen(128)
    return sock


def serve(host: str, port: int, config_path: Path | None, token_file: Path | None, max_bytes: int,
          timeout: float, workers: int | None) -> None:
    """Run until interrupted; raises ServeError when the server cannot start."""
    import uvicorn

    from lint import api

    path = config_path or find_config(Path.cwd())
    try:
        config = api.load_config(path)
    except ConfigError as err:
        raise ServeError(str(err)) from None
    token = read_token(token_file) if token_file else None
    settings = ServeSettings(host, port, token, max_bytes, timeout, workers or os.cpu_count() or 1)
    sock = listen(host, port)
    bound = sock.getsockname()[1]
    app = create_app(config, str(path.resolve()) if path else None, settings)
    where = f"http://[{host}]:{bound}" if ":" in host else f"http://{host}:{bound}"
    click.echo(f"newslint serve: {where} (config: {config.source}; {settings.workers} workers; "
               f"token {'required' if token else 'not required'})", err=True)
    server = uvicorn.Server(uvicorn.Config(
        app, log_level="warning", access_log=False, proxy_headers=False, server_header=False,
        lifespan="on", limit_concurrency=max(64, settings.workers * 16), timeout_graceful_shutdown=5,
    ))
    server.run(sockets=[sock])
    sys.stderr.flush()
