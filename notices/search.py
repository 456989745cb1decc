"""Search: exact Chinese substring search on a static site, with Pagefind doing the lookups.

Records. Every article and tender is a record; an outage schedule is one record per window
(linked to the window's anchor on the schedule page) plus one for the schedule's own title,
publisher and prose. Every piece of text belongs to exactly one record, and a record's
``text`` is what a query is matched against.

Matching. Text and query are normalised (NFKC, lower case) and cut into *runs* at every
character that is not a letter or digit. A run is a sequence of *units*: each non-ASCII
letter or digit (a Chinese character) is a unit, and each run of ASCII letters and digits is
one unit (a word, or a customer number such as 5002195984). A query term matches a record
when its units occur contiguously inside one of the record's runs; a query of several terms
(split at spaces or punctuation) matches a record when every term does. For Chinese
queries this is exactly "the record's text contains the query" (``matches``).

Tokens. Pagefind cuts Chinese into words with one segmenter when indexing and another in the
browser, and words one finds the other misses. So Pagefind never sees Chinese here: the
pages it indexes hold ASCII tokens, which no segmenter splits. A unit's code is four letters
(its code point in base 26) for a non-ASCII character, or two digits giving the length and
then the ASCII word. A record contributes, in order:

- for each run of three or more units, the token of every three neighbouring units (a
  trigram, the *stream*), with three filler positions between two runs' streams;
- once each, every distinct unit ("y" + code) and every distinct pair of neighbours
  ("z" + codes), the *set tokens*.

No token is a prefix of another (codes are prefix-free; "y" and "z" start no code), so every
Pagefind lookup is a whole word: Pagefind's prefix search, whose chunk-boundary bug loses
pages, is never used. Fillers ("." words) take positions but are not indexed.

Pages. The windows of one district on one day (from any schedule) share one Pagefind page,
one record per fixed-size *slot* (``stride`` positions), and the page ends with the word
``xslots``; every other record has its own page, all of it in slot 0. Grouping shortens
Pagefind's page list, which every visitor downloads; a shared district and day keep
Pagefind's filters exact and results in date order. Pages are numbered newest first (by
day, then start time) and slots are newest first within a page.

Querying (``themes/digest/static/js/search.js`` repeats ``runs``, ``unit_code`` and
``term_plan``). A term of one or two units is one set-token lookup. A longer term is covered
by trigrams at offsets 0, 3, 6, … and one ending at its last unit; a record matches when they
sit at those offsets from each other. Positions come from Pagefind's results; the slot is
``position // stride``. Gaps between offsets are at most three and streams of two runs are
three fillers apart, so a match never straddles two runs, and slots are never straddled
because each record's tokens end at least three positions before the next slot.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from pathlib import Path

from .catalog import Catalog, WindowEntry
from .filters import zh_date, zh_weekday
from .markup import plain_text
from .model import Kind, Notice

CODE_BASE = 26
CODE_WIDTH = 4
_MAX_CODE_POINT = CODE_BASE**CODE_WIDTH
_ASCII_WORD_MAX = 99
NGRAM = 3  # units per stream token
GAP = NGRAM  # filler positions between two runs' streams: at least the largest plan offset gap
UNIT_MARK, PAIR_MARK = "y", "z"  # set tokens; no unit code starts with either
FILLER = "."  # a word of no letters: takes a position, is not indexed
GROUP_MARK = "xslots"  # ends every page of several slots; no other token starts with x
SLOT_STRIDE_MIN = 64

# Pagefind files the site does not use: its ready-made UIs inject styles (blocked by the
# pages' Content-Security-Policy), the highlighter is not wanted, and searches run on the
# main thread (the worker script is another 41 KB for searches of a few milliseconds).
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
    "pagefind-worker.js",
)
# A Pagefind fragment file is gzip: this signature, then the page's JSON.
_FRAGMENT_SIGNATURE = b"pagefind_dcd"
LANGUAGE = "zh"  # short: it prefixes every page id in the metadata each visitor downloads


class SearchIndexError(Exception):
    """Pagefind failed or wrote something this module cannot read."""


# ---------------------------------------------------------------------------
# Units, tokens and matching


def normalize(text: str) -> str:
    """Fold compatibility forms (full-width digits) and case, as the browser does."""
    return unicodedata.normalize("NFKC", text).lower()


def _word_char_class() -> str:
    """A regex class of the characters that make up units.

    Letters and digits, plus unassigned code points: a browser with newer Unicode tables
    than this Python sees a newly added character as a letter, and both sides must cut a
    text alike (search.js uses [\\p{L}\\p{N}\\p{Cn}]).
    """
    ranges: list[tuple[int, int]] = []
    for code in range(_MAX_CODE_POINT):
        category = unicodedata.category(chr(code))
        if category[0] in "LN" or category == "Cn":
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "")
                   for a, b in ranges)


_UNIT = re.compile(rf"[a-z0-9]{{1,{_ASCII_WORD_MAX}}}|[^a-z0-9]")


@lru_cache(maxsize=1)
def _run_pattern() -> re.Pattern:
    # Built on first use: scanning the code points takes a quarter of a second.
    return re.compile(f"[{_word_char_class()}]+")


def runs(text: str) -> list[list[str]]:
    """Cut text into runs of units (see the module docstring)."""
    return [_UNIT.findall(run) for run in _run_pattern().findall(normalize(text))]


@lru_cache(maxsize=65536)
def unit_code(unit: str) -> str:
    """Four letters for a non-ASCII character; length and the word itself for ASCII."""
    if unit.isascii():
        return f"{len(unit):02d}{unit}"
    number = ord(unit)
    letters = []
    for _ in range(CODE_WIDTH):
        number, digit = divmod(number, CODE_BASE)
        letters.append(chr(ord("a") + digit))
    return "".join(reversed(letters))


def set_token(codes: list[str]) -> str:
    """The set token of one unit or two neighbouring units."""
    return (UNIT_MARK if len(codes) == 1 else PAIR_MARK) + "".join(codes)


def record_tokens(text: str) -> list[str]:
    """The words a record's slot holds, in order: streams with fillers, then set tokens."""
    coded = [[unit_code(u) for u in run] for run in runs(text)]
    words: list[str] = []
    for codes in coded:
        if len(codes) < NGRAM:
            continue
        if words:
            words.extend([FILLER] * GAP)
        words.extend("".join(codes[i:i + NGRAM]) for i in range(len(codes) - NGRAM + 1))
    seen: dict[str, None] = {}
    for codes in coded:
        for size in (1, 2):
            for i in range(len(codes) - size + 1):
                seen[set_token(codes[i:i + size])] = None
    words.extend(seen)
    return words


