"""--dask ADDRESS: lint the files on the workers of a Dask distributed cluster.

The machine that runs `newslint check` finds the files, reads them and answers what it can from
its cache, exactly as a local run does. It sends the rest to the cluster in batches (the text of
each article with the settings that govern it), so the workers need newslint installed but no
access to the files. Results stream back as batches finish and fill the cache; only a bounded
number of batches is in flight, so an archive of any size never sits in memory at once. The
report is the same as a local run's: the same results, in the same order.

`distributed` is imported only here, and only when `--dask` is given (`pip install 'newslint[dask]'`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lint import __version__
from lint.config import Resolved
from lint.engine import Pending, Target, lint_source, read_target, remember
from lint.results import FileResult, Selection

BATCH_FILES = 32  # articles per task: large enough to hide the scheduler's per-task cost
BATCH_CHARS = 2_000_000  # ...but no task carries more than about this much text
CONNECT_SECONDS = 20
WORKER_WAIT_SECONDS = 60


class ClusterError(Exception):
    """The cluster cannot be used: one line for the user."""


@dataclass(frozen=True)
class Item:
    """One article sent to a worker: its place in the run, name, text and format."""

    index: int
    display: str
    source: str
    fmt: str
    settings: int  # index into the batch's Resolved settings


def lint_batch(items: list[Item], settings: list[bytes], selection: Selection) -> list[tuple[int, FileResult]]:
    """Runs on a worker: lint each article of a batch with the settings it was sent with."""
    import pickle

    resolved: list[Resolved] = [pickle.loads(blob) for blob in settings]
    return [(it.index, lint_source(it.display, it.source, resolved[it.settings], selection, it.fmt)) for it in items]


def worker_version() -> str:
    """Runs on every worker before any file is sent: which newslint it has."""
    return __version__


def lint_on_cluster(
    address: str,
    targets: list[Target],
    selection: Selection,
    cache_dir: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[FileResult]:
    """Lint `targets` on the cluster at `address`; results in input order, as `lint_targets` gives."""
    client = connect(address)
    try:
        threads = check_workers(client, address)
        return _run(client, threads, targets, selection, cache_dir, progress)
    finally:
        client.close()


def connect(address: str) -> Any:
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError("--dask needs Dask's distributed package: pip install 'newslint[dask]'") from None
    _send_plugin_code_by_value()
    scheduler_file = address if address.endswith(".json") and Path(address).is_file() else None
    try:
        if scheduler_file:
            return Client(scheduler_file=scheduler_file, timeout=CONNECT_SECONDS, set_as_default=False)
        return Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as err:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {_reason(err)}") from None


def check_workers(client: Any, address: str) -> int:
    """Wait for a worker, make sure each runs this newslint; returns the cluster's thread count."""
    try:
        client.wait_for_workers(1, timeout=WORKER_WAIT_SECONDS)
    except (OSError, TimeoutError) as err:
        raise ClusterError(f"the Dask scheduler at {address} has no workers ({_reason(err)})") from None
    try:
        versions = client.run(worker_version)
    except Exception as err:  # the function cannot even be unpickled there: newslint is missing
        raise ClusterError(
            f"the Dask workers at {address} cannot run newslint ({_reason(err)}): "
            f"install newslint {__version__} on every worker"
        ) from None
    other = sorted({v for v in versions.values() if v != __version__})
    if other:
        raise ClusterError(
            f"the Dask workers at {address} run newslint {', '.join(other)}, this is {__version__}: "
            "install the same version everywhere, so the report is the one a local run gives"
        )
    return max(1, sum(client.nthreads().values()))


def _run(client: Any, threads: int, targets: list[Target], selection: Selection, cache_dir: Path | None,
         progress: Callable[[int, int], None] | None) -> list[FileResult]:
    from distributed import as_completed

    results: list[FileResult | None] = [None] * len(targets)
    pending: dict[int, Pending] = {}
    done = 0

    def finished(index: int, result: FileResult) -> None:
        nonlocal done
        results[index] = result
        done += 1
        if progress:
            progress(done, len(targets))

    batches = _batches(targets, selection, cache_dir, pending, finished)
    limit = 2 * threads + 2  # batches in flight: every worker busy, one queued behind each
    running = as_completed(loop=client.loop)
    sent: dict[Any, list[int]] = {}

    def send_next() -> bool:
        batch = next(batches, None)
        if batch is None:
            return False
        items, settings = batch
        future = client.submit(lint_batch, items, settings, selection, pure=False)
        sent[future] = [it.index for it in items]
        running.add(future)
        return True

    while len(sent) < limit and send_next():
        pass
    for future in running:
        indexes = sent.pop(future)
        try:
            answered = future.result()
        except Exception as err:  # the batch failed on the cluster (a worker died): say so per file
            answered = [(i, FileResult(pending[i].display, pending[i].fmt,
                                       error=f"the Dask cluster could not lint this file ({_reason(err)})"))
                        for i in indexes]
        future.release()
        for index, result in answered:
            remember(pending.pop(index), result, cache_dir)
            finished(index, result)
        while len(sent) < limit and send_next():
            pass
    assert all(r is not None for r in results)
    return [r for r in results if r is not None]


def _batches(targets: list[Target], selection: Selection, cache_dir: Path | None, pending: dict[int, Pending],
             finished: Callable[[int, FileResult], None]) -> Iterator[tuple[list[Item], list[bytes]]]:
    """Read files lazily, answer errors and cache hits at once, and group the rest into batches."""
    items: list[Item] = []
    settings: list[Resolved] = []
    blobs: dict[int, bytes] = {}
    chars = 0
    for index, target in enumerate(targets):
        read = read_target(target, selection, cache_dir)
        if isinstance(read, FileResult):
            finished(index, read)
            continue
        pending[index] = read
        slot = next((i for i, r in enumerate(settings) if r is read.resolved), None)
        if slot is None:
            settings.append(read.resolved)
            slot = len(settings) - 1
        items.append(Item(index, read.display, read.source, read.fmt, slot))
        chars += len(read.source)
        if len(items) >= BATCH_FILES or chars >= BATCH_CHARS:
            yield items, [_pickled(r, blobs) for r in settings]
            items, settings, chars = [], [], 0
    if items:
        yield items, [_pickled(r, blobs) for r in settings]


def _pickled(resolved: Resolved, blobs: dict[int, bytes]) -> bytes:
    """The settings as cloudpickle bytes, made once per run: cloudpickle (unlike the plain pickle
    Dask tries first) carries the code of checks from the outlet's plugin files, which exist only
    here, and the scheduler passes bytes on without having to load them."""
    if id(resolved) not in blobs:
        import cloudpickle

        blobs[id(resolved)] = cloudpickle.dumps(resolved)
    return blobs[id(resolved)]


def _send_plugin_code_by_value() -> None:
    """Checks loaded from the outlet's plugin files exist only here: ship their code to the workers."""
    import cloudpickle

    for name, module in list(sys.modules.items()):
        if name.startswith("newslint_plugin_"):
            cloudpickle.register_pickle_by_value(module)


def _reason(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return f"{type(err).__name__}: {text[0]}" if text else type(err).__name__
