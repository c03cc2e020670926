from helpers import findings, located

RULE = ("flattened-table",)


def test_a_league_table_flattened_to_one_cell_per_line():
    rows = ["Team", "P", "W", "Pts", "Rovers", "15", "10", "34", "United", "15", "8", "29"]
    text = "The table after the weekend games is below.\n\n" + "\n".join(rows) + "\n\nRovers lead by five points.\n"
    found = findings(text, name="story.txt", select=RULE)
    assert located(found) == [("flattened-table", 3, 1, 14, 3)]
    assert "12 lines of single cells (6 of them figures)" in found[0].message


def test_a_notes_column_between_the_figures_keeps_the_run():
    rows = []
    for name in ("Anglesey", "Bridgend", "Cardiff"):
        rows += [name, "128.5", "3.1", "The council plans to save money by cutting posts and raising fees."]
    text = "\n\n".join(rows) + "\n"
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, f.end_line) for f in found] == [(1, 21)]


def test_live_blog_times_and_short_transcript_lines_are_not_tables():
    text = (
        "11:15 p.m.\n\nThe storm weakened overnight.\n\nIt moved north.\n\n9:50 p.m.\n\n"
        "INSKEEP: Yeah.\n\nSMITH: (Laughter).\n\nINSKEEP: Oh.\n\nSMITH: Right.\n\nINSKEEP: Sure.\n\n"
        "SMITH: Well.\n\nINSKEEP: Next.\n\nSMITH: Bye.\n"
    )
    assert findings(text, name="story.txt", select=RULE) == []
    markdown = "| Team | P |\n|---|---|\n| Rovers | 15 |\n"
    assert findings(markdown, select=RULE) == []
