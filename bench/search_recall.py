"""Check search recall and precision on a generated site in Chromium, and what it costs.

    python bench/search_recall.py                # 5,000 items, seed 1, in a temporary folder
    python bench/search_recall.py --items 20000  # needs several GiB of memory
    python bench/search_recall.py --items 500 --work /tmp/recall --keep
    python bench/search_recall.py --items 20000 --build-only  # memory and time, no browser

Generates the corpus (bench/corpus.py; article text sampled by frequency from jieba's
dictionary, a real vocabulary), builds it with this project's build in a child process
(``python -m notices build``, its memory sampled), and prints:

- the build: wall and CPU seconds, the search indexer's own wall and CPU seconds and peak
  resident memory, the peak summed PSS of every build process;
- the index: bytes and files under ``search/`` (postings, display blocks, filter files);
- per query class — rare words (in at most three records), common words (in at least 2 %
  of records), phrases (five to eight characters of an article), place names (towns,
  villages, companies, customer numbers, transformer boxes, roads, two-character names,
  two terms, filters), single characters, phrases present in most items (the paper's name,
  a tender's stock wording, 工业园区) — the bytes the server sent, headers counted, for the
  first query of a new visitor (a fresh browser) and for later ones, the time from pressing
  Enter to the results, and recall and precision against the ground truth.

The ground truth is computed from the catalog: every record whose text contains the query
as a substring, newest first; a query passes when its complete result list, in order, is
exactly that. Exits 1 unless every query passed, every first query stayed under 300 KB and
every later query under 50 KB.
"""

from __future__ import annotations

import argparse
import functools
import io
import json
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from corpus import VOCABULARIES, corpus_characters, write_corpus  # noqa: E402

from bench import parse_memory, parse_phases, run  # noqa: E402
from notices.build.driver import read_catalog  # noqa: E402
from notices.build.serve import make_server  # noqa: E402
from notices.search.index import (  # noqa: E402
    normalize,
    packed_item,
    shard_item,
)
from notices.search.records import search_records  # noqa: E402

SETTINGS = str(ROOT / "pelicanconf.py")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
FIRST_QUERY_BUDGET = 300 * 1024
LATER_QUERY_BUDGET = 50 * 1024
AREA_TAILS = re.compile(r"(一带|部分|周边)$")
CUSTOMER_NUMBER = re.compile(r"^(.*?)(\d{10})$")
BOX = re.compile(r"(箱变|公变|专变|配变|#变|环网柜)$")
ROAD = re.compile(r"(路|街|大道|巷)$")


class Query:
    """One query of the check: the text typed and the filters chosen."""

    def __init__(self, text: str, why: str, district: str = "", date: str = "",
                 group: str = "place names"):
        self.text, self.why, self.district, self.date = text, why, district, date
        self.group = group

    def __str__(self) -> str:
        filters = ", ".join(f for f in (self.district, self.date) if f)
        return f"{self.text}" + (f" [{filters}]" if filters else "") + f" ({self.why})"

    def expected(self, records, texts) -> list[str]:
        """Ground truth: records containing every term as a substring, that pass the filters
        (``texts``: each record's normalised text)."""
        terms = [normalize(t) for t in self.text.split()]
        found = []
        for record, text in zip(records, texts, strict=True):
            if not all(term in text for term in terms):
                continue
            if self.district and self.district not in record.districts:
                continue
            if self.date and not record.month.startswith(self.date):
                continue
            found.append(record.url)
        return found


