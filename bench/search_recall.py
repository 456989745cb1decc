"""Check search recall and precision on a generated site in Chromium, and what queries cost.

    python bench/search_recall.py                # 5,000 items, seed 1, in a temporary folder
    python bench/search_recall.py --items 500 --work /tmp/recall --keep

Generates the corpus (bench/corpus.py), builds it with this project's build, picks place
names from the catalog (towns, villages, companies, customer numbers, transformer boxes,
roads, two-character names such as 高桥, the single character 镇, queries of two terms and
queries with a district or month filter), and runs each in Chromium on the built site
served on localhost. The complete result list of each query (in order) is compared with the
ground truth computed from the catalog: every record whose text contains the query as a
substring, newest first. A search that loses or adds a single record fails here.

Prints one line per failed query, ``N passed, N failed``, the bytes the server sent for the
first query of a new visitor (each of several queries in a fresh browser) and for later
queries, and the time the build spent indexing. Exits 1 unless every query passed, every
first query stayed under 300 KB and every later query under 50 KB.
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
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from corpus import write_corpus  # noqa: E402

from notices import timing  # noqa: E402
from notices.build.driver import build, read_catalog  # noqa: E402
from notices.build.serve import make_server  # noqa: E402
from notices.search.index import normalize, search_records  # noqa: E402

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

    def __init__(self, text: str, why: str, district: str = "", date: str = ""):
        self.text, self.why, self.district, self.date = text, why, district, date

    def __str__(self) -> str:
        filters = ", ".join(f for f in (self.district, self.date) if f)
        return f"{self.text}" + (f" [{filters}]" if filters else "") + f" ({self.why})"

    def expected(self, records) -> list[str]:
        """Ground truth: records containing every term as a substring, that pass the filters."""
        terms = [normalize(t) for t in self.text.split()]
        found = []
        for record in records:
            text = normalize(record.text)
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


def run_query(page, query: Query, output: Path) -> list[str]:
    """Type the query and filters into the search form; return every result's URL in order."""
    page.select_option("#search-district", query.district)
    page.select_option("#search-date", query.date)
    page.fill("#search-q", query.text)
    page.press("#search-q", "Enter")
    page.wait_for_selector("body[data-search-state=done]", state="attached", timeout=60_000)
    keys = page.evaluate("() => window.noticesSearchResults()") or []
    urls = []
    block = json.loads((output / "search" / "index.json").read_text())["block"]
    for number in keys:
        items = json.loads((output / "search" / "r" / f"{number // block}.json").read_text())
        urls.append(items[number % block]["u"])
    return urls


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
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--queries", type=int, default=60, help="about how many (at least 50)")
    parser.add_argument("--fresh", type=int, default=12,
                        help="queries also run as the first query of a new visitor")
    parser.add_argument("--work", type=Path, help="folder for the corpus and the site")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--site", action="store_true",
                        help="check the site already built in --work (skip corpus and build)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every query")
    args = parser.parse_args(argv)

    work = args.work or Path(tempfile.mkdtemp(prefix="search-recall-"))
    work.mkdir(parents=True, exist_ok=True)
    output = work / "output"
    overrides = {"PATH": str(work / "content"), "PROJECT_ROOT": str(work),
                 "CACHE_PATH": str(work / ".cache")}
    try:
        index_seconds = float("nan")
        if not args.site:
            started = time.perf_counter()
            write_corpus(work, args.items, args.seed)
            print(f"Corpus: {args.items} items in {time.perf_counter() - started:.1f} s",
                  file=sys.stderr)
            started = time.perf_counter()
            log = io.StringIO()
            with redirect_stdout(log), redirect_stderr(log):
                code = build(SETTINGS, str(output), overrides)
            if code != 0:
                print(log.getvalue(), file=sys.stderr)
                return 2
            print(f"Built in {time.perf_counter() - started:.1f} s", file=sys.stderr)
            index_seconds = timing.PHASES.get("search", float("nan"))
        catalog = read_catalog(SETTINGS, overrides)
        records = search_records(catalog)[::-1]  # newest first, as results are shown
        queries = pick_queries(catalog, args.queries, args.seed)
        print(f"{len(records)} records, {len(queries)} queries", file=sys.stderr)
        return check(queries, records, output, args.fresh, index_seconds, args.items,
                     args.verbose)
    finally:
        if not args.keep and not args.work:
            shutil.rmtree(work, ignore_errors=True)


def check(queries, records, output: Path, fresh: int, index_seconds: float, items: int,
          verbose: bool = False) -> int:
    from playwright.sync_api import sync_playwright

    counter = ByteCounter()
    os.environ["NOTICES_QUIET_SERVER"] = "1"
    server = serve_counting(output, counter)
    base = f"http://127.0.0.1:{server.server_address[1]}/search/"
    passed, failed, later, first, page_loads = 0, 0, [], [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=CHROMIUM_ARGS)
        # A new visitor: a fresh browser profile loads the page, then asks one question.
        for query in [q for q in queries if not (q.district or q.date)][:fresh]:
            context = browser.new_context()
            page = context.new_page()
            page.goto(base)
            page.wait_for_load_state("networkidle")
            page_loads.append(sum(n for _, n in counter.take()))
            run_query(page, query, output)
            first.append((sum(n for _, n in counter.take()), query))
            context.close()
        # One visitor asking every question in turn.
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + "?" + urlencode({"q": "慈城镇"}))
        page.wait_for_selector("body[data-search-state=done]", state="attached")
        counter.take()
        for query in queries:
            got = run_query(page, query, output)
            sent = sum(n for _, n in counter.take())
            later.append((sent, query))
            want = query.expected(records)
            ok = got == want and bool(want)
            passed, failed = passed + ok, failed + (not ok)
            if verbose:
                print(f"{'ok  ' if ok else 'FAIL'} {kib(sent):>9} {len(got):6} results  {query}")
            if not ok:
                print(describe_failure(query, got, want) if want else
                      f"FAIL {query}: the ground truth is empty; pick another name")
        context.close()
        browser.close()
    server.shutdown()

    places = [(n, q) for n, q in later if not (q.district or q.date)]
    filtered = [(n, q) for n, q in later if q.district or q.date]
    first_max, later_max = max(first, key=lambda x: x[0]), max(places, key=lambda x: x[0])
    print(f"{passed} passed, {failed} failed")
    print(f"First query of a new visitor: at most {kib(first_max[0])} ({first_max[1].text}), "
          f"median {kib(statistics.median(n for n, _ in first))} over {len(first)} visitors "
          f"(the page itself before that: {kib(statistics.median(page_loads))})")
    print(f"Later queries: at most {kib(later_max[0])} ({later_max[1].text}), "
          f"median {kib(statistics.median(n for n, _ in places))} over {len(places)} "
          "place names")
    if filtered:
        top = max(filtered, key=lambda x: x[0])
        print(f"Later queries with a filter: at most {kib(top[0])} ({top[1]}); the first use "
              "of a filter value loads its record list once")
    print(f"Index time for {items} items ({len(records)} records): {index_seconds:.1f} s")
    within = first_max[0] < FIRST_QUERY_BUDGET and later_max[0] < LATER_QUERY_BUDGET
    if not within:
        print("Over budget: first query must stay under 300 KB, later queries under 50 KB")
    return 0 if failed == 0 and within else 1


if __name__ == "__main__":
    sys.exit(main())
