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

Tokens. A token is one, two or three neighbouring units joined by spaces ("镇", "高 桥",
"慈 城 镇", "5002195984 号 箱"). A record's *set tokens* are its distinct units and pairs
(no positions: a query of one or two units is one lookup); its *stream* is the trigram at
every position of every run, with the positions (runs are one position apart, so no
trigram spans two runs).

Querying (``themes/digest/static/js/search.js`` repeats ``runs`` and ``term_plan``; a test
compares them). A term of one or two units is one set-token lookup. A longer term is
covered by trigrams at offsets 0, 3, 6, … and one ending at its last unit; a record matches
when they sit at those offsets from each other in it. Trigrams at offsets at most three
apart overlap or touch, so the units they cover are the term's, contiguous: the result is
exactly the set of records containing the term.

The index (``build_index``). Each token's postings go into one of ``buckets`` files chosen
by the CRC-32 of the token, so a term of n units costs about n / 3 small downloads; the
postings are unsigned LEB128 varints, delta-coded. numpy does the sorting and encoding:
5,000 items (6 million postings) index in a few seconds. The file format is in
docs/search.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from notices.content.catalog import Catalog, WindowEntry
from notices.content.markup import plain_text
from notices.content.model import Kind, Notice
from notices.outputs.filters import zh_date, zh_weekday

NGRAM = 3  # units per stream token
# Postings sorted at a time: at 5,000 items of a real vocabulary 1,000,000 made numpy peak at
# 285 MiB (tracemalloc), 250,000 at 140 MiB and 3.8 -> 2.9 s of CPU; 100,000: 118 MiB, 4.4 s.
PART_POSTINGS = 250_000
# Units are code points below 26**4 (U+6F910): planes 0 to 6 hold every assigned letter and
# digit; search.js has the same limit.
_MAX_CODE_POINT = 26**4
_ASCII_WORD_MAX = 99
INDEX_VERSION = 1  # the file format; search.js refuses another


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


def normalize(text: str) -> str:
    """Fold compatibility forms (full-width digits) and case, as the browser does (NFKC)."""
    text = text.translate(_FULL_WIDTH)
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
# Records


@dataclass(frozen=True)
class SearchRecord:
    """One search result: an article, a tender, a schedule, or one window of a schedule."""

    kind: Kind
    url: str  # site-relative, e.g. outages/2019-09-16-power.html#w-20190923-jiangbei-1a2b3c
    when: dt.datetime  # the window's start, else the publication date
    districts: tuple[str, ...]  # district slugs
    text: str
    display: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def month(self) -> str:
        return f"{self.when:%Y-%m}"

    @property
    def filters(self) -> list[tuple[str, str]]:
        """The (filter, value) pairs this record is found under (see FILTERS)."""
        return [("kind", self.kind.value), ("date", self.month[:4]), ("date", self.month),
                *(("district", slug) for slug in self.districts)]


def notice_text(notice: Notice) -> str:
    """All text of an article or tender, or of a schedule without its windows."""
    f = notice.fields
    # The editor's summary only: one made by the reader repeats the body or, for a schedule,
    # the windows, which are records of their own.
    parts: list[str | None] = [notice.title, f.summary, plain_text(notice.body_html)]
    parts += list(f.tags)
    if notice.kind == Kind.ARTICLE:
        parts += [*f.authors, *f.photographers, f.column]
        if f.source:
            parts += [f.source.paper, f.source.page]
        if f.image:
            parts += [f.image.alt, f.image.caption, f.image.credit]
    elif notice.kind == Kind.TENDER:
        parts += [f.notice_type, f.issuer, f.project, *f.requirements, f.fees]
        for window in f.registration:
            parts += [window.place, window.note]
        for contact in f.contacts:
            parts += [contact.name, contact.phone, contact.role]
    elif notice.kind == Kind.OUTAGE:
        parts.append(f.source.name)
    return "\n".join(p for p in parts if p)


def window_text(entry: WindowEntry) -> str:
    """A window's place: district, town, each area, and the note."""
    w = entry.window
    return "\n".join(p for p in (w.district.name, w.town, *w.areas, w.note) if p)


