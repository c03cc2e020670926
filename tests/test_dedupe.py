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
