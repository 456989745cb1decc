"""Sample Chinese text by word frequency from a real lexicon: jieba's dictionary.

jieba ships ``dict.txt``: about 349,000 words with the frequencies its segmenter was trained
with (``word freq pos`` per line). Text drawn from it by frequency has the vocabulary of real
Chinese — thousands of distinct characters, frequent function words, a long tail of rare
ones — which a search index's size and a build's cost depend on; a handful of hand-typed
phrases (683 distinct characters) hides both. The sentences are not grammatical; their
characters, words and word frequencies are real.

Only words made wholly of CJK ideographs are kept (no Latin, digits or symbols), so the text
looks like a Chinese newspaper's body. Sampling is deterministic for a given
``random.Random``.
"""

from __future__ import annotations

import itertools
import random
from functools import cache
from pathlib import Path


def _is_ideographs(word: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in word)


def dictionary_path() -> Path:
    """The dict.txt that the installed jieba package ships (``pip install jieba``)."""
    try:
        import jieba
    except ImportError as error:  # an optional dependency: only the benchmarks need it
        raise SystemExit("bench/lexicon.py needs jieba: install the project with "
                         "pip install -e '.[test]' (./dev does)") from error
    return Path(jieba.__file__).with_name("dict.txt")


class Lexicon:
    """Words of a frequency dictionary and their cumulative weights, for sampling."""

    def __init__(self, words: list[str], frequencies: list[int]):
        if not words:
            raise ValueError("empty lexicon")
        self.words = words
        self.cumulative = list(itertools.accumulate(frequencies))

    @classmethod
    def from_file(cls, path: Path) -> Lexicon:
        words, frequencies = [], []
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                parts = line.split()
                if len(parts) >= 2 and parts[1].isdigit() and _is_ideographs(parts[0]):
                    words.append(parts[0])
                    frequencies.append(int(parts[1]))
        return cls(words, frequencies)

    def sample(self, rng: random.Random, count: int) -> list[str]:
        """``count`` words drawn with replacement, each as often as the lexicon's frequency."""
        return rng.choices(self.words, cum_weights=self.cumulative, k=count)

    def sentence(self, rng: random.Random, places: list[str] = ()) -> str:
        """One sentence of two to four clauses; a place name is worked in now and then."""
        clauses = []
        for _ in range(rng.choice((2, 2, 3, 3, 4))):
            words = self.sample(rng, rng.randint(3, 8))
            if places and rng.random() < 0.12:
                words.insert(rng.randrange(len(words) + 1), rng.choice(places))
            clauses.append("".join(words))
        return "，".join(clauses) + rng.choice("。。。。！？；")

    def paragraph(self, rng: random.Random, places: list[str] = ()) -> str:
        return "".join(self.sentence(rng, places) for _ in range(rng.randint(3, 6)))

    def words_text(self, rng: random.Random, low: int, high: int) -> str:
        """A short run of words (a title fragment, a heading)."""
        return "".join(self.sample(rng, rng.randint(low, high)))


@cache
def jieba_lexicon() -> Lexicon:
    """jieba's dictionary, read once per process (about a second)."""
    return Lexicon.from_file(dictionary_path())


def distinct_characters(texts) -> int:
    """How many distinct non-ASCII characters the texts use (a vocabulary's breadth)."""
    seen: set[str] = set()
    for text in texts:
        seen.update(text)
    return sum(1 for ch in seen if ord(ch) > 127)
