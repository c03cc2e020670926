"""`newslint learn`: from an archive of articles to a house profile and a paragraph index.

Each article's facts (facts.py) are extracted in worker processes; everything else is a merge of
those facts in sorted order, so the same archive gives the same files, and `--update` (which
extracts only new or changed articles and reuses the others' facts from the index) gives the
same files as a rebuild.
"""

from __future__ import annotations

import hashlib
import importlib.util
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from functools import cache
from pathlib import Path

from lint.datafiles import data_lines
from lint.house.facts import BREAK, PARAGRAPH_MIN_WORDS, SHINGLE_WORDS, START, ArticleFacts, extract
from lint.house.profile import HouseName, HouseProfile, ProfileError, TemplateLine, Term, article_key, render
from lint.house.words import casing_allowed

# Capitalised words that open a run without being part of a name ("In Rust", "The Sangamon").
_FUNCTION_WORDS = frozenset(
    "the a an in on at to of by for from with as and or but if when this that these those it its "
    "we our their his her my your you they there here what how why i".split()
)


class LearnError(Exception):
    """One line for the user: what stopped the learning."""


@dataclass(frozen=True)
class Settings:
    """How much evidence each part of the profile needs (recorded in the profile)."""

    name_min_articles: int = 5  # a house name is written so mid-sentence in at least this many articles
    name_other_share: float = 0.05  # ... and otherwise in at most this share of that many articles
    term_min_articles: int = 5  # a preferred form is used in at least this many articles
    term_share: float = 0.9  # ... and in this share of the articles that use any form of the word
    variety_min_words: int = 20  # spelling variety: firm US or GB spellings seen at least this often
    variety_share: float = 0.8  # ... and one variety this share of them
    template_min_articles: int = 5  # a template line is in at least this many articles
    template_share: float = 0.01  # ... and this share of the archive
    duplicate_threshold: float = 0.8  # Jaccard of word shingles for a recycled paragraph
    lsh_threshold: float = 0.6  # candidates are gathered below it, then checked against the signatures
    template_paragraph_articles: int = 5  # a paragraph near-repeated in this many articles is a template


@dataclass
class LearnResult:
    profile: HouseProfile
    profile_path: Path
    index_path: Path
    extracted: int = 0  # articles parsed this run
    reused: int = 0  # articles whose facts came from the previous index (--update)
    dropped: int = 0  # articles of the previous index whose file is gone
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, problem)
    notes: list[str] = field(default_factory=list)


def index_path_for(profile_path: Path) -> Path:
    return profile_path.with_name(profile_path.stem + ".index")


def paragraphs_supported() -> bool:
    """The paragraph index needs newslint[archive] (datasketch, which brings numpy)."""
    return importlib.util.find_spec("datasketch") is not None


# -- the run -----------------------------------------------------------------------------------------

def learn_archive(
    paths: list[str],
    output: Path,
    update: bool,
    configs,  # lint.engine.ConfigCache
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
    settings: Settings = Settings(),
) -> LearnResult:
    from lint.engine import FileResult, discover, read_source, run_tasks
    from lint.house.index import ParagraphIndex

    _check_output(output)  # before the archive is read, not after
    base = output.resolve().parent
    index_path = index_path_for(output)
    with_paragraphs = paragraphs_supported()
    previous_profile = _previous_profile(output, update)
    previous: dict[str, ArticleFacts] = {}
    result = LearnResult(HouseProfile(), output, index_path)
    if update:
        if not previous_profile.index_file:
            raise LearnError(f"{output}: --update needs the index the profile was learned with; run a full learn")
        old = ParagraphIndex(base / previous_profile.index_file)
        if (old.params is not None) != with_paragraphs:
            raise LearnError(f"{index_path}: this index was built {'with' if old.params else 'without'} paragraph "
                             f"signatures; run a full learn")
        for facts in old.facts():
            if _still_there(facts.path, base):
                previous[facts.path] = facts
            else:
                result.dropped += 1
    errors: list[FileResult] = []
    targets = discover(paths, configs, errors)
    result.errors.extend((e.path, e.error or "") for e in errors)
    tasks: list[tuple[object, str, bool]] = []
    learned: dict[str, ArticleFacts] = dict(previous)
    for target in targets:
        key = article_key(target.path, base)
        if key in previous:
            try:
                digest = _digest(read_source(target.path, target.config.max_size_mb, target.config.encodings))
            except Exception:  # unreadable now: the worker says why
                digest = ""
            if digest == previous[key].digest:
                result.reused += 1
                continue
        tasks.append((target, key, with_paragraphs))
    for outcome in run_tasks(_extract_task, tasks, jobs, progress):
        if isinstance(outcome, ArticleFacts):
            learned[outcome.path] = outcome
        else:
            result.errors.append(outcome)
    result.extracted = len(tasks)
    facts = [learned[k] for k in sorted(learned)]
    if not facts:
        raise LearnError(f"no articles to learn from in {' '.join(paths)}")
    marks = {t.text: t.mark for t in previous_profile.templates}
    profile, params, indexed = build_profile(facts, marks, settings, with_paragraphs)
    from lint.house.index import write_index

    try:
        content_id = write_index(index_path, facts, params, indexed)
    except OSError as err:
        raise LearnError(f"{index_path}: cannot write the paragraph index: {err.strerror or err}") from None
    profile = replace(profile, index_file=index_path.name, index_digest=content_id)
    text = render(profile)
    from lint.atomic import write_bytes_atomic

    try:
        write_bytes_atomic(output, text.encode("utf-8"))
    except OSError as err:
        raise LearnError(f"{output}: cannot write the profile: {err.strerror or err}") from None
    result.profile = profile
    if not with_paragraphs:
        result.notes.append("paragraph index skipped: archive-duplicate needs pip install 'newslint[archive]'")
    return result


