from helpers import findings, located, snippet


def test_duplicate_heading_same_level_same_parent():
    text = (
        "# Budget\n\n## What the council decided tonight\n\nIt voted.\n\n## Reactions\n\nMixed.\n\n"
        "## What the council decided tonight\n\nAgain.\n\n## Next\n\nSoon.\n\n## Next\n\nLater.\n"
    )
    found = findings(text, select=("duplicate-heading",))
    assert located(found) == [("duplicate-heading", 11, 4, 11, 36), ("duplicate-heading", 19, 4, 19, 8)]
    assert "already appears on line 3" in found[0].message


def test_parallel_and_stock_headings_are_not_duplicates():
    text = (
        "# Release notes\n\n## Version 2\n\n### Added\n\n"
        "A thing.\n\n## Version 1\n\n### Added\n\nAnother.\n\n"
        "## Step one\n\n### Resources\n\nA.\n\n### How it reads\n\nB.\n\n### Resources\n\nC.\n\n"
        "## Contents\n\n- Step two\n- Step three\n\n## Step two\n\nX.\n\n## Step three\n\nY.\n"
    )
    assert findings(text, select=("duplicate-heading",)) == []


def test_toc_stub_in_plain_text():
    text = (
        "Council Backs New Bridge\n"
        "Contents\n"
        "- 1. Background\n"
        "- 2. What happens to the ferry service during construction?\n"
        "- 3. Costs\n"
        "Background\n"
        "The old bridge opened in 1962 and has been closed twice for repairs.\n"
        "What happens to the ferry service during construction?\n"
        "Costs\n"
        "The bridge will cost 40 million pounds, paid over ten years.\n"
    )
    found = findings(text, name="story.txt", select=("duplicate-toc-stub",))
    assert located(found) == [("duplicate-toc-stub", 8, 1, 8, 55)]
    assert "listed in the table of contents (line 4)" in found[0].message


def test_toc_entries_with_sections_are_fine_in_markdown():
    text = (
        "# Bridge\n\n## Contents\n\n- [Background](#background)\n- [Costs](#costs)\n"
        "\n## Background\n\nText.\n\n## Costs\n\n### Detail\n\nMore.\n"
    )
    assert findings(text, select=("duplicate-toc-stub",)) == []


def test_title_repeated_with_the_story_after_it():
    opening = "The county will close the old bridge on Monday so crews can replace the deck."
    text = (
        f"---\ntitle: Bridge to close for repairs\n---\n\n{opening}\n"
        f"\nMore.\n\n## Bridge to close for repairs\n\n{opening}\n"
    )
    found = findings(text, select=("title-repeated",))
    assert located(found) == [("title-repeated", 9, 4, 9, 31)]
    assert "story starts again" in found[0].message


def test_title_as_page_heading_or_section_name_is_fine():
    text = (
        "---\ntitle: How to merge two pages\n---\n\n# How to merge two pages\n\nWhy merge them at all.\n\n"
        "## Reasons\n\nMany.\n\n## How to merge two pages\n\nOpen the settings and choose merge.\n"
    )
    assert findings(text, select=("title-repeated",)) == []


def test_title_repeated_in_plain_text_and_html_suffix():
    text = (
        "Council Backs New Bridge\nThe council voted on Monday.\n"
        "Council Backs New Bridge\nIt will open in 2027.\n"
    )
    assert [(f.line, f.column) for f in findings(text, name="a.txt", select=("title-repeated",))] == [(3, 1)]
    page = (
        "<html><head><title>Council backs new bridge | City Desk</title></head><body><article>"
        "<h1>Council backs new bridge</h1><p>It voted.</p><h1>Council backs new bridge</h1><p>Again.</p>"
        "</article></body></html>"
    )
    found = findings(page, name="a.html", select=("title-repeated",))
    assert [snippet(page, f) for f in found] == ["Council backs new bridge"] and found[0].column > 100


def test_glued_articles_second_dateline_with_glued_headline():
    text = (
        "Rail Strike Talks Resume\n"
        "Leeds, England – March 3, 2026 – Union leaders met rail bosses on Monday.\n"
        "Talks will continue. Floods Close Roads Across the ValleyYork – March 1, 2026 – "
        "Heavy rain closed roads.\n"
    )
    found = findings(text, name="a.txt", select=("glued-articles",))
    assert len(found) == 1
    assert snippet(text, found[0]) == "Floods Close Roads Across the ValleyYork – March 1, 2026 –"
    assert "“York – March 1, 2026”" in found[0].message and "line 2" in found[0].message
    wire = "WASHINGTON (AP) — The Senate voted.\n\nMore text here.\n\nBOSTON (Reuters) - Snow fell.\n"
    assert [(f.line, f.column) for f in findings(wire, select=("glued-articles",))] == [(5, 1)]


def test_one_dateline_and_dates_in_prose_are_fine():
    text = (
        "Berlin, Germany – December 14, 2025 – Talks resumed.\n\n"
        "The first round, on December 7, 2025 – a Sunday – ended early. On March 3, 2026, they meet again.\n"
    )
    assert findings(text, select=("glued-articles",)) == []


def test_undated_datelines_glued_to_a_headline_or_in_capitals():
    text = (
        "Leeds, England – March 3, 2026 – Union leaders met rail bosses on Monday.\n\n"
        "Floods Close Roads Across the ValleyYork – Heavy rain closed roads.\n\n"
        "ROME — The Italian government said on Friday that ferries would run.\n"
    )
    found = findings(text, select=("glued-articles",))
    assert [snippet(text, f) for f in found] == ["Floods Close Roads Across the ValleyYork –", "ROME —"]
    # capitals alone are no dateline without a dated one in the article
    assert (
        findings(
            "NASA — the space agency — said on Friday it would wait.\n\nMore.\n", select=("glued-articles",)
        )
        == []
    )


def test_a_heading_that_gives_the_title_does_not_repeat_itself():
    # A plain-text article whose first line is a sentence: its first heading is the title, once.
    text = "The ferry resumed service on Monday after repairs.\n\nTimetable changes\n\nBoats run hourly.\n"
    assert findings(text, name="story.txt", select=("title-repeated",)) == []
