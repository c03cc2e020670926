"""One defect, one finding: the more specific check wins where two flag the same words."""

from helpers import findings, snippet

from lint.dedupe import one_finding_per_defect
from lint.document.span import Span
from lint.findings import Finding, Severity


def _f(rule: str, start: int, end: int) -> Finding:
    return Finding(rule, "placeholder", Severity.ERROR, Span(start, end), rule)


def test_the_superseded_finding_goes_only_where_the_spans_overlap():
    general_here, general_elsewhere, specific = _f("slot", 12, 20), _f("slot", 40, 45), _f("marker", 15, 30)
    kept = one_finding_per_defect([general_here, general_elsewhere, specific], {"marker": ("slot",)})
    assert kept == [general_elsewhere, specific]
    # Touching is not overlapping.
    assert one_finding_per_defect([_f("slot", 0, 15), _f("marker", 15, 30)], {"marker": ("slot",)}) == [
        _f("slot", 0, 15), _f("marker", 15, 30)
    ]


def test_a_newsroom_marker_is_reported_once_by_its_own_check():
    text = "The mayor said [INSERT QUOTE] on Monday.\n"
    found = findings(text, select=("placeholder",))
    assert [(f.rule, snippet(text, f)) for f in found] == [("placeholder-text", "[INSERT QUOTE]")]


def test_many_findings_are_compared_without_pairing_every_two():
    many = [_f("slot", i * 10, i * 10 + 5) for i in range(20_000)]
    winners = [_f("marker", i * 10 + 1, i * 10 + 5) for i in range(0, 20_000, 2)]
    kept = one_finding_per_defect(many + winners, {"marker": ("slot",)})
    assert len(kept) == 10_000 + 10_000


def test_a_wider_finding_around_a_specific_one_is_another_defect():
    wall, glued = _f("wall", 0, 1000), _f("glued", 100, 130)
    assert one_finding_per_defect([wall, glued], {"glued": ("wall",)}) == [wall, glued]


def test_repeats_of_one_problem_fold_into_one_finding_and_every_fix_still_applies():
    from lint.fix import apply_fixes, safe_fixes

    line = "The long\u2011term plan and the short\u2011term plan.\n\n"
    text = line * 3  # six non-breaking hyphens on lines 1, 3 and 5
    found = findings(text, select=("invisible-character",))
    assert len(found) == 1
    folded = found[0]
    assert (folded.line, folded.column, folded.end_line) == (1, 9, 5)
    assert folded.message.endswith("(×6, lines 1–5)")
    fixed, applied = apply_fixes(text, safe_fixes(found))
    assert applied == 6 and "\u2011" not in fixed


def test_fewer_repeats_or_different_words_stay_apart():
    text = "The long\u2011term plan.\n\nThe short\u2011term plan.\n"
    assert len(findings(text, select=("invisible-character",))) == 2


def test_a_folded_finding_keeps_its_fixes_through_the_cache():
    from lint.cache import _finding, _plain

    line = "The long\u2011term plan and the short\u2011term plan.\n\n"
    folded = findings(line * 3, select=("invisible-character",))[0]
    assert _finding(_plain(folded)) == folded
    assert len(folded.more_fixes) == 5
