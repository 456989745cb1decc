"""Search: exact Chinese substring search on a static site, from a positional index.

Records. Every article and tender is a record; an outage schedule is one record per window
(linked to the window's anchor on the schedule page) plus one for the schedule's own title,
publisher and prose. Every piece of text belongs to exactly one record, and a record's
``text`` is what a query is matched against. Records are numbered oldest first (by date,
then URL); results are shown newest first.

Matching. Text and query are normalised (NFKC, lower case) and cut into *runs* at every
character that is not a letter or digit. A run is a sequence of *units*: each non-ASCII
letter or digit (a Chinese character) is a unit, and each run of ASCII letters and digits is
one unit (a word, or a customer number such as 5002195984). A query term matches a record
when its units occur contiguously inside one of the record's runs; a query of several terms
(split at spaces or punctuation) matches a record when every term does. For Chinese
queries this is exactly "the record's text contains the query" (``matches``).

Tokens (index formats 2 and 3). A token is one to LONGEST neighbouring units of one run,
named by their UTF-8 one after another. A token in at least COMMON_RECORDS records (a *common*
token) is stored by name with the exact set of its records and their count; every other
unit, pair and trigram (a *rare* token) by a 16-bit fingerprint of its hash, with its
records. There are no positions.

Querying (``themes/digest/static/js/search.js``; ``tests/search_reader.py`` reads the index
step for step as it does). A term that is a common token: its records are the answer. Any
other term is in fewer than COMMON_RECORDS records (or longer than LONGEST units): its
candidates are the records of its rare token by fingerprint, or the intersection of those
of its trigrams at offsets 0, 3, 6, … and one ending at its last unit (``term_plan``, as
far as needed), and each candidate's text (the text pages) is checked. The answer is
exactly the set of records containing the term.

The index (``build_index``). Tokens go into ``shards`` files by their hash (``shard_of``);
record lists are unsigned LEB128 varints, delta-coded, or a bitmap when smaller. numpy
finds, sorts and encodes the tokens a part of the shards at a time. The file format is in
docs/search.md.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import mmap
import re
import unicodedata
import zlib
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

# (not notices.search.records, which imports the catalog and the content model: the
# indexer's process needs neither)
from notices.search.messages import SearchRecord as SearchRecord

NGRAM = 3  # units per stream token
# Postings sorted at a time: at 5,000 items of a real vocabulary 1,000,000 made numpy peak at
# 285 MiB (tracemalloc), 250,000 at 140 MiB and 3.8 -> 2.9 s of CPU; 100,000: 118 MiB, 4.4 s.
# Format 4, 5,000 items (issue 15): 62,500 (32 parts instead of 8) took the indexer's peak from
# 252-254 to 217-222 MiB in the build at the same CPU; the files are identical (docs/search.md).
PART_POSTINGS = 62_500
# Units are code points below 26**4 (U+6F910): planes 0 to 6 hold every assigned letter and
# digit; search.js has the same limit.
_MAX_CODE_POINT = 26**4
_ASCII_WORD_MAX = 99
INDEX_VERSION = 5  # the file format; search.js refuses another
# A token (of one to LONGEST units) in at least COMMON_RECORDS records is stored by name with
# its exact records; a rarer one of one to three units by a fingerprint, its records checked
# against their text (see docs/search.md).
COMMON_RECORDS = 4
LONGEST = 16
TEXT_PAGE = 8192  # bytes of record text per text page
BYTES_PER_UNIT = 3.0  # index bytes per unit of text, to choose the number of shards


class SearchIndexError(Exception):
    """The index could not be built (too large for its format, or not writable)."""


# ---------------------------------------------------------------------------
# Units, tokens and matching


# Full-width ASCII forms and the ideographic space, as NFKC maps them (one ASCII character
# each). Chinese text is full of ，（）：; with them replaced first most texts pass NFKC's
# quick check and skip the full normalization (a third faster). Whatever still needs it
# (e.g. a letter that now composes with a following accent) fails the check and gets it.
_FULL_WIDTH = {code: unicodedata.normalize("NFKC", chr(code)) for code in range(0xFF01, 0xFF5F)}
_FULL_WIDTH[0x3000] = " "


# Every one of them is its ASCII form at 0xFEE0 below (a test compares with _FULL_WIDTH).
_WIDE_FIRST, _WIDE_COUNT, _WIDE_SHIFT = 0xFF01, 0x5E, 0xFEE0


def fold_full_width(text: str) -> str:
    """``text.translate(_FULL_WIDTH)``, with numpy on the code points for a long text:
    ``str.translate`` looks every non-ASCII character up in a dict (an article of Chinese
    text: five times faster; every record at 5,000 items: 0.45-0.66 -> 0.18 s of CPU)."""
    if text.isascii():
        return text
    if len(text) < 200:  # numpy's overhead is more than the lookups
        return text.translate(_FULL_WIDTH)
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    wide = (points - np.uint32(_WIDE_FIRST)) < np.uint32(_WIDE_COUNT)
    space = points == 0x3000
    if not (wide.any() or space.any()):
        return text
    points = points.copy()
    points[wide] -= np.uint32(_WIDE_SHIFT)
    points[space] = 0x20
    return points.tobytes().decode("utf-32-le")


def normalize(text: str) -> str:
    """Fold compatibility forms (full-width digits) and case, as the browser does (NFKC)."""
    text = fold_full_width(text)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return text.lower()


def _is_unit_char(char: str) -> bool:
    """Whether a character is a unit (the indexer asks this once per distinct character)."""
    category = unicodedata.category(char)
    return ord(char) < _MAX_CODE_POINT and (category[0] in "LN" or category == "Cn")


def _word_char_class() -> str:
    """A regex class of the characters that make up units.

    Letters and digits, plus unassigned code points: a browser with newer Unicode tables
    than this Python sees a newly added character as a letter, and both sides must cut a
    text alike (search.js uses [\\p{L}\\p{N}\\p{Cn}]).
    """
    ranges: list[tuple[int, int]] = []
    for code in range(_MAX_CODE_POINT):
        if _is_unit_char(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "")
                   for a, b in ranges)


_ASCII_WORD = re.compile(rf"[a-z0-9]{{1,{_ASCII_WORD_MAX}}}")
_PLANE_15 = re.compile("[\U000f0000-\U0010ffff]")
_STAND_IN_BASE = 0xF0000
_UNIT = re.compile(rf"[a-z0-9]{{1,{_ASCII_WORD_MAX}}}|[^a-z0-9]")


@lru_cache(maxsize=1)
def _run_pattern() -> re.Pattern:
    # Built on first use: scanning the code points takes a quarter of a second.
    return re.compile(f"[{_word_char_class()}]+")


def runs(text: str) -> list[list[str]]:
    """Cut text into runs of units (see the module docstring)."""
    return [_UNIT.findall(run) for run in _run_pattern().findall(normalize(text))]


def term_plan(units: list[str]) -> tuple[list[str], list[int]]:
    """The tokens a query term is looked up by, and their offsets in the term."""
    if len(units) < NGRAM:
        return [" ".join(units)], [0]
    offsets = list(range(0, len(units) - NGRAM + 1, NGRAM))
    if offsets[-1] != len(units) - NGRAM:
        offsets.append(len(units) - NGRAM)
    return [" ".join(units[o:o + NGRAM]) for o in offsets], offsets


def query_plans(query: str) -> list[tuple[list[str], list[int]]]:
    """The plan of each distinct term of a query (search.js computes the same)."""
    plans: list[tuple[list[str], list[int]]] = []
    for run in runs(query):
        plan = term_plan(run)
        if plan not in plans:
            plans.append(plan)
    return plans


def _contains(haystack: list[str], needle: list[str]) -> bool:
    width = len(needle)
    return any(haystack[i:i + width] == needle for i in range(len(haystack) - width + 1))


def matches(text: str, query: str) -> bool:
    """Whether a record's text matches a query: every term inside one run of the text."""
    text_runs = runs(text)
    terms = runs(query)
    return bool(terms) and all(any(_contains(run, term) for run in text_runs) for term in terms)


