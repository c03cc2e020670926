"""The paragraph index file: MinHash LSH band tables, signatures, and each article's facts.

Why this format rather than a pickled datasketch `MinHashLSH`: a pickle runs code when loaded (a
profile may come from a pull request) and must be read whole before the first query; this file is
read with one `mmap`, its arrays are numpy views, and a query is a binary search per band in
sorted tables (no load step, no per-paragraph objects). It is versioned, the same archive gives
the same bytes, and CI can cache it beside the small committed profile, which pins it by id.

Layout: MAGIC, an 8-byte little-endian header length, a JSON header (parameters, the article
list, section offsets), then 8-byte-aligned sections:
  signatures    uint32 [paragraphs x num_perm]   every paragraph of every article
  para_article  uint32 [paragraphs]              which article (index into the header's list)
  para_line     uint32 [paragraphs]              the paragraph's first line in that article
  band_keys     uint64 [bands x indexed]         per band, sorted keys of indexed paragraphs
  band_ids      uint32 [bands x indexed]         the paragraph behind each key
  facts         zlib JSON lines                  each article's facts, for `learn --update`
Template paragraphs (near-repeated across many articles) are kept for --update but not indexed.
"""

from __future__ import annotations

import mmap
import struct
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint.house.errors import ProfileError, clean
from lint.house.facts import ArticleFacts

if TYPE_CHECKING:
    import numpy as np

MAGIC = b"NEWSLINT-PARAGRAPH-INDEX\n"
VERSION = 1
_SECTIONS = ("signatures", "para_article", "para_line", "band_keys", "band_ids", "facts")


@dataclass(frozen=True)
class IndexParams:
    num_perm: int
    seed: int
    shingle_words: int
    min_words: int
    threshold: float  # Jaccard at which a paragraph counts as a near repeat
    bands: int
    rows: int


@dataclass(frozen=True)
class Match:
    article: str
    line: int
    similarity: float


def write_index(path: Path, facts: list[ArticleFacts], params: IndexParams | None,
                indexed: list[bool] | None) -> str:
    """Write the index; returns its content id (what the profile pins). `params` None: facts only."""
    import hashlib  # here: the archive checks import this module, and most runs write no index
    import json

    from lint.atomic import write_bytes_atomic

    sections: dict[str, bytes] = {name: b"" for name in _SECTIONS}
    if params is not None and indexed is not None:
        import numpy as np

        from lint.house.minhash import band_keys

        sigs = [f.signatures for f in facts if f.signatures is not None and len(f.signatures)]
        signatures = np.concatenate(sigs) if sigs else np.zeros((0, params.num_perm), dtype=np.uint32)
        para_article = np.array([i for i, f in enumerate(facts) for _ in f.paragraph_lines], dtype=np.uint32)
        para_line = np.array([line for f in facts for line in f.paragraph_lines], dtype=np.uint32)
        ids = np.flatnonzero(np.array(indexed, dtype=bool)).astype(np.uint32)
        keys = band_keys(signatures[ids], params.bands, params.rows)  # indexed x bands
        order = np.argsort(keys, axis=0, kind="stable")  # per band, by key
        sections.update(
            signatures=signatures.astype("<u4").tobytes(),
            para_article=para_article.astype("<u4").tobytes(),
            para_line=para_line.astype("<u4").tobytes(),
            band_keys=np.take_along_axis(keys, order, axis=0).T.astype("<u8").tobytes(),
            band_ids=ids[order].T.astype("<u4").tobytes(),
        )
    lines = "\n".join(json.dumps(f.to_json(), ensure_ascii=False, sort_keys=True) for f in facts)
    sections["facts"] = zlib.compress(lines.encode("utf-8"), 6)
    content_id = hashlib.sha256(b"".join(sections[name] for name in _SECTIONS)).hexdigest()
    header: dict[str, Any] = {
        "version": VERSION,
        "id": content_id,
        "params": params.__dict__ if params else None,
        "articles": [[f.path, f.digest, f.words] for f in facts],
        "paragraphs": sum(len(f.paragraph_lines) for f in facts) if params else 0,
        "indexed": sum(indexed) if indexed else 0,
    }
    offset, layout = 0, {}
    for name in _SECTIONS:
        layout[name] = [offset, len(sections[name])]
        offset += _padded(len(sections[name]))
    header["sections"] = layout
    head = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")
    head += b" " * (_padded(len(MAGIC) + 8 + len(head)) - (len(MAGIC) + 8 + len(head)))
    body = b"".join(sections[name] + b"\0" * (_padded(len(sections[name])) - len(sections[name]))
                    for name in _SECTIONS)
    write_bytes_atomic(path, MAGIC + struct.pack("<Q", len(head)) + head + body)
    return content_id


def _padded(n: int) -> int:
    return (n + 7) // 8 * 8