def term_plan(units: list[str]) -> tuple[list[str], list[int]]:
    """The tokens a query term is looked up by, and their offsets in the term."""
    codes = [unit_code(u) for u in units]
    if len(codes) < NGRAM:
        return [set_token(codes)], [0]
    offsets = list(range(0, len(codes) - NGRAM + 1, NGRAM))
    if offsets[-1] != len(codes) - NGRAM:
        offsets.append(len(codes) - NGRAM)
    return ["".join(codes[o:o + NGRAM]) for o in offsets], offsets


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
# Records and pages


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


@dataclass
class SearchPage:
    """One page Pagefind indexes: one record, or the windows of one district on one day."""

    records: list[SearchRecord]

    @property
    def newest(self) -> SearchRecord:
        return self.records[0]

    @property
    def filters(self) -> list[tuple[str, str]]:
        first = self.newest
        pairs = [("kind", first.kind.value), ("year", first.month[:4]), ("month", first.month)]
        return pairs + [("district", slug) for slug in first.districts]


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
               "w": [w.district.name], "a": list(w.areas)}
    if w.town:
        display["o"] = w.town
    if w.note:
        display["n"] = w.note
    if entry.cancelled:
        display["x"] = 1
    return SearchRecord(kind=Kind.OUTAGE, url=entry.url, when=w.start_at,
                        districts=(w.district.slug,), text=window_text(entry), display=display)


