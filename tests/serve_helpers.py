"""Start and stop a real `newslint serve` process on a free loopback port, for the server tests."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

NEWSLINT = Path(sys.executable).parent / "newslint"


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    url: str
    log: Path

    def client(self, **kwargs: object) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30, **kwargs)  # type: ignore[arg-type]

    def log_lines(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines()


def start(tmp: Path, *args: str) -> Server:
    log = tmp / "server.log"
    with log.open("wb") as err:
        process = subprocess.Popen([str(NEWSLINT), "serve", "--port", "0", "--workers", "2", *args],
                                   cwd=tmp, stdout=subprocess.DEVNULL, stderr=err)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        first = log.read_text(encoding="utf-8").splitlines()[:1]
        if first and first[0].startswith("newslint serve: http://"):
            url = first[0].split()[2]
            try:
                if httpx.get(f"{url}/health", timeout=5).status_code == 200:
                    return Server(process, url, log)
            except httpx.HTTPError:
                pass
        if process.poll() is not None:
            raise AssertionError(f"server exited {process.returncode}: {log.read_text(encoding='utf-8')}")
        time.sleep(0.2)
    process.kill()
    raise AssertionError("server did not start in 60 s")


def stop(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(5)
