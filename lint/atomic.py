"""Writing files all at once: a temporary file in the same folder, then a rename.

A reader (or a crash) sees the old file or the new one, never half of one. Used for fixed
articles, reports, baselines and cache entries.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

TEMP_SUFFIX = ".newslint-tmp"


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


class OwnerError(PermissionError):
    """The file belongs to someone else and the replacement could not be given to them."""


def write_bytes_atomic(
    path: Path, data: bytes, durable: bool = False, keep_owner: bool = False,
    before_replace: Callable[[], None] | None = None,
) -> None:
    """Replace `path` with `data`, keeping the file's permission bits (new files: 0666 less umask).

    A symbolic link stays a link: its target is replaced. `durable` also fsyncs the data and the
    folder, for files people care about (articles), not for caches. `keep_owner` gives the new
    file the old one's owner and group, or raises OwnerError (a rename would hand someone else's
    file to whoever runs newslint). `before_replace` runs last, just before the rename: raising
    there leaves the file as it is.
    """
    real = Path(os.path.realpath(path))
    old = real.stat() if real.exists() else None
    mode = stat.S_IMODE(old.st_mode) if old is not None else _default_mode()
    import tempfile  # here, not at the top: a run that writes nothing need not import it

    fd, tmp = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
            new = os.fstat(handle.fileno())
        os.chmod(tmp, mode)
        if keep_owner and old is not None and (new.st_uid, new.st_gid) != (old.st_uid, old.st_gid):
            try:
                os.chown(tmp, old.st_uid, old.st_gid)
            except (OSError, AttributeError):  # AttributeError: no chown (Windows)
                raise OwnerError("the file belongs to another user or group, and the fixed copy would not") from None
        if before_replace is not None:
            before_replace()
        os.replace(tmp, real)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    if durable:
        _sync_folder(real.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); best effort elsewhere."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