def _check_output(output: Path) -> None:
    """The profile's folder must exist and the profile must be a file: said in one line up front."""
    folder = output.parent
    if not folder.is_dir():
        raise LearnError(f"{output}: cannot write the profile: the folder {folder} does not exist")
    if output.is_dir() or index_path_for(output).is_dir():
        what = output if output.is_dir() else index_path_for(output)
        raise LearnError(f"{what}: is a folder; name a file for the profile (--output house.json)")


def _previous_profile(output: Path, update: bool) -> HouseProfile:
    """The profile being replaced: its template marks are kept; --update also needs its index."""
    from lint.house.profile import load_profile

    if not output.exists() and not update:
        return HouseProfile()
    try:
        return load_profile(output)
    except ProfileError as err:
        if update:
            raise LearnError(str(err)) from None
        return HouseProfile()  # a full learn replaces a broken profile


def _still_there(path: str, base: Path) -> bool:
    return (base / path).is_file()


def _digest(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()


def _extract_task(task: tuple[object, str, bool]) -> ArticleFacts | tuple[str, str]:
    from lint.document import format_for, parse
    from lint.document.reader import InputError
    from lint.engine import read_source

    target, key, with_paragraphs = task
    try:
        source = read_source(target.path, target.config.max_size_mb, target.config.encodings)  # type: ignore[attr-defined]
        doc = parse(target.display, source, target.config.for_file(target.path).parse,  # type: ignore[attr-defined]
                    format_for(str(target.path)))  # type: ignore[attr-defined]
        return extract(doc, key, _digest(source), with_paragraphs)
    except InputError as err:
        return target.display, str(err)  # type: ignore[attr-defined]
    except RecursionError:
        return target.display, "too deeply nested to parse"  # type: ignore[attr-defined]


# -- from facts to a profile -------------------------------------------------------------------------

def build_profile(facts: list[ArticleFacts], marks: dict[str, str], settings: Settings, with_paragraphs: bool):
    """(profile without its index pin, index parameters or None, which paragraphs to index)."""
    variety, variety_counts = learn_variety(facts, settings)
    profile = HouseProfile(
        articles=len(facts),
        words=sum(f.words for f in facts),
        variety=variety,
        variety_counts=variety_counts,
        terms=tuple(learn_terms(facts, settings)),
        names=tuple(learn_names(facts, settings)),
        templates=tuple(learn_templates(facts, marks, settings)),
        settings=asdict(settings),
    )
    if not with_paragraphs:
        return profile, None, None
    params, indexed = cluster_paragraphs(facts, settings)
    return profile, params, indexed


def _tokens(stream: str) -> list[str]:
    return stream.split(" ") if stream else []


def _runs(tokens: list[str]) -> Iterator[list[str]]:
    """Runs of capitalised words mid-sentence, function words stripped from the front."""
    run: list[str] = []
    for token in [*tokens, BREAK]:
        if token != BREAK and token[0] != START and token[0].isupper():
            run.append(token)
            continue
        while run and run[0].lower() in _FUNCTION_WORDS:
            run.pop(0)
        if run:
            yield run
        run = []


def _name_like(word: str) -> bool:
    # Dotted forms ("U.S", "Login.gov") are left out: written lowercase they read as addresses.
    return len(word) > 1 and "." not in word and not word.lower().startswith(("i'", "i’"))


@cache
def _ambiguous_keys() -> frozenset[tuple[str, ...]]:
    """Shipped names that are also ordinary words ("turkey"): their own rules decide (proper-noun-case)."""
    from lint.checks._names import load_lexicon

    return frozenset(key for key, name in load_lexicon().names.items() if name.rule or name.generic)


def learn_names(facts: list[ArticleFacts], settings: Settings) -> list[HouseName]:
    forms: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for f in facts:
        seen: set[str] = set()
        for run in _runs(_tokens(f.stream)):
            # A whole run only: "Ferry" in "Harrowgate Ferry" is no name of its own.
            if len(run) <= 4 and all(_name_like(w) for w in run):
                seen.add(" ".join(run))
        for form in seen:
            forms[tuple(form.lower().split(" "))][form] += 1
    house: dict[tuple[str, ...], tuple[str, int]] = {}
    ambiguous = _ambiguous_keys()
    for key, counts in forms.items():
        form, articles = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if articles >= settings.name_min_articles and key not in ambiguous:
            house[key] = (form, articles)
    other = _other_casings(facts, {k: v[0] for k, v in house.items()})
    names = []
    for key, (form, articles) in house.items():
        if other[key] <= math.floor(settings.name_other_share * articles):
            names.append(HouseName(form, articles, other[key]))
    return sorted(names, key=lambda n: (n.form.lower(), n.form))


def _other_casings(facts: list[ArticleFacts], house: dict[tuple[str, ...], str]) -> Counter[tuple[str, ...]]:
    """Per candidate name, the articles that write it in a casing the house form does not allow."""
    single = {key[0]: form for key, form in house.items() if len(key) == 1}
    multi: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in sorted((k for k in house if len(k) > 1), key=len, reverse=True):
        multi[key[0]].append(key)
    other: Counter[tuple[str, ...]] = Counter()
    # Only tokens that lowercase to a name's first word need a look: found with one lowercasing of
    # the whole stream and a set test per token (lowercasing never adds or removes a space).
    firsts = set(single) | set(multi)
    wanted = firsts | {START + w for w in firsts}
    for f in facts:
        tokens = _tokens(f.stream)
        lowered = f.stream.lower().split(" ") if f.stream else []
        seen: set[tuple[str, ...]] = set()
        for i in [i for i, t in enumerate(lowered) if t in wanted]:
            token = tokens[i]
            start = token[0] == START
            word = token[1:] if start else token
            lower = word.lower()
            form = single.get(lower)
            if form is not None and word != form and (lower,) not in seen \
                    and not casing_allowed([word], [form], start):
                seen.add((lower,))
            for key in multi.get(lower, ()):
                # Cheap tests first: the next words, lowercased, and not already counted here.
                if key in seen or lowered[i + 1 : i + len(key)] != list(key[1:]):
                    continue
                window = tokens[i + 1 : i + len(key)]
                if len(window) < len(key) - 1 or any(w[0] in (BREAK, START) for w in window):
                    continue
                written = [word, *window]
                if tuple(w.lower() for w in written) == key and not casing_allowed(
                    written, house[key].split(" "), start
                ):
                    seen.add(key)
        other.update(seen)
    return other


@cache
def _variant_groups() -> list[list[str]]:
    return [[form.strip() for form in line.split("|")] for line in data_lines("terminology/variants.txt")]


def learn_terms(facts: list[ArticleFacts], settings: Settings) -> list[Term]:
    groups = _variant_groups()
    keys: dict[tuple[str, ...], tuple[int, int]] = {}
    for g, group in enumerate(groups):
        for v, form in enumerate(group):
            keys[tuple(form.lower().split(" "))] = (g, v)
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in keys:
        by_first[key[0]].append(key)
    articles: Counter[tuple[int, int]] = Counter()
    written: dict[tuple[int, int], Counter[str]] = defaultdict(Counter)
    for f in facts:
        tokens = [t.lstrip(START) for t in _tokens(f.stream)]
        lowered = [t.lower() for t in tokens]
        seen: set[tuple[int, int]] = set()
        for i, word in enumerate(lowered):
            for key in by_first.get(word, ()):
                if tuple(lowered[i : i + len(key)]) == key and BREAK not in tokens[i + 1 : i + len(key)]:
                    seen.add(keys[key])
                    written[keys[key]][" ".join(tokens[i : i + len(key)])] += 1
        articles.update(seen)
    terms = []
    for g, group in enumerate(groups):
        counts = {form: articles[(g, v)] for v, form in enumerate(group)}
        total = sum(counts.values())
        top_v = max(range(len(group)), key=lambda v: (articles[(g, v)], -v))
        top = articles[(g, top_v)]
        if top < settings.term_min_articles or top < settings.term_share * total:
            continue
        use = min(written[(g, top_v)].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        others = tuple(form for v, form in enumerate(group) if v != top_v)
        terms.append(Term(use, others, {form: n for form, n in counts.items() if n}))
    return terms


def learn_variety(facts: list[ArticleFacts], settings: Settings) -> tuple[str, dict[str, int]]:
    from lint.checks.spelling_variety import spelling_pairs

    pairs = spelling_pairs()
    counts = {"us": 0, "gb": 0}
    for f in facts:
        for token in _tokens(f.stream):
            spelling = pairs.get(token.lstrip(START))
            if spelling is not None and spelling.kind == "both" and not spelling.variant:
                counts[spelling.variety] += 1
    total = sum(counts.values())
    variety = ""
    if total >= settings.variety_min_words:
        top = max(counts, key=lambda v: counts[v])
        variety = top if counts[top] >= settings.variety_share * total else ""
    return variety, counts


def learn_templates(facts: list[ArticleFacts], marks: dict[str, str], settings: Settings) -> list[TemplateLine]:
    counts: Counter[str] = Counter()
    for f in facts:
        counts.update(set(f.lines))
    least = max(settings.template_min_articles, math.ceil(settings.template_share * len(facts)))
    lines = [TemplateLine(text, n, marks.get(text, "allow")) for text, n in counts.items() if n >= least]
    return sorted(lines, key=lambda t: (-t.articles, t.text))


def cluster_paragraphs(facts: list[ArticleFacts], settings: Settings):
    """Index parameters from datasketch's MinHashLSH, and which paragraphs to index.

    A paragraph near-repeated in many articles is the house's template (a standard bio, a
    programme blurb), not recycled copy: it is left out of the index.
    """
    import numpy as np
    from datasketch import MinHashLSH

    from lint.house.index import IndexParams
    from lint.house.minhash import NUM_PERM, SEED

    lsh = MinHashLSH(threshold=settings.lsh_threshold, num_perm=NUM_PERM)
    params = IndexParams(NUM_PERM, SEED, SHINGLE_WORDS, PARAGRAPH_MIN_WORDS, settings.duplicate_threshold,
                         lsh.b, lsh.r)
    sigs = [f.signatures for f in facts if f.signatures is not None and len(f.signatures)]
    if not sigs:
        return params, []
    signatures = np.concatenate(sigs)
    owner = np.array([a for a, f in enumerate(facts) for _ in f.paragraph_lines], dtype=np.int64)
    indexed = []
    for near in near_repeats(signatures, lsh.b, lsh.r, settings.duplicate_threshold):
        articles = len(set(owner[near].tolist())) if near is not None else 1
        indexed.append(articles < settings.template_paragraph_articles)
    return params, indexed


def near_repeats(signatures, bands: int, rows: int, threshold: float) -> list:  # type: ignore[no-untyped-def]
    """Per paragraph, the paragraphs (itself included) that share a band with it, as an LSH query
    of datasketch's MinHashLSH with these bands would return them, and whose signatures agree in at
    least `threshold` of their values; None for a paragraph that shares no band (only itself).

    Grouping equal bands with numpy gives exactly the LSH's candidates without a Python object
    per paragraph and band (datasketch's insert and query took a quarter of the whole learn).
    """
    import numpy as np

    n = len(signatures)
    candidates: dict[int, set[int]] = {}
    for band in range(bands):
        part = np.ascontiguousarray(signatures[:, band * rows : (band + 1) * rows])
        _, group, sizes = np.unique(part, axis=0, return_inverse=True, return_counts=True)
        group = group.reshape(-1)
        shared = np.flatnonzero(sizes[group] > 1)  # paragraphs whose band another one has too
        if not len(shared):
            continue
        order = shared[np.argsort(group[shared], kind="stable")]
        cuts = np.flatnonzero(np.diff(group[order])) + 1
        for members in np.split(order, cuts):
            ids = members.tolist()
            for pid in ids:
                candidates.setdefault(pid, set()).update(ids)
    out: list = [None] * n
    for pid, found in candidates.items():
        ids = np.array(sorted(found), dtype=np.int64)
        alike = (signatures[ids] == signatures[pid]).mean(axis=1) >= threshold
        out[pid] = ids[alike]
    return out
