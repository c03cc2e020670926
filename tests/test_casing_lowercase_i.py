from helpers import findings, snippet

RULE = ("lowercase-i",)


def test_the_pronoun_written_lowercase():
    text = "The mayor said: “Honestly, i think the plan works and i'm glad.”\n"
    found = findings(text, select=RULE)
    assert [(f.line, f.column, snippet(text, f), f.fix.replacement) for f in found] == [
        (1, 28, "i", "I"),
        (1, 55, "i", "I"),
    ]
    assert found[0].message == "The pronoun “i” is written lowercase: write “I”."


def test_numerals_variables_letters_and_other_languages_are_left_alone():
    text = (
        "The steps are: i) plan, ii) build. Let i be the index; i.e. the first.\n\n"
        "Set `i think` in code. The pi is round.\n\n"
        "Io non so se i ragazzi sono già arrivati e se i loro genitori lo sanno.\n"
    )
    assert findings(text, select=RULE) == []