def _newest_first(record: SearchRecord):
    return (record.when, record.url)


def search_pages(catalog: Catalog) -> list[SearchPage]:
    """Every search page, newest first; a page's records are newest first too."""
    pages = [SearchPage([_notice_record(n)]) for n in catalog.notices]
    groups: dict[tuple[str, dt.date], list[SearchRecord]] = {}
    for entry in catalog.windows:
        record = _window_record(entry)
        groups.setdefault((record.districts[0], entry.window.date), []).append(record)
    for records in groups.values():
        pages.append(SearchPage(sorted(records, key=_newest_first, reverse=True)))
    pages.sort(key=lambda page: _newest_first(page.newest), reverse=True)
    return pages


def search_records(catalog: Catalog) -> list[SearchRecord]:
    """Every record in result order (pages newest first, then each page's slots)."""
    return [record for page in search_pages(catalog) for record in page.records]


def read_catalog(settings_file: str, overrides: dict | None = None) -> Catalog:
    """Read a site's content into its catalog without writing anything (tests, benchmarks)."""
    from .build import read_site

    return read_site(settings_file, overrides)["catalog"]


def expected_results(records: list[SearchRecord], query: str) -> list[SearchRecord]:
    """The records a query must return, in result order (the ground truth for tests)."""
    return [r for r in records if matches(r.text, query)]


# ---------------------------------------------------------------------------
# Building the index


def slot_stride(pages: list[SearchPage]) -> int:
    """Positions per slot: a power of two leaving ``GAP`` fillers after the longest window."""
    longest = max((len(record_tokens(r.text)) for p in pages if len(p.records) > 1
                   for r in p.records), default=0)
    stride = SLOT_STRIDE_MIN
    while stride < longest + GAP:
        stride *= 2
    return stride


def page_words(page: SearchPage, stride: int) -> list[str]:
    """The words of a page, position by position: each record's tokens in its slot."""
    words: list[str] = []
    for slot, record in enumerate(page.records):
        words.extend([FILLER] * (slot * stride - len(words)))
        words.extend(record_tokens(record.text))
    if len(page.records) > 1:
        # The browser finds the pages of several slots by this word; on other pages every
        # position is in slot 0, however long the record.
        words.append(GROUP_MARK)
    return words


def page_html(page: SearchPage, words: list[str]) -> str:
    """The HTML Pagefind indexes for a page: its words, and its filters."""
    tags = "".join(f'<span data-pagefind-filter="{name}:{escape(value)}"></span>'
                   for name, value in page.filters)
    return ('<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title></title>'
            f'</head><body><p>{" ".join(words)}</p>{tags}</body></html>\n')


@dataclass
class IndexReport:
    """What one indexing run did, for the build log and the benchmarks."""

    records: int
    pages: int
    stride: int
    seconds: float
    bundle_bytes: int


def pagefind_binary() -> str:
    """The Pagefind executable shipped in the pagefind[extended] wheel."""
    from pagefind.service import get_executable

    binary = get_executable()
    if binary is None:
        raise SearchIndexError("Pagefind is not installed; install the package pagefind[extended]")
    return str(binary)


