"""Is this prose? The one place that answers it for every check.

- `is_technical(token)`: a white-space-delimited token that is a URL, domain, e-mail, file name,
  version or code. Punctuation inside such tokens ("archyde.com", "report.pdf", "net.Error",
  "1.2.3") is not prose punctuation, so the typography and terminology checks skip it.
- `mask_non_prose(text)`: a whole text with addresses, handles, paths, code and template tags
  blanked out, offsets unchanged, before the casing checks read names and sentence starts.
- `DOMAIN_LIKE`: a regex piece for a name that reads as a website, for phrase patterns.
- `is_english_word(word)`: the CMU Pronouncing Dictionary knows it ("since", not "rustfmt").
- `words_in_code(doc)`: words the article also writes as code ("cargo").
- `prose_texts(doc)`: every run of reader-visible prose, table cells included.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from lint.document.mapped import ATOM, MappedText
from lint.document.model import Block, BlockKind, Document
from lint.patterns import compile_pattern, lazy_re

# Top-level domains and file extensions common enough in news and government copy to
# recognise "word.tld" and "name.ext" without a full registry list.
TLDS = """
com org net gov edu mil int io co us uk eu de fr it es nl ru ua cn jp kr in au ca nz ch se no fi dk
pl cz at be ie pt gr tv me info biz app dev ai ly gl to fm am sh gg is tokyo news online site tech
cloud blog xyz page media
""".split()
_EXTENSIONS = """
pdf doc docx xls xlsx csv tsv txt md rtf ppt pptx odt ods json xml yaml yml toml html htm css js ts
jsx tsx py rb rs go java c h cpp hpp sh zip gz tar tgz jpg jpeg png gif svg webp mp3 mp4 mov avi wav
exe dmg pkg deb rpm iso sql db log ini cfg conf lock wasm
""".split()


@cache
def technical_token() -> re.Pattern[str]:
    """Matches a whole token that is a URL, e-mail, domain, file name, version or code."""
    short = "|".join(t for t in TLDS if len(t) < 4)
    long = "|".join(t for t in TLDS if len(t) >= 4)
    capital = "Gov|GOV|Com|COM|Org|ORG|Net|Edu"  # USA.Gov, Challenge.Gov
    ext = "|".join(_EXTENSIONS) + "|" + "|".join(e.upper() for e in _EXTENSIONS)
    return compile_pattern(
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


# A name that reads as a website: "archyde.com", "news.example.co.uk". It starts a token and
# its labels are bounded, so the search stays linear on a long unbroken run of letters.
DOMAIN_LIKE = (
    r"(?<![\w.-])(?:[a-z0-9][\w-]{0,62}\.){1,4}(?:"
    + "|".join(sorted(TLDS, key=len, reverse=True))
    + r")\b"
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


def masked_prose(doc: Document) -> tuple[str, ...]:
    """`mask_non_prose` of the text of each of `doc.prose_blocks`, worked out once per document
    and shared (the casing checks read them all, most through `prose_tokens`)."""
    return doc.shared_whole(_masked_prose)


def _masked_prose(doc: Document) -> tuple[str, ...]:
    return tuple(doc.shared(mask_non_prose, block.text.text) for block in doc.prose_blocks)


def prose_texts(doc: Document) -> Iterator[MappedText]:
    """Every run of reader-visible prose: prose blocks, then the cells of table rows."""
    for _, text in prose_texts_in_blocks(doc):
        yield text


def prose_texts_in_blocks(doc: Document) -> Iterator[tuple[Block, MappedText]]:
    """`prose_texts`, each with its block: a prose block's own text, or a cell of a table row."""
    for block in doc.blocks:
        if block.is_prose:
            yield block, block.text
        elif block.kind is BlockKind.TABLE_ROW and not (block.table and block.table.is_delimiter):
            for cell in block.cells:
                yield block, cell


# Things in prose that are not words of the language: addresses, handles, code, file names.
# Masked with spaces (same length, so offsets stay) before names or sentence starts are read.
_URL = r"(?:https?|ftp)://\S+"
_WWW = r"\bwww\.\S+"
# Template tags left in prose; the inside stops at the next opening, so a line of unclosed "{{"
# stays linear.
_TAG = r"\{[{%](?:[^{\n]|\{(?![{%]))*?[%}]\}"
# The rest start only where a run of non-space characters starts (tested once for them all), so
# the pattern costs one pass over the text rather than a try at every character.
_RUN = r"\S*?(?:[@\#_/\\\ufffc<>{}]|[^\W_]\.[a-z])\S*"  # holding an address, handle, path, file name, code atom or tag
_SPELLED = r"\S+(?:\s*[(\[](?:at|dot)[)\]]\s*\S+)+"  # spelled-out addresses: jo (at) x (dot) gov
_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+){2,}\b"  # slugs (north-atlantic-treaty)

