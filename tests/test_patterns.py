"""lint/patterns.py: lazy patterns behave as compiled ones; the phrase matcher finds what the regex would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.patterns import LazyPattern, PhraseMatcher, lazy_re


def test_a_lazy_pattern_compiles_on_first_use_and_answers_like_re() -> None:
    pattern = lazy_re(r"\b(?P<word>c\w+)", re.I)
    assert isinstance(pattern, LazyPattern) and pattern._compiled is None
    text = "The Council cut costs."
    assert [m.group("word") for m in pattern.finditer(text)] == ["Council", "cut", "costs"]
    assert pattern._compiled is not None
    assert pattern.sub("X", text) == "The X X X."
    assert pattern.pattern == r"\b(?P<word>c\w+)" and pattern.flags & re.I


PHRASES = ["North Atlantic Treaty Association", "North Atlantic", "Atlantic Treaty", "EU", "e-mail", "Nato"]


def _regex_spans(text: str, phrases: list[str]) -> list[tuple[int, int]]:
    body = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return [m.span() for m in re.finditer(rf"(?<![\w-])(?:{body})(?![\w-])", text, re.I)]


def test_the_matcher_takes_the_longest_whole_phrase_left_to_right() -> None:
    matcher = PhraseMatcher({p: p.upper() for p in PHRASES})
    text = "The north atlantic treaty association, not the EU-wide NATO nor the EUR; north Atlantic Treaty."
    found = list(matcher.finditer(text))
    assert [(text[s:e], v) for s, e, v in found] == [
        ("north atlantic treaty association", "NORTH ATLANTIC TREATY ASSOCIATION"),
        ("NATO", "NATO"),
        ("north Atlantic", "NORTH ATLANTIC"),
    ]
    assert [(s, e) for s, e, _ in found] == _regex_spans(text, PHRASES)


def test_a_letter_whose_lowercase_is_longer_keeps_offsets() -> None:
    matcher = PhraseMatcher({"eu": "EU"})
    text = "İstanbul and the eu"
    assert [(s, e) for s, e, _ in matcher.finditer(text)] == [(17, 19)]


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.lists(st.sampled_from(["north", "atlantic", "treaty", "association", "eu", "e-mail", "nato", "x",
                                 "-", " ", ",", "NATO", "Atlantic", "_", "7"]), max_size=30))
def test_the_matcher_agrees_with_the_regex(pieces: list[str]) -> None:
    text = "".join(p if p in " ,-_" else p + " " * (len(p) % 2) for p in pieces)
    matcher = PhraseMatcher({p: p for p in PHRASES})
    assert [(s, e) for s, e, _ in matcher.finditer(text)] == _regex_spans(text, PHRASES)


def test_stored_programs_give_the_same_patterns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lint import patterns

    monkeypatch.setenv("NEWSLINT_PATTERN_CACHE", str(tmp_path))
    sources = [(r"(?P<word>\w+)-(?P=word)", re.I), (r"(?<![\w-])(?:seo|meta) notes?(?!\w)", re.I | re.M),
               (r"\d{2,}", 0)]
    first = patterns._ProgramStore()
    compiled = [first.compile(p, int(f)) for p, f in sources]
    first.save()
    stored = list(tmp_path.glob("regex-programs-*.marshal"))
    assert len(stored) == 1
    second = patterns._ProgramStore()
    again = [second.compile(p, int(f)) for p, f in sources]
    assert second.added == 0  # every program came from the file
    assert all(isinstance(program[1], bytes) for program in second._load()._loaded().values())  # packed code
    text = "The SEO notes said bye-bye to 2024, seo note: Meta Notes"
    for a, b, (p, f) in zip(compiled, again, sources, strict=True):
        fresh = re.compile(p, f)
        assert (b.pattern, b.flags, b.groups, b.groupindex) == (fresh.pattern, fresh.flags, fresh.groups,
                                                                 fresh.groupindex)
        assert [m.span() for m in b.finditer(text)] == [m.span() for m in fresh.finditer(text)]
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in fresh.finditer(text)]


def test_a_damaged_store_or_none_at_all_falls_back_to_re(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lint import patterns

    monkeypatch.setenv("NEWSLINT_PATTERN_CACHE", str(tmp_path))
    store = patterns._ProgramStore()
    store.compile("a+", 0)
    store.save()
    (path,) = tmp_path.glob("regex-programs-*.marshal")
    path.write_bytes(b"\x00garbage")
    assert patterns._ProgramStore().compile("a+", 0).findall("caab") == ["aa"]
    monkeypatch.setenv("NEWSLINT_PATTERN_CACHE", "off")
    off = patterns._ProgramStore()
    assert off.compile("b+", 0).findall("abba") == ["bb"]
    off.save()
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # nothing written when off