def build_index(pages: list[SearchPage], output_path: Path, bundle: str = "pagefind",
                result_folder: str = "search/r", chunk_size: int | None = None,
                stride: int | None = None) -> IndexReport:
    """Index ``pages`` into ``output_path/bundle`` and write each record's display data.

    Page files are written to a temporary folder beside ``output_path`` (indexed, never
    published) and Pagefind's command line indexes that folder once. A record's display data
    goes to ``output_path/result_folder/<Pagefind page id>-<slot>.json``: the browser shows
    a result from it, never from Pagefind's fragment (which holds only tokens and is removed).
    """
    started = time.perf_counter()
    output_path = Path(output_path)
    bundle_path = output_path / bundle
    stride = stride or slot_stride(pages)
    # A record without a letter or digit has no token and can match no query; Pagefind
    # drops a page without words, so such pages are left out.
    worded = [(page, page_words(page, stride)) for page in pages]
    worded = [(page, words) for page, words in worded if any(w != FILLER for w in words)]
    pages = [page for page, _ in worded]
    if not pages:  # Pagefind refuses to write an empty index; there is nothing to find
        return IndexReport(0, 0, stride, time.perf_counter() - started, 0)
    folder = Path(tempfile.mkdtemp(prefix=".search-pages-", dir=output_path.parent))
    try:
        names = _files_in_walk_order(folder, len(pages))
        for name, (page, words) in zip(names, worded, strict=True):
            (folder / name).write_text(page_html(page, words), encoding="utf-8")
        _run_pagefind(folder, bundle_path, chunk_size)
        for name in UNUSED_BUNDLE_FILES:
            (bundle_path / name).unlink(missing_ok=True)
        canonical_filters(bundle_path)
        _write_display(pages, {f"/{name}": i for i, name in enumerate(names)}, bundle_path,
                       output_path / result_folder)
        # Fragments hold a page's tokens for Pagefind's excerpts; the browser shows the
        # display data instead and never asks for them, so they are not published.
        shutil.rmtree(bundle_path / "fragment")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    size = sum(p.stat().st_size for p in bundle_path.rglob("*") if p.is_file())
    return IndexReport(sum(len(p.records) for p in pages), len(pages), stride,
                       time.perf_counter() - started, size)


def _files_in_walk_order(folder: Path, count: int) -> list[str]:
    """Create ``count`` empty files and return their names in directory order.

    Pagefind numbers pages in the order it reads the folder, which is the file system's
    order (hash order on ext4, newest first on tmpfs), and returns exact-search results in
    page order. Filling the i-th file in that order with the i-th page (newest first) makes
    results come out newest first on any file system, without a Pagefind sort index (a
    permutation of every page, added to the metadata each visitor downloads).
    """
    width = len(str(count))
    for number in range(count):
        (folder / f"{number:0{width}d}.html").touch()
    names = [entry.name for entry in os.scandir(folder)]
    if len(names) != count:
        raise SearchIndexError(f"expected {count} page files in {folder}, found {len(names)}")
    return names


