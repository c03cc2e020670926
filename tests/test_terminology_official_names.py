from helpers import findings, located, snippet

RULE = ("official-name",)


def test_listed_wrong_form_gets_the_official_name():
    text = "Kyiv wants to join the\nNorth Atlantic Treaty Association soon.\n"
    found = findings(text, select=RULE)
    assert located(found) == [("official-name", 2, 1, 2, 34)]
    assert found[0].fix.replacement == "North Atlantic Treaty Organization"
    assert found[0].message == (
        "“North Atlantic Treaty Association” is not the official name: "
        "write “North Atlantic Treaty Organization”."
    )


def test_listed_wrong_form_inside_a_longer_name_is_left_alone():
    text = "India's National Center for Disease Control and the Center for Disease Control.\n"
    found = findings(text, select=RULE)
    assert [(f.column, snippet(text, f)) for f in found] == [(53, "Center for Disease Control")]
    text = "The North Atlantic Treaty Association and Ukraine’s North Atlantic Treaty Association.\n"
    assert [f.column for f in findings(text, select=RULE)] == [5, 53]


def test_one_word_slips_by_edit_distance():
    text = "Talks with the European Onion’s envoy and the Federal Comunications Commission stalled.\n"
    found = findings(text, select=RULE)
    assert [snippet(text, f) for f in found] == ["European Onion’s", "Federal Comunications Commission"]
    assert [f.fix.replacement for f in found] == ["European Union’s", "Federal Communications Commission"]
    assert [f.column for f in found] == [16, 47]


def test_real_different_names_plurals_and_casing_are_not_slips():
    text = (
        "The European Council, the European Commission’s staff and the Council of Europe met. "
        "The World Bank and the World Health Organization agreed. Both Geneva Conventions and the "
        "Fourth Geneva Convention apply. The White Horse pub sits near the White House.\n\n"
        "The european union is a casing slip, not a wrong name. The Department of Defence in Canberra.\n\n"
        "Israel's Ministry of Defense, New Zealand's Department of Labour,\n"
        "the World Health Organisation.\n"
    )
    assert findings(text, select=RULE) == []


def test_glossary_names_and_outlet_wrong_forms_extend_the_list():
    text = "The Kyiv Independant reported that the Ukranian Parliament voted.\n"
    settings = {
        "glossary": ["Kyiv Independent"],
        "checks": {"official-name": {"wrong": {"Ukranian Parliament": "Verkhovna Rada"}}},
    }
    found = findings(text, select=RULE, settings=settings)
    assert [(snippet(text, f), f.fix.replacement) for f in found] == [
        ("Kyiv Independant", "Kyiv Independent"),
        ("Ukranian Parliament", "Verkhovna Rada"),
    ]


def test_code_and_front_matter_are_ignored():
    text = "---\ntitle: North Atlantic Treaty Association\n---\n\nRun `European Onion` now.\n"
    assert findings(text, select=RULE) == []


def test_the_tables_kept_between_runs_are_the_ones_worked_out(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from lint import startup
    from lint.checks import official_name

    extra = (("Open Data Councill", "Open Data Council"),)
    monkeypatch.setenv("NEWSLINT_PATTERN_CACHE", str(tmp_path))
    startup.marshal_store.cache_clear()
    official_name._names.cache_clear()
    try:
        built = official_name._names((), extra)
        assert startup.marshal_store("official-names").added == 1
        startup.marshal_store("official-names").save()
        startup.marshal_store.cache_clear()
        official_name._names.cache_clear()
        kept = official_name._names((), extra)
        assert startup.marshal_store("official-names").added == 0  # read from the store
        assert (kept.wrong, kept.valid, kept.near, kept.lengths, kept.words) == (
            built.wrong, built.valid, built.near, built.lengths, built.words)
        text = "the open data councill met the European Comission"
        assert [m for m in kept.wrong_forms.finditer(text)] == [m for m in built.wrong_forms.finditer(text)] != []
    finally:
        startup.marshal_store.cache_clear()
        official_name._names.cache_clear()
