"""Planting test for the house profile, on the shared corpus (skipped where it is absent).

Learn from the corpus minus 30 held-back articles, then plant into copies of those 30:
(a) lowercase forms of 20 house names picked from the profile by code, that the shipped name
lists do not know; (b) 10 paragraphs copied from learned articles with one word changed per
sentence. Each kind must be found with recall >= 0.9, and the unplanted copies must gain fewer
than 5 findings per 10,000 words from the profile.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from lint.checks._names import load_lexicon
from lint.document import parse
from lint.engine import ConfigCache, Selection, lint_text
from lint.house.facts import paragraph_words
from lint.house.learn import learn_archive, paragraphs_supported
from lint.house.profile import HouseProfile, load_profile
from lint.house.words import name_tokens

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
HELD_BACK, NAMES, PARAGRAPHS = 30, 20, 10
# Distinct stand-ins, one per sentence, so no two changes add the same word.
SUBSTITUTES = "harbor lantern meadow quartz saddle tundra velvet walnut zephyr anchor bramble cobalt".split()

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")


@dataclass
class Plant:
    path: Path
    line: int
    column: int
    kind: str  # "name" | "paragraph"
    expected: str  # the house form, or the archived article the paragraph came from


@dataclass
class Planted:
    profile: HouseProfile
    plants: list[Plant]
    planted: list[Path]
    clean: list[Path]


def _articles() -> list[Path]:
    """The corpus's articles, as its manifest lists them (not its notes files)."""
    import json

    lines = (CORPUS / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return sorted(CORPUS / json.loads(line)["file"] for line in lines if line.strip())


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Planted:
    work = tmp_path_factory.mktemp("planting")
    articles = _articles()
    markdown = [p for p in articles if p.suffix == ".md"]
    held = markdown[:: len(markdown) // HELD_BACK][:HELD_BACK]
    learned = [p for p in articles if p not in set(held)]
    learn_archive([str(p) for p in learned], work / "house.json", False, ConfigCache(None), jobs=2)
    profile = load_profile(work / "house.json")
    sources = {p: p.read_text(encoding="utf-8") for p in held}
    plants: list[Plant] = []
    # (start, end, new text, kind, expected) per held-back article
    edits: dict[Path, list[tuple[int, int, str, str, str]]] = {p: [] for p in held}
    _plant_names(profile, sources, edits)
    _plant_paragraphs(profile, learned, sources, edits)
    (work / "planted").mkdir()
    (work / "clean").mkdir()
    planted_paths, clean_paths = [], []
    for i, path in enumerate(held):
        clean = work / "clean" / f"{i:02d}.md"
        clean.write_text(sources[path], encoding="utf-8")
        text = sources[path]
        for start, end, new, _, _ in sorted(edits[path], reverse=True):
            text = text[:start] + new + text[end:]
        out = work / "planted" / f"{i:02d}.md"
        out.write_text(text, encoding="utf-8")
        planted_paths.append(out)
        clean_paths.append(clean)
        for start, _, new, kind, expected in edits[path]:
            shift = sum(len(n) - (e - s) for s, e, n, _, _ in edits[path] if s < start)
            at = start + shift + (2 if new.startswith("\n\n") else 0)
            line = text.count("\n", 0, at) + 1
            column = at - (text.rfind("\n", 0, at) + 1) + 1
            plants.append(Plant(out, line, column, kind, expected))
    return Planted(profile, plants, planted_paths, clean_paths)


def _plant_names(profile: HouseProfile, sources: dict[Path, str], edits: dict[Path, list]) -> None:
    """Lowercase one use of a house name the shipped lists do not know, one name per article in turn."""
    lexicon = load_lexicon()
    table = profile.name_table
    found: dict[Path, list[tuple[str, int, int]]] = {}
    for path, source in sources.items():
        doc = parse(str(path), source)
        found[path] = []
        for block in doc.blocks:
            if block.kind.value != "paragraph":
                continue
            tokens = name_tokens(block)
            i = 0
            while i < len(tokens):  # the longest name at each place, as the check reads them
                size = next((n for n in (4, 3, 2, 1) if i + n <= len(tokens)
                             and all(t.joined for t in tokens[i + 1 : i + n])
                             and tuple(t.text.lower() for t in tokens[i : i + n]) in table), 0)
                if not size:
                    i += 1
                    continue
                window = tokens[i : i + size]
                i += size
                key = tuple(t.text.lower() for t in window)
                name = table[key]
                if lexicon.get(key) is not None or window[0].sentence_start or name.form.islower():
                    continue
                span = block.text.span(window[0].start, window[-1].end)
                if source[span.start : span.end] == name.form:
                    found[path].append((name.form, span.start, span.end))
    picked: set[str] = set()
    while len(picked) < NAMES and any(found.values()):
        for path in sources:
            while found[path] and found[path][0][0] in picked:
                found[path].pop(0)
            if found[path] and len(picked) < NAMES:
                form, start, end = found[path].pop(0)
                if any(s < end and start < e for s, e, *_ in edits[path]):
                    continue
                picked.add(form)
                edits[path].append((start, end, form.lower(), "name", form))
    assert len(picked) == NAMES, f"only {len(picked)} house names to plant"


def _plant_paragraphs(profile: HouseProfile, learned: list[Path], sources: dict[Path, str],
                      edits: dict[Path, list]) -> None:
    """Copy indexed paragraphs of learned articles, one word changed per sentence, into held-back ones."""
    index = profile.paragraph_index()
    assert index is not None and index.params is not None
    from lint.house.minhash import shingles, signature

    donors = [p for p in learned if p.suffix == ".md"]
    chosen: list[tuple[Path, str]] = []
    for path in donors[:: max(1, len(donors) // 40)]:
        doc = parse(str(path), path.read_text(encoding="utf-8"))
        for block in doc.blocks:
            words = paragraph_words(block)
            text = block.text.text
            if len(words) < 40 or doc.source[block.span.start : block.span.end] != text:
                continue
            import numpy as np

            sig = np.stack([signature(shingles(words, index.params.shingle_words))])
            if index.find(sig, 0.99)[0] is None:
                continue  # a template paragraph: not in the index, and not recycled copy
            changed = []
            for n, sentence in enumerate(block.sentences):
                sentence_words = sentence.text.split(" ")
                long = [i for i, w in enumerate(sentence_words) if len(w) > 3 and w.isalpha()]
                if long:
                    sentence_words[long[len(long) // 2]] = SUBSTITUTES[n % len(SUBSTITUTES)]
                changed.append(" ".join(sentence_words))
            chosen.append((path, " ".join(changed)))
            break
        if len(chosen) == PARAGRAPHS:
            break
    assert len(chosen) == PARAGRAPHS
    held = list(sources)
    for i, (donor, text) in enumerate(chosen):
        path = held[i * len(held) // PARAGRAPHS]
        doc = parse(str(path), sources[path])
        first = next(b for b in doc.blocks if b.kind.value == "paragraph")
        edits[path].append((first.span.end, first.span.end, "\n\n" + text, "paragraph", donor.name))


def _lint(paths: list[Path], profile: HouseProfile | None, select: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    configs = ConfigCache(None, profile)
    config = configs.for_dir(Path.cwd())
    results = []
    for path in paths:
        result = lint_text(str(path), path.read_text(encoding="utf-8"), config.for_file(path), Selection(select=select))
        assert result.error is None, result.error
        results.append(result)
    return results


def test_lowercase_house_names_are_found(planted: Planted) -> None:
    findings = [f for r in _lint(planted.planted, planted.profile, ("casing",)) for f in r.findings]
    names = [p for p in planted.plants if p.kind == "name"]
    # Found: a casing finding on the planted words whose fix restores the house form, or a part of it
    # (another casing check may report a longer name around it, "Food and drug administration", or
    # a shorter one inside it, "spanish-speaking").
    hits = [p for p in names if any(
        f.path == str(p.path) and f.line == p.line and f.column <= p.column < f.end_column
        and f.fix is not None and (p.expected in f.fix.replacement or f.fix.replacement in p.expected)
        for f in findings)]
    recall = len(hits) / len(names)
    print(f"\nhouse names: {len(hits)}/{len(names)} found (recall {recall:.2f})")
    assert len(names) == NAMES and recall >= 0.9, [p for p in names if p not in hits]


@pytest.mark.skipif(not paragraphs_supported(), reason="the paragraph index needs newslint[archive]")
def test_recycled_paragraphs_are_found(planted: Planted) -> None:
    findings = [f for r in _lint(planted.planted, planted.profile, ("archive-duplicate",)) for f in r.findings]
    paragraphs = [p for p in planted.plants if p.kind == "paragraph"]
    hits = [p for p in paragraphs if any(f.path == str(p.path) and f.line == p.line and p.expected in f.message
                                         for f in findings)]
    recall = len(hits) / len(paragraphs)
    print(f"\nrecycled paragraphs: {len(hits)}/{len(paragraphs)} found (recall {recall:.2f})")
    assert len(paragraphs) == PARAGRAPHS and recall >= 0.9, [p for p in paragraphs if p not in hits]


def test_unplanted_articles_stay_quiet_with_the_profile(planted: Planted) -> None:
    with_profile = _lint(planted.clean, planted.profile)
    without = _lint(planted.clean, None)
    words = sum(r.words for r in without)

    def keys(results) -> set[tuple[str, int, int, str]]:  # type: ignore[no-untyped-def]
        return {(f.path, f.line, f.column, f.rule) for r in results for f in r.findings}

    added = keys(with_profile) - keys(without)
    total = sum(len(r.findings) for r in with_profile)
    print(f"\nunplanted: {len(added)} findings added by the profile in {words} words "
          f"({len(added) / words * 10_000:.2f} per 10k words; {total / words * 10_000:.2f} per 10k with every check)")
    assert len(added) / words * 10_000 < 5, sorted(added)
