from helpers import findings, located, snippet

from lint.findings import Severity

RULE = ("table-cell-count",)

TABLE = "| Date | Event | Outcome |\n|---|---|---|\n| Mar 2014 | Plan drafted | Sent back |\n"


def test_last_row_cut_off_in_plain_text():
    text = "Key dates\n" + TABLE + "| Nov 2019 | Plan signed by Jens Stol\nThe talks went on.\n"
    found = findings(text, name="story.txt", select=RULE)
    assert located(found) == [("table-cell-count", 5, 1, 5, 38)]
    assert found[0].severity is Severity.ERROR
    assert "cut off" in found[0].message and "2 of the header's 3" in found[0].message


def test_extra_cells_and_short_rows_in_markdown():
    rows = "| Nov 2019 | Signed | Adopted | Extra |\n| Dec 2019 | Vote |\n| Jan 2020 | Talks | Off |\n"
    text = TABLE + rows
    found = findings(text, select=RULE)
    assert [(f.line, f.column, f.severity) for f in found] == [
        (4, 1, Severity.WARNING),
        (5, 1, Severity.INFO),
    ]
    assert "4 cells but the header has 3" in found[0].message


def test_text_run_into_a_markdown_table():
    text = TABLE + "The talks went on.\n"
    found = findings(text, select=RULE)
    assert [(f.line, f.column) for f in found] == [(4, 1)]
    assert snippet(text, found[0]) == "The talks went on."
    assert "blank line" in found[0].message


def test_well_formed_tables_are_quiet():
    text = (
        TABLE + "\n"
        "Name | Value\n--- | ---\n`a|b` | one\\|two\nlast | row\n\n"
        "<table><tr><th colspan=\"2\">Both</th></tr><tr><td>a</td><td>b</td></tr></table>\n"
    )
    assert findings(text, select=RULE) == []


def test_short_rows_can_be_allowed():
    text = TABLE + "| Dec 2019 | Vote |\n| Jan 2020 | Talks | Paused |\n"
    settings = {"checks": {"table-cell-count": {"report_short_rows": False}}}
    assert findings(text, settings=settings, select=RULE) == []
