from helpers import findings, snippet

RULE = ("glued-words",)


def test_words_run_together_are_found_with_exact_spans():
    text = (
        "Police said at a news conferencebefore the arrest that the plan was sound.\n\n"
        "The chief executive, Tim CookThis week, met officials. Tim Cook said little.\n\n"
        "Pictures of the hospital trustGetty Images show the ward.\n\n"
        "The new phone runs on iOSlocated in a small case.\n\n"
        "The earthquake was t he third this year.\n\n"
        "Posted under ID 8230993Theresa May spoke later.\n\n"
        "Updated 12:1629/06/2023 by the desk. The market closed at 3. 50 PM on Friday.\n"
    )
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, f.column, snippet(text, f)) for f in found] == [
        (1, 23, "conferencebefore"),
        (3, 26, "CookThis"),
        (5, 26, "trustGetty"),
        (7, 23, "iOSlocated"),
        (9, 20, "t he"),
        (11, 17, "8230993Theresa"),
        (13, 9, "12:1629/06/2023"),
        (13, 59, "3. 50 PM"),
    ]
    assert found[0].message == "“conferencebefore” looks like two words run together: write “conference before”."
    assert found[4].fix.replacement == "the"
    assert found[7].fix.replacement == "3:50 PM"


def test_names_compounds_code_and_repeats_are_left_alone():
    text = (
        "We used PowerPoint, YouTube, iPhone and McDonald's menus with the LinkedIn team.\n\n"
        "The toolchain and the subcommand run at runtime; the codebase is on GitHub.\n\n"
        "Parsonsfield and Buckhorn are towns. Simonas Boutin and Chenglong spoke.\n\n"
        "Set `lastModified` in the file at https://example.com/conferencebefore/x.\n\n"
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
    assert is_word("conference") and not is_word("conferencebefore")
    assert entry("Pixel").lower and is_name_only("delhi") and entry("bbc").upper
