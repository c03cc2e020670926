"""The house profile file: what the archive taught, committed next to `.newslint.yaml`.

JSON with one entry per line, sorted, no timestamps: the same archive gives the same bytes, and
a diff shows what a new article changed. Editors may change a template line's "mark" from
"allow" to "flag"; `newslint learn` keeps their marks. The paragraph index is a separate file
(`index.py`) that the profile names and pins by digest.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from lint.house.errors import ProfileError, clean

if TYPE_CHECKING:
    from lint.house.index import ParagraphIndex

FORMAT = "newslint-house-profile"
VERSION = 1
MARKS = ("allow", "flag")
MAX_BYTES = 50_000_000  # a learned profile is well under 1 MB; a bigger file is not one


@dataclass(frozen=True)
class HouseName:
    form: str  # as the house writes it: "GitHub", "Sangamon River"
    articles: int  # articles that write it so mid-sentence
    other: int  # articles that write it otherwise (lowercase or other capitals)

    @property
    def key(self) -> tuple[str, ...]:
        return tuple(self.form.lower().split(" "))


@dataclass(frozen=True)
class Term:
    use: str  # the form the archive prefers
    instead_of: tuple[str, ...]  # the variants it (almost) never uses
    articles: dict[str, int]  # articles per form


@dataclass(frozen=True)
class TemplateLine:
    text: str
    articles: int
    mark: str = "allow"  # "flag": archive-boilerplate reports it in new copy


@dataclass(frozen=True, eq=False)
class HouseProfile:
    articles: int = 0
    words: int = 0
    variety: str = ""  # "us", "gb" or "" (mixed or too little evidence)
    variety_counts: dict[str, int] = field(default_factory=dict)
    terms: tuple[Term, ...] = ()
    names: tuple[HouseName, ...] = ()
    templates: tuple[TemplateLine, ...] = ()
    index_file: str = ""  # the paragraph index, relative to the profile ("" when none was built)
    index_digest: str = ""
    settings: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None  # where it was loaded from
    digest: str = ""  # sha256 of the file's bytes

    def __repr__(self) -> str:  # part of every cache key: short, and changes with the file
        return f"HouseProfile({self.digest or id(self)})"

    @cached_property
    def name_table(self) -> dict[tuple[str, ...], HouseName]:
        return {name.key: name for name in self.names}

    @cached_property
    def longest_name(self) -> int:
        return max((len(k) for k in self.name_table), default=1)

    @cached_property
    def flagged_lines(self) -> dict[str, TemplateLine]:
        return {t.text: t for t in self.templates if t.mark == "flag"}

    @property
    def replacements(self) -> dict[str, str]:
        return {variant: term.use for term in self.terms for variant in term.instead_of}

    def article_key(self, doc_path: str) -> str:
        """A linted file's path as the index names archived articles (relative to the profile)."""
        return article_key(Path(doc_path), self.path.parent if self.path else Path.cwd())

    def paragraph_index(self) -> ParagraphIndex | None:
        """The paragraph index the profile names; None when learn built none. Raises ProfileError."""
        if not self.index_file:
            return None
        from lint.house.index import open_index

        base = self.path.parent if self.path else Path.cwd()
        return open_index(base / self.index_file, self.index_digest)


def article_key(path: Path, base: Path) -> str:
    full = Path(os.path.abspath(path))
    try:
        return PurePosixPath(full.relative_to(Path(os.path.abspath(base)))).as_posix()
    except ValueError:
        return PurePosixPath(full).as_posix()


# -- the file ----------------------------------------------------------------------------------------

