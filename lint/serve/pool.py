"""The server's worker processes: linting is CPU-bound Python, so requests run in processes,
each with the config loaded once, and every request has a time limit.

At most one request per worker is handed to the pool at a time; the others wait their turn
here, so the time limit measures a request's own linting, not the queue in front of it (the
queue is bounded by the server's connection limit).

A request over its limit gets an answer at once (TimeLimit). Its worker is still busy, and a
process pool cannot stop one task, so the pool is retired: new requests go to a fresh pool, and
the old one's processes are killed once the requests still running there have had their own
time. A worker that dies (killed, out of memory) also gets its pool replaced.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from lint.serve import work

T = TypeVar("T")


class TimeLimit(Exception):
    """The request's work took longer than the limit."""


class WorkerLost(Exception):
    """The worker process running the request died."""


class WorkerPool:
    def __init__(self, workers: int, config_path: str | None, timeout: float) -> None:
        self.workers = workers
        self.config_path = config_path
        self.timeout = timeout
        # forkserver: workers start from a clean single-threaded process, not from the server
        # with its event loop and threads.
        self._context = multiprocessing.get_context("forkserver")
        self._executor = self._new()
        self._retiring: set[asyncio.Task[None]] = set()
        self._retired: list[ProcessPoolExecutor] = []  # pools being stopped after a time-out
        self._free = asyncio.Semaphore(workers)
        self._ready: asyncio.Task[None] | None = None  # the current pool's workers starting up
        self.replaced = 0  # pools replaced after a time-out or a lost worker

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=self._context, initializer=work.prepare,
                                   initargs=(self.config_path, os.getpid()))

    async def start(self) -> None:
        """Start every worker now, so that the first requests do not wait for start-up."""
        self._ready = asyncio.get_running_loop().create_task(self._warm(self._executor))
        await self._ready

    async def _warm(self, executor: ProcessPoolExecutor) -> None:
        # One task per worker while none is idle makes the pool start them all (each loads the
        # config and lints a sample); requests wait for this, so start-up never eats their time.
        tasks = [asyncio.wrap_future(executor.submit(work.pid)) for _ in range(self.workers)]
        await asyncio.gather(*tasks, return_exceptions=True)

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        async with self._free:
            return await self._run(fn, *args)

    async def _run(self, fn: Callable[..., T], *args: Any) -> T:
        if self._ready is not None:
            await asyncio.shield(self._ready)
        executor = self._executor
        try:
            future: Future[T] = executor.submit(fn, *args)
        except (BrokenProcessPool, RuntimeError):
            executor = self._replace(executor)
            future = executor.submit(fn, *args)
        try:
            return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), self.timeout)
        except TimeoutError:
            if not future.cancel():  # it was running, not waiting: its worker is stuck on it
                self._retire(executor)
            raise TimeLimit from None
        except BrokenProcessPool:
            self._replace(executor)
            raise WorkerLost from None

    def _replace(self, executor: ProcessPoolExecutor) -> ProcessPoolExecutor:
        if executor is self._executor:
            self._executor = self._new()
            self._ready = asyncio.get_running_loop().create_task(self._warm(self._executor))
            self.replaced += 1
        return self._executor

    def _retire(self, executor: ProcessPoolExecutor) -> None:
        if executor is not self._executor:
            return  # already retired by another request
        self._replace(executor)
        self._retired.append(executor)
        task = asyncio.get_running_loop().create_task(self._kill_later(executor))
        self._retiring.add(task)
        task.add_done_callback(self._retiring.discard)

    async def _kill_later(self, executor: ProcessPoolExecutor) -> None:
        await asyncio.sleep(self.timeout)  # the other requests on it finish or time out by then
        _kill(executor)
        self._retired.remove(executor)

    async def close(self) -> None:
        for task in list(self._retiring):
            task.cancel()
        for executor in [*self._retired, self._executor]:
            _kill(executor)


def _kill(executor: ProcessPoolExecutor) -> None:
    # The executor has no public way to stop a running task; its process table is the only handle.
    for process in list(getattr(executor, "_processes", {}).values()):
        if process.is_alive():
            process.kill()
    executor.shutdown(wait=False, cancel_futures=True)
