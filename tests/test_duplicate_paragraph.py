from helpers import findings, located, snippet

from lint.checks._duplicates import near_duplicates, shingles, signature, words

RULE = ("duplicate-paragraph",)
P1 = "The county will close the old bridge on Monday so crews can replace the deck, the highways office said."
P2 = "Drivers should use the ring road, which adds about ten minutes to the trip into town at rush hour."
P3 = "Local shops on the far bank said they expected fewer customers while the work goes on this summer."


def test_exact_copy_is_reported_at_the_second_copy_naming_the_first():
    text = f"{P1}\n\n{P2}\n\n{P3}\n\n{P2}\n"
    found = findings(text, select=RULE)
    assert located(found) == [("duplicate-paragraph", 7, 1, 7, len(P2) + 1)]
    assert "repeats line 3 word for word" in found[0].message
    assert found[0].fix is not None and not found[0].fix.safe


def test_near_copy_with_small_edits_is_a_warning():
    edited = P2.replace("about ten minutes", "roughly ten minutes")
    found = findings(f"{P1}\n\n{P2}\n\n{P3}\n\n{edited}\n", select=RULE)
    assert [(f.line, f.severity.value) for f in found] == [(7, "warning")]
    assert "near copy" in found[0].message and "line 3" in found[0].message


def test_a_repeated_section_is_one_finding():
    text = f"# Bridge\n\n{P1}\n\n{P2}\n\n## Later\n\n{P3}\n\n{P1}\n\n{P2}\n"
    found = findings(text, name="a.md", select=RULE)
    assert len(found) == 1
    assert (found[0].line, found[0].end_line) == (11, 13)
    assert "section of 2 paragraphs repeats line 3" in found[0].message
    assert snippet(text, found[0]) == f"{P1}\n\n{P2}"


def test_threshold_option():
    edited = P2.replace("adds about ten minutes to the trip", "adds ten minutes to each trip")
    text = f"{P1}\n\n{P2}\n\n{P3}\n\n{edited}\n"
    assert findings(text, select=RULE) == []
    assert (
        len(findings(text, select=RULE, settings={"checks": {"duplicate-paragraph": {"threshold": 0.5}}}))
        == 1
    )


def test_designed_repetition_is_left_alone():
    question = "**What was your first job in the county and how did you get to where you are now?**"
    stock = "This project might choose several applicants who would work together as one team."
    text = (
        f"## Ana\n\n{question}\n\nI started as a clerk.\n\n{stock}\n\n"
        f"## Ben\n\n{question}\n\nI was an engineer.\n\n{stock}\n\n"
        f"> {P1}\n\n{P1}\n\n"
        "These types were stable in `std::ffi` before, and from this release are "
        "also in `core` and `alloc`:\n\n"
        "These types were stable in `std::os::raw` before, and from this release are "
        "in `core::ffi` and `std::ffi`:\n"
    )
    assert findings(text, name="a.md", select=RULE) == []


def test_minhash_index_is_deterministic_and_finds_copies_among_many():
    texts = [
        shingles(words(f"paragraph number {i} talks about topic {i * 7} in its own words today"))
        for i in range(300)
    ]
    texts.append(texts[17])
    pairs = near_duplicates(texts, 0.8)
    assert [(p.first, p.second) for p in pairs] == [(17, 300)]
    assert signature(texts[3]) == signature(frozenset(texts[3]))