# Something each alternative above needs: most paragraphs hold none, and a few quick searches
# tell (four times faster than running the pattern itself over plain prose). Each search starts
# with a fixed character or set, which the engine skips to in C; one alternation of them all
# would be tried at every character, some four times slower again.
_MAYBE_SYMBOL = lazy_re(r"[@#_/\\\ufffc<>{}]")
_MAYBE_DOTTED = lazy_re(r"\.(?<=[^\W_]\.)[a-z]")  # "archyde.com", "e.g"
_MAYBE_SPELLED = lazy_re(r"[(\[](?:at|dot)[)\]]")  # "jo (at) x (dot) gov"
_MAYBE_SLUG = lazy_re(r"-(?<=[a-z0-9]-)[a-z0-9]+-[a-z0-9]")  # "north-atlantic-treaty"


@cache
def _non_prose(url: bool, www: bool, tag: bool, run: bool, spelled: bool, slug: bool) -> re.Pattern[str]:
    """The masking pattern with only the alternatives a text can match: each needs something of
    its own in the text ("://", "www.", "{{", a symbol, "(at)", a slug), and one that cannot match
    anywhere changes nothing but costs a try at every character."""
    alternatives = [p for p, wanted in ((_URL, url), (_WWW, www), (_TAG, tag)) if wanted]
    at_run_start = [p for p, wanted in ((_RUN, run), (_SPELLED, spelled), (_SLUG, slug)) if wanted]
    if at_run_start:
        alternatives.append(r"(?<!\S)(?:" + "|".join(at_run_start) + ")")
    return compile_pattern("|".join(alternatives))


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


# A word of letters, with inner apostrophes ("don't", "Reed’s"): no digits, no hyphen joins.
LETTER_WORD = lazy_re(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

_ENGLISH_WORDS = frozenset("the of and to in a is that for it on with as was at by are be this".split())
_LOWER_WORD = lazy_re(r"(?<![\w'’-])[a-z]+(?![\w'’-])")


def reads_as_english(text: str) -> bool:
    """True unless the text is a passage in another language (few English function words).

    Short texts count as English: there is too little to tell."""
    words = _LOWER_WORD.findall(text)
    return len(words) < 6 or sum(1 for w in words if w in _ENGLISH_WORDS) >= 0.12 * len(words)


def mask_non_prose(text: str) -> str:
    """`text` with addresses, handles, code and file names blanked out, offsets unchanged.

    Several casing checks mask the same blocks: call it as `doc.shared(mask_non_prose, text)`.
    """
    run = _MAYBE_SYMBOL.search(text) is not None or _MAYBE_DOTTED.search(text) is not None
    www = "www." in text
    spelled = ("(" in text or "[" in text) and _MAYBE_SPELLED.search(text) is not None
    slug = _MAYBE_SLUG.search(text) is not None
    if not (run or www or spelled or slug):
        return text
    url = run and "://" in text  # "://" and "{{" hold a symbol
    tag = run and ("{{" in text or "{%" in text)
    return _non_prose(url, www, tag, run, spelled, slug).sub(_blank, text)


@cache
def _english_lookup() -> Callable[[str], bool]:
    """Membership in the CMU Pronouncing Dictionary (a dependency already, for syllables)."""
    from lint.syllables import cmu_dict  # looks words up on disk without loading the whole file

    table = cmu_dict()
    return lambda word: word in table


def is_english_word(word: str) -> bool:
    """True for a word of the dictionary ("since", "cargo"), false for "rustfmt" or "pnkfelix"."""
    return _english_lookup()(word.lower())


_CODE_WORD = lazy_re(r"[a-z][\w-]*")


def words_in_code(doc: Document) -> frozenset[str]:
    """Lowercase words the article also writes as code: commands and identifiers ("cargo")."""
    words: set[str] = set()
    for block in doc.blocks:
        if block.kind is BlockKind.CODE:
            words.update(_CODE_WORD.findall(doc.source[block.span.start : block.span.end]))
        elif block.is_prose:
            text = block.text.text
            i = text.find(ATOM)
            while i >= 0:
                # An atom may map to its opening tag only ("<code>"): read up to the next prose.
                start = block.text.source_offset(i)
                end = block.text.source_offset(i + 1) if i + 1 < len(text) else block.span.end
                end = max(end, block.text.source_end(i + 1))
                words.update(_CODE_WORD.findall(doc.source[start:end]))
                i = text.find(ATOM, i + 1)
    return frozenset(words)
