import pytest

from lint.document.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. Senate voted. It passed.", ["The U.S. Senate voted.", "It passed."]),
        ("Dr. Smith arrived on Jan. 5 in Washington, D.C. with aides.",
         ["Dr. Smith arrived on Jan. 5 in Washington, D.C. with aides."]),
        ("About 3.7 million people left. Most went west.", ["About 3.7 million people left.", "Most went west."]),
        ("J. R. R. Tolkien wrote it. Fans agree.", ["J. R. R. Tolkien wrote it.", "Fans agree."]),
        ('"We will win," she said. "Watch us."', ['"We will win," she said.', '"Watch us."']),
        ("He said “it is over.” Then he left.", ["He said “it is over.”", "Then he left."]),
        ("We waited… and waited. Nothing.", ["We waited… and waited.", "Nothing."]),
        ("It was late... The doors closed.", ["It was late...", "The doors closed."]),
        ("Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
        ("The path was long. he agreed.", ["The path was long.", "he agreed."]),
        ("Prices rose, etc. The end came.", ["Prices rose, etc.", "The end came."]),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_offsets_trim_white_space() -> None:
    text = "  One.   Two.  "
    assert split_sentences(text) == [(2, 6), (9, 13)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I don’t. The rest do.", ["I don’t.", "The rest do."]),
        ("See No. 5 on the list. It won.", ["See No. 5 on the list.", "It won."]),
        ("The answer was no. Nobody asked again.", ["The answer was no.", "Nobody asked again."]),
        ("Pens, paper, etc. Students bring them.", ["Pens, paper, etc.", "Students bring them."]),
    ],
)
def test_everyday_words_that_look_like_abbreviations(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