# ---------------------------------------------------------------------------
# Records (made in notices.search.records, which needs no numpy)


def expected_results(records: list[SearchRecord], query: str) -> list[SearchRecord]:
    """The records a query must return, in the order given (the ground truth for tests)."""
    return [r for r in records if matches(r.text, query)]


# ---------------------------------------------------------------------------
# Building the index
#
# Files, under the output's ``search/`` (the format is described in docs/search.md):
#   index.json              {"format", "version", "records", "shards", …}: read first
#   i/                      packs (below) of the shards: shard n holds the tokens whose
#                           ``shard_of`` is n, with their records
#   f/<filter>-<value>.bin  the numbers of the records a filter value keeps
#   p/                      packs (below) of display blocks and text pages
#   t/index.bin             the first record of each text page
# A display block is what results show (kind, URL, title, date, districts, …) for two
# records in a row, as JSON: blocks of 8 made 20 results cost 48 KB, blocks of 2 about 12 KB.

DISPLAY_BLOCK = 2


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


_SMALL_VARINTS = [_varint(n) for n in range(16384)]  # every length of one or two bytes


def _read_varint(data: bytes, at: int) -> tuple[int, int]:
    """The LEB128 number at ``at`` and where the next one starts."""
    byte = data[at]
    if byte < 0x80:
        return byte, at + 1
    value, shift = byte & 0x7F, 7
    while True:
        at += 1
        byte = data[at]
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, at + 1
        shift += 7


def varints(values) -> bytes:
    """Unsigned LEB128 of each value (numpy, for millions of postings at once)."""
    return _varint_array(values)[0].tobytes()


def _varint_array(values):
    """The LEB128 bytes of ``values`` and the offset where each value's bytes start."""

    v = np.asarray(values, dtype=np.int64)
    if v.size and (int(v.min()) < 0 or int(v.max()) >= 1 << 35):
        raise SearchIndexError("a posting is out of the index format's range (0 to 2**35)")
    sizes = np.ones(v.size, dtype=np.int64)
    for k in range(1, 5):
        sizes += v >= 1 << (7 * k)
    ends = np.cumsum(sizes)
    starts = ends - sizes
    out = np.empty(int(ends[-1]) if v.size else 0, dtype=np.uint8)
    # Most values take one byte: write every low byte, then the rest only where needed.
    out[starts] = (v & 0x7F) | ((sizes > 1) << 7)
    many = np.flatnonzero(sizes > 1)
    for k in range(1, 5):
        many = many[sizes[many] > k]
        out[starts[many] + k] = ((v[many] >> (7 * k)) & 0x7F) | ((sizes[many] > k + 1) << 7)
    return out, starts


def _group_starts(keys):

    starts = np.empty(keys.size, dtype=bool)
    starts[:1] = True
    np.not_equal(keys[1:], keys[:-1], out=starts[1:])
    return starts


def _sort_by_key(keys, at, key_limit: int, *more):
    """``keys`` sorted, and ``at`` (and each array of ``more``) in the same order, ties kept
    in their order (stable).

    When key and index fit in 63 bits together, one plain sort of ``key << bits | index``
    does it (numpy's integer sort: about twice as fast as a stable argsort, and no
    gathers); otherwise a stable argsort.
    """

    bits = max(int(at.size - 1).bit_length(), 1)
    if (key_limit - 1).bit_length() + bits > 63:
        order = np.argsort(keys, kind="stable")
        return (keys[order], at[order], *(m[order] for m in more))
    combined = keys << bits
    combined |= np.arange(at.size, dtype=np.int64)
    combined.sort()
    order = combined & ((1 << bits) - 1)
    combined >>= bits
    return (combined, at[order], *(m[order] for m in more))


def _number_units(texts: list[str]):
    """Each record's units as numbers (-1 for every other character and after each record),
    where each record starts, and the units by number.

    A character is a unit; each ASCII word is first replaced by one stand-in character from
    plane 15 (where the text's own characters were blanked: they are not letters), so a
    record is numbered by one table lookup per character.
    """
    vocabulary: list[str] = []
    stand_in: dict[str, str] = {}
    table = np.full(0x110000, -1, dtype=np.int32)

    def replace_word(match: re.Match) -> str:
        word = match[0]
        if word not in stand_in:
            stand_in[word] = chr(_STAND_IN_BASE + len(stand_in))
            table[ord(stand_in[word])] = len(vocabulary)
            vocabulary.append(word)
        return stand_in[word]

    known = np.zeros(0x110000, dtype=bool)
    known[_STAND_IN_BASE:] = True  # ASCII words' stand-ins (their own text was blanked)
    pieces, lengths = [], []
    for first in range(0, len(texts), 512):
        prepared = []
        for text in texts[first:first + 512]:
            text = normalize(text)
            if _PLANE_15.search(text):
                text = _PLANE_15.sub(" ", text)
            prepared.append(_ASCII_WORD.sub(replace_word, text))
            lengths.append(len(prepared[-1]) + 1)
        points = np.frombuffer(("\0".join(prepared) + "\0").encode("utf-32-le"),
                               dtype=np.uint32)
        seen = np.zeros(0x110000, dtype=bool)
        seen[points] = True
        for point in np.flatnonzero(seen & ~known).tolist():  # new characters
            if _is_unit_char(chr(point)):
                table[point] = len(vocabulary)
                vocabulary.append(chr(point))
        known |= seen
        pieces.append(table[points])
    u = np.concatenate(pieces) if pieces else np.empty(0, dtype=np.int32)
    record_starts = np.zeros(len(lengths), dtype=np.int64)
    np.cumsum(lengths[:-1], out=record_starts[1:])
    if len(vocabulary) >= 1 << 21:  # trigram keys are size**3: keep them within 63 bits
        raise SearchIndexError(f"{len(vocabulary)} distinct characters and words are more "
                               "than the index can number (2**21)")
    return u, record_starts, vocabulary