def _notice_record(notice: Notice) -> SearchRecord:
    return SearchRecord(
        kind=notice.kind, url=notice.url, when=notice.date,
        districts=tuple(d.slug for d in notice.districts), text=notice_text(notice),
        display={"k": notice.kind.value, "u": notice.url, "t": notice.title,
                 "d": zh_date(notice.date), "w": [d.name for d in notice.districts],
                 "s": notice.summary},
    )


def _window_record(entry: WindowEntry) -> SearchRecord:
    w = entry.window
    display = {"k": "window", "u": entry.url, "t": entry.notice.title,
               "d": f"{zh_date(w.date)} {zh_weekday(w.date)}", "h": w.time_range,
               "w": [w.district.name], "a": list(w.shown_areas)}
    if w.town:
        display["o"] = w.town
        display["ou"] = w.town_place.subscribe_url
    if w.note:
        display["n"] = w.note
    if entry.cancelled:
        display["x"] = 1
    return SearchRecord(kind=Kind.OUTAGE, url=entry.url, when=w.start_at,
                        districts=(w.district.slug,), text=window_text(entry), display=display)


def search_records(catalog: Catalog) -> list[SearchRecord]:
    """Every record, numbered by its place in this list: oldest first (date, then URL)."""
    records = [_notice_record(n) for n in catalog.notices]
    records += [_window_record(entry) for entry in catalog.windows]
    records.sort(key=lambda record: (record.when, record.url))
    return records


def expected_results(records: list[SearchRecord], query: str) -> list[SearchRecord]:
    """The records a query must return, in the order given (the ground truth for tests)."""
    return [r for r in records if matches(r.text, query)]


# ---------------------------------------------------------------------------
# Building the index
#
# Files, under the output's ``search/`` (the format is described in docs/search.md):
#   index.json              {"format", "version", "records", "buckets"}: read first
#   i/<bucket>.bin          tokens whose CRC-32 & (buckets - 1) is <bucket>, with postings
#   f/<filter>-<value>.bin  the numbers of the records a filter value keeps
#   r/<record // 2>.json    what a result shows (kind, URL, title, date, districts, …), for
#                           two records in a row: a file per record cost 17,526 files
#                           (3 s to write) at 5,000 items; blocks of 8 (2,191 files) made
#                           20 results cost 48 KB, blocks of 2 (8,763 files) about 12 KB

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


def _where(mask):
    """``np.flatnonzero(mask)`` as int32, a slice at a time (no int64 array of it all)."""

    step = 1 << 22
    return np.concatenate([np.flatnonzero(mask[i:i + step]).astype(np.int32) + np.int32(i)
                           for i in range(0, mask.size, step)] or [np.empty(0, np.int32)])


def _group_starts(keys):

    starts = np.empty(keys.size, dtype=bool)
    starts[:1] = True
    np.not_equal(keys[1:], keys[:-1], out=starts[1:])
    return starts


def _sort_by_key(keys, at, key_limit: int):
    """``keys`` sorted, and ``at`` in the same order, ties kept in their order (stable).

    When key and index fit in 63 bits together, one plain sort of ``key << bits | index``
    does it (numpy's integer sort: about twice as fast as a stable argsort, and no
    gathers); otherwise a stable argsort.
    """

    bits = max(int(at.size - 1).bit_length(), 1)
    if (key_limit - 1).bit_length() + bits > 63:
        order = np.argsort(keys, kind="stable")
        return keys[order], at[order]
    combined = keys << bits
    combined |= np.arange(at.size, dtype=np.int64)
    combined.sort()
    order = combined & ((1 << bits) - 1)
    combined >>= bits
    return combined, at[order]


