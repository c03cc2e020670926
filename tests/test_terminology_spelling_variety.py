from helpers import findings, located, snippet

RULE = ("spelling-variety",)
GB = {"outlet": {"language": "en-GB"}}
US = {"outlet": {"language": "en-US"}}


def test_british_forms_in_american_copy_with_fix_and_count():
    text = "The defence ministry formalised plans.\nIts defence budget will prioritize the neighbourhood.\n"
    found = findings(text, select=RULE, settings=US)
    assert located(found) == [
        ("spelling-variety", 1, 5, 1, 12),
        ("spelling-variety", 1, 22, 1, 32),
        ("spelling-variety", 2, 40, 2, 53),
    ]
    assert [f.fix.replacement for f in found] == ["defense", "formalized", "neighborhood"]
    assert [f.severity.value for f in found] == ["warning"] * 3
    assert found[0].message == (
        "“defence” is British spelling, but this outlet and the rest of the article use American spelling: "
        "write “defense”. (“defence” appears 1 more time.)"
    )


def test_an_article_in_the_other_variety_throughout_is_reported_gently():
    found = findings("The defence ministry formalised plans.\n", select=RULE, settings=US)
    assert [(f.column, f.severity.value) for f in found] == [(5, "info"), (22, "info")]
    assert "like the rest of this article; this outlet uses American spelling" in found[0].message
    strict = {**US, "checks": {"spelling-variety": {"consistent_severity": "warning"}}}
    found = findings("The defence ministry formalised plans.\n", select=RULE, settings=strict)
    assert [f.severity.value for f in found] == ["warning", "warning"]


def test_american_forms_in_british_copy():
    text = "The colour of the centre changed, and the color faded.\n"
    found = findings(text, select=RULE, settings=GB)
    assert [snippet(text, f) for f in found] == ["color"]
    assert found[0].message.endswith("the rest of the article use British spelling: write “colour”.")


def test_names_quotes_links_and_code_keep_their_spelling():
    text = (
        "The Ministry of Defence and the Labour Party met at the Centre for Policy Studies.\n\n"
        "Colour is a name here. She said “we will prioritise it” and read [the defence review](https://x.org).\n\n"
        "Use `colour: red` and visit colour.example.com. The analyses of the programs were done.\n"
    )
    assert findings(text, select=RULE) == []


def test_one_way_pairs_and_variants():
    # British English also writes "program" (software) and "meter" (a device): no finding in British copy.
    assert findings("The program reads the meter.\n", select=RULE, settings=GB) == []
    text = "The color programme was cancelled after a judgement.\n"
    found = findings(text, select=RULE, settings=US)
    assert [(snippet(text, f), f.severity.value) for f in found] == [
        ("programme", "warning"),
        ("cancelled", "info"),
        ("judgement", "info"),
    ]


def test_oxford_spelling_and_following_the_article():
    text = "They organize the colour guide.\n"
    oxford = {**GB, "checks": {"spelling-variety": {"oxford_spelling": True}}}
    assert findings(text, select=RULE, settings=oxford) == []
    article = {**US, "checks": {"spelling-variety": {"follow": "article"}}}
    found = findings("The colour and flavour of the centre, then color.\n", select=RULE, settings=article)
    assert [f.fix.replacement for f in found] == ["colour"]
    assert "the rest of the article uses British spelling" in found[0].message


def test_shipped_pairs_match_their_generator_and_rules():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "tools" / "make_spelling_pairs.py"
    spec = importlib.util.spec_from_file_location("make_spelling_pairs", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text, _ = module.build()
    assert module.OUTPUT.read_text(encoding="utf-8") == text, "run tools/make_spelling_pairs.py"
    rows = [line.split("\t") for line in text.splitlines() if not line.startswith("#")]
    pairs = {us: gb for us, gb, _, _ in rows}
    assert len(rows) > 300
    assert pairs["organization"] == "organisation" and pairs["centered"] == "centred"
    assert pairs["honorable"] == "honourable" and pairs["traveled"] == "travelled"
    # Words spelled alike in both varieties never appear: plurals of -ysis nouns, -our-less derivatives.
    assert not {"analyses", "humorous", "honorary", "laborious"} & (set(pairs) | set(pairs.values()))


def test_respelling_is_suggested_never_applied_by_fix():
    text = "The city will prioritise roads and prioritize schools.\n"
    found = findings(text, select=("spelling-variety",), settings=US)
    assert [snippet(text, f) for f in found] == ["prioritise"]
    assert found[0].fix is not None and found[0].fix.replacement == "prioritize"
    assert found[0].fix.safe is False


def test_without_an_outlet_language_the_article_sets_the_variety():
    # A British article is never told to write American, and an American one never British.
    assert findings("The council apologised and will recognise the defence staff.\n", select=RULE) == []
    assert findings("The council apologized and will recognize the defense staff.\n", select=RULE) == []
    # A mix: only the minority forms, pointing at the article's own majority.
    text = "The colour of the neighbourhood and the flavour of the centre changed.\nThe color faded.\n"
    found = findings(text, select=RULE)
    assert located(found) == [("spelling-variety", 2, 5, 2, 10)]
    assert found[0].message == (
        "“color” is American spelling; the rest of the article uses British spelling: write “colour”."
    )
    text = "The color of the neighborhood changed.\nThe colour faded in the center.\n"
    found = findings(text, select=RULE)
    assert [(snippet(text, f), f.fix.replacement) for f in found] == [("colour", "color")]
    # A tie says nothing about which variety is meant.
    assert findings("The colour and the color.\n", select=RULE) == []
