from helpers import findings, located, snippet

RULE = ("sentence-length",)


def _sentence(words: int, start: str = "Officials") -> str:
    filler = ["said", "the", "new", "budget", "would", "cover", "roads", "and", "schools", "next", "year"]
    return " ".join([start] + [filler[i % len(filler)] for i in range(words - 1)]) + "."


def test_sentence_over_the_limit_is_reported_with_its_length():
    long = _sentence(70, "Council")
    text = f"# Budget\n\nThe vote was close. {long} The mayor agreed.\n"
    found = findings(text, select=RULE)
    assert located(found) == [("sentence-length", 3, 21, 3, 21 + len(long))]
    assert snippet(text, found[0]) == long
    assert "70 words" in found[0].message and "the limit is 65" in found[0].message
    assert found[0].severity.value == "warning"


def test_sentence_at_the_limit_passes_and_the_outlet_sets_its_own_limit():
    text = _sentence(65) + "\n\n" + _sentence(45, "Residents") + "\n"
    assert findings(text, select=RULE) == []
    wire = findings(text, select=RULE, settings={"checks": {"sentence-length": {"max_words": 40}}})
    assert [(f.line, f.column) for f in wire] == [(1, 1), (3, 1)]


def test_run_on_sentence_far_over_the_limit_is_an_error():
    text = _sentence(130) + "\n"
    found = findings(text, select=RULE)
    assert [f.severity.value for f in found] == ["error"]


def test_sentence_with_too_many_clauses():
    text = (
        "The council, which met on Tuesday after a delay, approved the budget, but members said the cuts, "
        "which fall mostly on libraries, would be reviewed, and the mayor, who spoke last, said the plan, "
        "while painful, was needed, because revenue fell.\n"
    )
    found = findings(text, select=RULE)
    assert located(found) == [("sentence-length", 1, 1, 1, len(text))]
    assert "8 clauses" in found[0].message and "the limit is 6" in found[0].message


def test_lists_of_names_are_not_long_sentences():
    names = ", ".join(f"Name{i} Surname{i}" for i in range(40))
    text = f"Thanks to {names} and everyone else.\n"
    assert findings(text, select=RULE) == []


def test_semicolon_series_is_a_list_not_clauses():
    text = (
        "Prizes can include: recognition at a ceremony; vouchers for lab time; mentoring from experts; "
        "access to test sites, which are scarce; and a showcase where winners meet buyers, when possible.\n"
    )
    assert findings(text, select=RULE) == []


def test_headings_code_tables_and_front_matter_are_not_sentences():
    long = _sentence(70)
    text = (
        f"---\ntitle: {long}\n---\n\n# {long}\n\n```\n{long}\n```\n\n| Col |\n|---|\n| {long} |\n"
    )
    assert findings(text, select=RULE) == []
