"""Pagefind fed bigram words, measured beside this project's index on the same corpus.

    npm ci --prefix bench/pagefind                     # Pagefind 1.6.0, pinned (once)
    python bench/pagefind_compare.py                   # 5,000 items, seed 1
    python bench/pagefind_compare.py --items 20000 --work /tmp/pf20k --keep

Issue 18 asks to re-measure Pagefind (https://pagefind.app) fed bigram words instead of
positional trigrams, with exactness checked in the browser against the record text. This
script:

1. runs ``bench/search_recall.py`` on the corpus (``bench/corpus.py``, real vocabulary) in
   the work folder, which builds the site with our index and prints its figures (skip with
   ``--skip-ours``, e.g. when they were just taken);
2. feeds Pagefind (the npm package, run through its Node API by ``bench/pagefind/index.mjs``)
   one custom record per search record (``notices.search.records.search_records``: the same
   records and texts our index has), the text cut into runs and units as ours is and each
   run written as its units with the pair of each two neighbours between them (慈城镇 →
   ``慈 慈城 城 城镇 镇``), every non-ASCII character as an ASCII code (``unit_word``;
   ``--words cjk``: as itself); filters ``kind``, ``district``, ``year``, ``month``; sort
   key ``n`` (the record number, so results come newest first as ours do); meta: the title
   and what a result shows;
3. measures Pagefind's indexing: wall and CPU seconds (Node and the Pagefind binary it
   runs), the peak summed PSS of those processes (sampled every 0.1 s; stopped above
   ``--memory-cap``), bytes and files;
4. in headless Chromium (Debian's, as the tests use it) on ``bench/pagefind/search.html``,
   served by ``notices.build.serve`` with every byte counted (headers too), runs the query
   classes of ``bench/search_recall.py`` (the same queries for the same seed): every word of
   every term is required (a one-unit term is its unit word, a longer one its pair words;
   ``--phrase``: the longest term as the quoted phrase of its own words, matched by word
   positions); the page loads the fragments of the first results and checks each record's
   text for the query, until 20 results pass (``dropped``: candidates the check threw out);
5. compares Pagefind's complete candidate list (ids mapped to URLs from the fragment files
   on disk), in order, with the ground truth (every record containing the query, newest
   first) and prints the table of ``bench/search_recall.py``, with how many counts were
   exact and what fetching every candidate's fragment (an exact count checked in the
   browser) would cost.

Exits 1 unless every query passed and stayed under the byte budgets.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from corpus import corpus_characters, write_corpus  # noqa: E402
from processes import descendants  # noqa: E402
from search_recall import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    CLASSES,
    SETTINGS,
    ByteCounter,
    class_row,
    kib,
    pick_queries,
    pick_text_queries,
    serve_counting,
)

from bench import _tree_pss_kib  # noqa: E402
from notices.build.driver import read_catalog  # noqa: E402
from notices.search.index import normalize, runs  # noqa: E402
from notices.search.records import search_records  # noqa: E402

PAGEFIND = HERE / "pagefind"
NODE = os.environ.get("NODE", "node")
# Pagefind indexes CJK text with a segmenter (jieba in its extended build) when a record's
# language is Chinese or Japanese, and otherwise matched 高桥 as 高 and 桥 anywhere in a
# record (1.6.0, tried on 300 items); so each character is written as an ASCII code (see
# unit_word), ``_`` counts as a word character, and the records are given a language
# Pagefind has neither a segmenter nor a stemmer for.
LANGUAGE = "und"
CONFIG = {"includeCharacters": "_"}


def unit_word(unit: str) -> str:
    """A unit as Pagefind sees it: an ASCII word as is, any other character as ``_`` and
    four base-36 digits of its code point (慈 → ``_7cl4``)."""
    if len(unit) == 1 and ord(unit) > 127:
        code, digits = ord(unit), ""
        while code:
            code, digit = divmod(code, 36)
            digits = "0123456789abcdefghijklmnopqrstuvwxyz"[digit] + digits
        return "_" + digits.rjust(4, "0")
    return unit


def bigram_words(text: str, codes: bool = True) -> str:
    """A record's text as Pagefind words: per run, each unit, and between two units the
    pair of them (慈城镇 → the words of ``慈 慈城 城 城镇 镇``, each unit as unit_word)."""
    out: list[str] = []
    for units in runs(text):
        words = [unit_word(u) for u in units] if codes else units
        out.append(words[0])
        for a, b in zip(words, words[1:], strict=False):
            out += (a + b, b)
    return " ".join(out)


def pagefind_records(records, codes: bool = True) -> list[dict]:
    """One Pagefind custom record per search record (numbered oldest first, as ours)."""
    out = []
    for number, record in enumerate(records):
        display = dict(record.display)
        out.append({
            "url": "/" + record.url,
            "content": bigram_words(record.text, codes),
            "language": LANGUAGE,
            # What a result shows. Pagefind indexes meta values too: their Chinese words
            # are never asked for (queries are written as unit_word codes).
            "meta": {"title": display.get("t", ""),
                     "display": json.dumps(display, ensure_ascii=False, sort_keys=True)},
            "filters": {"kind": [record.kind.value], "district": list(record.districts),
                        "year": [record.month[:4]], "month": [record.month]},
            "sort": {"n": f"{number:07d}"},
        })
    return out


class OverMemory(Exception):
    """The indexer went over the memory cap and was stopped."""


def run_sampled(cmd: list[str], cap_kib: int) -> tuple[float, float, int, str]:
    """Run a command; return its wall seconds, the CPU seconds of it and every process
    under it (user + system, read from /proc every 0.1 s: the Pagefind binary is a child
    that Node does not always wait for), the peak summed PSS in KiB of them all, and its
    stderr. Stops it (OverMemory) once they hold more than ``cap_kib``: the machine is
    shared."""
    ticks = os.sysconf("SC_CLK_TCK")
    cpu: dict[int, int] = {}
    peak = 0
    started = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    over = False
    done = threading.Event()

    def poll() -> None:
        nonlocal peak, over
        while not done.wait(0.1):
            for pid in descendants(process.pid):
                try:
                    with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
                        fields = handle.read().rsplit(")", 1)[1].split()
                    cpu[pid] = max(cpu.get(pid, 0), int(fields[11]) + int(fields[12]))
                except (OSError, ValueError, IndexError):
                    continue
            peak = max(peak, _tree_pss_kib(process.pid))
            if peak > cap_kib and not over:
                over = True
                os.killpg(process.pid, signal.SIGKILL)

    sampler = threading.Thread(target=poll, daemon=True)
    sampler.start()
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    if over:
        raise OverMemory(f"stopped after {elapsed:.0f} s wall, {sum(cpu.values()) / ticks:.0f} s "
                         f"CPU: its processes held more than {cap_kib // 1024} MiB")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{stderr[-3000:]}")
    seconds = max(sum(cpu.values()) / ticks, usage.ru_utime + usage.ru_stime)
    return elapsed, seconds, peak, stderr


def installed() -> None:
    binary = PAGEFIND / "node_modules" / "pagefind" / "package.json"
    if not binary.exists():
        raise SystemExit("Pagefind is not installed: run `npm ci --prefix bench/pagefind` "
                         "(the pinned version in bench/pagefind/package-lock.json)")


def build_pagefind(records, site: Path, cap_kib: int, codes: bool = True
                   ) -> tuple[str, dict[str, tuple[str, int]]]:
    """Index the records with Pagefind into ``site/pagefind``; return the report lines and
    the fragment ids' URLs (read from the files on disk, not through the server)."""
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir(parents=True)
    started = time.perf_counter()
    lines = pagefind_records(records, codes)
    feed = site.parent / f"{site.name}.jsonl"
    with feed.open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    prepared = time.perf_counter() - started
    text_bytes = sum(len(r.text.encode()) for r in records)
    word_bytes = sum(len(r["content"].encode()) for r in lines)
    os.sync()
    seconds, cpu, pss_kib, stderr = run_sampled(
        [NODE, str(PAGEFIND / "index.mjs"), str(feed), str(site / "pagefind"),
         json.dumps(CONFIG)], cap_kib)
    shutil.copy(PAGEFIND / "search.html", site / "index.html")
    parts: dict[str, list[int]] = {}
    for path in (site / "pagefind").rglob("*"):
        if path.is_file():
            key = path.parent.name if path.parent.name != "pagefind" else "(top)"
            parts.setdefault(key, []).append(path.stat().st_size)
    total = sum(sum(v) for v in parts.values())
    files = sum(len(v) for v in parts.values())
    detail = ", ".join(f"{k}/: {len(v)} files, {sum(v) / 1e6:.2f} MB"
                       for k, v in sorted(parts.items()))
    ids = fragment_urls(site / "pagefind")
    report = [
        f"Pagefind records: {len(records)} ({text_bytes / 1e6:.1f} MB of text as UTF-8, "
        f"{word_bytes / 1e6:.1f} MB as bigram words), written in {prepared:.1f} s",
        f"Pagefind index: {seconds:.1f} s wall, {cpu:.1f} s CPU (Node and the Pagefind "
        f"binary, read from /proc); all its processes at most "
        f"{pss_kib / 1024:.0f} MiB (summed PSS, sampled every 0.1 s); "
        + (stderr.strip().splitlines() or ["(no timings printed)"])[-1],
        f"Pagefind files: {total / 1e6:.1f} MB in {files} files ({detail}); "
        f"{total / text_bytes:.2f} × the text's UTF-8",
    ]
    return "\n".join(report), ids