# ---------------------------------------------------------------------------
# Token hashes: which shard a token is in, and a rare token's fingerprint. search.js
# computes the same from the units of a query (FNV-1a over each unit's CRC-32, mixed).

_FNV_BASIS, _FNV_PRIME = 2166136261, 16777619
_MASK32 = 0xFFFFFFFF


def token_hash(units: list[str]) -> int:
    """The 32-bit hash of a token (all its units): its shard is the lower bits, a rare
    token's fingerprint the upper FINGERPRINT_BITS."""
    x = _FNV_BASIS
    for unit in units:
        x = ((x ^ zlib.crc32(unit.encode("utf-8"))) * _FNV_PRIME) & _MASK32
    x ^= x >> 16
    x = (x * 0x85EBCA6B) & _MASK32
    return x ^ (x >> 13)


def _hash_array(u, at, width: int, unit_hashes):
    x = np.full(at.size, _FNV_BASIS, dtype=np.uint32)
    for j in range(width):
        x ^= unit_hashes[u[at + j]]
        x *= np.uint32(_FNV_PRIME)
    x ^= x >> np.uint32(16)
    x *= np.uint32(0x85EBCA6B)
    x ^= x >> np.uint32(13)
    return x


FINGERPRINT_SHIFT = 16  # a rare token's fingerprint: the upper 16 bits of its hash
MAX_SHARDS = 1 << 16  # shard numbers are the lower bits
# The lowest PART_BITS bits of a token's shard come from the hash of its first three units,
# so an n-gram is built in the same part (of at most 2**PART_BITS) as its first trigram.
PART_BITS = 5


def shard_of(units: list[str], shards: int) -> int:
    """The shard a token is in (search.js computes the same)."""
    low = (1 << PART_BITS) - 1
    return ((token_hash(units) & ~low) | (token_hash(units[:NGRAM]) & low)) & (shards - 1)


def _place(full, first):
    low = np.uint32((1 << PART_BITS) - 1)
    return (full & ~low) | (first & low)


def _ragged(fields, tokens: int):
    """Per token, its fields one after another (each field: source bytes, where each
    token's bytes start in it, their lengths); returns the bytes and each token's end."""
    total = np.zeros(tokens, dtype=np.int64)
    for _, _, lengths in fields:
        total += lengths
    ends = np.cumsum(total)
    out = np.empty(int(ends[-1]) if tokens else 0, dtype=np.uint8)
    at = ends - total
    for source, starts, lengths in fields:
        size = int(lengths.sum())
        if size:
            within = np.arange(size) - np.repeat(np.cumsum(lengths) - lengths, lengths)
            out[np.repeat(at, lengths) + within] = source[np.repeat(starts, lengths) + within]
        at = at + lengths
    return out, ends


def _rice_parameter(values, starts, counts):
    """Per group of ``values`` (from ``starts``, ``counts`` each, at least one), the Rice
    parameter k giving the fewest bits (of the mean's log2 and its neighbours) and those
    bits."""
    mean = np.add.reduceat(values, starts) // counts
    guess = np.zeros(counts.size, dtype=np.int64)
    for j in range(1, 40):
        guess += mean >= 1 << j
    best_bits = best_k = None
    for k in (guess - 1, guess, guess + 1):
        k = np.clip(k, 0, 40)
        bits = np.add.reduceat(values >> np.repeat(k, counts), starts) + counts * (1 + k)
        if best_bits is None:
            best_bits, best_k = bits, k
        else:
            better = bits < best_bits
            best_bits = np.where(better, bits, best_bits)
            best_k = np.where(better, k, best_k)
    return best_k, best_bits


def record_bits(records: int) -> int:
    """The bits of a record number in a shard's rare tokens: enough for every record."""
    return max(1, (records - 1).bit_length())


def _rice_streams(values, counts):
    """Per list of ``values`` (``counts`` of them each, one after another; gaps, at least
    0), its Rice code: a byte k, then per value its quotient ``value >> k`` as that many 0
    bits and a 1 bit, then its k low bits, lowest first; bits fill each byte from its lowest
    bit, and a list starts at a byte. k is chosen per list as the one giving the fewest
    bytes (of the mean gap's log2 and its neighbours). Returns the bytes, each list's start
    and each list's length in bytes."""
    lists = counts.size
    if not lists:
        return np.zeros(0, dtype=np.uint8), counts, counts
    starts = np.cumsum(counts) - counts
    best_k, best_bits = _rice_parameter(values, starts, counts)
    lengths = 1 + (best_bits + 7) // 8
    byte_start = np.cumsum(lengths) - lengths
    bits = np.zeros(int(lengths.sum()) * 8, dtype=bool)
    kv = np.repeat(best_k, counts)
    q = values >> kv
    each = q + 1 + kv
    before = np.cumsum(each) - each
    within = before - np.repeat(before[starts], counts)
    at = np.repeat((byte_start + 1) * 8, counts) + within + q
    bits[at] = True
    for j in range(int(kv.max())):
        sel = np.flatnonzero(kv > j)
        bits[at[sel] + 1 + j] = (values[sel] >> j) & 1
    out = np.packbits(bits, bitorder="little")
    out[byte_start] = best_k
    return out, byte_start, lengths


def _varint_field(values):
    data, starts = _varint_array(values)
    return data, starts, np.diff(np.append(starts, data.size))


