"""MinHash signatures of paragraphs: word shingles, hashed and permuted with numpy.

The signature is defined here rather than taken from datasketch's `MinHash` so that a stored
index stays valid across library upgrades (datasketch 2.0 changed its hash values) and so that
`check` needs numpy only: importing datasketch loads scipy, about a second, too much for a
one-file pre-commit run. The values are plain 32-bit MinHash values ("affine32": h -> a*h + b
mod 2^32 with odd a), so datasketch's `LeanMinHash(hashvalues=..., scheme="affine32")` and its
LSH and storage back ends take them as they are (lint/house/learn.py does).

numpy is imported by the functions, never at module import: `newslint[archive]` brings it.
"""

from __future__ import annotations

import hashlib
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

NUM_PERM = 128
SEED = 1


def shingles(words: list[str], size: int) -> list[bytes]:
    """The distinct runs of `size` lowercased words, in first-seen order."""
    lowered = [w.lower() for w in words]
    runs = (" ".join(lowered[i : i + size]) for i in range(max(len(lowered) - size + 1, 1)))
    return [s.encode("utf-8") for s in dict.fromkeys(runs) if s]


@cache
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    import numpy as np

    values = [
        int.from_bytes(hashlib.blake2b(f"{seed}:{i}".encode(), digest_size=8).digest(), "little")
        for i in range(num_perm)
    ]
    a = np.array([(v & 0xFFFFFFFF) | 1 for v in values], dtype=np.uint32)
    b = np.array([v >> 32 for v in values], dtype=np.uint32)
    return a, b


def _hash32(shingle: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(shingle, digest_size=4).digest(), "little")


def signature(items: list[bytes], num_perm: int = NUM_PERM, seed: int = SEED) -> np.ndarray:
    """The MinHash signature (uint32, one value per permutation) of a set of shingles."""
    import numpy as np

    a, b = _permutations(num_perm, seed)
    hashed = np.array([_hash32(s) for s in items] or [0], dtype=np.uint32).reshape(-1, 1)
    with np.errstate(over="ignore"):
        return (hashed * a + b).min(axis=0)  # uint32 arithmetic wraps: mod 2^32


def band_keys(signatures: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """One 64-bit key per band of each signature (n x bands): equal bands, equal keys."""
    import numpy as np

    _, mult = _permutations(rows, SEED + 1)
    n = signatures.shape[0]
    keys = np.empty((n, bands), dtype=np.uint64)
    multipliers = (mult.astype(np.uint64) << np.uint64(32)) | np.uint64(1)
    with np.errstate(over="ignore"):
        for band in range(bands):
            part = signatures[:, band * rows : (band + 1) * rows].astype(np.uint64)
            mixed = (part * multipliers).sum(axis=1, dtype=np.uint64) + np.uint64(band)
            keys[:, band] = _fmix64(mixed)
    return keys


def _fmix64(h: Any) -> Any:
    """Spread the bits of a 64-bit value (MurmurHash3's finaliser)."""
    import numpy as np

    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xFF51AFD7ED558CCD)
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xC4CEB9FE1A85EC53)
    return h ^ (h >> np.uint64(33))


def numpy_available() -> bool:
    try:
        import numpy  # noqa: F401
    except ImportError:
        return False
    return True