def fragment_urls(folder: Path) -> dict[str, tuple[str, int]]:
    """Every fragment's id (its file name), the record URL in it and the file's bytes."""
    urls = {}
    for path in (folder / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        if data.startswith(b"pagefind_dcd"):
            data = data[len(b"pagefind_dcd"):]
        fragment = json.loads(data)
        urls[path.stem] = (fragment["url"], path.stat().st_size)
    return urls


def filters_of(query) -> dict:
    found: dict[str, str] = {}
    if query.district:
        found["district"] = query.district
    if query.date:
        found["year" if len(query.date) == 4 else "month"] = query.date
    return found


def check(queries, records, texts, site: Path, urls: dict[str, tuple[str, int]], fresh: int,
          verbose: bool = False, codes: bool = True, phrase: bool = False) -> int:
    from playwright.sync_api import sync_playwright

    counter = ByteCounter()
    os.environ["NOTICES_QUIET_SERVER"] = "1"
    server = serve_counting(site, counter)
    base = f"http://127.0.0.1:{server.server_address[1]}/?" + urlencode(
        {"words": "codes" if codes else "cjk", "query": "phrase" if phrase else "words"})
    first = {c: [] for c in CLASSES}
    later = {c: [] for c in CLASSES}
    # passed, failed, found right, found, wanted, dropped by the check, counts exact
    scores = {c: [0, 0, 0, 0, 0, 0, 0] for c in CLASSES}
    # bytes to fetch every candidate's fragment (what an exact count checked in the browser
    # costs): the files' bytes plus the headers measured on the fragments fetched
    check_all: dict[str, list[tuple[int, int]]] = {c: [] for c in CLASSES}
    header_bytes: list[int] = []
    page_loads = []

    def ask(page, query):
        started = time.perf_counter()
        answer = page.evaluate("([q, f]) => window.benchSearch(q, f)",
                               [query.text, filters_of(query)])
        return answer, time.perf_counter() - started

    def open_page(context):
        page = context.new_page()
        page.goto(base)
        page.wait_for_selector("body[data-ready]", state="attached")
        page.evaluate("() => window.pagefindReady")
        page.wait_for_load_state("networkidle")
        return page

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=CHROMIUM_ARGS)
        for group in CLASSES:
            for query in [q for q in queries if q.group == group
                          and not (q.district or q.date)][:fresh]:
                context = browser.new_context()
                page = open_page(context)
                page_loads.append(sum(n for _, n in counter.take()))
                _, seconds = ask(page, query)
                first[group].append((sum(n for _, n in counter.take()), seconds, query))
                context.close()
        context = browser.new_context()
        page = open_page(context)
        ask(page, type("Q", (), {"text": "慈城镇", "district": "", "date": ""})())
        counter.take()
        for query in queries:
            answer, seconds = ask(page, query)
            taken = counter.take()
            sent = sum(n for _, n in taken)
            later[query.group].append((sent, seconds, query))
            per_path: dict[str, int] = {}
            for path, n in taken:
                per_path[path] = per_path.get(path, 0) + n
            for path, n in per_path.items():
                if path.startswith("/pagefind/fragment/"):
                    header_bytes.append(n - urls[Path(path).stem][1])
            got = [urls[i][0].lstrip("/") for i in answer["ids"]]
            check_all[query.group].append((sum(urls[i][1] for i in answer["ids"]), len(got)))
            want = query.expected(records, texts)
            shown_ok = [u.lstrip("/") for u in answer["shown"]] == want[:len(answer["shown"])]
            ok = got == want and bool(want) and shown_ok and not answer["dropped"]
            right = len(set(got) & set(want))
            score = scores[query.group]
            score[0] += ok
            score[1] += not ok
            score[2] += right
            score[3] += len(got)
            score[4] += len(want)
            score[5] += answer["dropped"]
            score[6] += len(got) == len(want)
            if verbose:
                print(f"{'ok  ' if ok else 'FAIL'} {kib(sent):>9} {seconds * 1000:6.0f} ms "
                      f"{len(got):6} results {answer['dropped']:3} dropped  {query}  "
                      f"[{answer['query']}]")
            if not ok:
                missing, extra = set(want) - set(got), set(got) - set(want)
                print(f"FAIL {query} [{answer['query']}]: {len(got)} candidates, expected "
                      f"{len(want)} ({len(missing)} missing, {len(extra)} not containing "
                      f"it); {answer['dropped']} dropped by the check of "
                      f"{answer['checked']} shown")
        context.close()
        browser.close()
    server.shutdown()

    header = statistics.median(header_bytes) if header_bytes else 0
    print(f"The bench page with pagefind.js, before a query: "
          f"{kib(statistics.median(page_loads))}; headers of a fragment response: "
          f"{header:.0f} bytes")
    print("| class | queries | passed | results (max) | first query KB (max) | later KB "
          "(median / max) | time to results ms (median / max) | recall | precision | "
          "dropped by the check | counts exact | KB to check every candidate (max) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    over = False
    for group in CLASSES:
        rows = later[group]
        if not rows:
            continue
        dropped, exact = scores[group][5:7]
        check_kb = max(n + header * count for n, count in check_all[group])
        cells, over_budget = class_row(group, rows, first[group], scores[group], records, texts)
        print(f"{cells} | {dropped} | {exact} of {len(rows)} | {kib(check_kb)} |")
        over |= over_budget
    failed = sum(s[1] for s in scores.values())
    print(f"{sum(s[0] for s in scores.values())} passed, {failed} failed")
    if over:
        print("Over budget: first query must stay under 300 KB, later queries under 50 KB")
    return 0 if failed == 0 and not over else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--per-class", type=int, default=8)
    parser.add_argument("--fresh", type=int, default=2)
    parser.add_argument("--work", type=Path, help="folder for the corpus and both sites")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--skip-ours", action="store_true",
                        help="do not run bench/search_recall.py (the corpus is written if "
                             "the work folder has none)")
    parser.add_argument("--memory-cap", type=int, default=12288, metavar="MIB",
                        help="stop Pagefind's indexing once its processes hold more than "
                             "this (default 12288 MiB: the machine is shared)")
    parser.add_argument("--words", choices=("codes", "cjk"), default="codes",
                        help="write each character as an ASCII code (default; exact) or as "
                             "itself (Pagefind then matches 高桥 as 高 and 桥 anywhere)")
    parser.add_argument("--phrase", action="store_true",
                        help="ask a longer term as the quoted phrase of its own words (unit, "
                             "pair, unit, …), which Pagefind matches by word positions")
    parser.add_argument("--reuse-index", action="store_true",
                        help="query the Pagefind index already in the work folder")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every query")
    args = parser.parse_args(argv)
    codes = args.words == "codes"
    installed()

    work = args.work or Path(tempfile.mkdtemp(prefix="pagefind-compare-"))
    work.mkdir(parents=True, exist_ok=True)
    code = 0
    try:
        if not args.skip_ours:
            print(f"## Our index: bench/search_recall.py --items {args.items}", flush=True)
            ours = subprocess.run(
                [sys.executable, str(HERE / "search_recall.py"), "--items", str(args.items),
                 "--seed", str(args.seed), "--queries", str(args.queries), "--per-class",
                 str(args.per_class), "--fresh", str(args.fresh), "--work", str(work)],
                cwd=ROOT, check=False)
            code |= ours.returncode
        elif not (work / "content").exists():
            write_corpus(work, args.items, args.seed)
        print(f"## Pagefind fed bigram words ({args.words}): {args.items} items, "
              f"{corpus_characters(work / 'content')} distinct characters", flush=True)
        overrides = {"PATH": str(work / "content"), "PROJECT_ROOT": str(work),
                     "CACHE_PATH": str(work / ".cache")}
        catalog = read_catalog(SETTINGS, overrides)
        numbered = search_records(catalog)
        site = work / f"pagefind-site-{args.words}"
        if args.reuse_index and (site / "pagefind").exists():
            shutil.copy(PAGEFIND / "search.html", site / "index.html")
            urls = fragment_urls(site / "pagefind")
            print(f"Pagefind index: reused ({site})", flush=True)
        else:
            try:
                report, urls = build_pagefind(numbered, site, args.memory_cap * 1024, codes)
            except OverMemory as error:
                print(f"Pagefind index: {error}", flush=True)
                return 1
            print(report, flush=True)
        records = numbered[::-1]  # newest first, as results are shown
        texts = [normalize(r.text) for r in records]
        queries = pick_text_queries(records, texts, args.per_class, args.seed)
        queries[3 * args.per_class:3 * args.per_class] = pick_queries(catalog, args.queries,
                                                                      args.seed)
        code |= check(queries, records, texts, site, urls, args.fresh, args.verbose, codes,
                      args.phrase)
        return code
    finally:
        if not args.keep and not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