class _Shards:
    """The shard files' contents, built part by part (a part is every shard whose number
    is congruent to it modulo the number of parts, so each part's shards are complete)."""

    def __init__(self, texts: Sequence[str], bucket_bytes: int) -> None:
        """Number the texts (``build`` then makes the shards)."""
        u, record_starts, vocabulary = _number_units(texts)
        self.u, self.record_starts = u, record_starts
        encoded = [w.encode("utf-8") for w in vocabulary] or [b""]
        self.unit_bytes = np.frombuffer(b"".join(encoded), dtype=np.uint8)
        self.unit_length = np.array([len(w) for w in encoded], dtype=np.int64)
        self.unit_start = np.cumsum(self.unit_length) - self.unit_length
        size = max(len(vocabulary), 1)
        self.size = size
        self.unit_hashes = np.array([zlib.crc32(w) for w in encoded], dtype=np.uint32)
        # About BYTES_PER_UNIT bytes of index per unit of text (measured on the
        # real-vocabulary corpus; docs/search.md).
        self.shards = min(bucket_count(int(u.size * BYTES_PER_UNIT), bucket_bytes), MAX_SHARDS)
        self.tokens = 0

    def build(self, sink) -> None:
        """Make every shard, part by part, handing each to ``sink(number, bytes)``."""
        u = self.u
        parts = 1
        while (parts < min(self.shards, 1 << PART_BITS)
               and u.size // parts > 4 * PART_POSTINGS):
            parts *= 2
        # Per width and position of ``u``, the part of the token starting there (255: none),
        # one byte each: at 20,000 items, arrays of the positions themselves cost 240 MB
        # and sorting them by part twice that.
        part_of = []
        mask = np.uint32(parts - 1)
        step = 1 << 19  # (1 << 22: the arrays of one step were 100 MiB of the indexer's peak)
        for width in (1, 2, NGRAM):
            parts_here = np.full(u.size, 255, dtype=np.uint8)
            for lo in range(0, u.size - width + 1, step):
                hi = min(u.size - width + 1, lo + step)
                ok = u[lo:hi] >= 0
                for i in range(1, width):
                    ok &= u[lo + i:hi + i] >= 0
                at = np.flatnonzero(ok) + lo
                parts_here[at] = (_hash_array(u, at, width, self.unit_hashes) & mask
                                  ).astype(np.uint8)
            part_of.append(parts_here)
        for part in range(parts):
            common: list[tuple[np.ndarray, ...]] = []
            rare: list[tuple[np.ndarray, ...]] = []
            for width, parts_here in zip((1, 2, NGRAM), part_of, strict=True):
                self._width(np.flatnonzero(parts_here == part), width, common, rare)
            self._write(part, parts, common, rare, sink)

    def _records(self, at):
        """The record of each position of ``at``: fast while ``at`` is ascending (a search
        in order is about eight times faster than in the order of the tokens), so the
        records are found before the positions are sorted by token, and carried along."""
        return (np.searchsorted(self.record_starts, at, side="right") - 1).astype(np.int64)

    def _width(self, at, width: int, common, rare) -> None:
        u, size = self.u, self.size
        keys = u[at].astype(np.int64)
        for i in range(1, width):
            keys = keys * size + u[at + i]
        at = at.astype(np.int64)
        keys, at, records = _sort_by_key(keys, at, size ** width, self._records(at))
        is_common = self._groups(keys, records, at, width, common, rare)
        if width == NGRAM:
            self._longer(keys[is_common], at[is_common], records[is_common], common)

    def _groups(self, keys, records, at, width, common, rare):
        """Split sorted (key, record) occurrences into tokens; keep common ones (in at least
        COMMON_RECORDS records) with their name and records, rare ones (``rare`` None: drop
        them) with their fingerprint and records. Returns the mask of the occurrences whose
        token is common."""
        if keys.size == 0:
            return np.zeros(0, dtype=bool)
        first = _group_starts(keys)
        token_of = np.cumsum(first) - 1
        keep = first.copy()
        keep[1:] |= records[1:] != records[:-1]
        kept_token = token_of[keep]
        kept_records = records[keep]
        counts = np.bincount(kept_token, minlength=int(token_of[-1]) + 1)
        is_common = counts >= COMMON_RECORDS
        self.tokens += counts.size if rare is not None else int(is_common.sum())
        deltas = kept_records.copy()
        deltas[1:] -= kept_records[:-1]
        kept_first = _group_starts(kept_token)
        deltas[kept_first] = kept_records[kept_first]
        bounds = np.flatnonzero(kept_first)
        first_of_token = np.flatnonzero(first)
        token_at = at[first_of_token]
        token_h = _hash_array(self.u, token_at, width, self.unit_hashes)
        if width > NGRAM:  # the shard's lowest bits from the first trigram (PART_BITS)
            token_h = _place(token_h, _hash_array(self.u, token_at, NGRAM, self.unit_hashes))
        chosen = np.flatnonzero(is_common if rare is None else np.ones(counts.size, bool))
        lengths = counts[chosen]
        total = int(lengths.sum())
        out_start = np.cumsum(lengths) - lengths
        gather = np.repeat(bounds[chosen] - out_start, lengths) + np.arange(total)
        picked = (token_h[chosen], lengths, out_start, deltas[gather],
                  keys[first_of_token][chosen], token_at[chosen], kept_records[gather])
        mine = is_common[chosen]
        if rare is not None:
            rare.append(tuple(x[~mine] if x.size == mine.size else x for x in picked[:2])
                        + self._sub(picked, ~mine) + (width,))
        common.append(tuple(x[mine] for x in picked[:2]) + self._sub(picked, mine) + (width,))
        return is_common[token_of]

    @staticmethod
    def _sub(picked, mine):
        """The records (and deltas) of the chosen tokens ``mine``, with new starts."""
        _, lengths, out_start, deltas, keys, token_at, records = picked
        lengths_m = lengths[mine]
        new_start = np.cumsum(lengths_m) - lengths_m
        total = int(lengths_m.sum())
        gather = np.repeat(out_start[mine] - new_start, lengths_m) + np.arange(total)
        return (new_start, deltas[gather], keys[mine], token_at[mine], records[gather])

    def _longer(self, keys, at, records, common) -> None:
        """The n-grams of four to LONGEST units in at least COMMON_RECORDS records: each
        extends a common (n - 1)-gram by a unit, so they are found level by level from the
        common trigrams' occurrences."""
        u, size = self.u, self.size
        if keys.size == 0:
            return
        gid = np.cumsum(_group_starts(keys)) - 1
        for width in range(NGRAM + 1, LONGEST + 1):
            nxt = u[at + width - 1]
            ok = nxt >= 0
            at, gid, nxt, records = at[ok], gid[ok], nxt[ok], records[ok]
            if at.size < COMMON_RECORDS:
                return
            keys, at, records = _sort_by_key(gid * size + nxt, at,
                                             (int(gid.max()) + 1) * size, records)
            is_common = self._groups(keys, records, at, width, common, None)
            at, keys, records = at[is_common], keys[is_common], records[is_common]
            if at.size == 0:
                return
            gid = np.cumsum(_group_starts(keys)) - 1

    def _common_entries(self, common):
        """Every common token's entry (name length, name, payload length, payload), ordered
        by shard, width and key; returns the bytes, each token's shard and end, and the
        entries of tokens whose records are a bitmap, made one by one."""
        shard_mask = np.uint32(self.shards - 1)
        pieces = []
        bitmaps: list[tuple[int, bytes]] = []
        for h, counts, starts, deltas, keys, token_at, records, width in common:
            if not counts.size:
                continue
            data, value_at = _varint_array(deltas)
            byte_at = np.append(value_at, data.size)
            ends = starts + counts
            delta_bytes = byte_at[ends] - byte_at[starts]
            shard = (h & shard_mask).astype(np.int64)
            # Rice-coded gaps (mode 2) where smaller than the deltas' varints (mode 0).
            gaps = deltas - 1
            gaps[starts] = deltas[starts]
            rice, rice_at, rice_bytes = _rice_streams(gaps, counts)
            use_rice = rice_bytes < delta_bytes
            list_bytes = np.where(use_rice, rice_bytes, delta_bytes)
            # A bitmap from the first record is smaller for tokens in most records.
            first_record = records[starts]
            span = records[ends - 1] - first_record
            dense = np.flatnonzero((counts > 64) & (span // 8 + 4 < list_bytes))
            for t in dense.tolist():
                name = b"".join(self.unit_bytes[self.unit_start[x]:self.unit_start[x]
                                                + self.unit_length[x]].tobytes()
                                for x in self.u[token_at[t]:token_at[t] + width].tolist())
                rec = records[starts[t]:ends[t]]
                bits = np.zeros((int(span[t]) // 8 + 1) * 8, dtype=bool)
                bits[rec - rec[0]] = True
                payload = (_varint(int(counts[t]) * 4 + 1) + _varint(int(rec[0]))
                           + np.packbits(bits, bitorder="little").tobytes())
                bitmaps.append((int(shard[t]), _varint(len(name)) + name
                                + _varint(len(payload)) + payload))
            keep = np.ones(counts.size, dtype=bool)
            keep[dense] = False
            t = np.flatnonzero(keep)
            if not t.size:
                continue
            units = [self.u[token_at[t] + j] for j in range(width)]
            name_length = sum(self.unit_length[x] for x in units)
            head = _varint_field(counts[t] * 4 + 2 * use_rice[t])
            payload_length = head[2] + list_bytes[t]
            fields = [_varint_field(name_length)]
            fields += [(self.unit_bytes, self.unit_start[x], self.unit_length[x]) for x in units]
            source = np.concatenate([data, rice])
            list_at = np.where(use_rice[t], data.size + rice_at[t], byte_at[starts[t]])
            fields += [_varint_field(payload_length), head, (source, list_at, list_bytes[t])]
            out, token_end = _ragged(fields, t.size)
            pieces.append((shard[t], width, keys[t], out, token_end))
        return pieces, bitmaps

    def _rare(self, rare) -> dict[int, bytes]:
        """The rare tokens of the three widths together, by shard, then fingerprint: per
        shard the count of its rare tokens, a byte k, then bits (from each byte's lowest):
        per token the Rice code with k of its fingerprint less the previous one's (0 bits
        for the quotient, ended by a 1 bit, then k low bits), the count of its records
        less one (2 bits), its records (``record_bits`` each)."""
        rare = [r for r in rare if r[1].size]
        if not rare:
            return {}
        shard_mask = np.uint32(self.shards - 1)
        h = np.concatenate([r[0] for r in rare])
        lengths = np.concatenate([r[1] for r in rare])
        offset = np.cumsum([0] + [r[6].size for r in rare[:-1]])
        starts = np.concatenate([r[2] + o for r, o in zip(rare, offset, strict=True)])
        records_all = np.concatenate([r[6] for r in rare])
        widths = np.concatenate([np.full(r[1].size, r[7]) for r in rare])
        shard = (h & shard_mask).astype(np.int64)
        fingerprint = (h >> np.uint32(FINGERPRINT_SHIFT)).astype(np.int64)
        # A total order: by shard, fingerprint, width, then key. Each list of ``rare`` is
        # one width's tokens in key order, the widths in turn, so a stable sort by the
        # first three keeps the keys in order (one integer sort: lexsort of the four was
        # 1.2 s of the indexer's 16 at 20,000 items).
        first_three = (((shard << (32 - FINGERPRINT_SHIFT)) | fingerprint) << 2) | widths
        _, order = _sort_by_key(first_three, np.arange(first_three.size),
                                self.shards << (32 - FINGERPRINT_SHIFT + 2))
        shard, fingerprint, lengths, starts = (shard[order], fingerprint[order],
                                               lengths[order], starts[order])
        new_shard = _group_starts(shard)
        cuts = np.flatnonzero(new_shard)
        per_shard = np.diff(np.append(cuts, shard.size))
        gaps = fingerprint.copy()
        gaps[1:] -= fingerprint[:-1]
        gaps[new_shard] = fingerprint[new_shard]
        k, gap_bits = _rice_parameter(gaps, cuts, per_shard)
        width = record_bits(self.record_starts.size)
        kv = np.repeat(k, per_shard)
        q = gaps >> kv
        each = q + 1 + kv + 2 + width * lengths
        shard_bits = np.add.reduceat(each, cuts)
        shard_bytes = (shard_bits + 7) // 8
        base = np.repeat((np.cumsum(shard_bytes) - shard_bytes) * 8, per_shard)
        before = np.cumsum(each) - each
        at = base + before - np.repeat(before[cuts], per_shard) + q  # each token's 1 bit
        bits = np.zeros(int(shard_bytes.sum()) * 8, dtype=bool)
        bits[at] = True
        for j in range(int(kv.max())):
            sel = np.flatnonzero(kv > j)
            bits[at[sel] + 1 + j] = (gaps[sel] >> j) & 1
        at = at + 1 + kv
        bits[at] = (lengths - 1) & 1
        bits[at + 1] = (lengths - 1) >> 1
        total = int(lengths.sum())
        out_start = np.cumsum(lengths) - lengths
        values = records_all[np.repeat(starts - out_start, lengths) + np.arange(total)]
        record_at = (np.repeat(at + 2 - width * out_start, lengths)
                     + width * np.arange(total))
        for j in range(width):
            bits[record_at + j] = (values >> j) & 1
        blob = np.packbits(bits, bitorder="little").tobytes()
        ends = np.cumsum(shard_bytes).tolist()
        return {int(number): _varint(int(n)) + bytes([int(kk)]) + blob[end - size:end]
                for number, n, kk, end, size in zip(shard[cuts].tolist(), per_shard.tolist(),
                                                    k.tolist(), ends, shard_bytes.tolist(),
                                                    strict=True)}

    def _write(self, part: int, parts: int, common, rare, sink) -> None:
        body: dict[int, list[bytes]] = {}
        count: dict[int, int] = {}
        pieces, bitmaps = self._common_entries(common)
        for shards_of, _, keys, out, token_end in pieces:
            order = np.lexsort((keys, shards_of))
            if not np.array_equal(order, np.arange(order.size)):
                token_start = token_end - np.diff(np.append(0, token_end))
                lengths = token_end - token_start
                out, token_end = _ragged([(out, token_start[order], lengths[order])],
                                         order.size)
                shards_of = shards_of[order]
            cuts = np.flatnonzero(_group_starts(shards_of)).tolist()
            blob = out.tobytes()
            token_start = np.append(0, token_end[:-1])
            for lo, hi in zip(cuts, [*cuts[1:], shards_of.size], strict=True):
                number = int(shards_of[lo])
                body.setdefault(number, []).append(blob[int(token_start[lo]):
                                                        int(token_end[hi - 1])])
                count[number] = count.get(number, 0) + hi - lo
        for number, entry in bitmaps:
            body.setdefault(number, []).append(entry)
            count[number] = count.get(number, 0) + 1
        rare_by_shard = self._rare(rare)
        for number in range(part, self.shards, parts):
            sink(number, b"".join([_varint(count.get(number, 0)), *body.get(number, ()),
                                   rare_by_shard.get(number, b"")]))


def posting_files(records: list[SearchRecord] | PackedRecords | Texts, bucket_bytes: int = 8192,
                  sink: Callable[[str, bytes], None] | None = None
                  ) -> tuple[dict[str, bytes], int, int]:
    """The shards, packed (``i/<k>.bin`` and their table ``i/shards.idx``, see "Packs"
    below), the number of tokens and the number of shards.

    With a ``sink``, each file is handed to it as soon as it is complete (a pack when the
    next one starts) and not kept (the returned dict is empty).
    """
    files: dict[str, bytes] = {}
    put = sink or files.__setitem__
    packer = _Packer(SHARD_FOLDER, put)
    spans: dict[int, tuple[int, int]] = {}

    def add(number: int, shard: bytes) -> None:
        spans[number] = packer.add(shard)

    if isinstance(records, PackedRecords):
        records = records.texts()
    elif not isinstance(records, Texts):
        records = [r.text for r in records]
    built = _Shards(records, bucket_bytes)
    # (handed their texts, ``write_index``, the postings are the texts' last holder: they
    # are dropped once numbered, before the shards are made)
    del records
    built.build(add)
    packer.close()
    put(SHARD_TABLE, np.array([spans[n] for n in range(built.shards)], dtype="<u4").tobytes())
    return files, built.tokens, built.shards


def bucket_count(total_bytes: int, bucket_bytes: int) -> int:
    """A power of two giving buckets of about ``bucket_bytes`` (at most 2**16)."""
    buckets = 1
    while buckets < 1 << 16 and total_bytes / buckets > bucket_bytes:
        buckets *= 2
    return buckets


@dataclass
class SearchIndex:
    """The files of a search index, by path under ``search/``, and what went into them."""

    files: dict[str, bytes]
    records: int
    tokens: int
    buckets: int


def build_index(records: list[SearchRecord], bucket_bytes: int = 8192,
                filter_values: dict[str, list[str]] | None = None) -> SearchIndex:
    """The index files of ``records`` (numbered by their place in the list).

    ``filter_values`` names values that get a file even when no record has them (every
    declared district and kind), so the browser can tell "none" from "missing". The
    plugin builds the two halves (``posting_files``, ``record_files``) in two processes.
    """
    files, tokens, buckets = posting_files(records, bucket_bytes)
    files.update(record_files(records, filter_values))
    files["index.json"] = index_meta(len(records), buckets, file_hashes(files))
    return SearchIndex(files, len(records), tokens, buckets)


DELTA_FOLDER = "d"


def delta_files(records: list[SearchRecord], removed: list[int], at: list[int],
                main_meta: bytes, bucket_bytes: int = 8192,
                filter_values: dict[str, list[str]] | None = None) -> dict[str, bytes]:
    """A delta (``notices.search.records.delta_plan``) beside the index whose ``index.json``
    is ``main_meta``: the index of ``records`` (the records an edit added or changed) under
    ``d/``, and a new ``index.json``: the main one, with ``delta`` naming the delta's
    version, records and shards, the main records it replaces (``removed``) and where each
    of its records sorts among the main ones (``at``). The main index's files and version
    stay as they are, so a browser keeps them cached."""
    files: dict[str, bytes] = {}
    delta: dict = {"records": len(records)}
    if records:
        built = build_index(records, bucket_bytes, filter_values)
        files = {f"{DELTA_FOLDER}/{path}": data for path, data in built.files.items()
                 if path != "index.json"}
        delta["shards"] = built.buckets
    digest = hashlib.sha256()
    for path, hashed in sorted(file_hashes(files).items()):
        digest.update(f"{path}\0{hashed}\0".encode())
    digest.update(json.dumps([removed, at]).encode())
    meta = json.loads(main_meta)
    meta.pop("delta", None)
    meta["delta"] = {"version": digest.hexdigest()[:16], **delta, "removed": removed, "at": at}
    files["index.json"] = json.dumps(meta, separators=(",", ":")).encode("utf-8")
    return files


class LazyItems(Sequence):
    """``count`` pack items made on demand by ``make(number)``: a kind's items are made
    twice (to size its dictionary, then to compress them) instead of all kept at once
    (at 20,000 items 83 MB of text pages and display blocks, in the indexer's helper)."""

    def __init__(self, count: int, make: Callable[[int], bytes]) -> None:
        self.count, self.make = count, make

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, number):
        if isinstance(number, slice):
            return [self.make(n) for n in range(*number.indices(self.count))]
        if number < 0:
            number += self.count
        if not 0 <= number < self.count:
            raise IndexError(number)
        return self.make(number)


class PackedRecords:
    """Records as the index files need them, in a few buffers: each record's text as UTF-8
    and its display as JSON, one after another, and the records of each filter value.

    The indexer's process holds its records so (``notices.search.indexer``), not as
    17,580 ``SearchRecord`` objects (at 5,000 items) with a string and a dict of strings
    each: its helper, forked to write the display blocks and text pages, shares the
    buffers without copying them, where every record object either process touched had
    its memory page copied (the two processes held the records twice)."""

    def __init__(self, records: Iterable[SearchRecord] = ()) -> None:
        self.count = 0
        self.filters: dict[tuple[str, str], array] = {}  # (filter, value): record numbers
        self._text, self._text_at = bytearray(), array("q", [0])
        self._display, self._display_at = bytearray(), array("q", [0])
        self.extend(records)

    def extend(self, records: Iterable[SearchRecord]) -> None:
        for record in records:
            for pair in dict.fromkeys(record.filters):
                self.filters.setdefault(pair, array("q")).append(self.count)
            self._text += record.text.encode("utf-8")
            self._text_at.append(len(self._text))
            self._display += json.dumps(record.display, ensure_ascii=False,
                                        separators=(",", ":")).encode("utf-8")
            self._display_at.append(len(self._display))
            self.count += 1

    def __len__(self) -> int:
        return self.count

    def seal(self) -> None:
        """Move the buffers into memory of their own (an anonymous ``mmap`` each), once
        every record is in: when they are freed their pages go back to the system at
        once, not to the allocator, whose next allocations would write into (and so copy)
        pages that a forked helper still shares."""
        self._text = _own_memory(self._text)
        self._display = _own_memory(self._display)

    def text_bytes(self, number: int) -> bytes:
        return bytes(memoryview(self._text)[self._text_at[number]:self._text_at[number + 1]])

    def text_length(self, number: int) -> int:
        """The length of a record's text in UTF-8 bytes."""
        return self._text_at[number + 1] - self._text_at[number]

    def texts(self, keep: bool = True) -> Sequence[str]:
        """Each record's text, made on demand. With ``keep`` False this object lets go of
        its buffers (its count is left): the texts' buffer then lives only as long as the
        sequence (the indexer hands it to the postings, which drop it once numbered)."""
        text, at = self._text, self._text_at
        if not keep:
            self.filters = {}
            self._text, self._text_at = bytearray(), array("q", [0])
            self._display, self._display_at = bytearray(), array("q", [0])
        view = memoryview(text)
        return Texts(self.count, lambda number: str(view[at[number]:at[number + 1]], "utf-8"))

    def displays(self, first: int, end: int) -> bytes:
        """The displays of records ``first`` to ``end`` (less one) as a JSON list, as
        ``json.dumps([display, …], ensure_ascii=False, separators=(",", ":"))`` writes it."""
        at = self._display_at
        display = memoryview(self._display)
        return b"[" + b",".join(display[at[n]:at[n + 1]]
                                for n in range(first, min(end, self.count))) + b"]"


def _own_memory(data) -> mmap.mmap | bytearray:
    if not data:
        return bytearray()
    memory = mmap.mmap(-1, len(data))
    memory[:] = data
    return memory


class Texts(LazyItems):
    """The records' texts (``PackedRecords.texts``), each made when asked for."""


def _packed(records) -> PackedRecords:
    return records if isinstance(records, PackedRecords) else PackedRecords(records)


def text_pages(records: list[SearchRecord] | PackedRecords) -> tuple[LazyItems, bytes]:
    """Every record's text, for checking the candidates of a rare term: pages of
    consecutive records (per record the length of its UTF-8, then the UTF-8), about
    TEXT_PAGE bytes each, and ``t/index.bin``: the first record of each page
    (delta-coded)."""
    records = _packed(records)
    firsts: list[int] = []
    size = 0
    for number in range(len(records)):
        length = records.text_length(number)
        if firsts and size + length > TEXT_PAGE:
            size = 0
        if not size:
            firsts.append(number)
        size += length + 2
    ends = firsts[1:] + [len(records)]

    def page(number: int) -> bytes:
        parts = []
        for record in range(firsts[number], ends[number]):
            data = records.text_bytes(record)
            parts += [_varint(len(data)), data]
        return b"".join(parts)

    return LazyItems(len(firsts), page), varints(
        firsts[:1] + [b - a for a, b in zip(firsts, firsts[1:], strict=False)])


# Packs. Display blocks and text pages are not a file each (35,255 and 10,002 files at
# 20,000 items) but items of a few pack files, fetched with HTTP Range requests:
#   p/<k>.bin        items one after another; item offsets are global, pack k holds the
#                    bytes from k * PACK_BYTES (an item never crosses into the next pack)
#   p/<name>.idx     per item of a kind (``r``: display blocks, ``t``: text pages) its
#                    global offset, then one more (the end of the last), uint32 little
#                    endian: item i is the bytes between entries i and i + 1
#   p/<name>-dict.bin  the kind's preset dictionary (``dictionary_file``)
#   i/<k>.bin        (format 5) the shards, packed the same way but in packs of their own
#                    (the indexer writes them while its helper writes p/), in the order
#                    they are built (part by part)
#   i/shards.idx     per shard, by number, its global start and end (two uint32 little
#                    endian): 2,048 shards were 2,048 files at 5,000 items, and each file
#                    costs the build a file creation (0.1-0.5 ms of system time here)
# Each display block and text page is compressed by itself (raw deflate, RFC 1951, with
# its kind's preset dictionary; the browser's DecompressionStream("deflate-raw") inflates
# the dictionary's stream and the item's together): 0.53 of the text, 0.31 of the display
# JSON at 20,000 items (0.61 and 0.66 without a dictionary). Shards are stored as built.
# The packs themselves are sent as they are (a Range is of the file's own bytes).
# The browser reads the offsets tables in aligned chunks of TABLE_CHUNK entries (plus one;
# of the shards' table, TABLE_CHUNK shards), also by Range. A server without Range support
# answers 200 with the whole file: the browser slices it (docs/search.md).
PACK_BYTES = 1 << 22
TABLE_CHUNK = 64


SHARD_FOLDER = "i"
SHARD_TABLE = "i/shards.idx"


class _Packer:
    """Items laid one after another in the packs ``<folder>/<k>.bin``: ``add`` returns an
    item's global start and end, ``put`` gets each pack when the next one starts (and the
    last at ``close``)."""

    def __init__(self, folder: str, put: Callable[[str, bytes], None]) -> None:
        self.folder, self.put = folder, put
        self.pack: list[bytes] = []
        self.number = -1  # the current pack
        self.used = 0  # bytes of the current pack

    def add(self, item: bytes) -> tuple[int, int]:
        if len(item) > PACK_BYTES:
            raise SearchIndexError(f"an index item of {len(item)} bytes is larger than a "
                                   f"pack ({PACK_BYTES} bytes)")
        if self.number < 0 or (self.used + len(item) > PACK_BYTES and self.used):
            self._flush()
            self.number += 1
            if (self.number + 2) * PACK_BYTES > 1 << 32:
                raise SearchIndexError("the index packs are over the format's 4 GiB")
        start = self.number * PACK_BYTES + self.used
        self.pack.append(item)
        self.used += len(item)
        return start, start + len(item)

    def end(self) -> int:
        """The global offset after the last item (0 before any)."""
        return max(self.number, 0) * PACK_BYTES + self.used

    def _flush(self) -> None:
        if self.number >= 0:
            self.put(f"{self.folder}/{self.number}.bin", b"".join(self.pack))
        self.pack, self.used = [], 0

    def close(self) -> None:
        self._flush()


def pack_items(kinds: list[tuple[str, Iterable[bytes]]],
               sink: Callable[[str, bytes], None] | None = None) -> dict[str, bytes]:
    """The pack files and one offsets table per kind of item, items in the order given.

    With a ``sink``, each file is handed to it as soon as it is complete (a pack when the
    next one starts) and not kept: the returned dict is empty."""
    files: dict[str, bytes] = {}
    put = sink or files.__setitem__
    packer = _Packer("p", put)
    for name, items in kinds:
        offsets = [packer.add(item)[0] for item in items]
        offsets.append(packer.end())
        put(f"p/{name}.idx", np.array(offsets, dtype="<u4").tobytes())
    packer.close()
    return files


DICTIONARY_BYTES = 1 << 15  # deflate's window


def deflate(data: bytes, dictionary: bytes = b"") -> bytes:
    """Raw deflate (no zlib header), as a pack item is stored: with a preset
    ``dictionary``, the continuation of ``dictionary_prefix(dictionary)``."""
    packer = (zlib.compressobj(6, zlib.DEFLATED, -15, zdict=dictionary) if dictionary
              else zlib.compressobj(6, zlib.DEFLATED, -15))
    return packer.compress(data) + packer.flush()


def dictionary_of(items: Sequence[bytes]) -> bytes:
    """A preset dictionary for compressing ``items`` one by one: items spread evenly over
    the list, one after another, the last DICTIONARY_BYTES bytes of them."""
    step = max(1, sum(len(item) for item in items) // DICTIONARY_BYTES)
    return b"".join(items[::step])[-DICTIONARY_BYTES:]


def dictionary_file(dictionary: bytes) -> bytes:
    """``p/<name>-dict.bin``: the length of the dictionary (varint), then the dictionary raw
    deflated and ended by a sync flush (an empty stored block, no final block): followed by
    an item's bytes, it inflates to the dictionary and the item."""
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return (_varint(len(dictionary)) + packer.compress(dictionary)
            + packer.flush(zlib.Z_SYNC_FLUSH))


def _packed_bytes(read: Callable[[str], bytes], folder: str, start: int, end: int) -> bytes:
    """The bytes from global offset ``start`` to ``end`` of the packs ``<folder>/<k>.bin``
    (an item never crosses into the next pack)."""
    pack = start // PACK_BYTES
    return read(f"{folder}/{pack}.bin")[start - pack * PACK_BYTES:end - pack * PACK_BYTES]


def packed_item(read: Callable[[str], bytes], name: str, item: int) -> bytes:
    """Item ``item`` of kind ``name`` from the files of an index (``read(path)``),
    decompressed as search.js does: the dictionary's stream then the item's, inflated
    together, less the dictionary's bytes."""
    table = read(f"p/{name}.idx")
    start, end = (int(x) for x in np.frombuffer(table, dtype="<u4")[item:item + 2])
    size, at = _read_varint(read(f"p/{name}-dict.bin"), 0)
    stream = read(f"p/{name}-dict.bin")[at:] + _packed_bytes(read, "p", start, end)
    inflater = zlib.decompressobj(-15)
    whole = inflater.decompress(stream)
    if not inflater.eof or inflater.unused_data:
        raise SearchIndexError(f"item {item} of pack kind {name} does not end its stream")
    return whole[size:]


def shard_item(read: Callable[[str], bytes], number: int) -> bytes:
    """Shard ``number`` from the files of an index (``read(path)``), as search.js reads it:
    its start and end from ``i/shards.idx``, then those bytes of its pack."""
    start, end = (int(x) for x in np.frombuffer(read(SHARD_TABLE), dtype="<u4")[
        2 * number:2 * number + 2])
    return _packed_bytes(read, SHARD_FOLDER, start, end)


def record_files(records: list[SearchRecord] | PackedRecords,
                 filter_values: dict[str, list[str]] | None = None,
                 sink: Callable[[str, bytes], None] | None = None) -> dict[str, bytes]:
    """The filter files (``f/<filter>-<value>.bin``), and the packs (``p/``) of display
    blocks and text pages with ``t/index.bin``.

    With a ``sink``, each file is handed to it as soon as it is made and not kept (the
    returned dict is empty)."""
    files: dict[str, bytes] = {}
    put = sink or files.__setitem__
    records = _packed(records)
    kept: dict[tuple[str, str], Sequence[int]] = {
        (name, value): [] for name, values in (filter_values or {}).items() for value in values}
    kept.update(records.filters)
    for (name, value), numbers in sorted(kept.items()):
        deltas = np.array(numbers, dtype=np.int64)  # (a copy: not the records' own)
        deltas[1:] = np.diff(deltas)
        put(f"f/{name}-{value}.bin", varints(deltas))

    def block(number: int) -> bytes:
        first = number * DISPLAY_BLOCK
        return records.displays(first, first + DISPLAY_BLOCK)

    blocks = LazyItems(-(-len(records) // DISPLAY_BLOCK), block)
    pages, firsts = text_pages(records)
    put("t/index.bin", firsts)
    kinds = []
    for name, items in (("r", blocks), ("t", pages)):
        # Each item is compressed by itself, with a preset dictionary of the kind's items
        # (JSON keys, URLs, places, stock wording): 0.47 of the display blocks' and 0.86
        # of the text pages' bytes compressed alone, at 20,000 items.
        dictionary = dictionary_of(items)
        put(f"p/{name}-dict.bin", dictionary_file(dictionary))
        # (compressed as pack_items takes them, each kind with its own dictionary)
        kinds.append((name, map(deflate, items, itertools.repeat(dictionary))))
    pack_items(kinds, put)
    return files


def file_hashes(files: dict[str, bytes]) -> dict[str, str]:
    return {path: hashlib.sha256(data).hexdigest() for path, data in files.items()}


def index_meta(records: int, buckets: int, hashes: dict[str, str]) -> bytes:
    """``index.json``; its version is a hash of every other file of the index."""
    digest = hashlib.sha256()
    for path in sorted(hashes):
        digest.update(f"{path}\0{hashes[path]}\0".encode())
    return json.dumps(
        {"format": INDEX_VERSION, "version": digest.hexdigest()[:16], "records": records,
         "shards": buckets, "block": DISPLAY_BLOCK, "common": COMMON_RECORDS,
         "longest": LONGEST, "pack": PACK_BYTES, "chunk": TABLE_CHUNK},
        separators=(",", ":")).encode("utf-8")
