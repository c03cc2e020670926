from helpers import findings, snippet

RULE = ("glued-words",)


def test_words_run_together_are_found_with_exact_spans():
    text = (
        "The regulator spoke at a press briefingafter the vote and left early.\n\n"
        "The director, Anna ReedThis week, met donors. Anna Reed said little.\n\n"
        "Pictures from the annual reportPhoto credit show the new wing.\n\n"
        "The probe was NASAfunded and small.\n\n"
        "The storm was t he second this year.\n\n"
        "Filed under post 4471203Maria Lopez wrote later.\n\n"
        "Updated 09:4511/03/2024 by the desk. The index closed at 4. 15 PM on Friday.\n"
    )
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, f.column, snippet(text, f)) for f in found] == [
        (1, 32, "briefingafter"),
        (3, 20, "ReedThis"),
        (5, 26, "reportPhoto"),
        (7, 15, "NASAfunded"),
        (9, 15, "t he"),
        (11, 18, "4471203Maria"),
        (13, 9, "09:4511/03/2024"),
        (13, 58, "4. 15 PM"),
    ]
    assert found[0].message == "“briefingafter” looks like two words run together: write “briefing after”."
    assert found[4].fix.replacement == "the"
    assert found[7].fix.replacement == "4:15 PM"


def test_names_compounds_code_and_repeats_are_left_alone():
    text = (
        "We used PowerPoint, YouTube, iPhone and McDonald's menus with the LinkedIn team.\n\n"
        "The toolchain and the subcommand run at runtime; the codebase is on GitHub.\n\n"
        "Greenfield and Ashwell are towns. Simonas Boutin and Chenglong spoke.\n\n"
        "Set `lastModified` in the file at https://example.com/briefingafter/x.\n\n"
        "The ThinkUp and WeWork founders met the PhaseOne staff.\n\n"
        "Our app, FooBarThis, shipped. FooBarThis is popular.\n\n"
        "Mix a part of it in to the bowl.\n"
    )
    assert findings(text, select=RULE) == []


def test_shipped_vocabulary_is_sorted_for_bisection_and_knows_case():
    from lint.datafiles import data_lines
    from lint.words import VOCABULARY_FILE, entry, is_name_only, is_word

    lines = list(data_lines(VOCABULARY_FILE))
    assert lines == sorted(lines) and len(lines) > 80000
    assert is_word("conference") and not is_word("briefingafter")
    assert entry("Nimbus").lower and is_name_only("delhi") and entry("bbc").upper


def test_a_time_read_as_a_numbered_list_item():
    text = "Markets\n\n4. 15 PM: Bell rings\n\n4. 20PM: What next\n\n1. 30 people came\n2. 10 pm is late\n"
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, f.column, snippet(text, f), f.fix.replacement) for f in found] == [
        (3, 1, "4. 15 PM", "4:15 PM"),
        (5, 1, "4. 20PM", "4:20 PM"),
    ]


def test_a_word_broken_by_a_hyphen_at_an_old_line_end():
    text = "The infor- mation was shared in a well- known pre- and post-war form.\n"
    found = findings(text, select=RULE)
    assert [(f.column, snippet(text, f), f.fix.replacement) for f in found] == [(5, "infor- mation", "information")]


def test_a_possessive_and_a_prefixed_name_glued_to_the_next_word():
    text = "Photo by Dana VanBuskirkWhen we arrived, Ireland'sfarming towns were quiet. McDonald met DeSantis.\n"
    found = findings(text, select=RULE)
    assert [(f.column, snippet(text, f), f.fix.replacement) for f in found] == [
        (15, "VanBuskirkWhen", "VanBuskirk When"),
        (42, "Ireland'sfarming", "Ireland's farming"),
    ]
