"""Shared helpers for typography checks: is a run of text a URL, domain, file name or code?

Punctuation inside such tokens ("archyde.com", "report.pdf", "net.Error", "1.2.3") is not
prose punctuation, so the typography checks skip it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from lint.document.mapped import ATOM, MappedText
from lint.document.model import BlockKind, Document

# Top-level domains and file extensions common enough in news and government copy to
# recognise "word.tld" and "name.ext" without a full registry list.
_TLDS = """
com org net gov edu mil int io co us uk eu de fr it es nl ru ua cn jp kr in au ca nz ch se no fi dk
pl cz at be ie pt gr tv me info biz app dev ai ly gl to fm am sh gg is tokyo news online site tech
cloud blog xyz page
""".split()
_EXTENSIONS = """
pdf doc docx xls xlsx csv tsv txt md rtf ppt pptx odt ods json xml yaml yml toml html htm css js ts
jsx tsx py rb rs go java c h cpp hpp sh zip gz tar tgz jpg jpeg png gif svg webp mp3 mp4 mov avi wav
exe dmg pkg deb rpm iso sql db log ini cfg conf lock wasm
""".split()


@cache
def technical_token() -> re.Pattern[str]:
    """Matches a whole token that is a URL, e-mail, domain, file name, version or code."""
    short = "|".join(t for t in _TLDS if len(t) < 4)
    long = "|".join(t for t in _TLDS if len(t) >= 4)
    capital = "Gov|GOV|Com|COM|Org|ORG|Net|Edu"  # USA.Gov, Challenge.Gov
    ext = "|".join(_EXTENSIONS) + "|" + "|".join(e.upper() for e in _EXTENSIONS)
    return re.compile(
        rf"""
        .*(?:://|^www\.|@|[()\[\]{{}}<>_/\\=#|~`*^]|{ATOM}).*      # URL, e-mail, code, markup
        | (?:[^\W_][\w-]*\.)+(?:{short}|(?i:{long})|{capital})  # archyde.com, Rust.Tokyo
        | [\w-]+\.(?:{ext})                                          # file name: report.pdf
        | \d+(?:\.\d+){{2,}}\w*                                       # version: 1.2.3
        | (?:\w+\.){{2,}}\w+                                          # dotted identifier: a.b.c
        | [A-Z]{{2,}}[.!?][A-Z]{{2,}}.*                                # all-caps code: STOP.THINK
        | [a-z]+\.[A-Z]\w*[a-z][A-Z]\w*                              # obj.CamelCase
        """,
        re.VERBOSE,
    )


# Brand names with punctuation inside, and dotted abbreviations that glue to the next word.
_GLUED_NAMES = ("yahoo!", "jeopardy!", "e!", "wham!", "node.js", "vue.js", "next.js", "react.js")


def token_bounds(text: str, at: int) -> tuple[int, int]:
    """Start and end of the white-space-delimited token around offset `at`."""
    start = at
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = at
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


_EDGE = "\"'“”‘’«»()[]—–-:;,"


def is_technical(token: str) -> bool:
    """True for a token that is not prose: a URL, an address, a file name, code."""
    core = token.strip(_EDGE).rstrip(".!?")
    if not core:
        return False
    if core.lower().startswith(_GLUED_NAMES):
        return True
    return technical_token().fullmatch(core) is not None


def prose_texts(doc: Document) -> Iterator[MappedText]:
    """Every run of reader-visible prose: prose blocks, then the cells of table rows."""
    for block in doc.blocks:
        if block.is_prose:
            yield block.text
        elif block.kind is BlockKind.TABLE_ROW and not (block.table and block.table.is_delimiter):
            yield from block.cells