class ParagraphIndex:
    """An index file opened for queries (memory-mapped) or for `learn --update` (its facts)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            with open(path, "rb") as handle:
                self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except FileNotFoundError:
            raise ProfileError(f"{path}: the house profile's paragraph index is missing "
                               f"(run newslint learn again, or restore it from the CI cache)") from None
        except (OSError, ValueError) as err:
            raise ProfileError(f"{path}: cannot read the paragraph index: {getattr(err, 'strerror', None) or err}"
                               ) from None
        try:
            if self._map[: len(MAGIC)] != MAGIC:
                raise ValueError("not a newslint paragraph index")
            (size,) = struct.unpack_from("<Q", self._map, len(MAGIC))
            self._base = len(MAGIC) + 8 + size
            import json  # here, like hashlib: the checks import this module, most runs read no index

            self.header = json.loads(self._map[len(MAGIC) + 8 : self._base])
            if self.header.get("version") != VERSION:
                raise ValueError(f"index version {self.header.get('version')!r}, this newslint reads {VERSION}")
            for start, length in self.header["sections"].values():
                if self._base + start + length > len(self._map):
                    raise ValueError("the file is cut short")
        except (ValueError, KeyError, TypeError, AttributeError, struct.error) as err:
            raise ProfileError(f"{path}: the paragraph index is damaged ({err}); run newslint learn again") from None
        params = self.header["params"]
        self.params = IndexParams(**params) if params else None
        self.articles: list[list[Any]] = self.header["articles"]
        self.article_names = [clean(a[0]) for a in self.articles]  # for messages

    @property
    def content_id(self) -> str:
        return str(self.header["id"])

    def _section(self, name: str) -> memoryview:
        start, length = self.header["sections"][name]
        return memoryview(self._map)[self._base + start : self._base + start + length]

    def _array(self, name: str, dtype: str, shape: tuple[int, ...]) -> np.ndarray:
        import numpy as np

        return np.frombuffer(self._section(name), dtype=dtype).reshape(shape)

    def facts(self) -> list[ArticleFacts]:
        """Every archived article's facts with its paragraph signatures (for --update)."""
        import json

        text = zlib.decompress(self._section("facts")).decode("utf-8")
        rows = [json.loads(line) for line in text.split("\n") if line]
        if self.params is None:
            return [ArticleFacts.from_json(row) for row in rows]
        signatures = self._array("signatures", "<u4", (-1, self.params.num_perm))
        out, at = [], 0
        for row in rows:
            n = len(row["paragraph_lines"])
            out.append(ArticleFacts.from_json(row, signatures[at : at + n].astype("uint32")))
            at += n
        return out

    def find(self, signatures: np.ndarray, threshold: float, exclude_article: str = "") -> list[Match | None]:
        """For each signature, the most similar indexed paragraph of another article at or above
        `threshold` (estimated Jaccard similarity of the shingle sets)."""
        import numpy as np

        from lint.house.minhash import band_keys

        params = self.params
        if params is None or not self.header["indexed"] or not len(signatures):
            return [None] * len(signatures)
        n, indexed = self.header["paragraphs"], self.header["indexed"]
        all_sigs = self._array("signatures", "<u4", (n, params.num_perm))
        para_article = self._array("para_article", "<u4", (n,))
        para_line = self._array("para_line", "<u4", (n,))
        keys = self._array("band_keys", "<u8", (params.bands, indexed))
        ids = self._array("band_ids", "<u4", (params.bands, indexed))
        query = band_keys(signatures, params.bands, params.rows)
        out: list[Match | None] = []
        for q in range(len(signatures)):
            found: set[int] = set()
            for band in range(params.bands):
                lo = int(np.searchsorted(keys[band], query[q, band], "left"))
                hi = int(np.searchsorted(keys[band], query[q, band], "right"))
                found.update(ids[band, lo:hi].tolist())
            best: Match | None = None
            for pid in sorted(found):
                article = self.article_names[int(para_article[pid])]
                if article == exclude_article:
                    continue
                similarity = float(np.mean(all_sigs[pid] == signatures[q]))
                if similarity >= threshold and (best is None or similarity > best.similarity):
                    best = Match(article, int(para_line[pid]), similarity)
            out.append(best)
        return out


@cache
def _open(path: Path, mtime_ns: int, size: int) -> ParagraphIndex:
    return ParagraphIndex(path)


def open_index(path: Path, content_id: str) -> ParagraphIndex:
    """The index at `path`, opened once per process; it must be the one the profile pins."""
    try:
        stat = path.stat()
    except OSError:
        stat = None
    index = _open(path, stat.st_mtime_ns, stat.st_size) if stat else ParagraphIndex(path)
    if content_id and index.content_id != content_id:
        raise ProfileError(f"{path}: the paragraph index is not the one the house profile was learned with "
                           f"(run newslint learn again)")
    return index