class _Postings:
    """Every token's posting bytes, built from the records' units with numpy."""

    def __init__(self, texts: list[str]) -> None:

        # Each record's units as numbers, -1 for every other character and after the record.
        # A character is a unit; each ASCII word is first replaced by one stand-in character
        # from plane 15 (where the text's own characters were blanked: they are not letters),
        # so a record is numbered by one table lookup per character.
        vocabulary: list[str] = []
        stand_in: dict[str, str] = {}
        # Every record is followed by one non-unit (NUL); the characters of a few hundred
        # records at a time are numbered through a table indexed by code point.
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
        del pieces
        record_starts = np.zeros(len(lengths), dtype=np.int64)
        np.cumsum(lengths[:-1], out=record_starts[1:])
        self.words = vocabulary
        self.u = u
        # Per part and width: where each token first occurs in ``u`` (its name is read from
        # there), the token width, the posting bytes of all its tokens and where each
        # token's bytes start. Kept as numpy arrays and one bytes object per part, not as a
        # Python string and bytes per token (a million tokens cost about 300 MB that way).
        self.chunks: list[tuple[np.ndarray, int, bytes, np.ndarray]] = []
        self.count = 0
        self._encoded: list[bytes] | None = None
        self._spaced: list[bytes] = []
        # The record of a position, and the position within its record, are looked up for
        # each part's tokens rather than kept for all positions (memory at 20,000 items).
        size = max(len(vocabulary), 1)
        if size >= 1 << 21:  # trigram keys below are size**3: keep them within 63 bits
            raise SearchIndexError(f"{size} distinct characters and words are more than the "
                                   "index can number (2**21)")
        # Tokens are taken in parts (by their first unit), which bounds the memory of the
        # sorts: about PART_POSTINGS postings a part. Records and positions increase along the
        # arrays, so a stable sort by token leaves each token's postings in record and
        # position order.
        parts = min(max(1, u.size // PART_POSTINGS), 1 << 15)
        for width in (1, 2, NGRAM):
            valid = u[:u.size - width + 1] >= 0
            for i in range(1, width):
                valid &= u[i:u.size - width + 1 + i] >= 0
            starts_all = _where(valid)
            del valid
            part_of = (u[starts_all] % parts).astype(np.int16)
            for part in range(parts):
                at = starts_all[part_of == part] if parts > 1 else starts_all
                keys = u[at].astype(np.int64)
                for i in range(1, width):
                    keys = keys * size + u[at + i]
                keys, at = _sort_by_key(keys, at, size ** width)
                record = (np.searchsorted(record_starts, at, side="right") - 1).astype(np.int32)
                if width < NGRAM:
                    self._add_set(keys, record, at, width, u)
                else:
                    self._add_stream(keys, record, at - record_starts[record], at, u)

    def names(self, first_at, width: int) -> list[bytes]:
        """The UTF-8 names of the tokens that first occur at ``first_at``."""
        if self._encoded is None:
            self._encoded = [w.encode("utf-8") for w in self.words]
            self._spaced = [w + b" " for w in self._encoded]
        last, spaced, u = self._encoded, self._spaced, self.u
        columns = [u[first_at + i].tolist() for i in range(width)]
        if width == 1:
            return [last[a] for a in columns[0]]
        if width == 2:
            return [spaced[a] + last[b] for a, b in zip(*columns, strict=True)]
        return [spaced[a] + spaced[b] + last[c] for a, b, c in zip(*columns, strict=True)]

    def name_chars(self) -> int:
        """The summed length in characters of every token's name."""
        lengths = np.array([len(w) for w in self.words] or [0], dtype=np.int64)
        total = 0
        for first_at, width, _, _ in self.chunks:
            total += (width - 1) * first_at.size
            for i in range(width):
                total += int(lengths[self.u[first_at + i]].sum())
        return total

    def _emit(self, first_at, width: int, values, value_bounds) -> None:

        data, starts = _varint_array(values)
        byte_at = np.append(starts[value_bounds], data.size)
        self.chunks.append((first_at.astype(np.int32), width, data.tobytes(), byte_at))
        self.count += first_at.size

    def _add_set(self, keys, records, at, width: int, u) -> None:
        """Tokens without positions: each posting is its record numbers, delta-coded."""

        keep = _group_starts(keys)
        keep[1:] |= records[1:] != records[:-1]
        keys, records, at = keys[keep], records[keep], at[keep]
        first = _group_starts(keys)
        values = records.copy()
        values[1:] -= records[:-1]
        values[first] = records[first]
        bounds = np.flatnonzero(first)
        self._emit(at[bounds], width, values, bounds)

    def _add_stream(self, keys, records, positions, at, u) -> None:
        """Trigrams: per record, its number (delta), the count, then positions (delta)."""

        first = _group_starts(keys)
        new_record = first.copy()
        new_record[1:] |= records[1:] != records[:-1]
        deltas = positions.copy()
        deltas[1:] -= positions[:-1]
        deltas[new_record] = positions[new_record]
        heads = np.flatnonzero(new_record)
        head_records = records[heads]
        record_deltas = head_records.copy()
        record_deltas[1:] -= head_records[:-1]
        record_deltas[first[heads]] = head_records[first[heads]]
        counts = np.diff(np.append(heads, keys.size))
        inserted = np.empty(2 * heads.size, dtype=np.int64)
        inserted[0::2] = record_deltas
        inserted[1::2] = counts
        values = np.insert(deltas, np.repeat(heads, 2), inserted)
        token_at = np.flatnonzero(first)
        heads_before = np.cumsum(new_record) - new_record
        bounds = token_at + 2 * heads_before[token_at]
        self._emit(at[token_at], NGRAM, values, bounds)


def bucket_of(token: str, buckets: int) -> int:
    """The bucket file a token is in (search.js computes the same CRC-32)."""
    return zlib.crc32(token.encode("utf-8")) & (buckets - 1)


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


def posting_files(records: list[SearchRecord], bucket_bytes: int = 8192,
                  sink: Callable[[str, bytes], None] | None = None
                  ) -> tuple[dict[str, bytes], int, int]:
    """The bucket files (``i/<n>.bin``), the number of tokens and the number of buckets.

    With a ``sink``, each file is handed to it as soon as it is made and not kept (the
    returned dict is empty): at 20,000 items the files are 200 MB.
    """
    postings = _Postings([r.text for r in records])
    total = (postings.name_chars() + 4 * postings.count
             + sum(len(blob) for _, _, blob, _ in postings.chunks))
    buckets = bucket_count(total, bucket_bytes)
    # Each bucket's entries (name length, name, postings length, postings, as in the file)
    # are appended to one bytearray per bucket, unsorted: about 17 bytes a token rather than
    # a Python object each (60 to 70 bytes); each bucket is sorted when it is written.
    by_bucket = [bytearray() for _ in range(buckets)]
    crc32, mask, small = zlib.crc32, buckets - 1, _SMALL_VARINTS
    chunks, postings.chunks = postings.chunks, []
    chunks.reverse()
    while chunks:
        first_at, width, blob, byte_at = chunks.pop()  # each part's arrays freed when done
        bounds = byte_at.tolist()
        for i, name in enumerate(postings.names(first_at, width)):
            size = bounds[i + 1] - bounds[i]
            body = by_bucket[crc32(name) & mask]
            body += small[len(name)] if len(name) < 16384 else _varint(len(name))
            body += name
            body += small[size] if size < 16384 else _varint(size)
            body += blob[bounds[i]:bounds[i + 1]]
    files: dict[str, bytes] = {}
    for number in range(buckets):
        body = bytes(by_bucket[number])
        by_bucket[number] = bytearray()
        entries = []
        at, end = 0, len(body)
        while at < end:
            start = at
            size, at = _read_varint(body, at)
            name_at, at = at, at + size
            length, at = _read_varint(body, at)
            at += length
            entries.append((body[name_at:name_at + size], start, at))
        entries.sort()
        data = b"".join([_varint(len(entries)), *(body[a:b] for _, a, b in entries)])
        if sink is None:
            files[f"i/{number}.bin"] = data
        else:
            sink(f"i/{number}.bin", data)
    return files, postings.count, buckets


def record_files(records: list[SearchRecord], filter_values: dict[str, list[str]] | None = None
                 ) -> dict[str, bytes]:
    """The filter files (``f/<filter>-<value>.bin``) and display blocks (``r/<n>.json``)."""
    files: dict[str, bytes] = {}
    kept: dict[tuple[str, str], list[int]] = {
        (name, value): [] for name, values in (filter_values or {}).items() for value in values}
    for number, record in enumerate(records):
        for pair in dict.fromkeys(record.filters):
            kept.setdefault(pair, []).append(number)
    for (name, value), numbers in sorted(kept.items()):
        files[f"f/{name}-{value}.bin"] = varints(
            numbers[:1] + [b - a for a, b in zip(numbers, numbers[1:], strict=False)])
    for block in range(0, len(records), DISPLAY_BLOCK):
        files[f"r/{block // DISPLAY_BLOCK}.json"] = json.dumps(
            [r.display for r in records[block:block + DISPLAY_BLOCK]], ensure_ascii=False,
            separators=(",", ":")).encode("utf-8")
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
         "buckets": buckets, "block": DISPLAY_BLOCK}, separators=(",", ":")).encode("utf-8")