def _run_pagefind(folder: Path, bundle_path: Path, chunk_size: int | None) -> None:
    env = dict(os.environ)
    if chunk_size:
        # Word positions per index file (Pagefind's default 20000); see docs/search.md.
        env["PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE"] = str(chunk_size)
    command = [pagefind_binary(), "--site", str(folder), "--output-path", str(bundle_path),
               "--force-language", LANGUAGE, "--quiet"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = " ".join((result.stderr or result.stdout).split())[-500:]
        raise SearchIndexError(f"Pagefind exited with status {result.returncode}"
                               + (f": {detail}" if detail else ""))


def _write_display(pages: list[SearchPage], number_by_url: dict[str, int],
                   bundle_path: Path, folder: Path) -> None:
    """Write each record's display data as ``<Pagefind page id>-<slot>.json``."""
    folder.mkdir(parents=True, exist_ok=True)
    found = 0
    for fragment in sorted((bundle_path / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        if not data.startswith(_FRAGMENT_SIGNATURE):
            raise SearchIndexError(f"{fragment.name}: not a Pagefind fragment this site can read")
        url = json.loads(data[len(_FRAGMENT_SIGNATURE):])["url"]
        if url not in number_by_url:
            raise SearchIndexError(f"{fragment.name}: unexpected page URL {url!r}")
        page = pages[number_by_url[url]]
        for slot, record in enumerate(page.records):
            (folder / f"{fragment.stem}-{slot}.json").write_text(
                json.dumps(record.display, ensure_ascii=False, separators=(",", ":")),
                encoding="utf-8")
        found += 1
    if found != len(pages):
        raise SearchIndexError(f"Pagefind indexed {found} of {len(pages)} search pages")


# ---------------------------------------------------------------------------
# Deterministic output. Pagefind 1.5.2 writes the values inside each filter file, and the
# filters listed in the metadata, in the order of a Rust HashMap, which is seeded at random
# per run: the same site gives different filter and metadata files (and names) each build.
# Sorting both, and naming the rewritten files by their content, makes two builds of the
# same site byte-identical. The files are CBOR after a signature, gzipped; only unsigned
# integers, text and arrays occur in them.


def _cbor_head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise SearchIndexError(f"CBOR value {value} is too large")


def cbor_encode(value) -> bytes:
    """Encode unsigned integers, text and lists as minimal CBOR (as Pagefind writes them)."""
    if isinstance(value, bool) or not isinstance(value, (int, str, list)):
        raise SearchIndexError(f"cannot encode {type(value).__name__} in a Pagefind file")
    if isinstance(value, int):
        return _cbor_head(0, value)
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _cbor_head(3, len(data)) + data
    return _cbor_head(4, len(value)) + b"".join(cbor_encode(item) for item in value)


def cbor_decode(data: bytes, at: int = 0):
    """Decode one CBOR value of the kinds ``cbor_encode`` writes; return (value, next)."""
    head = data[at]
    major, info = head >> 5, head & 31
    at += 1
    if info < 24:
        value = info
    elif info <= 27:
        size = 1 << (info - 24)
        value = int.from_bytes(data[at:at + size], "big")
        at += size
    else:
        raise SearchIndexError(f"unexpected CBOR item {head:#x} in a Pagefind file")
    if major == 0:
        return value, at
    if major == 3:
        return data[at:at + value].decode("utf-8"), at + value
    if major == 4:
        items = []
        for _ in range(value):
            item, at = cbor_decode(data, at)
            items.append(item)
        return items, at
    raise SearchIndexError(f"unexpected CBOR major type {major} in a Pagefind file")


def _read_pagefind(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_FRAGMENT_SIGNATURE):
        raise SearchIndexError(f"{path.name}: not a Pagefind file this site can read")
    body = data[len(_FRAGMENT_SIGNATURE):]
    value, end = cbor_decode(body)
    if end != len(body) or cbor_encode(value) != body:
        raise SearchIndexError(f"{path.name}: not a Pagefind file this site can rewrite")
    return value


def _write_pagefind(pattern: Path, value, digits: int) -> str:
    """Write ``value`` to ``pattern`` with {} replaced by a content hash; return the hash."""
    data = _FRAGMENT_SIGNATURE + cbor_encode(value)
    name = f"{LANGUAGE}_{hashlib.sha256(data).hexdigest()[:digits]}"
    path = pattern.with_name(pattern.name.replace("{}", name))
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return name


def canonical_filters(bundle_path: Path) -> None:
    """Sort filter values and the metadata's filter list; rename the files by content."""
    entry_path = bundle_path / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text("utf-8"))
    language = entry["languages"][LANGUAGE]
    meta_path = bundle_path / f"pagefind.{language['hash']}.pf_meta"
    meta = _read_pagefind(meta_path)
    filters = meta[3]  # [version, pages, index chunks, filters, sorts, meta fields]
    renamed = {}
    for name, old in filters:
        path = bundle_path / "filter" / f"{old}.pf_filter"
        value = _read_pagefind(path)  # [filter name, [[value, [page, …]], …]]
        value[1].sort(key=lambda pair: pair[0])
        path.unlink()
        renamed[name] = _write_pagefind(path.with_name("{}.pf_filter"), value, 7)
    meta[3] = [[name, renamed[name]] for name in sorted(renamed)]
    meta_path.unlink()
    language["hash"] = _write_pagefind(bundle_path / "pagefind.{}.pf_meta", meta, 10)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")
