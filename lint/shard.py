"""--shard K/N: a stable split of the files, so N jobs (a CI matrix) cover an archive exactly once.

A file belongs to shard `hash(path) mod N + 1`, where the path is taken relative to the config
root (the folder of the outlet's config file, or the working folder when there is none). The hash
is a digest of that path, not Python's `hash()`, so every job, machine and Python version agrees
on it, and adding or removing one file never moves the others.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePath

from lint.config import Config, presets_dir

_SPEC = re.compile(r"\s*(\d{1,9})\s*/\s*(\d{1,9})\s*")


class ShardError(ValueError):
    """A --shard value that is not K/N with 1 <= K <= N."""


@dataclass(frozen=True)
class Shard:
    index: int  # 1-based, as a CI matrix counts
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        m = _SPEC.fullmatch(text)
        if not m:
            raise ShardError(f"--shard takes K/N (this job's number and the number of jobs, e.g. 2/3), not {text!r}")
        index, count = int(m.group(1)), int(m.group(2))
        if count < 1 or not 1 <= index <= count:
            raise ShardError(f"--shard {text}: K must be between 1 and N (got K={index}, N={count})")
        return cls(index, count)

    def owns(self, key: str) -> bool:
        """Whether the file with this shard key (see `shard_key`) is this shard's."""
        digest = hashlib.blake2b(key.encode("utf-8", "surrogateescape"), digest_size=8).digest()
        return int.from_bytes(digest, "big") % self.count == self.index - 1

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def shard_root(config: Config) -> Path:
    """The folder paths are taken relative to: the outlet config's, else the working folder."""
    raw = config.raw
    if raw is not None and raw.files and raw.files[-1].parent.resolve() != presets_dir().resolve():
        return config.base_dir
    return Path.cwd()


def shard_key(path: Path, config: Config) -> str:
    """The path relative to the config root, with forward slashes, as every job sees it."""
    # The folder is resolved (a symlinked checkout gives the same key), the file's own name kept.
    absolute = str(Path(os.path.abspath(path)).parent.resolve() / Path(path).name)
    root = str(shard_root(config).resolve())
    try:
        relative = os.path.relpath(absolute, root)
    except ValueError:  # another drive on Windows
        relative = absolute
    if relative.startswith(".."):
        relative = absolute
    return PurePath(relative).as_posix()
