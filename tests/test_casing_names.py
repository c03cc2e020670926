"""The shared names list: loading, matching across hyphens and spaces, masking non-prose."""

from lint.checks._names import load_lexicon, lowercase_brands
from lint.checks._tokens import is_english_word, mask_non_prose


def test_lexicon_matches_longest_name_with_any_space_or_hyphen():
    lexicon = load_lexicon()
    text = "the north\u00a0Atlantic and russia\u2011Ukraine"
    found = [(m.name.canonical, text[m.start : m.end]) for m in lexicon.find(text)]
    assert found == [("North Atlantic", "north\u00a0Atlantic"), ("Russia", "russia"), ("Ukraine", "Ukraine")]
    first = next(lexicon.find(text))
    assert first.corrected(text) == "North\u00a0Atlantic"


def test_names_need_the_canonical_separator():
    lexicon = load_lexicon()
    assert [m.name.canonical for m in lexicon.find("United-States")] == []
    assert [m.name.canonical for m in lexicon.find("new york")] == ["New York"]


def test_glossary_names_join_the_lexicon_and_brands():
    lexicon = load_lexicon(("Kyiv Independent", "iPad"))
    assert lexicon.get(("kyiv", "independent")).canonical == "Kyiv Independent"
    assert "iPad" in lowercase_brands(("iPad",))
    assert "npm" in lowercase_brands()


def test_mask_keeps_offsets_and_blanks_addresses_handles_and_code():
    text = "see www.paris.fr, @paris, #paris, a_b, /tmp/paris and paris."
    masked = mask_non_prose(text)
    assert len(masked) == len(text)
    assert "www" not in masked and "@paris" not in masked and "#paris" not in masked
    assert "a_b" not in masked and "/tmp" not in masked
    assert masked.endswith("and paris.")


def test_dictionary_words_and_tool_names():
    assert is_english_word("since") and is_english_word("Cargo")
    assert not is_english_word("rustfmt")


def test_template_tags_are_masked_whole():
    text = 'Intro. {{< img alt="Chart of growth. led by apps." >}} End.'
    masked = mask_non_prose(text)
    assert "led" not in masked and masked.startswith("Intro.") and masked.endswith("End.")


def test_names_are_tried_only_at_the_lengths_their_first_word_starts():
    lexicon = load_lexicon()
    assert lexicon.lengths_by_first["new"] >> 2 & 1 and not lexicon.lengths_by_first["new"] >> 1 & 1
    text = "The champion League final: europeans cheered, and so did New York."
    found = [(m.name.canonical, text[m.start : m.end], m.plural, m.number_slip) for m in lexicon.find(text)]
    assert found == [
        ("Champions League", "champion League", False, True),  # the plural's first word, one word lowercase
        ("European", "europeans", True, False),  # a demonym's plural
        ("New York", "New York", False, False),
    ]


def test_the_lexicon_kept_between_runs_is_the_one_built(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from lint.checks import _names

    glossary = ("eBay", "Open Data Council", "Zelenskyy")

    def fresh(setting: str) -> _names.NameLexicon:
        monkeypatch.setenv("NEWSLINT_PATTERN_CACHE", setting)
        _names._store.cache_clear()
        _names.load_lexicon.cache_clear()
        return _names.load_lexicon(glossary)

    built = fresh("off")
    assert fresh(str(tmp_path)) is not built and _names._store().added == 1  # built, to be kept
    _names._store().save()
    kept = fresh(str(tmp_path))
    assert _names._store().added == 0  # read from the store, not built
    assert _names._packed(kept) == _names._packed(built)
    assert list(kept.names) == list(built.names) and kept.names == built.names
    text = "Talks in berlin with european partners and the open data Council"
    assert [(m.start, m.end, m.name) for m in kept.find(text)] == [(m.start, m.end, m.name) for m in built.find(text)]
    assert fresh(str(tmp_path)).get(("ebay",)) is not None
    other = tmp_path / "other.py"
    other.write_text("# this module, changed\n", encoding="utf-8")
    monkeypatch.setattr(_names, "_SOURCE", other)
    assert fresh(str(tmp_path)).names == built.names and _names._store().added == 1  # built again, not read
    _names._store.cache_clear()
    _names.load_lexicon.cache_clear()