def pick_queries(catalog, count: int, seed: int) -> list[Query]:
    """Place names drawn from the catalog's windows, deterministic for a seed."""
    rng = random.Random(seed)
    towns, villages, companies, numbers, boxes, roads = set(), set(), set(), set(), set(), set()
    town_district = {}
    for entry in catalog.windows:
        w = entry.window
        if w.town:
            towns.add(w.town)
            town_district[w.town] = w.district.slug
        for area in w.areas:
            area = AREA_TAILS.sub("", area)
            number = CUSTOMER_NUMBER.match(area)
            if number:
                companies.add(number.group(1))
                numbers.add(number.group(2))
            elif BOX.search(area):
                boxes.add(area)
            elif area.endswith("村"):
                villages.add(area)
            elif ROAD.search(area):
                roads.add(area)

    def sample(pool, k, must=()):
        chosen = [m for m in must if m in pool]
        rest = sorted(set(pool) - set(chosen))
        return chosen + rng.sample(rest, max(0, min(k - len(chosen), len(rest))))

    share = max(1, count // 10)
    queries = [Query(t, "town") for t in sample(towns, 2 * share, ("高桥镇", "姜山镇", "慈城镇"))]
    queries += [Query(v, "village") for v in sample(villages, 2 * share)]
    queries += [Query(c, "company") for c in sample(companies, share)]
    queries += [Query(n, "customer number") for n in sample(numbers, share)]
    queries += [Query(b, "transformer box") for b in sample(boxes, share)]
    queries += [Query(r, "road") for r in sample(roads, max(1, share // 2))]
    shorts = {t[:2] for t in towns}
    queries += [Query(s, "two characters") for s in sample(shorts, share, ("高桥", "桥头", "姜山"))]
    queries += [Query("镇", "one character"), Query("村", "one character")]
    for town in sample(towns, 2):
        village = next((a for e in catalog.windows if e.window.town == town
                        for a in e.window.areas if a.endswith("村")), None)
        if village:
            queries.append(Query(f"{town} {village}", "two terms"))
    districts = sorted({d for d in town_district.values()})
    for district in sample(districts, 3):
        queries.append(Query("街道", "district filter", district=district))
    for town in sample(towns, 2):
        queries.append(Query(town, "district filter", district=town_district[town]))
    months = sorted({r.month for r in search_records(catalog)})
    queries.append(Query("镇", "month filter", date=rng.choice(months)))
    queries.append(Query("村", "year filter", date=rng.choice(months)[:4]))
    return queries


CLASSES = ("rare", "common", "phrases", "place names", "single characters",
           "in most items")
# Stock wording that most items of a kind carry: the paper's name in every article's source,
# a tender's boilerplate, the industrial parks of outage areas.
MOST_ITEMS = ("宁波日报", "欢迎符合条件的单位报名", "项目基本情况", "联系电话", "有限公司",
              "工业园区")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def pick_text_queries(records, texts, per_class: int, seed: int) -> list[Query]:
    """Rare and common words, phrases, single characters and stock phrases, drawn from the
    records' own text (deterministic for a seed)."""
    rng = random.Random(seed)
    prose = [t for r, t in zip(records, texts, strict=True) if r.kind.value != "outages"]
    prose_runs = [m for t in rng.sample(prose, min(400, len(prose)))
                  for m in _HAN_RUN.findall(t)]

    def count(term: str) -> int:
        return sum(term in t for t in texts)

    def draw(lengths, accept, k: int, tries: int = 400) -> list[str]:
        chosen: list[str] = []
        for _ in range(tries):
            if len(chosen) == k:
                break
            run_ = rng.choice(prose_runs)
            size = rng.choice(lengths)
            if len(run_) < size:
                continue
            start = rng.randrange(len(run_) - size + 1)
            term = run_[start:start + size]
            if term not in chosen and accept(count(term)):
                chosen.append(term)
        return chosen

    many = max(2, len(texts) // 50)
    queries = [Query(t, "in at most 3 records", group="rare")
               for t in draw((2, 3, 4), lambda n: 1 <= n <= 3, per_class)]
    queries += [Query(t, f"in at least {many} records", group="common")
                for t in draw((2, 2, 3), lambda n: n >= many, per_class, 2000)]
    queries += [Query(t, "5-8 characters of an article", group="phrases")
                for t in draw((5, 6, 7, 8), lambda n: n >= 1, per_class)]
    rare_chars = draw((1,), lambda n: 1 <= n <= 20, 1, 4000)
    queries += [Query(t, "one character", group="single characters")
                for t in ["镇", "村", "的", "区", *rare_chars][:max(per_class, 4)]]
    queries += [Query(t, "stock wording", group="in most items") for t in MOST_ITEMS
                if count(t)]
    return queries


class ByteCounter:
    """Bytes the server wrote (headers and bodies), per request path."""

    def __init__(self):
        self.lock = threading.Lock()
        self.sent: list[tuple[str, int]] = []

    def take(self) -> list[tuple[str, int]]:
        with self.lock:
            sent, self.sent = self.sent, []
        return sent


def serve_counting(directory: Path, counter: ByteCounter):
    """notices.build.serve's server, with every response's bytes counted."""
    server = make_server(str(directory), "127.0.0.1", 0)
    handler = server.RequestHandlerClass

    class Counting(handler.func):
        def setup(self):
            super().setup()
            raw, request = self.wfile, self

            class Meter(io.RawIOBase):
                def write(self, data):
                    raw.write(data)
                    with counter.lock:
                        counter.sent.append((request.path, len(data)))
                    return len(data)

                def flush(self):
                    raw.flush()

            self.wfile = Meter()

    server.RequestHandlerClass = functools.partial(Counting, *handler.args, **handler.keywords)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def run_query(page, query: Query, output: Path) -> tuple[list[str], float]:
    """Type the query and filters into the search form; return every result's URL in order
    and the seconds from pressing Enter to the results."""
    page.select_option("#search-district", query.district)
    page.select_option("#search-date", query.date)
    page.fill("#search-q", query.text)
    started = time.perf_counter()
    page.press("#search-q", "Enter")
    page.wait_for_selector("body[data-search-state=done]", state="attached", timeout=60_000)
    seconds = time.perf_counter() - started
    keys = page.evaluate("() => window.noticesSearchResults()") or []
    urls = []
    block = json.loads((output / "search" / "index.json").read_text())["block"]
    read = functools.partial(_read_index_file, output / "search")
    for number in keys:
        items = json.loads(packed_item(read, "r", number // block))
        urls.append(items[number % block]["u"])
    return urls, seconds


@functools.lru_cache(maxsize=64)
def _read_index_file(folder: Path, path: str) -> bytes:
    return (folder / path).read_bytes()


def describe_failure(query: Query, got: list[str], want: list[str]) -> str:
    missing, extra = set(want) - set(got), set(got) - set(want)
    if not missing and not extra:
        return f"FAIL {query}: right {len(want)} results, wrong order"
    return (f"FAIL {query}: {len(got)} results, expected {len(want)} "
            f"({len(missing)} missing, {len(extra)} not containing it)")


def kib(n: float) -> str:
    return f"{n / 1024:.1f} KB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=5000,
                        help="items in the corpus (default 5000; 20000 needs several GiB)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--vocabulary", choices=VOCABULARIES, default="lexicon",
                        help="article text from jieba's dictionary (default) or the small "
                             "hand-typed phrase set the first measurements used")
    parser.add_argument("--queries", type=int, default=40,
                        help="about how many place-name queries")
    parser.add_argument("--per-class", type=int, default=8,
                        help="queries of each other class (rare, common, phrases, …)")
    parser.add_argument("--fresh", type=int, default=2,
                        help="queries of each class also run as a new visitor's first")
    parser.add_argument("--work", type=Path, help="folder for the corpus and the site")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--site", action="store_true",
                        help="check the site already built in --work (skip corpus and build)")
    parser.add_argument("--build-only", action="store_true",
                        help="build and report the build and the index; run no queries")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every query")
    args = parser.parse_args(argv)

    work = args.work or Path(tempfile.mkdtemp(prefix="search-recall-"))
    work.mkdir(parents=True, exist_ok=True)
    output = work / "output"
    overrides = {"PATH": str(work / "content"), "PROJECT_ROOT": str(work),
                 "CACHE_PATH": str(work / ".cache")}
    try:
        if not args.site:
            started = time.perf_counter()
            write_corpus(work, args.items, args.seed, vocabulary=args.vocabulary)
            print(f"Corpus: {args.items} items, {corpus_characters(work / 'content')} distinct "
                  f"characters, written in {time.perf_counter() - started:.1f} s",
                  file=sys.stderr)
            shutil.rmtree(output, ignore_errors=True)
            shutil.rmtree(work / ".cache", ignore_errors=True)
            print(build_report(work, output), flush=True)
        print(index_report(output / "search"), flush=True)
        if args.build_only:
            return 0
        catalog = read_catalog(SETTINGS, overrides)
        records = search_records(catalog)[::-1]  # newest first, as results are shown
        texts = [normalize(r.text) for r in records]
        queries = pick_text_queries(records, texts, args.per_class, args.seed)
        queries[3 * args.per_class:3 * args.per_class] = pick_queries(catalog, args.queries,
                                                                      args.seed)
        print(f"{len(records)} records, {len(queries)} queries", file=sys.stderr)
        return check(queries, records, texts, output, args.fresh, args.verbose)
    finally:
        if not args.keep and not args.work:
            shutil.rmtree(work, ignore_errors=True)


def build_report(work: Path, output: Path) -> str:
    """A cold build in a child process: its time, CPU time, memory and the indexer's."""
    (work / "benchconf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"PATH = {str(work / 'content')!r}\nOUTPUT_PATH = {str(output)!r}\n"
        f"CACHE_PATH = {str(work / '.cache')!r}\nPROJECT_ROOT = {str(work)!r}\n", "utf-8")
    env = dict(os.environ, NOTICES_TIMINGS="1", NOTICES_QUIET_SERVER="1")
    try:
        seconds, rss_kib, stderr, pss_kib, cpu = run(
            [sys.executable, "-m", "notices", "build", "-s", str(work / "benchconf.py")],
            ROOT, env, sample=True)
    except SystemExit as failed:
        raise SystemExit(f"the build failed: {failed}") from None
    phases = parse_phases(stderr)
    build_mib, child_mib = parse_memory(stderr)
    indexer = re.search(r"^note: search indexer: (.*)$", stderr, re.M)
    # (``rss_kib`` from wait4 is the largest of the build and every process it waited for)
    lines = [f"Cold build: {seconds:.1f} s wall, {cpu:.1f} s CPU (every process); "
             f"build process peak {build_mib or rss_kib // 1024} MiB resident, largest child "
             f"{child_mib} MiB; all build processes together at most {pss_kib / 1024:.0f} MiB "
             "(summed PSS, sampled every 0.1 s)",
             f"Search indexer: {indexer[1] if indexer else 'not reported'}; the build spent "
             f"{phases.get('search-wait', phases.get('wait', float('nan'))):.1f} s waiting "
             "for it" if "search-wait" in phases or "wait" in phases else
             f"Search indexer: {indexer[1] if indexer else 'not reported'}",
             "Phases: " + ", ".join(f"{k} {v:.1f} s" for k, v in phases.items())]
    return "\n".join(lines)


def index_report(folder: Path) -> str:
    """Bytes and files of the index, by kind of file, and where the bytes are: the shards'
    common tokens (names, record lists) and rare tokens (heads, records), and the packs'
    display blocks and text pages (as stored, compressed, and the text they hold)."""
    parts: dict[str, list[int]] = {}
    for path in folder.rglob("*"):
        if path.is_file() and path.name != "index.html":
            key = path.parent.name if path.parent != folder else path.name
            parts.setdefault(key, []).append(path.stat().st_size)
    total = sum(sum(v) for v in parts.values())
    files = sum(len(v) for v in parts.values())
    detail = ", ".join(f"{k}/: {len(v)} files, {sum(v) / 1e6:.2f} MB"
                       for k, v in sorted(parts.items()))
    return (f"Index: {total / 1e6:.1f} MB in {files} files ({detail})\n"
            + index_breakdown(folder))


def _varint_at(data: bytes, at: int) -> tuple[int, int]:
    value, shift = 0, 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def index_breakdown(folder: Path) -> str:
    """Where the index's bytes are (see index_report)."""
    sizes = dict.fromkeys(["names", "common", "bitmaps", "rare"], 0)
    tokens = {"common": 0, "rare": 0}
    meta = json.loads((folder / "index.json").read_bytes())
    read = functools.partial(_read_index_file, folder)
    for number in range(meta["shards"]):
        data = shard_item(read, number)
        count, at = _varint_at(data, 0)
        tokens["common"] += count
        for _ in range(count):
            size, name_at = _varint_at(data, at)
            sizes["names"] += name_at + size - at  # the name and its length
            at = name_at + size
            length, start = _varint_at(data, at)
            head, _ = _varint_at(data, start)
            sizes["bitmaps" if head & 3 == 1 else "common"] += start + length - at
            at = start + length
        if at < len(data):  # the count of rare tokens, then their bit stream
            rare, _ = _varint_at(data, at)
            tokens["rare"] += rare
            sizes["rare"] += len(data) - at
    packs = []
    for kind, label in (("r", "display blocks"), ("t", "text pages")):
        table = (folder / "p" / f"{kind}.idx").read_bytes()
        items = len(table) // 4 - 1
        raw = stored_sum = 0
        for item in range(items):
            start, end = (int.from_bytes(table[4 * i:4 * i + 4], "little")
                          for i in (item, item + 1))
            stored_sum += end - start
            raw += len(packed_item(read, kind, item))
        packs.append(f"{label} {items} items, {stored_sum / 1e6:.2f} MB stored "
                     f"({raw / 1e6:.2f} MB before compression)")
    _read_index_file.cache_clear()
    mb = {k: f"{v / 1e6:.2f} MB" for k, v in sizes.items()}
    return (f"Shards: common tokens {tokens['common']:,} (names {mb['names']}, record lists "
            f"{mb['common']}, bitmaps {mb['bitmaps']}), rare tokens {tokens['rare']:,} "
            f"({mb['rare']}); packs ({meta['pack']} "
            f"bytes each at most): " + "; ".join(packs))


def check(queries, records, texts, output: Path, fresh: int, verbose: bool = False) -> int:
    from playwright.sync_api import sync_playwright

    counter = ByteCounter()
    os.environ["NOTICES_QUIET_SERVER"] = "1"
    server = serve_counting(output, counter)
    base = f"http://127.0.0.1:{server.server_address[1]}/search/"
    first: dict[str, list[tuple[int, float, Query]]] = {c: [] for c in CLASSES}
    later: dict[str, list[tuple[int, float, Query]]] = {c: [] for c in CLASSES}
    scores = {c: [0, 0, 0, 0, 0] for c in CLASSES}  # passed, failed, found right, found, want
    page_loads = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=CHROMIUM_ARGS)
        # A new visitor: a fresh browser profile loads the page, then asks one question.
        for group in CLASSES:
            for query in [q for q in queries if q.group == group
                          and not (q.district or q.date)][:fresh]:
                context = browser.new_context()
                page = context.new_page()
                page.goto(base)
                page.wait_for_load_state("networkidle")
                page_loads.append(sum(n for _, n in counter.take()))
                _, seconds = run_query(page, query, output)
                first[group].append((sum(n for _, n in counter.take()), seconds, query))
                context.close()
        # One visitor asking every question in turn.
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + "?" + urlencode({"q": "慈城镇"}))
        page.wait_for_selector("body[data-search-state=done]", state="attached")
        counter.take()
        for query in queries:
            got, seconds = run_query(page, query, output)
            sent = sum(n for _, n in counter.take())
            later[query.group].append((sent, seconds, query))
            want = query.expected(records, texts)
            ok = got == want and bool(want)
            right = len(set(got) & set(want))
            score = scores[query.group]
            score[0] += ok
            score[1] += not ok
            score[2] += right
            score[3] += len(got)
            score[4] += len(want)
            if verbose:
                print(f"{'ok  ' if ok else 'FAIL'} {kib(sent):>9} {seconds * 1000:6.0f} ms "
                      f"{len(got):6} results  {query}")
            if not ok:
                print(describe_failure(query, got, want) if want else
                      f"FAIL {query}: the ground truth is empty; pick another name")
        context.close()
        browser.close()
    server.shutdown()

    print(f"The search page itself (HTML, CSS, script), before a query: "
          f"{kib(statistics.median(page_loads))}")
    print("| class | queries | passed | results (max) | first query KB (max) | later KB "
          "(median / max) | time to results ms (median / max) | recall | precision |")
    print("|---|---|---|---|---|---|---|---|---|")
    over = False
    for group in CLASSES:
        if later[group]:
            cells, over_budget = class_row(group, later[group], first[group], scores[group],
                                           records, texts)
            print(cells + " |")
            over |= over_budget
    failed = sum(s[1] for s in scores.values())
    print(f"{sum(s[0] for s in scores.values())} passed, {failed} failed")
    if over:
        print("Over budget: first query must stay under 300 KB, later queries under 50 KB")
    return 0 if failed == 0 and not over else 1


def class_row(group, rows, firsts_rows, score, records, texts) -> tuple[str, bool]:
    """The table row of one query class (without its closing ``|``; a caller may add
    columns), and whether a query of it went over the budgets."""
    passed, _failed, right, found, want = score[:5]
    sizes = [n for n, _, _ in rows]
    times = [s * 1000 for _, s, _ in rows]
    firsts = [n for n, _, _ in firsts_rows]
    biggest = max(rows, key=lambda x: x[0])[2]
    results = max(len(q.expected(records, texts)) for _, _, q in rows)
    cells = (f"| {group} | {len(rows)} | {passed} | {results} | "
             f"{kib(max(firsts)) if firsts else '-'} | {kib(statistics.median(sizes))} / "
             f"{kib(max(sizes))} ({biggest.text}) | {statistics.median(times):.0f} / "
             f"{max(times):.0f} | {right / want if want else 1:.3f} | "
             f"{right / found if found else 1:.3f}")
    over = (bool(firsts) and max(firsts) >= FIRST_QUERY_BUDGET) or max(sizes) >= LATER_QUERY_BUDGET
    return cells, over


if __name__ == "__main__":
    sys.exit(main())
