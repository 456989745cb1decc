"""bench/pagefind_compare.py writes the words it feeds Pagefind as docs/search.md says."""

from __future__ import annotations

import sys

import numpy as np

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from pagefind_compare import bigram_words, unit_word  # noqa: E402


def test_a_character_is_an_ascii_code_and_an_ascii_word_itself():
    code = np.base_repr(ord("慈"), 36).lower().rjust(4, "0")
    assert unit_word("慈") == f"_{code}"
    assert unit_word("5002195984") == "5002195984"
    assert unit_word("é") == "_" + np.base_repr(ord("é"), 36).lower().rjust(4, "0")


def test_runs_are_written_as_units_with_the_pairs_between_them():
    assert bigram_words("慈城镇，LED 5002195984号", codes=False) == (
        "慈 慈城 城 城镇 镇 led 5002195984 5002195984号 号")
    coded = bigram_words("慈城", codes=True).split()
    assert coded == [unit_word("慈"), unit_word("慈") + unit_word("城"), unit_word("城")]
