from helpers import findings, snippet
from hypothesis import given, settings
from hypothesis import strategies as st

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


def _runs_both_ways(texts: list[str]) -> tuple[list[list[str]], list[list[str]]]:
    from lint.checks._names import ProseTokens
    from lint.checks.glued_words import _RUN, runs_by_text

    tokens = ProseTokens(tuple(texts))
    written, lowered = runs_by_text(tokens.parts, tokens.lowered, tokens.bounds[0], tokens.text_starts)
    assert lowered == [[run.lower() for run in runs] for runs in written]
    return written, [_RUN.findall(t) for t in texts]


def test_runs_read_from_the_shared_split_are_the_patterns_runs():
    texts = [
        "Anna Reed's team—and O’Neill’s—met at 9.30 in the e-mail room.",
        "",
        "x.com, user@site, #tag, a/b, snake_case, 2nd, ab2, ², word.",
        "don't- rock'n'roll ends'",
        "He.The end. Go.5 and go._x",
    ]
    derived, matched = _runs_both_ways(texts)
    assert derived == matched
    assert derived[0] == ["Anna", "Reed's", "team", "and", "O’Neill’s", "met", "at", "in", "the", "room"]
    assert derived[1] == []
    assert derived[4] == ["end", "and"]  # not "He", "The", "Go", "go": a full stop before a word character


@given(st.lists(st.text(alphabet="ab Z'’-.@#/_5٣²é\n,:\x00", max_size=14), max_size=4))
@settings(max_examples=400, deadline=None, derandomize=True, database=None)
def test_runs_read_from_the_shared_split_match_the_pattern_on_any_text(texts: list[str]) -> None:
    derived, matched = _runs_both_ways(texts)
    assert derived == matched


def test_a_table_with_an_empty_cell_beside_an_empty_paragraph():
    # The empty cell and the paragraph that an inline <svg> leaves empty are one and the same
    # empty text object: each still takes its own runs (this crashed the check once).
    text = (
        "| Step | Time |\n|---|---|\n| Build |  |\n\n"
        '<svg id="chart" x="0px"\n viewBox="0 0 10 10" aria-hidden="true">\n\n'
        "The storm was t he second this year.\n"
    )
    found = findings(text, name="story.md", select=RULE)
    assert [(f.line, f.column, snippet(text, f)) for f in found] == [(8, 15, "t he")]
