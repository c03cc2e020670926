"""lint/checks/_tokens.py: the one answer to "is this prose?"."""

from __future__ import annotations

import re

from lint.checks._tokens import DOMAIN_LIKE, TLDS, is_english_word, is_technical, mask_non_prose


def test_technical_tokens_and_website_names_share_one_domain_list() -> None:
    domain = re.compile(DOMAIN_LIKE, re.IGNORECASE)
    for tld in ("com", "co.uk", "gov", "media", "news"):
        name = f"example.{tld}"
        assert tld.split(".")[-1] in TLDS
        assert is_technical(name + ","), name
        assert domain.search(f"Read more on {name} today").group() == name
    assert not is_technical("ended.Then") and domain.search("It ended.Then we left") is None


def test_the_mask_keeps_offsets_and_blanks_only_what_is_not_prose() -> None:
    text = "Mail jo@example.org or see www.example.org/news, said Lee."
    masked = mask_non_prose(text)
    assert len(masked) == len(text)
    blank = " " * len("jo@example.org")
    assert masked == f"Mail {blank} or see {' ' * len('www.example.org/news,')} said Lee."


def test_dictionary_words() -> None:
    assert is_english_word("Since") and is_english_word("cargo")
    assert not is_english_word("rustfmt")