def render(profile: HouseProfile) -> str:
    """The profile as text: sorted, one entry per line, no timestamps."""
    import json  # here: the checks import this module for its example, and most runs write no profile

    def line(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    def entries(key: str, items: Iterator[dict[str, Any]], last: bool = False) -> list[str]:
        rows = [line(item) for item in items]
        if not rows:
            return [f'  "{key}": []' + ("" if last else ",")]
        body = [f"    {row}," for row in rows[:-1]] + [f"    {rows[-1]}"]
        return [f'  "{key}": ['] + body + ["  ]" + ("" if last else ",")]

    head = {
        "format": FORMAT, "version": VERSION, "articles": profile.articles, "words": profile.words,
        "variety": profile.variety, "variety_counts": profile.variety_counts,
        "index": {"file": profile.index_file, "sha256": profile.index_digest}, "settings": profile.settings,
    }
    out = ["{"] + [f'  "{key}": {line(value)},' for key, value in head.items()]
    out += entries("terms", ({"use": t.use, "instead_of": list(t.instead_of), "articles": t.articles}
                             for t in profile.terms))
    out += entries("names", ({"name": n.form, "articles": n.articles, "other": n.other} for n in profile.names))
    out += entries("templates", ({"text": t.text, "articles": t.articles, "mark": t.mark}
                                 for t in profile.templates), last=True)
    return "\n".join(out + ["}"]) + "\n"


def load_profile(path: Path) -> HouseProfile:
    """Read and validate a profile file; every problem is a ProfileError naming the file."""
    hint = f"make one with 'newslint learn ARCHIVE --output {path}'"
    try:
        if path.is_file() and path.stat().st_size > MAX_BYTES:
            raise ProfileError(f"{path}: too large for a house profile ({path.stat().st_size:,} bytes)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ProfileError(f"{path}: no such house profile ({hint})") from None
    except IsADirectoryError:
        raise ProfileError(f"{path}: is a folder, not a house profile") from None
    except OSError as err:
        raise ProfileError(f"{path}: cannot read house profile: {err.strerror or err}") from None
    if not data.strip():
        raise ProfileError(f"{path}: the house profile is empty ({hint})")
    import json  # here, like hashlib below

    try:
        raw = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ProfileError(f"{path}: not a house profile (not UTF-8 text)") from None
    except json.JSONDecodeError as err:
        raise ProfileError(f"{path}:{err.lineno}: house profile is damaged (not valid JSON: {err.msg}); "
                           f"run newslint learn again") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ProfileError(f"{path}: not a newslint house profile (no \"format\": \"{FORMAT}\")")
    if raw.get("version") != VERSION:
        raise ProfileError(f"{path}: house profile version {raw.get('version')!r} is not the one this newslint "
                           f"reads ({VERSION}); run newslint learn again")
    import hashlib  # here: the checks import this module for its example, and most runs read no profile

    try:
        return _build(raw, path, hashlib.sha256(data).hexdigest())
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise ProfileError(f"{path}: house profile is damaged ({type(err).__name__}: {err}); "
                           f"run newslint learn again") from None


def _build(raw: dict[str, Any], path: Path, digest: str) -> HouseProfile:
    marks = {str(t["mark"]) for t in raw["templates"]} - set(MARKS)
    if marks:
        raise ValueError(f"template mark {sorted(marks)[0]!r} is neither allow nor flag")
    index = raw.get("index") or {}
    if str(index.get("file", "")) != Path(str(index.get("file", ""))).name:
        raise ValueError("the index must be a file beside the profile")
    return HouseProfile(
        articles=int(raw["articles"]),
        words=int(raw["words"]),
        variety=str(raw.get("variety", "")),
        variety_counts={str(k): int(v) for k, v in dict(raw.get("variety_counts", {})).items()},
        terms=tuple(Term(clean(t["use"]), tuple(clean(v) for v in t["instead_of"]),
                         {str(k): int(v) for k, v in dict(t["articles"]).items()}) for t in raw["terms"]),
        names=tuple(HouseName(clean(n["name"]), int(n["articles"]), int(n["other"])) for n in raw["names"]),
        templates=tuple(TemplateLine(clean(t["text"]), int(t["articles"]), str(t["mark"])) for t in raw["templates"]),
        index_file=str(index.get("file", "")),
        index_digest=str(index.get("sha256", "")),
        settings=dict(raw.get("settings", {})),
        path=path.resolve(),
        digest=digest,
    )
